"""Ingest into a real store: dedupe, threading rules, customers, files, summaries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from supportdesk.channels.email.ids import conversation_id_for_root
from supportdesk.models import (
    Attachment,
    Conversation,
    Customer,
    Identity,
    MailMessageId,
    Message,
    OutboxEntry,
    Status,
    ticket_ref,
)
from supportdesk.services import actions, inbox
from supportdesk.services.mail.ingest import MAILBOX_IMPORT, ingest_all, ingest_raw
from supportdesk.services.search import search
from supportdesk.store import Store
from tests.services.mail.helpers import add_mailbox, mail

T0 = datetime(2024, 6, 1, 12, tzinfo=UTC)


def conversation_of(store: Store, row_id: str) -> Conversation:
    with store.read() as session:
        msg = session.scalars(select(Message).where(Message.id == row_id)).one()
        return session.scalars(
            select(Conversation).where(Conversation.id == msg.conversation_id)
        ).one()


def meta_of(store: Store, row_id: str) -> dict[str, object]:
    with store.read() as session:
        return dict(session.scalars(select(Message.meta).where(Message.id == row_id)).one())


def test_a_message_is_stored_with_its_customer_raw_and_search(store: Store) -> None:
    raw = mail("Printer on fire", message_id="p1@example.net", body="The printer is on fire")
    outcome = ingest_raw(store, raw)
    assert outcome.status == "added" and outcome.rule == "new"
    assert outcome.conversation_id == conversation_id_for_root("p1@example.net")
    with store.read() as session:
        msg = session.scalars(select(Message).where(Message.id == outcome.row_id)).one()
        customer = session.scalars(select(Customer)).one()
        identity = session.scalars(select(Identity)).one()
        detail = inbox.conversation(session, outcome.conversation_id)
        hits = search(session, "printer fire")
        outbox = session.scalars(select(OutboxEntry.entity)).all()
        indexed = session.scalars(select(MailMessageId.message_id)).all()
    assert msg.kind == "email_in" and msg.body_text == "The printer is on fire"
    assert store.blobs.get(msg.raw_sha256 or "") == raw
    assert customer.name == "Ann Customer" and identity.value == "ann@example.net"
    assert msg.author_customer_id == customer.id
    assert detail is not None and detail.row.subject == "Printer on fire"
    assert detail.row.unread and detail.row.message_count == 1
    assert detail.entries[0].meta["thread_rule"] == "new"
    assert detail.entries[0].meta["from"] == {"name": "Ann Customer", "address": "ann@example.net"}
    assert [h.conversation_id for h in hits] == [outcome.conversation_id]
    assert {"messages", "conversations", "customers", "identities"} <= set(outbox)
    assert indexed == ["p1@example.net"]


def test_the_same_mail_twice_is_one_row(store: Store) -> None:
    raw = mail("Once", message_id="once@example.net")
    first = ingest_raw(store, raw)
    again = ingest_raw(store, raw)
    batch = ingest_all(store, [raw, raw])
    assert first.status == "added"
    assert again.status == "duplicate" and again.row_id == first.row_id
    assert [o.status for o in batch] == ["duplicate", "duplicate"]
    with store.read() as session:
        assert len(session.scalars(select(Message.id)).all()) == 1


def test_replies_join_by_references_in_reply_to_and_ticket_tag(store: Store) -> None:
    root = ingest_raw(store, mail("Login fails", message_id="r@example.net", date=T0))
    by_refs = ingest_raw(store, mail(
        "Re: Login fails", message_id="r2@example.net", references="<r@example.net>",
        date=T0 + timedelta(hours=1),
    ))  # fmt: skip
    by_reply = ingest_raw(store, mail(
        "whatever", message_id="r3@example.net", in_reply_to="<r2@example.net>",
        sender="Bob <bob@example.org>", date=T0 + timedelta(hours=2),
    ))  # fmt: skip
    tag = ticket_ref(root.conversation_id)
    by_tag = ingest_raw(store, mail(
        f"New question [{tag.lower()}]", message_id="r4@example.net",
        sender="Carol <carol@example.org>", date=T0 + timedelta(hours=3),
    ))  # fmt: skip
    assert {by_refs.conversation_id, by_reply.conversation_id, by_tag.conversation_id} == {
        root.conversation_id
    }
    assert (by_refs.rule, by_reply.rule, by_tag.rule) == ("references", "in_reply_to", "ticket_tag")
    assert "r@example.net" in str(meta_of(store, by_refs.row_id)["thread_detail"])
    conv = conversation_of(store, root.row_id)
    assert conv.message_count == 4
    assert conv.last_activity_at == T0 + timedelta(hours=3)
    assert conv.subject == "Login fails"


def test_same_sender_and_subject_within_the_window(store: Store) -> None:
    first = ingest_raw(store, mail("VPN down", message_id="v1@example.net", date=T0))
    close = ingest_raw(store, mail(
        "VPN down", message_id="v2@example.net", date=T0 + timedelta(days=2)
    ))  # fmt: skip
    late = ingest_raw(store, mail(
        "VPN down", message_id="v3@example.net", date=T0 + timedelta(days=40)
    ))  # fmt: skip
    other = ingest_raw(store, mail(
        "VPN down", message_id="v4@example.net", sender="x@example.org",
        date=T0 + timedelta(days=2, hours=1),
    ))  # fmt: skip
    assert close.conversation_id == first.conversation_id and close.rule == "sender_subject"
    assert late.conversation_id != first.conversation_id and late.rule == "new"
    assert other.conversation_id not in (first.conversation_id, late.conversation_id)


def test_solved_conversation_reopens_on_a_customer_reply_but_not_on_an_autoreply(
    store: Store,
) -> None:
    root = ingest_raw(store, mail("Refund", message_id="f1@example.net", date=T0))
    store.write(lambda uow: actions.set_status(uow, root.conversation_id, Status.SOLVED))
    ingest_raw(store, mail(
        "Re: Refund", message_id="f2@example.net", references="<f1@example.net>",
        date=T0 + timedelta(hours=1), extra="Auto-Submitted: auto-replied",
    ))  # fmt: skip
    assert conversation_of(store, root.row_id).status == Status.SOLVED
    ingest_raw(store, mail(
        "Re: Refund", message_id="f3@example.net", references="<f1@example.net>",
        date=T0 + timedelta(hours=2),
    ))  # fmt: skip
    conv = conversation_of(store, root.row_id)
    assert conv.status == Status.OPEN and conv.unread and conv.message_count == 3


def test_mail_from_our_own_mailbox_is_outgoing(store: Store) -> None:
    add_mailbox(store)
    out = ingest_raw(store, mail(
        "Your order", sender="Acme Support <support@example.com>",
        to="Dana <dana@example.org>", message_id="o1@example.com",
    ))  # fmt: skip
    with store.read() as session:
        msg = session.scalars(select(Message).where(Message.id == out.row_id)).one()
        conv = session.scalars(
            select(Conversation).where(Conversation.id == out.conversation_id)
        ).one()
        customer = session.get(Customer, 1)
    assert msg.kind == "email_out" and msg.author_customer_id is None
    assert customer is not None and customer.name == "Dana"
    assert conv.customer_id == customer.id and not conv.unread


def test_attachments_go_to_blobs_with_safe_names(store: Store) -> None:
    raw = (
        b"From: a@example.net\r\nTo: support@example.com\r\nSubject: files\r\n"
        b"Message-ID: <files@example.net>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
        b'--b\r\nContent-Type: application/pdf; name="../../etc/passwd"\r\n'
        b"Content-Disposition: attachment; filename=\"../../etc/passwd\"\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n"
    )
    outcome = ingest_raw(store, raw)
    with store.read() as session:
        [att] = session.scalars(select(Attachment)).all()
    assert att.message_id == outcome.row_id
    assert att.filename == "passwd" and att.mime_type == "application/pdf"
    assert store.blobs.get(att.sha256) == b"%PDF-1.4\n"
    problems = meta_of(store, outcome.row_id)["problems"]
    assert any("made safe" in p for p in problems)  # type: ignore[union-attr]


def test_thread_root_arriving_last_joins_its_replies(store: Store) -> None:
    reply = ingest_raw(store, mail(
        "Re: Crash", message_id="c2@example.net", references="<c1@example.net>",
        date=T0 + timedelta(hours=1),
    ))  # fmt: skip
    root = ingest_raw(store, mail("Crash", message_id="c1@example.net", date=T0))
    assert root.conversation_id == reply.conversation_id
    conv = conversation_of(store, root.row_id)
    # The earliest message names the conversation and dates its start.
    assert conv.subject == "Crash" and conv.created_at == T0
    assert conv.last_activity_at == T0 + timedelta(hours=1)


def test_import_key_separates_mailboxes_but_known_message_ids_are_duplicates(
    store: Store,
) -> None:
    raw = mail("Twice", message_id="tw@example.net")
    first = ingest_raw(store, raw, mailbox_key="support@example.com")
    imported = ingest_raw(store, raw, mailbox_key=MAILBOX_IMPORT)
    assert first.status == "added" and imported.status == "duplicate"
    # A different message reusing the Message-ID (another sender) is kept.
    clash = ingest_raw(
        store, mail("Other", message_id="tw@example.net", sender="z@example.org"),
        mailbox_key=MAILBOX_IMPORT,
    )  # fmt: skip
    assert clash.status == "added"


def test_a_batch_threads_against_itself(store: Store) -> None:
    raws = [
        mail("Re: Batch", message_id="b3@example.net",
             references="<b1@example.net> <b2@example.net>", date=T0 + timedelta(hours=2)),
        mail("Batch", message_id="b1@example.net", date=T0),
        mail("Re: Batch", message_id="b2@example.net", references="<b1@example.net>",
             date=T0 + timedelta(hours=1)),
    ]  # fmt: skip
    outcomes = ingest_all(store, raws, batch_size=10)
    assert len({o.conversation_id for o in outcomes}) == 1
    conv = conversation_of(store, outcomes[0].row_id)
    assert conv.message_count == 3 and conv.subject == "Batch"


def test_split_and_move_are_recorded_and_honoured_by_later_replies(store: Store) -> None:
    from supportdesk.services.mail.manage import move_message, split_message

    root = ingest_raw(store, mail("Two problems", message_id="s1@example.net", date=T0))
    second = ingest_raw(store, mail(
        "Re: Two problems", message_id="s2@example.net", references="<s1@example.net>",
        date=T0 + timedelta(hours=1), body="And also my password",
    ))  # fmt: skip
    new_id = store.write(lambda uow: split_message(uow, second.row_id))
    assert new_id != root.conversation_id
    meta = meta_of(store, second.row_id)
    assert meta["thread_rule"] == "manual"
    assert ticket_ref(root.conversation_id) in str(meta["thread_detail"])
    assert conversation_of(store, root.row_id).message_count == 1
    split = conversation_of(store, second.row_id)
    assert split.id == new_id and split.message_count == 1 and split.subject == "Two problems"
    # A reply to the split message follows it to its new conversation.
    reply = ingest_raw(store, mail(
        "Re: Two problems", message_id="s3@example.net",
        references="<s1@example.net> <s2@example.net>", date=T0 + timedelta(hours=2),
    ))  # fmt: skip
    assert reply.conversation_id == new_id and reply.rule == "references"
    # Move it back by hand.
    store.write(lambda uow: move_message(uow, second.row_id, root.conversation_id))
    assert conversation_of(store, second.row_id).id == root.conversation_id
    assert conversation_of(store, root.row_id).message_count == 2
    with store.read() as session:
        detail = inbox.conversation(session, root.conversation_id)
    assert detail is not None
    kinds = [d.kind for d in detail.activity]
    assert "message_moved_out" in kinds and "message_moved_in" in kinds
