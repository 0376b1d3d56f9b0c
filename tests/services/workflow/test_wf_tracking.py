"""SLA tracking of conversations: due times, pauses, cycles, views and breaches (hand-worked)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from supportdesk.models import Status
from supportdesk.models.workflow import Notification, SlaTracking, sla_tracking_id
from supportdesk.services import actions
from supportdesk.services.workflow import due, notify, oncall, tracking
from supportdesk.store import Store
from tests.services.workflow.helpers import Team, add_message, at, make_team, new_conversation

# November 2026: Mon 16, Tue 17, Wed 18, Thu 19, Fri 20; team Mon-Fri 09:00-17:00 London.
# Normal priority: first (and next) response 4 business hours, resolution 24.


def _tr(store: Store, cid: str) -> SlaTracking:
    with store.read() as s:
        row = s.get(SlaTracking, sla_tracking_id(cid))
    assert row is not None
    return row


def _customer_writes(store: Store, ids: Team, cid: str, when, **kw) -> None:  # type: ignore[no-untyped-def]
    def work(uow):  # type: ignore[no-untyped-def]
        add_message(uow, cid, when, customer_id=ids.customer, **kw)
        tracking.on_customer_message(uow, cid, when)

    store.write(work)


def _agent_replies(store: Store, ids: Team, cid: str, when) -> None:  # type: ignore[no-untyped-def]
    def work(uow):  # type: ignore[no-untyped-def]
        add_message(uow, cid, when, agent_id=ids.me)
        tracking.on_agent_reply(uow, cid, when)

    store.write(work)


def _status(store: Store, cid: str, status: Status, when) -> None:  # type: ignore[no-untyped-def]
    def work(uow):  # type: ignore[no-untyped-def]
        actions.set_status(uow, cid, status)
        tracking.on_status_change(uow, cid, when)

    store.write(work)


def test_friday_afternoon_message_is_due_monday_noon(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(20, 16))
    _customer_writes(store, ids, cid, at(20, 16))
    tr = _tr(store, cid)
    assert tr.received_at == at(20, 16)
    assert tr.first_response_due == at(23, 12)  # 1 h Friday + 3 h Monday
    assert tr.resolution_due == at(25, 16)  # 1 + 8 + 8 + 7 h: Wednesday 16:00
    assert tr.next_due_at == at(23, 12)
    # Due soon one business hour before: Monday 11:00.
    assert tr.warn_at == at(23, 11)
    assert tr.policy_name == "Standard"


def test_first_answer_meets_the_target_and_a_new_customer_message_starts_next_response(
    store: Store,
) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 10))
    _customer_writes(store, ids, cid, at(16, 10))
    _agent_replies(store, ids, cid, at(16, 11))
    tr = _tr(store, cid)
    assert tr.first_response_at == at(16, 11)
    assert tr.awaiting_since is None and tr.next_response_due is None
    assert tr.next_due_at == tr.resolution_due == at(19, 10)  # 24 business hours
    _customer_writes(store, ids, cid, at(16, 15))
    _customer_writes(store, ids, cid, at(16, 16))  # a nudge does not restart the clock
    tr = _tr(store, cid)
    assert tr.awaiting_since == at(16, 15)
    assert tr.next_response_due == at(17, 11)  # 2 h Monday + 2 h Tuesday
    assert tr.next_due_at == at(17, 11)


def test_notes_and_auto_replies_do_not_count(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 9))
    _customer_writes(store, ids, cid, at(16, 9, 30), meta={"is_auto": True})
    with store.read() as s:
        assert s.get(SlaTracking, sla_tracking_id(cid)) is None
    _customer_writes(store, ids, cid, at(16, 10))

    def note(uow):  # type: ignore[no-untyped-def]
        actions.add_note(uow, cid, "internal", "Alex")
        tracking.refresh(uow, cid, at(16, 10, 5))

    store.write(note)
    tr = _tr(store, cid)
    assert tr.received_at == at(16, 10)
    assert tr.first_response_at is None


def test_pending_pauses_the_clock_and_the_customer_reply_restarts_it(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 10))
    _customer_writes(store, ids, cid, at(16, 10))
    _status(store, cid, Status.PENDING, at(16, 11))  # waiting on the customer, no answer yet
    tr = _tr(store, cid)
    assert tr.pauses == [[at(16, 11).astimezone(tr.received_at.tzinfo).isoformat(), None]]
    assert tr.first_response_due is None and tr.next_due_at is None
    # The customer writes back on Tuesday 10:00: touch() reopens, the clock runs again.
    _customer_writes(store, ids, cid, at(17, 10))
    tr = _tr(store, cid)
    assert tr.status == Status.OPEN
    # 1 h used before the pause, 3 h left from Tuesday 10:00 -> 13:00.
    assert tr.first_response_due == at(17, 13)


def test_a_breach_before_the_pause_stays_visible(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 9))
    _customer_writes(store, ids, cid, at(16, 9))
    _status(store, cid, Status.PENDING, at(16, 14))  # due 13:00, already late
    tr = _tr(store, cid)
    assert tr.first_response_due == at(16, 13)
    assert tr.next_due_at == at(16, 13)
    with store.read() as s:
        assert due.due_state(s, cid, at(16, 15)).state == "overdue"


def test_solving_resolves_and_a_new_message_starts_a_new_cycle(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 9))
    _customer_writes(store, ids, cid, at(16, 9))
    _agent_replies(store, ids, cid, at(16, 9, 30))
    _status(store, cid, Status.SOLVED, at(16, 10))
    tr = _tr(store, cid)
    assert tr.resolved_at == at(16, 10) and tr.next_due_at is None
    with store.read() as s:
        assert due.due_state(s, cid, at(16, 10)).state == "met"
    _customer_writes(store, ids, cid, at(18, 14))  # a new request two days later
    tr = _tr(store, cid)
    assert tr.cycle_since == at(18, 14)
    assert tr.received_at == at(18, 14)
    assert tr.first_response_at is None and tr.resolved_at is None
    assert tr.first_response_due == at(19, 10)  # 3 h Wednesday + 1 h Thursday


def test_messages_in_any_order_give_the_same_tracking(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 9))
    # The reply is synced first, the customer's message (sent earlier) arrives later.
    _agent_replies(store, ids, cid, at(16, 12))
    with store.read() as s:
        assert s.get(SlaTracking, sla_tracking_id(cid)) is None
    _customer_writes(store, ids, cid, at(16, 10))
    tr = _tr(store, cid)
    assert (tr.received_at, tr.first_response_at) == (at(16, 10), at(16, 12))


def test_priority_change_moves_the_due_time(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 10))
    _customer_writes(store, ids, cid, at(16, 10))

    def urgent(uow):  # type: ignore[no-untyped-def]
        actions.set_priority(uow, cid, "urgent")
        tracking.on_priority_change(uow, cid, at(16, 10, 5))

    store.write(urgent)
    tr = _tr(store, cid)
    assert tr.priority == "urgent"
    assert tr.first_response_due == at(16, 11)


def test_due_soon_and_overdue_views(store: Store) -> None:
    ids = make_team(store)
    late = new_conversation(store, ids.customer, at(16, 9), "late")
    soon = new_conversation(store, ids.customer, at(16, 9), "soon")
    fine = new_conversation(store, ids.customer, at(16, 9), "fine")
    _customer_writes(store, ids, late, at(16, 9))  # due 13:00
    _customer_writes(store, ids, soon, at(16, 10, 30))  # due 14:30, soon from 13:30
    _customer_writes(store, ids, fine, at(16, 12))  # due 16:00
    now = at(16, 13, 45)
    with store.read() as s:
        assert due.due_view_ids(s, due.OVERDUE, now) == [late]
        assert due.due_view_ids(s, due.DUE_SOON, now) == [soon]
        assert due.due_view_count(s, due.OVERDUE, now) == 1
        states = due.due_states(s, [late, soon, fine], now)
    assert [states[c].state for c in (late, soon, fine)] == ["overdue", "due_soon", "ok"]
    assert states[late].countdown == "-45 min"
    assert states[soon].countdown == "45 min"
    assert states[fine].countdown == "2 h 15 min"
    assert states[late].target == "first_response"


def test_due_soon_counts_business_time_across_the_weekend(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(20, 14))
    _customer_writes(store, ids, cid, at(20, 14, 30))
    tr = _tr(store, cid)
    assert tr.first_response_due == at(23, 10, 30)  # 2.5 h Friday + 1.5 h Monday
    assert tr.warn_at == at(23, 9, 30)
    with store.read() as s:
        # Friday 16:59 has 1 h 31 min of business time left: not yet "soon".
        assert due.due_state(s, cid, at(20, 16, 59)).state == "ok"
        assert due.due_state(s, cid, at(23, 9, 30)).state == "due_soon"


def test_breach_notifies_the_assignee_once(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 9))
    store.write(lambda uow: actions.assign(uow, cid, ids.me))
    _customer_writes(store, ids, cid, at(16, 9))
    made = store.write(lambda uow: tracking.check_breaches(uow, at(16, 13, 1)))
    assert len(made) == 1
    assert store.write(lambda uow: tracking.check_breaches(uow, at(16, 13, 30))) == []
    with store.read() as s:
        rows = notify.notifications_for(s, ids.me)
        assert [(n.kind, n.agent_id) for n in rows] == [(notify.BREACH_FIRST, ids.me)]
        assert rows[0].urgent and rows[0].conversation_id == cid
        assert _tr(store, cid).breached_at == at(16, 13, 1)
        assert notify.notifications_for(s, ids.night) == []


def test_breach_out_of_hours_also_reaches_the_person_on_call(store: Store) -> None:
    ids = make_team(store)
    store.write(lambda uow: oncall.set_shifts(
        uow, oncall.shifts_from_text(ids.night, "mon-fri", "17:00", "09:00")))
    cid = new_conversation(store, ids.customer, at(16, 13))
    store.write(lambda uow: actions.assign(uow, cid, ids.me))
    _customer_writes(store, ids, cid, at(16, 13))  # due Monday 17:00
    store.write(lambda uow: tracking.check_breaches(uow, at(16, 18)))
    with store.read() as s:
        who = {n.agent_id for n in notify.notifications_for(s, ids.night)}
        assert who == {ids.night}
        assert len(notify.notifications_for(s, ids.me)) == 1


def test_unassigned_breach_in_hours_goes_to_the_team(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 9))
    _customer_writes(store, ids, cid, at(16, 9))
    store.write(lambda uow: tracking.check_breaches(uow, at(16, 14)))
    with store.read() as s:
        rows = s.scalars(select(Notification)).all()
    assert [(r.agent_id, r.kind) for r in rows] == [(None, notify.BREACH_FIRST)]


def test_urgent_conversation_out_of_hours_pages_the_person_on_call(store: Store) -> None:
    ids = make_team(store)
    store.write(lambda uow: oncall.set_shifts(
        uow, oncall.shifts_from_text(ids.night, "sat", "00:00", "24:00")))
    cid = new_conversation(store, ids.customer, at(21, 3), "Server down", priority="urgent")
    _customer_writes(store, ids, cid, at(21, 3))  # Saturday 03:00
    _customer_writes(store, ids, cid, at(21, 3, 10))  # a second mail: one page only
    with store.read() as s:
        pages = notify.notifications_for(s, ids.night)
    assert [(n.kind, n.conversation_id) for n in pages] == [(notify.URGENT_OUT_OF_HOURS, cid)]
    # In hours nobody is paged.
    other = new_conversation(store, ids.customer, at(16, 10), "Down again", priority="urgent")
    _customer_writes(store, ids, other, at(16, 10))
    with store.read() as s:
        assert len(notify.notifications_for(s, ids.night)) == 1


def test_warn_instant_matches_sla_state() -> None:
    from supportdesk.services.sla import default_policy, sla_state

    cal = default_policy(at(16, 9).tzinfo).calendar  # type: ignore[arg-type]
    due = at(23, 9, 30)
    warn = timedelta(hours=1)
    w = tracking.warn_instant(cal, due, warn, at(19, 9))
    assert w == at(20, 16, 30)
    assert sla_state(due, w, warn, calendar=cal) == "due_soon"
    assert sla_state(due, w - timedelta(seconds=1), warn, calendar=cal) == "ok"
