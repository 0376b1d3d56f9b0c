"""Fixtures for sync tests: the real server app in-process and stores that sync with it."""

from __future__ import annotations

import itertools
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from fastapi.testclient import TestClient

from supportdesk.server import admin, auth
from supportdesk.server.app import create_app
from supportdesk.store import Store
from supportdesk.sync.client import SyncClient
from tests.server.services import LiveServer, python_env
from tests.sync.harness import (
    PASSWORD,
    SERVER,
    AppTransport,
    MemoryKeyring,
    local_rows,
    server_rows,
)


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing() -> None:
    """argon2id with a small cost: tests log in hundreds of times."""
    auth.set_hash_cost(time_cost=1, memory_cost_kib=1024)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    team = admin.create_team(app.state.engine, "Acme", "alice", PASSWORD)
    admin.add_user(app.state.engine, team, "bob", PASSWORD)
    with TestClient(app) as client:
        yield client
    app.state.engine.dispose()


@pytest.fixture
def make_client(
    tmp_path: Path, server: TestClient
) -> Iterator[Callable[..., SyncClient]]:
    stores: list[Store] = []
    counter = itertools.count()

    def make(user: str = "alice", login: bool = True) -> SyncClient:
        store = Store.open(tmp_path / f"profile{next(counter)}")
        stores.append(store)
        client = SyncClient(store, AppTransport(server), push_batch=50, pull_page=40,
                            snapshot_page=30)
        if login:
            client.login(SERVER, user, PASSWORD)
        return client

    yield make
    for store in stores:
        store.close()



Rows = Callable[..., dict[tuple[str, str], dict[str, Any]]]


@pytest.fixture(name="local_rows")
def local_rows_fixture() -> Rows:
    """``local_rows(store)``: a profile's synced rows."""
    return local_rows


@pytest.fixture(name="server_rows")
def server_rows_fixture() -> Rows:
    """``server_rows(engine)``: the rows the server says the team has."""
    return server_rows


def _admin(data: Path, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "supportdesk.server.cli", "admin", "--data", str(data), *args],
        input=PASSWORD + "\n", capture_output=True, text=True, env=python_env(), timeout=60,
        check=False)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveServer]:
    """The sync server as a real uvicorn process on loopback (team Acme: alice, bob)."""
    data = tmp_path / "server"
    _admin(data, "create-team", "Acme", "--owner", "alice")
    _admin(data, "add-agent", "bob")
    server = LiveServer(data).start()
    yield server
    server.stop()
