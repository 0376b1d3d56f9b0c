"""What a rep does: calls, notes, status, tags, assignment, with history."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from supportdesk.models import Activity, Customer, Identity, Message, Status
from supportdesk.services import actions, inbox
from supportdesk.services.actions import ActionError, CallLog
from supportdesk.services.customers import InvalidPhoneNumberError, normalize_phone
from supportdesk.store import Store


def _call(phone: str, **kw: object) -> CallLog:
    values: dict[str, object] = dict(
        phone=normalize_phone(phone, "IS"),
        caller_name="Guðrún Jónsdóttir",
        direction="inbound",
        duration=timedelta(minutes=7, seconds=5),
        outcome="follow_up",
        notes="Prentarinn aftur.",
        started_at=datetime(2026, 11, 17, 10, 0, tzinfo=UTC),
        follow_up=date(2026, 11, 19),
    )
    values.update(kw)
    return CallLog(**values)  # type: ignore[arg-type]


def test_a_call_creates_customer_and_phone_conversation(store: Store) -> None:
    entry = store.write(lambda uow: actions.log_call(uow, _call("555 1234"), "Alex"))
    with store.read() as s:
        ident = s.scalars(select(Identity)).one()
        assert ident.value == "+3545551234"
        customer = s.scalars(select(Customer)).one()
        assert customer.name == "Guðrún Jónsdóttir"
        detail = inbox.conversation(s, entry.conversation_id)
    assert detail is not None
    assert detail.row.channel == "phone"
    assert detail.row.subject == "Call from Guðrún Jónsdóttir"
    call = detail.entries[-1]
    assert call.kind == "call"
    assert call.meta["duration_s"] == 425
    assert call.meta["outcome"] == "follow_up"
    assert call.meta["follow_up"] == "2026-11-19"
    assert any(a.kind == "follow_up" for a in detail.activity)


def test_the_same_number_written_differently_finds_the_same_customer(store: Store) -> None:
    first = store.write(lambda uow: actions.log_call(uow, _call("+354 555-1234"), "A"))
    second = store.write(
        lambda uow: actions.log_call(
            uow, _call("00354 5551234", caller_name="", conversation_id=first.conversation_id),
            "A",
        )
    )
    assert second.conversation_id == first.conversation_id
    with store.read() as s:
        assert len(s.scalars(select(Customer)).all()) == 1
        assert len(s.scalars(select(Message)).all()) == 2


@pytest.mark.parametrize("bad", ["", "12", "hello", "+1 555"])
def test_numbers_that_do_not_parse_are_explained(bad: str) -> None:
    with pytest.raises(InvalidPhoneNumberError) as err:
        normalize_phone(bad, "US")
    assert str(err.value)  # a sentence, not a traceback
    assert "phone" in str(err.value).lower() or "digits" in str(err.value).lower()


def test_status_priority_assignment_and_tags_are_recorded(demo_store: Store) -> None:
    with demo_store.read() as s:
        cid = inbox.page(s, inbox.ALL_OPEN, None, limit=1)[0].id
        agent = inbox.agents(s)[1]
    demo_store.write(lambda uow: actions.assign(uow, cid, agent.id))
    demo_store.write(lambda uow: actions.set_status(uow, cid, Status.SOLVED))
    demo_store.write(lambda uow: actions.add_tag(uow, cid, "  Needs Vendor "))
    with demo_store.read() as s:
        detail = inbox.conversation(s, cid)
        kinds = [a.kind for a in s.scalars(select(Activity).where(Activity.conversation_id == cid))]
    assert detail is not None
    assert detail.row.status == "solved"
    assert detail.row.assignee_name == agent.name
    assert "needs-vendor" in detail.tags
    assert {"assigned", "status", "tag_added"} <= set(kinds)


def test_customer_reply_reopens_a_solved_conversation(demo_store: Store) -> None:
    with demo_store.read() as s:
        row = inbox.page(s, inbox.SOLVED, None, limit=1)[0]
    conv_id = row.id

    def reply(uow):  # type: ignore[no-untyped-def]
        from supportdesk.models import Conversation, new_id

        conv = uow.session.scalars(select(Conversation).where(Conversation.id == conv_id)).one()
        msg = Message(id=new_id(), conversation_id=conv_id, kind="email_in",
                      created_at=datetime.now(UTC), author_customer_id=conv.customer_id,
                      author_name="x", subject="", body_text="It broke again", meta={})
        uow.add(msg)
        actions.touch(uow, conv, msg)

    demo_store.write(reply)
    with demo_store.read() as s:
        fresh = inbox.rows_by_id(s, [conv_id])[conv_id]
    assert fresh.status == "open" and fresh.unread and fresh.subject == row.subject


def test_empty_note_and_unknown_conversation_are_refused(store: Store) -> None:
    with pytest.raises(ActionError, match="empty"):
        store.write(lambda uow: actions.add_note(uow, "nope", "   ", "A"))
    with pytest.raises(ActionError, match="no longer exists"):
        store.write(lambda uow: actions.add_note(uow, "nope", "hi", "A"))


def test_customer_merge_is_reversible(store: Store) -> None:
    from supportdesk.models import IdentityKind
    from supportdesk.services.customers import (
        find_customer_id,
        find_or_create_customer,
        merge_customers,
        unmerge_customer,
    )

    def two(uow):  # type: ignore[no-untyped-def]
        a, _ = find_or_create_customer(uow, IdentityKind.EMAIL, "anna@example.com",
                                       "anna@example.com", "Anna")
        b, _ = find_or_create_customer(uow, IdentityKind.PHONE, "+3545551234",
                                       "+354 555 1234", "Anna (phone)")
        return a, b

    a, b = store.write(two)
    store.write(lambda uow: merge_customers(uow, a, b))
    with store.read() as s:
        assert find_customer_id(s, IdentityKind.PHONE, "+3545551234") == a
    store.write(lambda uow: unmerge_customer(uow, b))
    with store.read() as s:
        assert find_customer_id(s, IdentityKind.PHONE, "+3545551234") == b
