"""Who else is viewing or replying: the real server app, its database, real clients."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from supportdesk.server import admin
from supportdesk.server.app import create_app
from supportdesk.server.presence import PRESENCE_TTL_S
from supportdesk.store import Store
from supportdesk.sync import presence
from supportdesk.sync.client import SyncClient, SyncError
from tests.server.conftest import Api
from tests.server.services import PostgresCluster
from tests.sync.harness import PASSWORD, SERVER, AppTransport

CONV = "019a0000-0000-7000-8000-000000000001"


class Clock:
    """The server's wall clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def make_api(url: str, clock: Clock, *, teams: bool = True) -> Api:
    app = create_app(url, clock=clock)
    if teams:
        acme = admin.create_team(app.state.engine, "Acme", "alice", PASSWORD)
        admin.add_user(app.state.engine, acme, "bob", PASSWORD)
        admin.add_user(app.state.engine, acme, "carol", PASSWORD)
        admin.create_team(app.state.engine, "Globex", "olga", PASSWORD)
    return Api(TestClient(app))


@pytest.fixture
def api(tmp_path: Path, clock: Clock) -> Iterator[Api]:
    made = make_api(f"sqlite:///{tmp_path / 'server.sqlite3'}", clock)
    with made.client:
        yield made
    made.engine.dispose()


def say(api: Api, headers: dict[str, str], conversation: str | None,
        state: str = "viewing") -> list[dict[str, str]]:
    resp = api.client.post("/presence", headers=headers,
                           json={"conversation_id": conversation, "state": state})
    assert resp.status_code == 200, resp.text
    others: list[dict[str, str]] = resp.json()["others"]
    return others


def test_two_agents_see_each_other_but_not_themselves(api: Api) -> None:
    alice, bob = api.token("alice"), api.token("bob")
    assert say(api, alice, CONV) == []
    assert say(api, bob, CONV, "replying") == [{"user": "alice", "state": "viewing"}]
    assert say(api, alice, CONV) == [{"user": "bob", "state": "replying"}]
    # Bob moves on: Alice no longer sees him.
    assert say(api, bob, "019a0000-0000-7000-8000-000000000002") == []
    assert say(api, alice, CONV) == []


def test_closing_the_conversation_clears_the_entry(api: Api) -> None:
    alice, bob = api.token("alice"), api.token("bob")
    say(api, alice, CONV, "replying")
    assert say(api, alice, None) == []
    assert say(api, bob, CONV) == []


def test_entries_expire_without_renewal(api: Api, clock: Clock) -> None:
    alice, bob = api.token("alice"), api.token("bob")
    say(api, alice, CONV)
    clock.now += PRESENCE_TTL_S - 5
    assert say(api, bob, CONV) == [{"user": "alice", "state": "viewing"}]
    say(api, alice, CONV)  # renewed
    clock.now += PRESENCE_TTL_S - 5
    assert say(api, bob, CONV) == [{"user": "alice", "state": "viewing"}]
    clock.now += 10  # Alice's laptop went to sleep
    assert say(api, bob, CONV) == []


def test_one_line_per_agent_replying_wins(api: Api) -> None:
    laptop, desktop = api.token("alice", "dev-laptop"), api.token("alice", "dev-desktop")
    say(api, laptop, CONV, "viewing")
    say(api, desktop, CONV, "replying")
    assert say(api, api.token("bob"), CONV) == [{"user": "alice", "state": "replying"}]


def test_another_team_never_sees_them(api: Api) -> None:
    alice, olga = api.token("alice"), api.token("olga")
    say(api, alice, CONV, "replying")
    assert say(api, olga, CONV) == []
    assert say(api, alice, CONV) == []  # and Alice does not see Olga either


def test_bad_requests_are_refused(api: Api) -> None:
    alice = api.token("alice")
    assert api.client.post("/presence", json={"conversation_id": CONV}).status_code == 401
    for body in ({"conversation_id": "x" * 65}, {"conversation_id": "a b"},
                 {"conversation_id": CONV, "state": "typing"}):
        assert api.client.post("/presence", headers=alice, json=body).status_code == 422
    assert "/presence" in api.client.get("/openapi.json").json()["paths"]


def test_the_client_function_reports_and_reads(tmp_path: Path, api: Api) -> None:
    stores = [Store.open(tmp_path / "a"), Store.open(tmp_path / "b")]
    try:
        a, b = (SyncClient(s, AppTransport(api.client)) for s in stores)
        with pytest.raises(SyncError, match="not signed in"):
            presence.report(a, CONV)
        a.login(SERVER, "alice", PASSWORD)
        b.login(SERVER, "bob", PASSWORD)
        assert presence.report(a, CONV, "replying") == []
        assert presence.report(b, CONV) == [presence.OtherAgent("alice", "replying")]
        assert presence.report(a, CONV) == [presence.OtherAgent("bob", "viewing")]
    finally:
        for s in stores:
            s.close()


@pytest.mark.postgres
def test_two_server_processes_over_one_postgres_agree(
    postgres: PostgresCluster, tmp_path: Path, clock: Clock
) -> None:
    url = postgres.create_database(f"sd_pres_{tmp_path.name.replace('-', '_').lower()}"[:60])
    first = make_api(url, clock)
    second = make_api(url, clock, teams=False)
    try:
        alice, bob = first.token("alice"), second.token("bob")
        say(first, alice, CONV, "replying")
        assert say(second, bob, CONV) == [{"user": "alice", "state": "replying"}]
        clock.now += PRESENCE_TTL_S + 1
        assert say(first, bob, CONV) == []
    finally:
        for made in (first, second):
            made.client.close()
            made.engine.dispose()
