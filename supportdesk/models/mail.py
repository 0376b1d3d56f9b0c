"""The email channel's device-local tables: mailboxes, fetch state, indexes, the send queue.

None of these sync: each device fetches its mailboxes itself (ingested rows
get deterministic ids, so devices converge) and sends what it wrote. The
messages they lead to live in the synced ``messages`` table. Passwords are
never here: they live in the OS keyring (or, without one, in memory for a
session).
"""

from __future__ import annotations

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
)
from sqlalchemy.orm import Mapped, mapped_column

from supportdesk.models.base import Base, UTCDateTime, new_id, utcnow


class OutgoingStatus:
    """Where an outgoing mail is on its way out."""

    QUEUED = "queued"  # waiting for its turn (first try, or a retry after a delay)
    SENDING = "sending"  # a sender has it right now
    SENT = "sent"  # the server took it
    FAILED = "failed"  # refused for good, or interrupted; the rep decides
    CANCELLED = "cancelled"  # deleted from the outbox by a rep; never sent


class Mailbox(Base):
    """A support mailbox: where mail comes in (IMAP) and goes out (SMTP)."""

    __tablename__ = "mailboxes"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    #: lower-case; the From of replies and the key of ingested message ids
    address: Mapped[str] = mapped_column(String(320), unique=True)
    #: the name shown in From (e.g. "Acme Support")
    display_name: Mapped[str] = mapped_column(String(200), default="")
    username: Mapped[str] = mapped_column(String(320))
    imap_host: Mapped[str] = mapped_column(String(255))
    imap_port: Mapped[int] = mapped_column(Integer, default=993)
    imap_security: Mapped[str] = mapped_column(String(16), default="tls")
    smtp_host: Mapped[str] = mapped_column(String(255))
    smtp_port: Mapped[int] = mapped_column(Integer, default=587)
    smtp_security: Mapped[str] = mapped_column(String(16), default="starttls")
    #: None: the folder the server marks as Sent (created when there is none)
    sent_folder: Mapped[str | None] = mapped_column(String(255))
    #: trust exactly this CA file instead of the system store (self-hosted servers)
    ca_file: Mapped[str | None] = mapped_column(Text)
    #: how far back the first fetch reaches
    fetch_window_days: Mapped[int] = mapped_column(Integer, default=90)
    #: placeholder: send an automatic acknowledgement to new conversations
    auto_ack: Mapped[bool] = mapped_column(Boolean, default=False)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MailFolderState(Base):
    """How far a mailbox folder has been fetched (IMAP UIDs under one UIDVALIDITY)."""

    __tablename__ = "mail_folder_state"
    mailbox_id: Mapped[str] = mapped_column(
        ForeignKey("mailboxes.id", ondelete="CASCADE"), primary_key=True
    )
    folder: Mapped[str] = mapped_column(String(255), primary_key=True)
    uidvalidity: Mapped[int] = mapped_column(Integer)
    last_uid: Mapped[int] = mapped_column(Integer)
    highestmodseq: Mapped[int | None] = mapped_column(Integer)
    last_fetch_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)


class MailMessageId(Base):
    """Which stored message carries a Message-ID, and where it is now (for threading).

    Kept in step with ``messages`` by triggers (migration 0003), so mail that
    arrives through sync is found as well as mail fetched here.
    """

    __tablename__ = "mail_message_ids"
    #: normalised Message-ID (no angle brackets, domain lower-cased)
    message_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    message_row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(36))


Index("ix_mail_message_ids_row", MailMessageId.message_row_id)


class MailTicketRef(Base):
    """Ticket references (``SD-XXXXXXXX``) of conversations, to read tags in subjects.

    A reference is a hash of the conversation id, so it cannot be reversed;
    this table is filled in as conversations appear (by their local ``n``).
    """

    __tablename__ = "mail_ticket_refs"
    ticket: Mapped[str] = mapped_column(String(16), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    conversation_n: Mapped[int] = mapped_column(Integer)


Index("ix_mail_ticket_refs_n", MailTicketRef.conversation_n)


class MailOutgoing(Base):
    """One mail waiting to go out, going out, sent, or failed.

    The message itself is already in the conversation (an ``email_out``
    message); the exact bytes to send are in the blob store.
    """

    __tablename__ = "mail_outgoing"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    mailbox_id: Mapped[str] = mapped_column(ForeignKey("mailboxes.id"))
    message_row_id: Mapped[str] = mapped_column(String(36))
    conversation_id: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(16), default=OutgoingStatus.QUEUED)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: what went wrong last, in plain words for the rep
    last_error: Mapped[str | None] = mapped_column(Text)
    raw_sha256: Mapped[str] = mapped_column(String(64))
    mail_from: Mapped[str] = mapped_column(String(320))
    recipients: Mapped[list[Any]] = mapped_column(JSON, default=list)
    subject: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: a copy still has to be filed in the mailbox's Sent folder
    sent_copy_pending: Mapped[bool] = mapped_column(Boolean, default=False)


Index("ix_mail_outgoing_status_next", MailOutgoing.status, MailOutgoing.next_attempt_at)


class MailRemoteImageSender(Base):
    """A sender whose mail may load remote images (the rep allowed it)."""

    __tablename__ = "mail_remote_image_senders"
    address: Mapped[str] = mapped_column(String(320), primary_key=True)
    allowed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
