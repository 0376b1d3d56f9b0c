"""The conflict log for a rep: which record, which field, what lost to what, by whom and when.

``supportdesk.sync.conflicts`` keeps the raw log and restores; this module adds
what a person needs to recognise the record (the conversation's subject, the
customer's name, agents by name) and the UI words the rest.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from supportdesk.models import Agent, Conversation, Customer, Mailbox, SyncConflict, SyncState
from supportdesk.store.hlc import Stamp
from supportdesk.sync.conflicts import open_conflicts
from supportdesk.sync.schema import Kind, registry

#: fields that hold an agent's id: shown as the agent's name
AGENT_FIELDS = frozenset({"assignee_id", "agent_id", "owner_id", "escalated_to"})


@dataclass(frozen=True)
class ConflictRow:
    """One logged loss, ready to show."""

    id: int
    entity: str
    entity_id: str
    field: str
    #: the conversation's subject, the customer's name… (empty when unknown)
    record: str
    #: the conversation it belongs to, when it belongs to one
    conversation_id: str | None
    lost_value: Any
    won_value: Any
    #: whether the losing / winning change was made on this computer
    lost_here: bool
    won_here: bool
    lost_at: datetime | None
    won_at: datetime | None
    reason: str
    created_at: datetime
    #: whether "Restore" can put the lost value back with one change
    restorable: bool


def _stamp(text: str | None, device_id: str) -> tuple[bool, datetime | None]:
    if not text:
        return False, None
    try:
        s = Stamp.parse(text)
    except ValueError:
        return False, None
    return s.device == device_id, datetime.fromtimestamp(s.millis / 1000, UTC)


def _agent_names(session: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = session.execute(select(Agent.id, Agent.name).where(Agent.id.in_(ids)))
    return {str(i): str(n) for i, n in rows}


def _mailbox_names(session: Session, ids: set[str]) -> dict[str, str]:
    """"Name <address>" of mailboxes, also of those kept hidden here (a clash)."""
    if not ids:
        return {}
    out = {
        str(i): f"{n} <{a}>" for i, n, a in session.execute(
            select(Mailbox.id, Mailbox.name, Mailbox.address).where(Mailbox.id.in_(ids))
        )
    }
    for eid, hidden in session.execute(
        select(SyncState.entity_id, SyncState.hidden).where(
            SyncState.entity == "mailboxes", SyncState.entity_id.in_(ids - set(out)),
            SyncState.hidden.is_not(None))
    ):
        try:
            fields = json.loads(hidden)
        except ValueError:
            continue
        if isinstance(fields, dict):
            out[str(eid)] = f"{fields.get('name', '')} <{fields.get('address', '')}>"
    return out


def conflict_rows(session: Session, device_id: str, limit: int = 200) -> list[ConflictRow]:
    """Open conflicts, newest first, with the names a rep recognises."""
    views = open_conflicts(session, limit)
    if not views:
        return []
    stamps = {
        cid: (lost, won)
        for cid, lost, won in session.execute(
            select(SyncConflict.id, SyncConflict.lost_stamp, SyncConflict.won_stamp)
            .where(SyncConflict.id.in_([v.id for v in views]))
        )
    }
    specs = registry()
    conversation_of: dict[tuple[str, str], str] = {}
    for v in views:
        spec = specs.get(v.entity)
        if v.entity in ("conversations", "conversation_tags"):
            conversation_of[(v.entity, v.entity_id)] = v.entity_id
        elif spec is not None and "conversation_id" in spec.table.c:
            found = session.scalar(
                select(spec.table.c.conversation_id).where(spec.table.c.id == v.entity_id)
            )
            if found:
                conversation_of[(v.entity, v.entity_id)] = str(found)
    subjects: dict[str, str] = {
        str(i): str(s) for i, s in session.execute(
            select(Conversation.id, Conversation.subject)
            .where(Conversation.id.in_(set(conversation_of.values())))
        )
    }
    customer_ids = {v.entity_id for v in views if v.entity == "customers"}
    customers: dict[str, str] = {
        str(i): str(n) for i, n in session.execute(
            select(Customer.id, Customer.name).where(Customer.id.in_(customer_ids))
        )
    }
    mailboxes = _mailbox_names(session, {v.entity_id for v in views if v.entity == "mailboxes"})
    agent_ids = {str(x) for v in views if v.field in AGENT_FIELDS
                 for x in (v.lost_value, v.won_value) if isinstance(x, str)}
    agents = _agent_names(session, agent_ids)

    out: list[ConflictRow] = []
    for v in views:
        conv = conversation_of.get((v.entity, v.entity_id))
        record = (subjects.get(conv, "") if conv
                  else customers.get(v.entity_id) or mailboxes.get(v.entity_id, ""))
        lost, won = v.lost_value, v.won_value
        if v.field in AGENT_FIELDS:
            lost = agents.get(lost, lost) if isinstance(lost, str) else lost
            won = agents.get(won, won) if isinstance(won, str) else won
        lost_stamp, won_stamp = stamps.get(v.id, (None, None))
        lost_here, lost_at = _stamp(lost_stamp, device_id)
        won_here, won_at = _stamp(won_stamp, device_id)
        spec = specs.get(v.entity)
        restorable = (
            v.reason in ("concurrent", "first_insert")
            and spec is not None and spec.kind is not Kind.APPEND_ONLY
        )
        out.append(ConflictRow(
            id=v.id, entity=v.entity, entity_id=v.entity_id, field=v.field, record=record,
            conversation_id=conv, lost_value=lost, won_value=won, lost_here=lost_here,
            won_here=won_here, lost_at=lost_at, won_at=won_at, reason=v.reason,
            created_at=v.created_at, restorable=restorable,
        ))
    return out


def open_count(session: Session) -> int:
    """How many conflicts wait for a rep to look at them."""
    return int(session.scalar(
        select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None))
    ) or 0)
