"""The team's clock: time zone, business week, holidays, SLA policies.

Everything is read from synced rows; a profile without them gets the
defaults of issue 6: Monday to Friday 09:00-17:00 in the team's zone (given
by the caller: the profile's ``team_timezone`` setting or this computer's
zone) and ``DEFAULT_TARGETS``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.models import Agent, derived_id, new_id, utcnow
from supportdesk.models.workflow import TEAM_SETTINGS_ID, SlaPolicyRow, TeamSettings
from supportdesk.services import zones
from supportdesk.services.sla import (
    DEFAULT_TARGETS,
    PRIORITIES,
    BusinessCalendar,
    SlaPolicy,
    SlaTargets,
    format_week,
    parse_week,
)
from supportdesk.store import UnitOfWork

#: The id of the team's default SLA policy row (the same on every device).
DEFAULT_POLICY_ID = derived_id("sla_policy", "default")
DEFAULT_WEEK_TEXT = "mon-fri 09:00-17:00"
BUILT_IN_POLICY_NAME = "Standard"


class WorkflowError(ValueError):
    """A workflow request that cannot be carried out; the message says why."""


# -- zones ---------------------------------------------------------------------------


def zone_named(name: str) -> ZoneInfo:
    """The IANA zone of that name (case-insensitive).

    Raises:
        WorkflowError: with a sentence a person can act on.
    """
    try:
        return zones.zone_named(name)
    except zones.UnknownZoneError as exc:
        raise WorkflowError(str(exc)) from exc


def local_zone() -> ZoneInfo:
    """This computer's IANA zone ($TZ, /etc/timezone, /etc/localtime), else UTC."""
    zone = zones.local_zone()
    return zone if isinstance(zone, ZoneInfo) else ZoneInfo("UTC")


def fallback_zone(setting: str) -> ZoneInfo:
    """The zone used before the team stored one: the profile setting, else this computer's."""
    if setting.strip():
        return zone_named(setting)
    return local_zone()


# -- the team ------------------------------------------------------------------------


@dataclass(frozen=True)
class TeamConfig:
    """The team's calendar and workflow knobs, as plain values."""

    team_name: str
    tz: ZoneInfo
    calendar: BusinessCalendar
    warn_before: timedelta
    handling_minutes: int
    eta_agents: int
    timer_warn: timedelta
    stored: bool

    @property
    def week_text(self) -> str:
        """The week as ``parse_week`` reads it."""
        return format_week(self.calendar.week)

    def today(self, now: datetime) -> date:
        """The team's local date at ``now``."""
        return now.astimezone(self.tz).date()


def _calendar(tz: ZoneInfo, week: Mapping[str, Any], holidays: Iterable[str]) -> BusinessCalendar:
    return BusinessCalendar.from_dict(
        {"version": 1, "tz": tz.key, "week": dict(week), "holidays": list(holidays)}
    )


def week_dict(text: str) -> dict[str, Any]:
    """``"mon-fri 09:00-17:00"`` as the JSON stored in ``team_settings.week``.

    Raises:
        WorkflowError: the text cannot be read, or has no open hours.
    """
    try:
        week = parse_week(text)
        calendar = BusinessCalendar(ZoneInfo("UTC"), week)
    except ValueError as exc:
        raise WorkflowError(str(exc)) from exc
    data: dict[str, Any] = calendar.to_dict()["week"]
    return data


def parse_holidays(lines: Iterable[str]) -> list[str]:
    """ISO dates, one per item (blank items and ``# notes`` ignored), sorted and unique.

    Raises:
        WorkflowError: an item is not a date like 2026-12-25.
    """
    out: set[str] = set()
    for raw in lines:
        text = raw.split("#", 1)[0].strip()
        if not text:
            continue
        try:
            out.add(date.fromisoformat(text).isoformat())
        except ValueError:
            raise WorkflowError(f"{text!r} is not a date; write holidays like 2026-12-25") from None
    return sorted(out)


def default_team(tz: ZoneInfo | None = None) -> TeamConfig:
    """The configuration of a team that stored none: Monday-Friday 09:00-17:00 in ``tz``."""
    tz = tz or local_zone()
    return TeamConfig(
        team_name="",
        tz=tz,
        calendar=BusinessCalendar(tz, parse_week(DEFAULT_WEEK_TEXT)),
        warn_before=timedelta(minutes=60),
        handling_minutes=20,
        eta_agents=0,
        timer_warn=timedelta(hours=4),
        stored=False,
    )


def load_team(session: Session, fallback_tz: ZoneInfo | None = None) -> TeamConfig:
    """The team's configuration; :func:`default_team` when none is stored yet."""
    row = session.get(TeamSettings, TEAM_SETTINGS_ID)
    if row is None:
        return default_team(fallback_tz)
    try:
        tz = zone_named(row.timezone)
        calendar = _calendar(tz, row.week, row.holidays or [])
    except ValueError:
        # A row from a newer or damaged device: keep working on the defaults.
        tz = fallback_tz or local_zone()
        calendar = BusinessCalendar(tz, parse_week(DEFAULT_WEEK_TEXT))
    return TeamConfig(
        team_name=row.team_name,
        tz=tz,
        calendar=calendar,
        warn_before=timedelta(minutes=max(0, row.warn_before_minutes)),
        handling_minutes=max(0, row.handling_minutes),
        eta_agents=max(0, row.eta_agents),
        timer_warn=timedelta(hours=max(1, row.timer_warn_hours)),
        stored=True,
    )


def save_team(
    uow: UnitOfWork,
    *,
    timezone: str,
    week_text: str,
    holidays: Iterable[str] = (),
    team_name: str | None = None,
    warn_before_minutes: int | None = None,
    handling_minutes: int | None = None,
    eta_agents: int | None = None,
    timer_warn_hours: int | None = None,
) -> TeamSettings:
    """Store the team's zone, week and holidays (and any knobs given).

    Raises:
        WorkflowError: an unknown zone, an unreadable week or holiday.
    """
    tz = zone_named(timezone)
    values: dict[str, Any] = {
        "timezone": tz.key,
        "week": week_dict(week_text),
        "holidays": parse_holidays(holidays),
    }
    knobs = {
        "team_name": team_name,
        "warn_before_minutes": warn_before_minutes,
        "handling_minutes": handling_minutes,
        "eta_agents": eta_agents,
        "timer_warn_hours": timer_warn_hours,
    }
    for key, value in knobs.items():
        if value is None:
            continue
        if isinstance(value, int) and value < 0:
            raise WorkflowError(f"{key.replace('_', ' ')} cannot be negative")
        values[key] = value.strip() if isinstance(value, str) else value
    row = uow.session.get(TeamSettings, TEAM_SETTINGS_ID)
    if row is None:
        row = TeamSettings(
            id=TEAM_SETTINGS_ID,
            team_name=values.pop("team_name", ""),
            warn_before_minutes=values.pop("warn_before_minutes", 60),
            handling_minutes=values.pop("handling_minutes", 20),
            eta_agents=values.pop("eta_agents", 0),
            timer_warn_hours=values.pop("timer_warn_hours", 4),
            updated_at=utcnow(),
            **values,
        )
        return uow.add(row)
    if uow.update(row, **values):
        uow.update(row, updated_at=utcnow())
    return row


def pin_team(uow: UnitOfWork, fallback_tz: ZoneInfo | None = None) -> bool:
    """Store the defaults as the team's settings when none are stored yet.

    Until then each device falls back to its own zone; something that makes a
    promise to customers (automatic acknowledgement) pins them first, so the
    ETA sent and ``sla preview`` agree on every device. Returns whether a row
    was made.
    """
    if uow.session.get(TeamSettings, TEAM_SETTINGS_ID) is not None:
        return False
    team = default_team(fallback_tz)
    save_team(uow, timezone=team.tz.key, week_text=team.week_text)
    return True


def active_agent_count(session: Session) -> int:
    """How many team members are active."""
    return len(list(session.scalars(select(Agent.id).where(Agent.active.is_(True)))))


# -- policies ------------------------------------------------------------------------


@dataclass(frozen=True)
class PolicyInfo:
    """An SLA policy ready for arithmetic; ``id`` None is the built-in default."""

    id: str | None
    name: str
    is_default: bool
    policy: SlaPolicy
    own_week: bool

    @property
    def calendar(self) -> BusinessCalendar:
        """The calendar the policy counts business time in."""
        return self.policy.calendar


def targets_from_json(data: Mapping[str, Any]) -> dict[str, SlaTargets]:
    """Targets per priority from stored JSON; a missing priority gets the default."""
    out: dict[str, SlaTargets] = {}
    for priority in PRIORITIES:
        raw = data.get(priority)
        out[priority] = (
            SlaTargets.from_dict(raw) if isinstance(raw, Mapping) else DEFAULT_TARGETS[priority]
        )
    return out


def targets_to_json(targets: Mapping[str, SlaTargets]) -> dict[str, Any]:
    """Targets per priority as stored."""
    return {p: targets[p].to_dict() for p in PRIORITIES if p in targets}


def policy_from_row(row: SlaPolicyRow, team: TeamConfig) -> PolicyInfo:
    """A stored policy on the team's calendar (or its own week)."""
    calendar = team.calendar
    if row.week:
        holidays = [d.isoformat() for d in team.calendar.holidays] if row.use_holidays else []
        calendar = _calendar(team.tz, row.week, holidays)
    policy = SlaPolicy(row.name, calendar, targets_from_json(row.targets or {}))
    return PolicyInfo(row.id, row.name, row.is_default, policy, bool(row.week))


def built_in_policy(team: TeamConfig) -> PolicyInfo:
    """The default policy when none is stored: the team's calendar and ``DEFAULT_TARGETS``."""
    policy = SlaPolicy(BUILT_IN_POLICY_NAME, team.calendar, DEFAULT_TARGETS)
    return PolicyInfo(None, BUILT_IN_POLICY_NAME, True, policy, False)


def default_policy_info(session: Session, team: TeamConfig) -> PolicyInfo:
    """The team's default policy: the stored default row, else the built-in one."""
    row = session.get(SlaPolicyRow, DEFAULT_POLICY_ID)
    if row is None or not row.active:
        row = session.scalars(
            select(SlaPolicyRow)
            .where(SlaPolicyRow.is_default.is_(True), SlaPolicyRow.active.is_(True))
            .order_by(SlaPolicyRow.updated_at.desc(), SlaPolicyRow.id)
            .limit(1)
        ).first()
    return built_in_policy(team) if row is None else policy_from_row(row, team)


def policy_by_id(session: Session, policy_id: str | None, team: TeamConfig) -> PolicyInfo:
    """A policy by id; the default one when the id is None, unknown or inactive."""
    if policy_id is not None:
        row = session.get(SlaPolicyRow, policy_id)
        if row is not None and row.active:
            return policy_from_row(row, team)
    return default_policy_info(session, team)


def list_policies(session: Session, team: TeamConfig) -> list[PolicyInfo]:
    """Every active stored policy, the default first."""
    rows = session.scalars(
        select(SlaPolicyRow)
        .where(SlaPolicyRow.active.is_(True))
        .order_by(SlaPolicyRow.is_default.desc(), SlaPolicyRow.name)
    )
    return [policy_from_row(r, team) for r in rows]


def save_policy(
    uow: UnitOfWork,
    *,
    name: str,
    targets: Mapping[str, SlaTargets],
    policy_id: str | None = None,
    week_text: str | None = None,
    use_holidays: bool = True,
    is_default: bool = False,
) -> SlaPolicyRow:
    """Create or change a policy. ``is_default`` writes the team's default policy row.

    Raises:
        WorkflowError: no name, a missing priority or an unreadable week.
    """
    name = name.strip()
    if not name:
        raise WorkflowError("A policy needs a name.")
    missing = [p for p in PRIORITIES if p not in targets]
    if missing:
        raise WorkflowError(f"Targets missing for {', '.join(missing)}.")
    week = week_dict(week_text) if week_text and week_text.strip() else None
    values: dict[str, Any] = {
        "name": name,
        "targets": targets_to_json(targets),
        "week": week,
        "use_holidays": use_holidays,
        "is_default": is_default,
        "active": True,
    }
    row_id = DEFAULT_POLICY_ID if is_default else policy_id
    row = uow.session.get(SlaPolicyRow, row_id) if row_id else None
    now = utcnow()
    if row is None:
        return uow.add(
            SlaPolicyRow(id=row_id or new_id(), created_at=now, updated_at=now, **values)
        )
    if uow.update(row, **values):
        uow.update(row, updated_at=now)
    return row
