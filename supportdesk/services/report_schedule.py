"""When the scheduled weekly report is due, and which weeks a run must write (no Qt).

A schedule says "every <weekday> at <time>, write last week's summary to
<folder>". Times are wall-clock times in the team's zone, so the run stays at
08:00 across daylight-saving changes. Each run writes the ISO week before the
one it falls in.

Catching up: when the app was closed at a due time, the next check writes
every week that was missed since the last completed one, oldest first, but at
most :data:`MAX_CATCH_UP` weeks (a laptop closed for a quarter does not fill
the folder with stale reports). Weeks whose due time came before the
schedule was saved are never written, and a week recorded as done is never
written again.

Wall-clock times that do not exist (the hour skipped when clocks go forward)
run at the same distance after the change, e.g. 02:30 becomes 03:30; a time
that happens twice (clocks go back) runs at its first occurrence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from supportdesk.store import Store

FORMATS = ("pdf", "csv", "html")
PAGES = ("a4", "letter")
#: At most this many missed weeks are written when catching up.
MAX_CATCH_UP = 8
#: Meta keys (profile-local, not synced: each computer keeps its own schedule).
META_SCHEDULE = "report_schedule"
META_DONE = "report_schedule_done"


class ScheduleError(ValueError):
    """A schedule that cannot be used; the message says why, in plain words."""


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Schedule:
    """Every ``weekday`` (0 = Monday) at ``at`` (team zone), write last week to ``folder``."""

    weekday: int = 0
    at: time = time(8, 0)
    folder: str = ""
    formats: tuple[str, ...] = ("pdf",)
    page: str = "a4"
    bom: bool = False
    enabled: bool = True
    #: when the schedule was saved (UTC); runs due before it are not caught up
    since: datetime = field(default_factory=_utcnow)

    def validated(self) -> Schedule:
        """This schedule, checked.

        Raises:
            ScheduleError: a field a person must fix, named in the message.
        """
        if not 0 <= self.weekday <= 6:
            raise ScheduleError("Choose a day of the week for the report.")
        if not self.folder.strip():
            raise ScheduleError("Choose the folder the weekly report is written to.")
        if not self.formats:
            raise ScheduleError("Choose at least one format: PDF, CSV or HTML.")
        unknown = [f for f in self.formats if f not in FORMATS]
        if unknown:
            raise ScheduleError(f"Unknown report format {unknown[0]!r}; use PDF, CSV or HTML.")
        if self.page not in PAGES:
            raise ScheduleError("The PDF page size is A4 or Letter.")
        if self.since.tzinfo is None:
            raise ScheduleError("The schedule's start time has no time zone.")
        return self

    def to_json(self) -> str:
        """The schedule as stored in the profile."""
        return json.dumps({
            "weekday": self.weekday, "at": self.at.strftime("%H:%M"), "folder": self.folder,
            "formats": list(self.formats), "page": self.page, "bom": self.bom,
            "enabled": self.enabled, "since": self.since.astimezone(UTC).isoformat(),
        }, ensure_ascii=False)

    @staticmethod
    def from_json(text: str) -> Schedule:
        """A stored schedule.

        Raises:
            ScheduleError: the text is not a schedule this version can read.
        """
        try:
            raw: Any = json.loads(text)
            if not isinstance(raw, dict):
                raise TypeError("not an object")
            at = time.fromisoformat(str(raw.get("at", "08:00")))
            since = datetime.fromisoformat(str(raw["since"]))
            formats = tuple(str(f) for f in raw.get("formats", ["pdf"]))
            schedule = Schedule(
                weekday=int(raw.get("weekday", 0)), at=at.replace(second=0, microsecond=0),
                folder=str(raw.get("folder", "")), formats=formats,
                page=str(raw.get("page", "a4")), bom=bool(raw.get("bom", False)),
                enabled=bool(raw.get("enabled", True)), since=since,
            )
        except (ValueError, TypeError, KeyError) as exc:
            raise ScheduleError(f"The saved report schedule cannot be read ({exc}).") from exc
        return schedule.validated()


# -- weeks ---------------------------------------------------------------------------------


def week_label(monday: date) -> str:
    """The ISO week of a Monday as ``2026-W47``."""
    iso = monday.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def week_monday(label: str) -> date:
    """The Monday of an ISO week label like ``2026-W47``.

    Raises:
        ScheduleError: not such a label.
    """
    try:
        year, week = label.strip().split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        raise ScheduleError(f"{label!r} is not a week like 2026-W47") from None


def monday_of(day: date) -> date:
    """The Monday of the ISO week holding ``day``."""
    return day - timedelta(days=day.weekday())


def last_complete_week(moment: datetime, tz: ZoneInfo) -> date:
    """The Monday of the ISO week before the one ``moment`` falls in (local days in ``tz``)."""
    return monday_of(moment.astimezone(tz).date()) - timedelta(days=7)


def local_instant(day: date, at: time, tz: ZoneInfo) -> datetime:
    """Wall-clock ``at`` on ``day`` in ``tz``, as a UTC instant.

    A time skipped by a clock change comes out as the same distance after
    the change; a repeated time as its first occurrence.
    """
    return datetime.combine(day, at, tzinfo=tz).replace(fold=0).astimezone(UTC)


# -- due times -------------------------------------------------------------------------------


def due_at(schedule: Schedule, week: date, tz: ZoneInfo) -> datetime:
    """When the report of the week starting on Monday ``week`` is due (UTC).

    That is the schedule's weekday and time in the following week.
    """
    day = monday_of(week) + timedelta(days=7 + schedule.weekday)
    return local_instant(day, schedule.at, tz)


def latest_due_week(schedule: Schedule, now: datetime, tz: ZoneInfo) -> date:
    """The Monday of the newest week whose report is due at or before ``now``."""
    week = last_complete_week(now, tz)
    while due_at(schedule, week, tz) > now:
        week -= timedelta(days=7)
    return week


def next_due(schedule: Schedule, now: datetime, tz: ZoneInfo) -> tuple[datetime, date]:
    """The next due time after ``now`` (UTC) and the Monday of the week it will write."""
    week = latest_due_week(schedule, now, tz) + timedelta(days=7)
    return due_at(schedule, week, tz), week


def due_weeks(schedule: Schedule, done: date | None, now: datetime, tz: ZoneInfo,
              *, limit: int = MAX_CATCH_UP) -> list[date]:
    """Mondays of the weeks to write now, oldest first.

    Args:
        done: the Monday of the last week already written (None: none yet).
        now: the current instant.
        tz: the team's zone.
        limit: the most weeks written at once (the newest ones).
    """
    if not schedule.enabled or limit <= 0:
        return []
    out: list[date] = []
    week = latest_due_week(schedule, now, tz)
    while len(out) < limit:
        if done is not None and week <= done:
            break
        if due_at(schedule, week, tz) <= schedule.since:
            break
        out.append(week)
        week -= timedelta(days=7)
    return out[::-1]


def file_stem(kind: str, week: date) -> str:
    """The name (without suffix) of a scheduled report file, e.g. ``weekly-2026-W47``."""
    return f"{kind}-{week_label(week)}"


# -- stored in the profile ----------------------------------------------------------------


def load(store: Store) -> Schedule | None:
    """The profile's schedule, or None when none is saved.

    Raises:
        ScheduleError: a saved schedule that cannot be read.
    """
    text = store.get_meta(META_SCHEDULE)
    if not text:
        return None
    return Schedule.from_json(text)


def save(store: Store, schedule: Schedule | None) -> None:
    """Save (or with None, switch off) the profile's schedule.

    Raises:
        ScheduleError: the schedule is not complete.
    """
    if schedule is None:
        current = store.get_meta(META_SCHEDULE)
        if current:
            off = replace(Schedule.from_json(current), enabled=False)
            store.set_meta(META_SCHEDULE, off.to_json())
        return
    store.set_meta(META_SCHEDULE, schedule.validated().to_json())


def last_done(store: Store) -> date | None:
    """The Monday of the last week the schedule wrote, or None."""
    text = store.get_meta(META_DONE)
    if not text:
        return None
    try:
        return week_monday(text)
    except ScheduleError:
        return None


def mark_done(store: Store, week: date) -> None:
    """Record that the week starting ``week`` was written (never moves back)."""
    current = last_done(store)
    if current is None or week > current:
        store.set_meta(META_DONE, week_label(week))
