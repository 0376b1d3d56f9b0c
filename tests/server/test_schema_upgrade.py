"""A server database made by an earlier version keeps working after an upgrade."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import inspect

from supportdesk.models.workflow import CannedResponse
from supportdesk.server import admin, db
from supportdesk.server.app import create_app
from supportdesk.services.workflow import canned
from supportdesk.store import Store
from supportdesk.sync.client import SyncClient
from tests.sync.harness import PASSWORD, SERVER, AppTransport


def test_an_older_server_database_gains_missing_tables_and_keeps_its_epoch(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    engine = db.make_engine(url)
    epoch = db.create_schema(engine)
    team = admin.create_team(engine, "Acme", "alice", PASSWORD)
    admin.add_user(engine, team, "bob", PASSWORD)
    # An earlier version had no attachment store and no conflict log.
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE blobs")
        conn.exec_driver_sql("DROP TABLE conflicts")
    engine.dispose()
    app = create_app(url)
    stores = [Store.open(tmp_path / "a"), Store.open(tmp_path / "b")]
    try:
        assert app.state.epoch == epoch  # devices keep their cursors
        assert {"blobs", "conflicts"} <= set(inspect(app.state.engine).get_table_names())
        with TestClient(app) as http:
            a, b = (SyncClient(s, AppTransport(http)) for s in stores)
            a.login(SERVER, "alice", PASSWORD)
            b.login(SERVER, "bob", PASSWORD)
            # Workflow entities need no table of their own on the server.
            answer = a.store.write(lambda uow: canned.save_canned(uow, title="Hi", body="Hello"))
            a.sync()
            b.sync()
            with b.store.read() as session:
                row = session.get(CannedResponse, answer.id)
                assert row is not None and row.body == "Hello"
    finally:
        for s in stores:
            s.close()
        app.state.engine.dispose()
