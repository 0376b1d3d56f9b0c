"""Fetching into the store from a real Dovecot: window, increments, IDLE, UIDVALIDITY, Sent."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from supportdesk.models import Conversation, MailFolderState, Message
from supportdesk.services.mail.fetch import fetch_mailbox
from supportdesk.services.mail.mailboxes import MailboxInfo
from supportdesk.services.mail.outgoing import Draft, draft_for, queue_draft
from supportdesk.services.mail.sender import outbox, send_due
from supportdesk.services.mail.watch import MailboxWatcher, WatchEvent
from supportdesk.store import Store
from tests.servers.dovecot import DovecotServer, MailUser
from tests.servers.smtpd import SmtpServer
from tests.servers.tlsca import TlsFiles
from tests.services.mail.helpers import add_mailbox, mail

MakeSmtp = Callable[..., SmtpServer]
TODAY = date(2024, 6, 10)
RECENT = datetime(2024, 6, 1, 12, tzinfo=UTC)
OLD = datetime(2023, 1, 5, 12, tzinfo=UTC)


def mailbox_for(
    store: Store, dovecot: DovecotServer, user: MailUser, tls_files: TlsFiles, smtp_port: int = 9
) -> MailboxInfo:
    return add_mailbox(
        store, address=f"{user.name}@example.com", username=user.name,
        imap_port=dovecot.imaps_port, smtp_port=smtp_port, ca_file=str(tls_files.ca_cert),
    )  # fmt: skip


def count(store: Store, table: type[Message] | type[Conversation]) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_first_fetch_reads_the_window_then_only_new_mail(
    store: Store, dovecot: DovecotServer, mail_user: MailUser, tls_files: TlsFiles
) -> None:
    box = mailbox_for(store, dovecot, mail_user, tls_files)
    dovecot.append(mail_user, mail("Old", message_id="old@example.net", date=OLD), when=OLD)
    dovecot.append(mail_user, mail("One", message_id="one@example.net", date=RECENT), when=RECENT)
    dovecot.append(mail_user, mail(
        "Re: One", message_id="two@example.net", references="<one@example.net>",
        date=RECENT + timedelta(hours=1),
    ), when=RECENT)  # fmt: skip
    progress: list[tuple[int, int]] = []

    first = fetch_mailbox(store, box.id, mail_user.password, today=TODAY,
                          progress=lambda d, t: progress.append((d, t)))  # fmt: skip
    assert first.first_fetch and (first.added, first.duplicates, first.total) == (2, 0, 2)
    assert progress[0] == (0, 2) and progress[-1] == (2, 2)
    assert count(store, Message) == 2 and count(store, Conversation) == 1
    with store.read() as session:
        state = session.get(MailFolderState, (box.id, "INBOX"))
        assert state is not None and state.last_uid == 3 and state.highestmodseq
        kinds = session.scalars(select(Message.meta)).all()
    assert {m["mailbox"] for m in kinds} == {box.address}

    dovecot.append(mail_user, mail("Three", message_id="three@example.net", date=RECENT))
    second = fetch_mailbox(store, box.id, mail_user.password, today=TODAY)
    assert not second.first_fetch and second.added == 1 and second.total == 1
    third = fetch_mailbox(store, box.id, mail_user.password, today=TODAY)
    assert third.nothing_changed and third.added == 0
    assert count(store, Message) == 3


def test_uidvalidity_change_refetches_without_duplicates(
    store: Store, dovecot: DovecotServer, mail_user: MailUser, tls_files: TlsFiles
) -> None:
    box = mailbox_for(store, dovecot, mail_user, tls_files)
    for n in range(3):
        dovecot.append(mail_user, mail(f"M{n}", message_id=f"m{n}@example.net", date=RECENT),
                       when=RECENT)  # fmt: skip
    assert fetch_mailbox(store, box.id, mail_user.password, today=TODAY).added == 3
    new_validity = dovecot.bump_uidvalidity(mail_user)
    again = fetch_mailbox(store, box.id, mail_user.password, today=TODAY)
    assert again.uidvalidity_changed
    assert (again.added, again.duplicates) == (0, 3)
    assert count(store, Message) == 3
    with store.read() as session:
        state = session.get(MailFolderState, (box.id, "INBOX"))
    assert state is not None and state.uidvalidity == new_validity


def test_cancelled_first_fetch_keeps_what_was_stored_and_resumes(
    store: Store, dovecot: DovecotServer, mail_user: MailUser, tls_files: TlsFiles
) -> None:
    box = mailbox_for(store, dovecot, mail_user, tls_files)
    for n in range(6):
        dovecot.append(mail_user, mail(f"C{n}", message_id=f"c{n}@example.net", date=RECENT),
                       when=RECENT)  # fmt: skip
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done >= 2:
            cancel.set()

    first = fetch_mailbox(store, box.id, mail_user.password, today=TODAY, batch_size=2,
                          cancel=cancel, progress=progress)  # fmt: skip
    assert first.cancelled and 0 < first.added < 6
    rest = fetch_mailbox(store, box.id, mail_user.password, today=TODAY)
    assert first.added + rest.added == 6
    assert count(store, Message) == 6


def test_idle_delivery_appears_as_a_new_conversation(
    store: Store, dovecot: DovecotServer, mail_user: MailUser, tls_files: TlsFiles
) -> None:
    box = mailbox_for(store, dovecot, mail_user, tls_files)
    events: list[WatchEvent] = []
    idle = threading.Event()
    arrived = threading.Event()

    def on_event(event: WatchEvent) -> None:
        events.append(event)
        if event.kind == "idle":
            idle.set()
        if event.kind == "fetched" and event.added:
            arrived.set()

    watcher = MailboxWatcher(store, box.id, lambda _id: mail_user.password, on_event)
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    try:
        assert idle.wait(15), [e.kind for e in events]
        assert count(store, Conversation) == 0
        dovecot.append(mail_user, mail("Pushed", message_id="pushed@example.net"))
        assert arrived.wait(15), [e.kind for e in events]
    finally:
        watcher.stop()
        thread.join(10)
    assert not thread.is_alive()
    with store.read() as session:
        [conv] = session.scalars(select(Conversation)).all()
    assert conv.subject == "Pushed" and conv.unread
    kinds = [e.kind for e in events]
    assert kinds[0] == "connecting" and kinds[-1] == "stopped"
    assert not [e for e in events if e.kind == "error"]


def test_watcher_says_when_the_password_is_wrong(
    store: Store, dovecot: DovecotServer, mail_user: MailUser, tls_files: TlsFiles
) -> None:
    box = mailbox_for(store, dovecot, mail_user, tls_files)
    events: list[WatchEvent] = []
    failed = threading.Event()

    def on_event(event: WatchEvent) -> None:
        events.append(event)
        if event.kind == "error":
            failed.set()

    watcher = MailboxWatcher(store, box.id, lambda _id: "wrong", on_event)
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    try:
        assert failed.wait(15)
    finally:
        watcher.stop()
        thread.join(10)
    [error] = [e for e in events if e.kind == "error"]
    assert not error.retryable and "user name or password" in error.message


def test_sent_mail_is_appended_to_the_sent_folder(
    store: Store,
    dovecot: DovecotServer,
    mail_user: MailUser,
    tls_files: TlsFiles,
    make_smtp: MakeSmtp,
) -> None:
    server = make_smtp("starttls", {mail_user.name: mail_user.password})
    box = mailbox_for(store, dovecot, mail_user, tls_files, smtp_port=server.port)
    dovecot.append(mail_user, mail("Question", message_id="qq@example.net", date=RECENT),
                   when=RECENT)  # fmt: skip
    report = fetch_mailbox(store, box.id, mail_user.password, today=TODAY)
    [conversation_id] = report.conversations or set()
    with store.read() as session:
        draft = draft_for(session, store.blobs, "reply", conversation_id=conversation_id)
    draft = Draft(**{**draft.__dict__, "body_text": "Answer"})
    queued = store.write(lambda uow: queue_draft(uow, store.blobs, draft))

    sent = send_due(store, lambda _id: mail_user.password)
    assert sent.sent == 1 and sent.copies_filed == 1, sent.messages
    [(stored, flags)] = dovecot.messages(mail_user, "Sent")
    assert f"Message-ID: <{queued.message_id}>".encode() in stored
    assert b"\\Seen" in flags
    with store.read() as session:
        [item] = outbox(session)
    assert item.status == "sent" and not item.sent_copy_pending
    assert server.messages[-1].rcpt_tos == ["ann@example.net"]
    # Fetching INBOX again brings nothing new; the sent copy is not in INBOX.
    assert fetch_mailbox(store, box.id, mail_user.password, today=TODAY).added == 0
