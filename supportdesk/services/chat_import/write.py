"""The writer's side of a chat import: one batch of rows in one transaction.

Everything here runs on the store's single writer thread, inside the unit of
work ``Store.submit`` opens. Rows arrive ready-made (ids derived from the
export) and are checked against what is already stored, in bulk, so a re-run
or an overlapping export inserts only what is new.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from supportdesk.channels.chat import ChatAttachment, ChatThread
from supportdesk.models import (
    Agent,
    Attachment,
    Channel,
    Conversation,
    Customer,
    Identity,
    Message,
    Status,
)
from supportdesk.models.workflow import SlaTracking, sla_tracking_id
from supportdesk.services.actions import create_conversation, snippet_of
from supportdesk.services.chat_import.people import PersonPlan
from supportdesk.services.chat_import.summary import Cancel, ChatOutcome
from supportdesk.services.customers import find_customer_id
from supportdesk.store import UnitOfWork

_EXISTING_SQL = text("SELECT id FROM messages WHERE id IN (SELECT value FROM json_each(:ids))")


class ImportCancelledError(Exception):
    """The rep cancelled; raised inside the transaction so it rolls back."""


@dataclass
class ChatState:
    """One chat on its way into a conversation."""

    chat: ChatThread
    key: str
    conversation_id: str
    subject: str
    plans: dict[str, PersonPlan]
    customer_id: str | None
    outcome: ChatOutcome
    opened: bool = False
    lines: int = 0
    first_time: datetime | None = None
    #: the chat's title is only the export's file name: the subject is made from the
    #: customer and the first line instead (``who`` is the customer's name)
    untitled: bool = False
    who: str = ""


@dataclass
class Finish:
    """Close a chat's import: its history entry, with totals over every batch."""

    state: ChatState
    detail: dict[str, Any]


@dataclass
class Batch:
    """What one transaction writes."""

    opens: list[ChatState] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    #: rows (by position) whose files are in the export, and those files
    with_files: list[tuple[int, tuple[ChatAttachment, ...]]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    finishes: list[Finish] = field(default_factory=list)
    #: the whole import is this one batch: a cancel rolls it back
    atomic: bool = False
    cancel: Cancel | None = None
    #: rows (by position) written by a customer: new ones reopen a solved conversation
    customer_rows: set[int] = field(default_factory=set)
    #: set by the import thread when it has already checked every row (none
    #: stored, all in conversations this import makes): (existing ids, line_stats)
    checked: tuple[set[str], dict[str, list[Any]]] | None = None
    #: conversations this import made whose last message is older than this are history:
    #: solved, read, with no SLA clock (set on the last batch)
    solve_before: datetime | None = None


@dataclass
class BatchResult:
    """What one transaction did."""

    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    created: set[str] = field(default_factory=set)
    customers_created: int = 0
    agents_created: int = 0
    attachments: int = 0
    #: lines stored before with an unknown side whose author is now known
    resolved: dict[str, int] = field(default_factory=dict)


def existing_ids(session: Session, ids: Sequence[str]) -> set[str]:
    """Which of these message ids are stored already (one query)."""
    if not ids:
        return set()
    return set(session.execute(_EXISTING_SQL, {"ids": json.dumps(list(ids))}).scalars())


def write_batch(uow: UnitOfWork, batch: Batch) -> BatchResult:
    """Write one batch: people and conversations first, then lines, then history."""
    result = BatchResult()
    for state in batch.opens:
        _open(uow, state, result)
    if batch.rows:
        _lines(uow, batch, result)
    for finish in batch.finishes:
        cid = finish.state.conversation_id
        detail = dict(finish.detail)
        detail["added"] = detail.get("added", 0) + result.added.get(cid, 0)
        detail["skipped_duplicates"] = detail.get("skipped_duplicates", 0) + result.skipped.get(
            cid, 0
        )
        detail["sides_resolved"] = detail.get("sides_resolved", 0) + result.resolved.get(cid, 0)
        created = detail.pop("created", False) or cid in result.created
        if created and batch.solve_before is not None:
            detail["history"] = _as_history(uow, cid, batch.solve_before)
        if detail["added"] or detail["sides_resolved"] or created:
            # (an import that changed nothing leaves no trace)
            uow.log_activity(cid, "imported", **detail)
    if batch.atomic and batch.cancel is not None and batch.cancel():
        raise ImportCancelledError
    return result


def _as_history(uow: UnitOfWork, conversation_id: str, solve_before: datetime) -> bool:
    """Mark a conversation this import made as solved history when its last message is
    older than ``solve_before``; True when it was."""
    conv = _conversation(uow.session, conversation_id)
    if conv is None or conv.last_activity_at is None:
        return False
    last = conv.last_activity_at
    if last.tzinfo is None:
        last = last.replace(tzinfo=UTC)
    if last >= solve_before:
        return False
    uow.update(conv, status=Status.SOLVED, unread=False)
    tracking = uow.session.get(SlaTracking, sla_tracking_id(conversation_id))
    if tracking is not None:  # (a clock started meanwhile stops: nothing is due)
        uow.delete(tracking)
    return True


def _open(uow: UnitOfWork, state: ChatState, result: BatchResult) -> None:
    """Make sure the chat's agents, customers, identities and conversation exist."""
    session = uow.session
    for plan in state.plans.values():
        if plan.agent_row is not None and session.get(Agent, plan.agent_row["id"]) is None:
            uow.add_rows(Agent, [plan.agent_row])
            result.agents_created += 1
        if plan.customer_row is not None:
            cid = plan.customer_row["id"]
            if session.scalar(select(Customer.id).where(Customer.id == cid)) is None:
                uow.add_rows(Customer, [plan.customer_row])
                result.customers_created += 1
        for row in plan.identity_rows:
            if find_customer_id(session, row["kind"], row["value"]) is None:
                uow.add_rows(Identity, [row])
    conv = _conversation(session, state.conversation_id)
    if conv is None:
        assert state.first_time is not None
        create_conversation(
            uow,
            channel=Channel.CHAT,
            customer_id=state.customer_id,
            subject=state.subject,
            conversation_id=state.conversation_id,
            created_at=state.first_time,
        )
        result.created.add(state.conversation_id)
    elif conv.customer_id is None and state.customer_id is not None:
        uow.update(conv, customer_id=state.customer_id)


def _conversation(session: Session, conversation_id: str) -> Conversation | None:
    return session.scalars(
        select(Conversation).where(Conversation.id == conversation_id)
    ).one_or_none()


def line_stats(
    rows: list[dict[str, Any]], existing: set[str], customer_rows: set[int]
) -> dict[str, list[Any]]:
    """Per conversation: [added, skipped, oldest, newest, newest text, newest by a customer]."""
    stats: dict[str, list[Any]] = {}
    for i, r in enumerate(rows):
        cid = r["conversation_id"]
        s = stats.get(cid)
        if s is None:
            s = stats[cid] = [0, 0, None, None, None, False]
        if existing and r["id"] in existing:
            s[1] += 1
            continue
        s[0] += 1
        at = r["created_at"]
        if s[2] is None or at < s[2]:
            s[2] = at
        if s[3] is None or at >= s[3]:
            s[3] = at
            s[4] = r["body_text"]
            s[5] = i in customer_rows
    return stats


def _lines(uow: UnitOfWork, batch: Batch, result: BatchResult) -> None:
    rows = batch.rows
    if batch.checked is not None:
        # The import thread found none of these stored, in conversations this
        # import made: nothing else writes them (the unique index would refuse).
        existing, stats = batch.checked
    else:
        existing = existing_ids(uow.session, [r["id"] for r in rows])
        stats = line_stats(rows, existing, batch.customer_rows)
    fresh = [r for r in rows if r["id"] not in existing] if existing else rows
    if existing:
        _resolve_sides(uow, rows, existing, result)
    uow.add_rows(Message, fresh)
    files = (
        [a for a in batch.attachments if a["message_id"] not in existing]
        if existing
        else batch.attachments
    )
    uow.add_rows(Attachment, files)
    result.attachments += len(files)
    for cid, (added, skipped, oldest, newest, last_text, from_customer) in stats.items():
        result.added[cid] = result.added.get(cid, 0) + added
        result.skipped[cid] = result.skipped.get(cid, 0) + skipped
        if not added:
            continue
        conv = _conversation(uow.session, cid)
        assert conv is not None
        values: dict[str, Any] = {"message_count": conv.message_count + added}
        newer = conv.message_count == 0 or newest >= conv.last_activity_at
        if newer:
            values["last_activity_at"] = newest
            if last_text:
                values["snippet"] = snippet_of(last_text)
            if from_customer and cid not in result.created and conv.message_count:
                values["unread"] = True
                if conv.status in (Status.SOLVED, Status.PENDING):
                    values["status"] = Status.OPEN
        if oldest < conv.created_at:
            values["created_at"] = oldest
        uow.update(conv, **values)


def _resolve_sides(
    uow: UnitOfWork, rows: list[dict[str, Any]], existing: set[str], result: BatchResult
) -> None:
    """Lines imported before without knowing who is who get their author now.

    That is how "kept as a participant, to sort out later" is sorted out:
    import the same export again, saying who is us.
    """
    known = {
        r["id"]: r for r in rows
        if r["id"] in existing and r["meta"].get("side") in ("agent", "customer")
    }  # fmt: skip
    ids = list(known)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for msg in uow.session.scalars(select(Message).where(Message.id.in_(chunk))):
            if (msg.meta or {}).get("side") != "unknown":
                continue
            row = known[msg.id]
            meta = {**msg.meta, "side": row["meta"]["side"]}
            uow.update(
                msg,
                author_agent_id=row["author_agent_id"],
                author_customer_id=row["author_customer_id"],
                meta=meta,
            )
            cid = msg.conversation_id
            result.resolved[cid] = result.resolved.get(cid, 0) + 1
