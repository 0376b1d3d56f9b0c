"""Management services behind the owners' dialogs: canned answers per language, placeholder
checks, money, top-ups and adjustments, finding whom a contract covers."""

from __future__ import annotations

from datetime import date

import pytest

from supportdesk.services.workflow import canned, collision, contracts
from supportdesk.services.workflow.team import WorkflowError
from supportdesk.store import Store
from tests.services.workflow.helpers import add_message, at, make_team, new_conversation


def test_one_shortcut_in_several_languages_and_the_customers_first(store: Store) -> None:
    ids = make_team(store)
    en = store.write(lambda uow: canned.save_canned(
        uow, title="Greeting", shortcut="/hi", language="en", body="Hi {customer_name}").id)
    ru = store.write(lambda uow: canned.save_canned(
        uow, title="Приветствие", shortcut="hi", language="RU",
        body="Здравствуйте, {customer_name}").id)
    with pytest.raises(WorkflowError, match="taken by another answer in ru"):
        store.write(lambda uow: canned.save_canned(
            uow, title="Again", shortcut="HI", language="ru", body="x"))
    # Editing an answer keeps its own shortcut.
    store.write(lambda uow: canned.save_canned(
        uow, title="Приветствие!", shortcut="hi", language="ru", body="Здравствуйте",
        canned_id=ru))
    cid = new_conversation(store, ids.ru_customer, at(16, 9))
    with store.read() as s:
        assert canned.customer_language(s, cid) == "ru"
        found = canned.search_canned(s, "/hi", canned.customer_language(s, cid))
        assert [c.id for c in found] == [ru, en]
        assert [c.id for c in canned.search_canned(s, "/hi", "en")] == [en, ru]
        assert canned.canned_languages(s) == ["en", "is", "ru"]
    store.write(lambda uow: canned.retire_canned(uow, ru))
    # A retired answer frees its shortcut.
    store.write(lambda uow: canned.save_canned(
        uow, title="Новое", shortcut="hi", language="ru", body="Добрый день"))


def test_placeholder_checks_name_what_is_wrong() -> None:
    assert canned.unknown_placeholders("{customer_name} {order_number} {eta}") == [
        "{order_number}"]
    assert canned.malformed_placeholders("Hi {customer name}, {{literal}} {ok}") == [
        "{customer name}"]
    assert canned.placeholder_problem("Hi {customer_name}, {ticket}") == ""
    problem = canned.placeholder_problem("Hi {custmer_name}")
    assert "{custmer_name}" in problem and "{customer_name}" in problem
    assert canned.placeholder_problem("Hi {custmer_name}", allow_unknown=True) == ""
    assert "not a placeholder" in canned.placeholder_problem("{customer name}",
                                                             allow_unknown=True)


def test_the_service_refuses_bad_answers_and_writes_nothing(store: Store) -> None:
    make_team(store)
    for kwargs, words in (
        ({"body": "Hi {custmer_name}", "allow_unknown": False}, "cannot fill"),
        ({"body": "Hi {customer name}"}, "not a placeholder"),
        ({"body": "Hi", "shortcut": "two words"}, "one word"),
        ({"body": "   "}, "title and a text"),
    ):
        with pytest.raises(WorkflowError, match=words):
            store.write(lambda uow, k=kwargs: canned.save_canned(uow, title="T", **k))
    with store.read() as s:
        assert canned.list_canned(s, include_inactive=True) == []


def test_quoted_mail_does_not_block_a_reply_but_the_reps_own_text_does(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 9))
    store.write(lambda uow: add_message(uow, cid, at(16, 9), customer_id=ids.customer))
    reply = "Thanks, fixed.\n\nOn Mon, Olivia wrote:\n> my config is {debug: true}\n>  {eta}\n"
    assert canned.unfilled_in_reply(reply) == []
    with store.read() as s:
        check = collision.check_before_send(s, cid, reply, None)
        assert not check.blocked
        check = collision.check_before_send(s, cid, "ETA {eta}\n> {x}", None)
        assert check.unfilled == ("{eta}",)


def test_money_is_read_exactly_in_cents() -> None:
    assert contracts.parse_cents("95") == 9500
    assert contracts.parse_cents("95.5") == 9550
    assert contracts.parse_cents("0.10") == 10
    assert contracts.parse_cents("1 250,00") == 125000
    assert contracts.parse_cents("1,250.75") == 125075
    assert contracts.parse_cents("") == 0
    for bad, words in (("1.234", "two decimals"), ("-5", "negative"), ("ten", "not an amount"),
                       ("nan", "not an amount")):
        with pytest.raises(WorkflowError, match=words):
            contracts.parse_cents(bad)
    assert contracts.format_cents(9550) == "95.50"
    assert contracts.format_cents(5) == "0.05"


def test_top_up_and_adjust_a_pack_with_notes(store: Store) -> None:
    ids = make_team(store)
    pack = store.write(lambda uow: contracts.save_contract(
        uow, name="Pack", kind="prepaid_hours", customer_id=ids.customer,
        starts_on=date(2026, 1, 1), prepaid_quantity=600).id)
    per = store.write(lambda uow: contracts.save_contract(
        uow, name="Per", kind="per_incident", organization="Other Ltd",
        starts_on=date(2026, 1, 1), price_cents=9500).id)
    store.write(lambda uow: contracts.top_up(uow, pack, 300, at(16, 9), "Invoice 7"))
    store.write(lambda uow: contracts.adjust(uow, pack, -60, at(16, 10), "Goodwill"))
    for work, words in (
        (lambda uow: contracts.top_up(uow, pack, 0, at(16, 11)), "more than zero"),
        (lambda uow: contracts.adjust(uow, pack, 30, at(16, 11), " "), "Say why"),
        (lambda uow: contracts.adjust(uow, pack, 0, at(16, 11), "x"), "change the balance"),
        (lambda uow: contracts.top_up(uow, per, 5, at(16, 11)), "Only prepaid packs"),
    ):
        with pytest.raises(WorkflowError, match=words):
            store.write(work)
    with store.read() as s:
        assert contracts.balance(s, pack).remaining == 600 + 300 + 60
        history = contracts.balance_history(s, pack)
        assert [(u.kind, u.amount, u.note, u.remaining_after) for u in history] == [
            ("topup", 300, "Invoice 7", 900), ("adjustment", -60, "Goodwill", 960)]
        listed = contracts.list_contracts(s)
        assert [(i.info.name, i.holder) for i in listed] == [
            ("Pack", "Olivia Smith"), ("Per", "Other Ltd")]
        assert [i.info.id for i in contracts.list_contracts(s, customer_id=ids.customer)] == [
            pack]
    store.write(lambda uow: contracts.end_contract(uow, per))
    with store.read() as s:
        assert [i.info.name for i in contracts.list_contracts(s)] == ["Pack"]


def test_holders_and_the_conversations_a_contract_covers(store: Store) -> None:
    ids = make_team(store)
    olivia = new_conversation(store, ids.customer, at(16, 9))
    anna = new_conversation(store, ids.ru_customer, at(16, 9))
    with store.read() as s:
        found = contracts.find_holders(s, "north")
        assert [(h.label, h.customer_id, h.organization) for h in found] == [
            ("Northwind Traders", None, "Northwind Traders")]
        found = contracts.find_holders(s, "анна")  # not ASCII: still any case
        assert [(h.label, h.customer_id) for h in found] == [("Анна Иванова", ids.ru_customer)]
        assert contracts.find_holders(s, "  ") == []
        assert contracts.open_conversations_covered(
            s, organization="northwind traders ") == [olivia]
        assert contracts.open_conversations_covered(s, customer_id=ids.ru_customer) == [anna]
