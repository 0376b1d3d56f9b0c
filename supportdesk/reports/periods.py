"""Report periods (ISO weeks and date ranges in a zone) and the SQL helpers both reports share.

No Qt. :mod:`supportdesk.reports.metrics` re-exports the public names, so
callers keep importing them from there.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from supportdesk.services.sla.calendar import BusinessCalendar
from supportdesk.services.workflow.team import load_team

_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")


class ReportError(ValueError):
    """A period or option that cannot be reported on; the message is for the user."""


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


def resolve_period(session: Session, when: str | Period | tuple[date, date],
                   tz: ZoneInfo | None) -> tuple[Period, BusinessCalendar]:
    """The period asked for, in ``tz`` (the team's zone when None), and the team calendar."""
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


def ts(moment: datetime) -> str:
    """An aware instant as the stored text (naive UTC) for comparisons in SQL."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def dt(value: Any) -> datetime | None:
    """A stored instant (naive UTC text or datetime) as an aware datetime."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


def epoch(column: str) -> str:
    """SQL for a stored instant (``2026-10-19 08:00:00.123456``) as POSIX seconds.

    Whole seconds come from ``julianday`` (exact once rounded), the fraction
    from the text, so microseconds survive: durations match Python's to the
    microsecond. ``column`` is read twice, so pass a column, not a subquery.
    """
    return (f"(round((julianday(substr({column}, 1, 19)) - 2440587.5) * 86400.0)"
            f" + coalesce(CAST(substr({column}, 20) AS REAL), 0.0))")


def raw_rows(session: Session, sql: str, params: Mapping[str, Any]) -> Sequence[tuple[Any, ...]]:
    """Plain tuples straight from the driver.

    The reports read tens of thousands of rows; SQLAlchemy's per-row objects
    would cost more than the query. The session's own connection is used, so
    the read sees the same snapshot as the rest of the report.
    """
    dbapi = session.connection().connection.dbapi_connection
    assert dbapi is not None
    cursor = dbapi.cursor()
    try:
        cursor.execute(sql, dict(params))
        return list(cursor.fetchall())
    finally:
        cursor.close()
