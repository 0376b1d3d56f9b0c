"""The record that a customer was erased (a data-protection request). Synced.

It says that an erasure happened, when and by whom, and how much was
anonymised; never what was erased. It also lists the attachment files and the
rows it removed (by hash and id only), so every device that receives it
removes the files and the leftovers of those rows too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from supportdesk.models.base import Base, UTCDateTime, new_id, utcnow


class Erasure(Base):
    """One customer erasure (append-only)."""

    __tablename__ = "erasures"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    erased_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: who erased (the agent signed in on the device that did it)
    agent_id: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    #: anonymised counts kept for reports
    conversations: Mapped[int] = mapped_column(Integer, default=0)
    messages: Mapped[int] = mapped_column(Integer, default=0)
    #: what every device removes: {"blobs": [sha256...], "ids": {table: [id...]}}
    removed: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
