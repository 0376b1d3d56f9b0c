"""Support workflow tables: SLA settings and tracking, escalation, on-call, canned
answers, time tracking, contracts and notifications.

Every table here syncs: each has a text ``id`` and is written only through the
unit of work. Column types stay within what sync knows (text, integer,
boolean, JSON, ``UTCDateTime``): calendar dates are ISO text (``2026-03-31``),
wall-clock times are ``HH:MM`` text, money is integer cents.

Rows that must converge when two devices make them (the team settings, the
SLA tracking of a conversation, a notification) get ids derived from what
they describe, so both devices write the same row.
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
)
from sqlalchemy.orm import Mapped, mapped_column

from supportdesk.models.base import Base, UTCDateTime, derived_id, new_id, utcnow

#: The id of the one team-settings row (every device derives the same one).
TEAM_SETTINGS_ID = derived_id("team_settings")


def sla_tracking_id(conversation_id: str) -> str:
    """The id of a conversation's SLA tracking row, the same on every device."""
    return derived_id("sla_tracking", conversation_id)


class ContractKind(enum.StrEnum):
    """How a customer's support is paid for."""

    NONE = "none"  # explicitly no cover: every piece of work is flagged
    PER_INCIDENT = "per_incident"  # each conversation is billed at price_cents
    PREPAID_HOURS = "prepaid_hours"  # a pack of minutes (prepaid_quantity)
    PREPAID_INCIDENTS = "prepaid_incidents"  # a pack of incidents (prepaid_quantity)


class UsageKind(enum.StrEnum):
    """What a contract usage entry counts."""

    MINUTES = "minutes"  # work time drawn from a prepaid-hours pack
    INCIDENT = "incident"  # one conversation drawn from an incident pack or billed
    TOPUP = "topup"  # adds to the balance (more hours or incidents bought)
    ADJUSTMENT = "adjustment"  # a correction; positive draws, negative gives back


class TimeEntryKind(enum.StrEnum):
    """Work done by the team, or time spent with a vendor's support."""

    WORK = "work"
    VENDOR = "vendor"


class TeamSettings(Base):
    """The team's time zone, business week, holidays and workflow knobs (one row)."""

    __tablename__ = "team_settings"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=TEAM_SETTINGS_ID)
    team_name: Mapped[str] = mapped_column(String(200), default="")
    #: IANA zone, e.g. ``Europe/London``
    timezone: Mapped[str] = mapped_column(String(64))
    #: ``BusinessCalendar.to_dict()["week"]``: ``{"mon": [["09:00", "17:00"]], ...}``
    week: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: ISO dates (local to ``timezone``) on which the team is closed
    holidays: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: a conversation is "due soon" this much business time before it is due
    warn_before_minutes: Mapped[int] = mapped_column(Integer, default=60)
    #: average handling time of one conversation, for queue-based ETAs
    handling_minutes: Mapped[int] = mapped_column(Integer, default=20)
    #: agents answering at once for ETAs; 0 means the number of active agents
    eta_agents: Mapped[int] = mapped_column(Integer, default=0)
    #: a running timer warns after this many hours
    timer_warn_hours: Mapped[int] = mapped_column(Integer, default=4)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SlaPolicyRow(Base):
    """An SLA policy: targets per priority, in business minutes.

    ``targets`` is ``{"normal": {"first_response_minutes": 240, ...}, ...}``
    (``SlaTargets.to_dict`` per priority). ``week`` overrides the team's week
    (e.g. 24/7 for a premium contract); ``None`` uses the team's. The
    default policy applies to conversations without a contract policy.
    """

    __tablename__ = "sla_policies"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    targets: Mapped[dict[str, Any]] = mapped_column(JSON)
    week: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    use_holidays: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Contract(Base):
    """What a customer (or everyone in an organisation) has bought.

    ``prepaid_quantity`` is minutes for an hours pack, a count for an
    incident pack. ``starts_on``/``expires_on`` are inclusive local dates in
    the team's zone; ``expires_on`` ``None`` never expires.
    """

    __tablename__ = "contracts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"), index=True)
    organization: Mapped[str | None] = mapped_column(String(300), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    price_cents: Mapped[int] = mapped_column(Integer, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    prepaid_quantity: Mapped[int] = mapped_column(Integer, default=0)
    starts_on: Mapped[str] = mapped_column(String(10))
    expires_on: Mapped[str | None] = mapped_column(String(10))
    sla_policy_id: Mapped[str | None] = mapped_column(ForeignKey("sla_policies.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ContractUsage(Base):
    """One draw on (or top-up of) a contract; the balance is their running sum."""

    __tablename__ = "contract_usage"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    contract_id: Mapped[str] = mapped_column(ForeignKey("contracts.id"))
    kind: Mapped[str] = mapped_column(String(16))
    #: minutes or incidents; see ``UsageKind``
    amount: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    conversation_id: Mapped[str | None] = mapped_column(ForeignKey("conversations.id"))
    time_entry_id: Mapped[str | None] = mapped_column(String(36))
    agent_id: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    note: Mapped[str] = mapped_column(Text, default="")


Index("ix_contract_usage_contract_at", ContractUsage.contract_id, ContractUsage.at)


class SlaTracking(Base):
    """Where a conversation stands against its SLA; one row per conversation.

    Message facts (received, first response, waiting since) are recomputed
    from the timeline; status facts (pauses while pending, resolution) are
    kept as they are seen. ``next_due_at`` and ``warn_at`` serve the inbox's
    "Overdue" and "Due soon" views: the earliest unmet due time, and the
    instant it becomes "due soon"; both ``None`` when nothing is due.
    """

    __tablename__ = "sla_tracking"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(
        ForeignKey("conversations.id"), unique=True
    )
    policy_id: Mapped[str | None] = mapped_column(String(36))
    policy_name: Mapped[str] = mapped_column(String(200), default="")
    #: the status and priority last seen, to notice changes
    status: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(16))
    #: the mailbox (or chat channel) the conversation came in through, for the queue
    mailbox: Mapped[str | None] = mapped_column(String(320))
    #: where the current cycle began: ``None`` for the first, else the customer
    #: message that reopened a resolved conversation
    cycle_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    first_response_due: Mapped[datetime | None] = mapped_column(UTCDateTime)
    first_response_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: the first customer message not answered yet (after the first response)
    awaiting_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_response_due: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolution_due: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: waits on the customer: ``[[start_iso, end_iso_or_null], ...]``
    pauses: Mapped[list[Any]] = mapped_column(JSON, default=list)
    next_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    warn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    breached_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: the automatic acknowledgement: when it was claimed and what it promised
    ack_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ack_eta: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


Index("ix_sla_tracking_next_due", SlaTracking.next_due_at)
Index("ix_sla_tracking_warn", SlaTracking.warn_at)
# reports: SLA attainment of the conversations received in a period
Index("ix_sla_tracking_received", SlaTracking.received_at)


class Escalation(Base):
    """A conversation handed to an expert or a tier, with why and what was tried."""

    __tablename__ = "escalations"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id"), index=True)
    from_agent_id: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    to_agent_id: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    to_tier: Mapped[str | None] = mapped_column(String(80))
    reason: Mapped[str] = mapped_column(Text)
    tried: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_by: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    resolve_reason: Mapped[str | None] = mapped_column(Text)


class OnCallShift(Base):
    """A weekly on-call shift in the team's zone; ``end_time`` <= ``start_time`` runs overnight."""

    __tablename__ = "oncall_shifts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    agent_id: Mapped[str] = mapped_column(ForeignKey("agents.id"))
    weekday: Mapped[int] = mapped_column(Integer)  # 0 = Monday
    start_time: Mapped[str] = mapped_column(String(5))  # HH:MM
    end_time: Mapped[str] = mapped_column(String(5))  # HH:MM, 24:00 allowed
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class OnCallOverride(Base):
    """Someone else covers a stretch of time (a swap, a holiday); wins over the rota."""

    __tablename__ = "oncall_overrides"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    agent_id: Mapped[str] = mapped_column(ForeignKey("agents.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


Index("ix_oncall_overrides_span", OnCallOverride.starts_at, OnCallOverride.ends_at)


class CannedResponse(Base):
    """A reusable answer with placeholders such as ``{customer_name}``."""

    __tablename__ = "canned_responses"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    title: Mapped[str] = mapped_column(String(200))
    shortcut: Mapped[str] = mapped_column(String(40), default="")
    language: Mapped[str] = mapped_column(String(16), default="en")
    body: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CannedUsage(Base):
    """One use of a canned answer (append-only, so counts add up across devices)."""

    __tablename__ = "canned_usage"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    canned_id: Mapped[str] = mapped_column(ForeignKey("canned_responses.id"), index=True)
    conversation_id: Mapped[str | None] = mapped_column(ForeignKey("conversations.id"))
    agent_id: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    used_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TimeEntry(Base):
    """Time spent on a conversation; a vendor entry also names the vendor and case."""

    __tablename__ = "time_entries"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id"), index=True)
    agent_id: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    kind: Mapped[str] = mapped_column(String(16), default=TimeEntryKind.WORK)
    minutes: Mapped[int] = mapped_column(Integer)
    billable: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(Text, default="")
    vendor_name: Mapped[str | None] = mapped_column(String(200))
    vendor_case: Mapped[str | None] = mapped_column(String(120))
    #: of ``minutes``, how many were on the phone with the vendor
    phone_minutes: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Timer(Base):
    """A running (or paused, or stopped) stopwatch on a conversation.

    Its state is all here, so it keeps running across restarts.
    """

    __tablename__ = "timers"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id"))
    agent_id: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: ``[[start_iso, end_iso_or_null], ...]``; an open last pause means paused
    pauses: Mapped[list[Any]] = mapped_column(JSON, default=list)
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    time_entry_id: Mapped[str | None] = mapped_column(String(36))


Index("ix_timers_agent_stopped", Timer.agent_id, Timer.stopped_at)


class Notification(Base):
    """Something a person must see: a breach, an urgent conversation out of hours.

    ``agent_id`` ``None`` is for the whole team. ``n`` is a device-local
    counter so each device shows each notification once.
    """

    __tablename__ = "notifications"
    n: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    agent_id: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    conversation_id: Mapped[str | None] = mapped_column(ForeignKey("conversations.id"))
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


Index("ix_notifications_agent_n", Notification.agent_id, Notification.n)


#: For the sync registry: (table model, merge kind, rank). Ranks follow the
#: core tables' (agents 0 … activities 7): parents before children.
#: Kinds are ``sync.schema.Kind`` values; models may not import sync.
SYNC_SPECS: tuple[tuple[type[Base], str, int], ...] = (
    (TeamSettings, "mutable", 8),
    (SlaPolicyRow, "mutable", 8),
    (CannedResponse, "mutable", 8),
    (OnCallShift, "mutable", 9),
    (OnCallOverride, "mutable", 9),
    (Contract, "mutable", 9),
    (SlaTracking, "mutable", 10),
    (Escalation, "mutable", 10),
    (Timer, "mutable", 10),
    (TimeEntry, "append_only", 10),
    (CannedUsage, "append_only", 10),
    (ContractUsage, "append_only", 11),
    (Notification, "mutable", 11),
)
