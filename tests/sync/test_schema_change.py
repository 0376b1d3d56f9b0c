"""An upgraded app pushes what waits, then takes the team's rows again; an old one is told why."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from supportdesk import cli
from supportdesk.models import Channel, Conversation, Message, Status, SyncPeer, SyncState
from supportdesk.services import actions
from supportdesk.store import Store, UnitOfWork
from supportdesk.sync import client as sync_client
from supportdesk.sync.client import RequestsTransport, SyncClient, SyncError
from supportdesk.sync.merge import pack_clocks, unpack_clocks
from supportdesk.sync.schema import schema_version
from tests.server.services import LiveServer
from tests.sync.harness import PASSWORD

Rows = Callable[..., dict[tuple[str, str], dict[str, object]]]
OLD_DIGEST = "0123456789abcdef"


def cases(client: SyncClient, n: int) -> list[str]:
    def run(uow: UnitOfWork) -> list[str]:
        out = []
        for i in range(n):
            conv = actions.create_conversation(uow, channel=Channel.EMAIL, customer_id=None,
                                               subject=f"Skjár {i} flöktir")
            actions.add_note(uow, conv.id, f"screen {i} flickers", "Alice")
            actions.add_tag(uow, conv.id, "hardware")
            out.append(conv.id)
        return out

    return client.store.write(run)


def paths(client: SyncClient, since: int) -> list[str]:
    log = client.transport.log[since:]  # type: ignore[attr-defined]
    return [path.split("?")[0] for _m, path, _size, _status in log]


def digest_of(client: SyncClient) -> str | None:
    peer = client.peer()
    assert peer is not None
    return peer.schema_digest


def test_an_upgraded_app_pushes_first_then_takes_a_snapshot(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    ids = cases(a, 5)
    a.store.write(lambda uow: actions.set_priority(uow, ids[3], actions.Priority.URGENT))
    a.sync()
    b.sync()
    assert digest_of(b) == schema_version()
    # Bob works offline: a note, a status, a tag; nothing pushed yet.

    def offline(uow: UnitOfWork) -> None:
        actions.add_note(uow, ids[0], "replaced the cable, fixed", "Bob")
        actions.set_status(uow, ids[1], Status.PENDING)
        actions.add_tag(uow, ids[2], "urgent")

    b.store.write(offline)
    waiting = b.waiting()
    assert waiting > 0
    # Bob's rows were pulled by an older app that did not know ``priority`` yet:
    # the column holds its default, and no clock says anyone ever set it. A pull
    # from his cursor would never bring it again.
    def older_app(uow: UnitOfWork) -> None:
        session = uow.session
        session.execute(update(SyncPeer).values(schema_digest=OLD_DIGEST))
        session.execute(update(Conversation).where(Conversation.id == ids[3])
                        .values(priority="normal"))
        state = session.get(SyncState, ("conversations", ids[3]))
        assert state is not None
        clocks = unpack_clocks(json.loads(state.clocks))
        clocks.pop("priority", None)
        state.clocks = json.dumps(pack_clocks(clocks))

    b.store.write(older_app)
    before = len(b.transport.log)  # type: ignore[attr-defined]
    result = b.sync()
    sent = paths(b, before)
    assert sent.index("/sync/push") < sent.index("/sync/snapshot")
    assert result.pushed == waiting and b.waiting() == 0
    assert result.snapshot_rows > 0
    assert digest_of(b) == schema_version()
    engine = server.app.state.engine  # type: ignore[attr-defined]
    on_server = server_rows(engine)
    assert local_rows(b.store) == on_server  # priority restored, bob's work kept
    assert on_server[("conversations", ids[3])]["priority"] == "urgent"
    assert on_server[("conversations", ids[1])]["status"] == "pending"
    assert "urgent" in on_server[("conversation_tags", ids[2])]
    with b.store.read() as session:
        notes = session.scalars(select(Message.body_text).where(
            Message.conversation_id == ids[0])).all()
        assert sorted(notes) == ["replaced the cable, fixed", "screen 0 flickers"]
        assert session.scalar(select(func.count()).select_from(Message)) == 6
    a.sync()
    assert local_rows(a.store) == on_server
    # Once is enough: the next sync is one request again.
    again = b.sync()
    assert (again.snapshot_rows, again.requests) == (0, 1)


def test_a_profile_from_before_the_digest_was_kept_takes_one_snapshot(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    cases(a, 2)
    a.sync()
    b.sync()
    b.store.write(lambda uow: uow.session.execute(update(SyncPeer).values(schema_digest=None)))
    assert b.sync().snapshot_rows > 0
    assert local_rows(b.store) == server_rows(server.app.state.engine)  # type: ignore[attr-defined]
    assert b.sync().snapshot_rows == 0


def test_a_snapshot_begun_by_an_older_app_starts_over(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows,
) -> None:
    a = make_client("alice")
    cases(a, 12)
    a.sync()
    b = make_client("bob")
    b.snapshot_page = 10
    real = b.transport.request
    pages = 0

    def drop_third_page(method: str, url: str, **kw: object) -> object:
        nonlocal pages
        if "/sync/snapshot" in url:
            pages += 1
            if pages == 3:
                raise sync_client.ServerUnreachableError("network dropped")
        return real(method, url, **kw)  # type: ignore[arg-type]

    b.transport.request = drop_third_page  # type: ignore[method-assign]
    with pytest.raises(SyncError):
        b.sync()
    peer = b.peer()
    assert peer is not None and peer.snapshot_after is not None
    assert peer.schema_digest == schema_version()  # begun by this app: it resumes
    b.store.write(lambda uow: uow.session.execute(
        update(SyncPeer).values(schema_digest=OLD_DIGEST)))
    before = len(b.transport.log)  # type: ignore[attr-defined]
    b.sync()
    log = b.transport.log[before:]  # type: ignore[attr-defined]
    first = next(path for _m, path, _s, _c in log if path.startswith("/sync/snapshot"))
    assert "after=" not in first  # taken again from the start
    assert local_rows(b.store) == server_rows(server.app.state.engine)  # type: ignore[attr-defined]


# -- an app and a server with different schemas ---------------------------------------------


@pytest.fixture
def older_server_schema(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This app's digest differs from the server's (as when one of them is not upgraded)."""
    monkeypatch.setattr(sync_client, "schema_version", lambda: OLD_DIGEST)
    yield


def test_a_schema_mismatch_is_explained_and_nothing_is_reset(
    make_client: Callable[..., SyncClient], older_server_schema: None,
) -> None:
    a = make_client("alice")
    cases(a, 1)
    waiting = a.waiting()
    with pytest.raises(SyncError, match="know different data schemas; update the older one"):
        a.sync()
    assert a.waiting() == waiting
    peer = a.peer()
    assert peer is not None and peer.last_error is not None
    assert "different data schemas" in peer.last_error


@pytest.mark.slow
def test_supportdesk_sync_prints_the_schema_mismatch_and_fails(
    live: LiveServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    older_server_schema: None,
) -> None:
    profile = tmp_path / "laptop"
    store = Store.open(profile)
    try:
        client = SyncClient(store, RequestsTransport())
        client.login(live.url, "alice", PASSWORD)
        cases(client, 1)
    finally:
        store.close()
    code = cli.main(["sync", "--profile", str(profile)])
    err = capsys.readouterr().err
    assert code == cli.EXIT_ERROR
    assert err.strip() == (
        "supportdesk sync: This SupportDesk and the server know different data schemas; "
        "update the older one."
    )

