"""A new device's first snapshot, written in bulk.

A snapshot row is the team's merged state of one entity, so on a device that
has none of those entities yet there is nothing to merge it with: the page's
rows go into their tables with one ``executemany`` per table, and their
clocks, exactly as the server sent them, into ``sync_state``. The full-text
triggers are set aside while a page is written (the same transaction puts
them back), and the indexes are rebuilt once, when the last page is in.

Anything unexpected (an entity that is already here, a row whose parent is
missing, a local edit still waiting to be pushed) sends the page back to the
general merge in ``apply``, which handles every case, only slower. The
outcome is the same either way: a later pull merges against the same clocks.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, literal, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from supportdesk.models import ConversationTag, Meta, OutboxEntry
from supportdesk.store.foreground import step
from supportdesk.store.search import rebuild_index
from supportdesk.sync.apply import ApplyResult, raise_high_water, to_column
from supportdesk.sync.protocol import ProtocolError
from supportdesk.sync.schema import EntitySpec, Kind, registry

log = logging.getLogger(__name__)

#: Meta key: a bulk page left the full-text indexes behind; rebuild them.
FTS_STALE = "sync_fts_stale"
_CHUNK = 500


class BulkRefusedError(Exception):
    """A page cannot go in as it is; roll its transaction back and merge it instead."""


def _fts_triggers(session: Session) -> list[tuple[str, str, str]]:
    """(trigger, sql, fts table) of each trigger that indexes inserted rows."""
    conn = session.connection()
    fts = [name for (name,) in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
        " AND lower(sql) LIKE '%using fts5%'")]
    out = []
    for name, sql in conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
    ):
        flat = " ".join(str(sql).split()).upper()
        for table in fts:
            if " AFTER INSERT ON " in flat and f"INSERT INTO {table.upper()}(" in flat:
                out.append((str(name), str(sql), table))
    return out


def rebuild_search(session: Session) -> None:
    """Rebuild the full-text indexes a bulk snapshot skipped (no-op when none did)."""
    if session.get(Meta, FTS_STALE) is None:
        return
    names = sorted({t for _n, _s, t in _fts_triggers(session)})
    # Folded as the triggers fold (FTS5's own 'rebuild' would not).
    rebuild_index(session.connection(), names, progress=lambda _d, _t: step(session))
    session.execute(delete(Meta).where(Meta.key == FTS_STALE))


def _nothing_waiting(session: Session) -> bool:
    return session.execute(
        select(literal(1)).where(
            select(OutboxEntry.seq)
            .where(OutboxEntry.pushed.is_(False), OutboxEntry.entity.in_(list(registry())))
            .exists()
        )
    ).first() is None


def _newest(clocks: dict[str, Any]) -> str:
    """The newest stamp in clocks as they travel (packed or not)."""
    packed = clocks.get("*")
    if isinstance(packed, list) and packed:
        return str(packed[0])
    return max((str(v) for v in clocks.values()), default="")


def apply_page(
    session: Session, rows: Sequence[Any], *, observe: Callable[[str], None] | None = None
) -> ApplyResult | None:
    """Write a snapshot page as it is; None when it must be merged instead.

    Args:
        session: the writer's session, inside its transaction.
        rows: the page's rows as the server sent them (``SnapshotRow`` dicts).
        observe: called with the page's newest stamp so the device clock moves past it.

    Raises:
        BulkRefusedError: a row clashes with what is here; the transaction must be
            rolled back (it is half written) and the page merged in a new one.
        ProtocolError: a row is malformed.
    """
    if not rows or not _nothing_waiting(session):
        return None
    specs = registry()
    by_entity: dict[str, list[_Row]] = defaultdict(list)
    newest = ""
    for row in rows:
        if not isinstance(row, dict):
            raise ProtocolError("malformed snapshot row")
        ent, eid = row.get("entity"), row.get("entity_id")
        fields, clocks = row.get("fields"), row.get("clocks")
        created, deleted = row.get("created"), row.get("deleted")
        if (ent not in specs or not isinstance(eid, str) or not isinstance(fields, dict)
                or not isinstance(clocks, dict) or not isinstance(created, str | None)
                or not isinstance(deleted, str | None)):
            raise ProtocolError("malformed snapshot row")
        by_entity[ent].append((eid, fields, clocks, created, deleted))
        newest = max(newest, created or "", deleted or "", _newest(clocks))
    result = ApplyResult()
    triggers = _fts_triggers(session)
    # No savepoint: SQLite copies every page a savepoint touches to its statement
    # journal, which made inserting 100k messages five times slower. On a
    # constraint error the caller rolls the whole transaction back instead.
    try:
        conn = session.connection()
        for name, _sql, _table in triggers:
            conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
        sync_rows = []
        for ent in sorted(by_entity, key=lambda e: specs[e].rank):
            sync_rows += _write_entity(session, ent, by_entity[ent], result)
        conn.exec_driver_sql(
            "INSERT INTO sync_state (entity, entity_id, clocks, created, deleted, hidden) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            sync_rows,
        )
        for _name, sql, _table in triggers:
            conn.exec_driver_sql(sql)
        if triggers and session.get(Meta, FTS_STALE) is None:
            session.add(Meta(key=FTS_STALE, value="1"))
            session.flush()
    except IntegrityError as exc:
        raise BulkRefusedError(str(exc.orig)) from exc
    if newest:
        raise_high_water(session, newest)
        if observe is not None:
            observe(newest)
    result.applied = len(rows)
    return result


#: (entity id, fields, clocks as sent, created, deleted)
_Row = tuple[str, dict[str, Any], dict[str, Any], str | None, str | None]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _write_entity(
    session: Session, ent: str, items: list[_Row], result: ApplyResult
) -> list[tuple[Any, ...]]:
    """Insert one entity's rows; returns their ``sync_state`` rows."""
    spec = registry()[ent]
    hidden: dict[str, str | None] = {}
    changed = result.changed["conversations" if spec.kind is Kind.TAGS else ent]
    if spec.kind is Kind.TAGS:
        conv = registry()["conversations"].table
        ids = [item[0] for item in items]
        here: set[str] = set()
        for start in range(0, len(ids), _CHUNK):
            here.update(session.scalars(
                select(conv.c.id).where(conv.c.id.in_(ids[start : start + _CHUNK]))))
        tag_rows = []
        for eid, fields, _clocks, _created, _deleted in items:
            if eid in here:
                tag_rows += [{"conversation_id": eid, "tag": t} for t, on in fields.items() if on]
                hidden[eid] = None
                changed.add(eid)
            else:
                hidden[eid] = _dumps(fields)
        if tag_rows:
            session.execute(insert(ConversationTag), tag_rows)
    else:
        required = spec.required
        names = set(spec.fields)
        full: list[dict[str, Any]] = []
        partial: list[dict[str, Any]] = []
        for eid, fields, _clocks, created, deleted in items:
            if created is None or deleted is not None or not required <= fields.keys():
                hidden[eid] = _dumps(fields)  # as the merge would keep it (see apply.wanted)
                continue
            hidden[eid] = None
            changed.add(eid)
            if fields.keys() == names:
                full.append(fields)
            else:
                partial.append({n: to_column(spec, n, v) for n, v in fields.items()
                                if n in names})
        _insert_fast(session, spec, full)
        for row in partial:  # rare: a row recorded without some columns; defaults apply
            session.execute(insert(spec.table), [row])
    return [
        (ent, eid, _dumps(clocks), created, deleted, hidden[eid])
        for eid, _fields, clocks, created, deleted in items
    ]


def _insert_fast(session: Session, spec: EntitySpec, rows: list[dict[str, Any]]) -> None:
    """Insert rows that carry every column, with SQLAlchemy's own value conversion
    (so stored text is exactly what the ORM writes) but without its per-row
    statement bookkeeping."""
    if not rows:
        return
    conn = session.connection()
    dialect = conn.dialect
    names = list(spec.fields)
    convert: list[Callable[[Any], Any] | None] = []
    for n in names:
        proc = spec.table.c[n].type.dialect_impl(dialect).bind_processor(dialect)
        convert.append(_from_iso(proc) if spec.fields[n].type == "datetime" else proc)
    params = [
        tuple(v if f is None else f(v) for f, v in zip(convert, (r[n] for n in names),
                                                      strict=True))
        for r in rows
    ]
    cols = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    conn.exec_driver_sql(f'INSERT INTO "{spec.name}" ({cols}) VALUES ({marks})', params)


def _from_iso(proc: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        if value is None:
            return None
        parsed = datetime.fromisoformat(value)
        return parsed if proc is None else proc(parsed)

    return convert
