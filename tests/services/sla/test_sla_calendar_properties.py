"""Property tests for business-time arithmetic, checked against a brute-force oracle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from supportdesk.services.sla import (
    MIDNIGHT_END,
    BusinessCalendar,
    always_open,
    format_week,
    parse_week,
    to_utc,
)

ZONES = [
    ZoneInfo(key)
    for key in ("Europe/London", "America/New_York", "Australia/Lord_Howe", "Atlantic/Reykjavik")
]
# Local dates with a DST change in at least one of the zones, plus two plain ones.
ANCHORS = [
    date(2024, 3, 10),  # New York spring forward
    date(2024, 3, 31),  # London spring forward
    date(2024, 4, 7),  # Lord Howe back to +10:30
    date(2024, 10, 6),  # Lord Howe forward to +11
    date(2024, 10, 27),  # London back
    date(2024, 11, 3),  # New York back
    date(2024, 12, 31),  # year end
    date(2025, 6, 18),
]
QUARTER = timedelta(minutes=15)
PROPS = settings(max_examples=150, deadline=None)


@dataclass(frozen=True)
class Case:
    """A calendar plus the plain data it was built from, for the oracle."""

    cal: BusinessCalendar
    tz: ZoneInfo
    week: dict[int, list[tuple[int, int]]]  # minutes since midnight, end up to 1440
    holidays: frozenset[date]
    anchor: datetime  # local midnight of the anchor date, in UTC


def _minutes_to_time(minutes: int) -> time:
    return MIDNIGHT_END if minutes == 1440 else time(minutes // 60, minutes % 60)


@st.composite
def cases(draw: st.DrawFn, step_minutes: int = 15) -> Case:
    """A random week (0-2 intervals a day) near a DST change, with nearby holidays."""
    tz = draw(st.sampled_from(ZONES))
    anchor_day = draw(st.sampled_from(ANCHORS))
    slots = 1440 // step_minutes
    week: dict[int, list[tuple[int, int]]] = {}
    for day in range(7):
        count = draw(st.integers(0, 2))
        points = sorted(
            draw(st.sets(st.integers(0, slots), min_size=2 * count, max_size=2 * count))
        )
        week[day] = [
            (points[i] * step_minutes, points[i + 1] * step_minutes)
            for i in range(0, len(points), 2)
        ]
    if not any(week.values()):
        week[draw(st.integers(0, 6))] = [(9 * 60, 17 * 60)]
    offsets = draw(st.sets(st.integers(-3, 12), max_size=4))
    holidays = frozenset(anchor_day + timedelta(days=n) for n in offsets)
    cal = BusinessCalendar(
        tz,
        {d: [(_minutes_to_time(s), _minutes_to_time(e)) for s, e in iv] for d, iv in week.items()},
        holidays,
    )
    anchor = datetime(anchor_day.year, anchor_day.month, anchor_day.day, tzinfo=tz)
    return Case(cal, tz, week, holidays, anchor.astimezone(UTC))


def quarter_instants(case: Case, days: int = 6) -> st.SearchStrategy[datetime]:
    """Quarter-hour UTC instants from two days before the anchor to ``days`` after."""
    return st.integers(-2 * 96, days * 96).map(lambda n: case.anchor + n * QUARTER)


def fine_instants(case: Case) -> st.SearchStrategy[datetime]:
    """Any microsecond around the anchor."""
    span = 8 * 86_400 * 10**6
    return st.integers(-2 * 86_400 * 10**6, span).map(
        lambda us: case.anchor + timedelta(microseconds=us)
    )


amounts = st.one_of(
    st.just(timedelta(0)),
    st.integers(1, 60 * 200).map(lambda m: timedelta(minutes=m)),
    st.integers(1, 10**12).map(lambda us: timedelta(microseconds=us)),
)


def oracle_open(case: Case, moment: datetime) -> bool:
    """Naive reading: look at the local wall clock and the week table."""
    local = moment.astimezone(case.tz)
    if local.date() in case.holidays:
        return False
    minute = local.hour * 60 + local.minute
    return any(s <= minute < e for s, e in case.week[local.weekday()])


# --- add / between -----------------------------------------------------------------


@PROPS
@given(data=st.data(), case=cases())
def test_between_inverts_add(data: st.DataObject, case: Case) -> None:
    start = data.draw(fine_instants(case))
    amount = data.draw(amounts)
    end = case.cal.add_business_time(start, amount)
    assert end.tzinfo is case.tz
    assert to_utc(end) >= start
    assert case.cal.business_time_between(start, end) == amount


@PROPS
@given(data=st.data(), case=cases())
def test_add_is_monotonic(data: st.DataObject, case: Case) -> None:
    s1, s2 = sorted((data.draw(fine_instants(case)), data.draw(fine_instants(case))))
    d1, d2 = sorted((data.draw(amounts), data.draw(amounts)))
    cal = case.cal
    # Compare instants in UTC: same-zone comparison ignores the DST fold.
    assert to_utc(cal.add_business_time(s1, d1)) <= to_utc(cal.add_business_time(s1, d2))
    assert to_utc(cal.add_business_time(s1, d1)) <= to_utc(cal.add_business_time(s2, d1))


@PROPS
@given(data=st.data(), case=cases())
def test_add_lands_in_open_hours_and_never_on_holidays(data: st.DataObject, case: Case) -> None:
    start = data.draw(fine_instants(case))
    amount = data.draw(amounts)
    end = case.cal.add_business_time(start, amount)
    # The clock was running just before the result (for zero: at the result). Step
    # back in UTC: aware arithmetic in one zone is wall-clock and loses the DST fold.
    last = end if amount == timedelta(0) else to_utc(end) - timedelta(microseconds=1)
    assert case.cal.is_open(last)
    assert last.astimezone(case.tz).date() not in case.holidays


@PROPS
@given(data=st.data(), case=cases())
def test_add_composes(data: st.DataObject, case: Case) -> None:
    start = data.draw(fine_instants(case))
    first, second = data.draw(amounts), data.draw(amounts.filter(lambda d: d > timedelta(0)))
    cal = case.cal
    assert to_utc(cal.add_business_time(cal.add_business_time(start, first), second)) == (
        to_utc(cal.add_business_time(start, first + second))
    )


@PROPS
@given(data=st.data(), case=cases())
def test_between_is_additive_and_bounded(data: st.DataObject, case: Case) -> None:
    a, b, c = sorted(data.draw(fine_instants(case)) for _ in range(3))
    cal = case.cal
    assert cal.business_time_between(a, c) == (
        cal.business_time_between(a, b) + cal.business_time_between(b, c)
    )
    assert timedelta(0) <= cal.business_time_between(a, c) <= c - a


@PROPS
@given(
    tz=st.sampled_from(ZONES),
    start=st.datetimes(datetime(2020, 1, 1), datetime(2030, 1, 1), timezones=st.just(UTC)),
    amount=st.integers(0, 2 * 366 * 86_400 * 10**6).map(lambda us: timedelta(microseconds=us)),
)
def test_always_open_equals_elapsed_time(tz: ZoneInfo, start: datetime, amount: timedelta) -> None:
    # Long spans step over whole weeks; across DST changes that must still match a stopwatch.
    cal = always_open(tz)
    assert to_utc(cal.add_business_time(start, amount)) == start + amount
    assert cal.business_time_between(start, start + amount) == amount


# --- against the brute-force oracle (hour-aligned intervals, see calendar docs) ------


@PROPS
@given(data=st.data(), case=cases(step_minutes=60))
def test_between_matches_oracle(data: st.DataObject, case: Case) -> None:
    a, b = sorted((data.draw(quarter_instants(case)), data.draw(quarter_instants(case))))
    expected = timedelta(0)
    moment = a
    while moment < b:
        if oracle_open(case, moment):
            expected += QUARTER
        moment += QUARTER
    assert case.cal.business_time_between(a, b) == expected


@PROPS
@given(data=st.data(), case=cases(step_minutes=60))
def test_is_open_matches_oracle(data: st.DataObject, case: Case) -> None:
    moment = data.draw(quarter_instants(case))
    assert case.cal.is_open(moment) == oracle_open(case, moment)


@PROPS
@given(data=st.data(), case=cases(step_minutes=60))
def test_next_open_matches_oracle(data: st.DataObject, case: Case) -> None:
    moment = data.draw(quarter_instants(case))
    expected = moment
    while not oracle_open(case, expected):
        expected += QUARTER
    assert to_utc(case.cal.next_open(moment)) == expected


# --- storage -----------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(case=cases())
def test_round_trips(case: Case) -> None:
    assert BusinessCalendar.from_dict(case.cal.to_dict()) == case.cal
    assert parse_week(format_week(case.cal.week)) == case.cal.week
