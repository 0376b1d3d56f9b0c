"""@mentions in notes: who was called into a conversation, and whether they have looked.

A note's text names agents as ``@Full Name`` (or ``@First`` when only one agent has
that first name), matched with the search folding, so ``@priya raman`` and
``@Priya`` both reach Priya Raman. Each mention is a synced row with an id derived
from the note and the agent, so the same note seen on two devices makes one row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.models import Agent, Conversation, Message, MessageKind, utcnow
from supportdesk.models.kb import Mention, mention_id
from supportdesk.store import UnitOfWork
from supportdesk.store.search import fold

_AT = re.compile(r"(?:^|(?<=[\s(\[,;:]))@(?=\w)", re.UNICODE)
MAX_NOTE_CHARS = 20_000


@dataclass(frozen=True)
class MentionInfo:
    """A conversation someone called an agent into, not opened since."""

    conversation_id: str
    subject: str
    by_name: str
    created_at: datetime
    snippet: str
    count: int


def find_mentions(text: str, agents: Iterable[tuple[str, str]]) -> list[str]:
    """The ids of the agents a note mentions, in order of first mention.

    Args:
        agents: (id, name) of the team's agents.
    """
    team = [(aid, fold(name).strip()) for aid, name in agents if name.strip()]
    firsts: dict[str, list[str]] = {}
    for aid, name in team:
        firsts.setdefault(name.split()[0], []).append(aid)
    # Longest names first, so "@Anna Maria Li" is not taken for "@Anna Maria".
    team.sort(key=lambda x: -len(x[1]))
    found: list[str] = []
    text = text[:MAX_NOTE_CHARS]
    for at in _AT.finditer(text):
        rest = fold(text[at.end():at.end() + 200])
        hit = None
        for aid, name in team:
            if rest.startswith(name) and not rest[len(name):len(name) + 1].isalnum():
                hit = aid
                break
        if hit is None:
            word = re.match(r"\w+", rest)
            ids = firsts.get(word.group(0), []) if word else []
            hit = ids[0] if len(ids) == 1 else None
        if hit is not None and hit not in found:
            found.append(hit)
    return found


def record(uow: UnitOfWork, note: Message) -> list[Mention]:
    """Write a mention row for each agent a note names (not its author)."""
    if note.kind != MessageKind.NOTE:
        return []
    team = uow.session.execute(select(Agent.id, Agent.name).where(Agent.active.is_(True)))
    made = []
    for aid in find_mentions(note.body_text, [(r[0], r[1]) for r in team]):
        if aid == note.author_agent_id:
            continue
        key = mention_id(note.id, aid)
        if uow.session.get(Mention, key) is not None:
            continue
        made.append(uow.add(Mention(
            id=key, conversation_id=note.conversation_id, message_id=note.id, agent_id=aid,
            by_agent_id=note.author_agent_id, by_name=note.author_name,
            created_at=note.created_at)))
    return made


def unseen(session: Session, agent_id: str | None) -> list[MentionInfo]:
    """The conversations an agent was mentioned in and has not opened since, newest first."""
    if not agent_id:
        return []
    rows = session.execute(
        select(Mention, Conversation.subject, Message.body_text)
        .join(Conversation, Conversation.id == Mention.conversation_id)
        .outerjoin(Message, Message.id == Mention.message_id)
        .where(Mention.agent_id == agent_id, Mention.seen_at.is_(None))
        .order_by(Mention.created_at.desc())).all()
    by_conv: dict[str, MentionInfo] = {}
    counts: dict[str, int] = {}
    for m, subject, body in rows:
        counts[m.conversation_id] = counts.get(m.conversation_id, 0) + 1
        if m.conversation_id not in by_conv:
            by_conv[m.conversation_id] = MentionInfo(
                m.conversation_id, subject or "", m.by_name, m.created_at,
                " ".join((body or "").split())[:160], 0)
    return [MentionInfo(i.conversation_id, i.subject, i.by_name, i.created_at, i.snippet,
                        counts[i.conversation_id]) for i in by_conv.values()]


def unseen_ids(session: Session, agent_id: str | None) -> set[str]:
    """The ids of an agent's unseen mentions (to notice new ones)."""
    if not agent_id:
        return set()
    return set(session.scalars(select(Mention.id).where(
        Mention.agent_id == agent_id, Mention.seen_at.is_(None))))


def mark_seen(uow: UnitOfWork, agent_id: str, conversation_id: str) -> int:
    """The agent opened the conversation: its mentions of them leave the Mentions view."""
    rows: Sequence[Mention] = uow.session.scalars(select(Mention).where(
        Mention.agent_id == agent_id, Mention.conversation_id == conversation_id,
        Mention.seen_at.is_(None))).all()
    now = utcnow()
    for m in rows:
        uow.update(m, seen_at=now)
    return len(rows)


def mentioned_in(session: Session, message_ids: Sequence[str]) -> dict[str, list[str]]:
    """For the timeline: which agents each note mentions (agent names)."""
    if not message_ids:
        return {}
    rows = session.execute(
        select(Mention.message_id, Agent.name).join(Agent, Agent.id == Mention.agent_id)
        .where(Mention.message_id.in_(message_ids))).all()
    out: dict[str, list[str]] = {}
    for mid, name in rows:
        out.setdefault(mid, []).append(name)
    return out
