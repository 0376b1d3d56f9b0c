"""The tables of a SupportDesk profile.

Every synced table has a text UUID ``id``. Tables that feed the full-text
index also carry an integer ``n`` (SQLite's rowid alias) that the FTS5
external-content tables point at; ``n`` is local to a device and never leaves it.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from supportdesk.models.base import Base, UTCDateTime, new_id, utcnow


class Channel(enum.StrEnum):
    """Where a conversation or message came from."""

    EMAIL = "email"
    CHAT = "chat"
    PHONE = "phone"


class Status(enum.StrEnum):
    """Lifecycle of a conversation."""

    OPEN = "open"
    PENDING = "pending"  # waiting on the customer
    SOLVED = "solved"


class Priority(enum.StrEnum):
    """How urgent a conversation is; ordered from least to most."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


PRIORITY_RANK = {Priority.LOW: 0, Priority.NORMAL: 1, Priority.HIGH: 2, Priority.URGENT: 3}


class MessageKind(enum.StrEnum):
    """The kinds of entry in a conversation's timeline."""

    EMAIL_IN = "email_in"
    EMAIL_OUT = "email_out"
    CHAT = "chat"
    CALL = "call"
    NOTE = "note"


class IdentityKind(enum.StrEnum):
    """How a customer can be recognised."""

    EMAIL = "email"
    PHONE = "phone"
    CHAT = "chat"


class Meta(Base):
    """Profile-local settings and facts (device id, the signed-in agent). Not synced."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Agent(Base):
    """A member of the support team."""

    __tablename__ = "agents"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(20), default="agent")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Customer(Base):
    """A person the team supports; known by one or more identities."""

    __tablename__ = "customers"
    n: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    name: Mapped[str] = mapped_column(String(300))
    organization: Mapped[str | None] = mapped_column(String(300))
    language: Mapped[str | None] = mapped_column(String(16))
    notes: Mapped[str | None] = mapped_column(Text)
    merged_into_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Identity(Base):
    """One way to reach a customer: an email address, a phone number, a chat handle."""

    __tablename__ = "identities"
    __table_args__ = (UniqueConstraint("kind", "value"),)
    n: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    #: normalised form: lower-case address, E.164 number, ``network:handle``
    value: Mapped[str] = mapped_column(String(320))
    #: as the rep or the source wrote it
    display: Mapped[str] = mapped_column(String(320))
    #: digits only for phones, for search by partial number
    search_key: Mapped[str] = mapped_column(String(320), index=True)


class Conversation(Base):
    """A thread of work with one customer, across channels."""

    __tablename__ = "conversations"
    n: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    subject: Mapped[str] = mapped_column(String(500), default="")
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"))
    channel: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default=Status.OPEN)
    priority: Mapped[str] = mapped_column(String(16), default=Priority.NORMAL)
    assignee_id: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    unread: Mapped[bool] = mapped_column(Boolean, default=True)
    snippet: Mapped[str] = mapped_column(String(300), default="")
    message_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


Index("ix_conv_status_activity", Conversation.status, Conversation.last_activity_at)
Index(
    "ix_conv_assignee_status_activity",
    Conversation.assignee_id,
    Conversation.status,
    Conversation.last_activity_at,
)
Index(
    "ix_conv_channel_status_activity",
    Conversation.channel,
    Conversation.status,
    Conversation.last_activity_at,
)
Index("ix_conv_activity", Conversation.last_activity_at)
Index("ix_conv_customer_activity", Conversation.customer_id, Conversation.last_activity_at)
# reports: conversations opened in a period
Index("ix_conv_created", Conversation.created_at)


class ConversationTag(Base):
    """A tag on a conversation (an add/remove set when synced)."""

    __tablename__ = "conversation_tags"
    conversation_id: Mapped[str] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(80), primary_key=True)


Index("ix_tag_tag_conversation", ConversationTag.tag, ConversationTag.conversation_id)


class Message(Base):
    """One entry in a conversation: a mail, a chat line, a call, an internal note.

    ``meta`` holds what only some kinds have (a call's direction, duration and
    outcome; a mail's addresses; why it joined this conversation).
    """

    __tablename__ = "messages"
    n: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id"))
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    author_agent_id: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    author_customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"))
    author_name: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    body_text: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str | None] = mapped_column(Text)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: sha256 of the raw original (mail source, transcript) in the blob store
    raw_sha256: Mapped[str | None] = mapped_column(String(64))


Index("ix_msg_conversation_created", Message.conversation_id, Message.created_at)
# reports: a conversation's first reply and first customer message, and the heatmap
Index(
    "ix_msg_conversation_reply",
    Message.conversation_id,
    Message.created_at,
    sqlite_where=text("author_agent_id IS NOT NULL AND kind != 'note'"),
)
Index(
    "ix_msg_conversation_inbound",
    Message.conversation_id,
    Message.created_at,
    sqlite_where=text("author_customer_id IS NOT NULL"),
)
Index(
    "ix_msg_inbound_created",
    Message.created_at,
    sqlite_where=text("author_customer_id IS NOT NULL"),
)


class Attachment(Base):
    """A file attached to a message, stored content-addressed beside the database."""

    __tablename__ = "attachments"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    message_id: Mapped[str] = mapped_column(ForeignKey("messages.id"), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    mime_type: Mapped[str] = mapped_column(String(120), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content_id: Mapped[str | None] = mapped_column(String(300))
    inline: Mapped[bool] = mapped_column(Boolean, default=False)


class Activity(Base):
    """The history of a conversation: who changed what, and when."""

    __tablename__ = "activities"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    agent_id: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    kind: Mapped[str] = mapped_column(String(32))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


Index("ix_activity_conversation_created", Activity.conversation_id, Activity.created_at)
# reports: status changes in a period, and a conversation's status history
Index("ix_activity_kind_created", Activity.kind, Activity.created_at)
Index("ix_activity_conversation_kind", Activity.conversation_id, Activity.kind,
      Activity.created_at)


class OutboxEntry(Base):
    """One domain change waiting to be pushed to the team's server.

    Written in the same transaction as the change itself; ``seq`` is the
    device's increasing mutation id.
    """

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(16))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    hlc: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    pushed: Mapped[bool] = mapped_column(Boolean, default=False)


Index("ix_outbox_pushed_seq", OutboxEntry.pushed, OutboxEntry.seq)
