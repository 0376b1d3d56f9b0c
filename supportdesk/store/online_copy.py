"""A consistent copy of a live SQLite database, a few pages at a time.

The copy is read through one read transaction held for the whole run: in WAL
mode other connections keep committing meanwhile, and the copy is the database
exactly as it was when that transaction began. (Without it, SQLite's backup
starts over after every commit by another connection, and never finishes
beside a busy writer.) Between steps the caller's hook runs, so a window can
stay quick and a cancel can stop the copy.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

#: database pages copied per step (4 MiB at the usual 4 KiB page)
PAGES_PER_STEP = 1024


def tables(conn: sqlite3.Connection) -> list[str]:
    """Ordinary tables (FTS shadow tables included, virtual tables not)."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ).fetchall()
    return [name for name, sql in rows if not (sql or "").upper().startswith("CREATE VIRTUAL")]


def row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """The number of rows of every ordinary table, in the connection's snapshot."""
    return {t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
            for t in tables(conn)}


def online_copy(
    db_file: Path,
    dest: Path,
    *,
    step: Callable[[], None] | None = None,
    progress: Callable[[int], None] | None = None,
    read: Callable[[sqlite3.Connection], object] | None = None,
) -> object:
    """Copy ``db_file`` to the new file ``dest`` as of one moment.

    Args:
        step: called between pages (the foreground step hook; it may raise to stop).
        progress: called with the number of bytes copied since its last call.
        read: called first, inside the copy's read transaction, with its connection
            (to read facts of the same moment: schema, row counts); its result is
            returned.

    Raises:
        sqlite3.Error: the database cannot be read or the copy written.
    """
    src = sqlite3.connect(db_file, isolation_level=None, check_same_thread=False)
    try:
        src.execute("PRAGMA busy_timeout=10000")
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts
        facts = read(src) if read is not None else None
        page_size = int(src.execute("PRAGMA page_size").fetchone()[0])
        dst = sqlite3.connect(dest)
        copied = 0

        def each(_status: int, remaining: int, total: int) -> None:
            nonlocal copied
            done = total - remaining
            if progress is not None:
                progress((done - copied) * page_size)
            copied = done
            if step is not None:
                step()

        try:
            src.backup(dst, pages=PAGES_PER_STEP, progress=each, sleep=0.01)
            # One self-contained file: no write-ahead log beside it once closed.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        src.execute("COMMIT")
    finally:
        src.close()
    return facts
