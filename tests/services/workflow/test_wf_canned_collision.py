"""Canned answers (placeholders, search, counting) and the checks before a reply is sent."""

from __future__ import annotations

from datetime import date

import pytest

from supportdesk.models import ticket_ref
from supportdesk.services.workflow import canned, collision, contracts, tracking
from supportdesk.services.workflow.team import WorkflowError
from supportdesk.store import Store, UnitOfWork
from tests.services.workflow.helpers import add_message, at, make_team, new_conversation


def test_unfilled_placeholders_are_listed_once_in_order() -> None:
    text = "Hi {customer_name}, order {order_number}: {eta}. {customer_name}! {{not json}} {1x}"
    assert canned.unfilled_placeholders(text) == ["{customer_name}", "{order_number}", "{eta}"]
    assert canned.unfilled_placeholders('{"a": 1} and { spaced }') == []


def test_fill_leaves_unknown_and_empty_values_for_the_rep() -> None:
    filled = canned.fill_placeholders(
        "Hi {customer_name}, {ticket}: {eta} {order_number}",
        {"customer_name": "Jökull", "ticket": "SD-1", "eta": None},
    )
    assert filled == "Hi Jökull, SD-1: {eta} {order_number}"


def _setup(store: Store) -> tuple[str, dict[str, str]]:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 10))

    def work(uow: UnitOfWork) -> dict[str, str]:
        add_message(uow, cid, at(16, 10), customer_id=ids.customer)
        tracking.on_customer_message(uow, cid, at(16, 10))
        contracts.save_contract(uow, name="Northwind 10 h", kind="prepaid_hours",
                                organization="northwind traders", starts_on=date(2026, 1, 1),
                                prepaid_quantity=200)
        made = {
            "hi": canned.save_canned(
                uow, title="Greeting and ETA", shortcut="/hi", language="en",
                body="Hi {customer_name}, about {ticket}: I will answer {eta}.\n{agent}").id,
            "bal": canned.save_canned(
                uow, title="Support balance", shortcut="balance", language="ru",
                body="{customer_name}, у вас {contract_balance}.").id,
            "ask": canned.save_canned(
                uow, title="Need the order number", shortcut="order", language="en",
                body="Hi {customer_name}, what is your order number? {order_number}").id,
            "is": canned.save_canned(
                uow, title="Kveðja", shortcut="hallo", language="is",
                body="Góðan dag {customer_name}").id,
        }
        return made

    return cid, store.write(work)


def test_canned_answer_is_filled_for_the_conversation_and_counted(store: Store) -> None:
    cid, made = _setup(store)
    filled = store.write(lambda uow: canned.use_canned(uow, made["hi"], cid, "Alex Morgan",
                                                       at(16, 10, 5)))
    assert filled.text == (f"Hi Olivia Smith, about {ticket_ref(cid)}: I will answer "
                           "by 14:00 today (your time).\nAlex Morgan")
    assert filled.unfilled == ()
    bal = store.write(lambda uow: canned.use_canned(uow, made["bal"], cid, "Alex", at(16, 11)))
    assert bal.text == "Olivia Smith, у вас осталось 3 ч 20 мин."
    store.write(lambda uow: canned.use_canned(uow, made["hi"], cid, "Alex", at(16, 12)))
    with store.read() as s:
        counts = canned.usage_counts(s)
        listed = canned.list_canned(s)
    assert counts == {made["hi"]: 2, made["bal"]: 1}
    assert listed[0].id == made["hi"] and listed[0].uses == 2


def test_a_reply_with_a_placeholder_left_cannot_be_sent(store: Store) -> None:
    cid, made = _setup(store)
    filled = store.write(lambda uow: canned.use_canned(uow, made["ask"], cid, "Alex",
                                                       at(16, 11)))
    assert filled.unfilled == ("{order_number}",)
    with store.read() as s:
        check = collision.check_before_send(s, cid, filled.text, None)
        assert check.blocked and check.unfilled == ("{order_number}",)
        fixed = filled.text.replace("{order_number}", "A-1234")
        assert not collision.check_before_send(s, cid, fixed, None).blocked


def test_search_by_title_or_shortcut_in_any_script(store: Store) -> None:
    _cid, made = _setup(store)
    with store.read() as s:
        assert canned.search_canned(s, "/hi")[0].id == made["hi"]
        assert [c.id for c in canned.search_canned(s, "BAL")] == [made["bal"]]
        assert [c.id for c in canned.search_canned(s, "order number")] == [made["ask"]]
        assert [c.id for c in canned.search_canned(s, "KVEÐ")] == [made["is"]]
        assert len(canned.search_canned(s, "")) == 4
        assert canned.search_canned(s, "", language="is")[0].id == made["is"]


def test_shortcuts_are_unique(store: Store) -> None:
    _setup(store)
    with pytest.raises(WorkflowError, match="taken"):
        store.write(lambda uow: canned.save_canned(uow, title="Other", body="x", shortcut="HI"))


def test_new_messages_since_the_draft_began_need_confirmation(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 10))
    store.write(lambda uow: add_message(uow, cid, at(16, 10), customer_id=ids.customer))
    with store.read() as s:
        draft = collision.begin_draft(s, cid, at(16, 10, 30))
        assert collision.check_before_send(s, cid, "Hi", draft).new_messages == ()
    # A message synced in late carries an older time; the local counter still sees it.
    store.write(lambda uow: add_message(uow, cid, at(16, 10, 20), customer_id=ids.customer,
                                        text="Also, the printer is on fire"))
    store.write(lambda uow: add_message(uow, cid, at(16, 10, 40), agent_id=ids.me, text="mine"))
    with store.read() as s:
        check = collision.check_before_send(s, cid, "Hi", draft, me=ids.me)
        assert check.needs_confirmation and not check.blocked
        assert [m.snippet for m in check.new_messages] == ["Also, the printer is on fire"]
        by_time = collision.new_since(s, cid, at(16, 10, 30))
        assert [m.snippet for m in by_time] == ["mine"]


def test_new_since_by_time_alone(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 10))
    store.write(lambda uow: add_message(uow, cid, at(16, 10), customer_id=ids.customer))
    store.write(lambda uow: add_message(uow, cid, at(16, 11), customer_id=ids.customer))
    with store.read() as s:
        assert len(collision.new_since(s, cid, at(16, 10, 30))) == 1
