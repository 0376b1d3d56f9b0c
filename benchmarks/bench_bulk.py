"""Issue 12: a bulk change of 1,000 selected conversations at 100k, and its undo.

    PYTHONPATH=. python -m benchmarks.bench_bulk [--conversations N] [--select N] [--json]

Works on a copy of the benchmark workspace (``dataset.py``), in the real window
(offscreen): loads the "All open" list until N rows are there, selects them
(Ctrl+A), sets them Pending, then undoes it (Ctrl+Z). Measures, for the change and
for the undo:

- the write: one transaction (commits counted), its wall and CPU time on the writer
  (the commit itself follows; it is in the time until shown);
- until the window shows it (list, counts, pane agree);
- the longest gap of a 5 ms GUI timer meanwhile (a stall);
- outbox entries written for the conversations (one per row).

Goals (issue 12): one transaction, under 1 s; undo under 1 s; GUI never stalls
over 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from benchmarks.dataset import NOW, OUT, dataset
from supportdesk.config import Settings
from supportdesk.models import OutboxEntry, Status
from supportdesk.services import demo, inbox
from supportdesk.store import ChangeSet, Store
from supportdesk.store.engine import database_path
from supportdesk.ui.mainwindow import MainWindow

TICK_MS = 5


def light_dataset(conversations: int) -> Path:
    """The benchmark workspace with one message per conversation (made once, under
    benchmarks/out/): a bulk change reads and writes conversations, their history and
    the outbox, never messages, and the full ~1M-message workspace takes over an hour
    to make on a loaded 2-core machine."""
    profile = OUT / f"profile-light-{conversations}"
    if database_path(profile).exists():
        return profile
    store = Store.open(profile)
    demo.generate(store, conversations, seed=2026, now=NOW, messages_per_conversation=1.0)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    store.close()
    return profile


def _copy(profile: Path, to: Path) -> Path:
    """A copy of the workspace's database (the benchmark writes to it)."""
    to.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(database_path(profile))
    dst = sqlite3.connect(database_path(to))
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return to


class Watch:
    """The longest gap between ticks of a 5 ms timer on the GUI thread."""

    def __init__(self) -> None:
        self.timer = QTimer(interval=TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.worst * 1000


def _quiet(w: MainWindow) -> bool:
    return (not w.ops.busy and w.reads.pending == 0 and not w._refresh_timer.isActive()
            and not w._pending_changes and w._bulk_entities is None and not w._reloading)


def _run_until(app: QApplication, done: object, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    assert callable(done)
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.001)


def measure(app: QApplication, w: MainWindow, label: str, act: object) -> dict[str, float]:
    commits: list[ChangeSet] = []
    unsubscribe = w.store.on_change(commits.append)
    with w.store.read() as s:
        mark = s.scalar(select(func.max(OutboxEntry.seq))) or 0
    watch = Watch()
    watch.start()
    started = time.perf_counter()
    writer: list[float] = []
    cpu: list[float] = []  # the writer thread's own CPU time (the machine may be busy)
    ops_write = w.ops.write

    def timed_write(work, on_done=None):  # type: ignore[no-untyped-def]
        def run(uow):  # type: ignore[no-untyped-def]
            t0, c0 = time.perf_counter(), time.thread_time()
            try:
                return work(uow)
            finally:
                writer.append(time.perf_counter() - t0)
                cpu.append(time.thread_time() - c0)
        ops_write(run, on_done)

    w.ops.write = timed_write  # type: ignore[method-assign]
    try:
        assert callable(act)
        act()
        _run_until(app, lambda: commits and _quiet(w))
    finally:
        w.ops.write = ops_write  # type: ignore[method-assign]
    shown = time.perf_counter() - started
    stall = watch.stop()
    unsubscribe()
    with w.store.read() as s:
        rows = s.scalar(select(func.count()).select_from(OutboxEntry).where(
            OutboxEntry.seq > mark, OutboxEntry.entity == "conversations"))
    out = {
        f"{label}_commits": len(commits),
        f"{label}_write_s": round(sum(writer), 3),
        f"{label}_write_cpu_s": round(sum(cpu), 3),
        f"{label}_shown_s": round(shown, 3),
        f"{label}_longest_gui_gap_ms": round(stall, 1),
        f"{label}_outbox_conversation_entries": int(rows or 0),
    }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--select", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--full", action="store_true",
                        help="use dataset.py's ~1M-message workspace (slow to make)")
    args = parser.parse_args()
    source = dataset(args.conversations) if args.full else light_dataset(args.conversations)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="sd-bench-bulk-") as tmp:
        profile = _copy(source, Path(tmp) / "profile")
        store = Store.open(profile)
        w = MainWindow(store, Settings(profile))
        w.resize(1400, 860)
        w.show()
        w.select_view(inbox.ALL_OPEN)
        while w.inbox_model.rowCount() < args.select and w.inbox_model.canFetchMore():
            w.inbox_model.fetchMore()
        w.inbox_model.fill_pending()
        _run_until(app, lambda: _quiet(w))
        w.table.setFocus()
        w.select_all()
        chosen = w.selected_ids()[: args.select]
        results: dict[str, float] = {"conversations": args.conversations,
                                     "selected": len(chosen)}
        results |= measure(app, w, "bulk", lambda: w.set_status(Status.PENDING, chosen))
        results |= measure(app, w, "undo", w.undo_last)
        with store.read() as s:
            back = inbox.matching(s, inbox.ALL_OPEN, store.agent_id, chosen)
        results["undo_restored"] = len(back)
        w.close()
        QCoreApplication.processEvents()
        store.close()
    if args.json:
        print(json.dumps(results))
    else:
        for k, v in results.items():
            print(f"{k:40} {v}")


if __name__ == "__main__":
    main()
