"""What a rep does to conversations; each function is one unit of work.

Functions take a ``UnitOfWork`` so callers choose where they run: the UI
submits them to the store's writer, the CLI and tests call ``store.write``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from supportdesk.models import (
    Activity,
    Channel,
    Conversation,
    IdentityKind,
    Message,
    MessageKind,
    Priority,
    Status,
    new_id,
    ticket_ref,
    utcnow,
)
from supportdesk.services.customers import (
    PhoneNumber,
    find_or_create_customer,
)
from supportdesk.services.kb import mentions
from supportdesk.store import UnitOfWork
from supportdesk.store.uow import to_json_value

SNIPPET_LEN = 140


class ActionError(ValueError):
    """A request that cannot be carried out; the message says why."""


def _conversation(uow: UnitOfWork, conversation_id: str) -> Conversation:
    conv = uow.session.scalars(
        select(Conversation).where(Conversation.id == conversation_id)
    ).one_or_none()
    if conv is None:
        raise ActionError("That conversation no longer exists on this device.")
    return conv


def snippet_of(text: str) -> str:
    """The first line-ish of a text, for the conversation list."""
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET_LEN else flat[: SNIPPET_LEN - 1] + "…"


def touch(uow: UnitOfWork, conv: Conversation, message: Message) -> None:
    """Update a conversation's summary fields after a message joined it."""
    values: dict[str, Any] = {"message_count": conv.message_count + 1}
    if message.created_at >= conv.last_activity_at:
        values["last_activity_at"] = message.created_at
        if message.kind != MessageKind.NOTE:
            values["snippet"] = snippet_of(message.body_text)
    if message.author_customer_id is not None:
        values["unread"] = True
        if conv.status == Status.SOLVED or conv.status == Status.PENDING:
            values["status"] = Status.OPEN
    uow.update(conv, **values)


def create_conversation(
    uow: UnitOfWork,
    *,
    channel: Channel,
    customer_id: str | None,
    subject: str = "",
    conversation_id: str | None = None,
    created_at: datetime | None = None,
) -> Conversation:
    """Start a conversation."""
    at = created_at or utcnow()
    conv = Conversation(
        id=conversation_id or new_id(),
        subject=subject,
        customer_id=customer_id,
        channel=channel,
        status=Status.OPEN,
        priority=Priority.NORMAL,
        assignee_id=None,
        unread=False,
        snippet="",
        message_count=0,
        created_at=at,
        last_activity_at=at,
    )
    uow.add(conv)
    uow.log_activity(conv.id, "created", channel=channel.value)
    return conv


def set_status(uow: UnitOfWork, conversation_id: str, status: Status) -> None:
    """Open, set pending (waiting on the customer) or solve."""
    conv = _conversation(uow, conversation_id)
    old = conv.status
    if uow.update(conv, status=status):
        uow.log_activity(conversation_id, "status", old=old, new=status)


def set_priority(uow: UnitOfWork, conversation_id: str, priority: Priority) -> None:
    """Change how urgent a conversation is."""
    conv = _conversation(uow, conversation_id)
    old = conv.priority
    if uow.update(conv, priority=priority):
        uow.log_activity(conversation_id, "priority", old=old, new=priority)


def assign(uow: UnitOfWork, conversation_id: str, agent_id: str | None) -> None:
    """Give a conversation to an agent, or back to the unassigned pile."""
    conv = _conversation(uow, conversation_id)
    old = conv.assignee_id
    if uow.update(conv, assignee_id=agent_id):
        uow.log_activity(conversation_id, "assigned", old=old, new=agent_id)


def mark_read(uow: UnitOfWork, conversation_id: str, read: bool = True) -> None:
    """Mark a conversation read or unread."""
    uow.update(_conversation(uow, conversation_id), unread=not read)


def normalize_tag(tag: str) -> str:
    """Tags are lower-case, single words joined by dashes."""
    cleaned = "-".join(tag.strip().lower().split())
    if not cleaned:
        raise ActionError("A tag cannot be empty.")
    if len(cleaned) > 80:
        raise ActionError("A tag can be at most 80 characters long.")
    return cleaned


def add_tag(uow: UnitOfWork, conversation_id: str, tag: str) -> None:
    """Tag a conversation."""
    _conversation(uow, conversation_id)
    tag = normalize_tag(tag)
    if uow.add_tag(conversation_id, tag):
        uow.log_activity(conversation_id, "tag_added", tag=tag)


def remove_tag(uow: UnitOfWork, conversation_id: str, tag: str) -> None:
    """Untag a conversation."""
    if uow.remove_tag(conversation_id, tag):
        uow.log_activity(conversation_id, "tag_removed", tag=tag)


def add_note(uow: UnitOfWork, conversation_id: str, text: str, author_name: str) -> Message:
    """An internal note: seen by the team, never by the customer."""
    text = text.strip()
    if not text:
        raise ActionError("The note is empty.")
    conv = _conversation(uow, conversation_id)
    note = Message(
        id=new_id(),
        conversation_id=conversation_id,
        kind=MessageKind.NOTE,
        created_at=utcnow(),
        author_agent_id=uow.agent_id,
        author_name=author_name,
        subject="",
        body_text=text,
        meta={},
    )
    uow.add(note)
    touch(uow, conv, note)
    mentions.record(uow, note)  # issue 18: "@Priya Raman" calls her in
    return note


CALL_OUTCOMES = ("resolved", "follow_up", "voicemail", "no_answer", "escalated", "other")


@dataclass(frozen=True)
class CallLog:
    """What a rep records about a phone call."""

    phone: PhoneNumber
    caller_name: str
    direction: str  # "inbound" or "outbound"
    duration: timedelta
    outcome: str
    notes: str
    started_at: datetime
    follow_up: date | None = None
    conversation_id: str | None = None  # add to this one instead of a new one


def log_call(uow: UnitOfWork, call: CallLog, agent_name: str) -> Message:
    """Record a call as a structured timeline entry.

    The caller is matched to a customer by number (or created). The call goes
    into the given conversation, or a new phone conversation.
    """
    if call.direction not in ("inbound", "outbound"):
        raise ActionError("A call is either inbound or outbound.")
    if call.outcome not in CALL_OUTCOMES:
        raise ActionError(f"Unknown call outcome {call.outcome!r}.")
    if call.duration < timedelta(0):
        raise ActionError("A call cannot last less than no time.")
    customer_id, _created = find_or_create_customer(
        uow,
        IdentityKind.PHONE,
        call.phone.e164,
        call.phone.display,
        call.caller_name.strip() or call.phone.display,
    )
    if call.conversation_id:
        conv = _conversation(uow, call.conversation_id)
    else:
        verb = "Call from" if call.direction == "inbound" else "Call to"
        name = call.caller_name.strip() or call.phone.display
        conv = create_conversation(
            uow,
            channel=Channel.PHONE,
            customer_id=customer_id,
            subject=f"{verb} {name}",
            created_at=call.started_at,
        )
    seconds = int(call.duration.total_seconds())
    entry = Message(
        id=new_id(),
        conversation_id=conv.id,
        kind=MessageKind.CALL,
        created_at=call.started_at,
        author_agent_id=uow.agent_id,
        author_name=agent_name,
        subject="",
        body_text=call.notes.strip(),
        meta={
            "direction": call.direction,
            "phone": call.phone.e164,
            "phone_display": call.phone.display,
            "duration_s": seconds,
            "outcome": call.outcome,
            "follow_up": call.follow_up.isoformat() if call.follow_up else None,
            "customer_id": customer_id,
        },
    )
    uow.add(entry)
    touch(uow, conv, entry)
    if call.follow_up:
        uow.log_activity(conv.id, "follow_up", on=call.follow_up.isoformat())
    return entry


# -- changes to many conversations at once, and undoing them ------------------------------

#: conversation fields a rep sets from the list, with the history entry each leaves
FIELD_ACTIVITY = {"status": "status", "priority": "priority", "assignee_id": "assigned"}
#: rows read per query when a change covers many conversations
BULK_CHUNK = 500


@dataclass(frozen=True)
class Change:
    """One thing a change did to one conversation, with what was there before.

    ``field`` is a conversation field (``status``, ``priority``, ``assignee_id``) or
    ``tag`` (``old``/``new``: whether the tag ``arg`` was on the conversation).
    """

    conversation_id: str
    field: str
    old: Any
    new: Any
    arg: str = ""


def _activity_row(uow: UnitOfWork, conversation_id: str, kind: str, at: datetime,
                  **detail: Any) -> dict[str, Any]:
    return {
        "id": new_id(), "conversation_id": conversation_id, "agent_id": uow.agent_id,
        "kind": kind, "detail": {k: to_json_value(v) for k, v in detail.items()},
        "created_at": at,
    }


def _conversations(uow: UnitOfWork, ids: Sequence[str]) -> dict[str, Conversation]:
    found: dict[str, Conversation] = {}
    for start in range(0, len(ids), BULK_CHUNK):
        chunk = list(ids[start : start + BULK_CHUNK])
        found.update(
            (c.id, c) for c in uow.session.scalars(select(Conversation).where(
                Conversation.id.in_(chunk)))
        )
    return found


def set_field(uow: UnitOfWork, ids: Sequence[str], field: str, value: Any) -> list[Change]:
    """Set a status, priority or assignee on many conversations in this unit of work.

    Each conversation that really changes gets its own outbox entry and history entry;
    the history rows go in with one insert. Returns what changed, to undo it.
    """
    if field not in FIELD_ACTIVITY:
        raise ActionError(f"{field!r} cannot be set from the list.")
    if field == "status":
        value = Status(value)
    elif field == "priority":
        value = Priority(value)
    found = _conversations(uow, list(dict.fromkeys(ids)))
    missing = [i for i in ids if i not in found]
    if missing and len(missing) == len(ids):
        raise ActionError("That conversation no longer exists on this device.")
    changes: list[Change] = []
    history: list[dict[str, Any]] = []
    at = utcnow()
    for cid in dict.fromkeys(ids):
        conv = found.get(cid)
        if conv is None:
            continue
        old = getattr(conv, field)
        if uow.update(conv, **{field: value}):
            changes.append(Change(cid, field, to_json_value(old), to_json_value(value)))
            history.append(_activity_row(uow, cid, FIELD_ACTIVITY[field], at, old=old,
                                         new=value))
    uow.session.flush()
    uow.add_rows(Activity, history)
    return changes


def set_tag(uow: UnitOfWork, ids: Sequence[str], tag: str, on: bool = True) -> list[Change]:
    """Add (``on``) or remove a tag on many conversations; returns what changed."""
    tag = normalize_tag(tag) if on else tag
    if on:
        found = _conversations(uow, list(dict.fromkeys(ids)))
        if not found:
            raise ActionError("That conversation no longer exists on this device.")
    changes: list[Change] = []
    history: list[dict[str, Any]] = []
    at = utcnow()
    for cid in dict.fromkeys(ids):
        if on and cid not in found:
            continue
        done = uow.add_tag(cid, tag) if on else uow.remove_tag(cid, tag)
        if done:
            changes.append(Change(cid, "tag", not on, on, tag))
            history.append(_activity_row(uow, cid, "tag_added" if on else "tag_removed", at,
                                         tag=tag))
    uow.add_rows(Activity, history)
    return changes


def undo(uow: UnitOfWork, changes: Sequence[Change]) -> list[Change]:
    """Put back what ``changes`` replaced, as a normal change (it syncs like any other).

    Changes are undone last first; a field someone changed again since is set back
    all the same (the rep asked for the old value). Returns what the undo changed.
    """
    done: list[Change] = []
    # Group consecutive changes of the same kind so a bulk change is undone in bulk.
    groups: dict[tuple[str, Any, str], list[str]] = {}
    for ch in reversed(changes):
        groups.setdefault((ch.field, ch.old, ch.arg), []).append(ch.conversation_id)
    for (field, old, arg), ids in groups.items():
        if field == "message":  # a merged message goes back where it came from
            from supportdesk.services.mail.manage import move_message

            for message_id in ids:
                move_message(uow, message_id, old, detail="merge undone by a rep")
                done.append(Change(message_id, "message", None, old))
        elif field == "tag":
            done += set_tag(uow, ids, arg, on=bool(old))
        else:
            existing = _conversations(uow, ids)
            ids = [i for i in ids if i in existing]
            if ids:
                done += set_field(uow, ids, field, old)
    return done


def merge_into(uow: UnitOfWork, target_id: str, others: Sequence[str]) -> list[Change]:
    """Merge conversations into one: every message of ``others`` moves to the target
    (recorded as the rep's choice), and the emptied conversations are solved. Returns
    what changed, so the merge can be undone (messages move back, statuses return)."""
    from supportdesk.services.mail.manage import move_message  # manage imports this module

    _conversation(uow, target_id)
    sources = [o for o in dict.fromkeys(others) if o != target_id]
    if not sources:
        raise ActionError("Select at least two conversations to merge.")
    changes: list[Change] = []
    for source in sources:
        _conversation(uow, source)
        moved = list(uow.session.scalars(
            select(Message.id).where(Message.conversation_id == source).order_by(
                Message.created_at)
        ))
        for message_id in moved:
            move_message(uow, message_id, target_id,
                         detail=f"merged here by a rep from {ticket_ref(source)}")
            changes.append(Change(message_id, "message", source, target_id))
        uow.log_activity(source, "merged_into", target=target_id)
    changes += set_field(uow, sources, "status", Status.SOLVED)
    return changes
