"""Backups of a profile that restore: one archive, checked file by file.

``make_backup`` copies a profile (a consistent database snapshot through
SQLite's online backup API, the attachment files, the settings) into one zip
with a manifest of sha256 sums; ``restore_backup`` checks every sum before it
writes anything, then builds a new profile from it. ``rotation`` keeps the
automatic backups to 7 daily and 4 weekly ones.
"""

from supportdesk.services.backup.archive import (
    BackupCancelledError,
    BackupError,
    BackupResult,
    make_backup,
)
from supportdesk.services.backup.restore import (
    RestoreResult,
    restore_backup,
    verify_backup,
)

__all__ = [
    "BackupCancelledError",
    "BackupError",
    "BackupResult",
    "RestoreResult",
    "make_backup",
    "restore_backup",
    "verify_backup",
]
