"""Rules that triage incoming messages, their firings, and pages to the on-call person.

All tables sync. A rule is a mutable row (last writer wins per field); a
firing is append-only with an id derived from the rule and the message (or
the conversation and its activity, for scheduled rules), so a rule fires once
per message however many devices ingest it. A page is a mutable row with an
id derived from what it is about; who sends it is decided by a claim at the
team server (``services.paging.claims``), and each step of its life is an
append-only event, so the conversation timeline and the weekly report can
show pages, acknowledgements and escalations.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from supportdesk.models.base import Base, UTCDateTime, new_id, utcnow


class Rule(Base):
    """An ordered "when … then …" rule.

    ``conditions`` is a list of ``{"field", "op", "value"}``; ``actions`` a
    list of ``{"type", "value"}`` (see ``services.rules.model``). ``trigger``
    is ``inbound`` (every new customer message), ``schedule`` (open
    conversations, periodically) or ``both``. Rules run by ``position``,
    then ``id``.
    """

    __tablename__ = "rules"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    trigger: Mapped[str] = mapped_column(String(16), default="inbound")
    #: ``all`` conditions must hold, or ``any`` one
    match: Mapped[str] = mapped_column(String(8), default="all")
    conditions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    actions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    #: a removed rule stays as a row (a starter rule would come back otherwise)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RuleFiring(Base):
    """One firing of a rule on one message (or one scheduled look at a conversation)."""

    __tablename__ = "rule_firings"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    #: no foreign key: a built-in starter rule has no row until someone edits it
    rule_id: Mapped[str] = mapped_column(String(36))
    rule_name: Mapped[str] = mapped_column(String(200), default="")
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id"), index=True)
    message_id: Mapped[str | None] = mapped_column(String(36))
    fired_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: what it did, as plain sentences ("set priority Urgent")
    effects: Mapped[list[Any]] = mapped_column(JSON, default=list)


Index("ix_rule_firings_rule_fired", RuleFiring.rule_id, RuleFiring.fired_at)
# ingest: has this message been through the rules already?
Index("ix_rule_firings_message", RuleFiring.message_id)


class Page(Base):
    """A page to the on-call person about one conversation, until someone acknowledges it.

    ``level`` is the step of the rota chain paged last (0: the person on
    call); ``next_at`` is when the next one is paged if nobody acknowledged.
    ``code`` is the acknowledgement code sent with the page.
    """

    __tablename__ = "pages"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id"), index=True)
    #: ``urgent_out_of_hours`` | ``sla_at_night`` | ``rule``
    reason: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300), default="")
    code: Mapped[str] = mapped_column(String(16))
    level: Mapped[int] = mapped_column(Integer, default=0)
    #: the agents paged so far, in order
    chain: Mapped[list[Any]] = mapped_column(JSON, default=list)
    agent_id: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acked_by: Mapped[str | None] = mapped_column(String(200))
    #: ``open`` | ``acked`` | ``exhausted`` (nobody left in the rota)
    state: Mapped[str] = mapped_column(String(16), default="open")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


Index("ix_pages_state_next", Page.state, Page.next_at)


class PageEvent(Base):
    """One step of a page: sent to someone (by mail, by push), escalated, acknowledged."""

    __tablename__ = "page_events"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    page_id: Mapped[str] = mapped_column(ForeignKey("pages.id"), index=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id"), index=True)
    #: ``sent`` | ``escalated`` | ``acked`` | ``failed``
    kind: Mapped[str] = mapped_column(String(16))
    level: Mapped[int] = mapped_column(Integer, default=0)
    agent_id: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    detail: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


Index("ix_page_events_kind_at", PageEvent.kind, PageEvent.at)


class AgentPaging(Base):
    """Where to page an agent: a paging mail address and, optionally, an ntfy topic URL."""

    __tablename__ = "agent_paging"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    agent_id: Mapped[str] = mapped_column(ForeignKey("agents.id"), unique=True)
    address: Mapped[str] = mapped_column(String(320), default="")
    ntfy_url: Mapped[str] = mapped_column(String(500), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


#: For the sync registry: (table model, merge kind, rank), like ``workflow.SYNC_SPECS``.
SYNC_SPECS: tuple[tuple[type[Base], str, int], ...] = (
    (Rule, "mutable", 8),
    (AgentPaging, "mutable", 9),
    (RuleFiring, "append_only", 10),
    (Page, "mutable", 10),
    (PageEvent, "append_only", 11),
)
