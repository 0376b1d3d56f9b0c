"""Schedule arithmetic of the weekly report export: due times, missed weeks, DST, New Year."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from supportdesk.services import report_schedule as rs
from supportdesk.services.report_schedule import Schedule, ScheduleError
from supportdesk.store import Store

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def monday_8(since: str = "2026-01-01 00:00", **kw: object) -> Schedule:
    return Schedule(weekday=0, at=time(8, 0), folder="/reports", since=utc(since), **kw)  # type: ignore[arg-type]


def test_due_time_is_monday_08_local_after_the_week() -> None:
    # 2026-W46 is Mon 9 - Sun 15 Nov; its report is due Mon 16 Nov 08:00 CET = 07:00 UTC.
    week = date(2026, 11, 9)
    assert rs.due_at(monday_8(), week, BERLIN) == utc("2026-11-16 07:00")
    assert rs.week_label(week) == "2026-W46"


def test_due_time_follows_summer_time() -> None:
    # Clocks went forward on Sun 29 Mar 2026: Monday 08:00 is 07:00 UTC before, 06:00 after.
    s = monday_8()
    assert rs.due_at(s, date(2026, 3, 16), BERLIN) == utc("2026-03-23 07:00")
    assert rs.due_at(s, date(2026, 3, 23), BERLIN) == utc("2026-03-30 06:00")
    # ... and back on Sun 25 Oct 2026.
    assert rs.due_at(s, date(2026, 10, 19), BERLIN) == utc("2026-10-26 07:00")


def test_a_skipped_or_repeated_wall_clock_time() -> None:
    sunday_0230 = Schedule(weekday=6, at=time(2, 30), folder="/r", since=utc("2026-01-01 00:00"))
    # 02:30 does not exist on Sun 29 Mar 2026 in Berlin: it runs at 03:30 CEST (01:30 UTC).
    assert rs.due_at(sunday_0230, date(2026, 3, 16), BERLIN) == utc("2026-03-29 01:30")
    # 02:30 happens twice on Sun 25 Oct 2026: the first one (CEST, 00:30 UTC) counts.
    assert rs.due_at(sunday_0230, date(2026, 10, 12), BERLIN) == utc("2026-10-25 00:30")


def test_the_week_of_a_run_in_a_dst_week() -> None:
    s = monday_8()
    # Monday 30 Mar 2026 06:30 UTC is 08:30 CEST: due for W13 (23-29 Mar), the DST week.
    assert rs.due_weeks(s, date(2026, 3, 16), utc("2026-03-30 06:30"), BERLIN) == [
        date(2026, 3, 23)]
    # 05:59 UTC is 07:59 CEST: not due yet.
    assert rs.due_weeks(s, date(2026, 3, 16), utc("2026-03-30 05:59"), BERLIN) == []


def test_new_year_week() -> None:
    s = monday_8()
    # 2026 has 53 ISO weeks: W53 runs Mon 28 Dec 2026 - Sun 3 Jan 2027, due Mon 4 Jan 2027.
    week = rs.latest_due_week(s, utc("2027-01-04 13:00"), NEW_YORK)
    assert week == date(2026, 12, 28)
    assert rs.week_label(week) == "2026-W53"
    assert rs.due_at(s, week, NEW_YORK) == utc("2027-01-04 13:00")
    # One minute earlier it is still 2026-W52's turn (due Mon 28 Dec).
    assert rs.week_label(rs.latest_due_week(s, utc("2027-01-04 12:59"), NEW_YORK)) == "2026-W52"
    # ISO 2026-W01 starts on Mon 29 Dec 2025.
    assert rs.week_monday("2026-W01") == date(2025, 12, 29)
    assert rs.due_at(s, date(2025, 12, 29), NEW_YORK) == utc("2026-01-05 13:00")


def test_next_due() -> None:
    s = monday_8()
    due, week = rs.next_due(s, utc("2026-11-18 12:00"), BERLIN)  # a Wednesday
    assert due == utc("2026-11-23 07:00")
    assert rs.week_label(week) == "2026-W47"
    due, week = rs.next_due(s, utc("2026-11-23 07:00"), BERLIN)  # exactly at the due time
    assert due == utc("2026-11-30 07:00")
    assert rs.week_label(week) == "2026-W48"


def test_missed_weeks_are_caught_up_oldest_first_and_never_twice() -> None:
    s = monday_8()
    done = date(2026, 10, 26)  # W44 written
    now = utc("2026-11-18 09:00")  # W45 and W46 were due on 9 and 16 Nov
    weeks = rs.due_weeks(s, done, now, BERLIN)
    assert [rs.week_label(w) for w in weeks] == ["2026-W45", "2026-W46"]
    assert rs.due_weeks(s, weeks[-1], now, BERLIN) == []


def test_catch_up_is_bounded_and_never_before_the_schedule_was_saved() -> None:
    now = utc("2026-11-18 09:00")
    old = monday_8(since="2025-01-01 00:00")
    weeks = rs.due_weeks(old, None, now, BERLIN)
    assert len(weeks) == rs.MAX_CATCH_UP
    assert rs.week_label(weeks[-1]) == "2026-W46"
    # Saved on Tuesday 10 Nov: W45 was due on Mon 9 Nov, before; only W46 is written.
    fresh = monday_8(since="2026-11-10 10:00")
    assert [rs.week_label(w) for w in rs.due_weeks(fresh, None, now, BERLIN)] == ["2026-W46"]
    # Saved after this week's run: nothing until next Monday.
    assert rs.due_weeks(monday_8(since="2026-11-16 09:00"), None, now, BERLIN) == []
    assert rs.due_weeks(monday_8(enabled=False), None, now, BERLIN) == []


def test_a_mid_week_schedule_writes_the_week_before() -> None:
    wednesday = Schedule(weekday=2, at=time(17, 30), folder="/r", since=utc("2026-01-01 00:00"))
    # Monday 16 Nov: W46's run is due on Wed 18 Nov 17:30, so the newest due week is W45.
    assert rs.week_label(rs.latest_due_week(wednesday, utc("2026-11-16 12:00"), BERLIN)) == (
        "2026-W45")
    assert rs.week_label(rs.latest_due_week(wednesday, utc("2026-11-18 16:30"), BERLIN)) == (
        "2026-W46")


def test_schedule_round_trips_and_rejects_bad_values() -> None:
    s = monday_8(formats=("pdf", "csv"), page="letter", bom=True)
    assert Schedule.from_json(s.to_json()) == s
    with pytest.raises(ScheduleError, match="folder"):
        Schedule(folder=" ").validated()
    with pytest.raises(ScheduleError, match="at least one format"):
        Schedule(folder="/r", formats=()).validated()
    with pytest.raises(ScheduleError, match="cannot be read"):
        Schedule.from_json("{not json")
    with pytest.raises(ScheduleError):
        rs.week_monday("2026-47")


def test_stored_in_the_profile(store: Store) -> None:
    assert rs.load(store) is None
    assert rs.last_done(store) is None
    s = monday_8()
    rs.save(store, s)
    assert rs.load(store) == s
    rs.mark_done(store, date(2026, 11, 9))
    rs.mark_done(store, date(2026, 11, 2))  # never moves back
    assert rs.last_done(store) == date(2026, 11, 9)
    rs.save(store, None)
    loaded = rs.load(store)
    assert loaded is not None and not loaded.enabled
    with pytest.raises(ScheduleError):
        rs.save(store, Schedule(folder=""))
    assert rs.due_weeks(loaded, None, s.since + timedelta(days=30), BERLIN) == []
