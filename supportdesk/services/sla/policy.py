"""SLA policies: business-time targets per priority, due times with pauses, live state.

The SLA clock runs only while the policy's calendar is open and the
conversation is not paused (waiting on the customer). A pause therefore moves
a due time later by the business time it covers *before* the target is
reached; a pause that starts after the due time changes nothing, so a breach
cannot be hidden by pausing late.

An open pause (no end yet) stops the clock indefinitely: every target not
already reached before the pause began gets a due time of ``None`` and
:class:`DueTimes` says ``paused=True``. Once the pause is closed, computing
again gives real due times.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Any, Literal, get_args
from zoneinfo import ZoneInfo

from .calendar import ZERO, BusinessCalendar, parse_week, to_utc

__all__ = [
    "DEFAULT_TARGETS",
    "PRIORITIES",
    "DueTimes",
    "Pause",
    "Priority",
    "SlaPolicy",
    "SlaState",
    "SlaTargets",
    "compute_due",
    "default_policy",
    "remaining_business",
    "sla_state",
]

Priority = Literal["low", "normal", "high", "urgent"]
PRIORITIES: tuple[Priority, ...] = get_args(Priority)
SlaState = Literal["ok", "due_soon", "overdue", "met", "paused"]

#: ``(start, end)`` of a wait on the customer; ``end`` is ``None`` while it lasts.
Pause = tuple[datetime, datetime | None]

_TARGET_NAMES = ("first_response", "next_response", "resolution")


@dataclass(frozen=True)
class SlaTargets:
    """Business-time targets for one priority; ``None`` means no target."""

    first_response: timedelta | None
    next_response: timedelta | None = None
    resolution: timedelta | None = None

    def __post_init__(self) -> None:
        for name in _TARGET_NAMES:
            value = getattr(self, name)
            if value is not None and value <= ZERO:
                raise ValueError(f"{name} target must be positive, got {value}")

    def to_dict(self) -> dict[str, float | None]:
        """JSON-able form in minutes: ``{"first_response_minutes": 240, ...}``."""
        out: dict[str, float | None] = {}
        for name in _TARGET_NAMES:
            value: timedelta | None = getattr(self, name)
            if value is None:
                out[f"{name}_minutes"] = None
                continue
            minutes = value / timedelta(minutes=1)
            out[f"{name}_minutes"] = int(minutes) if minutes.is_integer() else minutes
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SlaTargets:
        """Rebuild targets written by :meth:`to_dict`."""
        values: list[timedelta | None] = []
        for name in _TARGET_NAMES:
            minutes = data.get(f"{name}_minutes")
            if minutes is not None and not isinstance(minutes, int | float):
                raise ValueError(f"{name}_minutes must be a number, got {minutes!r}")
            values.append(None if minutes is None else timedelta(minutes=minutes))
        return cls(*values)


@dataclass(frozen=True)
class SlaPolicy:
    """A named calendar plus targets for each of the four priorities."""

    name: str
    calendar: BusinessCalendar
    targets_by_priority: Mapping[str, SlaTargets] = field(hash=False)

    def __post_init__(self) -> None:
        keys = set(self.targets_by_priority)
        if keys != set(PRIORITIES):
            raise ValueError(
                f"policy {self.name!r} needs targets for exactly {', '.join(PRIORITIES)}; "
                f"got {', '.join(sorted(keys)) or 'none'}"
            )
        object.__setattr__(
            self, "targets_by_priority", MappingProxyType(dict(self.targets_by_priority))
        )

    def targets(self, priority: str) -> SlaTargets:
        """Targets for ``priority`` (one of :data:`PRIORITIES`)."""
        try:
            return self.targets_by_priority[priority]
        except KeyError:
            raise ValueError(
                f"unknown priority {priority!r}; use one of {', '.join(PRIORITIES)}"
            ) from None

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form for storage."""
        return {
            "version": 1,
            "name": self.name,
            "calendar": self.calendar.to_dict(),
            "targets": {p: self.targets_by_priority[p].to_dict() for p in PRIORITIES},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SlaPolicy:
        """Rebuild a policy written by :meth:`to_dict`."""
        if data.get("version") != 1:
            raise ValueError(f"unsupported policy version {data.get('version')!r}")
        try:
            targets = {str(p): SlaTargets.from_dict(t) for p, t in dict(data["targets"]).items()}
            return cls(str(data["name"]), BusinessCalendar.from_dict(data["calendar"]), targets)
        except (KeyError, TypeError) as exc:
            raise ValueError(f"malformed policy data: {exc!r}") from exc


@dataclass(frozen=True)
class DueTimes:
    """When each target falls due, in the policy calendar's zone.

    A due time is ``None`` when the priority has no such target, or when an
    open pause stopped the clock before the target was reached (then
    ``paused`` is true).
    """

    first_response_due: datetime | None
    resolution_due: datetime | None
    next_response_due: datetime | None = None
    paused: bool = False


def _normalise_pauses(pauses: Sequence[Pause], start: datetime) -> list[Pause]:
    """In UTC: sort, clip to ``start`` and merge pauses; an open pause swallows later ones."""
    utc_pauses: list[Pause] = []
    for p_start, p_end in pauses:
        if p_start.tzinfo is None or (p_end is not None and p_end.tzinfo is None):
            raise ValueError("pause times must be aware datetimes")
        a, b = to_utc(p_start), None if p_end is None else to_utc(p_end)
        if b is not None and b < a:
            raise ValueError(f"pause ends before it starts: {p_start} -> {p_end}")
        utc_pauses.append((a, b))
    merged: list[Pause] = []
    for p_start, p_end in sorted(utc_pauses, key=lambda p: p[0]):
        if p_end is not None and p_end <= start:
            continue
        p_start = max(p_start, start)
        if merged and (merged[-1][1] is None or p_start <= merged[-1][1]):
            last_start, last_end = merged[-1]
            end = None if last_end is None or p_end is None else max(last_end, p_end)
            merged[-1] = (last_start, end)
        else:
            merged.append((p_start, p_end))
        if merged[-1][1] is None:
            break
    return merged


def _due(
    calendar: BusinessCalendar, start: datetime, target: timedelta, pauses: list[Pause]
) -> datetime | None:
    """Due time of ``target`` counted from ``start`` (UTC), skipping pauses; ``None`` if paused."""
    clock = start
    remaining = target
    for p_start, p_end in pauses:
        if p_start > clock:
            available = calendar.business_time_between(clock, p_start)
            if available >= remaining:
                break
            remaining -= available
        if p_end is None:
            return None
        clock = max(clock, p_end)
    return calendar.add_business_time(clock, remaining)


def compute_due(
    policy: SlaPolicy,
    priority: str,
    received_at: datetime,
    pauses: Sequence[Pause] = (),
    *,
    last_customer_message_at: datetime | None = None,
) -> DueTimes:
    """Due times for a conversation.

    Args:
        policy: The SLA policy.
        priority: ``low``, ``normal``, ``high`` or ``urgent``.
        received_at: When the first customer message arrived.
        pauses: Waits on the customer; they stop the clock (see module doc).
        last_customer_message_at: If given, also compute ``next_response_due``
            from this customer message.
    """
    targets = policy.targets(priority)
    calendar = policy.calendar
    paused = any(end is None for _, end in pauses)

    def due_from(start: datetime, target: timedelta | None) -> datetime | None:
        if target is None:
            return None
        start = to_utc(start)
        return _due(calendar, start, target, _normalise_pauses(pauses, start))

    next_due = None
    if last_customer_message_at is not None:
        next_due = due_from(last_customer_message_at, targets.next_response)
    return DueTimes(
        first_response_due=due_from(received_at, targets.first_response),
        resolution_due=due_from(received_at, targets.resolution),
        next_response_due=next_due,
        paused=paused,
    )


def remaining_business(calendar: BusinessCalendar, due: datetime, now: datetime) -> timedelta:
    """Business time left until ``due``; negative (business time since due) when overdue."""
    if to_utc(due) >= to_utc(now):
        return calendar.business_time_between(now, due)
    return -calendar.business_time_between(due, now)


def sla_state(
    due: datetime | None,
    now: datetime,
    warn_before: timedelta,
    *,
    met_at: datetime | None = None,
    paused: bool = False,
    calendar: BusinessCalendar | None = None,
) -> SlaState:
    """The state of one target for the inbox.

    - ``met``: ``met_at`` is set (late or not; compare ``met_at`` with ``due``
      for reports);
    - ``paused``: the clock is stopped by an open pause;
    - ``overdue``: ``now`` is at or after ``due``;
    - ``due_soon``: at most ``warn_before`` left, counted in business time when
      ``calendar`` is given (Friday 16:50 is "soon" for Monday 09:30), else in
      elapsed time;
    - ``ok``: otherwise, including when there is no target (``due`` is None).
    """
    if met_at is not None:
        return "met"
    if paused:
        return "paused"
    if due is None:
        return "ok"
    due, now = to_utc(due), to_utc(now)
    if now >= due:
        return "overdue"
    left = calendar.business_time_between(now, due) if calendar is not None else due - now
    return "due_soon" if left <= warn_before else "ok"


def _hours(first: float, resolution: float) -> SlaTargets:
    return SlaTargets(
        first_response=timedelta(hours=first),
        next_response=timedelta(hours=first),
        resolution=timedelta(hours=resolution),
    )


#: Targets of :func:`default_policy`, in business hours (first/next response, resolution).
DEFAULT_TARGETS: Mapping[str, SlaTargets] = MappingProxyType(
    {
        "urgent": _hours(1, 8),
        "high": _hours(2, 16),
        "normal": _hours(4, 24),
        "low": _hours(8, 40),
    }
)


def default_policy(tz: ZoneInfo) -> SlaPolicy:
    """The out-of-the-box policy: Monday-Friday 09:00-17:00 in ``tz``.

    First (and next) response: urgent 1 h, high 2 h, normal 4 h, low 8 h;
    resolution: 8, 16, 24 and 40 h; all in business time.
    """
    calendar = BusinessCalendar(tz, parse_week("mon-fri 09:00-17:00"))
    return SlaPolicy("Standard", calendar, DEFAULT_TARGETS)
