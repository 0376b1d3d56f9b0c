"""Mailbox settings, TLS and plain-words errors shared by the IMAP and SMTP transport.

Nothing here touches the store or Qt. Every connection verifies the server's
certificate and host name; there is no plaintext fallback anywhere.
"""

from __future__ import annotations

import imaplib
import smtplib
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

Security = Literal["tls", "starttls"]
#: 'password': LOGIN/PLAIN with a password; 'oauth2': SASL OAUTHBEARER or XOAUTH2 with
#: an access token passed where the password would go.
AuthKind = Literal["password", "oauth2"]
Stage = Literal[
    "dns", "connect", "tls", "certificate", "starttls", "login", "command", "timeout",
    "token", "consent", "sasl",
]  # fmt: skip

_CRLF_TABLE = str.maketrans("", "", "\r\n\x00")
_MAX_SERVER_TEXT = 200


@dataclass(frozen=True)
class MailboxConfig:
    """Where and how one support mailbox receives and sends mail.

    `cafile` trusts exactly that PEM file instead of the system store (for
    self-hosted servers and tests); verification stays on either way.
    """

    name: str
    email_address: str
    username: str
    imap_host: str
    imap_port: int
    imap_security: Security
    smtp_host: str
    smtp_port: int
    smtp_security: Security
    sent_folder: str | None = None
    cafile: str | None = None
    auth: AuthKind = "password"


class MailError(Exception):
    """A mail transport failure with a stage and a message a rep can act on.

    Attributes:
        stage: where it failed ('dns', 'connect', 'tls', 'certificate',
            'starttls', 'login', 'command' or 'timeout').
        user_message: plain words for the status bar or a dialog.
        retryable: True when trying again later may work (network trouble,
            4xx replies); False when something must be changed first.
        detail: technical text for logs (never contains the password).
    """

    def __init__(
        self,
        stage: Stage,
        user_message: str,
        *,
        retryable: bool = False,
        detail: str = "",
        host: str = "",
        port: int = 0,
    ) -> None:
        super().__init__(user_message)
        self.stage: Stage = stage
        self.user_message = user_message
        self.retryable = retryable
        self.detail = detail
        self.host = host
        self.port = port

    def __repr__(self) -> str:
        return f"MailError(stage={self.stage!r}, retryable={self.retryable}, {self.user_message!r})"


@dataclass(frozen=True)
class StepResult:
    """Outcome of one half (receiving or sending) of a connection test."""

    ok: bool
    message: str
    stage: Stage | None = None


@dataclass(frozen=True)
class ConnectionReport:
    """What `test_connection` found for receiving (IMAP) and sending (SMTP)."""

    imap: StepResult
    smtp: StepResult
    #: steps before the servers are asked (OAuth2: token renewal, consent)
    before: tuple[StepResult, ...] = ()

    @property
    def ok(self) -> bool:
        """True when every step works."""
        return self.imap.ok and self.smtp.ok and all(step.ok for step in self.before)


def no_crlf(value: str) -> str:
    """Return `value` without CR, LF or NUL, so it cannot inject a protocol line."""
    return value.translate(_CRLF_TABLE)


def make_ssl_context(cafile: str | None = None) -> ssl.SSLContext:
    """Return a verifying client TLS context.

    Args:
        cafile: trust exactly this PEM file instead of the system store.
    """
    context = ssl.create_default_context(purpose=ssl.Purpose.SERVER_AUTH, cafile=cafile)
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context


def server_text(text: object) -> str:
    """Make a server reply safe and short enough to show in a message."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    cleaned = "".join(ch if ch.isprintable() else " " for ch in str(text)).strip()
    if len(cleaned) > _MAX_SERVER_TEXT:
        cleaned = cleaned[: _MAX_SERVER_TEXT - 1] + "…"
    return cleaned


def classify(exc: BaseException, host: str, port: int) -> MailError:
    """Turn a socket, TLS, imaplib or smtplib exception into a `MailError`."""
    if isinstance(exc, MailError):
        return exc
    if isinstance(exc, smtplib.SMTPException):
        return _classify_smtp(exc, host, port)
    stage, message, retryable = _describe(exc, host, port)
    return MailError(
        stage,
        message,
        retryable=retryable,
        detail=f"{type(exc).__name__}: {exc}",
        host=host,
        port=port,
    )


def _describe(exc: BaseException, host: str, port: int) -> tuple[Stage, str, bool]:
    """Return (stage, plain message, retryable) for a non-SMTP exception."""
    if isinstance(exc, socket.gaierror):
        return (
            "dns",
            f"The server name {host} could not be found. "
            "Check the spelling and that this computer is online.",
            True,
        )
    if isinstance(exc, ssl.SSLCertVerificationError):
        reason = server_text(exc.verify_message or exc.reason or "unknown reason")
        return (
            "certificate",
            f"The security certificate of {host} could not be verified ({reason}). "
            "The connection was stopped before your password was sent. If this is "
            "your own server, ask its administrator for its certificate authority.",
            False,
        )
    if isinstance(exc, ssl.SSLError):
        return (
            "tls",
            f"A secure connection with {host} on port {port} could not be set up. "
            "Check that the port matches the security setting (SSL/TLS or STARTTLS).",
            False,
        )
    if isinstance(exc, TimeoutError):
        return (
            "timeout",
            f"The server {host} did not answer on port {port} in time. "
            "Check the server name and port, or try again later.",
            True,
        )
    if isinstance(exc, ConnectionRefusedError):
        return (
            "connect",
            f"The server {host} refused the connection on port {port}. "
            "Check the port and that the server is running.",
            True,
        )
    if isinstance(exc, imaplib.IMAP4.abort):
        return (
            "connect",
            f"The connection to {host} was interrupted. It will be tried again.",
            True,
        )
    if isinstance(exc, imaplib.IMAP4.error):
        text = server_text(exc)
        temporary = "UNAVAILABLE" in text or "INUSE" in text
        return "command", f"The server {host} refused a request ({text}).", temporary
    if isinstance(exc, OSError | EOFError):
        reason = server_text(getattr(exc, "strerror", None) or exc or type(exc).__name__)
        return (
            "connect",
            f"Could not reach {host} on port {port} ({reason}). "
            "Check that this computer is online.",
            True,
        )
    return "command", f"Talking to {host} failed ({server_text(exc)}).", False


def _classify_smtp(exc: smtplib.SMTPException, host: str, port: int) -> MailError:
    """Classify smtplib's exceptions; 4xx replies are retryable, 5xx are not."""
    stage: Stage = "command"
    retryable = False
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        stage, retryable = "connect", True
        message = f"The server {host} closed the connection. It will be tried again."
    elif isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        retryable = bool(codes) and all(400 <= code < 500 for code in codes)
        listed = ", ".join(
            f"{no_crlf(addr)} ({code} {server_text(text)})"
            for addr, (code, text) in exc.recipients.items()
        )
        message = f"The server {host} refused every recipient: {listed}."
    elif isinstance(exc, smtplib.SMTPResponseException):
        code, text = exc.smtp_code, server_text(exc.smtp_error)
        retryable = 400 <= code < 500
        if isinstance(exc, smtplib.SMTPAuthenticationError):
            stage = "login"
            message = f"The server {host} did not accept the user name or password ({code} {text})."
        else:
            message = (
                f"The server {host} could not take the message right now ({code} {text}). "
                "It will be tried again."
                if retryable
                else f"The server {host} rejected the message ({code} {text}). "
                "Sending it again will not help until this is fixed."
            )
    else:
        message = f"The server {host} refused a request ({server_text(exc)})."
    return MailError(
        stage,
        message,
        retryable=retryable,
        detail=f"{type(exc).__name__}: {exc}",
        host=host,
        port=port,
    )


@contextmanager
def mail_errors(host: str, port: int) -> Iterator[None]:
    """Re-raise network, TLS and protocol errors inside the block as `MailError`."""
    try:
        yield
    except MailError:
        raise
    except (OSError, EOFError, imaplib.IMAP4.error) as exc:
        raise classify(exc, host, port) from exc


def test_connection(cfg: MailboxConfig, password: str, timeout: float = 20.0) -> ConnectionReport:
    """Sign in to the IMAP and the SMTP server and say in plain words what works.

    Never raises for mail problems: each half reports its own failure.
    """
    # Imported late: both modules import this one.
    from supportdesk.channels.email.imap import ImapSession
    from supportdesk.channels.email.smtp import check_smtp

    try:
        with ImapSession(cfg, password, timeout=timeout) as session:
            idle = "" if session.has_capability("IDLE") else " (no IDLE: new mail is polled)"
            how = f" with SASL {session.mechanism}" if cfg.auth == "oauth2" else ""
        imap_step = StepResult(
            True, f"Receiving works: signed in to {cfg.imap_host} as {cfg.username}{how}{idle}."
        )
    except MailError as exc:
        imap_step = StepResult(False, f"Receiving failed: {exc.user_message}", exc.stage)
    try:
        used = check_smtp(cfg, password, timeout=timeout)
        how = f" with SASL {used}" if cfg.auth == "oauth2" else ""
        smtp_step = StepResult(
            True, f"Sending works: signed in to {cfg.smtp_host} as {cfg.username}{how}."
        )
    except MailError as exc:
        smtp_step = StepResult(False, f"Sending failed: {exc.user_message}", exc.stage)
    return ConnectionReport(imap=imap_step, smtp=smtp_step)


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
