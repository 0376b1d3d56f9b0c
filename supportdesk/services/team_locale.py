"""The team's phone country and language (a synced team setting).

Phone numbers typed without a country code are read in the team's default
country. Until someone chooses one it follows the team's time zone
(``Atlantic/Reykjavik`` → Iceland); a customer whose country is known (a
phone number on record) wins over both, and a number typed with ``+`` or
``00`` is never read in any default.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.models import Conversation, Identity, IdentityKind, utcnow
from supportdesk.models.locale import TEAM_LOCALE_ID, TeamLocale
from supportdesk.services.workflow import team
from supportdesk.store import UnitOfWork

#: languages the team may write reports and acknowledgements in ("" = English)
TEAM_LANGUAGES = ("", "en", "ru", "is")

#: zones of the countries whose teams use SupportDesk, for systems without zone.tab
_ZONES = {
    "Atlantic/Reykjavik": "IS", "Europe/Moscow": "RU", "Europe/Samara": "RU",
    "Asia/Yekaterinburg": "RU", "Asia/Novosibirsk": "RU", "Asia/Vladivostok": "RU",
    "Europe/Kaliningrad": "RU", "Europe/London": "GB", "Europe/Dublin": "IE",
    "Europe/Berlin": "DE", "Europe/Paris": "FR", "Europe/Oslo": "NO",
    "Europe/Stockholm": "SE", "Europe/Copenhagen": "DK", "Europe/Helsinki": "FI",
    "America/New_York": "US", "America/Chicago": "US", "America/Denver": "US",
    "America/Los_Angeles": "US", "America/Toronto": "CA", "Australia/Sydney": "AU",
}
_ZONE_TABLES = (Path("/usr/share/zoneinfo/zone.tab"), Path("/usr/share/zoneinfo/zone1970.tab"))


class TeamLocaleError(ValueError):
    """A country or language SupportDesk cannot use; the message says why."""


@functools.cache
def _zone_regions() -> dict[str, str]:
    found = dict(_ZONES)
    for path in _ZONE_TABLES:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for line in lines:
            if line.startswith("#"):
                continue
            parts = line.split("\t")
            # zone.tab: CC, coordinates, TZ; zone1970.tab may list several countries
            if len(parts) >= 3 and parts[0][:2].isalpha():
                found.setdefault(parts[2], parts[0].split(",")[0].upper())
    return found


def region_for_zone(zone: str) -> str | None:
    """The country of an IANA time zone (``Atlantic/Reykjavik`` → ``IS``), when known."""
    return _zone_regions().get(zone)


@dataclass(frozen=True)
class TeamLocaleInfo:
    """The team's choices, and what applies until they are made."""

    #: the country phone numbers without a country code are read in
    phone_region: str
    #: whether someone chose it (False: it follows the team's time zone)
    phone_region_chosen: bool
    #: the language of reports and acknowledgements ("" = English)
    language: str


def load_locale(
    session: Session, fallback_tz: ZoneInfo | None = None, fallback_region: str = "US"
) -> TeamLocaleInfo:
    """The team's phone country and language.

    Args:
        fallback_tz: the zone used before the team stored one (``team.fallback_zone``).
        fallback_region: the country when neither a choice nor the zone tells one.
    """
    row = session.get(TeamLocale, TEAM_LOCALE_ID)
    if row is not None and row.phone_region:
        return TeamLocaleInfo(row.phone_region, True, row.language)
    zone = team.load_team(session, fallback_tz).tz.key
    region = region_for_zone(zone) or fallback_region.upper() or "US"
    return TeamLocaleInfo(region, False, row.language if row is not None else "")


def _check_region(region: str) -> str:
    import phonenumbers

    code = region.strip().upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise TeamLocaleError(
            f"{region!r} is not a country SupportDesk can read phone numbers for. Use a "
            "two-letter code such as IS, RU or GB."
        )
    return code


def save_locale(
    uow: UnitOfWork, *, phone_region: str | None = None, language: str | None = None
) -> TeamLocale:
    """Store the team's phone country and/or language (the other stays as it is).

    Raises:
        TeamLocaleError: an unknown country code or language.
    """
    values: dict[str, str] = {}
    if phone_region is not None:
        values["phone_region"] = _check_region(phone_region)
    if language is not None:
        if language not in TEAM_LANGUAGES:
            raise TeamLocaleError(
                f"{language!r} is not a language SupportDesk writes; use en, ru or is.")
        values["language"] = language
    row = uow.session.get(TeamLocale, TEAM_LOCALE_ID)
    if row is None:
        return uow.add(TeamLocale(id=TEAM_LOCALE_ID, phone_region=values.get("phone_region", ""),
                                  language=values.get("language", ""), updated_at=utcnow()))
    if uow.update(row, **values):
        uow.update(row, updated_at=utcnow())
    return row


def customer_region(session: Session, customer_id: str | None) -> str | None:
    """The country of a customer's phone number on record, if there is one."""
    if customer_id is None:
        return None
    import phonenumbers

    for value in session.scalars(
        select(Identity.value)
        .where(Identity.customer_id == customer_id, Identity.kind == IdentityKind.PHONE)
        .order_by(Identity.value)
    ):
        try:
            region = phonenumbers.region_code_for_number(phonenumbers.parse(value, None))
        except phonenumbers.NumberParseException:
            continue
        if region and region != "ZZ":
            return str(region)
    return None


@dataclass(frozen=True)
class CallRegion:
    """The country a call's number is read in, and why."""

    region: str
    #: "customer" (their number on record), "team" (chosen) or "zone" (the team's zone)
    source: str


def call_region(
    session: Session,
    conversation_id: str | None,
    fallback_tz: ZoneInfo | None = None,
    fallback_region: str = "US",
) -> CallRegion:
    """Where a number typed on a call (added to ``conversation_id``, if any) is read."""
    if conversation_id is not None:
        customer_id = session.scalar(
            select(Conversation.customer_id).where(Conversation.id == conversation_id))
        known = customer_region(session, customer_id)
        if known is not None:
            return CallRegion(known, "customer")
    info = load_locale(session, fallback_tz, fallback_region)
    return CallRegion(info.phone_region, "team" if info.phone_region_chosen else "zone")
