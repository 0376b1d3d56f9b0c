"""The unit of work: the one way to change synced data.

Every change to a synced row is written together with an outbox entry in the
same transaction, stamped by the device's hybrid logical clock. After commit
the store announces which ids changed so views can refresh just those rows.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Table, insert, inspect
from sqlalchemy.orm import Session

from supportdesk.models import (
    Activity,
    Base,
    ConversationTag,
    OutboxEntry,
    new_id,
    utcnow,
)
from supportdesk.store.hlc import HybridClock

T = TypeVar("T", bound=Base)

#: Columns that are device-local and never travel in the outbox.
LOCAL_COLUMNS = frozenset({"n"})


@dataclass
class ChangeSet:
    """What one committed unit of work changed, by table name."""

    ids: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    fields: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: where the change came from: ``local`` (a use case on this device), ``pull`` (others'
    #: changes from the team server) or ``snapshot`` (a page of the team's merged state,
    #: rows derived from others included, taken by a new device)
    origin: str = "local"

    def add(self, entity: str, entity_id: str, changed: Iterable[str] = ()) -> None:
        """Note a changed row (and which of its fields changed)."""
        self.ids[entity].add(entity_id)
        self.fields[entity].update(changed)

    def __bool__(self) -> bool:
        return any(self.ids.values())

    def merge(self, other: ChangeSet) -> None:
        """Fold another change set into this one."""
        for entity, ids in other.ids.items():
            self.ids[entity].update(ids)
        for entity, names in other.fields.items():
            self.fields[entity].update(names)


def to_json_value(value: Any) -> Any:
    """A column value as it travels in an outbox payload."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def row_payload(obj: Base) -> dict[str, Any]:
    """All synced column values of an ORM object."""
    mapper = inspect(type(obj))
    return {
        col.key: to_json_value(getattr(obj, col.key))
        for col in mapper.column_attrs
        if col.key not in LOCAL_COLUMNS
    }


def insert_many(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert plain rows with one ``executemany``, binding parameters ourselves.

    Values go through each column's own bind processing (the same conversion
    Core applies, so the stored bytes are identical), but without Core's
    per-row bookkeeping, which cost more than SQLite itself on bulk imports.
    Rows with differing keys, or a table whose missing columns have Python-side
    defaults, take Core's path, which knows how to fill those.
    """
    if not rows:
        return
    keys = list(rows[0])
    key_set = set(keys)
    needs_defaults = any(
        col.key not in key_set and col.default is not None for col in table.columns
    )
    if needs_defaults or any(len(row) != len(keys) or row.keys() != key_set for row in rows):
        session.execute(insert(table), list(rows))
        return
    conn = session.connection()
    dialect = conn.dialect
    if dialect.paramstyle != "qmark":  # the server's PostgreSQL: Core's path
        session.execute(insert(table), list(rows))
        return
    quote = dialect.identifier_preparer.quote
    processors = [
        table.c[key].type.dialect_impl(dialect).bind_processor(dialect) for key in keys
    ]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(table.name),
        ", ".join(quote(table.c[k].name) for k in keys),
        ", ".join("?" * len(keys)),
    )
    if not any(processors):
        params = [tuple(row[key] for key in keys) for row in rows]
    else:
        # Processors see None too, as under Core (a JSON column stores None as 'null').
        pairs = list(zip(keys, processors, strict=True))
        params = [
            tuple(row[key] if proc is None else proc(row[key]) for key, proc in pairs)
            for row in rows
        ]
    conn.exec_driver_sql(sql, params)


def _entity_key(obj: Base) -> str:
    key = getattr(obj, "id", None)
    if not isinstance(key, str):
        raise TypeError(f"{type(obj).__name__} has no text id; it cannot be synced")
    return key


class UnitOfWork:
    """One transaction of domain changes, each with its outbox entry.

    Made by the store's single writer; use ``Store.write``.
    """

    def __init__(self, session: Session, clock: HybridClock, agent_id: str | None) -> None:
        self.session = session
        self.clock = clock
        self.agent_id = agent_id
        self.changes = ChangeSet()
        self._outbox: list[dict[str, Any]] = []

    # -- recording -----------------------------------------------------------------

    def _record(self, entity: str, entity_id: str, op: str, payload: Mapping[str, Any]) -> None:
        self._outbox.append(
            {
                "entity": entity,
                "entity_id": entity_id,
                "op": op,
                "payload": dict(payload),
                "hlc": self.clock.now(),
                "created_at": utcnow(),
                "pushed": False,
            }
        )
        self.changes.add(entity, entity_id, payload.keys())

    def flush_outbox(self) -> None:
        """Write the recorded outbox entries (the store calls this before commit)."""
        if self._outbox:
            table = OutboxEntry.__table__
            assert isinstance(table, Table)
            insert_many(self.session, table, self._outbox)
            self._outbox = []

    # -- writes ----------------------------------------------------------------------

    def add(self, obj: T) -> T:
        """Insert a new row."""
        self.session.add(obj)
        self.session.flush([obj])
        self._record(obj.__tablename__, _entity_key(obj), "insert", row_payload(obj))
        return obj

    def update(self, obj: Base, **values: Any) -> set[str]:
        """Set fields on a row; only fields whose value really changes are recorded.

        Returns:
            The names of the fields that changed.
        """
        changed: dict[str, Any] = {}
        for name, value in values.items():
            if getattr(obj, name) != value:
                setattr(obj, name, value)
                changed[name] = to_json_value(value)
        if changed:
            self._record(obj.__tablename__, _entity_key(obj), "update", changed)
        return set(changed)

    def delete(self, obj: Base) -> None:
        """Delete a row; the outbox carries a tombstone."""
        key = _entity_key(obj)
        self.session.delete(obj)
        self._record(obj.__tablename__, key, "delete", {})

    def add_rows(
        self, table: type[Base], rows: Sequence[dict[str, Any]], *, record: bool = True
    ) -> None:
        """Bulk-insert plain rows through SQLAlchemy Core (imports, the demo).

        Each row must carry its ``id`` and gets its outbox entry. ``record=False``
        is only for rows that must never be pushed: a generated demo workspace,
        or rows that came from the server in the first place.
        """
        if not rows:
            return
        tbl = table.__table__
        assert isinstance(tbl, Table)
        insert_many(self.session, tbl, rows)
        name = tbl.name
        if not record:
            for row in rows:
                self.changes.add(name, row["id"])
            return
        for row in rows:
            payload = {k: to_json_value(v) for k, v in row.items() if k not in LOCAL_COLUMNS}
            self._record(name, row["id"], "insert", payload)

    def add_tag(self, conversation_id: str, tag: str) -> bool:
        """Add a tag to a conversation; returns False when it was already there."""
        if self.session.get(ConversationTag, (conversation_id, tag)) is not None:
            return False
        self.session.add(ConversationTag(conversation_id=conversation_id, tag=tag))
        self.session.flush()
        self._record("conversation_tags", conversation_id, "tag_add", {"tag": tag})
        self.changes.add("conversations", conversation_id, ["tags"])
        return True

    def add_tags(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Add (conversation, tag) pairs known to be absent, in one insert (rules on ingest)."""
        if not pairs:
            return
        self.session.execute(
            insert(ConversationTag).prefix_with("OR IGNORE"),
            [{"conversation_id": c, "tag": t} for c, t in pairs],
        )
        for conversation_id, tag in pairs:
            self._record("conversation_tags", conversation_id, "tag_add", {"tag": tag})
            self.changes.add("conversations", conversation_id, ["tags"])

    def remove_tag(self, conversation_id: str, tag: str) -> bool:
        """Remove a tag; returns False when it was not there."""
        row = self.session.get(ConversationTag, (conversation_id, tag))
        if row is None:
            return False
        self.session.delete(row)
        self.session.flush()
        self._record("conversation_tags", conversation_id, "tag_remove", {"tag": tag})
        self.changes.add("conversations", conversation_id, ["tags"])
        return True

    def log_activity(self, conversation_id: str, kind: str, **detail: Any) -> Activity:
        """Append an entry to a conversation's history."""
        activity = Activity(
            id=new_id(),
            conversation_id=conversation_id,
            agent_id=self.agent_id,
            kind=kind,
            detail={k: to_json_value(v) for k, v in detail.items()},
            created_at=utcnow(),
        )
        return self.add(activity)
