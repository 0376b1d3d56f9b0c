"""Restoring a backup archive into a new profile, after checking all of it.

Nothing is written until every file the manifest lists was read back and its
sha256 matched (and the archive holds nothing else). The profile is then built
in a hidden folder beside the target, its schema migrated forward, and only
renamed into place once complete. A restored profile is a new device: it gets
a new device id, and a profile that was signed in to a team server keeps the
server's address but forgets its place there, so after signing in again it
takes a fresh snapshot; changes it had not sent yet are still sent, once.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from supportdesk.models import new_id
from supportdesk.services.backup.archive import (
    CHUNK,
    DB_ENTRY,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    README,
    BackupCancelledError,
    BackupError,
    Progress,
    Step,
    _no_step,
    schema_version,
)
from supportdesk.store.engine import DB_NAME, make_engine
from supportdesk.store.errors import StoreError
from supportdesk.store.online_copy import row_counts

#: the only names an archive may hold (besides the manifest and README)
ALLOWED = re.compile(
    r"^(database/supportdesk\.sqlite3|settings/settings\.json|blobs/([0-9a-f]{2})/\2[0-9a-f]{62})$"
)
MAX_MANIFEST = 64 << 20
#: Meta key: when the backup a profile was restored from was made
RESTORED_FROM = "restored_from_backup"


@dataclass
class RestoreResult:
    """The new profile and what went into it."""

    profile: Path
    schema_before: str
    schema_after: str
    files: int
    was_signed_in: bool
    unsent_changes: int
    row_counts: dict[str, int] = field(default_factory=dict)


def _open_zip(archive: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(archive)
    except FileNotFoundError as exc:
        raise BackupError(f"There is no file {archive}.") from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupError(f"{archive} is not a SupportDesk backup, or it is damaged ({exc}). "
                          "Nothing was restored.") from exc


def _read_manifest(zf: zipfile.ZipFile, archive: Path) -> dict[str, Any]:
    damaged = f"{archive} is damaged or is not a SupportDesk backup; nothing was restored"
    try:
        info = zf.getinfo(MANIFEST)
    except KeyError as exc:
        raise BackupError(f"{damaged} (it has no manifest).") from exc
    if info.file_size > MAX_MANIFEST:
        raise BackupError(f"{damaged} (its manifest is too large).")
    try:
        manifest = json.loads(zf.read(MANIFEST))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise BackupError(f"{damaged} (its manifest cannot be read: {exc}).") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{damaged} (unknown manifest).")
    if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
        raise BackupError(f"{archive} was made by a newer SupportDesk; install it to restore "
                          "this backup. Nothing was restored.")
    files = manifest.get("files")
    if not isinstance(files, list):
        raise BackupError(f"{damaged} (its manifest lists no files).")
    names = set()
    for f in files:
        if (not isinstance(f, dict) or not isinstance(f.get("path"), str)
                or not ALLOWED.match(f["path"]) or not isinstance(f.get("sha256"), str)
                or not isinstance(f.get("size"), int) or f["path"] in names):
            raise BackupError(f"{damaged} (its manifest names an unexpected file).")
        names.add(f["path"])
    if DB_ENTRY not in names:
        raise BackupError(f"{damaged} (it holds no database).")
    extra = set(zf.namelist()) - names - {MANIFEST, README}
    if extra:
        raise BackupError(f"{damaged} (it holds files its manifest does not list, "
                          f"e.g. {sorted(extra)[0]!r}).")
    return manifest


def _copy_entry(zf: zipfile.ZipFile, entry: dict[str, Any], dest: Path | None, step: Step,
                check: Callable[[], None], advance: Callable[[int], None]) -> None:
    """Read one entry (writing it to ``dest`` when given); its sum and size must match."""
    name = entry["path"]
    digest = hashlib.sha256()
    size = 0
    out = dest.open("wb") if dest is not None else None
    try:
        with zf.open(name) as src:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                if size > entry["size"]:
                    break
                if out is not None:
                    out.write(chunk)
                advance(len(chunk))
                check()
                step()
    except KeyError as exc:
        raise BackupError(f"The backup lacks {name}, which its manifest lists; it is "
                          "damaged. Nothing was restored.") from exc
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise BackupError(f"The backup is damaged at {name} ({exc}). Nothing was "
                          "restored.") from exc
    finally:
        if out is not None:
            out.close()
    if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
        raise BackupError(f"The backup is damaged: {name} does not match its checksum. "
                          "Nothing was restored.")


def verify_backup(archive: Path, *, step: Step | None = None,
                  progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> dict[str, Any]:
    """Read the whole archive and check every file's sha256; returns the manifest.

    Raises:
        BackupError: the archive is damaged, foreign or from a newer version.
    """
    archive = archive.expanduser()
    with _open_zip(archive) as zf:
        manifest = _read_manifest(zf, archive)
        _each(zf, manifest, None, step or _no_step, progress, cancelled)
    return manifest


def _each(zf: zipfile.ZipFile, manifest: dict[str, Any], root: Path | None, step: Step,
          progress: Progress | None, cancelled: Callable[[], bool] | None,
          offset: int = 0, total: int | None = None) -> None:
    size = sum(int(f["size"]) for f in manifest["files"])
    total = total if total is not None else size
    done = offset

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(min(done, total), total)

    def check() -> None:
        if cancelled is not None and cancelled():
            raise BackupCancelledError("The restore was cancelled; nothing was restored.")

    for entry in manifest["files"]:
        dest = None
        if root is not None:
            dest = root / entry["path"]
            dest.parent.mkdir(parents=True, exist_ok=True)
        _copy_entry(zf, entry, dest, step, check, advance)


def _check_target(target: Path) -> None:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupError(
            f"{target} is not empty. A backup is restored only into a new profile folder, "
            "never over an existing one; choose a new folder. Nothing was restored.")


def restore_backup(archive: Path, target: Path, *, step: Step | None = None,
                   progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> RestoreResult:
    """Restore ``archive`` into the new profile folder ``target``.

    Raises:
        BackupError: the archive is damaged (nothing written), or ``target`` is not
            a new, empty folder.
    """
    step = step or _no_step
    archive, target = archive.expanduser(), target.expanduser().absolute()
    _check_target(target)
    with _open_zip(archive) as zf:
        manifest = _read_manifest(zf, archive)
        size = sum(int(f["size"]) for f in manifest["files"])
        # First every checksum, before anything is written...
        _each(zf, manifest, None, step, progress, cancelled, 0, 2 * size)
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.restoring-", dir=target.parent))
        try:
            # ...then the files again, checked again as they are written.
            _each(zf, manifest, staging, step, progress, cancelled, size, 2 * size)
            _settle(staging)
            result = _make_new_device(staging / DB_NAME, manifest)
            _check_target(target)
            if target.exists():
                target.rmdir()
            staging.replace(target)
        except sqlite3.Error as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise BackupError(f"The restored database could not be prepared: {exc}. "
                              "Nothing was restored.") from exc
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    result.profile = target
    result.files = len(manifest["files"])
    return result


def _settle(staging: Path) -> None:
    """Move the archive's layout into a profile's layout."""
    (staging / "database" / DB_NAME).replace(staging / DB_NAME)
    (staging / "database").rmdir()
    settings = staging / "settings" / "settings.json"
    if settings.exists():
        settings.replace(staging / "settings.json")
        (staging / "settings").rmdir()


def _make_new_device(db_file: Path, manifest: dict[str, Any]) -> RestoreResult:
    """Migrate the copy to this version's schema and make it a new device."""
    from supportdesk.store.store import migrate

    with sqlite3.connect(db_file) as conn:
        before = schema_version(conn)
    conn.close()
    engine = make_engine(db_file)
    try:
        migrate(engine, None)
    except StoreError as exc:
        raise BackupError(f"{exc} Nothing was restored.") from exc
    finally:
        engine.dispose()
    conn = sqlite3.connect(db_file, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        after = schema_version(conn)
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('device_id', ?)",
                     (new_id(),))
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                     (RESTORED_FROM, str(manifest.get("created_at", ""))))
        signed_in = bool(conn.execute("SELECT count(*) FROM sync_peer").fetchone()[0])
        # The server knows the old device; this copy signs in as a new one and takes a
        # fresh snapshot. What was pushed stays marked pushed (never sent twice).
        conn.execute(
            "UPDATE sync_peer SET device='', epoch=NULL, cursor=NULL, snapshot_after=NULL, "
            "snapshot_version=NULL, schema_digest=NULL, last_error=? ",
            ("Restored from a backup: sign in again to sync this copy as a new device.",))
        unsent = int(conn.execute(
            "SELECT count(*) FROM outbox WHERE pushed = 0").fetchone()[0])
        conn.execute("COMMIT")
        counts = row_counts(conn)
    finally:
        conn.close()
    return RestoreResult(db_file.parent, before, after, 0, signed_in, unsent, counts)
