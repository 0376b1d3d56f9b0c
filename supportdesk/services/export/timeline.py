"""A conversation's timeline as a rep sees it, read once for every export format."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.models import Agent, Attachment, Conversation, Customer, Identity, Message
from supportdesk.services.customer_merge import group


class ExportError(ValueError):
    """An export that cannot be made; the message says why."""


@dataclass(frozen=True)
class ExportAttachment:
    """A file attached to a message (listed; its bytes are in the blob store)."""

    filename: str
    mime_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class ExportEntry:
    """One timeline entry."""

    id: str
    kind: str
    at: datetime
    author: str
    subject: str
    body: str
    raw_sha256: str | None
    meta: dict[str, object]
    attachments: tuple[ExportAttachment, ...]


@dataclass(frozen=True)
class ConversationExport:
    """A conversation with its customer and every entry, oldest first."""

    id: str
    subject: str
    channel: str
    status: str
    created_at: datetime
    customer_name: str
    customer_identities: tuple[str, ...]
    entries: tuple[ExportEntry, ...] = field(default=())


KIND_LABELS = {"email_in": "Email received", "email_out": "Email sent", "chat": "Chat",
               "call": "Phone call", "note": "Internal note"}


def _utc(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def load_conversation(session: Session, conversation_id: str, *,
                      notes: bool = True) -> ConversationExport:
    """Read a conversation for export (internal notes left out when ``notes`` is False).

    Raises:
        ExportError: no such conversation.
    """
    conv = session.scalars(select(Conversation).where(Conversation.id == conversation_id)).first()
    if conv is None:
        raise ExportError(f"There is no conversation {conversation_id}.")
    name = ""
    identities: tuple[str, ...] = ()
    if conv.customer_id:
        ids = group(session, conv.customer_id)
        name = session.scalar(select(Customer.name).where(Customer.id == ids[0])) or ""
        identities = tuple(session.scalars(
            select(Identity.display).where(Identity.customer_id.in_(ids))
            .order_by(Identity.kind, Identity.display)))
    agents = dict(session.execute(select(Agent.id, Agent.name)).tuples().all())
    messages = list(session.scalars(
        select(Message).where(Message.conversation_id == conversation_id)
        .order_by(Message.created_at, Message.id)))
    atts: dict[str, list[ExportAttachment]] = {}
    ids_ = [m.id for m in messages]
    for start in range(0, len(ids_), 500):
        for a in session.scalars(select(Attachment).where(
                Attachment.message_id.in_(ids_[start:start + 500]))
                .order_by(Attachment.filename)):
            atts.setdefault(a.message_id, []).append(
                ExportAttachment(a.filename, a.mime_type, a.size, a.sha256))
    entries = tuple(
        ExportEntry(m.id, m.kind, _utc(m.created_at),
                    m.author_name or agents.get(m.author_agent_id or "", "") or "",
                    m.subject, m.body_text, m.raw_sha256, dict(m.meta or {}),
                    tuple(atts.get(m.id, ())))
        for m in messages if notes or m.kind != "note")
    return ConversationExport(conv.id, conv.subject, conv.channel, conv.status,
                              _utc(conv.created_at), name, identities, entries)


def customer_conversations(session: Session, customer_id: str) -> list[str]:
    """Every conversation of a customer (and of everyone merged into them), oldest first."""
    ids = group(session, customer_id)
    return list(session.scalars(
        select(Conversation.id).where(Conversation.customer_id.in_(ids))
        .order_by(Conversation.created_at, Conversation.id)))


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n = n / 1024  # type: ignore[assignment]
    return str(n)


CSS = """
body { font-family: sans-serif; font-size: 10pt; color: #1f2933; }
h1 { font-size: 15pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; margin-top: 18pt; }
.meta { color: #52606d; }
.entry { margin-top: 10pt; border-top: 1px solid #cbd2d9; padding-top: 4pt; }
.head { font-weight: bold; }
.note { background: #fff8e1; }
pre { white-space: pre-wrap; font-family: sans-serif; margin: 4pt 0; }
ul { margin: 2pt 0; }
"""


def conversation_html(conv: ConversationExport, *, heading: int = 1) -> str:
    """The timeline as an HTML fragment (every value escaped; no scripts, no links out)."""
    e = html.escape
    h = f"h{heading}"
    parts = [f"<{h}>{e(conv.subject or '(no subject)')}</{h}>",
             f"<p class='meta'>Customer: {e(conv.customer_name or '(none)')}"
             + (f" &middot; {e(', '.join(conv.customer_identities))}"
                if conv.customer_identities else "")
             + f"<br>Channel: {e(conv.channel)} &middot; Status: {e(conv.status)} &middot; "
             f"Started {conv.created_at:%Y-%m-%d %H:%M} UTC &middot; "
             f"{len(conv.entries)} entries</p>"]
    for entry in conv.entries:
        label = KIND_LABELS.get(entry.kind, entry.kind)
        cls = "entry note" if entry.kind == "note" else "entry"
        parts.append(f"<div class='{cls}'><p class='head'>{entry.at:%Y-%m-%d %H:%M} UTC "
                     f"&middot; {e(label)} &middot; {e(entry.author or '')}</p>")
        if entry.subject and entry.kind.startswith("email"):
            parts.append(f"<p>Subject: {e(entry.subject)}</p>")
        parts.append(f"<pre>{e(entry.body)}</pre>")
        if entry.attachments:
            parts.append("<p>Attachments:</p><ul>" + "".join(
                f"<li>{e(a.filename)} ({e(a.mime_type)}, {_size(a.size)})</li>"
                for a in entry.attachments) + "</ul>")
        parts.append("</div>")
    return "\n".join(parts)


def html_document(title: str, body: str) -> str:
    """A standalone HTML page around exported fragments."""
    return ("<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
            "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
            "style-src 'unsafe-inline'\">"
            f"<title>{html.escape(title)}</title><style>{CSS}</style></head>"
            f"<body>\n{body}\n</body></html>\n")
