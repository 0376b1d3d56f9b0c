""""Test rules on…": what the rules would do to a pasted message or a past conversation.

Nothing is written: the outcome is computed over a read session.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.channels.email.ids import conversation_id_for_root, message_row_id
from supportdesk.channels.email.parse import parse_message
from supportdesk.models import Conversation, IdentityKind, MailMessageId, Status, utcnow
from supportdesk.services.customers import find_customer_id
from supportdesk.services.rules.engine import Outcome, evaluate
from supportdesk.services.rules.headers import read_headers
from supportdesk.services.rules.run import (
    Context,
    InboundMail,
    facts_for,
    inbound_from_message,
    latest_inbound,
)
from supportdesk.store.blobs import BlobStore

#: A pasted or given message larger than this is refused before parsing.
MAX_PREVIEW_BYTES = 25 * 1024 * 1024


class PreviewError(ValueError):
    """The message cannot be tried; the text says why."""


def preview_raw(session: Session, raw: bytes, mailbox_key: str = "import") -> Outcome:
    """What the inbound rules would do to this mail, were it to arrive now."""
    if len(raw) > MAX_PREVIEW_BYTES:
        raise PreviewError(
            f"The message is larger than {MAX_PREVIEW_BYTES // (1024 * 1024)} MB; "
            "it was not tried."
        )
    if not raw.strip():
        raise PreviewError("The message is empty.")
    p = parse_message(raw, fallback_date=utcnow())
    row_id = message_row_id(mailbox_key, p.message_id)
    refs = [*p.references, *([p.in_reply_to] if p.in_reply_to else [])]
    conversation_id = None
    if refs:
        conversation_id = session.scalar(
            select(MailMessageId.conversation_id).where(MailMessageId.message_id.in_(refs))
            .limit(1)
        )  # fmt: skip
    conversation_id = conversation_id or conversation_id_for_root(
        refs[0] if refs else p.message_id
    )
    conv = session.scalars(
        select(Conversation).where(Conversation.id == conversation_id)
    ).one_or_none()
    if conv is None:
        conv = Conversation(
            id=conversation_id, subject=p.subject, channel="email", status=Status.OPEN,
            priority="normal", assignee_id=None, created_at=p.date, last_activity_at=p.date,
            customer_id=find_customer_id(session, IdentityKind.EMAIL, p.from_addr),
        )  # fmt: skip
    mail = InboundMail(
        message_id=row_id, conversation_id=conversation_id, at=p.date, mailbox=mailbox_key,
        recipients=tuple(a for _n, a in (*p.to, *p.cc)), sender=p.from_addr, subject=p.subject,
        body=p.text, headers=read_headers(raw), language=p.language or "", is_auto=p.is_auto,
    )  # fmt: skip
    ctx = Context(session)
    ctx.round_robin_state([r.id for r in ctx.active("inbound")])
    out = evaluate(ctx.active("inbound"), facts_for(ctx, mail, conv), names=ctx.names)
    return out


def preview_conversation(
    session: Session, blobs: BlobStore | None, conversation_id: str
) -> Outcome:
    """What the inbound rules would do to a past conversation's newest customer message.

    The rules are tried as if that message had just opened the conversation
    (normal priority, open, unassigned, no tags), so the preview shows what
    each rule would do rather than "no change" for what already happened.
    """
    conv = session.scalars(
        select(Conversation).where(Conversation.id == conversation_id)
    ).one_or_none()
    if conv is None:
        raise PreviewError("There is no such conversation.")
    msg = latest_inbound(session, conversation_id)
    if msg is None:
        raise PreviewError("This conversation has no message from the customer to try.")
    headers: tuple[tuple[str, str], ...] = ()
    if blobs is not None and msg.raw_sha256 and blobs.has(msg.raw_sha256):
        headers = read_headers(blobs.get(msg.raw_sha256)[:256 * 1024])
    mail = inbound_from_message(msg, headers, conv.channel)
    fresh = Conversation(
        id=conv.id, subject=conv.subject, channel=conv.channel, status=Status.OPEN,
        priority="normal", assignee_id=None, created_at=conv.created_at,
        last_activity_at=conv.last_activity_at, customer_id=conv.customer_id,
    )  # fmt: skip
    session.expunge(conv)
    ctx = Context(session)
    ctx.round_robin_state([r.id for r in ctx.active("inbound")])
    facts = dataclasses.replace(facts_for(ctx, mail, fresh), tags=frozenset())
    return evaluate(ctx.active("inbound"), facts, names=ctx.names)
