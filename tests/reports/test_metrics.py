"""Report numbers against the hand-made workspace (see conftest.py for the sums)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from supportdesk.models.tables import Message
from supportdesk.reports import metrics
from supportdesk.reports.metrics import ReportError, TimeStats, WeeklySummary
from supportdesk.store import Store
from tests.conftest import DEMO_NOW
from tests.reports.conftest import BERLIN, NOW, Fixture


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
    # c2: Fri 16-17 + Mon 9-10 = 2.0 h; c4 is a call logged by the agent: answered at once
    assert w44.first_response == TimeStats(2, 1.0, 2.0)


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
