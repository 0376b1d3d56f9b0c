"""Timers (across restarts), time entries incl. vendor support, contracts and balances."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from supportdesk.models import Activity, Customer
from supportdesk.models.workflow import TimeEntry
from supportdesk.services.workflow import contracts, team, timetracking
from supportdesk.services.workflow.team import WorkflowError
from supportdesk.store import Store, UnitOfWork
from tests.services.workflow.helpers import Team, at, make_team, new_conversation

MIN = timedelta(minutes=1)


def test_timer_survives_closing_and_reopening_the_store(profile: Path) -> None:
    store = Store.open(profile)
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 9))
    timer_id = store.write(lambda uow: timetracking.start_timer(uow, cid, at(16, 10)).id)
    store.write(lambda uow: timetracking.pause_timer(uow, timer_id, at(16, 10, 20)))
    store.write(lambda uow: timetracking.resume_timer(uow, timer_id, at(16, 10, 30)))
    store.close()  # the app quits with the timer running

    store = Store.open(profile)
    try:
        assert store.agent_id == ids.me
        with store.read() as s:
            info = timetracking.active_timer(s, cid, ids.me)
        assert info is not None and info.id == timer_id and info.running
        # 20 min before the pause + 30 min since resuming at 10:30.
        assert info.elapsed(at(16, 11)) == 50 * MIN
        entry = store.write(lambda uow: timetracking.stop_timer(
            uow, timer_id, at(16, 11), note="Reset the spooler").id)
        with store.read() as s:
            row = s.get(TimeEntry, entry)
            assert row is not None and (row.minutes, row.note) == (50, "Reset the spooler")
            assert row.started_at == at(16, 10)
            assert timetracking.active_timer(s, cid, ids.me) is None
            assert timetracking.total_minutes(s, cid) == 50
    finally:
        store.close()


def test_timer_warns_when_left_running_for_hours(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 9))
    store.write(lambda uow: timetracking.start_timer(uow, cid, at(16, 9)))
    with store.read() as s:
        info = timetracking.active_timer(s, cid, ids.me)
        threshold = team.load_team(s).timer_warn
    assert info is not None and threshold == timedelta(hours=4)
    assert not info.needs_warning(at(16, 12, 59), threshold)
    assert info.needs_warning(at(16, 13), threshold)
    store.write(lambda uow: timetracking.pause_timer(uow, info.id, at(16, 13, 30)))
    with store.read() as s:
        paused = timetracking.active_timer(s, cid, ids.me)
    assert paused is not None and paused.paused
    assert not paused.needs_warning(at(16, 18), threshold)  # a paused timer does not nag
    assert paused.elapsed(at(16, 18)) == timedelta(hours=4, minutes=30)


def test_starting_a_timer_pauses_the_others_and_restarting_resumes(store: Store) -> None:
    ids = make_team(store)
    a = new_conversation(store, ids.customer, at(16, 9))
    b = new_conversation(store, ids.customer, at(16, 9))
    ta = store.write(lambda uow: timetracking.start_timer(uow, a, at(16, 9)).id)
    store.write(lambda uow: timetracking.start_timer(uow, b, at(16, 9, 30)))
    again = store.write(lambda uow: timetracking.start_timer(uow, a, at(16, 10)).id)
    assert again == ta
    with store.read() as s:
        timers = {t.conversation_id: t for t in timetracking.open_timers(s, ids.me)}
    assert timers[a].running and timers[b].paused
    assert timers[a].elapsed(at(16, 10, 15)) == 45 * MIN
    assert timers[b].elapsed(at(16, 10, 15)) == 30 * MIN


def test_vendor_support_entry_and_its_checks(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 9))
    store.write(lambda uow: timetracking.log_time(
        uow, cid, 40, kind="vendor", vendor_name="Contoso Printers", vendor_case="CP-448812",
        phone_minutes=25, note="Opened a case", now=at(16, 12)))
    with store.read() as s:
        [entry] = timetracking.time_entries(s, cid)
        activity = s.scalars(select(Activity).where(Activity.kind == "vendor_support")).one()
    assert (entry.vendor_name, entry.vendor_case, entry.phone_minutes) == (
        "Contoso Printers", "CP-448812", 25)
    assert entry.agent_name == "Alex Morgan"
    assert (activity.detail["vendor"], activity.detail["case"]) == ("Contoso Printers", "CP-448812")
    with pytest.raises(WorkflowError, match="vendor"):
        store.write(lambda uow: timetracking.log_time(uow, cid, 10, kind="vendor"))
    with pytest.raises(WorkflowError, match="phone"):
        store.write(lambda uow: timetracking.log_time(
            uow, cid, 10, kind="vendor", vendor_name="X", phone_minutes=11))
    with pytest.raises(WorkflowError, match="between"):
        store.write(lambda uow: timetracking.log_time(uow, cid, 0))


# -- contracts -------------------------------------------------------------------------


def _pack(store: Store, ids: Team, quantity: int = 600, kind: str = "prepaid_hours",
          expires: date | None = date(2026, 11, 20), **kw: object) -> str:
    def work(uow: UnitOfWork) -> str:
        return contracts.save_contract(
            uow, name="Pack", kind=kind, organization="Northwind Traders",
            starts_on=date(2026, 11, 1), expires_on=expires, prepaid_quantity=quantity,
            **kw,  # type: ignore[arg-type]
        ).id

    return store.write(work)


def test_balance_after_a_sequence_of_entries_with_topup_and_expiry(store: Store) -> None:
    ids = make_team(store)
    contract = _pack(store, ids, 600)  # 10 h, 1-20 November
    cid = new_conversation(store, ids.customer, at(16, 9))
    with store.read() as s:
        cover = contracts.coverage(s, team.load_team(s), at(16, 9), conversation_id=cid)
    assert cover.status == "covered" and not cover.flagged
    assert cover.balance is not None and cover.balance.remaining == 600
    for minutes, day in ((90, 16), (30, 17)):
        store.write(lambda uow, m=minutes, d=day: timetracking.log_time(  # type: ignore[misc]
            uow, cid, m, now=at(d, 12)))
    store.write(lambda uow: timetracking.log_time(uow, cid, 45, billable=False, now=at(17, 13)))
    store.write(lambda uow: contracts.record_usage(uow, contract, "topup", 120, at(18, 9),
                                                   note="2 h more"))
    store.write(lambda uow: timetracking.log_time(uow, cid, 660, now=at(19, 10)))
    with store.read() as s:
        history = contracts.balance_history(s, contract)
        final = contracts.balance(s, contract)
        cfg = team.load_team(s)
        exhausted = contracts.coverage(s, cfg, at(19, 12), conversation_id=cid)
    assert [(u.kind, u.amount, u.remaining_after) for u in history] == [
        ("minutes", 90, 510), ("minutes", 30, 480), ("topup", 120, 600), ("minutes", 660, -60),
    ]
    assert (final.used, final.added, final.remaining) == (780, 120, -60)
    assert exhausted.status == "exhausted" and exhausted.flagged
    # After the expiry date the pack covers nothing and later work does not draw on it.
    with store.read() as s:
        expired = contracts.coverage(s, cfg, at(21, 10), conversation_id=cid)
    assert expired.status == "expired" and expired.flagged
    store.write(lambda uow: timetracking.log_time(uow, cid, 30, now=at(23, 10)))
    with store.read() as s:
        assert contracts.balance(s, contract).remaining == -60
        assert contracts.balance(s, contract, at(17, 23)).remaining == 480


def test_incident_pack_counts_each_conversation_once(store: Store) -> None:
    ids = make_team(store)
    contract = _pack(store, ids, 2, kind="prepaid_incidents", expires=None)
    one = new_conversation(store, ids.customer, at(16, 9))
    two = new_conversation(store, ids.customer, at(16, 9))
    for cid in (one, one, two):
        store.write(lambda uow, c=cid: timetracking.log_time(uow, c, 15, now=at(16, 10)))  # type: ignore[misc]
    with store.read() as s:
        bal = contracts.balance(s, contract)
        cover = contracts.coverage(s, team.load_team(s), at(16, 11), conversation_id=one)
    assert (bal.incidents, bal.remaining) == (2, 0)
    assert cover.status == "exhausted"


def test_per_incident_contract_bills_each_conversation(store: Store) -> None:
    ids = make_team(store)
    contract = _pack(store, ids, 0, kind="per_incident", expires=None, price_cents=9500)
    cid = new_conversation(store, ids.customer, at(16, 9))
    store.write(lambda uow: timetracking.log_time(uow, cid, 20, now=at(16, 10)))
    store.write(lambda uow: timetracking.log_time(uow, cid, 20, now=at(16, 11)))
    with store.read() as s:
        bal = contracts.balance(s, contract)
        cover = contracts.coverage(s, team.load_team(s), at(16, 12), conversation_id=cid)
    assert (bal.incidents, bal.owed_cents, bal.remaining) == (1, 9500, None)
    assert cover.status == "per_incident" and not cover.flagged


def test_no_contract_no_cover_and_not_started_are_flagged_before_work(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.ru_customer, at(16, 9))
    with store.read() as s:
        cfg = team.load_team(s)
        assert contracts.coverage(s, cfg, at(16, 9), conversation_id=cid).status == "no_contract"
    store.write(lambda uow: contracts.save_contract(
        uow, name="None", kind="none", customer_id=ids.ru_customer, starts_on=date(2026, 1, 1)))
    store.write(lambda uow: contracts.save_contract(
        uow, name="Later", kind="prepaid_hours", customer_id=ids.customer,
        starts_on=date(2026, 12, 1), prepaid_quantity=60))
    other = new_conversation(store, ids.customer, at(16, 9))
    with store.read() as s:
        none = contracts.coverage(s, cfg, at(16, 9), conversation_id=cid)
        later = contracts.coverage(s, cfg, at(16, 9), conversation_id=other)
    assert none.status == "no_cover" and none.flagged
    assert later.status == "not_started" and later.flagged


def test_a_merged_customer_keeps_the_contract_of_the_one_they_joined(store: Store) -> None:
    ids = make_team(store)
    _pack(store, ids, 120, expires=None)

    def merge(uow: UnitOfWork) -> str:
        dup = Customer(name="O. Smith", organization=None, language="en",
                       merged_into_id=ids.customer)
        uow.add(dup)
        return dup.id

    dup = store.write(merge)
    with store.read() as s:
        cover = contracts.coverage(s, team.load_team(s), at(16, 9), customer_id=dup)
    assert cover.status == "covered"


def test_contract_validation(store: Store) -> None:
    ids = make_team(store)
    bad = [
        dict(name="", kind="none", customer_id=ids.customer),
        dict(name="x", kind="gold", customer_id=ids.customer),
        dict(name="x", kind="none"),
        dict(name="x", kind="prepaid_hours", customer_id=ids.customer),
        dict(name="x", kind="none", customer_id=ids.customer, expires_on=date(2025, 1, 1)),
    ]
    for kw in bad:
        with pytest.raises(WorkflowError):
            store.write(lambda uow, kw=kw: contracts.save_contract(  # type: ignore[misc]
                uow, starts_on=date(2026, 1, 1), **kw))


def test_balance_text_in_three_languages(store: Store) -> None:
    ids = make_team(store)
    contract = _pack(store, ids, 200, expires=None)
    with store.read() as s:
        bal = contracts.balance(s, contract)
    assert contracts.balance_text(bal, "en") == "3 h 20 min left"
    assert contracts.balance_text(bal, "ru") == "осталось 3 ч 20 мин"
    assert contracts.balance_text(bal, "is") == "3 klst. 20 mín. eftir"
    assert contracts.format_minutes(-75) == "-1 h 15 min"
