"""Fixtures for server tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from fastapi.testclient import TestClient

from supportdesk.server import admin, auth
from supportdesk.server.app import create_app
from tests.server.services import PostgresCluster, unavailable
from tests.sync.harness import PASSWORD, MemoryKeyring


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing() -> None:
    """argon2id with a small cost for in-process apps (live servers keep the real cost)."""
    auth.set_hash_cost(time_cost=1, memory_cost_kib=1024)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


class Api:
    """The app with two teams: Acme (alice owner, bob agent) and Globex (olga owner)."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.engine = client.app.state.engine  # type: ignore[attr-defined]

    def login(self, user: str, device: str | None = None, password: str = PASSWORD) -> Any:
        return self.client.post("/auth/login", json={
            "user": user, "password": password, "device_name": "laptop",
            "device_id": device or f"dev-{user}",
        })

    def token(self, user: str, device: str | None = None) -> dict[str, str]:
        resp = self.login(user, device)
        assert resp.status_code == 200, resp.text
        return {"Authorization": f"Bearer {resp.json()['access_token']}"}


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Api]:
    app = create_app(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    acme = admin.create_team(app.state.engine, "Acme", "alice", PASSWORD)
    admin.add_user(app.state.engine, acme, "bob", PASSWORD)
    admin.create_team(app.state.engine, "Globex", "olga", PASSWORD)
    with TestClient(app) as client:
        yield Api(client)
    app.state.engine.dispose()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    reason = PostgresCluster.available()
    if reason:
        unavailable(reason)
    cluster = PostgresCluster()
    try:
        cluster.start()
    except Exception as exc:  # the reason is shown, loudly
        cluster.stop()
        unavailable(f"PostgreSQL did not start: {exc}")
    yield cluster
    cluster.stop()
