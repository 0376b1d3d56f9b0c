"""Hourly rates for billing: the team's default, per customer, per contract, per agent.

Synced. One row per (scope, target), its id derived from them, so two devices
that set the same rate write the same row (last writer wins). Money is
integer cents.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from supportdesk.models.base import Base, UTCDateTime, derived_id, utcnow

SCOPES = ("team", "customer", "contract", "agent")


def rate_id(scope: str, target: str = "") -> str:
    """The id of the rate row of a scope and target (the same on every device)."""
    return derived_id("hourly_rate", scope, target)


class HourlyRate(Base):
    """The price of an hour of work in one scope."""

    __tablename__ = "hourly_rates"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    #: team | customer | contract | agent
    scope: Mapped[str] = mapped_column(String(16))
    #: the customer's, contract's or agent's id; empty for the team's default
    target_id: Mapped[str] = mapped_column(String(36), default="")
    rate_cents: Mapped[int] = mapped_column(Integer, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
