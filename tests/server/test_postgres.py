"""PostgreSQL: two stateless server processes over one database, under concurrent load."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from supportdesk.models import Channel
from supportdesk.server import db
from supportdesk.services import actions
from supportdesk.store import Store, UnitOfWork
from supportdesk.sync.client import RequestsTransport, SyncClient
from tests.server.services import LiveServer, PostgresCluster
from tests.server.test_live import admin_cli
from tests.sync.harness import PASSWORD, local_rows

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def two_servers(postgres: PostgresCluster, tmp_path: Path) -> Iterator[list[LiveServer]]:
    url = postgres.create_database(f"sd_{tmp_path.name.replace('-', '_').lower()}"[:60])
    made = admin_cli(tmp_path, "create-team", "Acme", "--owner", "alice", database=url)
    assert made.returncode == 0, made.stderr
    for user in ("bob", "carol", "dave"):
        assert admin_cli(tmp_path, "add-agent", user, database=url).returncode == 0
    servers = [LiveServer(tmp_path / f"s{i}", database=url) for i in range(2)]
    for s in servers:
        s.start()
    yield servers
    for s in servers:
        s.stop()


def test_clients_on_two_servers_converge_and_no_version_is_skipped(
    two_servers: list[LiveServer], tmp_path: Path
) -> None:
    users = ["alice", "bob", "carol", "dave"]
    stores = [Store.open(tmp_path / u) for u in users]
    clients = [SyncClient(s, RequestsTransport(), push_batch=20, pull_page=50)
               for s in stores]
    try:
        for i, (client, user) in enumerate(zip(clients, users, strict=True)):
            client.login(two_servers[i % 2].url, user, PASSWORD)
        errors: list[BaseException] = []

        def work(client: SyncClient, name: str) -> None:
            try:
                for round_ in range(6):
                    def edit(uow: UnitOfWork, r: int = round_) -> None:
                        for k in range(5):
                            conv = actions.create_conversation(
                                uow, channel=Channel.CHAT, customer_id=None,
                                subject=f"{name} {r}.{k}")
                            actions.add_note(uow, conv.id, "hello", name)
                    client.store.write(edit)
                    client.sync()  # pushes race; pulls run while others commit
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(c, u)) for c, u in
                   zip(clients, users, strict=True)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        for client in clients:
            client.sync()
        rows = [local_rows(c.store) for c in clients]
        assert all(r == rows[0] for r in rows)
        assert sum(1 for k in rows[0] if k[0] == "messages") == 4 * 6 * 5
        engine = create_engine(two_servers[0].database or "")
        with engine.connect() as conn:
            versions = list(conn.scalars(select(db.changes.c.version).order_by("version")))
            top = conn.scalar(select(func.max(db.counters.c.version)))
        engine.dispose()
        assert versions == list(range(1, len(versions) + 1)) and top == len(versions)
    finally:
        for s in stores:
            s.close()
