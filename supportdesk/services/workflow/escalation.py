"""Escalation: hand a conversation to an expert or a tier, saying why and what was tried.

Escalating to a named expert assigns the conversation to them (and tells
them); de-escalating resolves the open escalation and gives the
conversation back to whoever had it. Both need a reason, and both appear in
the conversation's history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.models import Agent, Conversation, new_id, ticket_ref, utcnow
from supportdesk.models.workflow import Escalation
from supportdesk.services import actions
from supportdesk.services.workflow import notify as notes
from supportdesk.services.workflow.team import WorkflowError
from supportdesk.store import UnitOfWork

#: Tiers offered by the escalate dialog (any text is accepted).
TIERS = ("Tier 2", "Tier 3", "Engineering", "Billing")


@dataclass(frozen=True)
class EscalationInfo:
    """An escalation with names, for the expert who picks it up."""

    id: str
    conversation_id: str
    from_agent_id: str | None
    from_name: str
    to_agent_id: str | None
    to_name: str
    to_tier: str | None
    reason: str
    tried: str
    created_by_name: str
    created_at: datetime
    resolved_at: datetime | None
    resolve_reason: str | None

    @property
    def target(self) -> str:
        """Who or what it went to: ``Дмитрий Соколов (Tier 3)``."""
        parts = [p for p in (self.to_name, f"({self.to_tier})" if self.to_tier else "") if p]
        if not self.to_name and self.to_tier:
            return self.to_tier
        return " ".join(parts)


def _conversation(uow: UnitOfWork, conversation_id: str) -> Conversation:
    conv = uow.session.scalars(
        select(Conversation).where(Conversation.id == conversation_id)
    ).first()
    if conv is None:
        raise WorkflowError("That conversation no longer exists on this device.")
    return conv


def escalate(
    uow: UnitOfWork,
    conversation_id: str,
    *,
    reason: str,
    tried: str = "",
    to_agent_id: str | None = None,
    to_tier: str | None = None,
    now: datetime | None = None,
) -> Escalation:
    """Escalate to an expert, a tier, or an expert within a tier.

    Raises:
        WorkflowError: no reason, no target, an unknown or inactive expert.
    """
    reason, tried, tier = reason.strip(), tried.strip(), (to_tier or "").strip() or None
    if not reason:
        raise WorkflowError("Say why the conversation is escalated.")
    if to_agent_id is None and tier is None:
        raise WorkflowError("Choose an expert or a tier to escalate to.")
    conv = _conversation(uow, conversation_id)
    if to_agent_id is not None:
        expert = uow.session.get(Agent, to_agent_id)
        if expert is None or not expert.active:
            raise WorkflowError("That expert is not an active member of the team.")
    at = now or utcnow()
    row = uow.add(
        Escalation(
            id=new_id(),
            conversation_id=conversation_id,
            from_agent_id=conv.assignee_id,
            to_agent_id=to_agent_id,
            to_tier=tier,
            reason=reason,
            tried=tried,
            created_by=uow.agent_id,
            created_at=at,
            resolved_at=None,
            resolved_by=None,
            resolve_reason=None,
        )
    )
    uow.log_activity(conversation_id, "escalated", to_agent_id=to_agent_id, to_tier=tier,
                     reason=reason, tried=tried)
    if to_agent_id is not None:
        if conv.assignee_id != to_agent_id:
            actions.assign(uow, conversation_id, to_agent_id)
        notes.notify(
            uow,
            kind=notes.ESCALATED,
            key=row.id,
            recipients=[to_agent_id],
            conversation_id=conversation_id,
            title=f"Escalated to you: {ticket_ref(conversation_id)} {conv.subject}",
            body=f"Why: {reason}" + (f"\nTried: {tried}" if tried else ""),
            at=at,
        )
    return row


def de_escalate(
    uow: UnitOfWork, conversation_id: str, *, reason: str, now: datetime | None = None
) -> Escalation:
    """Close the open escalation and hand the conversation back.

    Raises:
        WorkflowError: no reason, or nothing is escalated.
    """
    reason = reason.strip()
    if not reason:
        raise WorkflowError("Say why the conversation goes back.")
    conv = _conversation(uow, conversation_id)
    row = uow.session.scalars(
        select(Escalation)
        .where(Escalation.conversation_id == conversation_id, Escalation.resolved_at.is_(None))
        .order_by(Escalation.created_at.desc(), Escalation.id.desc())
        .limit(1)
    ).first()
    if row is None:
        raise WorkflowError("This conversation is not escalated.")
    uow.update(row, resolved_at=now or utcnow(), resolved_by=uow.agent_id, resolve_reason=reason)
    uow.log_activity(conversation_id, "de_escalated", reason=reason,
                     back_to_agent_id=row.from_agent_id)
    if row.to_agent_id is not None and conv.assignee_id == row.to_agent_id:
        actions.assign(uow, conversation_id, row.from_agent_id)
    return row


def escalations_of(session: Session, conversation_id: str) -> list[EscalationInfo]:
    """A conversation's escalations, oldest first."""
    names = {aid: n for aid, n in session.execute(select(Agent.id, Agent.name)).tuples()}

    def name(agent_id: str | None) -> str:
        return names.get(agent_id, "") if agent_id else ""

    rows = session.scalars(
        select(Escalation)
        .where(Escalation.conversation_id == conversation_id)
        .order_by(Escalation.created_at, Escalation.id)
    )
    return [
        EscalationInfo(
            id=r.id,
            conversation_id=r.conversation_id,
            from_agent_id=r.from_agent_id,
            from_name=name(r.from_agent_id),
            to_agent_id=r.to_agent_id,
            to_name=name(r.to_agent_id),
            to_tier=r.to_tier,
            reason=r.reason,
            tried=r.tried,
            created_by_name=name(r.created_by),
            created_at=r.created_at,
            resolved_at=r.resolved_at,
            resolve_reason=r.resolve_reason,
        )
        for r in rows
    ]


def open_escalation(session: Session, conversation_id: str) -> EscalationInfo | None:
    """The escalation in force, if any."""
    current = [e for e in escalations_of(session, conversation_id) if e.resolved_at is None]
    return current[-1] if current else None
