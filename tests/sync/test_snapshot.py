"""A new device's first snapshot goes in bulk, and ends exactly as a merged one would."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from supportdesk.models import Message, Meta, SyncPeer
from supportdesk.services import actions
from supportdesk.services.search import search
from supportdesk.services.workflow import canned, oncall
from supportdesk.store import Store, UnitOfWork
from supportdesk.sync import apply, snapshot
from supportdesk.sync.client import ServerUnreachableError, SyncClient, SyncError
from supportdesk.sync.merge import state_mutations, unpack_clocks
from supportdesk.sync.protocol import row_to_state
from supportdesk.sync.schema import registry
from tests.services.workflow.helpers import make_team

Rows = Callable[..., dict[tuple[str, str], dict[str, object]]]


def team_work(client: SyncClient, n: int = 6) -> None:
    """Conversations with notes and tags, agents, a canned answer, a deleted shift."""
    ids = make_team(client.store)

    def run(uow: UnitOfWork) -> None:
        for i in range(n):
            conv = actions.create_conversation(uow, channel=actions.Channel.EMAIL,
                                               customer_id=ids.customer, subject=f"Fjörður {i}")
            actions.add_note(uow, conv.id, f"toner number {i} replaced", "Alex")
            actions.add_tag(uow, conv.id, "hardware")
            if i % 2:
                actions.remove_tag(uow, conv.id, "hardware")
                actions.set_status(uow, conv.id, actions.Status.PENDING)
        canned.save_canned(uow, title="Hi", body="Hi {customer_name}", shortcut="hi")
        oncall.set_shifts(uow, oncall.shifts_from_text(ids.night, "sat", "00:00", "24:00"))
        oncall.set_shifts(uow, [])  # the shift is deleted again: a tombstone

    client.store.write(run)


def stored(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced table and sync_state as SQLite holds them (text as stored)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.engine.connect() as conn:
        for spec in registry().values():
            cols = ", ".join(f'"{c.name}"' for c in spec.table.columns if c.name != "n")
            out[spec.name] = sorted(
                tuple(r) for r in conn.exec_driver_sql(f'SELECT {cols} FROM "{spec.name}"'))
        states = conn.exec_driver_sql(
            "SELECT entity, entity_id, clocks, created, deleted, hidden FROM sync_state")
        out["sync_state"] = sorted(
            (e, i, sorted(unpack_clocks(json.loads(c)).items()), cr, d,
             json.loads(h) if h else None)
            for e, i, c, cr, d, h in states
        )
    return out


def test_bulk_and_merged_snapshots_store_the_same_rows_and_clocks(
    make_client: Callable[..., SyncClient], server: TestClient, tmp_path: Path,
) -> None:
    a = make_client("alice")
    team_work(a)
    a.sync()
    token = a._load_tokens(a.peer())  # type: ignore[arg-type]
    page = server.get("/sync/snapshot?limit=5000",
                      headers={"Authorization": f"Bearer {token.access}"}).json()
    assert page["next"] is None and len(page["rows"]) > 20
    bulk, merged = Store.open(tmp_path / "bulk"), Store.open(tmp_path / "merged")
    try:
        done = bulk.write(lambda uow: snapshot.apply_page(uow.session, page["rows"]))
        assert done is not None and done.applied == len(page["rows"])
        bulk.write(lambda uow: snapshot.rebuild_search(uow.session))

        def merge(uow: UnitOfWork) -> None:
            mutations = []
            for row in page["rows"]:
                mutations += state_mutations(*row_to_state(row))
            apply.apply_mutations(uow.session, mutations)

        merged.write(merge)
        assert stored(bulk) == stored(merged)
        assert any(row[4] is not None for row in stored(bulk)["sync_state"])  # a tombstone
        with bulk.read() as s1, merged.read() as s2:
            assert len(search(s1, "toner")) == len(search(s2, "toner")) == 6
            assert s1.get(Meta, snapshot.FTS_STALE) is None
    finally:
        bulk.close()
        merged.close()


def test_a_page_that_clashes_with_what_is_here_is_merged_instead(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    team_work(a)
    a.sync()
    b.sync()
    before = local_rows(b.store)
    # The server's database was replaced (a new epoch): b takes the snapshot again,
    # over rows it already has.
    b.store.write(lambda uow: uow.session.execute(
        update(SyncPeer).values(cursor=None, snapshot_after=None, snapshot_version=None)))
    again = b.sync()
    assert again.snapshot_rows > 0
    assert local_rows(b.store) == before == server_rows(server.app.state.engine)
    with b.store.read() as session:
        assert session.scalar(select(func.count()).select_from(Message)) == 6
        assert len(search(session, "toner")) == 6  # indexed once, not twice


def test_an_interrupted_bulk_snapshot_is_searchable_once_it_finishes(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows,
) -> None:
    a = make_client("alice")
    team_work(a, n=15)
    a.sync()
    b = make_client("bob")
    b.snapshot_page = 8
    real = b.transport.request
    pages = 0

    def flaky(method: str, url: str, **kw: object) -> object:
        nonlocal pages
        if "/sync/snapshot" in url:
            pages += 1
            if pages == 4:
                raise ServerUnreachableError("network dropped")
        return real(method, url, **kw)  # type: ignore[arg-type]

    b.transport.request = flaky  # type: ignore[method-assign]
    with pytest.raises(SyncError):
        b.sync()
    assert b.store.get_meta(snapshot.FTS_STALE) == "1"  # the rebuild is still owed
    b.sync()
    assert b.store.get_meta(snapshot.FTS_STALE) is None
    assert local_rows(b.store) == server_rows(server.app.state.engine)
    with b.store.read() as session:
        assert len(search(session, "toner")) == 15
        assert len(search(session, "FJOR")) == 15  # subjects too, case and accents folded
