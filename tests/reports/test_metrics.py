"""Report numbers against the hand-made workspace (see conftest.py for the sums)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from supportdesk.models import tables as t
from supportdesk.models import workflow as wf
from supportdesk.models.base import new_id
from supportdesk.models.tables import Message
from supportdesk.reports import metrics
from supportdesk.reports.metrics import ReportError, TimeStats, WeeklySummary
from supportdesk.services.workflow import tracking
from supportdesk.services.workflow.team import week_dict
from supportdesk.store import Store
from supportdesk.store.uow import UnitOfWork
from tests.conftest import DEMO_NOW
from tests.reports.conftest import BERLIN, NOW, Fixture, _conv, _msg, _status, local, z


def _w43(hand: Fixture) -> WeeklySummary:
    with hand.store.read() as session:
        return metrics.weekly_summary(session, "2026-W43", now=NOW)


def test_week_boundaries_follow_the_team_zone_across_dst() -> None:
    p = metrics.iso_week("2026-W43", BERLIN)
    assert p.start == datetime(2026, 10, 18, 22, 0, tzinfo=UTC)  # CEST midnight
    assert p.end == datetime(2026, 10, 25, 23, 0, tzinfo=UTC)  # CET midnight: 169 h week


def test_new_year_week_belongs_to_the_iso_year() -> None:
    p = metrics.iso_week("2026-W53", BERLIN)
    assert (p.first_day, p.last_day) == (date(2026, 12, 28), date(2027, 1, 3))
    assert p.shifted_weeks(1).label == "2027-W01"
    assert p.shifted_weeks(-1).label == "2026-W52"
    with pytest.raises(ReportError):
        metrics.iso_week("2027-W53", BERLIN)  # 2027 has 52 weeks
    with pytest.raises(ReportError):
        metrics.iso_week("last week", BERLIN)


def test_counts_and_backlog(hand: Fixture) -> None:
    w = _w43(hand)
    assert w.period.tz.key == "Europe/Berlin"  # the team's zone by default
    assert (w.opened, w.solved, w.reopened) == (3, 2, 1)
    assert (w.backlog_start, w.backlog_end) == (1, 3)
    assert w.team_name == "Hand-made Help"


def test_first_response_and_resolution_in_business_hours(hand: Fixture) -> None:
    w = _w43(hand)
    assert w.first_response == TimeStats(2, 20.75, 39.5)
    assert w.resolution == TimeStats(2, 24.5, 41.0)
    email = next(b for b in w.by_channel if b.key == "email")
    chat = next(b for b in w.by_channel if b.key == "chat")
    assert email.first_response == TimeStats(2, 20.75, 39.5)
    assert chat.first_response == TimeStats(0, None, None)  # its reply came in W44
    agents = {b.label: b for b in w.by_agent}
    assert agents["Anna Schmidt"].first_response == TimeStats(1, 2.0, 2.0)
    assert agents["Anna Schmidt"].resolution == TimeStats(2, 24.5, 41.0)
    assert agents["(unassigned)"].first_response == TimeStats(1, 39.5, 39.5)
    customers = {b.label: b for b in w.by_customer}
    assert customers["Ольга Попова"].first_response == TimeStats(2, 20.75, 39.5)
    assert customers["Jón Sigurðsson"].resolution == TimeStats(1, 41.0, 41.0)


def test_sla_acks_escalations_pages(hand: Fixture) -> None:
    w = _w43(hand)
    assert (w.sla.measured, w.sla.met, w.sla.percent) == (2, 1, 50.0)
    by = {s.key: s for s in w.sla_by_channel}
    assert (by["email"].measured, by["email"].met) == (1, 1)
    assert (by["chat"].measured, by["chat"].met) == (1, 0)
    assert by["phone"].percent is None
    assert w.acks is not None
    assert (w.acks.promised, w.acks.met, w.acks.missed, w.acks.pending) == (2, 1, 1, 0)
    assert w.escalations == 1
    assert w.oncall_pages == 1  # the breach notification is not a page


def test_heatmap_is_in_local_time(hand: Fixture) -> None:
    w = _w43(hand)
    cells = {(d, h): n for d, row in enumerate(w.heatmap) for h, n in enumerate(row) if n}
    # Mon 10:00 CEST, Tue 14:00 CEST, Fri 16:00 CEST, Sun 23:30 CET (22:30Z)
    assert cells == {(0, 10): 1, (1, 14): 1, (4, 16): 1, (6, 23): 1}


def test_trend_and_the_week_after(hand: Fixture) -> None:
    w = _w43(hand)
    assert [p.label for p in w.trend] == ["2026-W39", "2026-W40", "2026-W41", "2026-W42",
                                          "2026-W43"]
    w42 = w.trend[3]
    assert (w42.opened, w42.solved, w42.reopened) == (2, 1, 0)
    assert (w42.first_response_median_hours, w42.resolution_median_hours) == (2.0, 8.0)
    assert w.trend[-1].opened == 3
    with hand.store.read() as session:
        w44 = metrics.weekly_summary(session, "2026-W44", now=NOW)
    assert w44.opened == 1  # c4, 00:30 CET on Monday
    # c2: Fri 16-17 + Mon 9-10 = 2.0 h; c4 is a call logged by the agent: the first
    # contact was ours, so it has no response time (it used to count as 0 h and halve
    # the median), and the report says it left it out
    assert w44.first_response == TimeStats(1, 2.0, 2.0)
    assert any("counts 1 conversation(s) the customer started" in n
               and "1 answered this period where the first contact was ours" in n
               for n in w44.notes)


def test_oldest_waiting(hand: Fixture) -> None:
    w = _w43(hand)
    assert [i.conversation_id for i in w.oldest_waiting] == [hand.ids["c3"]]
    assert w.oldest_waiting[0].customer == "Ольга Попова"
    assert w.oldest_waiting[0].business_hours_waiting == 0.0  # a Sunday night


def test_date_range_and_other_zone(hand: Fixture) -> None:
    with hand.store.read() as session:
        w = metrics.weekly_summary(session, (date(2026, 10, 19), date(2026, 10, 25)), now=NOW)
        utc = metrics.weekly_summary(session, "2026-W43", ZoneInfo("UTC"), now=NOW)
    assert (w.opened, w.solved, w.reopened) == (3, 2, 1)
    assert utc.period.end == datetime(2026, 10, 26, 0, 0, tzinfo=UTC)
    assert utc.opened == 4  # in UTC, c4 (23:30Z on Sunday) falls in W43 too


def test_billing(hand: Fixture) -> None:
    with hand.store.read() as session:
        b = metrics.billing(session, date(2026, 10, 19), date(2026, 10, 25), now=NOW)
    rows = {c.customer: c for c in b.customers}
    olga, jon = rows["Ольга Попова"], rows["Jón Sigurðsson"]
    assert (olga.billable_minutes, olga.non_billable_minutes, olga.vendor_minutes) == (30, 15, 0)
    assert (jon.billable_minutes, jon.non_billable_minutes, jon.vendor_minutes) == (20, 0, 40)
    assert (jon.vendor_phone_minutes, jon.conversations) == (25, 2)
    assert (b.total_billable, b.total_non_billable, b.total_vendor) == (50, 15, 40)
    k = {c.contract_id: c for c in b.contracts}
    pack, per = k[hand.ids["k1"]], k[hand.ids["k2"]]
    assert (pack.minutes_used, pack.balance_end, pack.expired) == (30, 90, 90)
    assert (per.incidents_used, per.owed_cents, per.balance_end) == (1, 9500, None)
    with pytest.raises(ReportError):
        metrics.date_range(date(2026, 10, 25), date(2026, 10, 19), BERLIN)


def test_demo_workspace_is_consistent(demo_store: Store) -> None:
    with demo_store.read() as session:
        w = metrics.weekly_summary(session, "2026-W46", now=DEMO_NOW)
        p = w.period
        inbound = session.scalar(
            select(func.count()).select_from(Message).where(
                Message.created_at >= p.start, Message.created_at < p.end,
                Message.author_customer_id.is_not(None),
            )
        )
    assert w.opened > 0 and w.first_response.count > 0
    assert sum(map(sum, w.heatmap)) == inbound
    assert sum(b.first_response.count for b in w.by_channel) == w.first_response.count
    assert sum(b.resolution.count for b in w.by_agent) == w.resolution.count
    assert len(w.trend) == 5 and len(w.oldest_waiting) <= 10
    assert w.sla.met <= w.sla.measured


def test_business_clock_matches_the_calendar(hand: Fixture) -> None:
    import random

    from supportdesk.reports.metrics import _BusinessClock
    from supportdesk.services.workflow.team import load_team

    with hand.store.read() as session:
        cal = load_team(session).calendar
    lo = datetime(2026, 10, 1, tzinfo=UTC)
    hi = datetime(2026, 11, 10, tzinfo=UTC)
    clock = _BusinessClock(cal, lo, hi)
    rng = random.Random(3)
    span = int((hi - lo).total_seconds())
    for _ in range(300):
        a = lo + timedelta(seconds=rng.randrange(span))
        b = a + timedelta(seconds=rng.randrange(int((hi - a).total_seconds()) + 1))
        want = cal.business_time_between(a, b).total_seconds() / 3600
        assert abs(clock.hours(a, b) - want) < 1e-6


# -- paused SLA clocks --------------------------------------------------------------------
#
# Week 2026-W45 (Mon 2 Nov - Sun 8 Nov, CET, 09:00-17:00). Each step goes through the SLA
# tracker (services.workflow.tracking.refresh) at the moment it happens, so the pauses
# are the ones the tracker records while a conversation is pending:
#
# - c7 email, Jón, Anna: customer Mon 10:00; reply 11:00 (first response 1.0 h) and set
#   pending at 11:00; the customer writes back Tue 14:00 and it is reopened then; solved
#   Wed 10:00. Resolution: Mon 10-17 + Tue 9-17 + Wed 9-10 = 16 h, less the pause Mon
#   11:00 - Tue 14:00 (Mon 11-17 + Tue 9-14 = 11 h) = 5.0 h.
# - c8 chat, Ольга, Björn: customer Tue 09:00; a note and pending at 09:30; the customer
#   writes back at 13:30, reopened at 13:45 (the clock restarts when the customer wrote,
#   13:30); reply 15:00. First response: 09:00-15:00 = 6 h less 09:30-13:30 = 2.0 h.


def _set_status(uow: UnitOfWork, cid: str, at: datetime, old: str, new: str) -> None:
    uow.add_rows(t.Activity, [_status(cid, at, old, new)], record=False)
    conv = uow.session.scalars(select(t.Conversation).where(t.Conversation.id == cid)).one()
    uow.update(conv, status=new, last_activity_at=at)


def _paused_week(hand: Fixture) -> dict[str, str]:
    ids = {"c7": new_id(), "c8": new_id()}
    c7, c8 = ids["c7"], ids["c8"]
    anna, bjorn, olga, jon = (hand.ids[k] for k in ("anna", "bjorn", "olga", "jon"))

    def step(at: datetime, fn: Callable[[UnitOfWork], None], cid: str) -> None:
        def run(uow: UnitOfWork) -> None:
            fn(uow)
            tracking.refresh(uow, cid, at, notify_out_of_hours=False)
        hand.store.write(run)

    def message(cid: str, kind: str, at: datetime, **who: str) -> None:
        step(at, lambda uow: uow.add_rows(t.Message, [_msg(cid, kind, at, **who)],
                                          record=False), cid)

    def status(cid: str, at: datetime, old: str, new: str) -> None:
        step(at, lambda uow: _set_status(uow, cid, at, old, new), cid)

    def create(uow: UnitOfWork) -> None:
        uow.add_rows(t.Conversation, [
            _conv(c7, "email", jon, anna, "open", local("2026-11-02 10:00"),
                  local("2026-11-02 10:00")),
            _conv(c8, "chat", olga, bjorn, "open", local("2026-11-03 09:00"),
                  local("2026-11-03 09:00")),
        ], record=False)

    hand.store.write(create)
    message(c7, "email_in", local("2026-11-02 10:00"), customer=jon)
    message(c7, "email_out", local("2026-11-02 11:00"), agent=anna)
    status(c7, local("2026-11-02 11:00"), "open", "pending")
    message(c8, "chat", local("2026-11-03 09:00"), customer=olga)
    message(c8, "note", local("2026-11-03 09:30"), agent=bjorn)
    status(c8, local("2026-11-03 09:30"), "open", "pending")
    message(c8, "chat", local("2026-11-03 13:30"), customer=olga)
    status(c8, local("2026-11-03 13:45"), "pending", "open")
    message(c7, "email_in", local("2026-11-03 14:00"), customer=jon)
    status(c7, local("2026-11-03 14:00"), "pending", "open")
    message(c8, "chat", local("2026-11-03 15:00"), agent=bjorn)
    message(c7, "email_out", local("2026-11-04 10:00"), agent=anna)
    status(c7, local("2026-11-04 10:00"), "open", "solved")
    return ids


def test_paused_time_is_not_counted(hand: Fixture) -> None:
    ids = _paused_week(hand)
    with hand.store.read() as session:
        recorded = {
            cid: tracking.pauses_from_json(session.scalars(
                select(wf.SlaTracking.pauses).where(wf.SlaTracking.conversation_id == cid)
            ).one())
            for cid in ids.values()
        }
        w = metrics.weekly_summary(session, "2026-W45", now=datetime(2026, 11, 9, tzinfo=UTC))
    # what the tracker recorded (UTC): the waits on the customer
    assert recorded[ids["c7"]] == [(z("2026-11-02 10:00"), z("2026-11-03 13:00"))]
    assert recorded[ids["c8"]] == [(z("2026-11-03 08:30"), z("2026-11-03 12:30"))]
    assert w.first_response == TimeStats(2, 1.5, 2.0)  # c7 1.0 h, c8 2.0 h (not 6.0)
    assert w.resolution == TimeStats(1, 5.0, 5.0)  # c7: 16 h less 11 h paused
    by = {b.key: b for b in w.by_channel}
    assert by["chat"].first_response == TimeStats(1, 2.0, 2.0)
    assert by["email"].first_response == TimeStats(1, 1.0, 1.0)
    assert (w.opened, w.solved, w.reopened) == (2, 1, 0)
    assert "paused" in w.notes[0]


def test_a_pause_outside_the_span_changes_nothing(hand: Fixture) -> None:
    # c7 was paused after its first response: the first response stays 1.0 h
    _paused_week(hand)
    with hand.store.read() as session:
        w = metrics.weekly_summary(session, "2026-W45", now=datetime(2026, 11, 9, tzinfo=UTC))
    assert next(b for b in w.by_agent if b.label == "Anna Schmidt").first_response == TimeStats(
        1, 1.0, 1.0)


# -- week boundaries at the New Year ---------------------------------------------------------


def test_new_year_week_boundary_with_data(hand: Fixture) -> None:
    # Sun 3 Jan 2027 23:30 CET belongs to 2026-W53; Mon 4 Jan 00:30 CET to 2027-W01
    late, early = new_id(), new_id()
    olga = hand.ids["olga"]

    def write(uow: UnitOfWork) -> None:
        uow.add_rows(t.Conversation, [
            _conv(late, "email", olga, None, "open", local("2027-01-03 23:30"),
                  local("2027-01-03 23:30")),
            _conv(early, "email", olga, None, "open", local("2027-01-04 00:30"),
                  local("2027-01-04 00:30")),
        ], record=False)
        uow.add_rows(t.Message, [
            _msg(late, "email_in", local("2027-01-03 23:30"), customer=olga),
            _msg(early, "email_in", local("2027-01-04 00:30"), customer=olga),
        ], record=False)

    hand.store.write(write)
    now = datetime(2027, 1, 11, tzinfo=UTC)
    with hand.store.read() as session:
        w53 = metrics.weekly_summary(session, "2026-W53", now=now)
        w01 = metrics.weekly_summary(session, "2027-W01", now=now)
    assert w53.opened == 1 and w01.opened == 1
    assert w53.heatmap[6][23] == 1 and sum(map(sum, w53.heatmap)) == 1
    assert w01.heatmap[0][0] == 1 and sum(map(sum, w01.heatmap)) == 1
    assert [p.label for p in w01.trend] == ["2026-W50", "2026-W51", "2026-W52", "2026-W53",
                                            "2027-W01"]
    assert [p.opened for p in w01.trend][-2:] == [1, 1]
    # the three still open from October, and the one from W53
    assert (w01.backlog_start, w01.backlog_end) == (w53.backlog_end, w53.backlog_end + 1)


# -- heatmap in zones with half- and quarter-hour offsets --------------------------------------

# customer messages (UTC) in 2026-W45, and a pair around Adelaide's DST start (Sun 4 Oct
# 2026, 02:00 ACST -> 03:00 ACDT, at 16:30Z on the 3rd)
_HEAT_MESSAGES = ["2026-11-02 04:10", "2026-11-02 04:40", "2026-11-04 18:29",
                  "2026-11-04 18:31", "2026-11-07 13:20", "2026-10-03 16:20",
                  "2026-10-03 16:40"]


@pytest.fixture
def heat_store(store: Store) -> Store:
    customer, conv = new_id(), new_id()

    def write(uow: UnitOfWork) -> None:
        uow.add_rows(wf.TeamSettings, [{
            "id": wf.TEAM_SETTINGS_ID, "team_name": "Heat", "timezone": "Asia/Kolkata",
            "week": week_dict("mon-fri 09:00-17:00"), "holidays": [], "warn_before_minutes": 60,
            "handling_minutes": 20, "eta_agents": 0, "timer_warn_hours": 4, "updated_at": NOW,
        }], record=False)
        uow.add_rows(t.Customer, [{"id": customer, "name": "Priya Sharma", "organization": None,
                                   "language": "en", "notes": None, "merged_into_id": None,
                                   "created_at": NOW}], record=False)
        uow.add_rows(t.Conversation, [_conv(conv, "chat", customer, None, "open",
                                            z(_HEAT_MESSAGES[5]), z(_HEAT_MESSAGES[4]))],
                     record=False)
        uow.add_rows(t.Message, [_msg(conv, "chat", z(m), customer=customer)
                                 for m in _HEAT_MESSAGES], record=False)

    store.write(write)
    return store


def _cells(store: Store, week: str, zone: str | None) -> dict[tuple[int, int], int]:
    with store.read() as session:
        w = metrics.weekly_summary(session, week, ZoneInfo(zone) if zone else None,
                                   now=datetime(2026, 11, 20, tzinfo=UTC))
    return {(d, h): n for d, row in enumerate(w.heatmap) for h, n in enumerate(row) if n}


@pytest.mark.parametrize(("zone", "want"), [
    # +05:30: 04:10Z is 09:40, 04:40Z is 10:10; 18:29Z is Wed 23:59, 18:31Z Thu 00:01
    (None, {(0, 9): 1, (0, 10): 1, (2, 23): 1, (3, 0): 1, (5, 18): 1}),
    # +10:30 (ACDT): 14:40, 15:10; Thu 04:59 and 05:01; Sat 23:50
    ("Australia/Adelaide", {(0, 14): 1, (0, 15): 1, (3, 4): 1, (3, 5): 1, (5, 23): 1}),
    # +05:45: 09:55, 10:25; Thu 00:14 and 00:16; Sat 19:05
    ("Asia/Kathmandu", {(0, 9): 1, (0, 10): 1, (3, 0): 2, (5, 19): 1}),
])
def test_heatmap_with_half_and_quarter_hour_offsets(
    heat_store: Store, zone: str | None, want: dict[tuple[int, int], int]
) -> None:
    assert _cells(heat_store, "2026-W45", zone) == want


def test_heatmap_across_a_half_hour_zone_dst_change(heat_store: Store) -> None:
    # 16:20Z is Sun 01:50 ACST (+09:30); 16:40Z is Sun 03:10 ACDT (+10:30): 02:00 never was
    assert _cells(heat_store, "2026-W40", "Australia/Adelaide") == {(6, 1): 1, (6, 3): 1}
