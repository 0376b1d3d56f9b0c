"""Automatic backups: when one is due and which ones the rotation keeps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from supportdesk.config import Settings
from supportdesk.services.backup.archive import backup_name
from supportdesk.services.backup.schedule import (
    BACKUP_FOLDER,
    backups,
    default_folder,
    due,
    folder,
    prune,
)

NOW = datetime(2026, 12, 8, 3, 0, tzinfo=UTC)


def _make(where: Path, when: datetime) -> Path:
    path = where / backup_name(when)
    path.write_bytes(b"x")
    return path


def test_due_after_a_day(tmp_path: Path) -> None:
    assert due(tmp_path, NOW)
    _make(tmp_path, NOW - timedelta(hours=23))
    assert not due(tmp_path, NOW)
    assert due(tmp_path, NOW + timedelta(hours=1))


def test_rotation_keeps_seven_daily_and_four_weekly(tmp_path: Path) -> None:
    # Two backups a day for 60 days, and a file of the user's that is not a backup.
    evening = NOW.replace(hour=23)
    for day in range(60):
        for hour in (1, 13):  # 22:00 and 10:00 of each day
            _make(tmp_path, evening - timedelta(days=day, hours=hour))
    other = tmp_path / "notes.txt"
    other.write_text("mine")
    removed = prune(tmp_path)
    left = backups(tmp_path)
    assert other.exists() and removed
    daily = left[:7]
    assert len({b.made.date() for b in daily}) == 7
    # each day's newest is the one kept
    assert all(b.made.hour == 22 for b in daily)
    weekly = left[7:]
    assert len(weekly) == 4
    weeks = [b.made.isocalendar()[:2] for b in weekly]
    assert len(set(weeks)) == 4 and all(b.made < daily[-1].made for b in weekly)
    assert len(left) == 11
    assert prune(tmp_path) == []  # stable


def test_folder_from_settings_or_beside_the_profile(tmp_path: Path) -> None:
    profile = tmp_path / "data" / "default"
    settings = Settings(profile)
    assert folder(settings, profile) == default_folder(profile) == tmp_path / "data" / \
        "backups" / "default"
    settings.set(BACKUP_FOLDER, str(tmp_path / "nas"))
    assert folder(Settings(profile), profile) == tmp_path / "nas"
