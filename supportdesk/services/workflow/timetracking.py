"""Time: a stopwatch per conversation and agent, and time entries (work or vendor support).

A timer's whole state (start, pauses, stop) is in its row, so it keeps
running while the app is closed and across restarts. Starting a timer pauses
the agent's other running timers. Stopping one makes a time entry; a
billable entry draws on the customer's contract.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from supportdesk.models import Agent, Conversation, new_id, utcnow
from supportdesk.models.workflow import TimeEntry, TimeEntryKind, Timer
from supportdesk.services.sla import Pause, to_utc
from supportdesk.services.workflow.contracts import charge_time_entry
from supportdesk.services.workflow.team import TeamConfig, WorkflowError, load_team
from supportdesk.services.workflow.tracking import pauses_from_json, pauses_to_json
from supportdesk.store import UnitOfWork

ZERO = timedelta(0)
MAX_ENTRY_MINUTES = 24 * 60


@dataclass(frozen=True)
class TimerInfo:
    """A timer as plain values; elapsed time is computed for a given now."""

    id: str
    conversation_id: str
    agent_id: str | None
    started_at: datetime
    pauses: tuple[Pause, ...]
    stopped_at: datetime | None

    @property
    def paused(self) -> bool:
        """True while the last pause is open."""
        return bool(self.pauses) and self.pauses[-1][1] is None

    @property
    def running(self) -> bool:
        """Counting now: not stopped and not paused."""
        return self.stopped_at is None and not self.paused

    def elapsed(self, now: datetime) -> timedelta:
        """Time counted up to ``now`` (pauses left out)."""
        end = to_utc(self.stopped_at or now)
        total = end - to_utc(self.started_at)
        for start, stop in self.pauses:
            total -= max(ZERO, min(end, to_utc(stop or end)) - to_utc(start))
        return max(ZERO, total)

    def needs_warning(self, now: datetime, threshold: timedelta) -> bool:
        """True when the timer has counted ``threshold`` or more and is still running."""
        return self.running and self.elapsed(now) >= threshold


def _info(t: Timer) -> TimerInfo:
    return TimerInfo(t.id, t.conversation_id, t.agent_id, t.started_at,
                     tuple(pauses_from_json(t.pauses)), t.stopped_at)


def active_timer(session: Session, conversation_id: str, agent_id: str | None) -> TimerInfo | None:
    """The agent's unstopped timer on a conversation."""
    mine = Timer.agent_id.is_(None) if agent_id is None else Timer.agent_id == agent_id
    row = session.scalars(
        select(Timer)
        .where(Timer.conversation_id == conversation_id, mine, Timer.stopped_at.is_(None))
        .order_by(Timer.started_at.desc())
        .limit(1)
    ).first()
    return None if row is None else _info(row)


def open_timers(session: Session, agent_id: str | None) -> list[TimerInfo]:
    """Every unstopped timer of an agent (running or paused), oldest first."""
    cond = Timer.agent_id.is_(None) if agent_id is None else Timer.agent_id == agent_id
    rows = session.scalars(
        select(Timer).where(cond, Timer.stopped_at.is_(None)).order_by(Timer.started_at)
    )
    return [_info(t) for t in rows]


def _timer(uow: UnitOfWork, timer_id: str) -> Timer:
    row = uow.session.get(Timer, timer_id)
    if row is None:
        raise WorkflowError("That timer no longer exists on this device.")
    if row.stopped_at is not None:
        raise WorkflowError("That timer has already been stopped.")
    return row


def _pause(uow: UnitOfWork, row: Timer, at: datetime) -> None:
    pauses = pauses_from_json(row.pauses)
    if pauses and pauses[-1][1] is None:
        return
    uow.update(row, pauses=pauses_to_json([*pauses, (to_utc(at), None)]))


def _resume(uow: UnitOfWork, row: Timer, at: datetime) -> None:
    pauses = pauses_from_json(row.pauses)
    if not pauses or pauses[-1][1] is not None:
        return
    start = pauses[-1][0]
    pauses[-1] = (start, max(start, to_utc(at)))
    uow.update(row, pauses=pauses_to_json(pauses))


def start_timer(uow: UnitOfWork, conversation_id: str, now: datetime | None = None) -> Timer:
    """Start (or resume) the agent's timer on a conversation; others of theirs pause."""
    at = to_utc(now or utcnow())
    session = uow.session
    if session.scalar(select(Conversation.id).where(Conversation.id == conversation_id)) is None:
        raise WorkflowError("That conversation no longer exists on this device.")
    agent = uow.agent_id
    for other in open_timers(session, agent):
        if other.conversation_id != conversation_id and other.running:
            _pause(uow, _timer(uow, other.id), at)
    current = active_timer(session, conversation_id, agent)
    if current is not None:
        row = _timer(uow, current.id)
        _resume(uow, row, at)
        return row
    return uow.add(Timer(id=new_id(), conversation_id=conversation_id, agent_id=agent,
                         started_at=at, pauses=[], stopped_at=None, time_entry_id=None))


def pause_timer(uow: UnitOfWork, timer_id: str, now: datetime | None = None) -> None:
    """Pause a running timer."""
    _pause(uow, _timer(uow, timer_id), to_utc(now or utcnow()))


def resume_timer(uow: UnitOfWork, timer_id: str, now: datetime | None = None) -> None:
    """Resume a paused timer."""
    _resume(uow, _timer(uow, timer_id), to_utc(now or utcnow()))


def timer_minutes(info: TimerInfo, now: datetime) -> int:
    """Whole minutes a timer counted, rounded up, at least one."""
    return max(1, math.ceil(info.elapsed(now) / timedelta(minutes=1)))


def stop_timer(
    uow: UnitOfWork,
    timer_id: str,
    now: datetime | None = None,
    *,
    minutes: int | None = None,
    billable: bool = True,
    note: str = "",
    kind: str = TimeEntryKind.WORK,
    vendor_name: str | None = None,
    vendor_case: str | None = None,
    phone_minutes: int = 0,
) -> TimeEntry:
    """Stop a timer and record its time (``minutes`` overrides what it counted)."""
    at = to_utc(now or utcnow())
    row = _timer(uow, timer_id)
    _resume(uow, row, at)
    counted = timer_minutes(_info(row), at)
    entry = log_time(
        uow, row.conversation_id, minutes or counted, billable=billable, note=note, kind=kind,
        vendor_name=vendor_name, vendor_case=vendor_case, phone_minutes=phone_minutes,
        started_at=row.started_at, now=at,
    )
    uow.update(row, stopped_at=at, time_entry_id=entry.id)
    return entry


def discard_timer(uow: UnitOfWork, timer_id: str, now: datetime | None = None) -> None:
    """Stop a timer without recording any time."""
    uow.update(_timer(uow, timer_id), stopped_at=to_utc(now or utcnow()))


def log_time(
    uow: UnitOfWork,
    conversation_id: str,
    minutes: int,
    *,
    billable: bool = True,
    note: str = "",
    kind: str = TimeEntryKind.WORK,
    vendor_name: str | None = None,
    vendor_case: str | None = None,
    phone_minutes: int = 0,
    started_at: datetime | None = None,
    now: datetime | None = None,
    team: TeamConfig | None = None,
) -> TimeEntry:
    """Record time spent on a conversation; vendor support names the vendor and case.

    A billable entry draws on the contract in force (see
    ``contracts.charge_time_entry``); the entry shows in the conversation's
    history.

    Raises:
        WorkflowError: a bad amount, a vendor entry without a vendor.
    """
    at = to_utc(now or utcnow())
    if kind not in set(TimeEntryKind):
        raise WorkflowError(f"Unknown kind of time entry {kind!r}.")
    if not 0 < minutes <= MAX_ENTRY_MINUTES:
        raise WorkflowError("A time entry is between 1 minute and 24 hours.")
    if not 0 <= phone_minutes <= minutes:
        raise WorkflowError("Time on the phone is part of the entry's minutes.")
    vendor = (vendor_name or "").strip() or None
    case = (vendor_case or "").strip() or None
    if kind == TimeEntryKind.VENDOR and vendor is None:
        raise WorkflowError("Name the vendor whose support was contacted.")
    if kind == TimeEntryKind.WORK:
        vendor = case = None
        phone_minutes = 0
    session = uow.session
    if session.scalar(select(Conversation.id).where(Conversation.id == conversation_id)) is None:
        raise WorkflowError("That conversation no longer exists on this device.")
    entry = uow.add(
        TimeEntry(
            id=new_id(),
            conversation_id=conversation_id,
            agent_id=uow.agent_id,
            kind=str(kind),
            minutes=minutes,
            billable=billable,
            note=note.strip(),
            vendor_name=vendor,
            vendor_case=case,
            phone_minutes=phone_minutes,
            started_at=None if started_at is None else to_utc(started_at),
            created_at=at,
        )
    )
    charge_time_entry(uow, entry, team or load_team(session))
    detail: dict[str, object] = {"minutes": minutes, "billable": billable}
    if kind == TimeEntryKind.VENDOR:
        detail.update(vendor=vendor, case=case, phone_minutes=phone_minutes)
    if entry.note:
        detail["note"] = entry.note
    uow.log_activity(conversation_id,
                     "vendor_support" if kind == TimeEntryKind.VENDOR else "time_logged", **detail)
    return entry


@dataclass(frozen=True)
class TimeEntryInfo:
    """A time entry with the agent's name."""

    id: str
    conversation_id: str
    agent_name: str
    kind: str
    minutes: int
    billable: bool
    note: str
    vendor_name: str | None
    vendor_case: str | None
    phone_minutes: int
    created_at: datetime


def time_entries(session: Session, conversation_id: str) -> list[TimeEntryInfo]:
    """A conversation's time entries, oldest first."""
    stmt = (
        select(TimeEntry, Agent.name)
        .outerjoin(Agent, Agent.id == TimeEntry.agent_id)
        .where(TimeEntry.conversation_id == conversation_id)
        .order_by(TimeEntry.created_at, TimeEntry.id)
    )
    return [
        TimeEntryInfo(e.id, e.conversation_id, name or "", e.kind, e.minutes, e.billable, e.note,
                      e.vendor_name, e.vendor_case, e.phone_minutes, e.created_at)
        for e, name in session.execute(stmt).tuples()
    ]


def total_minutes(session: Session, conversation_id: str) -> int:
    """All time logged on a conversation."""
    stmt = select(func.coalesce(func.sum(TimeEntry.minutes), 0)).where(
        TimeEntry.conversation_id == conversation_id
    )
    return int(session.scalar(stmt) or 0)

