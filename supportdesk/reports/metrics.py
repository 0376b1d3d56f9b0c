"""The numbers of the owner reports: the weekly summary and billing (no Qt).

Everything is computed in SQL over indexed columns; only the per-conversation
business-hours arithmetic (the team calendar: hours, holidays, DST) runs in
Python, over the conversations of the period. Renderers (CSV, HTML, PDF) take
the dataclasses returned here, so every format shows the same numbers.

Definitions (what a reader of the report sees in its footnote):

- *opened*: conversations created in the period.
- *solved*: conversations whose status became ``solved`` in the period (the
  ``status`` activity); a conversation solved without a recorded status change
  (imported, demo) counts at its last activity.
- *reopened*: status changes from ``solved`` to ``open``/``pending`` in the period.
- *backlog* at an instant: conversations created before it that were open or
  pending then.
- *first response time*: from the first customer message (or the creation) to
  the first reply by an agent (notes do not count), for replies made in the
  period; *resolution time*: from creation to solved, for solves in the period.
  Both in business hours of the team calendar.
- *SLA attainment*: of the SLA-tracked conversations received in the period
  whose first-response target was due or answered by the end, the share
  answered before it was due.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.orm import Session

from supportdesk.services.sla.calendar import BusinessCalendar
from supportdesk.services.workflow.contracts import balance as contract_balance
from supportdesk.services.workflow.notify import URGENT_OUT_OF_HOURS
from supportdesk.services.workflow.team import load_team

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
CHANNELS = ("email", "chat", "phone")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")


class ReportError(ValueError):
    """A period or option that cannot be reported on; the message is for the user."""


# -- periods ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A span of local days in a zone: ``[first, last]`` inclusive, as UTC instants."""

    label: str
    first_day: date
    last_day: date
    tz: ZoneInfo

    @property
    def start(self) -> datetime:
        """The first instant (local midnight of ``first_day``), in UTC."""
        return datetime.combine(self.first_day, time(0), tzinfo=self.tz).astimezone(UTC)

    @property
    def end(self) -> datetime:
        """The instant after the period (local midnight after ``last_day``), in UTC."""
        nxt = self.last_day + timedelta(days=1)
        return datetime.combine(nxt, time(0), tzinfo=self.tz).astimezone(UTC)

    def shifted_weeks(self, weeks: int) -> Period:
        """The same span ``weeks`` weeks earlier (negative) or later."""
        d = timedelta(weeks=weeks)
        first, last = self.first_day + d, self.last_day + d
        iso = first.isocalendar()
        label = (
            f"{iso.year}-W{iso.week:02d}"
            if _WEEK_RE.match(self.label) and (last - first).days == 6
            else f"{first.isoformat()} – {last.isoformat()}"
        )
        return Period(label, first, last, self.tz)


def iso_week(week: str, tz: ZoneInfo) -> Period:
    """The ISO week ``2026-W47`` (Monday to Sunday) in the zone ``tz``.

    Raises:
        ReportError: not a week like 2026-W47, or no such week in that year.
    """
    m = _WEEK_RE.match(week.strip())
    if not m:
        raise ReportError(f"{week!r} is not a week; write it like 2026-W47")
    try:
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    except ValueError:
        raise ReportError(f"{week!r}: that year has no such week") from None
    return Period(week.strip(), monday, monday + timedelta(days=6), tz)


def date_range(first: date, last: date, tz: ZoneInfo) -> Period:
    """The local days ``first`` to ``last``, both included."""
    if last < first:
        raise ReportError(f"the period ends ({last}) before it starts ({first})")
    return Period(f"{first.isoformat()} – {last.isoformat()}", first, last, tz)


def _period(session: Session, when: str | Period | tuple[date, date], tz: ZoneInfo | None
            ) -> tuple[Period, BusinessCalendar]:
    team = load_team(session, tz)
    zone = tz or team.tz
    cal = team.calendar
    if zone.key != cal.tz.key:
        cal = BusinessCalendar(zone, cal.week, cal.holidays)
    if isinstance(when, Period):
        return Period(when.label, when.first_day, when.last_day, zone), cal
    if isinstance(when, tuple):
        return date_range(when[0], when[1], zone), cal
    return iso_week(when, zone), cal


# -- SQL helpers -----------------------------------------------------------------------


def _ts(moment: datetime) -> str:
    """An aware instant as the stored text (naive UTC) for comparisons in SQL."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _dt(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


# -- statistics ------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeStats:
    """Count, median and 90th percentile (nearest rank) of durations, in hours."""

    count: int
    median_hours: float | None
    p90_hours: float | None

    @staticmethod
    def of(hours: Sequence[float]) -> TimeStats:
        """The statistics of ``hours`` (any order)."""
        if not hours:
            return TimeStats(0, None, None)
        v = sorted(hours)
        n = len(v)
        median = v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2
        p90 = v[max(0, math.ceil(0.9 * n) - 1)]
        return TimeStats(n, round(median, 4), round(p90, 4))


@dataclass(frozen=True)
class Breakdown:
    """First-response and resolution times for one channel, agent or customer."""

    key: str
    label: str
    first_response: TimeStats
    resolution: TimeStats


@dataclass(frozen=True)
class SlaStats:
    """First-response SLA attainment: ``met`` of ``measured``."""

    key: str
    measured: int
    met: int

    @property
    def percent(self) -> float | None:
        """Met as a percentage, None when nothing was measured."""
        return round(100.0 * self.met / self.measured, 1) if self.measured else None


@dataclass(frozen=True)
class WeekPoint:
    """One period's headline numbers, for the week against the previous four."""

    label: str
    opened: int
    solved: int
    reopened: int
    first_response_median_hours: float | None
    resolution_median_hours: float | None


@dataclass(frozen=True)
class WaitingItem:
    """A conversation still waiting for the team."""

    conversation_id: str
    subject: str
    customer: str
    channel: str
    waiting_since: datetime
    business_hours_waiting: float


@dataclass(frozen=True)
class AckStats:
    """Automatic acknowledgements sent in the period: ETAs promised and kept."""

    promised: int
    met: int
    missed: int
    pending: int


@dataclass
class WeeklySummary:
    """Everything in the weekly summary; the renderers show exactly these numbers."""

    period: Period
    team_name: str
    generated_at: datetime
    opened: int
    solved: int
    reopened: int
    backlog_start: int
    backlog_end: int
    first_response: TimeStats
    resolution: TimeStats
    by_channel: list[Breakdown]
    by_agent: list[Breakdown]
    by_customer: list[Breakdown]
    sla: SlaStats
    sla_by_channel: list[SlaStats]
    trend: list[WeekPoint]
    #: ``heatmap[weekday][hour]``: customer messages, Monday first, team zone
    heatmap: list[list[int]]
    oldest_waiting: list[WaitingItem]
    escalations: int
    oncall_pages: int
    acks: AckStats | None
    notes: list[str] = field(default_factory=list)


# -- the weekly summary ----------------------------------------------------------------

_SOLVED_EVENTS = """
SELECT a.conversation_id AS cid, a.created_at AS at
  FROM activities a
 WHERE a.kind = 'status' AND json_extract(a.detail, '$.new') = 'solved'
   AND a.created_at >= :s AND a.created_at < :e
UNION ALL
SELECT c.id AS cid, c.last_activity_at AS at
  FROM conversations c
 WHERE c.status = 'solved' AND c.last_activity_at >= :s AND c.last_activity_at < :e
   AND NOT EXISTS (SELECT 1 FROM activities a2
                    WHERE a2.conversation_id = c.id AND a2.kind = 'status')
"""


def _count(session: Session, sql: str, **params: Any) -> int:
    return int(session.execute(text(sql), params).scalar() or 0)


def _backlog(session: Session, at: str) -> int:
    """Conversations created before ``at`` that were open or pending at ``at``."""
    sql = """
    SELECT count(*) FROM (
      SELECT c.status, c.last_activity_at,
             (SELECT json_extract(a.detail, '$.new') FROM activities a
               WHERE a.conversation_id = c.id AND a.kind = 'status' AND a.created_at < :t
               ORDER BY a.created_at DESC LIMIT 1) AS then_status,
             EXISTS (SELECT 1 FROM activities a3
                      WHERE a3.conversation_id = c.id AND a3.kind = 'status') AS has_history
        FROM conversations c
       WHERE c.created_at < :t
         AND (c.status != 'solved' OR c.last_activity_at >= :t
              OR EXISTS (SELECT 1 FROM activities a4 WHERE a4.conversation_id = c.id
                           AND a4.kind = 'status' AND a4.created_at >= :t))
    )
    WHERE CASE
      WHEN then_status IS NOT NULL THEN then_status IN ('open', 'pending')
      WHEN has_history THEN 1
      ELSE status IN ('open', 'pending') OR last_activity_at >= :t
    END
    """
    return _count(session, sql, t=at)


@dataclass(frozen=True)
class _Row:
    cid: str
    channel: str
    assignee_id: str | None
    customer_id: str | None
    start: datetime
    end: datetime


def _first_responses(session: Session, s: str, e: str) -> list[_Row]:
    sql = """
    WITH cand AS (
      SELECT c.id, c.channel, c.assignee_id, c.customer_id, c.created_at,
             (SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = c.id
                AND m.author_customer_id IS NOT NULL) AS recv,
             (SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = c.id
                AND m.author_agent_id IS NOT NULL AND m.kind != 'note') AS resp
        FROM conversations c
       WHERE c.last_activity_at >= :s AND c.created_at < :e
    )
    SELECT id, channel, assignee_id, customer_id, coalesce(recv, created_at), resp
      FROM cand WHERE resp >= :s AND resp < :e
    """
    out = []
    for cid, ch, ag, cu, start, resp in session.execute(text(sql), {"s": s, "e": e}):
        a, b = _dt(start), _dt(resp)
        assert a is not None and b is not None
        if b >= a:
            out.append(_Row(cid, ch, ag, cu, a, b))
    return out


def _solved_events(session: Session, s: str, e: str) -> list[_Row]:
    """One row per solve in ``[s, e)``: ``start`` the creation, ``end`` the solve."""
    sql = f"""
    WITH ev AS ({_SOLVED_EVENTS})
    SELECT c.id, c.channel, c.assignee_id, c.customer_id, c.created_at, ev.at
      FROM ev JOIN conversations c ON c.id = ev.cid
    """
    out = []
    for cid, ch, ag, cu, created, solved in session.execute(text(sql), {"s": s, "e": e}):
        a, b = _dt(created), _dt(solved)
        assert a is not None and b is not None
        out.append(_Row(cid, ch, ag, cu, a, max(a, b)))
    return out


class _BusinessClock:
    """Business time between instants by lookup: the calendar's open spans over a range.

    ``business(a, b)`` equals ``cal.business_time_between(a, b)`` for instants in
    the range, at a fraction of the cost (one bisect per instant).
    """

    def __init__(self, cal: BusinessCalendar, lo: datetime, hi: datetime) -> None:
        self.cal = cal
        self.lo, self.hi = lo, hi
        self.starts: list[float] = []
        self.ends: list[float] = []
        self.before: list[float] = []
        total = 0.0
        for a, b in cal.open_spans(lo, hi):
            self.starts.append(a.timestamp())
            self.ends.append(b.timestamp())
            self.before.append(total)
            total += b.timestamp() - a.timestamp()

    def _upto(self, ts: float) -> float:
        i = bisect_right(self.starts, ts) - 1
        if i < 0:
            return 0.0
        return self.before[i] + min(ts, self.ends[i]) - self.starts[i]

    def hours(self, a: datetime, b: datetime) -> float:
        if a < self.lo or b > self.hi:
            return self.cal.business_time_between(a, b).total_seconds() / 3600
        return max(0.0, self._upto(b.timestamp()) - self._upto(a.timestamp())) / 3600


def _hours(cal: BusinessCalendar, rows: Sequence[_Row]) -> dict[tuple[str, datetime], float]:
    """Business hours of each row, keyed by (conversation, end)."""
    if not rows:
        return {}
    clock = _BusinessClock(cal, min(r.start for r in rows), max(r.end for r in rows))
    return {(r.cid, r.end): clock.hours(r.start, r.end) for r in rows}


def _names(session: Session, table: str, ids: Iterable[str | None]) -> dict[str, str]:
    wanted = sorted({i for i in ids if i})
    out: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join(f":p{i}" for i in range(len(chunk)))
        rows = session.execute(
            text(f"SELECT id, name FROM {table} WHERE id IN ({marks})"),
            {f"p{i}": v for i, v in enumerate(chunk)},
        )
        out.update({rid: name for rid, name in rows})
    return out


def _breakdown(
    first: list[_Row], fh: dict[str, float], res: list[_Row], rh: dict[str, float],
    key: str, labels: dict[str, str], order: Sequence[str] = (),
) -> list[Breakdown]:
    f: dict[str, list[float]] = defaultdict(list)
    r: dict[str, list[float]] = defaultdict(list)
    for row in first:
        f[getattr(row, key) or ""].append(fh[row.cid])
    for row in res:
        r[getattr(row, key) or ""].append(rh[row.cid])
    keys = set(f) | set(r) | set(order)
    items = [
        Breakdown(k, labels.get(k, k or "(none)"), TimeStats.of(f[k]), TimeStats.of(r[k]))
        for k in keys
    ]
    rank = {k: i for i, k in enumerate(order)}
    items.sort(key=lambda b: (rank.get(b.key, len(rank)),
                              -(b.first_response.count + b.resolution.count), b.label))
    return items


def _sla(session: Session, s: str, e: str) -> tuple[SlaStats, list[SlaStats]]:
    sql = """
    SELECT c.channel,
           sum(CASE WHEN t.first_response_at IS NOT NULL
                     OR t.first_response_due < :e THEN 1 ELSE 0 END),
           sum(CASE WHEN t.first_response_at IS NOT NULL
                     AND t.first_response_at <= t.first_response_due THEN 1 ELSE 0 END)
      FROM sla_tracking t JOIN conversations c ON c.id = t.conversation_id
     WHERE t.received_at >= :s AND t.received_at < :e AND t.first_response_due IS NOT NULL
     GROUP BY c.channel
    """
    rows = session.execute(text(sql), {"s": s, "e": e})
    per = {ch: (int(m or 0), int(k or 0)) for ch, m, k in rows}
    by = [SlaStats(ch, *per.get(ch, (0, 0))) for ch in CHANNELS]
    by += [SlaStats(ch, *v) for ch, v in sorted(per.items()) if ch not in CHANNELS]
    return SlaStats("all", sum(x.measured for x in by), sum(x.met for x in by)), by


def _heatmap(session: Session, period: Period) -> list[list[int]]:
    """Customer messages per local weekday and hour.

    SQL groups by UTC hour (at most a few hundred groups a week); each UTC hour
    is then placed in the team's zone, so DST is right for whole-hour zones.
    """
    sql = """
    SELECT strftime('%Y-%m-%d %H:00:00', created_at) AS h, count(*)
      FROM messages WHERE created_at >= :s AND created_at < :e
       AND author_customer_id IS NOT NULL
     GROUP BY h
    """
    grid = [[0] * 24 for _ in range(7)]
    for h, n in session.execute(text(sql), {"s": _ts(period.start), "e": _ts(period.end)}):
        local = datetime.fromisoformat(h).replace(tzinfo=UTC).astimezone(period.tz)
        grid[local.weekday()][local.hour] += int(n)
    return grid


def _oldest_waiting(session: Session, cal: BusinessCalendar, at: datetime,
                    limit: int = 10) -> list[WaitingItem]:
    sql = """
    SELECT c.id, c.subject, coalesce(cu.name, ''), c.channel,
           coalesce(t.awaiting_since,
                    CASE WHEN t.first_response_at IS NULL THEN t.received_at END) AS since
      FROM sla_tracking t
      JOIN conversations c ON c.id = t.conversation_id
      LEFT JOIN customers cu ON cu.id = c.customer_id
     WHERE c.status = 'open' AND since IS NOT NULL AND since < :at
     ORDER BY since, c.id LIMIT :n
    """
    out = []
    for cid, subject, customer, channel, since in session.execute(
        text(sql), {"at": _ts(at), "n": limit}
    ):
        w = _dt(since)
        assert w is not None
        hours = cal.business_time_between(w, at).total_seconds() / 3600
        out.append(WaitingItem(cid, subject, customer, channel, w, round(hours, 2)))
    return out


def _acks(session: Session, s: str, e: str) -> AckStats | None:
    sql = """
    SELECT count(*),
           sum(CASE WHEN first_response_at IS NOT NULL AND first_response_at <= ack_eta
                    THEN 1 ELSE 0 END),
           sum(CASE WHEN (first_response_at IS NOT NULL AND first_response_at > ack_eta)
                     OR (first_response_at IS NULL AND ack_eta < :e) THEN 1 ELSE 0 END)
      FROM sla_tracking
     WHERE ack_sent_at >= :s AND ack_sent_at < :e AND ack_eta IS NOT NULL
    """
    n, met, missed = session.execute(text(sql), {"s": s, "e": e}).one()
    if not n:
        return None
    met, missed = int(met or 0), int(missed or 0)
    return AckStats(int(n), met, missed, int(n) - met - missed)


@dataclass
class _Core:
    """The headline numbers of one period, and the rows behind its times."""

    opened: int
    solved: int
    reopened: int
    first: list[_Row]
    first_hours: list[float]
    resolved: list[_Row]
    resolved_hours: list[float]


def _cores(session: Session, periods: Sequence[Period], cal: BusinessCalendar) -> list[_Core]:
    """The core numbers of consecutive periods, each table scanned once for all of them."""
    s_all, e_all = _ts(periods[0].start), _ts(periods[-1].end)
    bounds = [(_ts(p.start), _ts(p.end)) for p in periods]
    params: dict[str, Any] = {"s": s_all, "e": e_all}
    cases = []
    for i, (lo, hi) in enumerate(bounds):
        params[f"a{i}"], params[f"b{i}"] = lo, hi
        cases.append(f"sum(CASE WHEN created_at >= :a{i} AND created_at < :b{i} THEN 1 END)")
    cases_c = cases_a = cases
    opened = session.execute(text(
        f"SELECT {', '.join(cases_c)} FROM conversations "
        "WHERE last_activity_at >= :s AND created_at >= :s AND created_at < :e"), params).one()
    reopened = session.execute(text(
        f"SELECT {', '.join(cases_a)} FROM activities WHERE kind = 'status' "
        "AND json_extract(detail, '$.old') = 'solved' "
        "AND json_extract(detail, '$.new') IN ('open', 'pending') "
        "AND created_at >= :s AND created_at < :e"), params).one()
    first = _first_responses(session, s_all, e_all)
    events = _solved_events(session, s_all, e_all)
    hours = _hours(cal, first + events)
    out = []
    for i, p in enumerate(periods):
        start, end = p.start, p.end
        f = [r for r in first if start <= r.end < end]
        latest: dict[str, _Row] = {}
        for r in events:
            if start <= r.end < end and (r.cid not in latest or r.end > latest[r.cid].end):
                latest[r.cid] = r
        res = sorted(latest.values(), key=lambda r: (r.end, r.cid))
        out.append(_Core(int(opened[i] or 0), len(latest), int(reopened[i] or 0), f,
                         [hours[(r.cid, r.end)] for r in f], res,
                         [hours[(r.cid, r.end)] for r in res]))
    return out


def weekly_summary(
    session: Session,
    week: str | Period | tuple[date, date],
    tz: ZoneInfo | None = None,
    *,
    now: datetime | None = None,
    trend_weeks: int = 4,
) -> WeeklySummary:
    """The weekly summary of ``week`` (``"2026-W47"``, a :class:`Period` or a date range).

    Args:
        tz: the zone the days are in; the team's zone when None.
        now: the moment the report is made (caps "still waiting"); now when None.
        trend_weeks: how many earlier periods to compare with.
    """
    period, cal = _period(session, week, tz)
    now = (now or datetime.now(UTC)).astimezone(UTC)
    s, e = _ts(period.start), _ts(period.end)
    periods = [period.shifted_weeks(-back) for back in range(trend_weeks, 0, -1)] + [period]
    cores = _cores(session, periods, cal)
    core = cores[-1]
    first, res = core.first, core.resolved
    fh = {r.cid: h for r, h in zip(first, core.first_hours, strict=True)}
    rh = {r.cid: h for r, h in zip(res, core.resolved_hours, strict=True)}
    opened, solved, reopened = core.opened, core.solved, core.reopened
    channel_labels = {"email": "Email", "chat": "Chat", "phone": "Phone"}
    agents = _names(session, "agents", [r.assignee_id for r in first + res])
    customers = _names(session, "customers", [r.customer_id for r in first + res])
    agents[""] = "(unassigned)"
    customers[""] = "(no customer)"
    sla, sla_by = _sla(session, s, e)
    fs, rs = TimeStats.of(core.first_hours), TimeStats.of(core.resolved_hours)
    trend = [
        WeekPoint(p.label, c.opened, c.solved, c.reopened, TimeStats.of(c.first_hours).median_hours,
                  TimeStats.of(c.resolved_hours).median_hours)
        for p, c in zip(periods, cores, strict=True)
    ]
    team = load_team(session)
    return WeeklySummary(
        period=period,
        team_name=team.team_name,
        generated_at=now,
        opened=opened,
        solved=solved,
        reopened=reopened,
        backlog_start=_backlog(session, s),
        backlog_end=_backlog(session, _ts(min(period.end, max(now, period.start)))),
        first_response=fs,
        resolution=rs,
        by_channel=_breakdown(first, fh, res, rh, "channel", channel_labels, CHANNELS),
        by_agent=_breakdown(first, fh, res, rh, "assignee_id", agents),
        by_customer=_breakdown(first, fh, res, rh, "customer_id", customers),
        sla=sla,
        sla_by_channel=sla_by,
        trend=trend,
        heatmap=_heatmap(session, period),
        oldest_waiting=_oldest_waiting(session, cal, min(now, period.end)),
        escalations=_count(session, "SELECT count(*) FROM escalations "
                           "WHERE created_at >= :s AND created_at < :e", s=s, e=e),
        oncall_pages=_count(session, "SELECT count(*) FROM notifications WHERE kind = :k "
                            "AND created_at >= :s AND created_at < :e",
                            s=s, e=e, k=URGENT_OUT_OF_HOURS),
        acks=_acks(session, s, e),
        notes=[
            "Times are business hours of the team calendar "
            f"({cal.tz.key}); p90 is the 90th percentile (nearest rank).",
        ],
    )


# -- billing ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CustomerTime:
    """Time logged on one customer's conversations in the period, in minutes."""

    customer_id: str
    customer: str
    organization: str
    billable_minutes: int
    non_billable_minutes: int
    vendor_minutes: int
    vendor_phone_minutes: int
    conversations: int


@dataclass(frozen=True)
class ContractLine:
    """One contract's use in the period and its balance at the end."""

    contract_id: str
    name: str
    customer: str
    kind: str
    unit: str
    minutes_used: int
    incidents_used: int
    topped_up: int
    balance_end: int | None
    expires_on: date | None
    #: what was left unused when the contract expired inside the period
    expired: int
    owed_cents: int
    currency: str


@dataclass(frozen=True)
class TimeLine:
    """One time entry in the period, for a customer's invoice lines."""

    customer_id: str
    customer: str
    at: datetime
    conversation_id: str
    subject: str
    agent: str
    kind: str
    minutes: int
    billable: bool
    vendor: str
    vendor_case: str
    note: str


@dataclass
class BillingReport:
    """Time per customer and contract use for a period."""

    period: Period
    team_name: str
    generated_at: datetime
    customers: list[CustomerTime]
    contracts: list[ContractLine]
    entries: list[TimeLine] = field(default_factory=list)

    @property
    def total_billable(self) -> int:
        """All billable work minutes."""
        return sum(c.billable_minutes for c in self.customers)

    @property
    def total_non_billable(self) -> int:
        """All non-billable work minutes."""
        return sum(c.non_billable_minutes for c in self.customers)

    @property
    def total_vendor(self) -> int:
        """All minutes spent with vendors' support."""
        return sum(c.vendor_minutes for c in self.customers)


def billing(
    session: Session,
    start: date,
    end: date,
    tz: ZoneInfo | None = None,
    *,
    now: datetime | None = None,
) -> BillingReport:
    """Time and contract use from local day ``start`` to ``end`` (both included)."""
    period, _cal = _period(session, (start, end), tz)
    s, e = _ts(period.start), _ts(period.end)
    sql = """
    SELECT coalesce(c.customer_id, ''), coalesce(cu.name, '(no customer)'),
           coalesce(cu.organization, ''),
           sum(CASE WHEN te.kind = 'work' AND te.billable THEN te.minutes ELSE 0 END),
           sum(CASE WHEN te.kind = 'work' AND NOT te.billable THEN te.minutes ELSE 0 END),
           sum(CASE WHEN te.kind = 'vendor' THEN te.minutes ELSE 0 END),
           sum(CASE WHEN te.kind = 'vendor' THEN te.phone_minutes ELSE 0 END),
           count(DISTINCT te.conversation_id)
      FROM time_entries te
      JOIN conversations c ON c.id = te.conversation_id
      LEFT JOIN customers cu ON cu.id = c.customer_id
     WHERE coalesce(te.started_at, te.created_at) >= :s
       AND coalesce(te.started_at, te.created_at) < :e
     GROUP BY 1 ORDER BY 2, 1
    """
    customers = [
        CustomerTime(cid, name, org, int(b or 0), int(nb or 0), int(v or 0), int(vp or 0), int(n))
        for cid, name, org, b, nb, v, vp, n in session.execute(text(sql), {"s": s, "e": e})
    ]
    usage_sql = """
    SELECT k.id, k.name, coalesce(cu.name, k.organization, ''), k.kind, k.currency, k.expires_on,
           coalesce(sum(CASE WHEN u.kind = 'minutes' AND u.at >= :s THEN u.amount END), 0),
           coalesce(sum(CASE WHEN u.kind = 'incident' AND u.at >= :s THEN u.amount END), 0),
           coalesce(sum(CASE WHEN u.kind = 'topup' AND u.at >= :s THEN u.amount END), 0),
           count(u.id)
      FROM contracts k
      LEFT JOIN customers cu ON cu.id = k.customer_id
      LEFT JOIN contract_usage u ON u.contract_id = k.id AND u.at < :e
     WHERE k.starts_on <= :last AND (k.expires_on IS NULL OR k.expires_on >= :first)
     GROUP BY k.id ORDER BY 3, 2
    """
    params = {"s": s, "e": e, "first": start.isoformat(), "last": end.isoformat()}
    contracts = []
    end_at = period.end - timedelta(microseconds=1)
    for cid, name, who, kind, cur, exp, mins, inc, top, _n in session.execute(
        text(usage_sql), params
    ):
        bal = contract_balance(session, cid, end_at)
        expires = date.fromisoformat(exp) if exp else None
        expired = 0
        if expires is not None and start <= expires <= end and bal.remaining:
            expired = max(0, bal.remaining)
        contracts.append(ContractLine(
            cid, name, who, kind, bal.contract.unit, int(mins), int(inc), int(top),
            bal.remaining, expires, expired,
            int(inc) * bal.contract.price_cents if kind == "per_incident" else 0, cur,
        ))
    lines_sql = """
    SELECT coalesce(c.customer_id, ''), coalesce(cu.name, '(no customer)'),
           coalesce(te.started_at, te.created_at) AS at, c.id, c.subject,
           coalesce(a.name, ''), te.kind, te.minutes, te.billable,
           coalesce(te.vendor_name, ''), coalesce(te.vendor_case, ''), te.note
      FROM time_entries te
      JOIN conversations c ON c.id = te.conversation_id
      LEFT JOIN customers cu ON cu.id = c.customer_id
      LEFT JOIN agents a ON a.id = te.agent_id
     WHERE coalesce(te.started_at, te.created_at) >= :s
       AND coalesce(te.started_at, te.created_at) < :e
     ORDER BY 2, 1, at, te.id
    """
    entries = []
    for cid, name, at, conv, subject, agent, kind, mins, bill, vendor, case, note in (
        session.execute(text(lines_sql), {"s": s, "e": e})
    ):
        when = _dt(at)
        assert when is not None
        entries.append(TimeLine(cid, name, when, conv, subject, agent, kind, int(mins),
                                bool(bill), vendor, case, note))
    return BillingReport(period, load_team(session).team_name,
                         (now or datetime.now(UTC)).astimezone(UTC), customers, contracts,
                         entries)
