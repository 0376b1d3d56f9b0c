"""Connection failures in plain words, TLS settings, CR/LF stripping, test_connection."""

from __future__ import annotations

import imaplib
import smtplib
import socket
import ssl
import threading
from collections.abc import Callable, Iterator

import pytest

from supportdesk.channels.email import connection
from supportdesk.channels.email.connection import (
    MailboxConfig,
    MailError,
    classify,
    make_ssl_context,
    no_crlf,
)
from supportdesk.channels.email.imap import ImapSession
from supportdesk.channels.email.smtp import check_smtp
from tests.servers.dovecot import DovecotServer, MailUser, free_port
from tests.servers.smtpd import SmtpServer

MakeCfg = Callable[..., MailboxConfig]
MakeSmtp = Callable[..., SmtpServer]


def open_error(cfg: MailboxConfig, password: str) -> MailError:
    """The MailError that signing in with `cfg` raises."""
    with pytest.raises(MailError) as caught, ImapSession(cfg, password, timeout=5):
        pass
    return caught.value


# -- pure helpers ------------------------------------------------------------


def test_no_crlf_strips_line_breaks_and_nul() -> None:
    assert no_crlf("IN\r\nBOX\x00") == "INBOX"
    assert no_crlf("Sent Items") == "Sent Items"


def test_ssl_context_always_verifies() -> None:
    context = make_ssl_context(None)
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname


def test_module_function_is_not_collected_as_a_test() -> None:
    assert connection.test_connection.__test__ is False  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("exc", "stage", "retryable"),
    [
        (socket.gaierror(-2, "Name or service not known"), "dns", True),
        (ConnectionRefusedError(111, "Connection refused"), "connect", True),
        (TimeoutError("timed out"), "timeout", True),
        (ssl.SSLError(1, "wrong version number"), "tls", False),
        (OSError(101, "Network is unreachable"), "connect", True),
        (imaplib.IMAP4.abort("socket error: EOF"), "connect", True),
        (imaplib.IMAP4.error("[TRYCREATE] Mailbox doesn't exist"), "command", False),
        (imaplib.IMAP4.error("[UNAVAILABLE] Internal error"), "command", True),
        (smtplib.SMTPServerDisconnected("gone"), "connect", True),
        (smtplib.SMTPAuthenticationError(535, b"5.7.8 bad credentials"), "login", False),
        (smtplib.SMTPAuthenticationError(454, b"4.7.0 try later"), "login", True),
        (smtplib.SMTPDataError(451, b"4.3.0 queue full"), "command", True),
        (smtplib.SMTPDataError(554, b"5.7.1 spam"), "command", False),
        (smtplib.SMTPSenderRefused(553, b"5.1.8 bad sender", "a@b.c"), "command", False),
    ],
)
def test_classify(exc: BaseException, stage: str, retryable: bool) -> None:
    error = classify(exc, "mail.example.com", 993)
    assert (error.stage, error.retryable) == (stage, retryable)
    assert "mail.example.com" in error.user_message
    assert error.host == "mail.example.com" and error.port == 993


def test_classify_refused_recipients_retry_only_when_all_temporary() -> None:
    temporary = smtplib.SMTPRecipientsRefused({"a@x.org": (450, b"busy"), "b@x.org": (451, b"l")})
    mixed = smtplib.SMTPRecipientsRefused({"a@x.org": (450, b"busy"), "b@x.org": (550, b"no")})
    assert classify(temporary, "h", 25).retryable
    assert not classify(mixed, "h", 25).retryable


def test_refused_message_is_plain() -> None:
    error = classify(ConnectionRefusedError(111, "x"), "mail.example.com", 993)
    assert error.user_message == (
        "The server mail.example.com refused the connection on port 993. "
        "Check the port and that the server is running."
    )


# -- IMAP sign-in failures against real servers ---------------------------------


def test_untrusted_certificate(
    dovecot: DovecotServer, mail_user: MailUser, make_cfg: MakeCfg
) -> None:
    cfg = make_cfg(mail_user, imap_port=dovecot.imaps_port, trust_test_ca=False)
    error = open_error(cfg, mail_user.password)
    assert error.stage == "certificate"
    assert not error.retryable
    assert "certificate of 127.0.0.1 could not be verified" in error.user_message
    assert "password was sent" in error.user_message


def test_untrusted_certificate_on_starttls(
    dovecot: DovecotServer, mail_user: MailUser, make_cfg: MakeCfg
) -> None:
    cfg = make_cfg(
        mail_user, imap_port=dovecot.imap_port, imap_security="starttls", trust_test_ca=False
    )
    assert open_error(cfg, mail_user.password).stage == "certificate"


def test_host_name_in_certificate_is_checked(
    dovecot: DovecotServer, mail_user: MailUser, make_cfg: MakeCfg
) -> None:
    cfg = make_cfg(mail_user, imap_port=dovecot.imaps_port, host="localhost")
    with ImapSession(cfg, mail_user.password, timeout=5) as imap:
        assert imap.has_capability("IDLE")


def test_wrong_password(dovecot: DovecotServer, mail_user: MailUser, make_cfg: MakeCfg) -> None:
    cfg = make_cfg(mail_user, imap_port=dovecot.imaps_port)
    error = open_error(cfg, "not-the-password")
    assert error.stage == "login"
    assert not error.retryable
    assert "did not accept the user name or password" in error.user_message
    assert "not-the-password" not in error.user_message + error.detail


def test_refused_port(mail_user: MailUser, make_cfg: MakeCfg) -> None:
    port = free_port()
    error = open_error(make_cfg(mail_user, imap_port=port), mail_user.password)
    assert error.stage == "connect"
    assert error.retryable
    assert f"refused the connection on port {port}" in error.user_message


def test_unknown_host(mail_user: MailUser, make_cfg: MakeCfg) -> None:
    cfg = make_cfg(mail_user, imap_port=993, host="no-such-host.invalid")
    error = open_error(cfg, mail_user.password)
    assert error.stage == "dns"
    assert "no-such-host.invalid could not be found" in error.user_message


def test_implicit_tls_on_a_starttls_port(
    dovecot: DovecotServer, mail_user: MailUser, make_cfg: MakeCfg
) -> None:
    cfg = make_cfg(mail_user, imap_port=dovecot.imap_port, imap_security="tls")
    error = open_error(cfg, mail_user.password)
    assert error.stage == "tls"
    assert "security setting" in error.user_message


@pytest.mark.parametrize("protocol", ["imap", "smtp"])
def test_silent_server_times_out(protocol: str) -> None:
    with socket.create_server(("127.0.0.1", 0)) as silent:  # listens, never greets
        port = silent.getsockname()[1]
        cfg = MailboxConfig("S", "a@b.c", "u", "127.0.0.1", port, "tls", "127.0.0.1", port, "tls")
        with pytest.raises(MailError) as caught:
            if protocol == "imap":
                ImapSession(cfg, "pw", timeout=0.5).open()
            else:
                check_smtp(cfg, "pw", timeout=0.5)
    assert caught.value.stage == "timeout"
    assert caught.value.retryable
    assert "did not answer" in caught.value.user_message


class NoStarttlsImap:
    """A bare IMAP greeter that offers LOGIN but no STARTTLS, and logs what it hears."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.heard: list[bytes] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(10)
        conn, _ = self.sock.accept()
        with conn:
            conn.settimeout(10)
            conn.sendall(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] plaintext only\r\n")
            while chunk := conn.recv(4096):
                self.heard.append(chunk)
                tag = chunk.split(b" ", 1)[0]
                if b"CAPABILITY" in chunk.upper():
                    conn.sendall(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + b" OK done\r\n")
                else:
                    conn.sendall(b"* BYE\r\n" + tag + b" OK bye\r\n")

    def close(self) -> None:
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture
def no_starttls_imap() -> Iterator[NoStarttlsImap]:
    server = NoStarttlsImap()
    yield server
    server.close()


def test_imap_without_starttls_is_refused(
    no_starttls_imap: NoStarttlsImap, mail_user: MailUser, make_cfg: MakeCfg
) -> None:
    cfg = make_cfg(mail_user, imap_port=no_starttls_imap.port, imap_security="starttls")
    error = open_error(cfg, mail_user.password)
    no_starttls_imap.close()
    assert error.stage == "starttls"
    assert "does not offer STARTTLS" in error.user_message
    assert not any(b"LOGIN" in chunk.upper() for chunk in no_starttls_imap.heard)


# -- the whole connection test ------------------------------------------------


@pytest.fixture
def both(
    dovecot: DovecotServer, mail_user: MailUser, make_smtp: MakeSmtp, make_cfg: MakeCfg
) -> tuple[MailboxConfig, SmtpServer]:
    smtp = make_smtp("starttls", {mail_user.name: mail_user.password})
    cfg = make_cfg(mail_user, imap_port=dovecot.imaps_port, smtp_port=smtp.port)
    return cfg, smtp


def test_connection_report_all_good(
    both: tuple[MailboxConfig, SmtpServer], mail_user: MailUser
) -> None:
    cfg, _ = both
    report = connection.test_connection(cfg, mail_user.password, timeout=5)
    assert report.ok
    assert report.imap.message.startswith("Receiving works")
    assert report.smtp.message.startswith("Sending works")


def test_connection_report_wrong_password(
    both: tuple[MailboxConfig, SmtpServer],
) -> None:
    cfg, _ = both
    report = connection.test_connection(cfg, "wrong", timeout=5)
    assert not report.ok
    assert (report.imap.stage, report.smtp.stage) == ("login", "login")
    assert "user name or password" in report.imap.message


def test_connection_report_smtp_down(
    both: tuple[MailboxConfig, SmtpServer], mail_user: MailUser
) -> None:
    cfg, smtp = both
    smtp.stop()
    report = connection.test_connection(cfg, mail_user.password, timeout=5)
    assert report.imap.ok
    assert not report.smtp.ok and report.smtp.stage == "connect"
    assert report.smtp.message.startswith("Sending failed: The server 127.0.0.1 refused")
