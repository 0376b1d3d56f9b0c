"""A rep's corrections to threading: split a message off, or move it to another conversation.

The message keeps its id; its ``thread_rule`` becomes ``manual`` with a note
of where it came from, and the Message-ID index follows it (a trigger), so
later replies to it land where the rep put it.
"""

from __future__ import annotations

from sqlalchemy import func, select

from supportdesk.channels.email.threads import strip_subject_prefixes
from supportdesk.models import (
    Channel,
    Conversation,
    Message,
    MessageKind,
    derived_id,
    ticket_ref,
)
from supportdesk.services.actions import ActionError, create_conversation, snippet_of
from supportdesk.store import UnitOfWork


def _message(uow: UnitOfWork, row_id: str) -> Message:
    msg = uow.session.scalars(select(Message).where(Message.id == row_id)).one_or_none()
    if msg is None:
        raise ActionError("That message no longer exists on this device.")
    return msg


def _conversation(uow: UnitOfWork, conversation_id: str) -> Conversation:
    conv = uow.session.scalars(
        select(Conversation).where(Conversation.id == conversation_id)
    ).one_or_none()
    if conv is None:
        raise ActionError("That conversation no longer exists on this device.")
    return conv


def refresh_summary(uow: UnitOfWork, conv: Conversation) -> None:
    """Recount a conversation's messages and take its snippet from the newest one."""
    session = uow.session
    count = int(
        session.scalar(
            select(func.count()).select_from(Message).where(Message.conversation_id == conv.id)
        )
        or 0
    )
    newest = session.execute(
        select(Message.created_at, Message.body_text)
        .where(Message.conversation_id == conv.id, Message.kind != MessageKind.NOTE)
        .order_by(Message.created_at.desc(), Message.n.desc())
        .limit(1)
    ).first()
    values: dict[str, object] = {"message_count": count}
    if newest is not None:
        values["snippet"] = snippet_of(newest[1])
        values["last_activity_at"] = newest[0]
    else:
        values["snippet"] = ""
    uow.update(conv, **values)


def move_message(
    uow: UnitOfWork, row_id: str, target_id: str, *, detail: str | None = None
) -> None:
    """Move a message to another conversation (recorded as the rep's choice)."""
    msg = _message(uow, row_id)
    source = _conversation(uow, msg.conversation_id)
    target = _conversation(uow, target_id)
    if source.id == target.id:
        raise ActionError("The message is already in that conversation.")
    meta = dict(msg.meta or {})
    meta["thread_rule"] = "manual"
    meta["thread_detail"] = detail or f"moved here by a rep from {ticket_ref(source.id)}"
    meta["moved_from"] = source.id
    uow.update(msg, conversation_id=target.id, meta=meta)
    uow.session.flush()
    refresh_summary(uow, source)
    refresh_summary(uow, target)
    uow.log_activity(source.id, "message_moved_out", message=row_id, to=target.id)
    uow.log_activity(target.id, "message_moved_in", message=row_id, source=source.id)


def split_message(uow: UnitOfWork, row_id: str) -> str:
    """Start a new conversation with this message; returns the new conversation's id.

    The new id is derived from the message, so splitting the same message on
    two devices gives one conversation.
    """
    msg = _message(uow, row_id)
    source = _conversation(uow, msg.conversation_id)
    new_id = derived_id("split", row_id)
    if uow.session.scalar(select(Conversation.id).where(Conversation.id == new_id)):
        raise ActionError("This message was already split into its own conversation.")
    channel = Channel.EMAIL if msg.kind.startswith("email") else Channel(source.channel)
    conv = create_conversation(
        uow,
        channel=channel,
        customer_id=msg.author_customer_id or source.customer_id,
        subject=strip_subject_prefixes(msg.subject) or source.subject,
        conversation_id=new_id,
        created_at=msg.created_at,
    )
    move_message(
        uow, row_id, conv.id, detail=f"split off from {ticket_ref(source.id)} by a rep"
    )
    return conv.id
