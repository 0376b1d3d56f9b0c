"""Reading SLA state: the inbox countdown, "Due soon" and "Overdue", the queue, honest ETAs.

Everything here reads the tracking rows that :mod:`tracking` keeps; nothing
writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from supportdesk.models import PRIORITY_RANK, Conversation, Priority, Status
from supportdesk.models.workflow import SlaTracking, sla_tracking_id
from supportdesk.services.sla import (
    PRIORITIES,
    Eta,
    SlaState,
    estimate_eta,
    remaining_business,
    sla_state,
    to_utc,
)
from supportdesk.services.workflow.team import (
    PolicyInfo,
    TeamConfig,
    active_agent_count,
    load_team,
    policy_by_id,
)
from supportdesk.services.workflow.tracking import pauses_from_json

ZERO = timedelta(0)

#: Inbox view kinds this module filters.
DUE_SOON = "due_soon"
OVERDUE = "overdue"



#: countdowns longer than this many hours read as days
DAYS_AFTER_H = 72


@dataclass(frozen=True)
class DueInfo:
    """A conversation's SLA at a glance: state, the next due time and how much is left.

    ``remaining`` is business time (negative: how long overdue); ``target``
    is ``first_response``, ``next_response`` or ``resolution``.
    """

    state: SlaState
    target: str | None = None
    due_at: datetime | None = None
    remaining: timedelta | None = None
    policy_name: str = ""

    @property
    def countdown(self) -> str:
        """``2 h 15 min``, ``-35 min`` (overdue), ``30 h`` (business hours), ``-648 days``
        (over ``DAYS_AFTER_H`` hours), or ``""``."""
        if self.remaining is None:
            return ""
        minutes = int(self.remaining / timedelta(minutes=1))
        sign = "-" if self.remaining < ZERO else ""
        hours, rest = divmod(abs(minutes), 60)
        if hours > DAYS_AFTER_H:  # "-648 days": hours that long are hard to read
            days = hours // 24
            return f"{sign}{days} day" if days == 1 else f"{sign}{days} days"
        if hours >= 24:
            return f"{sign}{hours} h"
        if hours:
            return f"{sign}{hours} h {rest} min"
        return f"{sign}{rest} min"


NO_SLA = DueInfo("ok")


def _target_of(tr: SlaTracking) -> str | None:
    due = tr.next_due_at
    for name, value in (
        ("first_response", tr.first_response_due if tr.first_response_at is None else None),
        ("next_response", tr.next_response_due),
        ("resolution", tr.resolution_due if tr.resolved_at is None else None),
    ):
        if value is not None and due is not None and to_utc(value) == to_utc(due):
            return name
    return None


def due_states(
    session: Session, conversation_ids: Sequence[str], now: datetime,
    team: TeamConfig | None = None,
) -> dict[str, DueInfo]:
    """:class:`DueInfo` for each conversation (``NO_SLA`` when it has no tracking)."""
    team = team or load_team(session)
    policies: dict[str | None, PolicyInfo] = {}
    out = dict.fromkeys(conversation_ids, NO_SLA)
    ids = list(out)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = session.execute(
            select(SlaTracking, Conversation.status)
            .join(Conversation, Conversation.id == SlaTracking.conversation_id)
            .where(SlaTracking.conversation_id.in_(chunk))
        ).tuples()
        for tr, status in rows:
            if tr.policy_id not in policies:
                policies[tr.policy_id] = policy_by_id(session, tr.policy_id, team)
            policy = policies[tr.policy_id]
            out[tr.conversation_id] = _due_info(tr, status, policy, now, team)
    return out


def _due_info(
    tr: SlaTracking, status: str, policy: PolicyInfo, now: datetime, team: TeamConfig
) -> DueInfo:
    paused = bool(tr.pauses) and tr.pauses[-1][1] is None
    if status == Status.SOLVED:
        return DueInfo("met", policy_name=policy.name)
    if tr.next_due_at is None:
        return DueInfo("paused" if paused else "met", policy_name=policy.name)
    calendar = policy.calendar
    state = sla_state(tr.next_due_at, now, team.warn_before, calendar=calendar)
    return DueInfo(
        state,
        _target_of(tr),
        tr.next_due_at.astimezone(team.tz),
        remaining_business(calendar, tr.next_due_at, now),
        policy.name,
    )


def due_state(
    session: Session, conversation_id: str, now: datetime, team: TeamConfig | None = None
) -> DueInfo:
    """One conversation's :class:`DueInfo`."""
    return due_states(session, [conversation_id], now, team)[conversation_id]


def due_view_conditions(kind: str, now: datetime) -> list[ColumnElement[bool]]:
    """SQL conditions on ``Conversation`` for the "Due soon" and "Overdue" views.

    For ``services/inbox.py``'s ``_view_filter``: ``ViewKey("due_soon")`` and
    ``ViewKey("overdue")``. Open and pending conversations only; a breach
    stays visible while pending (the clock cannot hide it).
    """
    utc = to_utc(now)
    t = SlaTracking
    if kind == OVERDUE:
        cond = t.next_due_at <= utc
    elif kind == DUE_SOON:
        cond = (t.next_due_at > utc) & (t.warn_at <= utc)
    else:
        raise ValueError(f"unknown SLA view {kind!r}")
    # Start from the due-time index and check few conversations, rather than
    # scanning every unsolved conversation for a tracking row.
    tracked = select(t.conversation_id).where(cond)
    return [
        Conversation.status.in_((Status.OPEN, Status.PENDING)),
        Conversation.id.in_(tracked),
    ]


def due_view_ids(session: Session, kind: str, now: datetime, limit: int = 500) -> list[str]:
    """The ids in a due view, the most urgent first."""
    stmt = (
        select(Conversation.id)
        .join(SlaTracking, SlaTracking.conversation_id == Conversation.id)
        .where(*due_view_conditions(kind, now))
        .order_by(SlaTracking.next_due_at, Conversation.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def due_view_count(session: Session, kind: str, now: datetime) -> int:
    """How many conversations a due view holds."""
    utc = to_utc(now)
    t = SlaTracking
    cond = t.next_due_at <= utc if kind == OVERDUE else (t.next_due_at > utc) & (t.warn_at <= utc)
    # From the due-time index to the few conversations it names.
    stmt = (
        select(func.count())
        .select_from(t)
        .join(Conversation, Conversation.id == t.conversation_id)
        .where(cond, Conversation.status.in_((Status.OPEN, Status.PENDING)))
    )
    return int(session.scalar(stmt) or 0)


def queue_before(
    session: Session,
    priority: str,
    received_at: datetime,
    *,
    mailbox: str | None = None,
    exclude: str | None = None,
) -> int:
    """Open conversations still waiting for a first answer that came in before ``received_at``.

    Counts the same priority or higher (those are answered first), and only
    the given mailbox when one is given.
    """
    rank = PRIORITY_RANK[Priority(priority)] if priority in PRIORITIES else 1
    higher = [p for p in PRIORITIES if PRIORITY_RANK[Priority(p)] >= rank]
    t = SlaTracking
    stmt = (
        select(func.count())
        .select_from(t)
        .join(Conversation, Conversation.id == t.conversation_id)
        .where(
            Conversation.status == Status.OPEN,
            t.first_response_at.is_(None),
            t.received_at < to_utc(received_at),
            Conversation.priority.in_(higher),
        )
    )
    if exclude is not None:
        stmt = stmt.where(t.conversation_id != exclude)
    if mailbox:
        stmt = stmt.where(t.mailbox == mailbox)
    return int(session.scalar(stmt) or 0)


def queue_ahead(session: Session, conversation_id: str) -> int:
    """The queue ahead of a conversation: :func:`queue_before` its arrival, same mailbox."""
    tr = session.get(SlaTracking, sla_tracking_id(conversation_id))
    if tr is None or tr.received_at is None:
        return 0
    return queue_before(session, tr.priority, tr.received_at, mailbox=tr.mailbox,
                        exclude=conversation_id)


def eta_for(
    session: Session, conversation_id: str, now: datetime, team: TeamConfig | None = None
) -> Eta | None:
    """The honest first-answer promise for a conversation (None without tracking)."""
    team = team or load_team(session)
    tr = session.get(SlaTracking, sla_tracking_id(conversation_id))
    if tr is None or tr.received_at is None:
        return None
    policy = policy_by_id(session, tr.policy_id, team)
    agents = team.eta_agents or active_agent_count(session)
    return estimate_eta(
        policy.policy,
        tr.priority if tr.priority in PRIORITIES else Priority.NORMAL,
        tr.received_at,
        now,
        queue_ahead(session, conversation_id),
        team.handling_minutes,
        agents,
        pauses=pauses_from_json(tr.pauses),
    )


@dataclass(frozen=True)
class SlaSummary:
    """Everything the conversation's SLA panel shows."""

    policy_name: str
    priority: str
    received_at: datetime | None
    first_response_due: datetime | None
    first_response_at: datetime | None
    next_response_due: datetime | None
    resolution_due: datetime | None
    resolved_at: datetime | None
    paused: bool
    ack_sent_at: datetime | None
    ack_eta: datetime | None
    due: DueInfo


def sla_summary(
    session: Session, conversation_id: str, now: datetime, team: TeamConfig | None = None
) -> SlaSummary | None:
    """The SLA panel of a conversation, times in the team's zone; None without tracking."""
    team = team or load_team(session)
    tr = session.get(SlaTracking, sla_tracking_id(conversation_id))
    if tr is None:
        return None

    def local(value: datetime | None) -> datetime | None:
        return None if value is None else value.astimezone(team.tz)

    return SlaSummary(
        policy_name=tr.policy_name,
        priority=tr.priority,
        received_at=local(tr.received_at),
        first_response_due=local(tr.first_response_due),
        first_response_at=local(tr.first_response_at),
        next_response_due=local(tr.next_response_due),
        resolution_due=local(tr.resolution_due),
        resolved_at=local(tr.resolved_at),
        paused=bool(tr.pauses) and tr.pauses[-1][1] is None,
        ack_sent_at=local(tr.ack_sent_at),
        ack_eta=local(tr.ack_eta),
        due=due_state(session, conversation_id, now, team),
    )
