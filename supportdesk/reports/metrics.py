"""The numbers of the owner reports: the weekly summary (no Qt); billing lives in ``billing``.

Everything is computed in SQL over indexed columns (migration 0005 adds the
indexes these queries need); only the per-conversation business-hours
arithmetic (the team calendar: hours, holidays, DST) runs in Python, over the
conversations of the period. Renderers (CSV, HTML, PDF) take the dataclasses
returned here, so every format shows the same numbers.

Definitions (what a reader of the report sees in its footnote):

- *opened*: conversations created in the period.
- *solved*: conversations whose status became ``solved`` in the period (the
  ``status`` activity); a conversation solved without a recorded status change
  (imported, demo) counts at its last activity.
- *reopened*: status changes from ``solved`` to ``open``/``pending`` in the period.
- *backlog* at an instant: conversations created before it that were open or
  pending then.
- *first response time*: from the first customer message to the first reply
  by an agent (notes do not count), for replies made in the period, counted
  only where the customer made the first contact (phone calls and
  conversations we started are left out, and the report says how many);
  *resolution time*: from creation to solved, for solves in the period.
  Both in business hours of the team calendar, without the time the SLA clock
  was paused waiting on the customer (the pauses the SLA tracker recorded for
  the conversation while it was pending).
- *SLA attainment*: of the SLA-tracked conversations received in the period
  whose first-response target was due or answered by the end, the share
  answered before it was due.
- *heatmap*: customer messages by local weekday and hour; each message is
  placed by its own local time, so zones with half- or quarter-hour offsets
  (Asia/Kolkata, Australia/Adelaide, Asia/Kathmandu) are bucketed right.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from supportdesk.reports import kb_report
from supportdesk.reports.billing import (
    KIND_LABELS,
    BillingReport,
    ContractLine,
    CustomerTime,
    Statement,
    TimeLine,
    billing,
)
from supportdesk.reports.kb_report import ArticleCount, QuestionCluster
from supportdesk.reports.periods import (
    Period,
    ReportError,
    date_range,
    dt,
    epoch,
    iso_week,
    raw_rows,
    resolve_period,
    ts,
)
from supportdesk.services.sla.calendar import BusinessCalendar
from supportdesk.services.workflow.notify import URGENT_OUT_OF_HOURS
from supportdesk.services.workflow.team import load_team

__all__ = [
    "CHANNELS",
    "KIND_LABELS",
    "WEEKDAYS",
    "AckStats",
    "BillingReport",
    "Breakdown",
    "ContractLine",
    "CustomerTime",
    "Period",
    "ReportError",
    "SlaStats",
    "Statement",
    "TimeLine",
    "TimeStats",
    "WaitingItem",
    "WeekPoint",
    "WeeklySummary",
    "billing",
    "date_range",
    "iso_week",
    "weekly_summary",
]

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
CHANNELS = ("email", "chat", "phone")


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
        if len(hours) == 1:
            one = round(hours[0], 4)
            return TimeStats(1, one, one)
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
    #: the knowledge base (issue 18): articles used most, questions with no article
    top_articles: list[ArticleCount] = field(default_factory=list)
    questions_without_article: list[QuestionCluster] = field(default_factory=list)
    #: pages the night watch sent in the period (issue 16), and the median minutes
    #: from a page to its acknowledgement (None: none acknowledged)
    pages_sent: int = 0
    page_ack_minutes: float | None = None


# -- the weekly summary ----------------------------------------------------------------

_SOLVED_SQL = f"""
SELECT c.id, c.channel, c.assignee_id, c.customer_id, {epoch("c.created_at")},
       {epoch("a.created_at")}
  FROM activities a JOIN conversations c ON c.id = a.conversation_id
 WHERE a.kind = 'status' AND a.created_at >= :s AND a.created_at < :e
   AND json_extract(a.detail, '$.new') = 'solved'
UNION ALL
SELECT c.id, c.channel, c.assignee_id, c.customer_id, {epoch("c.created_at")},
       {epoch("c.last_activity_at")}
  FROM conversations c
 WHERE c.status = 'solved' AND c.last_activity_at >= :s AND c.last_activity_at < :e
   AND NOT EXISTS (SELECT 1 FROM activities a2
                    WHERE a2.conversation_id = c.id AND a2.kind = 'status')
"""

#: A first response is counted only where the customer made the first contact: a
#: message from them came before our first reply. Phone calls (logged by us) and
#: conversations we started (an outbound mail, a call back) have no response time.
FIRST_CONTACT_THEIRS = "channel != 'phone' AND recv IS NOT NULL AND recv <= resp"

_FIRST_SQL = f"""
WITH cand AS MATERIALIZED (
  SELECT c.id, c.channel, c.assignee_id, c.customer_id, c.created_at,
         (SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = c.id
            AND m.author_agent_id IS NOT NULL AND m.kind != 'note') AS resp
    FROM conversations c
   WHERE c.last_activity_at >= :s AND c.created_at < :e
), answered AS MATERIALIZED (
  SELECT id, channel, assignee_id, customer_id, resp,
         (SELECT min(m.created_at) FROM messages m
           WHERE m.conversation_id = cand.id AND m.author_customer_id IS NOT NULL) AS recv
    FROM cand WHERE resp >= :s AND resp < :e
)
SELECT id, channel, assignee_id, customer_id, {epoch("recv")}, {epoch("resp")} FROM answered
 WHERE {FIRST_CONTACT_THEIRS}
"""

#: how many first replies in :s..:e were left out because the first contact was ours
_OURS_SQL = f"""
SELECT count(*) FROM (
  SELECT c.channel,
         (SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = c.id
            AND m.author_agent_id IS NOT NULL AND m.kind != 'note') AS resp,
         (SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = c.id
            AND m.author_customer_id IS NOT NULL) AS recv
    FROM conversations c
   WHERE c.last_activity_at >= :s AND c.created_at < :e
) WHERE resp >= :s AND resp < :e AND NOT ({FIRST_CONTACT_THEIRS})
"""

#: conversations open or pending at :t (see the module doc): only those that are not
#: solved now, were active after :t or changed status after :t can be, so the
#: candidates come from three index searches instead of a scan of every conversation
_BACKLOG_SQL = """
SELECT count(*) FROM (
  SELECT c.status, c.last_activity_at,
         (SELECT json_extract(a.detail, '$.new') FROM activities a
           WHERE a.conversation_id = c.id AND a.kind = 'status' AND a.created_at < :t
           ORDER BY a.created_at DESC LIMIT 1) AS then_status,
         EXISTS (SELECT 1 FROM activities a3
                  WHERE a3.conversation_id = c.id AND a3.kind = 'status') AS has_history
    FROM conversations c
   WHERE c.created_at < :t AND c.n IN (
         SELECT n FROM conversations WHERE status IN ('open', 'pending')
         UNION SELECT n FROM conversations WHERE last_activity_at >= :t
         UNION SELECT c2.n FROM activities a2 JOIN conversations c2 ON c2.id = a2.conversation_id
                WHERE a2.kind = 'status' AND a2.created_at >= :t)
)
WHERE coalesce(then_status IN ('open', 'pending'),
               CASE WHEN has_history THEN 1
                    ELSE status IN ('open', 'pending') OR last_activity_at >= :t END)
"""


def _count(session: Session, sql: str, **params: Any) -> int:
    rows = raw_rows(session, sql, params)
    return int(rows[0][0] or 0) if rows else 0


def _backlog(session: Session, at: str) -> int:
    """Conversations created before ``at`` that were open or pending at ``at``."""
    return _count(session, _BACKLOG_SQL, t=at)


#: one first response or solve: conversation, channel, assignee, customer, start and end
#: (POSIX seconds) and the business hours between them, without paused time. Plain
#: tuples: a report makes tens of thousands of them.
_Row = tuple[str, str, str | None, str | None, float, float, float]
_CID: Final = 0
_CHANNEL: Final = 1
_AGENT: Final = 2
_CUSTOMER: Final = 3
_END: Final = 5
_HOURS: Final = 6
_KEYS: dict[str, Callable[[_Row], str | None]] = {
    "channel": lambda r: r[_CHANNEL], "assignee_id": lambda r: r[_AGENT],
    "customer_id": lambda r: r[_CUSTOMER],
}


def _instant(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


class _BusinessClock:
    """Business time between instants by lookup: the calendar's open spans over a range.

    ``hours(a, b)`` equals ``cal.business_time_between(a, b)`` for instants in
    the range, at a fraction of the cost (one bisect per instant).
    """

    def __init__(self, cal: BusinessCalendar, lo: datetime, hi: datetime) -> None:
        self.cal = cal
        self.lo, self.hi = lo.timestamp(), hi.timestamp()
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

    def seconds(self, a: float, b: float) -> float:
        """Business seconds from ``a`` to ``b`` (POSIX seconds); 0 when ``b`` is not later."""
        if b <= a:
            return 0.0
        if a < self.lo or b > self.hi:
            return self.cal.business_time_between(_instant(a), _instant(b)).total_seconds()
        return max(0.0, self._upto(b) - self._upto(a))

    def hours(self, a: datetime, b: datetime) -> float:
        """Business hours from ``a`` to ``b``."""
        return self.seconds(a.timestamp(), b.timestamp()) / 3600


#: a pause as POSIX seconds; an open pause ends at infinity
_Span = tuple[float, float]


def _pauses(session: Session) -> dict[str, list[_Span]]:
    """The SLA pauses (waits on the customer) recorded for conversations, by conversation.

    Merged and sorted per conversation, as ``services.sla`` merges them.
    """
    out: dict[str, list[_Span]] = {}
    sql = ("SELECT conversation_id, pauses FROM sla_tracking "
           "WHERE pauses IS NOT NULL AND pauses NOT IN ('[]', '', 'null')")
    for cid, raw in raw_rows(session, sql, {}):
        try:
            items = json.loads(raw) if isinstance(raw, str) else raw
            spans = sorted(
                (_stamp(item[0]), math.inf if item[1] in (None, "") else _stamp(item[1]))
                for item in items or []
            )
        except (TypeError, ValueError, IndexError):
            continue  # a damaged row from another device: count the time as worked
        merged: list[_Span] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            elif b > a:
                merged.append((a, b))
        if merged:
            out[cid] = merged
    return out


def _stamp(text: Any) -> float:
    moment = datetime.fromisoformat(str(text))
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def _timed(cal: BusinessCalendar, first: Sequence[tuple[Any, ...]],
           solved: Sequence[tuple[Any, ...]], pauses: dict[str, list[_Span]]
           ) -> tuple[list[_Row], list[_Row]]:
    """First responses and solves with their business hours, each sorted by its end.

    A first response before the first customer message (we wrote first) is
    not one; a solve is never before the creation.
    """
    rows = [r for r in first if r[5] >= r[4]]
    ends = [(r, max(r[4], r[5])) for r in solved]
    if not rows and not ends:
        return [], []
    lo = min([r[4] for r in rows] + [r[4] for r, _ in ends])
    hi = max([r[5] for r in rows] + [end for _, end in ends])
    clock = _BusinessClock(cal, _instant(lo), _instant(hi))
    starts, stops, before = clock.starts, clock.ends, clock.before

    def upto(t: float) -> float:
        i = bisect_right(starts, t) - 1
        if i < 0:
            return 0.0
        stop = stops[i]
        return before[i] + (t if t < stop else stop) - starts[i]

    def hours(cid: str, a: float, b: float) -> float:
        worked = upto(b) - upto(a) if b > a else 0.0
        for p_start, p_end in pauses.get(cid, ()) if pauses else ():
            if p_start >= b:
                break
            if p_end > a:
                worked -= clock.seconds(max(p_start, a), min(p_end, b))
        return worked / 3600 if worked > 0 else 0.0

    out_first = [(cid, ch, ag, cu, a, b, hours(cid, a, b)) for cid, ch, ag, cu, a, b in rows]
    out_solved = [(cid, ch, ag, cu, a, b, hours(cid, a, b))
                  for (cid, ch, ag, cu, a, _b), b in ends]
    out_first.sort(key=lambda r: r[_END])
    out_solved.sort(key=lambda r: r[_END])
    return out_first, out_solved


def _names(session: Session, table: str, ids: Iterable[str | None]) -> dict[str, str]:
    wanted = sorted({i for i in ids if i})
    out: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join(f":p{i}" for i in range(len(chunk)))
        rows = raw_rows(session, f"SELECT id, name FROM {table} WHERE id IN ({marks})",
                        {f"p{i}": v for i, v in enumerate(chunk)})
        out.update({rid: name for rid, name in rows})
    return out


def _breakdown(first: list[_Row], res: list[_Row], key: str, labels: dict[str, str],
               order: Sequence[str] = ()) -> list[Breakdown]:
    get = _KEYS[key]
    f: dict[str, list[float]] = defaultdict(list)
    r: dict[str, list[float]] = defaultdict(list)
    for row in first:
        f[get(row) or ""].append(row[_HOURS])
    for row in res:
        r[get(row) or ""].append(row[_HOURS])
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
    rows = raw_rows(session, sql, {"s": s, "e": e})
    per = {ch: (int(m or 0), int(k or 0)) for ch, m, k in rows}
    by = [SlaStats(ch, *per.get(ch, (0, 0))) for ch in CHANNELS]
    by += [SlaStats(ch, *v) for ch, v in sorted(per.items()) if ch not in CHANNELS]
    return SlaStats("all", sum(x.measured for x in by), sum(x.met for x in by)), by


def _heatmap(session: Session, period: Period) -> list[list[int]]:
    """Customer messages per local weekday and hour.

    SQL counts per UTC quarter hour (at most 672 groups a week). Every zone's
    offset is a whole number of quarter hours (Kolkata +05:30, Adelaide
    +09:30/+10:30, Kathmandu +05:45), and so are DST changes, so each quarter
    lies in one local hour: placing its start in the zone places all of it.
    """
    sql = """
    SELECT substr(created_at, 1, 13) AS h, CAST(substr(created_at, 15, 2) AS INTEGER) / 15 AS q,
           count(*)
      FROM messages WHERE created_at >= :s AND created_at < :e
       AND author_customer_id IS NOT NULL
     GROUP BY h, q
    """
    grid = [[0] * 24 for _ in range(7)]
    for h, q, n in raw_rows(session, sql, {"s": ts(period.start), "e": ts(period.end)}):
        at = datetime.fromisoformat(f"{h}:00").replace(tzinfo=UTC) + timedelta(minutes=15 * q)
        local = at.astimezone(period.tz)
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
    for cid, subject, customer, channel, since in raw_rows(session, sql,
                                                           {"at": ts(at), "n": limit}):
        w = dt(since)
        assert w is not None
        hours = cal.business_time_between(w, at).total_seconds() / 3600
        out.append(WaitingItem(cid, subject, customer, channel, w, round(hours, 2)))
    return out


def _pages(session: Session, s: str, e: str) -> tuple[int, float | None]:
    """Pages first sent in the period, and the median minutes until acknowledged."""
    rows = raw_rows(session, f"""
    SELECT {epoch("sent_at")}, {epoch("acked_at")} FROM pages
     WHERE sent_at >= :s AND sent_at < :e""", {"s": s, "e": e})  # fmt: skip
    waits = sorted((acked - sent) / 60 for sent, acked in rows if acked is not None)
    return len(rows), (round(waits[(len(waits) - 1) // 2], 1) if waits else None)


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
    n, met, missed = raw_rows(session, sql, {"s": s, "e": e})[0]
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
    resolved: list[_Row]

    @property
    def first_hours(self) -> list[float]:
        """Business hours to each first response."""
        return [r[_HOURS] for r in self.first]

    @property
    def resolved_hours(self) -> list[float]:
        """Business hours to each resolution."""
        return [r[_HOURS] for r in self.resolved]


def _cores(session: Session, periods: Sequence[Period], cal: BusinessCalendar) -> list[_Core]:
    """The core numbers of consecutive periods, each table read once for all of them."""
    s_all, e_all = ts(periods[0].start), ts(periods[-1].end)
    params: dict[str, Any] = {"s": s_all, "e": e_all}
    cases = []
    for i, p in enumerate(periods):
        params[f"a{i}"], params[f"b{i}"] = ts(p.start), ts(p.end)
        cases.append(f"sum(CASE WHEN created_at >= :a{i} AND created_at < :b{i} THEN 1 END)")
    opened = raw_rows(session, f"SELECT {', '.join(cases)} FROM conversations "
                      "WHERE created_at >= :s AND created_at < :e", params)[0]
    reopened = raw_rows(session, f"SELECT {', '.join(cases)} FROM activities "
                        "WHERE kind = 'status' AND created_at >= :s AND created_at < :e "
                        "AND json_extract(detail, '$.old') = 'solved' "
                        "AND json_extract(detail, '$.new') IN ('open', 'pending')", params)[0]
    first, events = _timed(cal, raw_rows(session, _FIRST_SQL, {"s": s_all, "e": e_all}),
                           raw_rows(session, _SOLVED_SQL, {"s": s_all, "e": e_all}),
                           _pauses(session))
    first_ends = [r[_END] for r in first]
    event_ends = [r[_END] for r in events]
    out = []
    for i, p in enumerate(periods):
        start, end = p.start.timestamp(), p.end.timestamp()
        f = first[bisect_left(first_ends, start):bisect_left(first_ends, end)]
        latest: dict[str, _Row] = {}  # a conversation solved twice counts at its last solve
        for r in events[bisect_left(event_ends, start):bisect_left(event_ends, end)]:
            latest[r[_CID]] = r
        res = sorted(latest.values(), key=lambda r: (r[_END], r[_CID]))
        out.append(_Core(int(opened[i] or 0), len(latest), int(reopened[i] or 0), f, res))
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
    period, cal = resolve_period(session, week, tz)
    now = (now or datetime.now(UTC)).astimezone(UTC)
    s, e = ts(period.start), ts(period.end)
    periods = [period.shifted_weeks(-back) for back in range(trend_weeks, 0, -1)] + [period]
    cores = _cores(session, periods, cal)
    core = cores[-1]
    first, res = core.first, core.resolved
    channel_labels = {"email": "Email", "chat": "Chat", "phone": "Phone"}
    agents = _names(session, "agents", [r[_AGENT] for r in first + res])
    customers = _names(session, "customers", [r[_CUSTOMER] for r in first + res])
    agents[""] = "(unassigned)"
    customers[""] = "(no customer)"
    sla, sla_by = _sla(session, s, e)
    trend = [
        WeekPoint(p.label, c.opened, c.solved, c.reopened, TimeStats.of(c.first_hours).median_hours,
                  TimeStats.of(c.resolved_hours).median_hours)
        for p, c in zip(periods, cores, strict=True)
    ]
    team = load_team(session)
    pages_sent, page_ack = _pages(session, s, e)
    return WeeklySummary(
        period=period,
        team_name=team.team_name,
        generated_at=now,
        opened=core.opened,
        solved=core.solved,
        reopened=core.reopened,
        backlog_start=_backlog(session, s),
        backlog_end=_backlog(session, ts(min(period.end, max(now, period.start)))),
        first_response=TimeStats.of(core.first_hours),
        resolution=TimeStats.of(core.resolved_hours),
        by_channel=_breakdown(first, res, "channel", channel_labels, CHANNELS),
        by_agent=_breakdown(first, res, "assignee_id", agents),
        by_customer=_breakdown(first, res, "customer_id", customers),
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
        top_articles=kb_report.top_articles(session, period.start, period.end),
        questions_without_article=kb_report.questions_without_article(
            session, period.start, period.end),
        pages_sent=pages_sent,
        page_ack_minutes=page_ack,
        notes=[
            "Times are business hours of the team calendar "
            f"({cal.tz.key}), without time paused waiting on the customer; "
            "p90 is the 90th percentile (nearest rank).",
            f"First response counts {len(first)} conversation(s) the customer started "
            "(their e-mail or chat before our first reply); "
            f"{_count(session, _OURS_SQL, s=s, e=e)} answered this period where the first "
            "contact was ours (phone calls, mails we started) are left out.",
        ],
    )
