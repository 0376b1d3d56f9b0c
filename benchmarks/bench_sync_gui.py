"""Does the window stay responsive while a big sync runs in the background?

    PYTHONPATH=. .venv/bin/python -m benchmarks.bench_sync_gui [--conversations 10000] [--json]

A seeding device pushes a generated workspace (10 messages per conversation)
to a real ``supportdesk-server`` on loopback; then a new device's main window
(offscreen) signs in and its background sync controller takes the initial
snapshot while a 5 ms QTimer records how long the GUI event loop went without
running it. Goal (issue 5): the longest stall stays under 50 ms.

``--per-row-refresh`` turns off the window's one-reload-per-big-batch refresh,
to show what it saves.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from benchmarks.bench_sync import PASSWORD, MemoryKeyring, outbox_from_rows, start_server
from supportdesk.config import Settings
from supportdesk.server import admin, db
from supportdesk.server.cli import database_url
from supportdesk.services import demo, inbox
from supportdesk.store import Store
from supportdesk.sync.client import RequestsTransport, SyncClient, SyncResult
from supportdesk.ui import mainwindow
from supportdesk.ui.mainwindow import MainWindow
from supportdesk.ui.sync.controller import SyncController

TICK_MS = 5


class StallMeter:
    """A 5 ms timer that keeps the gaps between its ticks."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer(interval=TICK_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now

    def stop(self) -> None:
        self.timer.stop()


def seed(tmp: Path, conversations: int) -> tuple[Any, str, dict[str, Any]]:
    """A running server holding a generated team workspace."""
    data = tmp / "server"
    engine = db.make_engine(database_url(data, None))
    db.create_schema(engine)
    team = admin.create_team(engine, "Bench", "seeder", PASSWORD)
    admin.add_user(engine, team, "newcomer", PASSWORD)
    engine.dispose()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = start_server(data, port)
    url = f"http://127.0.0.1:{port}"
    out: dict[str, Any] = {}
    seed_store = Store.open(tmp / "seed")
    summary = demo.generate(seed_store, conversations, seed=1, messages_per_conversation=10)
    out["messages"], out["conversations"] = summary.messages, summary.conversations
    outbox_from_rows(seed_store)
    seeder = SyncClient(seed_store, RequestsTransport(), push_batch=1000)
    seeder.login(url, "seeder", PASSWORD)
    seeder.sync()
    seed_store.close()
    return server, url, out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--per-row-refresh", action="store_true",
                        help="refresh the list row by row even for big batches (the old way)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    if args.per_row_refresh:
        mainwindow.BULK_CHANGE = 10**9
    tmp = Path(tempfile.mkdtemp(prefix="sd-bench-sync-gui-"))
    app = QApplication.instance() or QApplication([])
    server, url, out = seed(tmp, args.conversations)
    try:
        profile = tmp / "newcomer"
        store = Store.open(profile)
        SyncClient(store, RequestsTransport()).login(url, "newcomer", PASSWORD)
        window = MainWindow(store, Settings(profile))
        window.resize(1400, 860)
        window.show()
        window.select_view(inbox.ALL_OPEN)
        controller = SyncController(window, startup_ms=10_000_000)
        for _ in range(10):
            app.processEvents()
        results: list[SyncResult | None] = []
        controller.synced.connect(results.append)
        meter = StallMeter()
        meter.start()
        t0 = time.perf_counter()
        controller.request_sync("user")
        while not results:
            app.processEvents()
            time.sleep(0.001)
        sync_s = time.perf_counter() - t0
        # Let the window take in the last pages (its refresh is coalesced).
        settle = time.perf_counter() + 1.0
        while time.perf_counter() < settle:
            app.processEvents()
            time.sleep(0.001)
        meter.stop()
        result = results[0]
        gaps = sorted(meter.gaps)
        out["snapshot_rows"] = result.snapshot_rows if result else None
        out["sync_s"] = round(sync_s, 2)
        out["ticks"] = len(gaps)
        out["stall_max_ms"] = round(gaps[-1], 1)
        out["stall_p99_ms"] = round(gaps[int(len(gaps) * 0.99) - 1], 1)
        out["stall_median_ms"] = round(statistics.median(gaps), 1)
        out["stalls_over_50ms"] = sum(1 for g in gaps if g > 50)
        out["list_total_after"] = window.inbox_model.total
        out["per_row_refresh"] = args.per_row_refresh
        out["target_max_ms"] = 50
        window.close()
        store.close()
    finally:
        server.terminate()
        server.wait()
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        for k, v in out.items():
            print(f"{k:24} {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
