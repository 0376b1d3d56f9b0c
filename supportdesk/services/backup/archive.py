"""Making a backup archive of a profile while the app keeps working.

The database is copied with SQLite's online backup API as of one moment
while the app's writer keeps committing (``store.online_copy``), a few pages
at a time with the step hook between them, so a window beside it never waits.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from supportdesk import __version__
from supportdesk.config import SETTINGS_FILE
from supportdesk.store.engine import DB_NAME
from supportdesk.store.online_copy import online_copy, row_counts

#: the archive's own format; a restore refuses a newer one
FORMAT = "supportdesk-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
README = "README.txt"
DB_ENTRY = f"database/{DB_NAME}"
SETTINGS_ENTRY = f"settings/{SETTINGS_FILE}"
BLOB_DIR = "blobs"
#: what the archive says about secrets (also in its README)
SECRETS_NOTE = (
    "No passwords or sign-in tokens are in this backup: SupportDesk keeps them only in "
    "the system keyring. After restoring, sign in to the team server and to the mail "
    "accounts again."
)
CHUNK = 1 << 20
BLOB_NAME = re.compile(r"^[0-9a-f]{64}$")

Step = Callable[[], None]
Progress = Callable[[int, int], None]


class BackupError(Exception):
    """A backup could not be made or read; the message says why, for the user."""


class BackupCancelledError(BackupError):
    """The backup was cancelled; nothing was left behind."""


@dataclass
class BackupResult:
    """What a finished backup holds."""

    path: Path
    size: int
    schema: str
    files: int
    blobs: int
    row_counts: dict[str, int] = field(default_factory=dict)


def _no_step() -> None:
    pass


def schema_version(conn: sqlite3.Connection) -> str:
    """The Alembic revision of a database (``""`` for an empty one)."""
    has = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has:
        return ""
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else ""


def blob_files(profile: Path) -> Iterator[tuple[str, Path]]:
    """The attachment files of a profile as (archive name, path); stray files skipped."""
    root = profile / BLOB_DIR
    if not root.is_dir():
        return
    for sub in sorted(root.iterdir()):
        if not sub.is_dir() or len(sub.name) != 2:
            continue
        for f in sorted(sub.iterdir()):
            if BLOB_NAME.match(f.name) and f.name[:2] == sub.name and f.is_file():
                yield f"{BLOB_DIR}/{sub.name}/{f.name}", f


def backup_name(when: datetime) -> str:
    """The file name of an automatic backup made at ``when``."""
    return f"supportdesk-{when.astimezone(UTC):%Y-%m-%d-%H%M%S}.sdbackup"


class _Writer:
    """Streams files into the zip, hashing them, stepping aside between chunks."""

    def __init__(self, zf: zipfile.ZipFile, step: Step, check: Callable[[], None],
                 progress: Callable[[int], None]) -> None:
        self.zf = zf
        self.step = step
        self.check = check
        self.progress = progress
        self.files: list[dict[str, Any]] = []

    def add_file(self, name: str, path: Path) -> None:
        digest = hashlib.sha256()
        size = 0
        with path.open("rb") as src, self.zf.open(name, "w", force_zip64=True) as dst:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                dst.write(chunk)
                size += len(chunk)
                self.progress(len(chunk))
                self.check()
                self.step()
        self.files.append({"path": name, "sha256": digest.hexdigest(), "size": size})

    def add_bytes(self, name: str, data: bytes, *, listed: bool = True) -> None:
        self.zf.writestr(name, data)
        if listed:
            self.files.append({"path": name, "sha256": hashlib.sha256(data).hexdigest(),
                               "size": len(data)})


def _copy_database(db_file: Path, dest: Path, step: Step, check: Callable[[], None],
                   progress: Callable[[int], None]) -> tuple[str, dict[str, int]]:
    """Copy the database as of one moment; returns its schema and row counts then."""

    def facts(conn: sqlite3.Connection) -> tuple[str, dict[str, int]]:
        return schema_version(conn), row_counts(conn)

    def each() -> None:
        check()
        step()

    try:
        found = online_copy(db_file, dest, step=each, progress=progress, read=facts)
    except sqlite3.Error as exc:
        raise BackupError(f"The database {db_file} could not be copied: {exc}") from exc
    assert isinstance(found, tuple)
    return found


def make_backup(
    profile: Path,
    out: Path,
    *,
    step: Step | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    now: datetime | None = None,
) -> BackupResult:
    """Write a backup archive of ``profile`` to ``out``.

    The profile may be open in the app meanwhile. ``out`` appears only when the
    archive is complete (it is written beside it under another name first).

    Args:
        step: the foreground step hook, called between pages and chunks.
        progress: called with (done, total), in bytes.
        cancelled: polled often; when it returns True the backup stops and
            nothing is left behind (``BackupCancelledError``).

    Raises:
        BackupError: no database in the profile, the disk is full, or similar.
    """
    step = step or _no_step
    profile = profile.expanduser()
    db_file = profile / DB_NAME
    if not db_file.is_file():
        raise BackupError(f"There is no SupportDesk profile at {profile}.")
    out = out.expanduser()
    out.parent.mkdir(parents=True, exist_ok=True)
    blobs = list(blob_files(profile))
    total = db_file.stat().st_size * 2 + sum(p.stat().st_size for _n, p in blobs)
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(min(done, total), total)

    def check() -> None:
        if cancelled is not None and cancelled():
            raise BackupCancelledError("The backup was cancelled; no file was written.")

    partial = out.with_name(f".{out.name}.partial")
    work = Path(tempfile.mkdtemp(prefix=".sd-backup-", dir=out.parent))
    try:
        copy = work / DB_NAME
        schema, counts = _copy_database(db_file, copy, step, check, advance)
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
            writer = _Writer(zf, step, check, advance)
            writer.add_file(DB_ENTRY, copy)
            copy.unlink()
            settings = profile / SETTINGS_FILE
            if settings.is_file():
                writer.add_file(SETTINGS_ENTRY, settings)
            blob_count = 0
            for name, path in blobs:
                try:
                    writer.add_file(name, path)
                except FileNotFoundError:
                    continue  # erased while the backup ran
                blob_count += 1
            writer.add_bytes(README, _readme(schema).encode(), listed=False)
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "app_version": __version__,
                "schema": schema,
                "created_at": (now or datetime.now(UTC)).isoformat(),
                "profile_name": profile.name,
                "secrets": SECRETS_NOTE,
                "row_counts": counts,
                "files": writer.files,
            }
            writer.add_bytes(MANIFEST, json.dumps(manifest, indent=1).encode(), listed=False)
        with partial.open("rb") as fh:
            os.fsync(fh.fileno())
        partial.replace(out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"The backup could not be written to {out}: {exc.strerror or exc}. "
                          "Nothing was changed in the profile.") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return BackupResult(out, out.stat().st_size, schema, len(writer.files), blob_count, counts)


def _readme(schema: str) -> str:
    return (
        "SupportDesk backup\n"
        "==================\n\n"
        f"A copy of one SupportDesk profile (database schema {schema}): the database, the\n"
        "attachment files and the settings. manifest.json lists every file with its sha256.\n\n"
        f"{SECRETS_NOTE}\n\n"
        "Restore it with File > Restore from backup..., or:\n"
        "    supportdesk restore THIS_FILE --profile NEW_FOLDER\n"
    )
