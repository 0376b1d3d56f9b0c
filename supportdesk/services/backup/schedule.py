"""Automatic backups: where they go, when one is due, which ones to keep.

Automatic backups are named ``supportdesk-YYYY-MM-DD-HHMMSS.sdbackup`` (UTC);
only files with such names are ever counted or removed, so a folder shared
with other files is safe. The newest backup of each of the last 7 days that
have one is kept, and before those the newest of each of 4 ISO weeks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from supportdesk.config import Setting, Settings

BACKUP_FOLDER = Setting("backup_folder", str, "", "automatic backups go here; empty: default")
BACKUP_AUTO = Setting("backup_auto", bool, True, "back up daily while the app runs")
KEEP_DAILY = 7
KEEP_WEEKLY = 4
INTERVAL = timedelta(days=1)
NAME = re.compile(r"^supportdesk-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})\.sdbackup$")


@dataclass(frozen=True)
class Backup:
    """One automatic backup file and when it was made (UTC)."""

    path: Path
    made: datetime


def default_folder(profile: Path) -> Path:
    """Beside the profile: ``<profile's parent>/backups/<profile's name>``."""
    profile = profile.expanduser().absolute()
    return profile.parent / "backups" / profile.name


def folder(settings: Settings, profile: Path) -> Path:
    """Where automatic backups of this profile go."""
    chosen = settings.get(BACKUP_FOLDER).strip()
    return Path(chosen).expanduser() if chosen else default_folder(profile)


def backups(where: Path) -> list[Backup]:
    """The automatic backups in a folder, newest first."""
    found: list[Backup] = []
    if not where.is_dir():
        return found
    for p in where.iterdir():
        m = NAME.match(p.name)
        if m and p.is_file():
            try:
                y, mo, d, h, mi, se = (int(g) for g in m.groups())
                made = datetime(y, mo, d, h, mi, se, tzinfo=UTC)
            except ValueError:
                continue
            found.append(Backup(p, made))
    return sorted(found, key=lambda b: b.made, reverse=True)


def due(where: Path, now: datetime) -> bool:
    """Whether an automatic backup is due (none yet, or the newest is a day old)."""
    found = backups(where)
    return not found or now - found[0].made >= INTERVAL


def to_keep(found: list[Backup], daily: int = KEEP_DAILY,
            weekly: int = KEEP_WEEKLY) -> list[Backup]:
    """The backups the rotation keeps (newest first)."""
    kept: list[Backup] = []
    days: set[object] = set()
    for b in found:
        if len(days) >= daily:
            break
        if b.made.date() not in days:
            days.add(b.made.date())
            kept.append(b)
    oldest_daily = kept[-1].made if kept else None
    weeks: set[tuple[int, int]] = set()
    for b in found:
        if oldest_daily is not None and b.made >= oldest_daily:
            continue
        week = b.made.isocalendar()[:2]
        if len(weeks) >= weekly:
            break
        if week not in weeks:
            weeks.add((week[0], week[1]))
            kept.append(b)
    return kept


def prune(where: Path) -> list[Path]:
    """Remove the automatic backups the rotation does not keep; returns them."""
    found = backups(where)
    keep = {b.path for b in to_keep(found)}
    removed = []
    for b in found:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed
