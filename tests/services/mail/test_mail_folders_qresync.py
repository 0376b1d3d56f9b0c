"""Folders besides INBOX, and flags and expunges from another client, against Dovecot."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from supportdesk.models import Message
from supportdesk.services.mail.fetch import fetch_mailbox
from supportdesk.services.mail.signatures import Prefs, get_prefs, mailbox_owner, save_prefs
from supportdesk.store import Store
from tests.servers.dovecot import DovecotServer, MailUser
from tests.servers.tlsca import TlsFiles
from tests.services.mail.helpers import add_mailbox, mail

TODAY = date(2024, 6, 10)
RECENT = datetime(2024, 6, 1, 12, tzinfo=UTC)


def imap_meta(store: Store) -> dict[str, dict[str, object]]:
    with store.read() as session:
        return {m.subject: dict((m.meta or {}).get("imap") or {})
                for m in session.scalars(select(Message))}  # fmt: skip


def test_flag_and_delete_in_another_client_are_reflected(
    store: Store, dovecot: DovecotServer, mail_user: MailUser, tls_files: TlsFiles
) -> None:
    box = add_mailbox(store, address=f"{mail_user.name}@example.com", username=mail_user.name,
                      imap_port=dovecot.imaps_port, ca_file=str(tls_files.ca_cert))  # fmt: skip
    for n in (1, 2, 3):
        dovecot.append(mail_user, mail(f"Q{n}", message_id=f"q{n}@example.net", date=RECENT),
                       when=RECENT)  # fmt: skip
    first = fetch_mailbox(store, box.id, mail_user.password, today=TODAY)
    assert first.added == 3
    with dovecot.client(mail_user) as other:
        other.select_folder("INBOX")
        uids = sorted(other.search(["ALL"]))
        other.add_flags([uids[0]], [b"\\Flagged"])
        other.delete_messages([uids[2]])
        other.expunge()
    second = fetch_mailbox(store, box.id, mail_user.password, today=TODAY)
    assert (second.flags_changed, second.deleted_elsewhere, second.added) == (1, 1, 0)
    meta = imap_meta(store)
    assert meta["Q1"]["flags"] == ["\\Flagged"]
    assert meta["Q3"]["deleted_elsewhere"] is True
    assert "deleted_elsewhere" not in meta["Q2"] and "flags" not in meta["Q2"]
    # Nothing changed since: nothing is asked for again or rewritten.
    third = fetch_mailbox(store, box.id, mail_user.password, today=TODAY)
    assert (third.flags_changed, third.deleted_elsewhere, third.added) == (0, 0, 0)


def test_a_chosen_folder_is_fetched_besides_inbox(
    store: Store, dovecot: DovecotServer, mail_user: MailUser, tls_files: TlsFiles
) -> None:
    box = add_mailbox(store, address=f"{mail_user.name}@example.com", username=mail_user.name,
                      imap_port=dovecot.imaps_port, ca_file=str(tls_files.ca_cert))  # fmt: skip
    dovecot.create_folder(mail_user, "Support/Escalated")
    dovecot.append(mail_user, mail("Escalated", message_id="e1@example.net", date=RECENT),
                   folder="Support/Escalated", when=RECENT)  # fmt: skip
    store.write(lambda uow: save_prefs(uow, mailbox_owner(box.id), Prefs(
        folders=("Support/Escalated", "INBOX", "Support/Escalated"))))  # fmt: skip
    with store.read() as session:
        assert get_prefs(session, mailbox_owner(box.id)).folders == ("Support/Escalated",)
    report = fetch_mailbox(store, box.id, mail_user.password, folder="Support/Escalated",
                           today=TODAY)  # fmt: skip
    assert report.added == 1
    assert "Escalated" in imap_meta(store)


def test_the_watcher_fetches_chosen_folders_and_names_a_missing_one(
    store: Store, dovecot: DovecotServer, mail_user: MailUser, tls_files: TlsFiles
) -> None:
    import threading

    from supportdesk.services.mail.watch import MailboxWatcher, WatchEvent

    box = add_mailbox(store, address=f"{mail_user.name}@example.com", username=mail_user.name,
                      imap_port=dovecot.imaps_port, ca_file=str(tls_files.ca_cert))  # fmt: skip
    dovecot.create_folder(mail_user, "Archive")
    dovecot.append(mail_user, mail("Archived", message_id="a1@example.net"), folder="Archive")
    dovecot.append(mail_user, mail("Inbox one", message_id="i1@example.net"))
    store.write(lambda uow: save_prefs(uow, mailbox_owner(box.id), Prefs(
        folders=("Archive", "No such folder"))))  # fmt: skip
    events: list[WatchEvent] = []
    idle = threading.Event()

    def on_event(event: WatchEvent) -> None:
        events.append(event)
        if event.kind == "idle":
            idle.set()

    watcher = MailboxWatcher(store, box.id, lambda _id: mail_user.password, on_event)
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    try:
        assert idle.wait(20), [(e.kind, e.message) for e in events]
    finally:
        watcher.stop()
        thread.join(10)
    assert {"Archived", "Inbox one"} <= set(imap_meta(store))
    [error] = [e for e in events if e.kind == "error"]
    assert error.message.startswith("Folder No such folder:")
