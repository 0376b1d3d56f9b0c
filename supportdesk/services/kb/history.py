"""The history a conversation keeps (``activities``), read for the timeline's compact
lines and for the owner's Activity view of one agent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.models import Activity, Agent, Conversation

#: kinds shown as history lines; "rule…" and "sla_policy…" kinds are drawn as well,
#: so the rules and SLA capabilities only have to log them under those names
HISTORY_KINDS = frozenset({"status", "priority", "assigned", "tag_added", "tag_removed",
                           "message_moved_out", "message_moved_in"})
HISTORY_PREFIXES = ("rule", "sla_policy")


def is_history(kind: str) -> bool:
    """Whether an activity kind is drawn as a compact history line."""
    return kind in HISTORY_KINDS or kind.startswith(HISTORY_PREFIXES)


@dataclass(frozen=True)
class AgentActivity:
    """One change an agent made, with the conversation it was in."""

    created_at: datetime
    conversation_id: str
    subject: str
    agent_name: str
    kind: str
    detail: dict[str, Any]


def agent_activity(session: Session, agent_id: str, limit: int = 300) -> list[AgentActivity]:
    """What an agent changed, newest first."""
    rows = session.execute(
        select(Activity, Conversation.subject, Agent.name)
        .join(Conversation, Conversation.id == Activity.conversation_id)
        .outerjoin(Agent, Agent.id == Activity.agent_id)
        .where(Activity.agent_id == agent_id)
        .order_by(Activity.created_at.desc(), Activity.id)
        .limit(limit)).all()
    return [AgentActivity(a.created_at, a.conversation_id, subject or "", name or "", a.kind,
                          dict(a.detail or {})) for a, subject, name in rows]


def is_owner(session: Session, agent_id: str | None) -> bool:
    """Whether the agent on this device is the team's owner."""
    if not agent_id:
        return False
    return session.scalar(select(Agent.role).where(Agent.id == agent_id)) == "owner"
