"""Sync benchmarks on loopback against a real ``supportdesk-server`` process.

    python benchmarks/bench_sync.py [--conversations 10000] [--json]

Measures:
- initial sync of a new device (snapshot) of ~100k messages / 10k conversations
  (target <= 10 s);
- a no-op sync: requests, bytes each way (target one request < 1 KB) and p95
  latency over 200 syncs (target < 20 ms);
- pushing 5,000 offline edits (target <= 5 s).

The team's data is a demo workspace turned into outbox entries (demo rows are
written without any) and pushed by a seeding device; that push is timed too.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import requests
from keyring.backend import KeyringBackend
from sqlalchemy import delete, insert, select

from supportdesk.models import Conversation, Meta, OutboxEntry, Priority
from supportdesk.server import admin, db
from supportdesk.services import actions, demo
from supportdesk.store import Store, UnitOfWork
from supportdesk.store.uow import to_json_value
from supportdesk.sync.client import HttpResponse, RequestsTransport, SyncClient
from supportdesk.sync.schema import Kind, registry

PASSWORD = "benchmark password"
ROOT = Path(__file__).resolve().parents[1]


class MemoryKeyring(KeyringBackend):
    """Tokens in memory: the benchmark measures sync, not the desktop keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.data.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.data[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.data.pop((service, username), None)


class MeasuringTransport(RequestsTransport):
    """Counts the bytes of each request and answer as they go on the wire."""

    def __init__(self) -> None:
        super().__init__()
        self.last_request_bytes = 0
        self.last_response_bytes = 0

    def request(
        self, method: str, url: str, *, headers: dict[str, str], body: bytes | None = None
    ) -> HttpResponse:
        def hook(resp: requests.Response, *_a: Any, **_k: Any) -> None:
            req = resp.request
            line = f"{req.method} {req.path_url} HTTP/1.1\r\n"
            heads = "".join(f"{k}: {v}\r\n" for k, v in req.headers.items())
            host = f"Host: {requests.utils.urlparse(url).netloc}\r\n"
            self.last_request_bytes = len(line) + len(host) + len(heads) + 2 + len(body or b"")
            rheads = "".join(f"{k}: {v}\r\n" for k, v in resp.headers.items())
            self.last_response_bytes = 17 + len(rheads) + 2 + len(resp.content)

        self.session.hooks["response"] = [hook]
        return super().request(method, url, headers=headers, body=body)


def outbox_from_rows(store: Store) -> int:
    """Turn every synced row of a demo workspace into insert mutations (as if typed)."""
    count = 0

    def run(uow: UnitOfWork) -> None:
        nonlocal count
        session = uow.session
        entries: list[dict[str, Any]] = []
        for spec in registry().values():
            if spec.kind is Kind.TAGS:
                for cid, tag in session.execute(select(spec.table.c.conversation_id,
                                                       spec.table.c.tag)):
                    entries.append(_entry(uow, spec.name, cid, "tag_add", {"tag": tag}))
                continue
            cols = [spec.table.c[n] for n in spec.fields]
            for row in session.execute(select(*cols)):
                payload = {n: to_json_value(v) for n, v in zip(spec.fields, row, strict=True)}
                entries.append(_entry(uow, spec.name, payload["id"], "insert", payload))
        for start in range(0, len(entries), 5000):
            session.execute(insert(OutboxEntry), entries[start : start + 5000])
        session.execute(delete(Meta).where(Meta.key == "demo"))
        count = len(entries)

    store.write(run)
    return count


def _entry(uow: UnitOfWork, entity: str, eid: str, op: str, payload: dict[str, Any]
           ) -> dict[str, Any]:
    return {"entity": entity, "entity_id": eid, "op": op, "payload": payload,
            "hlc": uow.clock.now(), "created_at": datetime.now(UTC), "pushed": False}


def start_server(data: Path, port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "supportdesk.server.cli", "--data", str(data), "--port",
         str(port), "--log-level", "warning"], env=env)
    for _ in range(300):
        try:
            if requests.get(f"http://127.0.0.1:{port}/health", timeout=1).ok:
                return proc
        except requests.RequestException:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=5_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    tmp = Path(tempfile.mkdtemp(prefix="sd-bench-sync-"))
    data = tmp / "server"
    data.mkdir()
    from supportdesk.server.cli import database_url

    engine = db.make_engine(database_url(data, None))
    db.create_schema(engine)
    team = admin.create_team(engine, "Bench", "seeder", PASSWORD)
    admin.add_user(engine, team, "newcomer", PASSWORD)
    engine.dispose()
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = args.port or s.getsockname()[1]
    server = start_server(data, port)
    url = f"http://127.0.0.1:{port}"
    out: dict[str, Any] = {}
    try:
        seed_store = Store.open(tmp / "seed")
        summary = demo.generate(seed_store, args.conversations, seed=1,
                                messages_per_conversation=10)
        out["messages"], out["conversations"] = summary.messages, summary.conversations
        outbox_from_rows(seed_store)
        seeder = SyncClient(seed_store, RequestsTransport(), push_batch=1000)
        seeder.login(url, "seeder", PASSWORD)
        waiting = seeder.waiting()
        t0 = time.perf_counter()
        seeded = seeder.sync()
        out["seed_push_mutations"] = seeded.pushed
        out["seed_push_s"] = round(time.perf_counter() - t0, 2)
        assert seeded.pushed == waiting, (seeded.pushed, waiting)
        seed_store.close()

        store = Store.open(tmp / "newcomer")
        transport = MeasuringTransport()
        client = SyncClient(store, transport)
        client.login(url, "newcomer", PASSWORD)
        t0 = time.perf_counter()
        first = client.sync()
        out["initial_sync_s"] = round(time.perf_counter() - t0, 2)
        out["initial_sync_rows"] = first.snapshot_rows
        out["initial_sync_requests"] = first.requests

        latencies = []
        for _ in range(200):
            t0 = time.perf_counter()
            r = client.sync()
            latencies.append((time.perf_counter() - t0) * 1000)
            assert r.requests == 1
        out["noop_requests"] = 1
        out["noop_request_bytes"] = transport.last_request_bytes
        out["noop_response_bytes"] = transport.last_response_bytes
        out["noop_p50_ms"] = round(statistics.median(latencies), 2)
        out["noop_p95_ms"] = round(statistics.quantiles(latencies, n=20)[18], 2)

        with store.read() as session:
            ids = list(session.scalars(select(Conversation.id).limit(args.edits)))
        priorities = list(Priority)

        def edit(uow: UnitOfWork) -> None:
            for i in range(args.edits):
                cid = ids[i % len(ids)]
                if i % 2:
                    actions.set_priority(uow, cid, priorities[i % len(priorities)])
                else:
                    actions.mark_read(uow, cid, bool(i % 4))

        store.write(edit)
        waiting = client.waiting()
        t0 = time.perf_counter()
        pushed = client.sync()
        out["offline_edits_outbox_entries"] = waiting
        out["offline_edits_push_s"] = round(time.perf_counter() - t0, 2)
        assert pushed.pushed == waiting
        store.close()
    finally:
        server.terminate()
        server.wait()
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        for k, v in out.items():
            print(f"{k:32} {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
