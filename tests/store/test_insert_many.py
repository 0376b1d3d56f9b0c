"""The unit of work's bulk insert stores exactly what SQLAlchemy Core would."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, insert

from supportdesk.models import Channel, Conversation, Customer, Message, OutboxEntry, new_id
from supportdesk.store import Store
from supportdesk.store import uow as uow_module
from supportdesk.store.engine import database_path

T0 = datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=UTC)


def _rows() -> dict[str, list[dict[str, Any]]]:
    customer = {"id": "c-1", "name": "Þórunn Ægisdóttir", "created_at": T0}
    conversation = {"id": "conv-1", "channel": Channel.CHAT, "customer_id": "c-1",
                    "subject": "Reikningur", "created_at": T0, "last_activity_at": T0}
    messages = [
        {"id": f"m-{i}", "conversation_id": "conv-1", "kind": "customer", "created_at":
         T0 + timedelta(minutes=i), "author_agent_id": None, "author_customer_id": "c-1",
         "author_name": "Þórunn", "subject": "", "body_text": f"línа {i} «счёт» \u202e",
         "body_html": None if i % 2 else "<p>x</p>",
         "meta": {"k": i, "nested": [1, None, "ð"]} if i % 3 else None,
         "raw_sha256": None}
        for i in range(7)
    ]
    outbox = [
        {"entity": "messages", "entity_id": f"m-{i}", "op": "insert",
         "payload": {"id": f"m-{i}", "when": (T0 + timedelta(seconds=i)).isoformat()},
         "hlc": f"{1000 + i:013d}-0000-dev", "created_at": T0, "pushed": False}
        for i in range(7)
    ]
    return {"customers": [customer], "conversations": [conversation], "messages": messages,
            "outbox": outbox}


def _dump(profile: Path, table: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(database_path(profile)) as db:
        cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] != "n"]
        sql = f"SELECT {', '.join(cols)} FROM {table} ORDER BY {cols[0]}"
        return [tuple(r) for r in db.execute(sql)]


def _no_core(*_a: object, **_k: object) -> None:
    raise AssertionError("took Core's path")


def _fill(profile: Path, *, core: bool) -> None:
    store = Store.open(profile)
    rows = _rows()
    tables: list[tuple[str, Table]] = []
    for model in (Customer, Conversation, Message, OutboxEntry):
        tbl = model.__table__
        assert isinstance(tbl, Table)
        tables.append((tbl.name, tbl))

    def work(uow: uow_module.UnitOfWork) -> None:
        for name, tbl in tables:
            if core:
                uow.session.execute(insert(tbl), rows[name])
            elif name in ("messages", "outbox"):
                # Full rows, as imports and the outbox write them, must take the fast path.
                real = uow_module.insert
                uow_module.insert = _no_core  # type: ignore[assignment]
                try:
                    uow_module.insert_many(uow.session, tbl, rows[name])
                finally:
                    uow_module.insert = real
            else:
                uow_module.insert_many(uow.session, tbl, rows[name])

    try:
        store.write(work)
    finally:
        store.close()


@pytest.mark.parametrize("table", ["customers", "conversations", "messages", "outbox"])
def test_bulk_insert_is_byte_identical_to_core(tmp_path: Path, table: str) -> None:
    _fill(tmp_path / "core", core=True)
    _fill(tmp_path / "fast", core=False)
    core, fast = _dump(tmp_path / "core", table), _dump(tmp_path / "fast", table)
    assert core and fast == core


def test_rows_with_missing_defaulted_columns_take_cores_path(tmp_path: Path) -> None:
    """A row that leaves out a column with a Python default still gets the default."""
    store = Store.open(tmp_path / "p")
    tbl = Customer.__table__
    assert isinstance(tbl, Table)
    ident = new_id()
    try:
        store.write(
            lambda uow: uow_module.insert_many(uow.session, tbl, [{"id": ident, "name": "Ann"}])
        )
    finally:
        store.close()
    with sqlite3.connect(database_path(tmp_path / "p")) as db:
        created = db.execute("SELECT created_at FROM customers WHERE id = ?", (ident,)).fetchone()
    assert created is not None and created[0] is not None
