"""Business-hours calendars and business-time arithmetic.

A calendar is a week of local wall-clock intervals in the team's time zone
plus a set of local holidays. Business time is the *real* time that passes
while the calendar is open, so a 09:00-17:00 day is 8 hours on any date and a
24/7 calendar agrees with a stopwatch, even on DST days.

Rules that make every instant well defined:

- Intervals are half-open: open at 09:00, closed at 17:00.
- An interval may end at midnight: write the end as ``time(0, 0)`` (or
  ``time.max``); text forms show it as ``24:00``. Overnight intervals must be
  split at midnight (``mon 22:00-24:00; tue 00:00-06:00``).
- A wall-clock boundary maps to the *first* instant at which the local clock
  shows that time. In a DST fold (clocks go back) that is the first
  occurrence; in a DST gap (clocks go forward) the time never shows, so the
  boundary is the instant the clock jumps past it. An interval 02:30-04:00 on
  the New York spring-forward day therefore opens at 03:00 EDT and lasts one
  hour.
- A holiday closes every interval of that local date.

Results are aware datetimes in the calendar's zone. Compare them as instants
through :func:`to_utc`: Python compares datetimes that share a ``tzinfo`` by
wall clock, which is wrong inside a DST fold.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

__all__ = [
    "MIDNIGHT_END",
    "WEEKDAY_NAMES",
    "BusinessCalendar",
    "Week",
    "always_open",
    "format_week",
    "parse_week",
    "to_utc",
]

DAY_SECONDS = 86_400
ONE_DAY = timedelta(days=1)
ONE_WEEK = timedelta(days=7)
ZERO = timedelta(0)

#: As an interval *end*, ``time(0, 0)`` means 24:00 (the end of the day).
MIDNIGHT_END = time(0, 0)

#: Weekday keys used in text and JSON forms; index 0 is Monday.
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

#: A week as callers write it: weekday (0 = Monday) -> intervals of that day.
Week = Mapping[int, Sequence[tuple[time, time]]]

# Internal forms: seconds since local midnight, end may be 86_400.
_Interval = tuple[int, int]
_NormWeek = tuple[tuple[_Interval, ...], ...]
_Span = tuple[datetime, datetime]  # UTC, half-open


# ---------------------------------------------------------------------------
# Wall clock <-> instants


@lru_cache(maxsize=65_536)
def _local_to_utc(tz: ZoneInfo, naive: datetime) -> datetime:
    """Return the first UTC instant at which the local clock reads ``naive`` or later."""
    found = []
    for fold in (0, 1):
        utc = naive.replace(tzinfo=tz, fold=fold).astimezone(UTC)
        if utc.astimezone(tz).replace(tzinfo=None) == naive:
            found.append(utc)
    if found:
        return min(found)
    # DST gap: the wall time never shows. Find the jump by bisection.
    a = naive.replace(tzinfo=tz, fold=0).astimezone(UTC)
    b = naive.replace(tzinfo=tz, fold=1).astimezone(UTC)
    lo, hi = min(a, b), max(a, b)
    one_second = timedelta(seconds=1)
    while hi - lo > one_second:
        mid = lo + timedelta(seconds=(hi - lo) // one_second // 2)
        if mid.astimezone(tz).replace(tzinfo=None) >= naive:
            hi = mid
        else:
            lo = mid
    return hi


def _instant(tz: ZoneInfo, day: date, seconds: int) -> datetime:
    """UTC instant of a local wall-clock time given as seconds since midnight."""
    if seconds >= DAY_SECONDS:
        day, seconds = day + ONE_DAY, seconds - DAY_SECONDS
    wall = datetime(day.year, day.month, day.day, seconds // 3600, seconds // 60 % 60, seconds % 60)
    return _local_to_utc(tz, wall)


@lru_cache(maxsize=65_536)
def _is_regular_day(tz: ZoneInfo, day: date) -> bool:
    """True when the UTC offset is the same all through the local day.

    Checked at both midnights and both folds; assumes no zone changes its
    offset and back again within a single day.
    """
    offsets = set()
    for d in (day, day + ONE_DAY):
        for fold in (0, 1):
            offsets.add(datetime(d.year, d.month, d.day, fold=fold, tzinfo=tz).utcoffset())
    return len(offsets) == 1


def to_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; refuses naive datetimes.

    Compare and subtract instants in UTC: Python compares two datetimes that
    share a ``tzinfo`` by wall clock, ignoring ``fold``, and an ambiguous local
    time never equals a time in another zone (PEP 495).
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"need an aware datetime, got naive {moment!r}")
    return moment.astimezone(UTC)


# ---------------------------------------------------------------------------
# Week normalisation and text forms


def _start_seconds(t: time) -> int:
    if t.tzinfo is not None or t.microsecond:
        raise ValueError(f"interval times must be naive and whole seconds, got {t!r}")
    return t.hour * 3600 + t.minute * 60 + t.second


def _end_seconds(t: time) -> int:
    if t in (MIDNIGHT_END, time.max):
        return DAY_SECONDS
    return _start_seconds(t)


def _seconds_to_time(seconds: int) -> time:
    if seconds >= DAY_SECONDS:
        return MIDNIGHT_END
    return time(seconds // 3600, seconds // 60 % 60, seconds % 60)


def _normalise_week(week: Week) -> _NormWeek:
    days: list[list[_Interval]] = [[] for _ in range(7)]
    for weekday, intervals in week.items():
        if weekday not in range(7):
            raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), got {weekday!r}")
        for start, end in intervals:
            s, e = _start_seconds(start), _end_seconds(end)
            if s >= e:
                raise ValueError(
                    f"interval {_fmt_seconds(s)}-{_fmt_seconds(e)} is empty or crosses "
                    "midnight; split it, e.g. 'mon 22:00-24:00; tue 00:00-06:00'"
                )
            days[weekday].append((s, e))
    normalised: list[tuple[_Interval, ...]] = []
    for day_intervals in days:
        merged: list[_Interval] = []
        for lo, hi in sorted(day_intervals):
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
            else:
                merged.append((lo, hi))
        normalised.append(tuple(merged))
    return tuple(normalised)


def _fmt_seconds(seconds: int) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")


_TIME_RE = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_INTERVAL_RE = re.compile(rf"{_TIME_RE.pattern}-{_TIME_RE.pattern}")


def _parse_seconds(hours: str, minutes: str, seconds: str | None) -> int:
    h, m, s = int(hours), int(minutes), int(seconds or 0)
    if m > 59 or s > 59 or h > 24 or (h == 24 and (m or s)):
        raise ValueError(f"bad time {hours}:{minutes}")
    return h * 3600 + m * 60 + s


def _parse_time_text(text: str, *, end: bool) -> int:
    match = _TIME_RE.fullmatch(text.strip())
    if not match:
        raise ValueError(f"bad time {text!r}; expected HH:MM")
    seconds = _parse_seconds(*match.groups())
    if seconds == DAY_SECONDS and not end:
        raise ValueError("24:00 is only allowed as an interval end")
    return seconds


def _weekday_index(name: str) -> int:
    key = name.strip().lower()
    for index, short in enumerate(WEEKDAY_NAMES):
        if key == short or (len(key) > 3 and key.startswith(short) and key.endswith("day")):
            return index
    raise ValueError(f"unknown weekday {name!r}; use mon, tue, wed, thu, fri, sat, sun")


def _parse_days(spec: str) -> list[int]:
    spec = spec.strip().lower()
    if spec in ("daily", "all"):
        return list(range(7))
    days: list[int] = []
    for part in spec.split(","):
        if "-" in part:
            first, last = (_weekday_index(p) for p in part.split("-", 1))
            days.extend((first + i) % 7 for i in range((last - first) % 7 + 1))
        else:
            days.append(_weekday_index(part))
    return days


def parse_week(text: str) -> dict[int, tuple[tuple[time, time], ...]]:
    """Parse a week such as ``"mon-fri 09:00-12:00, 13:00-17:00; sat 10:00-14:00"``.

    Clauses are separated by ``;`` or new lines. Each names days (``mon``,
    ``mon-fri``, ``fri-mon``, ``mon,wed``, ``daily``; full names work too) and
    then intervals, or ``closed``. Clauses for the same day add up.

    Returns:
        A week for :class:`BusinessCalendar`; an end of 24:00 is ``time(0, 0)``.
    """
    days: dict[int, list[tuple[int, int]]] = {}
    for raw in re.split(r"[;\n]", text):
        clause = raw.strip()
        if not clause:
            continue
        match = re.fullmatch(r"([a-zA-Z]+(?:\s*[-,]\s*[a-zA-Z]+)*)\s+(.+)", clause)
        if not match:
            raise ValueError(f"cannot read {clause!r}; expected e.g. 'mon-fri 09:00-17:00'")
        weekdays = _parse_days(re.sub(r"\s+", "", match[1]))
        rest = re.sub(r"\s*-\s*", "-", match[2].strip())
        intervals: list[tuple[int, int]] = []
        if rest.lower() != "closed":
            for token in re.split(r"[,\s]+", rest):
                if "-" not in token:
                    raise ValueError(f"bad interval {token!r}; expected HH:MM-HH:MM")
                start, end = token.split("-", 1)
                intervals.append(
                    (_parse_time_text(start, end=False), _parse_time_text(end, end=True))
                )
        for weekday in weekdays:
            days.setdefault(weekday, []).extend(intervals)
    week = {
        day: tuple((_seconds_to_time(s), _seconds_to_time(e)) for s, e in items)
        for day, items in days.items()
    }
    normalised = _normalise_week(week)  # validates and merges
    return _denormalise(normalised)


def _denormalise(week: _NormWeek) -> dict[int, tuple[tuple[time, time], ...]]:
    return {
        day: tuple((_seconds_to_time(s), _seconds_to_time(e)) for s, e in intervals)
        for day, intervals in enumerate(week)
        if intervals
    }


def format_week(week: Week) -> str:
    """Write a week in the form :func:`parse_week` reads, grouping equal days."""
    norm = _normalise_week(week)
    clauses: list[str] = []
    day = 0
    while day < 7:
        last = day
        while last + 1 < 7 and norm[last + 1] == norm[day]:
            last += 1
        if norm[day]:
            names = WEEKDAY_NAMES[day]
            if last != day:
                names += f"-{WEEKDAY_NAMES[last]}"
            hours = ", ".join(f"{_fmt_seconds(s)}-{_fmt_seconds(e)}" for s, e in norm[day])
            clauses.append(f"{names} {hours}")
        day = last + 1
    return "; ".join(clauses) if clauses else "daily closed"


# ---------------------------------------------------------------------------
# The calendar


class BusinessCalendar:
    """When a team is at work: weekly local intervals, a time zone and holidays.

    Args:
        tz: The team's time zone; intervals and holidays are read in it.
        week: Weekday (0 = Monday) -> ``(start, end)`` local times. Several
            intervals per day are allowed (a lunch break); overlapping or
            touching ones merge. An end of ``time(0, 0)`` means 24:00.
        holidays: Local dates on which the calendar stays closed.

    Raises:
        ValueError: A bad interval, or a week with no business hours at all.
    """

    __slots__ = ("_holidays", "_sorted_holidays", "_tz", "_week", "_week_time")

    def __init__(self, tz: ZoneInfo, week: Week, holidays: frozenset[date] = frozenset()) -> None:
        self._tz = tz
        self._week = _normalise_week(week)
        self._holidays = frozenset(holidays)
        self._sorted_holidays = tuple(sorted(self._holidays))
        seconds = sum(e - s for day in self._week for s, e in day)
        if not seconds:
            raise ValueError("a business calendar needs at least one open interval")
        self._week_time = timedelta(seconds=seconds)

    # -- plain accessors -------------------------------------------------

    @property
    def tz(self) -> ZoneInfo:
        """The team's time zone."""
        return self._tz

    @property
    def week(self) -> dict[int, tuple[tuple[time, time], ...]]:
        """The normalised week (open days only); an end of 24:00 is ``time(0, 0)``."""
        return _denormalise(self._week)

    @property
    def holidays(self) -> frozenset[date]:
        """Local dates on which the calendar is closed."""
        return self._holidays

    @property
    def weekly_hours(self) -> timedelta:
        """Nominal business time in a week with no holidays and no DST change."""
        return self._week_time

    def with_holidays(self, holidays: frozenset[date]) -> BusinessCalendar:
        """Return a copy whose holidays are ``holidays``."""
        return BusinessCalendar(self._tz, self.week, holidays)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BusinessCalendar):
            return NotImplemented
        return (str(self._tz), self._week, self._holidays) == (
            str(other._tz),
            other._week,
            other._holidays,
        )

    def __hash__(self) -> int:
        return hash((str(self._tz), self._week, self._holidays))

    def __repr__(self) -> str:
        return (
            f"BusinessCalendar({str(self._tz)!r}, {format_week(self.week)!r}, "
            f"{len(self._holidays)} holidays)"
        )

    # -- spans -----------------------------------------------------------

    def _spans(self, day: date) -> list[_Span]:
        """Open spans (UTC, half-open) that belong to the local date ``day``."""
        if day in self._holidays:
            return []
        spans = []
        for s, e in self._week[day.weekday()]:
            start, end = _instant(self._tz, day, s), _instant(self._tz, day, e)
            if start < end:  # a DST gap can swallow a whole interval
                spans.append((start, end))
        return spans

    def _local_date(self, utc: datetime) -> date:
        return utc.astimezone(self._tz).date()

    def _plain_week_from(self, day: date, not_before: datetime) -> bool:
        """True if ``day`` starts a holiday-free week with one UTC offset, after ``not_before``.

        Such a week holds exactly :attr:`weekly_hours` of business time, so
        long spans can step over it without looking at its intervals.
        """
        i = bisect_left(self._sorted_holidays, day)
        if i < len(self._sorted_holidays) and self._sorted_holidays[i] < day + ONE_WEEK:
            return False
        if not all(_is_regular_day(self._tz, day + timedelta(days=n)) for n in range(7)):
            return False
        return _instant(self._tz, day, 0) >= not_before

    def open_spans(self, start: datetime, end: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Yield the open intervals between ``start`` and ``end``, clipped, in local time."""
        a, b = to_utc(start), to_utc(end)
        day = self._local_date(a) - ONE_DAY
        while a < b and _instant(self._tz, day, 0) < b:
            for s, e in self._spans(day):
                s, e = max(s, a), min(e, b)
                if s < e:
                    yield s.astimezone(self._tz), e.astimezone(self._tz)
            day += ONE_DAY

    # -- queries ---------------------------------------------------------

    def is_open(self, moment: datetime) -> bool:
        """True if the calendar is open at ``moment`` (opening instant in, closing out)."""
        utc = to_utc(moment)
        day = self._local_date(utc)
        return any(
            s <= utc < e for d in (day - ONE_DAY, day, day + ONE_DAY) for s, e in self._spans(d)
        )

    def next_open(self, moment: datetime) -> datetime:
        """Return ``moment`` if open, else the next opening (in the calendar's zone)."""
        return self.add_business_time(moment, ZERO)

    def add_business_time(self, start: datetime, amount: timedelta) -> datetime:
        """Return the instant at which ``amount`` of business time has passed since ``start``.

        Counting begins at ``start`` if open, else at the next opening. The
        result may be a closing instant (Thursday 13:00 + 4 h = Thursday
        17:00). An ``amount`` of zero returns ``start`` if open, else the next
        opening: the earliest instant at which work could happen.

        Args:
            start: Any aware datetime.
            amount: Business time to add, not negative.

        Returns:
            An aware datetime in the calendar's time zone.
        """
        if amount < ZERO:
            raise ValueError(f"amount must not be negative, got {amount}")
        t = to_utc(start)
        remaining = amount
        day = self._local_date(t) - ONE_DAY
        while True:
            if remaining > self._week_time and self._plain_week_from(day, t):
                remaining -= self._week_time
                day += ONE_WEEK
                continue
            for s, e in self._spans(day):
                if e <= t:
                    continue
                s = max(s, t)
                if remaining <= e - s:
                    return (s + remaining).astimezone(self._tz)
                remaining -= e - s
            day += ONE_DAY

    def business_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Business time from ``start`` to ``end``; zero if ``end <= start``."""
        a, b = to_utc(start), to_utc(end)
        total = ZERO
        if b <= a:
            return total
        day = self._local_date(a) - ONE_DAY
        while _instant(self._tz, day, 0) < b:
            if _instant(self._tz, day + ONE_WEEK, 0) <= b and self._plain_week_from(day, a):
                total += self._week_time
                day += ONE_WEEK
                continue
            for s, e in self._spans(day):
                overlap = min(e, b) - max(s, a)
                if overlap > ZERO:
                    total += overlap
            day += ONE_DAY
        return total

    # -- storage ---------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able form: ``{"version", "tz", "week", "holidays"}``."""
        key = self._tz.key
        if not key:
            raise ValueError(
                "only a calendar with a named zone (e.g. 'Europe/London') can be stored"
            )
        return {
            "version": 1,
            "tz": key,
            "week": {
                WEEKDAY_NAMES[day]: [[_fmt_seconds(s), _fmt_seconds(e)] for s, e in intervals]
                for day, intervals in enumerate(self._week)
                if intervals
            },
            "holidays": [d.isoformat() for d in self._sorted_holidays],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BusinessCalendar:
        """Rebuild a calendar written by :meth:`to_dict`.

        Raises:
            ValueError: Unknown version, zone, weekday or malformed times.
        """
        if data.get("version") != 1:
            raise ValueError(f"unsupported calendar version {data.get('version')!r}")
        try:
            tz = ZoneInfo(str(data["tz"]))
            week: dict[int, list[tuple[time, time]]] = {}
            for name, intervals in dict(data["week"]).items():
                week[_weekday_index(str(name))] = [
                    (
                        _seconds_to_time(_parse_time_text(str(s), end=False)),
                        _seconds_to_time(_parse_time_text(str(e), end=True)),
                    )
                    for s, e in intervals
                ]
            holidays = frozenset(date.fromisoformat(str(d)) for d in data.get("holidays", []))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"malformed calendar data: {exc!r}") from exc
        except LookupError as exc:  # ZoneInfoNotFoundError is a KeyError too
            raise ValueError(f"unknown time zone {data.get('tz')!r}") from exc
        return cls(tz, week, holidays)


def always_open(tz: ZoneInfo | None = None) -> BusinessCalendar:
    """A 24/7 calendar with no holidays: business time equals elapsed time."""
    whole_day = [(time(0), MIDNIGHT_END)]
    return BusinessCalendar(tz or ZoneInfo("UTC"), {day: whole_day for day in range(7)})
