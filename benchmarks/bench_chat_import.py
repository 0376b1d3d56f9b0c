"""Chat import benchmark: a 1M-line WhatsApp export into a fresh profile.

    python -m benchmarks.bench_chat_import [--lines N] [--json FILE] [--keep DIR]

Goal (issue 4): at least 6,000 messages/s *including* the search index. In the
same run, and on the same rows, it also measures

- parsing alone (the streaming WhatsApp reader);
- raw SQLite + FTS5: the rows inserted with the sqlite3 module into a bare
  table with an external-content FTS5 index and its trigger;
- raw SQLite into SupportDesk's real schema (foreign keys, indexes, the FTS5
  triggers, the mail trigger), without and with an outbox row per message;

and reports where the import's time goes (reading and preparing rows on the
import thread; on the writer: the message insert through SQLAlchemy Core, the
outbox, the duplicate check, the rest).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from supportdesk.channels.chat import stream_whatsapp
from supportdesk.services.chat_import import DEFAULT_BATCH, ImportOptions, import_chat_export
from supportdesk.services.chat_import import run as run_module
from supportdesk.services.chat_import import write as write_module
from supportdesk.services.search import search
from supportdesk.store import Store, UnitOfWork
from supportdesk.store.engine import database_path
from tests.channels.chat.gen import generate_whatsapp

GOAL = 6_000
COLUMNS = ("id", "conversation_id", "kind", "created_at", "author_agent_id", "author_customer_id",
           "author_name", "subject", "body_text", "body_html", "meta", "raw_sha256")  # fmt: skip


class Timers:
    """Seconds spent per label, summed over threads."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.lock = threading.Lock()

    def wrap(self, label: str | Callable[..., str], fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kw: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kw)
            finally:
                name = label(*args, **kw) if callable(label) else label
                with self.lock:
                    self.seconds[name] += time.perf_counter() - start

        return timed


def parse_only(path: Path) -> tuple[int, float]:
    start = time.perf_counter()
    n = 0
    with stream_whatsapp(path) as (_thread, lines):
        for _ in lines:
            n += 1
    return n, time.perf_counter() - start


def timed_import(path: Path, profile: Path) -> tuple[Any, float, Timers]:
    """The real import, with the writer's and the import thread's time taken apart."""
    timers = Timers()
    originals = (UnitOfWork.add_rows, UnitOfWork.flush_outbox, write_module.existing_ids,
                 run_module._Importer._drain)  # fmt: skip

    def add_rows_label(_self: Any, table: Any, *_a: Any, **_k: Any) -> str:
        name = table.__tablename__
        return f"writer: add_rows {name} (Core insert, FTS triggers, outbox payloads)"

    UnitOfWork.add_rows = timers.wrap(add_rows_label, originals[0])  # type: ignore[method-assign]
    UnitOfWork.flush_outbox = timers.wrap(  # type: ignore[method-assign]
        "writer: outbox rows (one per message)", originals[1])
    write_module.existing_ids = timers.wrap("writer: duplicate check", originals[2])
    run_module._Importer._drain = timers.wrap(  # type: ignore[method-assign]
        "import thread: waiting for the writer", originals[3])
    store = Store.open(profile)
    real_run = store._run
    store._run = timers.wrap("writer: busy in all", real_run)  # type: ignore[method-assign]
    try:
        start = time.perf_counter()
        summary = import_chat_export(
            store, path, ImportOptions(us=("Ben Okafor",), tz=ZoneInfo("Europe/Berlin"))
        )
        elapsed = time.perf_counter() - start
        with store.read() as session:
            hits = search(session, "refund invoice")
            assert hits, "the imported lines must be searchable"
    finally:
        store.close()
        UnitOfWork.add_rows, UnitOfWork.flush_outbox = originals[:2]  # type: ignore[method-assign]
        write_module.existing_ids, run_module._Importer._drain = originals[2:]  # type: ignore[method-assign]
    return summary, elapsed, timers


def _rows(db: Path, batch: int) -> Iterator[list[tuple[Any, ...]]]:
    con = sqlite3.connect(db)
    try:
        cur = con.execute(f"SELECT {', '.join(COLUMNS)} FROM messages ORDER BY n")
        while rows := cur.fetchmany(batch):
            yield rows
    finally:
        con.close()


def _pragmas(con: sqlite3.Connection) -> None:
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                   "temp_store=MEMORY", "cache_size=-65536"):  # fmt: skip
        con.execute(f"PRAGMA {pragma}")


def raw_minimal(source: Path, target: Path, batch: int) -> float:
    """The same rows into a bare table with an external-content FTS5 index."""
    con = sqlite3.connect(target, isolation_level=None)
    _pragmas(con)
    con.execute(f"CREATE TABLE messages (n INTEGER PRIMARY KEY, {', '.join(COLUMNS)})")
    con.execute("CREATE UNIQUE INDEX ux_id ON messages(id)")
    con.execute(
        "CREATE VIRTUAL TABLE messages_fts USING fts5(subject, body_text, author_name, "
        "content='messages', content_rowid='n', tokenize='unicode61 remove_diacritics 2')"
    )
    con.execute(
        "CREATE TRIGGER messages_fts_ai AFTER INSERT ON messages BEGIN INSERT INTO "
        "messages_fts(rowid, subject, body_text, author_name) "
        "VALUES (new.n, new.subject, new.body_text, new.author_name); END"
    )
    sql = f"INSERT INTO messages ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    spent = 0.0
    for rows in _rows(source, batch):
        start = time.perf_counter()
        con.execute("BEGIN")
        con.executemany(sql, rows)
        con.execute("COMMIT")
        spent += time.perf_counter() - start
    con.close()
    return spent


def raw_schema(source: Path, profile: Path, batch: int, *, outbox: bool) -> float:
    """The same rows into SupportDesk's own schema with plain sqlite3 (no SQLAlchemy)."""
    Store.open(profile).close()  # a fresh, migrated database
    con = sqlite3.connect(database_path(profile), isolation_level=None)
    _pragmas(con)
    src = sqlite3.connect(source)
    for table in ("agents", "customers", "conversations"):
        cols = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
        rows = src.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
        con.executemany(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows
        )
    src.close()
    sql = f"INSERT INTO messages ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    out_sql = ("INSERT INTO outbox (entity, entity_id, op, payload, hlc, created_at, pushed) "
               "VALUES ('messages', ?, 'insert', ?, ?, ?, 0)")  # fmt: skip
    spent = 0.0
    for rows in _rows(source, batch):
        payloads = [
            (r[0], json.dumps(dict(zip(COLUMNS, r, strict=True))), f"{i:013d}-0000-bench",
             "2026-01-01 00:00:00")
            for i, r in enumerate(rows)
        ] if outbox else []  # fmt: skip
        start = time.perf_counter()
        con.execute("BEGIN")
        con.executemany(sql, rows)
        if outbox:
            con.executemany(out_sql, payloads)
        con.execute("COMMIT")
        spent += time.perf_counter() - start
    con.close()
    return spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=1_000_000, help="physical lines to write")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the results here")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work here and keep the files")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-chat-"))
    work.mkdir(parents=True, exist_ok=True)
    export = work / "WhatsApp Chat with Big Customer.txt"
    print(f"generating {args.lines:,} lines in {export} …", flush=True)
    generate_whatsapp(args.lines, export, seed=42)
    size_mb = export.stat().st_size / 1e6

    messages, parse_s = parse_only(export)
    print(f"parse only: {messages:,} messages in {parse_s:.1f} s "
          f"({messages / parse_s:,.0f}/s)", flush=True)  # fmt: skip

    profile = work / "profile-import"
    summary, import_s, timers = timed_import(export, profile)
    rate = summary.added / import_s
    print(f"import: {summary.added:,} messages in {import_s:.1f} s ({rate:,.0f}/s) in "
          f"{summary.batches} transactions", flush=True)  # fmt: skip
    db = database_path(profile)
    import_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    raw_min_s = raw_minimal(db, work / "raw-minimal.sqlite3", DEFAULT_BATCH)
    raw_s = raw_schema(db, work / "profile-raw", DEFAULT_BATCH, outbox=False)
    raw_out_s = raw_schema(db, work / "profile-raw-outbox", DEFAULT_BATCH, outbox=True)
    n = summary.added
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    busy = timers.seconds.get("writer: busy in all", 0.0)
    waiting = timers.seconds.get("import thread: waiting for the writer", 0.0)
    breakdown = dict(sorted(timers.seconds.items()))
    parts = [v for k, v in timers.seconds.items() if k.startswith("writer:") and "busy" not in k]
    breakdown["writer: rest (people, summaries, commit with fsync)"] = busy - sum(parts)
    breakdown["import thread: reading, keys, rows (overlaps the writer)"] = import_s - waiting
    results = {
        "lines": args.lines,
        "export_mb": round(size_mb, 1),
        "messages": n,
        "goal_messages_per_s": GOAL,
        "parse_only_messages_per_s": round(messages / parse_s),
        "import_seconds": round(import_s, 2),
        "import_messages_per_s": round(rate),
        "raw_sqlite_fts5_minimal_rows_per_s": round(n / raw_min_s),
        "raw_sqlite_supportdesk_schema_rows_per_s": round(n / raw_s),
        "raw_sqlite_supportdesk_schema_with_outbox_rows_per_s": round(n / raw_out_s),
        "import_vs_raw_minimal": round(rate / (n / raw_min_s), 2),
        "import_vs_raw_schema_with_outbox": round(rate / (n / raw_out_s), 2),
        "transactions": summary.batches,
        "peak_rss_mb_after_import": round(import_peak_mb),
        "peak_rss_mb": round(peak_mb),
        "load_average_1min_at_end": round(os.getloadavg()[0], 2),
        "where_time_goes_seconds": {k: round(v, 2) for k, v in breakdown.items()},
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "cpus": os.cpu_count(),
    }
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    ok = rate >= GOAL
    print(("OK" if ok else "BELOW GOAL") + f": {rate:,.0f} messages/s (goal {GOAL:,})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
