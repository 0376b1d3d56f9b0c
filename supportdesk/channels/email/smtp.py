"""Send mail over SMTP with verified TLS: implicit TLS or mandatory STARTTLS.

Blocking (smtplib); the app runs it in an executor. There is no plaintext
path: a server that does not offer STARTTLS is refused before the password or
the message is sent.
"""

from __future__ import annotations

import re
import smtplib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from supportdesk.channels.email.connection import (
    MailboxConfig,
    MailError,
    mail_errors,
    make_ssl_context,
    no_crlf,
    server_text,
)
from supportdesk.channels.email.oauth import oauthbearer, xoauth2

# The EHLO argument: an address literal is always valid and reveals nothing.
EHLO_NAME = "[127.0.0.1]"
_LINE_END = re.compile(rb"\r\n|\r|\n")


class PartialDeliveryError(MailError):
    """The message WAS sent, but the server refused some recipients.

    Do not retry (the others would get it twice); show `refused` to the rep.
    """

    def __init__(self, host: str, port: int, refused: dict[str, tuple[int, str]]) -> None:
        listed = ", ".join(f"{addr} ({code} {text})" for addr, (code, text) in refused.items())
        super().__init__(
            "command",
            f"The message was sent, but {host} refused these recipients: {listed}.",
            retryable=False,
            detail=f"refused: {refused!r}",
            host=host,
            port=port,
        )
        self.refused = refused


def envelope_address(address: str) -> str:
    """Return `address` fit for MAIL FROM / RCPT TO, CR/LF stripped.

    Raises:
        MailError: (stage 'command', not retryable) when what is left is not a
            single plain address, e.g. an injection attempt.
    """
    clean = no_crlf(address).strip()
    if clean.startswith("<") and clean.endswith(">"):
        clean = clean[1:-1]
    local, at, domain = clean.rpartition("@")
    if not (local and at and domain) or any(ch.isspace() or ch in '<>,;"' for ch in clean):
        raise MailError(
            "command",
            f'"{server_text(clean)}" is not a usable email address. Check the recipients.',
        )
    return clean


def normalise_line_ends(raw: bytes) -> bytes:
    """Return `raw` with every line ending as CRLF (no bare CR or LF on the wire)."""
    return _LINE_END.sub(b"\r\n", raw)


@contextmanager
def smtp_connection(
    cfg: MailboxConfig, password: str, timeout: float = 60.0, used: list[str] | None = None
) -> Iterator[smtplib.SMTP]:
    """Yield an SMTP connection that is encrypted, verified and signed in.

    Args:
        used: when given, the sign-in mechanism is appended to it.

    Raises:
        MailError: for every network, TLS, STARTTLS or sign-in failure.
    """
    host, port = cfg.smtp_host, cfg.smtp_port
    context = make_ssl_context(cfg.cafile)
    client: smtplib.SMTP
    if cfg.smtp_security == "tls":
        client = smtplib.SMTP_SSL(local_hostname=EHLO_NAME, timeout=timeout, context=context)
    else:
        client = smtplib.SMTP(local_hostname=EHLO_NAME, timeout=timeout)
    # smtplib checks the certificate against `_host` (SNI and host name); set it
    # before connecting so a failing greeting cannot leak an unclosed socket.
    client._host = host  # type: ignore[attr-defined]
    ok = False
    try:
        with mail_errors(host, port):
            code, text = client.connect(host, port)
            if code != 220:
                raise smtplib.SMTPConnectError(code, text)
            client.ehlo()
            if cfg.smtp_security == "starttls":
                if not client.has_extn("starttls"):
                    raise MailError(
                        "starttls",
                        f"The server {host} does not offer STARTTLS on port {port}, so the "
                        "connection cannot be encrypted. SupportDesk does not send passwords "
                        "or mail unencrypted. Check the port, or choose SSL/TLS.",
                        host=host,
                        port=port,
                    )
                client.starttls(context=context)
                client.ehlo()
            if not client.has_extn("auth"):
                raise MailError(
                    "login",
                    f"The server {host} does not offer sign-in (AUTH) on port {port}. "
                    "Check the port: mail submission is usually 465 (SSL/TLS) or 587 (STARTTLS).",
                    host=host,
                    port=port,
                )
            if cfg.auth == "oauth2":
                mechanism = _oauth_login(client, cfg, password)
            else:
                client.login(no_crlf(cfg.username), password)
                mechanism = "LOGIN"
            if used is not None:
                used.append(mechanism)
        yield client
        ok = True
    finally:
        if ok:
            try:
                client.quit()
            except (OSError, smtplib.SMTPException):
                client.close()
        else:
            client.close()


def _oauth_login(client: smtplib.SMTP, cfg: MailboxConfig, token: str) -> str:
    """AUTH OAUTHBEARER or XOAUTH2 with the access token; returns the mechanism used."""
    host, port = cfg.smtp_host, cfg.smtp_port
    offered = client.esmtp_features.get("auth", "").upper().split()
    user, token = no_crlf(cfg.username), no_crlf(token)
    if "OAUTHBEARER" in offered:
        mechanism, payload = "OAUTHBEARER", oauthbearer(user, token, host, port)
    elif "XOAUTH2" in offered:
        mechanism, payload = "XOAUTH2", xoauth2(user, token)
    else:
        raise MailError(
            "login",
            f"The server {host} does not offer OAuth2 sign-in (SASL OAUTHBEARER or XOAUTH2) "
            f"on port {port}; it offers {server_text(' '.join(offered)) or 'none'}.",
            host=host,
            port=port,
        )
    answers = iter([payload.decode()])

    def respond(challenge: bytes | None = None) -> str:
        # First the initial response; to an error challenge, the empty answer
        # (RFC 7628 3.2.3) so the server finishes with its failure reply.
        return next(answers, "\x01" if mechanism == "OAUTHBEARER" else "")

    try:
        client.auth(mechanism, respond, initial_response_ok=True)
    except smtplib.SMTPAuthenticationError as exc:
        raise MailError(
            "login",
            f"The server {host} did not accept the sign-in token for {server_text(user)} "
            f"({exc.smtp_code} {server_text(exc.smtp_error)}). The token is renewed and tried "
            "again; if that fails, sign in again.",
            retryable=False,
            detail=f"SMTPAuthenticationError: {exc.smtp_code}",
            host=host,
            port=port,
        ) from exc
    return mechanism


def check_smtp(cfg: MailboxConfig, password: str, timeout: float = 20.0) -> str:
    """Connect, encrypt and sign in to the SMTP server, then hang up.

    Returns:
        The sign-in mechanism used (OAUTHBEARER, XOAUTH2, or LOGIN for a password).

    Raises:
        MailError: saying which step failed.
    """
    used: list[str] = []
    with smtp_connection(cfg, password, timeout, used):
        pass
    return used[0] if used else ""


def send_mail(
    cfg: MailboxConfig,
    password: str,
    raw: bytes,
    mail_from: str,
    rcpt_to: Sequence[str],
    timeout: float = 60.0,
) -> None:
    """Send one ready-made message (`raw`, RFC 5322 bytes) to `rcpt_to`.

    Raises:
        PartialDeliveryError: sent, but some recipients were refused (do not retry).
        MailError: nothing was sent; `retryable` says whether to queue a retry
            (4xx replies, network trouble) or stop (5xx, sign-in, TLS).
    """
    sender = envelope_address(mail_from)
    recipients = list(dict.fromkeys(envelope_address(addr) for addr in rcpt_to))
    if not recipients:
        raise MailError("command", "The message has no recipients.")
    data = normalise_line_ends(raw)
    host, port = cfg.smtp_host, cfg.smtp_port
    with smtp_connection(cfg, password, timeout) as client, mail_errors(host, port):
        options: list[str] = []
        if not all(addr.isascii() for addr in [sender, *recipients]):
            if not client.has_extn("smtputf8"):
                raise MailError(
                    "command",
                    f"The server {host} does not accept addresses with non-English letters.",
                    host=host,
                    port=port,
                )
            options.append("SMTPUTF8")
        if not data.isascii() and client.has_extn("8bitmime"):
            options.append("BODY=8BITMIME")
        refused = client.sendmail(sender, recipients, data, mail_options=options)
    if refused:
        raise PartialDeliveryError(
            host,
            port,
            {addr: (code, server_text(text)) for addr, (code, text) in refused.items()},
        )
