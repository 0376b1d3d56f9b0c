"""Push, pull and snapshot on the server's tables, with the shared merge function."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    and_,
    bindparam,
    delete,
    func,
    insert,
    literal,
    select,
    tuple_,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from supportdesk.server import db
from supportdesk.server.auth import Principal
from supportdesk.sync.merge import (
    Conflict,
    EntityState,
    Mutation,
    StampRefusedError,
    merge,
    pack_clocks,
    unpack_clocks,
    worth_showing,
)
from supportdesk.sync.protocol import MAX_PUSH, ProtocolError, Rejection
from supportdesk.sync.schema import InvalidMutationError, entity, owner_only_reason, validate

MAX_MUTATION_ID = 2**62


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass
class PushOutcome:
    """What a push did."""

    applied_through: int
    rejected: list[Rejection] = field(default_factory=list)
    applied: int = 0
    conflicts: int = 0
    #: entities where a pushed write lost: their merged state, so the device can
    #: show the winner (its own row still holds the losing value)
    lost: dict[tuple[str, str], EntityState] = field(default_factory=dict)


def _load_states(
    conn: Connection, team_id: str, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], EntityState]:
    wanted = list(set(keys))
    found: dict[tuple[str, str], EntityState] = {}
    es = db.entity_state.c
    for start in range(0, len(wanted), 400):
        chunk = wanted[start : start + 400]
        rows = conn.execute(
            select(es.entity, es.entity_id, es.fields, es.clocks, es.created, es.deleted).where(
                es.team_id == team_id, tuple_(es.entity, es.entity_id).in_(chunk)
            )
        )
        for ent, eid, fields, clocks, created, deleted in rows:
            found[(ent, eid)] = EntityState(
                json.loads(fields), unpack_clocks(json.loads(clocks)), created, deleted
            )
    return found


def insert_ignore(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        stmt: Any = postgresql.insert(table).on_conflict_do_nothing()
    else:
        stmt = sqlite.insert(table).on_conflict_do_nothing()
    conn.execute(stmt, rows)


def push(
    engine: Engine, who: Principal, mutations: list[tuple[int, Mutation]], now: float
) -> PushOutcome:
    """Apply a device's next mutations in one transaction.

    Mutations with ids at or below the device's last applied id were applied
    before (a retried push whose answer was lost) and are skipped. A mutation
    that can never apply is rejected and passed over; one whose stamp is too far
    ahead stops the push there, so the device's order is kept, and is retried
    later.

    Raises:
        ProtocolError: ids are not increasing or out of range.
    """
    previous = 0
    for mid, _m in mutations:
        if not 0 < mid < MAX_MUTATION_ID or mid <= previous:
            raise ProtocolError("mutation ids must be positive and increasing")
        previous = mid
    if len(mutations) > MAX_PUSH:
        raise ProtocolError(f"at most {MAX_PUSH} mutations per push")
    now_ms = int(now * 1000)
    with db.write_tx(engine) as conn:
        # The team's counter row is the lock that orders versions.
        version = conn.scalar(
            select(db.counters.c.version)
            .where(db.counters.c.team_id == who.team_id)
            .with_for_update()
        )
        last = conn.scalar(
            select(db.devices.c.last_mutation_id).where(db.devices.c.id == who.device_id)
        )
        if version is None or last is None:
            raise ProtocolError("unknown team or device")
        out = PushOutcome(applied_through=last)
        todo = [(mid, m) for mid, m in mutations if mid > last]
        if not todo:
            return out
        states = _load_states(conn, who.team_id, ((m.entity, m.entity_id) for _i, m in todo))
        existed = set(states)
        dirty: dict[tuple[str, str], int] = {}
        change_rows: list[dict[str, Any]] = []
        conflicts: list[Conflict] = []
        lost_keys: set[tuple[str, str]] = set()
        for mid, m in todo:
            try:
                validate(m.entity, m.entity_id, m.op, dict(m.fields), m.stamp)
                if m.stamp.split("-", 2)[2] != who.client_device:
                    raise InvalidMutationError("the stamp names another device")
                if who.role != "owner":
                    refused = owner_only_reason(m.entity, m.op, dict(m.fields))
                    if refused:
                        raise InvalidMutationError(refused)
                key = (m.entity, m.entity_id)
                result = merge(states.get(key), m, now_ms=now_ms)
            except InvalidMutationError as exc:
                out.rejected.append(Rejection(id=mid, reason=str(exc), retryable=False))
                out.applied_through = mid
                continue
            except StampRefusedError as exc:
                out.rejected.append(Rejection(id=mid, reason=str(exc), retryable=True))
                break
            out.applied_through = mid
            if any(c.lost_stamp == m.stamp for c in result.conflicts):
                lost_keys.add(key)
            if result.unchanged and not result.conflicts:
                continue
            version += 1
            out.applied += 1
            states[key] = result.state
            dirty[key] = version
            change_rows.append(
                {
                    "team_id": who.team_id, "version": version, "entity": m.entity,
                    "entity_id": m.entity_id, "op": m.op, "fields": _json(dict(m.fields)),
                    "stamp": m.stamp, "base": _json(dict(m.base)) if m.base else None,
                    "device_id": who.device_id,
                }
            )
            conflicts.extend(result.conflicts)
        out.lost = {k: states[k] for k in lost_keys if k in states}
        conflict_rows = [
            _conflict_row(who.team_id, c, now)
            for c in worth_showing(conflicts, (m for _i, m in todo), states)
        ]
        _write_states(conn, who.team_id, states, dirty, existed)
        if change_rows:
            conn.execute(insert(db.changes), change_rows)
            _drop_erased_files(conn, who.team_id, change_rows)
        insert_ignore(conn, db.conflicts, conflict_rows)
        out.conflicts = len(conflict_rows)
        conn.execute(
            update(db.devices)
            .where(db.devices.c.id == who.device_id)
            .values(last_mutation_id=out.applied_through, last_seen_at=now)
        )
        conn.execute(
            update(db.counters).where(db.counters.c.team_id == who.team_id).values(version=version)
        )
    return out


def _drop_erased_files(conn: Connection, team_id: str, rows: list[dict[str, Any]]) -> None:
    """A customer's erasure (services/erase.py) names the files it removed: the server
    drops its copies too, so no device can fetch them again."""
    for row in rows:
        if row["entity"] != "erasures" or row["op"] != "insert":
            continue
        removed = json.loads(row["fields"]).get("removed") or {}
        hashes = [h for h in removed.get("blobs") or [] if isinstance(h, str)]
        for start in range(0, len(hashes), 500):
            conn.execute(delete(db.blobs).where(db.blobs.c.team_id == team_id,
                                                db.blobs.c.sha256.in_(hashes[start:start + 500])))


def _conflict_row(team_id: str, c: Conflict, now: float) -> dict[str, Any]:
    return {
        "team_id": team_id, "entity": c.entity, "entity_id": c.entity_id, "field": c.field,
        "lost_value": _json(c.lost_value), "lost_stamp": c.lost_stamp,
        "won_value": _json(c.won_value), "won_stamp": c.won_stamp, "reason": c.reason,
        "created_at": now,
    }


def _write_states(
    conn: Connection,
    team_id: str,
    states: dict[tuple[str, str], EntityState],
    dirty: dict[tuple[str, str], int],
    existed: set[tuple[str, str]],
) -> None:
    new_rows: list[dict[str, Any]] = []
    old_rows: list[dict[str, Any]] = []
    for key, version in dirty.items():
        st = states[key]
        row = {
            "t": team_id, "e": key[0], "i": key[1], "rank": entity(key[0]).rank,
            "fields": _json(dict(st.fields)), "clocks": _json(pack_clocks(st.clocks)),
            "created": st.created, "deleted": st.deleted, "version": version,
        }
        (old_rows if key in existed else new_rows).append(row)
    es = db.entity_state
    if new_rows:
        conn.execute(
            insert(es).values(
                team_id=bindparam("t"), entity=bindparam("e"), entity_id=bindparam("i"),
                rank=bindparam("rank"), fields=bindparam("fields"), clocks=bindparam("clocks"),
                created=bindparam("created"), deleted=bindparam("deleted"),
                version=bindparam("version"),
            ),
            new_rows,
        )
    if old_rows:
        conn.execute(
            update(es)
            .where(and_(es.c.team_id == bindparam("t"), es.c.entity == bindparam("e"),
                        es.c.entity_id == bindparam("i")))
            .values(fields=bindparam("fields"), clocks=bindparam("clocks"),
                    created=bindparam("created"), deleted=bindparam("deleted"),
                    version=bindparam("version")),
            [{k: v for k, v in r.items() if k != "rank"} for r in old_rows],
        )


def pull_page(
    engine: Engine, team_id: str, cursor: int, limit: int, epoch: str, device_id: str
) -> bytes:
    """A page of changes after ``cursor``, as the JSON body of a ``PullResponse``.

    The asking device's own changes are left out: it made them, and recorded
    their stamps when the server acknowledged them. The cursor still moves past
    them. The stored JSON of fields is spliced in as it is, so a page of
    thousands of changes costs no decoding and re-encoding.
    """
    c = db.changes.c
    with engine.connect() as conn, conn.begin():
        # Every version up to the counter has committed (versions commit in order).
        top = conn.scalar(select(db.counters.c.version).where(db.counters.c.team_id == team_id))
        rows = conn.execute(
            select(c.version, c.entity, c.entity_id, c.op, c.fields, c.stamp, c.base)
            .where(c.team_id == team_id, c.version > cursor, c.device_id != device_id)
            .order_by(c.version)
            .limit(limit + 1)
        ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    parts = []
    for version, ent, eid, op, fields, stamp, base in rows:
        extra = f',"base":{base}' if base else ""
        parts.append(
            f'{{"v":{version},"entity":{_json(ent)},"entity_id":{_json(eid)},'
            f'"op":{_json(op)},"fields":{fields},"stamp":{_json(stamp)}{extra}}}'
        )
    next_cursor = rows[-1][0] if rows else cursor
    if not more:
        next_cursor = max(next_cursor, min(top or 0, 2**62), cursor)
    body = (
        f'{{"changes":[{",".join(parts)}],"cursor":{next_cursor},'
        f'"more":{"true" if more else "false"},"epoch":{_json(epoch)}}}'
    )
    return body.encode()


def parse_after(after: str | None) -> tuple[int, str] | None:
    """A snapshot page key ``RANK:ENTITY_ID``.

    Raises:
        ProtocolError: it is malformed.
    """
    if not after:
        return None
    rank, sep, eid = after.partition(":")
    if not sep or not rank.isdigit() or len(rank) > 3 or len(eid) > 64:
        raise ProtocolError("malformed snapshot key")
    return int(rank), eid


def snapshot_page(
    engine: Engine, team_id: str, after: str | None, limit: int, epoch: str
) -> bytes:
    """A page of merged entity states, parents first, as a ``SnapshotResponse`` body."""
    start = parse_after(after)
    es = db.entity_state.c
    with engine.connect() as conn, conn.begin():
        version = conn.scalar(
            select(db.counters.c.version).where(db.counters.c.team_id == team_id)
        ) or 0
        query = select(
            es.rank, es.entity, es.entity_id, es.fields, es.clocks, es.created, es.deleted
        ).where(es.team_id == team_id)
        if start is not None:
            query = query.where(
                tuple_(es.rank, es.entity_id) > tuple_(literal(start[0]), literal(start[1]))
            )
        rows = conn.execute(query.order_by(es.rank, es.entity_id).limit(limit + 1)).all()
        total = None
        if start is None:  # the first page says how big the whole snapshot is
            total = conn.scalar(
                select(func.count()).select_from(db.entity_state).where(es.team_id == team_id)
            )
    more = len(rows) > limit
    rows = rows[:limit]
    parts = [
        f'{{"entity":{_json(ent)},"entity_id":{_json(eid)},"fields":{fields},'
        f'"clocks":{clocks},"created":{_json(created)},"deleted":{_json(deleted)}}}'
        for _rank, ent, eid, fields, clocks, created, deleted in rows
    ]
    nxt = _json(f"{rows[-1][0]}:{rows[-1][2]}") if more else "null"
    extra = f',"total":{int(total)}' if total is not None else ""
    body = (
        f'{{"rows":[{",".join(parts)}],"next":{nxt},"version":{version},'
        f'"epoch":{_json(epoch)}{extra}}}'
    )
    return body.encode()


def team_state(engine: Engine, team_id: str) -> dict[tuple[str, str], EntityState]:
    """Every entity state of a team (tests and admin checks)."""
    es = db.entity_state.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(es.entity, es.entity_id, es.fields, es.clocks, es.created, es.deleted).where(
                es.team_id == team_id
            )
        ).all()
    return {
        (e, i): EntityState(json.loads(f), unpack_clocks(json.loads(c)), cr, d)
        for e, i, f, c, cr, d in rows
    }
