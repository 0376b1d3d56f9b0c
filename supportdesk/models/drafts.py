"""Text a rep is writing and has not sent or saved yet. Device-local: never synced."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from supportdesk.models.base import Base, UTCDateTime, utcnow


class ComposeDraft(Base):
    """One unfinished note or mail, kept as the rep types so a crash loses nothing.

    ``key`` is ``"<mode>:<conversation id>"`` (``"new:"`` for a new mail that
    has no conversation yet); ``mode`` is ``note``, ``reply``, ``reply_all``,
    ``forward`` or ``new``; ``fields`` holds the text boxes (recipients,
    subject, body, the mailbox and the message answered).
    """

    __tablename__ = "compose_drafts"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    conversation_id: Mapped[str | None] = mapped_column(String(36))
    mode: Mapped[str] = mapped_column(String(16))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


Index("ix_compose_drafts_conversation", ComposeDraft.conversation_id)
