"""send_mail against a real aiosmtpd server: STARTTLS, implicit TLS, refusals, retries."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from supportdesk.channels.email.connection import MailboxConfig, MailError
from supportdesk.channels.email.smtp import (
    PartialDeliveryError,
    envelope_address,
    normalise_line_ends,
    send_mail,
)
from tests.servers.dovecot import MailUser
from tests.servers.smtpd import SmtpServer

MakeSmtp = Callable[..., SmtpServer]
USER = MailUser("agent@example.com", "s3cret-pass")
RAW = (
    b"From: Support <agent@example.com>\r\n"
    b"To: Customer <customer@example.net>\r\n"
    b"Subject: =?utf-8?q?R=C3=A9ponse?= to your question\r\n"
    b"Message-ID: <reply.1@example.com>\r\n"
    b"In-Reply-To: <q.1@example.net>\r\n"
    b"References: <q.1@example.net>\r\n"
    b"X-Long: folded\r\n"
    b"\tcontinuation line\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Transfer-Encoding: 8bit\r\n"
    b"\r\n"
    b"Hello,\r\n"
    b"Gr\xc3\xbc\xc3\x9fe aus K\xc3\xb6ln\r\n"
    b".a line starting with a dot\r\n"
    b"Bye\r\n"
)


def cfg_for(
    make_cfg: Callable[..., MailboxConfig], server: SmtpServer, **kw: object
) -> MailboxConfig:
    """Settings that send through `server` as USER."""
    kw.setdefault("smtp_security", "tls" if server.mode == "tls" else "starttls")
    return make_cfg(USER, smtp_port=server.port, **kw)


@pytest.mark.parametrize("mode", ["starttls", "tls"])
def test_send_arrives_with_headers_intact(
    make_smtp: MakeSmtp, make_cfg: Callable[..., MailboxConfig], mode: str
) -> None:
    server = make_smtp(mode, {USER.name: USER.password})
    send_mail(
        cfg_for(make_cfg, server),
        USER.password,
        RAW,
        "agent@example.com",
        ["customer@example.net", "cc@example.org"],
        timeout=10,
    )
    [got] = server.messages
    assert got.content.rstrip(b"\r\n") == RAW.rstrip(b"\r\n")
    assert got.mail_from == "agent@example.com"
    assert got.rcpt_tos == ["customer@example.net", "cc@example.org"]
    assert got.tls
    assert got.login == USER.name


def test_bare_line_feeds_go_out_as_crlf(
    make_smtp: MakeSmtp, make_cfg: Callable[..., MailboxConfig]
) -> None:
    server = make_smtp("starttls", {USER.name: USER.password})
    raw = b"Subject: lf only\nFrom: a@example.com\n\nline one\nline two\rthree\n"
    send_mail(cfg_for(make_cfg, server), USER.password, raw, USER.name, ["c@example.net"])
    [got] = server.messages
    assert got.content.rstrip(b"\r\n") == normalise_line_ends(raw).rstrip(b"\r\n")
    assert b"\n" not in got.content.replace(b"\r\n", b"")


def test_server_without_starttls_is_refused_before_anything_is_sent(
    make_smtp: MakeSmtp, make_cfg: Callable[..., MailboxConfig]
) -> None:
    server = make_smtp("plain", {USER.name: USER.password})
    with pytest.raises(MailError) as caught:
        send_mail(cfg_for(make_cfg, server), USER.password, RAW, USER.name, ["c@example.net"])
    assert caught.value.stage == "starttls"
    assert not caught.value.retryable
    assert "does not offer STARTTLS" in caught.value.user_message
    assert server.auth_attempts == []  # the password never went out
    assert server.messages == []


def test_server_down_is_retryable_and_works_once_back(
    make_smtp: MakeSmtp, make_cfg: Callable[..., MailboxConfig]
) -> None:
    server = make_smtp("starttls", {USER.name: USER.password})
    cfg = cfg_for(make_cfg, server)
    server.stop()
    with pytest.raises(MailError) as caught:
        send_mail(cfg, USER.password, RAW, USER.name, ["c@example.net"], timeout=5)
    assert caught.value.stage == "connect"
    assert caught.value.retryable
    assert f"refused the connection on port {server.port}" in caught.value.user_message
    server.start()
    send_mail(cfg, USER.password, RAW, USER.name, ["c@example.net"], timeout=5)
    assert len(server.messages) == 1


def test_wrong_password_is_a_login_error(
    make_smtp: MakeSmtp, make_cfg: Callable[..., MailboxConfig]
) -> None:
    server = make_smtp("starttls", {USER.name: USER.password})
    with pytest.raises(MailError) as caught:
        send_mail(cfg_for(make_cfg, server), "wrong", RAW, USER.name, ["c@example.net"])
    assert caught.value.stage == "login"
    assert not caught.value.retryable
    assert "user name or password" in caught.value.user_message
    assert server.messages == []


@pytest.mark.parametrize("mode", ["starttls", "tls"])
def test_untrusted_certificate_is_refused(
    make_smtp: MakeSmtp, make_cfg: Callable[..., MailboxConfig], mode: str
) -> None:
    server = make_smtp(mode, {USER.name: USER.password})
    cfg = cfg_for(make_cfg, server, trust_test_ca=False)
    with pytest.raises(MailError) as caught:
        send_mail(cfg, USER.password, RAW, USER.name, ["c@example.net"])
    assert caught.value.stage == "certificate"
    assert "could not be verified" in caught.value.user_message
    assert server.auth_attempts == []


@pytest.mark.parametrize(
    ("recipient", "retryable"),
    [("reject@example.net", False), ("busy@example.net", True)],
)
def test_refused_recipient_permanent_or_temporary(
    make_smtp: MakeSmtp,
    make_cfg: Callable[..., MailboxConfig],
    recipient: str,
    retryable: bool,
) -> None:
    server = make_smtp("starttls", {USER.name: USER.password})
    with pytest.raises(MailError) as caught:
        send_mail(cfg_for(make_cfg, server), USER.password, RAW, USER.name, [recipient])
    assert caught.value.stage == "command"
    assert caught.value.retryable is retryable
    assert recipient in caught.value.user_message
    assert server.messages == []


def test_partly_refused_recipients_report_what_was_sent(
    make_smtp: MakeSmtp, make_cfg: Callable[..., MailboxConfig]
) -> None:
    server = make_smtp("starttls", {USER.name: USER.password})
    with pytest.raises(PartialDeliveryError) as caught:
        send_mail(
            cfg_for(make_cfg, server),
            USER.password,
            RAW,
            USER.name,
            ["ok@example.net", "reject@example.net"],
        )
    assert list(caught.value.refused) == ["reject@example.net"]
    assert caught.value.refused["reject@example.net"][0] == 550
    assert not caught.value.retryable
    assert [m.rcpt_tos for m in server.messages] == [["ok@example.net"]]


def test_crlf_in_recipients_is_stripped_or_refused(
    make_smtp: MakeSmtp, make_cfg: Callable[..., MailboxConfig]
) -> None:
    server = make_smtp("starttls", {USER.name: USER.password})
    cfg = cfg_for(make_cfg, server)
    with pytest.raises(MailError) as caught:
        send_mail(
            cfg, USER.password, RAW, USER.name, ["victim@example.net\r\nRCPT TO:<evil@example.org>"]
        )
    assert caught.value.stage == "command"
    assert server.messages == []
    send_mail(cfg, USER.password, RAW, "agent@exam\r\nple.com", ["<cust\r\nomer@example.net>"])
    [got] = server.messages
    assert got.mail_from == "agent@example.com"
    assert got.rcpt_tos == ["customer@example.net"]


def test_envelope_address_rules() -> None:
    assert envelope_address(" <a@example.com> ") == "a@example.com"
    assert envelope_address("a@exa\nmple.com") == "a@example.com"
    for bad in ["", "no-at-sign", "a@b.com, c@d.com", "A <a@b.com>", "a@b.com>\r\nDATA"]:
        with pytest.raises(MailError):
            envelope_address(bad)


def test_no_recipients_is_refused() -> None:
    cfg = MailboxConfig("S", "a@b.c", "u", "h", 1, "tls", "h", 1, "tls")
    with pytest.raises(MailError) as caught:
        send_mail(cfg, "pw", RAW, "a@b.com", [])
    assert "no recipients" in caught.value.user_message


def test_international_address_uses_smtputf8(
    make_smtp: MakeSmtp, make_cfg: Callable[..., MailboxConfig]
) -> None:
    server = make_smtp("starttls", {USER.name: USER.password})
    send_mail(cfg_for(make_cfg, server), USER.password, RAW, USER.name, ["josé@exämple.net"])
    [got] = server.messages
    assert got.rcpt_tos == ["josé@exämple.net"]
