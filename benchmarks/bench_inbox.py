"""Issue 2 benchmarks on the 100k-conversation / ~1M-message workspace.

    python benchmarks/bench_inbox.py [--conversations N] [--json FILE]

Measures, in one run:
- launch: process start to painted inbox, against an empty PySide6 window's
  start (goal: within 3x);
- view switch: switching the list to each sidebar view until the first page is
  painted (goal: within 100 ms);
- scrolling: fetching and painting further pages while scrolling;
- search: the app's search against the raw FTS5 query over messages measured
  in the same run (goal: within 2x).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import text

from benchmarks.dataset import dataset
from supportdesk.services.search import search
from supportdesk.store.search import fts_query

REPO = Path(__file__).resolve().parents[1]
RUNS = 5

EMPTY_WINDOW = """
import time, sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
w = QWidget(); w.resize(1400, 860); w.show()
app.processEvents(); w.grab()
print("painted", flush=True)
"""

APP_WINDOW = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from supportdesk.app import make_application
app = make_application(sys.argv[:1])
from supportdesk.config import Settings
from supportdesk.store import Store
from supportdesk.ui import theme
from supportdesk.ui.mainwindow import MainWindow
profile = Path(sys.argv[1])
store = Store.open(profile)
theme.apply(app, False)
w = MainWindow(store, Settings(profile)); w.resize(1400, 860); w.show()
app.processEvents(); w.grab()
print("painted", flush=True)
"""


def _spawn_until_painted(code: str, *args: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True, env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    proc.kill()
    proc.communicate()
    if line.strip() != "painted":
        raise RuntimeError("the window did not paint")
    return elapsed


def bench_launch(profile: Path) -> dict[str, float]:
    """Median process-start-to-painted times."""
    _spawn_until_painted(APP_WINDOW, str(profile))  # warm the OS file cache
    empty = statistics.median(_spawn_until_painted(EMPTY_WINDOW) for _ in range(RUNS))
    app = statistics.median(_spawn_until_painted(APP_WINDOW, str(profile)) for _ in range(RUNS))
    return {"empty_window_s": empty, "app_s": app, "ratio": app / empty}


def bench_in_process(profile: Path) -> dict[str, object]:
    """View switches, scrolling and search, inside one app process."""
    from PySide6.QtWidgets import QApplication

    from supportdesk.config import Settings
    from supportdesk.services import inbox
    from supportdesk.store import Store
    from supportdesk.ui.mainwindow import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = Store.open(profile)
    window = MainWindow(store, Settings(profile))
    window.resize(1400, 860)
    window.show()
    app.processEvents()

    with store.read() as s:
        views = [vc.key for vc in inbox.sidebar(s, store.agent_id)]
    switches: dict[str, float] = {}
    for key in views:
        times = []
        for _ in range(3):
            window.select_view(inbox.ALL_OPEN if key != inbox.ALL_OPEN else inbox.SOLVED)
            app.processEvents()
            t0 = time.perf_counter()
            window.select_view(key)
            window.table.viewport().repaint()
            app.processEvents()
            times.append(time.perf_counter() - t0)
        switches[f"{key.kind}:{key.arg}" if key.arg else key.kind] = min(times) * 1000

    window.select_view(inbox.SOLVED)
    app.processEvents()
    bar = window.table.verticalScrollBar()
    page_times = []
    for _ in range(20):
        t0 = time.perf_counter()
        bar.setValue(bar.maximum())
        app.processEvents()
        window.table.viewport().repaint()
        page_times.append(time.perf_counter() - t0)
    scrolled_rows = window.inbox_model.rowCount()

    queries = ["printer", "refund invoice", "войти", "prentarinn", "jokull", "Schäfer",
               "server down", "555", "счету", "endurgreidslan", "thorsson", "aegir"]
    searches = {}
    for q in queries:
        match = fts_query(q)
        with store.read() as s:
            raw = []
            ours = []
            for _ in range(RUNS):
                t0 = time.perf_counter()
                s.execute(
                    text("SELECT rowid FROM messages_fts WHERE messages_fts MATCH :q "
                         "ORDER BY rank LIMIT 600"), {"q": match}
                ).all()
                raw.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                hits = search(s, q)
                ours.append(time.perf_counter() - t0)
        searches[q] = {
            "raw_fts_ms": statistics.median(raw) * 1000,
            "search_ms": statistics.median(ours) * 1000,
            "ratio": statistics.median(ours) / max(statistics.median(raw), 1e-6),
            "hits": len(hits),
        }
    window.close()
    store.close()
    return {
        "view_switch_ms": switches,
        "scroll_page_ms_median": statistics.median(page_times) * 1000,
        "scroll_page_ms_max": max(page_times) * 1000,
        "rows_after_scrolling": scrolled_rows,
        "search": searches,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    profile = dataset(args.conversations)
    results: dict[str, object] = {"conversations": args.conversations}
    results["launch"] = bench_launch(profile)
    results.update(bench_in_process(profile))
    print(json.dumps(results, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
