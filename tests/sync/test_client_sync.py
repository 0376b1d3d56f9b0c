"""Clients syncing through the real server app: convergence, conflicts, retries."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from supportdesk.models import Channel, Message, OutboxEntry, Status, SyncConflict, SyncPeer
from supportdesk.services import actions
from supportdesk.store import UnitOfWork
from supportdesk.sync.client import SyncClient, SyncError

Rows = Callable[..., dict[tuple[str, str], dict[str, object]]]



def new_conversation(client: SyncClient, subject: str = "Printer on fire") -> str:
    def run(uow: UnitOfWork) -> str:
        conv = actions.create_conversation(
            uow, channel=Channel.EMAIL, customer_id=None, subject=subject
        )
        actions.add_note(uow, conv.id, "Called them back, toner replaced", "Alice")
        actions.add_tag(uow, conv.id, "hardware")
        return conv.id

    return client.store.write(run)


def test_work_done_on_one_laptop_reaches_another(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    cid = new_conversation(a)
    pushed = a.sync()
    assert pushed.pushed > 0 and a.waiting() == 0
    got = b.sync()
    assert got.snapshot_rows > 0
    assert local_rows(b.store) == local_rows(a.store) == server_rows(server.app.state.engine)
    with b.store.read() as session:
        note = session.scalars(select(Message).where(Message.conversation_id == cid)).one()
    assert note.body_text == "Called them back, toner replaced"
    # Pulled rows are never pushed back.
    with b.store.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0


def test_pulled_messages_are_searchable(make_client: Callable[..., SyncClient]) -> None:
    from supportdesk.services.search import search as run_search

    a, b = make_client("alice"), make_client("bob")
    b.sync()  # b has its snapshot; what follows arrives by pull
    new_conversation(a, subject="Þórður's printer")
    a.sync()
    assert b.sync().pulled > 0
    with b.store.read() as session:
        hits = run_search(session, "toner")
    assert hits, "a pulled note should be found by full-text search"


def test_concurrent_edits_converge_and_the_loser_is_logged(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    cid = new_conversation(a)
    a.sync()
    b.sync()
    a.store.write(lambda uow: actions.set_status(uow, cid, Status.PENDING))
    b.store.write(lambda uow: actions.set_status(uow, cid, Status.SOLVED))  # later stamp
    a.sync()
    b.sync()
    a.sync()
    assert local_rows(a.store) == local_rows(b.store) == server_rows(server.app.state.engine)
    assert local_rows(a.store)[("conversations", cid)]["status"] == "solved"
    for client in (a, b):
        with client.store.read() as session:
            lost = session.scalars(
                select(SyncConflict).where(SyncConflict.field == "status")
            ).all()
        assert [(c.lost_value, c.won_value) for c in lost] == [('"pending"', '"solved"')]


def test_sequential_edits_by_two_reps_are_no_conflict(
    make_client: Callable[..., SyncClient],
) -> None:
    a, b = make_client("alice"), make_client("bob")
    cid = new_conversation(a)
    a.sync()
    b.sync()
    b.store.write(lambda uow: actions.set_status(uow, cid, Status.PENDING))
    b.sync()
    a.sync()
    a.store.write(lambda uow: actions.set_status(uow, cid, Status.SOLVED))
    a.sync()
    b.sync()
    for client in (a, b):
        with client.store.read() as session:
            assert session.scalars(select(SyncConflict)).all() == []


def test_a_no_op_sync_is_one_small_request(make_client: Callable[..., SyncClient]) -> None:
    a = make_client("alice")
    new_conversation(a)
    a.sync()
    transport = a.transport
    before = len(transport.log)  # type: ignore[attr-defined]
    result = a.sync()
    calls = transport.log[before:]  # type: ignore[attr-defined]
    assert result.pushed == result.pulled == 0
    assert len(calls) == 1 and calls[0][0] == "GET" and calls[0][1].startswith("/sync/pull")


def test_lost_push_answer_is_retried_without_duplicates(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    new_conversation(a)
    real = a.transport.request

    def lose_push_answer(method: str, url: str, **kw: object) -> object:
        resp = real(method, url, **kw)  # type: ignore[arg-type]
        if "/sync/push" in url:
            raise_after_commit()
        return resp

    def raise_after_commit() -> None:
        from supportdesk.sync.client import ServerUnreachableError

        raise ServerUnreachableError("connection reset after the server committed")

    a.transport.request = lose_push_answer  # type: ignore[method-assign]
    with pytest.raises(SyncError):
        a.sync()
    assert a.waiting() > 0  # not acknowledged, so kept
    a.transport.request = real  # type: ignore[method-assign]
    a.sync()
    assert a.waiting() == 0
    b.sync()
    with b.store.read() as session:
        assert session.scalar(select(func.count()).select_from(Message)) == 1
    assert local_rows(a.store) == local_rows(b.store) == server_rows(server.app.state.engine)


def test_snapshot_resumes_after_an_interruption(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows,
) -> None:
    a = make_client("alice")
    for i in range(12):
        new_conversation(a, subject=f"case {i}")
    a.sync()
    b = make_client("bob")
    b.snapshot_page = 10
    real = b.transport.request
    pages = 0

    def flaky(method: str, url: str, **kw: object) -> object:
        nonlocal pages
        if "/sync/snapshot" in url:
            pages += 1
            if pages == 3:
                from supportdesk.sync.client import ServerUnreachableError

                raise ServerUnreachableError("network dropped")
        return real(method, url, **kw)  # type: ignore[arg-type]

    b.transport.request = flaky  # type: ignore[method-assign]
    with pytest.raises(SyncError):
        b.sync()
    with b.store.read() as session:
        peer = session.get(SyncPeer, 1)
        assert peer is not None and peer.cursor is None and peer.snapshot_after
    b.sync()
    assert local_rows(b.store) == server_rows(server.app.state.engine)


def test_demo_profile_refuses_to_sync(make_client: Callable[..., SyncClient]) -> None:
    a = make_client("alice", login=False)
    a.store.set_meta("demo", "1")
    with pytest.raises(SyncError, match="demo"):
        a.login("http://127.0.0.1:9", "alice", "x")
    with pytest.raises(SyncError, match="demo"):
        a.sync()


def test_plain_http_is_refused_for_a_remote_server(make_client: Callable[..., SyncClient]) -> None:
    a = make_client("alice", login=False)
    with pytest.raises(SyncError, match="https"):
        a.login("http://sync.example.com", "alice", "whatever1")


def test_wrong_password_says_so(make_client: Callable[..., SyncClient]) -> None:
    a = make_client("alice", login=False)
    with pytest.raises(SyncError, match="Wrong user name or password"):
        a.login("http://127.0.0.1:9", "alice", "not the password")


def test_a_restarted_device_never_stamps_below_what_it_has_seen(
    make_client: Callable[..., SyncClient], tmp_path: Path
) -> None:
    import time as _time

    from supportdesk.store import Store

    a, b = make_client("alice"), make_client("bob")
    cid = new_conversation(a)
    a.sync()
    b.sync()
    profile = b.store.profile
    seen = max(str(e) for e in _stamps(a))
    b.store.close()
    reopened = Store.open(profile)
    try:
        reopened.clock._wall = lambda: _time.time() - 240  # this laptop's clock is 4 min slow
        stamp = reopened.clock.now()
        assert stamp > seen
    finally:
        reopened.close()
    del cid


def _stamps(client: SyncClient) -> list[str]:
    with client.store.read() as session:
        return list(session.scalars(select(OutboxEntry.hlc)))


def test_tables_this_version_does_not_sync_stay_in_the_outbox(
    make_client: Callable[..., SyncClient],
) -> None:
    a = make_client("alice")
    new_conversation(a)

    def local_only(uow: UnitOfWork) -> None:
        uow.session.add(OutboxEntry(entity="not_synced_yet", entity_id="x1", op="insert",
                                    payload={}, hlc=a.store.clock.now()))

    a.store.write(local_only)
    result = a.sync()
    assert result.rejected == 0 and result.waiting == 0
    with a.store.read() as session:
        kept = session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "not_synced_yet"))
        assert [e.pushed for e in kept] == [False]


def test_a_rep_can_restore_what_lost(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows,
) -> None:
    from supportdesk.sync.conflicts import ConflictError, open_conflicts, restore

    a, b = make_client("alice"), make_client("bob")
    cid = new_conversation(a)
    a.sync()
    b.sync()
    a.store.write(lambda uow: actions.set_priority(uow, cid, actions.Priority.URGENT))
    b.store.write(lambda uow: actions.set_priority(uow, cid, actions.Priority.LOW))
    a.sync()
    b.sync()
    a.sync()
    with a.store.read() as session:
        (lost,) = [c for c in open_conflicts(session) if c.field == "priority"]
    assert (lost.lost_value, lost.won_value) == ("urgent", "low")
    a.store.write(lambda uow: restore(uow, lost.id))
    a.sync()
    b.sync()
    assert local_rows(b.store)[("conversations", cid)]["priority"] == "urgent"
    assert local_rows(a.store) == local_rows(b.store) == server_rows(server.app.state.engine)
    with a.store.read() as session:
        assert all(c.id != lost.id for c in open_conflicts(session))
    with pytest.raises(ConflictError):
        a.store.write(lambda uow: restore(uow, lost.id))


def test_an_insert_recorded_without_its_defaults_syncs_whole(
    make_client: Callable[..., SyncClient], local_rows: Rows,
) -> None:
    from supportdesk.models import Customer

    a, b = make_client("alice"), make_client("bob")

    def add(uow: UnitOfWork) -> None:
        # Bulk rows may leave columns to their defaults (here created_at and notes).
        uow.add_rows(Customer, [{"id": "cust-1", "name": "Guðrún", "organization": None,
                                 "language": "is", "merged_into_id": None}])

    a.store.write(add)
    a.sync()
    b.sync()
    assert local_rows(b.store)[("customers", "cust-1")] == \
        local_rows(a.store)[("customers", "cust-1")]
