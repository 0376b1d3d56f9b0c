"""Before a reply goes out: unfilled placeholders block it, new messages ask first.

A draft remembers where the conversation stood when it began
(:func:`begin_draft`): the time, and the device-local counter ``n`` of the
newest message. A message that arrives later, typed here or pulled in by
sync with an older timestamp, has a higher ``n``, so it is noticed either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from supportdesk.models import Message, utcnow
from supportdesk.services.sla import to_utc
from supportdesk.services.workflow.canned import unfilled_in_reply


@dataclass(frozen=True)
class DraftMarker:
    """Where a conversation stood when a draft began."""

    conversation_id: str
    started_at: datetime
    last_n: int


@dataclass(frozen=True)
class NewMessage:
    """A message that arrived while a draft was being written."""

    id: str
    kind: str
    author_name: str
    created_at: datetime
    snippet: str


@dataclass(frozen=True)
class SendCheck:
    """What stands between a draft and sending it."""

    unfilled: tuple[str, ...]
    new_messages: tuple[NewMessage, ...]

    @property
    def blocked(self) -> bool:
        """A placeholder is left: the reply cannot be sent."""
        return bool(self.unfilled)

    @property
    def needs_confirmation(self) -> bool:
        """Messages arrived since the draft began: the rep must see them and confirm."""
        return bool(self.new_messages)


def begin_draft(
    session: Session, conversation_id: str, now: datetime | None = None
) -> DraftMarker:
    """Remember where the conversation stands as a draft begins."""
    last = session.scalar(
        select(func.max(Message.n)).where(Message.conversation_id == conversation_id)
    )
    return DraftMarker(conversation_id, to_utc(now or utcnow()), int(last or 0))


def new_since(
    session: Session,
    conversation_id: str,
    since: DraftMarker | datetime,
    *,
    exclude_agent_id: str | None = None,
) -> list[NewMessage]:
    """Messages that arrived in a conversation since a draft began, oldest first.

    Args:
        since: a :class:`DraftMarker` (exact, also for synced messages) or the
            time the draft began (messages dated later).
        exclude_agent_id: leave out this agent's own entries.
    """
    if isinstance(since, DraftMarker):
        cond = or_(Message.n > since.last_n, Message.created_at > since.started_at)
    else:
        cond = Message.created_at > to_utc(since)
    stmt = (
        select(Message.id, Message.kind, Message.author_name, Message.created_at,
               Message.body_text, Message.author_agent_id)
        .where(Message.conversation_id == conversation_id, cond)
        .order_by(Message.created_at, Message.n)
    )
    out: list[NewMessage] = []
    for mid, kind, author, at, body, agent in session.execute(stmt).tuples():
        if exclude_agent_id is not None and agent == exclude_agent_id:
            continue
        flat = " ".join((body or "").split())
        out.append(NewMessage(mid, kind, author, at, flat[:140]))
    return out


def check_before_send(
    session: Session,
    conversation_id: str,
    text: str,
    draft: DraftMarker | datetime | None,
    *,
    me: str | None = None,
) -> SendCheck:
    """Unfilled placeholders in ``text`` and messages that arrived since ``draft`` began.

    Quoted lines (``> ...``) are the customer's words, not the rep's: braces
    in them do not block the reply.
    """
    new = () if draft is None else tuple(new_since(session, conversation_id, draft,
                                                   exclude_agent_id=me))
    return SendCheck(tuple(unfilled_in_reply(text)), new)
