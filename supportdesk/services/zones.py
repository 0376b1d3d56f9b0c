"""Time zones by name, and this computer's zone: shared by imports, SLAs and reports."""

from __future__ import annotations

import contextlib
import os
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


class UnknownZoneError(ValueError):
    """A zone name that is not in the time-zone database; the message says so."""


def zone_named(name: str) -> ZoneInfo:
    """The IANA zone of that name (``Europe/Berlin``, ``UTC``).

    Raises:
        UnknownZoneError: with a sentence a rep can act on.
    """
    cleaned = name.strip()
    if not cleaned:
        raise UnknownZoneError("Give a time zone name, like Europe/Berlin or America/New_York.")
    try:
        return ZoneInfo(cleaned)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        pass
    folded = {z.casefold(): z for z in available_timezones()}
    hit = folded.get(cleaned.casefold())
    if hit is not None:
        return ZoneInfo(hit)
    raise UnknownZoneError(
        f'"{name}" is not a time zone SupportDesk knows. Use a name like Europe/Berlin, '
        "America/New_York or UTC."
    )


def zone_name(zone: tzinfo) -> str:
    """A zone's IANA key, or what it calls itself."""
    key = getattr(zone, "key", None)
    if isinstance(key, str):
        return key
    return zone.tzname(datetime.now(zone)) or str(zone)


def local_zone() -> tzinfo:
    """This computer's zone, as an IANA zone when it can be found.

    Tries ``$TZ``, ``/etc/timezone`` and the ``/etc/localtime`` link; falls back
    to the current fixed offset (which ignores daylight saving).
    """
    candidates: list[str] = []
    env = os.environ.get("TZ", "").lstrip(":")
    if env:
        candidates.append(env)
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        if not name:
            continue
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
    fixed = datetime.now().astimezone().tzinfo
    assert fixed is not None
    return fixed
