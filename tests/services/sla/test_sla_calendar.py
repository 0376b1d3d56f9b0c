"""Hand-worked cases for business calendars; expected values are worked out in comments."""

from __future__ import annotations

import json
import time as stopwatch
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from supportdesk.services.sla import (
    MIDNIGHT_END,
    BusinessCalendar,
    always_open,
    format_week,
    parse_week,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")
REYKJAVIK = ZoneInfo("Atlantic/Reykjavik")
H = timedelta(hours=1)
MIN = timedelta(minutes=1)


def office(tz: ZoneInfo = LONDON, holidays: frozenset[date] = frozenset()) -> BusinessCalendar:
    return BusinessCalendar(tz, parse_week("mon-fri 09:00-17:00"), holidays)


def at(tz: ZoneInfo, year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=tz)


# --- add_business_time --------------------------------------------------------


def test_friday_afternoon_rolls_to_monday() -> None:
    # Fri 2024-03-08 16:00 + 4 h: 1 h on Friday, 3 h on Monday from 09:00 -> Mon 12:00.
    assert office().add_business_time(at(LONDON, 2024, 3, 8, 16), 4 * H) == at(
        LONDON, 2024, 3, 11, 12
    )


def test_weekend_start_counts_from_monday_opening() -> None:
    # Sat 10:00 is closed; counting starts Mon 09:00, + 4 h -> Mon 13:00.
    assert office().add_business_time(at(LONDON, 2024, 3, 9, 10), 4 * H) == at(
        LONDON, 2024, 3, 11, 13
    )


def test_result_may_be_closing_time() -> None:
    # Thu 13:00 + 4 h ends exactly at Thu 17:00, not Fri 09:00.
    assert office().add_business_time(at(LONDON, 2024, 3, 7, 13), 4 * H) == at(
        LONDON, 2024, 3, 7, 17
    )


def test_zero_amount_is_start_when_open_else_next_opening() -> None:
    cal = office()
    assert cal.add_business_time(at(LONDON, 2024, 3, 11, 10), timedelta(0)) == at(
        LONDON, 2024, 3, 11, 10
    )
    assert cal.add_business_time(at(LONDON, 2024, 3, 9, 10), timedelta(0)) == at(
        LONDON, 2024, 3, 11, 9
    )
    # 17:00 itself is closed (intervals are half-open).
    assert cal.add_business_time(at(LONDON, 2024, 3, 11, 17), timedelta(0)) == at(
        LONDON, 2024, 3, 12, 9
    )
    assert cal.next_open(at(LONDON, 2024, 3, 11, 17)) == at(LONDON, 2024, 3, 12, 9)


def test_negative_amount_and_naive_datetimes_are_refused() -> None:
    cal = office()
    with pytest.raises(ValueError, match="negative"):
        cal.add_business_time(at(LONDON, 2024, 3, 11, 10), -MIN)
    with pytest.raises(ValueError, match="aware"):
        cal.add_business_time(datetime(2024, 3, 11, 10), H)


def test_holidays_are_skipped() -> None:
    cal = office(holidays=frozenset({date(2024, 12, 25), date(2024, 12, 26)}))
    # Tue 24 Dec 15:00 + 4 h: 2 h Tuesday, Wed/Thu holidays, Fri 27th 09:00 + 2 h = 11:00.
    assert cal.add_business_time(at(LONDON, 2024, 12, 24, 15), 4 * H) == at(
        LONDON, 2024, 12, 27, 11
    )


def test_year_end_with_new_years_day_holiday() -> None:
    cal = office(holidays=frozenset({date(2025, 1, 1)}))
    # Tue 31 Dec 15:00 + 4 h: 2 h Tuesday, 1 Jan closed, Thu 2 Jan 09:00 + 2 h = 11:00.
    assert cal.add_business_time(at(LONDON, 2024, 12, 31, 15), 4 * H) == at(LONDON, 2025, 1, 2, 11)


def test_lunch_break() -> None:
    cal = BusinessCalendar(LONDON, parse_week("mon-fri 09:00-12:00, 13:00-17:00"))
    # Mon 11:00 + 2 h: 1 h until 12:00, lunch, 1 h from 13:00 -> 14:00.
    assert cal.add_business_time(at(LONDON, 2024, 3, 11, 11), 2 * H) == at(LONDON, 2024, 3, 11, 14)
    assert not cal.is_open(at(LONDON, 2024, 3, 11, 12, 30))


def test_interval_ending_at_midnight_joins_next_day() -> None:
    cal = BusinessCalendar(LONDON, parse_week("fri 20:00-24:00; sat 00:00-02:00"))
    # Fri 23:00 + 2 h: 1 h to midnight, 1 h on Saturday -> Sat 01:00.
    assert cal.add_business_time(at(LONDON, 2024, 3, 8, 23), 2 * H) == at(LONDON, 2024, 3, 9, 1)
    assert cal.is_open(at(LONDON, 2024, 3, 9, 0))
    assert cal.week[4] == ((time(20), MIDNIGHT_END),)


def test_result_is_in_calendar_zone() -> None:
    start = datetime(2024, 3, 11, 14, tzinfo=UTC)  # 10:00 in New York (EDT)
    result = office(NEW_YORK).add_business_time(start, H)
    assert result.tzinfo is NEW_YORK
    assert result == at(NEW_YORK, 2024, 3, 11, 11)


# --- business_time_between -----------------------------------------------------


def test_between_basic_and_reversed() -> None:
    cal = office()
    # Fri 16:00 -> Mon 12:00 = 1 h + 3 h.
    assert cal.business_time_between(at(LONDON, 2024, 3, 8, 16), at(LONDON, 2024, 3, 11, 12)) == (
        4 * H
    )
    assert cal.business_time_between(at(LONDON, 2024, 3, 11, 12), at(LONDON, 2024, 3, 8, 16)) == (
        timedelta(0)
    )


def test_between_a_full_week_with_a_holiday() -> None:
    cal = office(holidays=frozenset({date(2024, 5, 6)}))  # early May bank holiday (Mon)
    # Mon 6 May .. Mon 13 May: four days of 8 h.
    assert cal.business_time_between(at(LONDON, 2024, 5, 6), at(LONDON, 2024, 5, 13)) == 32 * H


# --- DST -------------------------------------------------------------------------


def test_london_spring_forward_day_still_has_eight_hours() -> None:
    # Sun 31 Mar 2024: clocks go 01:00 GMT -> 02:00 BST. 09:00-17:00 is untouched: 8 h.
    cal = BusinessCalendar(LONDON, parse_week("daily 09:00-17:00"))
    day, next_day = at(LONDON, 2024, 3, 31), at(LONDON, 2024, 4, 1)
    assert cal.business_time_between(day, next_day) == 8 * H
    end = cal.add_business_time(at(LONDON, 2024, 3, 31, 9), 8 * H)
    assert end == datetime(2024, 3, 31, 16, tzinfo=UTC)  # 17:00 BST


def test_friday_to_monday_across_london_spring_forward() -> None:
    # Fri 29 Mar 15:00 GMT + 4 h: 2 h Friday, Mon 1 Apr 09:00 BST + 2 h = 11:00 BST = 10:00 UTC.
    end = office().add_business_time(at(LONDON, 2024, 3, 29, 15), 4 * H)
    assert end == datetime(2024, 4, 1, 10, tzinfo=UTC)


def test_always_open_follows_the_stopwatch_on_dst_days() -> None:
    cal = always_open(LONDON)
    assert cal.business_time_between(at(LONDON, 2024, 3, 31), at(LONDON, 2024, 4, 1)) == 23 * H
    assert cal.business_time_between(at(LONDON, 2024, 10, 27), at(LONDON, 2024, 10, 28)) == 25 * H
    ny = always_open(NEW_YORK)
    assert ny.business_time_between(at(NEW_YORK, 2024, 11, 3), at(NEW_YORK, 2024, 11, 4)) == 25 * H
    # Reykjavik keeps UTC all year.
    rey = always_open(REYKJAVIK)
    assert rey.business_time_between(at(REYKJAVIK, 2024, 3, 31), at(REYKJAVIK, 2024, 4, 1)) == (
        24 * H
    )


def test_interval_spanning_the_london_transitions() -> None:
    cal = BusinessCalendar(LONDON, parse_week("sun 00:30-02:30"))
    # Spring: 00:30 GMT (00:30 UTC) .. 02:30 BST (01:30 UTC) = 1 h.
    spring = cal.business_time_between(at(LONDON, 2024, 3, 31), at(LONDON, 2024, 4, 1))
    assert spring == H
    # Autumn: 00:30 BST (23:30 UTC Sat) .. 02:30 GMT (02:30 UTC) = 3 h.
    autumn = cal.business_time_between(at(LONDON, 2024, 10, 27), at(LONDON, 2024, 10, 28))
    assert autumn == 3 * H


def test_boundary_in_dst_gap_opens_when_clocks_jump() -> None:
    # New York, Sun 10 Mar 2024: 02:00 EST -> 03:00 EDT at 07:00 UTC; 02:30 never shows.
    cal = BusinessCalendar(NEW_YORK, parse_week("sun 02:30-04:00"))
    spans = list(cal.open_spans(at(NEW_YORK, 2024, 3, 10), at(NEW_YORK, 2024, 3, 11)))
    assert spans == [(datetime(2024, 3, 10, 7, tzinfo=UTC), datetime(2024, 3, 10, 8, tzinfo=UTC))]
    # London, Sun 31 Mar 2024: 01:30-03:00 opens at 01:00 UTC (02:00 BST), closes 02:00 UTC.
    london = BusinessCalendar(LONDON, parse_week("sun 01:30-03:00"))
    assert london.next_open(at(LONDON, 2024, 3, 31)) == datetime(2024, 3, 31, 1, tzinfo=UTC)
    assert london.business_time_between(at(LONDON, 2024, 3, 31), at(LONDON, 2024, 4, 1)) == H


def test_boundary_in_dst_fold_uses_first_occurrence() -> None:
    # London, Sun 27 Oct 2024: 02:00 BST -> 01:00 GMT; 01:00-01:30 means the BST one.
    cal = BusinessCalendar(LONDON, parse_week("sun 01:00-01:30"))
    assert cal.is_open(datetime(2024, 10, 27, 0, 15, tzinfo=UTC))  # 01:15 BST
    assert not cal.is_open(datetime(2024, 10, 27, 1, 15, tzinfo=UTC))  # 01:15 GMT
    assert cal.business_time_between(at(LONDON, 2024, 10, 27), at(LONDON, 2024, 10, 28)) == 30 * MIN


def test_lord_howe_half_hour_dst() -> None:
    cal = BusinessCalendar(LORD_HOWE, parse_week("sun 01:00-03:00"))
    # 6 Oct 2024: 02:00 (+10:30) -> 02:30 (+11). 01:00 = 14:30 UTC, 03:00 = 16:00 UTC: 1.5 h.
    assert cal.business_time_between(
        at(LORD_HOWE, 2024, 10, 6), at(LORD_HOWE, 2024, 10, 7)
    ) == timedelta(hours=1, minutes=30)
    # 7 Apr 2024: 02:00 (+11) -> 01:30 (+10:30). 01:00 = 14:00 UTC, 03:00 = 16:30 UTC: 2.5 h.
    assert cal.business_time_between(
        at(LORD_HOWE, 2024, 4, 7), at(LORD_HOWE, 2024, 4, 8)
    ) == timedelta(hours=2, minutes=30)


# --- long spans --------------------------------------------------------------------


def test_ten_thousand_business_hours_is_fast_and_exact() -> None:
    cal = office()
    start = at(LONDON, 2024, 1, 1, 9)  # a Monday
    began = stopwatch.perf_counter()
    end = cal.add_business_time(start, 10_000 * H)
    back = cal.business_time_between(start, end)
    elapsed = stopwatch.perf_counter() - began
    # 10,000 h / 40 h a week = 250 weeks = 1750 days: Mon 2024-01-01 + 1750 d = Mon 2028-10-16,
    # so the last hour ends on the Friday before, 13 Oct 2028 17:00 BST.
    assert end == at(LONDON, 2028, 10, 13, 17)
    assert back == 10_000 * H
    assert elapsed < 1.0


def test_long_span_with_holidays_and_many_dst_changes() -> None:
    holidays = frozenset(date(year, 12, 25) for year in range(2024, 2035))
    cal = office(NEW_YORK, holidays)
    start = at(NEW_YORK, 2024, 1, 1, 9)
    end = cal.add_business_time(start, 20_000 * H)
    assert cal.business_time_between(start, end) == 20_000 * H
    assert end.hour == 17 or cal.is_open(end)


def test_long_always_open_span_loses_the_spring_hour() -> None:
    # 1 Jan .. 1 Jun 2024 is 152 days = 3648 h of wall clock, less the hour lost on 31 Mar.
    cal = always_open(LONDON)
    start, end = at(LONDON, 2024, 1, 1), at(LONDON, 2024, 6, 1)
    assert cal.business_time_between(start, end) == 3647 * H
    assert cal.add_business_time(start, 3647 * H) == end


def test_always_open_in_utc_is_plain_addition() -> None:
    cal = always_open()
    start = datetime(2024, 2, 29, 12, 34, 56, 789, tzinfo=UTC)
    assert cal.add_business_time(start, 100_000 * H) == start + 100_000 * H


# --- text and storage ---------------------------------------------------------------


def test_parse_week_forms() -> None:
    week = parse_week("Mon - Fri 09:00-12:00, 13:00-17:00\nsat 10:00-14:00; sun closed")
    assert week == {
        **{d: ((time(9), time(12)), (time(13), time(17))) for d in range(5)},
        5: ((time(10), time(14)),),
    }
    assert parse_week("fri-mon 08:00-09:00") == {d: ((time(8), time(9)),) for d in (4, 5, 6, 0)}
    assert parse_week("monday,wednesday 10:00-11:00; monday 11:00-12:00") == {
        0: ((time(10), time(12)),),
        2: ((time(10), time(11)),),
    }


@pytest.mark.parametrize(
    "text",
    ["mon", "xyz 09:00-10:00", "mon 10:00-09:00", "mon 22:00-06:00", "mon 09:00-25:00", "mon 9-5"],
)
def test_parse_week_rejects_nonsense(text: str) -> None:
    with pytest.raises(ValueError):
        parse_week(text)


def test_format_week_groups_equal_days() -> None:
    text = "mon-fri 09:00-12:00, 13:00-17:00; sat 10:00-14:00; sun 22:00-24:00"
    assert format_week(parse_week(text)) == text


def test_calendar_needs_open_hours() -> None:
    with pytest.raises(ValueError, match="at least one"):
        BusinessCalendar(LONDON, {})


def test_to_dict_round_trip_through_json() -> None:
    cal = BusinessCalendar(
        LONDON,
        parse_week("mon-fri 09:00-17:00; sat 10:00-24:00"),
        frozenset({date(2024, 12, 25)}),
    )
    data = json.loads(json.dumps(cal.to_dict()))
    assert data["tz"] == "Europe/London"
    assert data["week"]["sat"] == [["10:00", "24:00"]]
    assert data["holidays"] == ["2024-12-25"]
    assert BusinessCalendar.from_dict(data) == cal


@pytest.mark.parametrize(
    "data",
    [
        {"version": 2, "tz": "UTC", "week": {}},
        {"version": 1, "tz": "Nowhere/Atlantis", "week": {"mon": [["09:00", "17:00"]]}},
        {"version": 1, "tz": "UTC", "week": {"moon": [["09:00", "17:00"]]}},
        {"version": 1, "tz": "UTC"},
    ],
)
def test_from_dict_rejects_bad_data(data: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        BusinessCalendar.from_dict(data)
