"""Schemathesis over /openapi.json: no 5xx, and one team's token never crosses to another."""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from sqlalchemy import select

from supportdesk.server import admin, auth, db
from supportdesk.server.app import create_app
from supportdesk.sync.schema import schema_version
from tests.sync.harness import PASSWORD

SECRET = "ACME-ONLY-7f3a"


class Setup:
    def __init__(self) -> None:
        auth.set_hash_cost(time_cost=1, memory_cost_kib=1024)
        self.dir = Path(tempfile.mkdtemp(prefix="sd-fuzz-"))
        self.app = create_app(f"sqlite:///{self.dir / 'server.sqlite3'}")
        engine = self.app.state.engine
        self.acme = admin.create_team(engine, "Acme", "alice", PASSWORD)
        admin.create_team(engine, "Globex", "olga", PASSWORD)
        self.client = TestClient(self.app)
        alice = self._token("alice")
        now = f"{int(time.time() * 1000):013d}-0000-dev-alice"
        body = {"mutations": [{"id": 1, "entity": "conversation_tags", "entity_id": "c1",
                               "op": "tag_add", "fields": {"tag": SECRET}, "stamp": now}]}
        assert self.client.post("/sync/push", headers=alice, json=body).status_code == 200
        self.globex = self._token("olga")

    def _token(self, user: str) -> dict[str, str]:
        resp = self.client.post("/auth/login", json={
            "user": user, "password": PASSWORD, "device_name": "d", "device_id": f"dev-{user}"})
        return {"Authorization": f"Bearer {resp.json()['access_token']}"}

    def acme_version(self) -> int:
        with self.app.state.engine.connect() as conn:
            return int(conn.scalar(select(db.counters.c.version)
                                   .where(db.counters.c.team_id == self.acme)) or 0)


@pytest.fixture(scope="module")
def setup() -> Iterator[Setup]:
    s = Setup()
    yield s
    s.client.close()
    s.app.state.engine.dispose()


@pytest.mark.slow
def test_no_server_errors_and_no_crossing_teams(setup: Setup) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", setup.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    # Signing out ends the token, so that operation goes last.
    operations.sort(key=lambda op: op.label == "POST /auth/logout")
    seen: Counter[tuple[str, int]] = Counter()
    headers = {**setup.globex, "X-SupportDesk-Schema": schema_version()}
    for operation in operations:
        _fuzz(operation, setup, headers, seen)
    # The token stayed good: the fuzzing reached the sync endpoints, not just 401s.
    assert seen[("POST /sync/push", 200)] > 0 and seen[("GET /sync/pull", 200)] > 0


def _fuzz(operation: Any, setup: Setup, headers: dict[str, str],
          seen: Counter[tuple[str, int]]) -> None:
    label = operation.label

    @given(case=operation.as_strategy())
    @settings(max_examples=40, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def check(case: Any) -> None:
        before = setup.acme_version()
        response = case.call_and_validate(headers=headers, checks=[not_a_server_error])
        seen[(label, response.status_code)] += 1
        assert SECRET not in response.text, label
        assert setup.acme_version() == before, label

    check()
