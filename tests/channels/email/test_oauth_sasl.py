"""IMAP and SMTP sign-in with OAuth2 tokens (SASL OAUTHBEARER / XOAUTH2) against real servers.

Dovecot's oauth2 passdb and the aiosmtpd authenticator both ask the Authlib
authorization server about each token (RFC 7662 introspection).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from supportdesk.channels.email import oauth
from supportdesk.channels.email.connection import MailboxConfig, MailError, test_connection
from supportdesk.channels.email.imap import ImapSession
from supportdesk.channels.email.smtp import send_mail
from tests.channels.email.test_oauth import Browser, provider_for
from tests.servers.dovecot import DovecotServer
from tests.servers.fixtures import MakeSmtp
from tests.servers.oauth import OAuthTestServer

MAIL = b"From: a@example.com\r\nTo: b@example.com\r\nSubject: hi\r\nMessage-ID: <1@x>\r\n\r\nhi\r\n"


def signed_in(server: OAuthTestServer, user: str) -> oauth.TokenSet:
    server.signed_in_user = user
    return oauth.sign_in_browser(
        provider_for(server), Browser(server), cafile=str(server.tls.ca_cert), timeout=20
    )


def config(dovecot: DovecotServer, smtp_port: int, user: str) -> MailboxConfig:
    return MailboxConfig(
        name="OAuth box", email_address=f"{user}@example.com", username=user,
        imap_host="127.0.0.1", imap_port=dovecot.imaps_port, imap_security="tls",
        smtp_host="127.0.0.1", smtp_port=smtp_port, smtp_security="starttls",
        cafile=str(dovecot.tls.ca_cert), auth="oauth2",
    )  # fmt: skip


@pytest.mark.parametrize("bearer", [False, True], ids=["xoauth2", "oauthbearer"])
def test_imap_and_smtp_sign_in_with_a_token(
    oauth_server: OAuthTestServer, oauth_dovecot: DovecotServer, make_smtp: MakeSmtp,
    bearer: bool,
) -> None:  # fmt: skip
    user = oauth_dovecot.add_user()
    oauth_dovecot.append(user, MAIL)
    smtp = make_smtp(introspect=oauth_server.introspect, oauthbearer=bearer)
    tokens = signed_in(oauth_server, user.name)
    cfg = config(oauth_dovecot, smtp.port, user.name)
    with ImapSession(cfg, tokens.access_token) as imap:
        assert imap.mechanism == "OAUTHBEARER"  # Dovecot offers both; the standard one wins
        assert [m.raw for m in imap.fetch_new("INBOX")] == [MAIL]
    send_mail(cfg, tokens.access_token, MAIL, cfg.email_address, ["b@example.com"])
    assert smtp.messages[0].login == user.name
    assert smtp.mechanisms == [f"{'OAUTHBEARER' if bearer else 'XOAUTH2'} ok"]
    report = test_connection(cfg, tokens.access_token)
    assert report.ok, report


def test_expired_or_revoked_token_is_refused_and_says_so(
    oauth_server: OAuthTestServer, oauth_dovecot: DovecotServer, make_smtp: MakeSmtp
) -> None:
    user = oauth_dovecot.add_user()
    smtp = make_smtp(introspect=oauth_server.introspect)
    tokens = signed_in(oauth_server, user.name)
    cfg = config(oauth_dovecot, smtp.port, user.name)
    oauth_server.expire_access_tokens(user.name)
    with pytest.raises(MailError) as caught:
        ImapSession(cfg, tokens.access_token).open()
    assert caught.value.stage == "login" and "sign-in token" in caught.value.user_message
    with pytest.raises(MailError) as caught:
        send_mail(cfg, tokens.access_token, MAIL, cfg.email_address, ["b@example.com"])
    assert caught.value.stage == "login" and "sign-in token" in caught.value.user_message
    assert smtp.messages == []


def test_password_only_servers_are_named(
    dovecot: DovecotServer, make_smtp: MakeSmtp, oauth_server: OAuthTestServer
) -> None:
    user = dovecot.add_user()
    smtp = make_smtp(users={user.name: user.password})
    cfg = config(dovecot, smtp.port, user.name)
    report = test_connection(cfg, "some-token")
    assert not report.imap.ok and "does not offer OAuth2" in report.imap.message
    assert not report.smtp.ok and "does not offer OAuth2" in report.smtp.message
    assert replace(cfg, auth="password").auth == "password"
