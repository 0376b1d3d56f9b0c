"""Writing mail offline and sending it through a real aiosmtpd with STARTTLS."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from sqlalchemy import select

from supportdesk.models import MailOutgoing, Message, ticket_ref
from supportdesk.services import inbox
from supportdesk.services.actions import ActionError
from supportdesk.services.mail.ingest import ingest_raw
from supportdesk.services.mail.outgoing import Draft, draft_for, queue_draft
from supportdesk.services.mail.sender import (
    outbox,
    outbox_counts,
    recover_interrupted,
    retry_now,
    send_due,
)
from supportdesk.store import Store
from tests.servers.smtpd import SmtpServer
from tests.servers.tlsca import TlsFiles
from tests.services.mail.helpers import SUPPORT, add_mailbox, mail

MakeSmtp = Callable[..., SmtpServer]
PASSWORD = "s3cret-pass"
T0 = datetime(2024, 6, 1, 12, tzinfo=UTC)


def passwords(_mailbox_id: str) -> str:
    return PASSWORD


def setup(store: Store, server: SmtpServer, tls_files: TlsFiles) -> str:
    ca = str(tls_files.ca_cert)
    box = add_mailbox(store, username=SUPPORT, smtp_port=server.port, ca_file=ca)
    return box.id


def received(server: SmtpServer, index: int = -1) -> EmailMessage:
    msg = message_from_bytes(server.messages[index].content, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def customer_thread(store: Store) -> tuple[str, str]:
    """A customer's question and follow-up; returns (conversation id, follow-up row id)."""
    root = ingest_raw(store, mail("Invoice wrong", message_id="q1@example.net", date=T0))
    follow = ingest_raw(store, mail(
        "Re: Invoice wrong", message_id="q2@example.net", references="<q1@example.net>",
        in_reply_to="<q1@example.net>", date=T0 + timedelta(hours=1),
        extra="Cc: Boss <boss@example.net>, Support <support@example.com>",
    ))  # fmt: skip
    assert follow.conversation_id == root.conversation_id
    return root.conversation_id, follow.row_id


def test_reply_arrives_with_threading_headers_and_ticket_tag(
    store: Store, make_smtp: MakeSmtp, tls_files: TlsFiles
) -> None:
    server = make_smtp("starttls", {SUPPORT: PASSWORD})
    setup(store, server, tls_files)
    conversation_id, follow_id = customer_thread(store)
    with store.read() as session:
        draft = draft_for(session, store.blobs, "reply_all", conversation_id=conversation_id)
    tag = ticket_ref(conversation_id)
    assert draft.original_row_id == follow_id
    assert draft.to == ("Ann Customer <ann@example.net>",)
    assert draft.cc == ("Boss <boss@example.net>",)  # our own address is left out
    assert draft.subject == f"Re: Invoice wrong [{tag}]"
    assert "> Hello" in draft.body_text

    written = Draft(**{**draft.__dict__, "body_text": "We fixed it.\n" + draft.body_text})
    queued = store.write(lambda uow: queue_draft(uow, store.blobs, written))
    # Stored at once, offline-first: the conversation shows the reply before it is sent.
    with store.read() as session:
        detail = inbox.conversation(session, conversation_id)
        assert outbox_counts(session) == {"queued": 1}
    assert detail is not None and detail.entries[-1].kind == "email_out"
    assert detail.entries[-1].body_text.startswith("We fixed it.")

    report = send_due(store, passwords)
    assert report.sent == 1 and report.failed == 0
    got = server.messages[-1]
    assert got.tls and got.login == SUPPORT
    assert got.mail_from == SUPPORT
    assert sorted(got.rcpt_tos) == ["ann@example.net", "boss@example.net"]
    msg = received(server)
    assert msg["From"] == "Acme Support <support@example.com>"
    assert msg["Message-ID"] == f"<{queued.message_id}>"
    assert msg["In-Reply-To"] == "<q2@example.net>"
    assert msg["References"] == "<q1@example.net> <q2@example.net>"
    assert msg["Subject"] == f"Re: Invoice wrong [{tag}]"
    with store.read() as session:
        row = session.scalars(select(MailOutgoing)).one()
        stored = session.scalars(select(Message).where(Message.id == queued.message_row_id)).one()
    assert row.status == "sent" and row.sent_at is not None and row.attempts == 1
    assert store.blobs.get(stored.raw_sha256 or "") == store.blobs.get(row.raw_sha256)

    # The customer's answer to our reply threads back by References.
    back = ingest_raw(store, mail(
        f"Re: Invoice wrong [{tag}]", message_id="q3@example.net",
        references=f"<q1@example.net> <q2@example.net> <{queued.message_id}>",
        in_reply_to=f"<{queued.message_id}>", date=T0 + timedelta(days=1),
    ))  # fmt: skip
    assert back.conversation_id == conversation_id and back.rule == "references"


def test_reply_waits_while_the_server_is_down_and_goes_when_it_returns(
    store: Store, make_smtp: MakeSmtp, tls_files: TlsFiles
) -> None:
    server = make_smtp("starttls", {SUPPORT: PASSWORD})
    setup(store, server, tls_files)
    conversation_id, _ = customer_thread(store)
    server.stop()
    with store.read() as session:
        draft = draft_for(session, store.blobs, "reply", conversation_id=conversation_id)
    queued = store.write(lambda uow: queue_draft(uow, store.blobs, draft))
    now = datetime.now(UTC)

    first = send_due(store, passwords, now=now, timeout=5)
    assert (first.sent, first.retrying, first.failed) == (0, 1, 0)
    with store.read() as session:
        [item] = outbox(session)
    assert item.status == "queued" and item.attempts == 1
    assert item.last_error is not None and "refused the connection" in item.last_error
    assert item.next_attempt_at > now
    # Not due yet: nothing is tried.
    assert send_due(store, passwords, now=now + timedelta(seconds=1)).retrying == 0

    server.start()
    later = send_due(store, passwords, now=item.next_attempt_at + timedelta(seconds=1))
    assert later.sent == 1
    assert received(server)["Message-ID"] == f"<{queued.message_id}>"
    with store.read() as session:
        [item] = outbox(session)
    assert item.status == "sent" and item.last_error is None and item.attempts == 2


def test_injected_crlf_in_a_subject_never_becomes_a_header(
    store: Store, make_smtp: MakeSmtp, tls_files: TlsFiles
) -> None:
    server = make_smtp("starttls", {SUPPORT: PASSWORD})
    setup(store, server, tls_files)
    hostile = mail(
        "=?utf-8?q?Help=0D=0ABcc:_victim@attacker.example=0D=0AX-Evil:_1?=",
        sender="=?utf-8?q?Mallory=0D=0ABcc:_x@attacker.example?= <mallory@example.net>",
        message_id="evil@example.net",
    )
    outcome = ingest_raw(store, hostile)
    with store.read() as session:
        draft = draft_for(session, store.blobs, "reply", original_row_id=outcome.row_id)
    # The rep's own subject edit may carry line breaks too (pasted text).
    draft = Draft(**{**draft.__dict__, "subject": draft.subject + "\r\nBcc: more@attacker.example",
                     "body_text": "Hi"})  # fmt: skip
    store.write(lambda uow: queue_draft(uow, store.blobs, draft))
    assert send_due(store, passwords).sent == 1

    got = server.messages[-1]
    assert got.rcpt_tos == ["mallory@example.net"]
    header_block = got.content.split(b"\r\n\r\n", 1)[0]
    names = [line.split(b":", 1)[0].lower() for line in header_block.split(b"\r\n")
             if line and not line[:1].isspace()]  # fmt: skip
    assert b"bcc" not in names and b"x-evil" not in names
    msg = received(server)
    assert "\n" not in msg["Subject"] and "\r" not in msg["Subject"]
    assert "attacker.example" in msg["Subject"]  # kept as text, on one line


def test_a_5xx_refusal_fails_visibly_and_can_be_retried(
    store: Store, make_smtp: MakeSmtp, tls_files: TlsFiles
) -> None:
    server = make_smtp("starttls", {SUPPORT: PASSWORD})
    mailbox_id = setup(store, server, tls_files)
    draft = Draft("new", mailbox_id, to=("reject-me@example.net",), subject="Hello", body_text="x")
    store.write(lambda uow: queue_draft(uow, store.blobs, draft))
    report = send_due(store, passwords)
    assert report.failed == 1 and report.sent == 0
    with store.read() as session:
        [item] = outbox(session)
    assert item.status == "failed"
    assert item.last_error is not None and "550" in item.last_error
    store.write(lambda uow: retry_now(uow, item.id))
    with store.read() as session:
        assert outbox(session)[0].status == "queued"
    with pytest.raises(ActionError, match="recipient"):
        store.write(lambda uow: queue_draft(
            uow, store.blobs, Draft("new", mailbox_id, subject="nobody", body_text="x")
        ))  # fmt: skip


def test_without_a_password_mail_waits_and_nothing_is_lost(
    store: Store, make_smtp: MakeSmtp, tls_files: TlsFiles
) -> None:
    server = make_smtp("starttls", {SUPPORT: PASSWORD})
    mailbox_id = setup(store, server, tls_files)
    draft = Draft("new", mailbox_id, to=("dana@example.org",), subject="Hi", body_text="x")
    queued = store.write(lambda uow: queue_draft(uow, store.blobs, draft))
    report = send_due(store, lambda _id: None)
    assert report.needs_password == [mailbox_id] and report.sent == 0
    assert server.messages == []
    # A crash while sending leaves it visible as failed, with what to do.
    def mark_sending(uow: object) -> None:
        row = uow.session.get(MailOutgoing, queued.outgoing_id)  # type: ignore[attr-defined]
        row.status = "sending"

    store.write(mark_sending)
    assert recover_interrupted(store) == 1
    with store.read() as session:
        [item] = outbox(session)
    assert item.status == "failed" and "Check the Sent folder" in (item.last_error or "")


def test_deleting_from_the_outbox_keeps_the_copy_marked_unsent(
    store: Store, make_smtp: MakeSmtp, tls_files: TlsFiles
) -> None:
    from supportdesk.services.mail.sender import discard, outgoing_by_message

    server = make_smtp("starttls", {SUPPORT: PASSWORD})
    mailbox_id = setup(store, server, tls_files)
    server.stop()
    draft = Draft("new", mailbox_id, to=("dana@example.org",), subject="Oops", body_text="x")
    queued = store.write(lambda uow: queue_draft(uow, store.blobs, draft))
    store.write(lambda uow: discard(uow, queued.outgoing_id))
    with store.read() as session:
        assert outbox(session) == []
        state = outgoing_by_message(session, [queued.message_row_id])[queued.message_row_id]
    assert state.status == "cancelled" and "not sent" in (state.last_error or "")
    server.start()
    assert send_due(store, passwords).sent == 0 and server.messages == []
