"""OAuth2 mailboxes end to end: sign in, keep tokens in the keyring, renew, "Sign in again".

Real parts: the Authlib authorization server, Dovecot checking tokens by
introspection, aiosmtpd checking them the same way, and a keyring backend.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import keyring
import pytest
from sqlalchemy import func, select

from supportdesk.channels.email import oauth
from supportdesk.channels.email.oauth import OAuthError
from supportdesk.models import Message
from supportdesk.services.mail.fetch import fetch_mailbox
from supportdesk.services.mail.mailboxes import MailboxInfo, get_mailbox
from supportdesk.services.mail.oauth import (
    MailCredentials,
    OAuthSettings,
    TokenBook,
    get_oauth,
    oauth_connection_test,
    save_oauth,
    sign_in_with_browser,
    sign_in_with_device_code,
    token_key,
)
from supportdesk.services.mail.outgoing import Draft, draft_for, queue_draft
from supportdesk.services.mail.passwords import SERVICE, PasswordBook
from supportdesk.services.mail.sender import outbox, send_due
from supportdesk.services.mail.watch import MailboxWatcher, WatchEvent
from supportdesk.store import Store
from tests.channels.email.test_oauth import Browser, provider_for
from tests.servers.dovecot import DovecotServer, MailUser
from tests.servers.fixtures import MakeSmtp
from tests.servers.oauth import OAuthTestServer
from tests.services.mail.helpers import add_mailbox, mail
from tests.services.mail.test_mail_settings import MemoryKeyring

RECENT = datetime(2024, 6, 1, 12, tzinfo=UTC)


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def oauth_mailbox(
    store: Store, server: OAuthTestServer, dovecot: DovecotServer, user: MailUser,
    smtp_port: int = 9,
) -> MailboxInfo:  # fmt: skip
    box = add_mailbox(
        store, address=f"{user.name}@example.com", username=user.name,
        imap_port=dovecot.imaps_port, smtp_port=smtp_port, ca_file=str(server.tls.ca_cert),
    )  # fmt: skip
    settings = OAuthSettings.from_provider(provider_for(server))
    store.write(lambda uow: save_oauth(uow, box.id, settings))
    with store.read() as session:
        found = get_mailbox(session, box.id)
    assert found is not None and found.auth == "oauth2" and found.config().auth == "oauth2"
    return found


def messages(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(Message)) or 0)


def test_browser_sign_in_keeps_tokens_in_the_keyring_only(
    store: Store, ring: MemoryKeyring, oauth_server: OAuthTestServer,
    oauth_dovecot: DovecotServer,
) -> None:  # fmt: skip
    user = oauth_dovecot.add_user()
    box = oauth_mailbox(store, oauth_server, oauth_dovecot, user)
    oauth_dovecot.append(user, mail("Hello", message_id="h1@example.net", date=RECENT))
    tokens = TokenBook(store)
    credentials = MailCredentials(PasswordBook(), tokens)
    assert credentials(box.id) is None  # not signed in yet
    assert credentials.sign_in_problem(box.id) == "Sign in again: Not signed in on this computer."
    oauth_server.signed_in_user = user.name
    assert sign_in_with_browser(tokens, box.id, open_url=Browser(oauth_server), timeout=20) is None
    assert credentials.sign_in_problem(box.id) is None
    [(service, key)] = ring.secrets
    assert (service, key) == (SERVICE, token_key(box.id))
    access = credentials(box.id)
    assert access and access in ring.secrets[(service, key)]
    profile_bytes = b"".join(p.read_bytes() for p in store.profile.rglob("*") if p.is_file())
    assert access.encode() not in profile_bytes
    # Another session of the app reads the sign-in back from the keyring.
    again = MailCredentials(PasswordBook(), TokenBook(store))
    assert again(box.id) == access
    assert fetch_mailbox(store, box.id, access).added == 1


def test_failed_sign_in_stores_nothing(
    store: Store, ring: MemoryKeyring, oauth_server: OAuthTestServer,
    oauth_dovecot: DovecotServer,
) -> None:  # fmt: skip
    user = oauth_dovecot.add_user()
    box = oauth_mailbox(store, oauth_server, oauth_dovecot, user)
    tokens = TokenBook(store)
    oauth_server.signed_in_user = user.name
    oauth_server.grant_scope = "offline_access"  # the user unticked mail access
    with pytest.raises(OAuthError) as caught:
        sign_in_with_browser(tokens, box.id, open_url=Browser(oauth_server), timeout=20)
    assert caught.value.kind == "scope"
    oauth_server.grant_scope = None
    oauth_server.stop()
    with pytest.raises(OAuthError, match="could not be reached"):
        sign_in_with_device_code(tokens, box.id, lambda device: None, sleep=lambda s: None)
    with pytest.raises(OAuthError, match="No answer came back"):  # the page never loads
        sign_in_with_browser(tokens, box.id, open_url=Browser(oauth_server), timeout=2)
    assert ring.secrets == {}


def test_access_token_is_renewed_before_it_expires(
    store: Store, ring: MemoryKeyring, oauth_server: OAuthTestServer,
    oauth_dovecot: DovecotServer,
) -> None:  # fmt: skip
    user = oauth_dovecot.add_user()
    box = oauth_mailbox(store, oauth_server, oauth_dovecot, user)
    tokens = TokenBook(store)
    oauth_server.access_lifetime = 8  # renewed in its last quarter: after ~6 s
    oauth_server.signed_in_user = user.name
    sign_in_with_browser(tokens, box.id, open_url=Browser(oauth_server), timeout=20)
    first = tokens.access_token(box.id)
    assert first is not None and tokens.access_token(box.id) == first
    [(_, stored)] = ring.secrets.items()
    lifetime_left = oauth.TokenSet.from_dict(__import__("json").loads(stored))
    assert lifetime_left.lifetime == 8
    # Pretend the clock moved on: the stored expiry is within the margin now.
    tokens._memory[box.id] = type(tokens._memory[box.id])(
        oauth.TokenSet(first, lifetime_left.refresh_token, 0.0, lifetime_left.scope, 8)
    )
    second = tokens.access_token(box.id)
    assert second is not None and second != first
    assert oauth_server.introspect(second)["active"] is True


def test_device_code_sign_in(
    store: Store, ring: MemoryKeyring, oauth_server: OAuthTestServer,
    oauth_dovecot: DovecotServer,
) -> None:  # fmt: skip
    user = oauth_dovecot.add_user()
    box = oauth_mailbox(store, oauth_server, oauth_dovecot, user)
    tokens = TokenBook(store)
    shown: list[oauth.DeviceCode] = []

    def show(device: oauth.DeviceCode) -> None:
        shown.append(device)
        oauth_server.approve(device.user_code, user.name)

    assert sign_in_with_device_code(tokens, box.id, show, sleep=lambda s: None) is None
    assert shown and tokens.access_token(box.id)


def test_refused_token_renewed_mid_idle_then_revoked_says_sign_in_again(
    store: Store, ring: MemoryKeyring, oauth_server: OAuthTestServer,
    oauth_dovecot: DovecotServer, make_smtp: MakeSmtp,
) -> None:  # fmt: skip
    user = oauth_dovecot.add_user()
    smtp = make_smtp(introspect=oauth_server.introspect)
    box = oauth_mailbox(store, oauth_server, oauth_dovecot, user, smtp_port=smtp.port)
    tokens = TokenBook(store)
    credentials = MailCredentials(PasswordBook(), tokens)
    oauth_server.signed_in_user = user.name
    sign_in_with_browser(tokens, box.id, open_url=Browser(oauth_server), timeout=20)
    events: list[WatchEvent] = []
    changed = threading.Condition()

    def on_event(event: WatchEvent) -> None:
        with changed:
            events.append(event)
            changed.notify_all()

    def wait_for(test: object, timeout: float = 20.0) -> None:
        with changed:
            assert changed.wait_for(test, timeout), [(e.kind, e.message) for e in events]  # type: ignore[arg-type]

    def kinds() -> list[str]:
        return [e.kind for e in events]

    watcher = MailboxWatcher(store, box.id, credentials, on_event, first_retry=0.1)
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    try:
        wait_for(lambda: "idle" in kinds())
        first_token = credentials(box.id)
        # While the watcher idles, the access token dies and the connection drops.
        oauth_server.expire_access_tokens(user.name)
        oauth_dovecot.kick(user)
        oauth_dovecot.append(user, mail("After renewal", message_id="r1@example.net"))
        wait_for(lambda: messages(store) == 1)
        assert credentials(box.id) != first_token  # renewed after AUTHENTICATIONFAILED
        assert "needs_sign_in" not in kinds()

        # Now the refresh token is revoked too: "Sign in again", no crash loop.
        oauth_server.revoke_user(user.name)
        oauth_dovecot.kick(user)
        wait_for(lambda: "needs_sign_in" in kinds())
        [notice] = [e for e in events if e.kind == "needs_sign_in"]
        assert notice.message.startswith("Sign in again")
        introspections = oauth_server.introspections
        with changed:
            assert not changed.wait_for(lambda: kinds()[-1] != "needs_sign_in", 1.5)
        assert oauth_server.introspections == introspections  # it waits, quietly
    finally:
        watcher.stop()
        thread.join(10)
    assert not thread.is_alive()

    # The outbox waits for the sign-in: the reply stays queued, nothing is lost.
    with store.read() as session:
        [conversation_id] = {m.conversation_id for m in session.scalars(select(Message))}
        draft = draft_for(session, store.blobs, "reply", conversation_id=conversation_id)
    draft = Draft(**{**draft.__dict__, "body_text": "Answer"})
    store.write(lambda uow: queue_draft(uow, store.blobs, draft))
    report = send_due(store, credentials)
    assert report.needs_password == [box.id] and report.sent == 0
    with store.read() as session:
        [item] = outbox(session)
    assert item.status == "queued" and smtp.messages == []
    # Signing in again sends it.
    sign_in_with_browser(tokens, box.id, open_url=Browser(oauth_server), timeout=20)
    report = send_due(store, credentials)
    assert report.sent == 1, report.messages
    assert smtp.messages[0].login == user.name


def test_refused_token_on_send_is_renewed_and_the_mail_goes(
    store: Store, ring: MemoryKeyring, oauth_server: OAuthTestServer,
    oauth_dovecot: DovecotServer, make_smtp: MakeSmtp,
) -> None:  # fmt: skip
    user = oauth_dovecot.add_user()
    smtp = make_smtp(introspect=oauth_server.introspect)
    box = oauth_mailbox(store, oauth_server, oauth_dovecot, user, smtp_port=smtp.port)
    oauth_dovecot.append(user, mail("Q", message_id="q1@example.net", date=RECENT), when=RECENT)
    tokens = TokenBook(store)
    credentials = MailCredentials(PasswordBook(), tokens)
    oauth_server.signed_in_user = user.name
    sign_in_with_browser(tokens, box.id, open_url=Browser(oauth_server), timeout=20)
    report = fetch_mailbox(store, box.id, credentials(box.id) or "", today=RECENT.date())
    [conversation_id] = report.conversations or set()
    with store.read() as session:
        draft = draft_for(session, store.blobs, "reply", conversation_id=conversation_id)
        assert get_oauth(session, box.id) is not None
    draft = Draft(**{**draft.__dict__, "body_text": "Answer"})
    store.write(lambda uow: queue_draft(uow, store.blobs, draft))
    oauth_server.expire_access_tokens(user.name)  # the server now refuses the token we hold
    sent = send_due(store, credentials)
    assert sent.sent == 1 and sent.failed == 0, sent.messages
    assert smtp.mechanisms == ["XOAUTH2 refused", "XOAUTH2 ok"]


def test_connection_test_names_each_step(
    store: Store, ring: MemoryKeyring, oauth_server: OAuthTestServer,
    oauth_dovecot: DovecotServer, make_smtp: MakeSmtp,
) -> None:  # fmt: skip
    user = oauth_dovecot.add_user()
    smtp = make_smtp(introspect=oauth_server.introspect)
    box = oauth_mailbox(store, oauth_server, oauth_dovecot, user, smtp_port=smtp.port)
    tokens = TokenBook(store)
    not_yet = oauth_connection_test(tokens, box)
    assert not not_yet.ok and not_yet.before[0].stage == "token"
    assert not_yet.before[0].message.startswith("Sign in again")
    oauth_server.signed_in_user = user.name
    sign_in_with_browser(tokens, box.id, open_url=Browser(oauth_server), timeout=20)
    report = oauth_connection_test(tokens, box)
    assert report.ok, report
    assert [s.message.split(":")[0].split(" with")[0] for s in report.before] == [
        "Token renewed", "Consent"
    ]
    assert "with SASL OAUTHBEARER" in report.imap.message
    assert "with SASL XOAUTH2" in report.smtp.message
    oauth_server.revoke_user(user.name)
    revoked = oauth_connection_test(tokens, box)
    assert not revoked.ok and revoked.before[0].message.startswith("Sign in again")
    assert "no longer accepts" in revoked.before[0].message
