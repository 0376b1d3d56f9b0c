"""SLA policies: due times (hand-worked), pauses (hand-worked and properties), state."""

from __future__ import annotations

import enum
import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportdesk.services.sla import (
    PRIORITIES,
    BusinessCalendar,
    DueTimes,
    SlaPolicy,
    SlaTargets,
    always_open,
    compute_due,
    default_policy,
    parse_week,
    remaining_business,
    sla_state,
    to_utc,
)
from supportdesk.services.sla.policy import Pause

LONDON = ZoneInfo("Europe/London")
H = timedelta(hours=1)
MIN = timedelta(minutes=1)
POLICY = default_policy(LONDON)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


# Week of Mon 11 March 2024 (no DST change in London until 31 March).
FRI, SAT, MON, TUE = (2024, 3, 8), (2024, 3, 9), (2024, 3, 11), (2024, 3, 12)


# --- due times -----------------------------------------------------------------------


def test_normal_received_friday_afternoon() -> None:
    due = compute_due(POLICY, "normal", at(*FRI, 16), [])
    # First response 4 h: 1 h Friday + 3 h Monday -> Mon 12:00.
    # Resolution 24 h: 1 h Fri, 8 h Mon, 8 h Tue, 7 h Wed -> Wed 13 Mar 16:00.
    assert due == DueTimes(at(*MON, 12), at(2024, 3, 13, 16), None, paused=False)


def test_normal_received_saturday() -> None:
    assert compute_due(POLICY, "normal", at(*SAT, 10), []).first_response_due == at(*MON, 13)


def test_other_priorities() -> None:
    # Urgent at Mon 16:30: 1 h = 30 min Monday + 30 min Tuesday -> Tue 09:30;
    # 8 h resolution = 30 min Monday + 7.5 h Tuesday -> Tue 16:30.
    urgent = compute_due(POLICY, "urgent", at(*MON, 16, 30), [])
    assert (urgent.first_response_due, urgent.resolution_due) == (at(*TUE, 9, 30), at(*TUE, 16, 30))
    # High at Mon 09:00: 2 h -> 11:00; 16 h -> Tue 17:00.
    high = compute_due(POLICY, "high", at(*MON, 9), [])
    assert (high.first_response_due, high.resolution_due) == (at(*MON, 11), at(*TUE, 17))
    # Low at Mon 09:00: 8 h -> Mon 17:00; 40 h -> Fri 15 Mar 17:00.
    low = compute_due(POLICY, "low", at(*MON, 9), [])
    assert (low.first_response_due, low.resolution_due) == (at(*MON, 17), at(2024, 3, 15, 17))


def test_priority_may_be_a_str_enum() -> None:
    class Priority(enum.StrEnum):
        HIGH = "high"

    assert compute_due(POLICY, Priority.HIGH, at(*MON, 9), []).first_response_due == at(*MON, 11)
    with pytest.raises(ValueError, match="unknown priority"):
        compute_due(POLICY, "critical", at(*MON, 9), [])


def test_next_response_from_last_customer_message() -> None:
    # Customer wrote Tue 15:00; next response within 4 h: 2 h Tue + 2 h Wed -> Wed 11:00.
    due = compute_due(POLICY, "normal", at(*MON, 9), [], last_customer_message_at=at(*TUE, 15))
    assert due.next_response_due == at(2024, 3, 13, 11)


def test_missing_targets_give_none() -> None:
    targets = SlaTargets(first_response=2 * H)
    policy = SlaPolicy("Chat", POLICY.calendar, dict.fromkeys(PRIORITIES, targets))
    assert compute_due(policy, "low", at(*MON, 9), []) == DueTimes(at(*MON, 11), None)


# --- pauses ---------------------------------------------------------------------------


def test_pause_in_business_hours_extends_both_clocks() -> None:
    due = compute_due(POLICY, "normal", at(*MON, 9), [(at(*MON, 10), at(*MON, 14))])
    # Clock runs 09-10 (1 h), paused 10-14, runs 14-17 (3 h): first response Mon 17:00.
    # Resolution loses the same 4 h: Wed 17:00 + 4 h -> Thu 14 Mar 13:00.
    assert due.first_response_due == at(*MON, 17)
    assert due.resolution_due == at(2024, 3, 14, 13)
    assert not due.paused


def test_pause_outside_business_hours_changes_nothing() -> None:
    due = compute_due(POLICY, "normal", at(*FRI, 16), [(at(*FRI, 18), at(*MON, 8))])
    assert due.first_response_due == at(*MON, 12)


def test_pause_after_due_does_not_hide_a_breach() -> None:
    due = compute_due(POLICY, "normal", at(*MON, 9), [(at(*MON, 14), at(*MON, 16))])
    # First response was due 13:00, before the pause began.
    assert due.first_response_due == at(*MON, 13)
    # Resolution (Wed 17:00 without pause) loses 2 h -> Thu 11:00.
    assert due.resolution_due == at(2024, 3, 14, 11)


def test_overlapping_and_early_pauses_merge_and_clip() -> None:
    pauses: list[Pause] = [
        (at(2024, 3, 10, 12), at(*MON, 9, 30)),  # began before the message: clipped
        (at(*MON, 11), at(*MON, 12)),
        (at(*MON, 11, 30), at(*MON, 13)),
    ]
    # Runs 09:30-11:00 (1.5 h), paused 11-13, runs from 13:00 for 2.5 h -> 15:30.
    due = compute_due(POLICY, "normal", at(*MON, 9), pauses)
    assert due.first_response_due == at(*MON, 15, 30)


def test_open_pause_stops_unreached_targets() -> None:
    due = compute_due(POLICY, "normal", at(*MON, 9), [(at(*MON, 10), None)])
    assert due == DueTimes(None, None, None, paused=True)
    # A target reached before the open pause began keeps its due time.
    late = compute_due(POLICY, "normal", at(*MON, 9), [(at(*MON, 15), None)])
    assert late == DueTimes(at(*MON, 13), None, None, paused=True)


def test_pause_given_in_local_fold_times() -> None:
    # 24/7 clock, 2 h target. London falls back at 01:00 UTC on Sun 27 Oct 2024. The pause
    # 01:30 BST (00:30 UTC) -> 01:15 GMT (01:15 UTC) reads backwards on the wall clock but
    # lasts 45 min. Received 00:30 BST (23:30 UTC Sat): due 23:30 + 2 h + 45 min = 02:15 UTC.
    policy = SlaPolicy("24/7", always_open(LONDON), dict.fromkeys(PRIORITIES, SlaTargets(2 * H)))
    pause = (at(2024, 10, 27, 1, 30), datetime(2024, 10, 27, 1, 15, fold=1, tzinfo=LONDON))
    due = compute_due(policy, "normal", at(2024, 10, 27, 0, 30), [pause])
    assert due.first_response_due is not None
    assert to_utc(due.first_response_due) == datetime(2024, 10, 27, 2, 15, tzinfo=UTC)


def test_bad_pauses_are_refused() -> None:
    with pytest.raises(ValueError, match="ends before"):
        compute_due(POLICY, "normal", at(*MON, 9), [(at(*MON, 12), at(*MON, 11))])
    with pytest.raises(ValueError, match="aware"):
        compute_due(POLICY, "normal", at(*MON, 9), [(datetime(2024, 3, 11, 10), None)])


# --- properties: pauses only ever delay, and exactly by their business overlap ----------

CAL = BusinessCalendar(
    LONDON, parse_week("mon-fri 09:00-12:30, 13:30-17:00; sat 10:00-14:00; sun 00:00-03:00")
)
# Midnight UTC on the Mondays before London's spring and autumn clock changes.
BASES = (datetime(2024, 3, 25, tzinfo=UTC), datetime(2024, 10, 21, tzinfo=UTC))
PROPS = settings(max_examples=150, deadline=None)

instants = st.builds(
    lambda base, n: base + n * 15 * MIN, st.sampled_from(BASES), st.integers(0, 14 * 96)
)
closed_pauses = st.lists(
    st.tuples(instants, st.integers(0, 3 * 96).map(lambda n: n * 15 * MIN)).map(
        lambda p: (p[0], p[0] + p[1])
    ),
    max_size=5,
)


def _paused_business_time(
    pauses: list[tuple[datetime, datetime]], a: datetime, b: datetime
) -> timedelta:
    """Business time inside the union of ``pauses`` within [a, b], merged by hand."""
    total = timedelta(0)
    cursor = a
    for start, end in sorted(pauses):
        start, end = max(start, cursor), min(end, b)
        if start < end:
            total += CAL.business_time_between(start, end)
            cursor = end
    return total


@PROPS
@given(
    received=instants,
    pauses=closed_pauses,
    priority=st.sampled_from(PRIORITIES),
)
def test_closed_pauses_delay_by_their_business_overlap(
    received: datetime, pauses: list[tuple[datetime, datetime]], priority: str
) -> None:
    policy = SlaPolicy("Test", CAL, POLICY.targets_by_priority)
    plain = compute_due(policy, priority, received, [])
    paused = compute_due(policy, priority, received, list(pauses))
    for target, before, after in (
        (
            policy.targets(priority).first_response,
            plain.first_response_due,
            paused.first_response_due,
        ),
        (policy.targets(priority).resolution, plain.resolution_due, paused.resolution_due),
    ):
        assert before is not None and after is not None and target is not None
        assert to_utc(after) >= to_utc(before)
        running = CAL.business_time_between(received, after) - _paused_business_time(
            pauses, received, after
        )
        assert running == target


@PROPS
@given(received=instants, pauses=closed_pauses, open_from=instants)
def test_open_pause_never_brings_a_due_time_forward(
    received: datetime, pauses: list[tuple[datetime, datetime]], open_from: datetime
) -> None:
    policy = SlaPolicy("Test", CAL, POLICY.targets_by_priority)
    closed = compute_due(policy, "normal", received, list(pauses))
    with_open = compute_due(policy, "normal", received, [*pauses, (open_from, None)])
    assert with_open.paused
    for before, after in (
        (closed.first_response_due, with_open.first_response_due),
        (closed.resolution_due, with_open.resolution_due),
    ):
        assert before is not None
        assert after is None or after == before


# --- state and countdown ------------------------------------------------------------------


def test_sla_state() -> None:
    due, warn = at(*MON, 12), 30 * MIN
    assert sla_state(due, at(*MON, 10), warn) == "ok"
    assert sla_state(due, at(*MON, 11, 30), warn) == "due_soon"
    assert sla_state(due, at(*MON, 12), warn) == "overdue"
    assert sla_state(due, at(*MON, 13), warn, met_at=at(*MON, 12, 30)) == "met"
    assert sla_state(None, at(*MON, 13), warn, paused=True) == "paused"
    assert sla_state(None, at(*MON, 13), warn) == "ok"


def test_due_soon_counts_business_time_over_a_weekend() -> None:
    # Due Mon 09:30, now Fri 16:50: 10 min Friday + 30 min Monday = 40 min of business time.
    due, now = at(*MON, 9, 30), at(*FRI, 16, 50)
    assert sla_state(due, now, H, calendar=POLICY.calendar) == "due_soon"
    assert sla_state(due, now, H) == "ok"  # 64 h 40 min of wall time


def test_remaining_business() -> None:
    cal = POLICY.calendar
    assert remaining_business(cal, at(*MON, 12), at(*FRI, 16)) == 4 * H
    assert remaining_business(cal, at(*MON, 12), at(*MON, 15)) == -3 * H
    # Overdue since Fri 16:00, now Mon 10:00: 1 h Friday + 1 h Monday.
    assert remaining_business(cal, at(*FRI, 16), at(*MON, 10)) == -2 * H


# --- policy objects ---------------------------------------------------------------------


def test_default_policy_targets() -> None:
    first = {p: POLICY.targets(p).first_response for p in PRIORITIES}
    resolution = {p: POLICY.targets(p).resolution for p in PRIORITIES}
    assert first == {"low": 8 * H, "normal": 4 * H, "high": 2 * H, "urgent": H}
    assert resolution == {"low": 40 * H, "normal": 24 * H, "high": 16 * H, "urgent": 8 * H}
    assert POLICY.calendar.weekly_hours == 40 * H


def test_policy_validation() -> None:
    with pytest.raises(ValueError, match="exactly"):
        SlaPolicy("Half", POLICY.calendar, {"normal": SlaTargets(H)})
    with pytest.raises(ValueError, match="positive"):
        SlaTargets(first_response=timedelta(0))


def test_policy_round_trips_through_json() -> None:
    targets = dict(POLICY.targets_by_priority)
    targets["low"] = SlaTargets(first_response=timedelta(minutes=90, seconds=30), resolution=None)
    policy = SlaPolicy("Custom", POLICY.calendar, targets)
    data = json.loads(json.dumps(policy.to_dict()))
    assert data["targets"]["normal"]["first_response_minutes"] == 240
    assert data["targets"]["low"]["resolution_minutes"] is None
    assert SlaPolicy.from_dict(data) == policy
