"""The on-call rota: weekly shifts in the team's zone, plus overrides.

Who is on call at an instant: the newest override covering it, else a weekly
shift covering the team's local wall-clock time (a shift whose end is not
after its start runs overnight into the next day), else nobody.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.models import Agent, new_id, utcnow
from supportdesk.models.workflow import OnCallOverride, OnCallShift
from supportdesk.services.sla import WEEKDAY_NAMES, to_utc
from supportdesk.services.workflow.team import TeamConfig, WorkflowError
from supportdesk.store import UnitOfWork

DAY_MINUTES = 24 * 60
_HHMM = re.compile(r"(\d{1,2}):(\d{2})")


@dataclass(frozen=True)
class ShiftSpec:
    """One weekly shift as the rota editor gives it."""

    agent_id: str
    weekday: int  # 0 = Monday
    start: str  # HH:MM
    end: str  # HH:MM; 24:00 allowed; not after start = overnight


@dataclass(frozen=True)
class ShiftInfo:
    """A stored shift with the agent's name."""

    id: str
    agent_id: str
    agent_name: str
    weekday: int
    start: str
    end: str

    @property
    def overnight(self) -> bool:
        """True when the shift runs past midnight."""
        return minutes_of(self.end) <= minutes_of(self.start)


@dataclass(frozen=True)
class OverrideInfo:
    """A stored override with the agent's name."""

    id: str
    agent_id: str
    agent_name: str
    starts_at: datetime
    ends_at: datetime
    note: str


def minutes_of(hhmm: str) -> int:
    """``"09:30"`` -> 570; ``"24:00"`` -> 1440.

    Raises:
        WorkflowError: not a time of day.
    """
    match = _HHMM.fullmatch(hhmm.strip())
    if not match:
        raise WorkflowError(f"{hhmm!r} is not a time; write it like 08:00 or 24:00")
    h, m = int(match[1]), int(match[2])
    if m > 59 or h > 24 or (h == 24 and m):
        raise WorkflowError(f"{hhmm!r} is not a time of day")
    return h * 60 + m


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_days(text: str) -> list[int]:
    """``"mon-fri"``, ``"sat,sun"``, ``"fri-mon"``, ``"daily"`` -> weekday numbers.

    Raises:
        WorkflowError: an unknown day name.
    """
    spec = re.sub(r"\s+", "", text.lower())
    if spec in ("daily", "all", "*"):
        return list(range(7))

    def index(name: str) -> int:
        for i, short in enumerate(WEEKDAY_NAMES):
            if name == short or (len(name) > 3 and name.startswith(short)):
                return i
        raise WorkflowError(f"unknown day {name!r}; use mon, tue, wed, thu, fri, sat, sun")

    days: list[int] = []
    for part in filter(None, spec.split(",")):
        if "-" in part:
            first, last = (index(p) for p in part.split("-", 1))
            days.extend((first + i) % 7 for i in range((last - first) % 7 + 1))
        else:
            days.append(index(part))
    if not days:
        raise WorkflowError("name at least one day, e.g. mon-fri or sat,sun")
    return list(dict.fromkeys(days))


def shifts_from_text(agent_id: str, days: str, start: str, end: str) -> list[ShiftSpec]:
    """One editor row (``sat-sun``, ``00:00``, ``24:00``) as shifts per weekday."""
    s, e = minutes_of(start), minutes_of(end)
    if s == DAY_MINUTES:
        raise WorkflowError("a shift cannot start at 24:00; use 00:00 of the next day")
    return [ShiftSpec(agent_id, d, _hhmm(s), _hhmm(e)) for d in parse_days(days)]


def _covers(weekday: int, start: int, end: int, local_weekday: int, minute: int) -> bool:
    if end > start:
        return weekday == local_weekday and start <= minute < end
    # Overnight (or a whole 24 h from start when end == start).
    if weekday == local_weekday and minute >= start:
        return True
    return (weekday + 1) % 7 == local_weekday and minute < end


def on_call_at(session: Session, at: datetime, team: TeamConfig) -> str | None:
    """The id of the agent on call at ``at``, or None."""
    utc = to_utc(at)
    override = session.scalars(
        select(OnCallOverride)
        .where(OnCallOverride.starts_at <= utc, OnCallOverride.ends_at > utc)
        .order_by(OnCallOverride.created_at.desc(), OnCallOverride.id.desc())
        .limit(1)
    ).first()
    if override is not None:
        return override.agent_id
    local = utc.astimezone(team.tz)
    minute = local.hour * 60 + local.minute
    shifts = session.scalars(
        select(OnCallShift).order_by(OnCallShift.created_at, OnCallShift.id)
    )
    for s in shifts:
        try:
            start, end = minutes_of(s.start_time), minutes_of(s.end_time)
        except WorkflowError:
            continue
        if _covers(s.weekday, start, end, local.weekday(), minute):
            return s.agent_id
    return None


def _names(session: Session) -> dict[str, str]:
    return {aid: name for aid, name in session.execute(select(Agent.id, Agent.name)).tuples()}


def list_shifts(session: Session) -> list[ShiftInfo]:
    """The weekly rota, Monday first."""
    names = _names(session)
    rows = session.scalars(
        select(OnCallShift).order_by(OnCallShift.weekday, OnCallShift.start_time, OnCallShift.id)
    )
    return [
        ShiftInfo(s.id, s.agent_id, names.get(s.agent_id, ""), s.weekday, s.start_time,
                  s.end_time)
        for s in rows
    ]


def list_overrides(session: Session, after: datetime | None = None) -> list[OverrideInfo]:
    """Overrides (those still to end after ``after``, when given), soonest first."""
    names = _names(session)
    stmt = select(OnCallOverride).order_by(OnCallOverride.starts_at, OnCallOverride.id)
    if after is not None:
        stmt = stmt.where(OnCallOverride.ends_at > to_utc(after))
    return [
        OverrideInfo(o.id, o.agent_id, names.get(o.agent_id, ""), o.starts_at, o.ends_at, o.note)
        for o in session.scalars(stmt)
    ]


def set_shifts(uow: UnitOfWork, shifts: Sequence[ShiftSpec]) -> int:
    """Make the weekly rota exactly ``shifts``; returns how many rows changed.

    Unchanged shifts keep their rows, so editing one line does not rewrite
    the whole rota on every device.
    """
    session = uow.session
    wanted: dict[tuple[str, int, str, str], ShiftSpec] = {}
    for spec in shifts:
        if spec.weekday not in range(7):
            raise WorkflowError("a weekday is 0 (Monday) to 6 (Sunday)")
        if session.get(Agent, spec.agent_id) is None:
            raise WorkflowError("an on-call shift needs a member of the team")
        key = (spec.agent_id, spec.weekday, _hhmm(minutes_of(spec.start)),
               _hhmm(minutes_of(spec.end)))
        wanted[key] = spec
    changed = 0
    for row in list(session.scalars(select(OnCallShift))):
        key = (row.agent_id, row.weekday, row.start_time, row.end_time)
        if key in wanted:
            del wanted[key]
        else:
            uow.delete(row)
            changed += 1
    now = utcnow()
    for agent_id, weekday, start, end in wanted:
        uow.add(OnCallShift(id=new_id(), agent_id=agent_id, weekday=weekday, start_time=start,
                            end_time=end, created_at=now))
        changed += 1
    return changed


def add_override(
    uow: UnitOfWork, agent_id: str, starts_at: datetime, ends_at: datetime, note: str = ""
) -> OnCallOverride:
    """Someone covers from ``starts_at`` to ``ends_at``, whatever the rota says."""
    if to_utc(ends_at) <= to_utc(starts_at):
        raise WorkflowError("an override must end after it starts")
    if uow.session.get(Agent, agent_id) is None:
        raise WorkflowError("an override needs a member of the team")
    return uow.add(OnCallOverride(id=new_id(), agent_id=agent_id, starts_at=starts_at,
                                  ends_at=ends_at, note=note.strip(), created_at=utcnow()))


def remove_override(uow: UnitOfWork, override_id: str) -> None:
    """Delete an override."""
    row = uow.session.get(OnCallOverride, override_id)
    if row is not None:
        uow.delete(row)
