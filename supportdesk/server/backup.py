"""Backing up and restoring the server's SQLite database (``admin backup`` / ``restore``).

A backup is one zip: the database copied with SQLite's online backup API as of
one moment while the server keeps serving, and a manifest with its sha256 and
schema version. A restore checks the sum before writing anything and only
fills an empty data folder. PostgreSQL servers use pg_dump / pg_restore (see
the README).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from supportdesk.store.online_copy import online_copy, row_counts

FORMAT = "supportdesk-server-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DB_FILE = "server.sqlite3"
CHUNK = 1 << 20
NOTE = ("The server keeps only hashes of passwords and tokens, and so does this backup; "
        "still, keep it as safe as the server itself.")


class ServerBackupError(Exception):
    """The backup or restore failed; the message says why."""


@dataclass(frozen=True)
class ServerBackup:
    """A written (or restored) server backup."""

    path: Path
    size: int
    schema: int | None
    row_counts: dict[str, int]


def _schema(conn: sqlite3.Connection) -> int | None:
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='server_meta'"
                       ).fetchone()
    if not has:
        return None
    row = conn.execute("SELECT value FROM server_meta WHERE key='schema_version'").fetchone()
    try:
        return int(row[0]) if row else 1
    except ValueError:
        return None


def backup(data: Path, out: Path) -> ServerBackup:
    """Write a backup of the SQLite database in ``data`` to ``out``.

    Raises:
        ServerBackupError: no database there, or the file cannot be written.
    """
    source = data / DB_FILE
    if not source.is_file():
        raise ServerBackupError(f"There is no server database in {data}.")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    work = Path(tempfile.mkdtemp(prefix=".sd-server-backup-", dir=out.parent))
    try:
        copy = work / DB_FILE

        def facts(conn: sqlite3.Connection) -> tuple[int | None, dict[str, int]]:
            return _schema(conn), row_counts(conn)

        found = online_copy(source, copy, read=facts)
        assert isinstance(found, tuple)
        schema, counts = found
        digest = hashlib.sha256()
        with copy.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                digest.update(chunk)
        manifest = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "schema": schema,
            "created_at": datetime.now(UTC).isoformat(), "note": NOTE,
            "row_counts": counts,
            "files": [{"path": DB_FILE, "sha256": digest.hexdigest(),
                       "size": copy.stat().st_size}],
        }
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
            zf.write(copy, DB_FILE)
            zf.writestr(MANIFEST, json.dumps(manifest, indent=1))
        partial.replace(out)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise ServerBackupError(f"The backup could not be made: {exc}. Nothing was "
                                "changed.") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return ServerBackup(out, out.stat().st_size, schema, counts)


def _manifest(zf: zipfile.ZipFile) -> dict[str, Any]:
    bad = "This is not a SupportDesk server backup, or it is damaged; nothing was restored"
    try:
        manifest = json.loads(zf.read(MANIFEST))
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ServerBackupError(f"{bad} ({exc}).") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ServerBackupError(f"{bad}.")
    if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
        raise ServerBackupError("This backup was made by a newer server; nothing was restored.")
    files = manifest.get("files")
    if (not isinstance(files, list) or len(files) != 1 or not isinstance(files[0], dict)
            or files[0].get("path") != DB_FILE or set(zf.namelist()) != {DB_FILE, MANIFEST}):
        raise ServerBackupError(f"{bad} (unexpected contents).")
    return manifest


def _copy_checked(zf: zipfile.ZipFile, entry: dict[str, Any], dest: Path | None) -> None:
    digest = hashlib.sha256()
    size = 0
    out = dest.open("wb") if dest is not None else None
    try:
        with zf.open(DB_FILE) as src:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                if out is not None:
                    out.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ServerBackupError(f"The backup is damaged ({exc}); nothing was restored.") from exc
    finally:
        if out is not None:
            out.close()
    if digest.hexdigest() != entry.get("sha256") or size != entry.get("size"):
        raise ServerBackupError("The backup is damaged: the database does not match its "
                                "checksum. Nothing was restored.")


def restore(archive: Path, data: Path) -> ServerBackup:
    """Restore ``archive`` into the empty (or new) data folder ``data``.

    Raises:
        ServerBackupError: the archive is damaged, or ``data`` is not empty.
    """
    if data.exists() and (not data.is_dir() or any(data.iterdir())):
        raise ServerBackupError(f"{data} is not empty: a server backup is restored only into "
                                "an empty data folder. Nothing was restored.")
    try:
        zf = zipfile.ZipFile(archive)
    except (OSError, zipfile.BadZipFile) as exc:
        raise ServerBackupError(f"{archive} is not a SupportDesk server backup, or it is "
                                f"damaged ({exc}). Nothing was restored.") from exc
    with zf:
        manifest = _manifest(zf)
        entry = manifest["files"][0]
        _copy_checked(zf, entry, None)  # every byte checked before anything is written
        data.mkdir(parents=True, exist_ok=True)
        target = data / DB_FILE
        partial = data / f".{DB_FILE}.partial"
        try:
            _copy_checked(zf, entry, partial)
            with sqlite3.connect(partial) as conn:
                ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            conn.close()
            if ok != "ok":
                raise ServerBackupError(f"The restored database fails its check ({ok}).")
            partial.replace(target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    schema = manifest.get("schema")
    return ServerBackup(target, target.stat().st_size, schema if isinstance(schema, int)
                        else None, dict(manifest.get("row_counts") or {}))
