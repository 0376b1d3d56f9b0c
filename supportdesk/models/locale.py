"""The team's language and phone country: one synced row.

The row's id is derived, so two devices that each save it write the same row
and sync merges their fields. Empty values mean "not chosen yet": the phone
country then follows the team's time zone, the language the window's.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from supportdesk.models.base import Base, UTCDateTime, derived_id, utcnow

#: The id of the one team-locale row (every device derives the same one).
TEAM_LOCALE_ID = derived_id("team_locale")


class TeamLocale(Base):
    """The team's default phone country and its language for reports and acknowledgements."""

    __tablename__ = "team_locale"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=TEAM_LOCALE_ID)
    #: ISO 3166 region for phone numbers typed without a country code (``IS``); "" = from zone
    phone_region: Mapped[str] = mapped_column(String(2), default="")
    #: language of reports and acknowledgements (``ru``, ``is``, ``en``); "" = English
    language: Mapped[str] = mapped_column(String(8), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


#: For the sync registry: (table model, merge kind, rank).
SYNC_SPECS: tuple[tuple[type[Base], str, int], ...] = ((TeamLocale, "mutable", 8),)
