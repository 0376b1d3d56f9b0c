"""Knowledge-base and mention tables (issue 18).

Every table here syncs. Articles are mutable rows (last writer wins per field);
their versions, the links to the conversations they came from, and each use of
an article in a reply are append-only, so history and counts add up across
devices. None of the append-only rows has a foreign key to ``kb_articles``: an
article's tombstone must not take its history with it.

A mention is a mutable row per (note, mentioned agent), with a derived id so
two devices that see the same note converge on one row; ``seen_at`` is set
when the mentioned agent opens the conversation.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from supportdesk.models.base import Base, UTCDateTime, derived_id, new_id, utcnow


class Visibility(enum.StrEnum):
    """Who may read an article."""

    INTERNAL = "internal"  # the team only
    PUBLIC = "public"  # may go on the published help site


def link_id(article_id: str, conversation_id: str) -> str:
    """The id of an article-conversation link, the same on every device."""
    return derived_id("kb_link", article_id, conversation_id)


def mention_id(message_id: str, agent_id: str) -> str:
    """The id of a mention of an agent in a note, the same on every device."""
    return derived_id("mention", message_id, agent_id)


class KbArticle(Base):
    """A knowledge-base article. ``n`` feeds the device-local search index."""

    __tablename__ = "kb_articles"
    n: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    title: Mapped[str] = mapped_column(String(300))
    #: sanitised HTML (images as ``data:image`` URIs)
    body_html: Mapped[str] = mapped_column(Text, default="")
    #: the body as plain text, for search, snippets and inserting into a reply
    body_text: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(16), default="en")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    visibility: Mapped[str] = mapped_column(String(16), default=Visibility.INTERNAL)
    #: a draft is never published; publishing takes a rep's click
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the last version's number (versions are kb_article_versions rows)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_by: Mapped[str | None] = mapped_column(String(36))
    updated_by: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class KbArticleVersion(Base):
    """One saved state of an article: who saved it, when, and what it said."""

    __tablename__ = "kb_article_versions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    article_id: Mapped[str] = mapped_column(String(36), index=True)
    number: Mapped[int] = mapped_column(Integer)
    #: created, edited, reverted, published, unpublished, deleted
    action: Mapped[str] = mapped_column(String(32))
    agent_id: Mapped[str | None] = mapped_column(String(36))
    agent_name: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(300))
    body_html: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(16), default="en")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    visibility: Mapped[str] = mapped_column(String(16), default=Visibility.INTERNAL)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    #: which fields changed from the previous version
    changed: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class KbArticleLink(Base):
    """An article came from (or answers) a conversation."""

    __tablename__ = "kb_article_links"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    article_id: Mapped[str] = mapped_column(String(36), index=True)
    conversation_id: Mapped[str] = mapped_column(String(36), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class KbUse(Base):
    """An article's text or link went into a reply."""

    __tablename__ = "kb_uses"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    article_id: Mapped[str] = mapped_column(String(36), index=True)
    conversation_id: Mapped[str | None] = mapped_column(String(36))
    agent_id: Mapped[str | None] = mapped_column(String(36))
    #: "text" or "link"
    kind: Mapped[str] = mapped_column(String(16), default="text")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Mention(Base):
    """An agent was @mentioned in a note."""

    __tablename__ = "mentions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(36))
    message_id: Mapped[str] = mapped_column(String(36))
    agent_id: Mapped[str] = mapped_column(String(36))
    by_agent_id: Mapped[str | None] = mapped_column(String(36))
    by_name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


Index("ix_mentions_agent_seen", Mention.agent_id, Mention.seen_at)
Index("ix_mentions_conversation", Mention.conversation_id)


#: For the sync registry: (table model, merge kind, rank), as in models.workflow.
SYNC_SPECS: tuple[tuple[type[Base], str, int], ...] = (
    (KbArticle, "mutable", 12),
    (KbArticleVersion, "append_only", 13),
    (KbArticleLink, "append_only", 13),
    (KbUse, "append_only", 13),
    (Mention, "mutable", 12),
)

__all__ = [
    "SYNC_SPECS",
    "KbArticle",
    "KbArticleLink",
    "KbArticleVersion",
    "KbUse",
    "Mention",
    "Visibility",
    "link_id",
    "mention_id",
]
