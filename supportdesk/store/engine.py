"""Opening a profile's database: pragmas, migrations, clear errors."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError

from supportdesk.store import search as search_index
from supportdesk.store.errors import StoreError
from supportdesk.store.private import private_dir, private_file

log = logging.getLogger(__name__)

DB_NAME = "supportdesk.sqlite3"
BUSY_TIMEOUT_MS = 10_000


def database_path(profile: Path) -> Path:
    """Where a profile keeps its database."""
    return profile / DB_NAME


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    # pysqlite's own transaction handling gets in the way of SAVEPOINTs and of
    # BEGIN IMMEDIATE; let SQLAlchemy emit BEGIN itself (SQLAlchemy docs,
    # "Serializable isolation / Savepoints / Transactional DDL").
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.execute("PRAGMA cache_size=-65536")
    cur.execute("PRAGMA mmap_size=268435456")
    cur.close()
    # The knowledge base's search index folds text with the same function as a
    # rep's query (store/search.py), from its triggers (migration 0014).
    dbapi_conn.create_function("sd_fold", 1, _sql_fold, deterministic=True)
    dbapi_conn.create_function("sd_fold_list", 1, _sql_fold_list, deterministic=True)


def _sql_fold(value: object) -> str:
    # Looked up at each call, so a change to ``fold`` reaches the index at once.
    return search_index.fold(value) if isinstance(value, str) else ""


def _sql_fold_list(value: object) -> str:
    # A JSON list of strings (an article's tags), folded and joined by spaces.
    try:
        items = json.loads(value) if isinstance(value, str) else []
    except ValueError:
        return ""
    if not isinstance(items, list):
        return ""
    return " ".join(search_index.fold(i) for i in items if isinstance(i, str))


def _on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def check_profile_writable(profile: Path) -> None:
    """Make sure the profile folder exists and can be written.

    Raises:
        StoreError: with a message a rep understands.
    """
    try:
        private_dir(profile)
    except OSError as exc:
        raise StoreError(
            f"Cannot create the profile folder {profile}: {exc.strerror}. "
            "Choose another folder with --profile, or fix its permissions."
        ) from exc
    # Try for real: permission bits do not tell the whole story (root, read-only
    # mounts, immutable folders).
    try:
        with tempfile.TemporaryFile(dir=profile):
            pass
    except OSError as exc:
        raise StoreError(
            f"The profile folder {profile} is read-only ({exc.strerror}). SupportDesk needs "
            "to write its database there. Nothing was changed; fix the folder's permissions "
            "or choose another one with --profile."
        ) from exc
    db = database_path(profile)
    if db.exists():
        try:
            os.close(os.open(db, os.O_RDWR))
        except OSError as exc:
            raise StoreError(
                f"The database {db} is read-only ({exc.strerror}). Nothing was changed; "
                "fix its permissions."
            ) from exc
    # SQLite gives its -wal and -shm files the database file's mode
    for name in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        if name == db or name.exists():
            private_file(name)


def make_engine(db_file: Path, *, echo: bool = False) -> Engine:
    """An engine for one SQLite file with the house pragmas on every connection."""
    engine = create_engine(f"sqlite:///{db_file}", echo=echo, future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def verify_database(engine: Engine, db_file: Path) -> None:
    """Fail early, in words, when the file is not a usable SupportDesk database.

    Raises:
        StoreError: the file is corrupt or not a database.
    """
    try:
        with engine.connect() as conn:
            # Reading the schema is enough to tell a foreign or truncated file, and
            # stays cheap on a large profile; a full check is ``integrity_check``.
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
            result = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            conn.commit()
    except (DatabaseError, OperationalError, sqlite3.DatabaseError) as exc:
        raise StoreError(
            f"The database {db_file} is damaged or is not a SupportDesk database "
            f"({_reason(exc)}). It was not changed. Restore it from a backup, or move it "
            "aside and start again to get a fresh profile."
        ) from exc
    if result != "wal":
        log.warning("journal mode of %s is %s, not wal", db_file, result)


def integrity_check(engine: Engine) -> str:
    """SQLite's full integrity check: ``"ok"`` or the first problems found."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()
    return "ok" if rows == ["ok"] else "; ".join(str(r) for r in rows[:5])


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc)


def table_exists(engine: Engine, name: str) -> bool:
    """Whether a table of that name exists."""
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name=:n"), {"n": name}
        ).first()
    return row is not None
