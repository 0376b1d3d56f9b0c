"""Mailbox settings and passwords: checked settings, keyring only, memory when there is none."""

from __future__ import annotations

import json
from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from supportdesk.services.actions import ActionError
from supportdesk.services.mail.mailboxes import (
    MailboxInfo,
    get_mailbox,
    list_mailboxes,
    problems,
    remove_mailbox,
    save_mailbox,
)
from supportdesk.services.mail.outgoing import Draft, queue_draft
from supportdesk.services.mail.passwords import SERVICE, PasswordBook, keyring_status
from supportdesk.store import Store
from tests.services.mail.helpers import add_mailbox


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps secrets in this process only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class PlaintextKeyring(MemoryKeyring):
    """Named like keyrings.alt's file backend: must be refused."""


@pytest.fixture
def use_keyring() -> Iterator[object]:
    before = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(before)


def test_passwords_go_to_the_keyring_and_nowhere_else(use_keyring: object, store: Store) -> None:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    box = add_mailbox(store)
    book = PasswordBook()
    assert book.status.usable
    assert book.set(box.id, "hunter2") is None
    assert list(backend.secrets) == [(SERVICE, f"mailbox:{box.id}")]
    assert json.loads(backend.secrets[(SERVICE, f"mailbox:{box.id}")])["password"] == "hunter2"
    assert PasswordBook().get(box.id) == "hunter2"  # a later session reads it back
    profile_bytes = b"".join(p.read_bytes() for p in store.profile.rglob("*") if p.is_file())
    assert b"hunter2" not in profile_bytes
    book.forget(box.id)
    assert backend.secrets == {} and PasswordBook().get(box.id) is None


def test_without_a_keyring_the_password_lives_for_the_session_only(use_keyring: object) -> None:
    keyring.set_keyring(fail.Keyring())
    status = keyring_status()
    assert not status.usable and "ask for it once each session" in status.reason
    book = PasswordBook()
    assert book.get("m1") is None
    reason = book.set("m1", "pw")
    assert reason is not None and "keyring" in reason
    assert book.get("m1") == "pw"
    assert PasswordBook().get("m1") is None


def test_a_plain_file_keyring_is_not_used(use_keyring: object) -> None:
    backend = PlaintextKeyring()
    keyring.set_keyring(backend)
    status = keyring_status()
    assert not status.usable and "file on disk" in status.reason
    PasswordBook().set("m1", "pw")
    assert backend.secrets == {}


def test_settings_are_checked_in_plain_words(store: Store) -> None:
    bad = MailboxInfo(
        id="", name="", address="not-an-address", display_name="", username="",
        imap_host="bad host", imap_port=0, imap_security="ssl", smtp_host="", smtp_port=70000,
        smtp_security="starttls", sent_folder="Sent\r\nA1 DELETE INBOX", fetch_window_days=0,
    )  # fmt: skip
    found = problems(bad)
    assert len(found) >= 8
    assert any("email address" in p for p in found)
    assert any("Sent folder" in p for p in found)
    with pytest.raises(ActionError):
        store.write(lambda uow: save_mailbox(uow, bad))


def test_save_edit_and_remove(store: Store) -> None:
    box = add_mailbox(store, address="Help@Example.COM")
    assert box.address == "help@example.com"
    with pytest.raises(ActionError, match="already a mailbox"):
        add_mailbox(store, address="help@example.com")
    edited = MailboxInfo(**{**box.__dict__, "name": "Helpdesk", "imap_port": 1993})
    store.write(lambda uow: save_mailbox(uow, edited))
    with store.read() as session:
        again = get_mailbox(session, box.id)
        assert again is not None and again.name == "Helpdesk" and again.imap_port == 1993
    draft = Draft("new", box.id, to=("dana@example.org",), subject="Hi", body_text="x")
    store.write(lambda uow: queue_draft(uow, store.blobs, draft))
    with pytest.raises(ActionError, match="still wait in the outbox"):
        store.write(lambda uow: remove_mailbox(uow, box.id))
    with store.read() as session:
        assert [b.id for b in list_mailboxes(session)] == [box.id]
