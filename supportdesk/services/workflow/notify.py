"""Notifications for people: breaches, urgent conversations out of hours, escalations.

A notification's id is derived from what it is about, so the same event
noticed on two devices (or twice on one) is one row. Each device shows each
notification once, by its device-local counter ``n``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from supportdesk.models import Conversation, derived_id, ticket_ref, utcnow
from supportdesk.models.workflow import Notification
from supportdesk.store import UnitOfWork

#: Kinds of notification (the UI words them; ``title`` is an English fallback).
BREACH_FIRST = "breach_first_response"
BREACH_NEXT = "breach_next_response"
BREACH_RESOLUTION = "breach_resolution"
URGENT_OUT_OF_HOURS = "urgent_out_of_hours"
ESCALATED = "escalated"
KINDS = (BREACH_FIRST, BREACH_NEXT, BREACH_RESOLUTION, URGENT_OUT_OF_HOURS, ESCALATED)
URGENT_KINDS = frozenset(KINDS[:4])


@dataclass(frozen=True)
class NotificationInfo:
    """A notification as plain values."""

    n: int
    id: str
    agent_id: str | None
    conversation_id: str | None
    ticket: str
    subject: str
    kind: str
    title: str
    body: str
    created_at: datetime
    read_at: datetime | None

    @property
    def urgent(self) -> bool:
        """Breaches and urgent out-of-hours conversations sound; escalations do not."""
        return self.kind in URGENT_KINDS


def notify(
    uow: UnitOfWork,
    *,
    kind: str,
    key: str,
    recipients: Iterable[str | None],
    conversation_id: str | None,
    title: str,
    body: str = "",
    at: datetime | None = None,
) -> list[Notification]:
    """Record a notification for each recipient (None: the whole team), once per ``key``."""
    made: list[Notification] = []
    for agent_id in dict.fromkeys(recipients):
        nid = derived_id("notification", kind, conversation_id or "", key, agent_id or "team")
        if uow.session.scalar(select(Notification.n).where(Notification.id == nid)) is not None:
            continue
        made.append(
            uow.add(
                Notification(
                    id=nid,
                    agent_id=agent_id,
                    conversation_id=conversation_id,
                    kind=kind,
                    title=title[:300],
                    body=body,
                    created_at=at or utcnow(),
                    read_at=None,
                )
            )
        )
    return made


def notifications_for(
    session: Session, agent_id: str | None, after_n: int = 0, limit: int = 50
) -> list[NotificationInfo]:
    """Notifications for an agent (and for the whole team) newer than ``after_n``, oldest first."""
    who: ColumnElement[bool] = Notification.agent_id.is_(None)
    if agent_id:
        who = or_(who, Notification.agent_id == agent_id)
    stmt = (
        select(Notification, Conversation.subject)
        .outerjoin(Conversation, Conversation.id == Notification.conversation_id)
        .where(who, Notification.n > after_n)
        .order_by(Notification.n)
        .limit(limit)
    )
    return [
        NotificationInfo(
            n=row.n,
            id=row.id,
            agent_id=row.agent_id,
            conversation_id=row.conversation_id,
            ticket=ticket_ref(row.conversation_id) if row.conversation_id else "",
            subject=subject or "",
            kind=row.kind,
            title=row.title,
            body=row.body,
            created_at=row.created_at,
            read_at=row.read_at,
        )
        for row, subject in session.execute(stmt).tuples()
    ]


def unread_count(session: Session, agent_id: str | None) -> int:
    """How many notifications for this agent (or the team) are unread."""
    who: ColumnElement[bool] = Notification.agent_id.is_(None)
    if agent_id:
        who = or_(who, Notification.agent_id == agent_id)
    return len(
        list(session.scalars(select(Notification.n).where(who, Notification.read_at.is_(None))))
    )


def mark_read(uow: UnitOfWork, notification_ids: Iterable[str], at: datetime | None = None) -> int:
    """Mark notifications read; returns how many changed."""
    changed = 0
    for nid in notification_ids:
        row = uow.session.scalars(select(Notification).where(Notification.id == nid)).first()
        if row is not None and row.read_at is None:
            uow.update(row, read_at=at or utcnow())
            changed += 1
    return changed


def latest_n(session: Session) -> int:
    """The device-local counter of the newest notification (0 when there is none)."""
    return int(session.scalar(select(func.max(Notification.n))) or 0)
