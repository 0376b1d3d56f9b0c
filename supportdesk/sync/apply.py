"""Apply pulled changes to a profile's tables, through the shared merge function.

Runs inside ``Store.write`` on ``uow.session`` directly: what comes from the
server is written without outbox entries (it must never be pushed back). The
FTS triggers keep search in step. Per-field clocks live in ``sync_state``;
values that lose go to ``sync_conflicts``.

Local edits that wait in the outbox count as writes with their own stamps, so
an older change pulled while they wait cannot overwrite them.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Table, UniqueConstraint, bindparam, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from supportdesk.models import (
    ConversationTag,
    Meta,
    OutboxEntry,
    SyncConflict,
    SyncState,
    utcnow,
)
from supportdesk.store.foreground import step
from supportdesk.store.store import HLC_HIGH_WATER
from supportdesk.sync.merge import (
    Conflict,
    EntityState,
    Mutation,
    merge,
    mutation_values,
    pack_clocks,
    unpack_clocks,
    worth_showing,
)
from supportdesk.sync.schema import EntitySpec, Kind, entity, registry

log = logging.getLogger(__name__)

Key = tuple[str, str]
_CHUNK = 500


@dataclass
class Local:
    """An entity as this profile has it."""

    state: EntityState
    #: the row exists in the domain table (for tags: the tags present)
    materialized: bool
    tags: set[str] = field(default_factory=set)
    had_sync_row: bool = False
    hidden: bool = False
    #: stamps of edits made here and not yet pushed, laid over ``state`` (field ->
    #: stamp, plus "" for an insert and "-" for a delete). They are never stored in
    #: sync_state: its clocks say which value this device last saw from the team,
    #: the base its own waiting edits are pushed with.
    pending: dict[str, str] = field(default_factory=dict)
    stored_clocks: dict[str, str] = field(default_factory=dict)
    stored_created: str | None = None
    stored_deleted: str | None = None

    def persisted(self) -> tuple[dict[str, str], str | None, str | None]:
        """Clocks, insert and tombstone stamps without the waiting local edits."""
        st = self.state
        clocks = {}
        for name, stamp in st.clocks.items():
            if self.pending.get(name) == stamp:
                old = self.stored_clocks.get(name)
                if old is not None:
                    clocks[name] = old
            else:
                clocks[name] = stamp
        created = self.stored_created if self.pending.get("") == st.created else st.created
        deleted = self.stored_deleted if self.pending.get("-") == st.deleted else st.deleted
        return clocks, created, deleted


@dataclass
class ApplyResult:
    """What one batch did here."""

    applied: int = 0
    changed: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    conflicts: int = 0


# -- values between JSON and columns -------------------------------------------------------


def to_column(spec: EntitySpec, name: str, value: Any) -> Any:
    """A JSON field value as the column takes it."""
    if value is not None and spec.fields[name].type == "datetime":
        return datetime.fromisoformat(value)
    return value


def to_json(value: Any) -> Any:
    """A column value as it travels."""
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# -- loading ---------------------------------------------------------------------------------


def load(session: Session, keys: Iterable[Key], *, overlay: bool = True) -> dict[Key, Local]:
    """The local state of each entity, with waiting outbox edits laid over it."""
    by_entity: dict[str, list[str]] = defaultdict(list)
    for ent, eid in set(keys):
        by_entity[ent].append(eid)
    out: dict[Key, Local] = {}
    for ent, ids in by_entity.items():
        spec = entity(ent)
        sync_rows: dict[str, SyncState] = {}
        rows_fields: dict[str, dict[str, Any]] = {}
        tags: dict[str, set[str]] = defaultdict(set)
        for chunk in _chunks(ids):
            for st in session.scalars(
                select(SyncState).where(SyncState.entity == ent, SyncState.entity_id.in_(chunk))
            ):
                sync_rows[st.entity_id] = st
            if spec.kind is Kind.TAGS:
                for cid, tag in session.execute(
                    select(ConversationTag.conversation_id, ConversationTag.tag).where(
                        ConversationTag.conversation_id.in_(chunk)
                    )
                ):
                    tags[cid].add(tag)
            else:
                cols = [spec.table.c[name] for name in spec.fields]
                for row in session.execute(select(*cols).where(spec.table.c.id.in_(chunk))):
                    rows_fields[row.id] = {
                        name: to_json(value) for name, value in zip(spec.fields, row, strict=True)
                    }
        for eid in ids:
            step(session)
            srow = sync_rows.get(eid)
            clocks = unpack_clocks(json.loads(srow.clocks)) if srow else {}
            created = srow.created if srow else None
            deleted = srow.deleted if srow else None
            hidden = json.loads(srow.hidden) if srow and srow.hidden else None
            if spec.kind is Kind.TAGS:
                fields: dict[str, Any] = dict(hidden or {})
                if hidden is None:
                    fields = {t: False for t in clocks} | dict.fromkeys(tags.get(eid, ()), True)
                materialized = hidden is None
                local = Local(
                    EntityState(fields, clocks, created, deleted), materialized,
                    set(tags.get(eid, ())), srow is not None, hidden is not None,
                )
            else:
                found = rows_fields.get(eid)
                fields = found if found is not None else dict(hidden or {})
                local = Local(
                    EntityState(fields, clocks, created, deleted), found is not None,
                    had_sync_row=srow is not None, hidden=hidden is not None,
                )
            local.stored_clocks = dict(clocks)
            local.stored_created, local.stored_deleted = created, deleted
            out[(ent, eid)] = local
    if overlay:
        _overlay_pending(session, out)
    return out


def _overlay_pending(session: Session, local: dict[Key, Local]) -> None:
    """Give fields edited here and not yet pushed the stamps of those edits."""
    ids = sorted({eid for _ent, eid in local})
    for chunk in _chunks(ids):
        entries = session.execute(
            select(OutboxEntry.entity, OutboxEntry.entity_id, OutboxEntry.op,
                   OutboxEntry.payload, OutboxEntry.hlc)
            .where(OutboxEntry.pushed.is_(False), OutboxEntry.entity_id.in_(chunk))
            .order_by(OutboxEntry.seq)
        ).all()
        for ent, eid, op, payload, hlc in entries:
            step(session)
            item = local.get((ent, eid))
            if item is None:
                continue
            st = item.state
            clocks = dict(st.clocks)
            m = Mutation(ent, eid, op, payload, hlc)
            for name in mutation_values(m):
                if clocks.get(name, "") < hlc:
                    clocks[name] = hlc
                    item.pending[name] = hlc
            created, deleted = st.created, st.deleted
            if op == "insert" and (created is None or hlc < created):
                created = item.pending[""] = hlc
            if op == "delete" and (deleted is None or hlc < deleted):
                deleted = item.pending["-"] = hlc
            item.state = EntityState(st.fields, clocks, created, deleted)


# -- applying --------------------------------------------------------------------------------


def apply_mutations(
    session: Session,
    mutations: Sequence[Mutation],
    *,
    observe: Callable[[str], None] | None = None,
    authoritative: bool = False,
) -> ApplyResult:
    """Merge mutations into the local tables (no outbox entries are written).

    Args:
        session: the writer's session, inside its transaction.
        mutations: in server order.
        observe: called with each stamp so the device clock moves past it.
        authoritative: the server's states for this device's writes that lost
            (they replace an append-only row this device inserted; see ``merge``).
    """
    result = ApplyResult()
    if not mutations:
        return result
    local = load(session, ((m.entity, m.entity_id) for m in mutations))
    before = {k: v.state for k, v in local.items()}
    touched: dict[Key, set[str]] = defaultdict(set)
    conflicts: list[Conflict] = []
    for m in mutations:
        step(session)
        if observe is not None:
            observe(m.stamp)
        key = (m.entity, m.entity_id)
        item = local[key]
        merged = merge(item.state, m, authoritative=authoritative)
        conflicts.extend(merged.conflicts)
        if not merged.unchanged:
            item.state = merged.state
            touched[key].update(merged.changed)
            result.applied += 1
    dirty = {k for k in touched if local[k].state != before[k]}
    _materialize(session, local, dirty, touched, result)
    shown = worth_showing(conflicts, mutations, {k: v.state for k, v in local.items()})
    _record_conflicts(session, shown)
    raise_high_water(session, max(m.stamp for m in mutations))
    result.conflicts = len(shown)
    return result


def raise_high_water(session: Session, stamp: str) -> None:
    """Remember the newest stamp seen, so a restarted device never stamps below it."""
    current = session.get(Meta, HLC_HIGH_WATER)
    if current is None:
        session.add(Meta(key=HLC_HIGH_WATER, value=stamp))
    elif current.value < stamp:
        current.value = stamp


def _record_conflicts(session: Session, conflicts: Sequence[Conflict]) -> None:
    if not conflicts:
        return
    now = utcnow()
    rows = [
        {
            "entity": c.entity, "entity_id": c.entity_id, "field": c.field,
            "lost_value": json.dumps(c.lost_value, ensure_ascii=False), "lost_stamp": c.lost_stamp,
            "won_value": json.dumps(c.won_value, ensure_ascii=False), "won_stamp": c.won_stamp,
            "reason": c.reason, "created_at": now,
        }
        for c in conflicts
    ]
    session.execute(sqlite_insert(SyncConflict).on_conflict_do_nothing(), rows)


def _materialize(
    session: Session,
    local: dict[Key, Local],
    dirty: set[Key],
    touched: dict[Key, set[str]],
    result: ApplyResult,
) -> None:
    """Write merged states into the domain tables, parents first."""
    specs = registry()
    by_entity: dict[str, list[str]] = defaultdict(list)
    for ent, eid in dirty:
        by_entity[ent].append(eid)
    hidden: dict[Key, bool] = {}
    # Removals go children first, the rest parents first.
    for ent in sorted(by_entity, key=lambda e: -specs[e].rank):
        spec = specs[ent]
        for eid in by_entity[ent]:
            item = local[(ent, eid)]
            if spec.kind is not Kind.TAGS and item.materialized and not wanted(spec, item.state):
                _remove(session, spec, eid, local, result)
    for ent in sorted(by_entity, key=lambda e: specs[e].rank):
        spec = specs[ent]
        ids = by_entity[ent]
        if spec.kind is Kind.TAGS:
            present = _write_tags(session, {eid: local[(ent, eid)] for eid in ids})
            for eid in ids:
                hidden[(ent, eid)] = eid not in present
                result.changed["conversations"].add(eid)
            continue
        inserts = {eid for eid in ids
                   if not local[(ent, eid)].materialized and wanted(spec, local[(ent, eid)].state)}
        failed = set(_insert_rows(session, spec, sorted(inserts), local))
        for eid in inserts:
            if eid not in failed:
                local[(ent, eid)].materialized = True
                result.changed[ent].add(eid)
        for eid in ids:
            step(session)
            item = local[(ent, eid)]
            if item.materialized and eid not in inserts and wanted(spec, item.state):
                names = touched.get((ent, eid), set()) & set(spec.fields)
                if names:
                    values = {n: to_column(spec, n, item.state.fields.get(n)) for n in names}
                    session.execute(
                        update(spec.table).where(spec.table.c.id == eid).values(values)
                    )
                    result.changed[ent].add(eid)
            hidden[(ent, eid)] = not item.materialized
    _write_sync_rows(session, local, dirty, hidden)


def wanted(spec: EntitySpec, st: EntityState) -> bool:
    """Whether an entity's merged state should be a row here (else it is kept hidden)."""
    if spec.kind is Kind.TAGS:
        return True
    return st.visible and spec.required <= set(st.fields)


def _insert_rows(
    session: Session, spec: EntitySpec, ids: list[str], local: dict[Key, Local]
) -> list[str]:
    """Insert rows in bulk; returns the ids that could not be (left hidden)."""
    if not ids:
        return []
    rows = []
    for eid in ids:
        step(session)
        rows.append({n: to_column(spec, n, v)
                     for n, v in local[(spec.name, eid)].state.fields.items() if n in spec.fields})
    try:
        with session.begin_nested():
            session.execute(insert(spec.table), rows)
        return []
    except IntegrityError:
        pass
    failed = []
    for eid, row in zip(ids, rows, strict=True):
        try:
            with session.begin_nested():
                session.execute(insert(spec.table), [row])
        except IntegrityError as exc:
            log.info("%s %s kept hidden: %s", spec.name, eid, exc.orig)
            failed.append(eid)
    _note_clashes(session, spec, failed, local)
    return failed


# -- rows that clash with a local row on a natural key --------------------------------------

#: Tables whose clashes go to the conflict log (see ``_record_clash``).
_CLASHES_SHOWN = frozenset({"identities", "mailboxes"})
#: What a clashing identity's value is called, by identity kind.
_IDENTITY_NOUN = {"email": ("email_address", "address"), "phone": ("phone_number", "number"),
                  "chat": ("chat_handle", "chat handle")}


def _natural_keys(spec: EntitySpec) -> list[tuple[str, ...]]:
    """The UNIQUE column sets of a table other than its id."""
    keys: set[tuple[str, ...]] = set()
    for constraint in spec.table.constraints:
        if isinstance(constraint, UniqueConstraint):
            keys.add(tuple(c.name for c in constraint.columns))
    keys.update((c.name,) for c in spec.table.columns if c.unique)
    keys.discard(("id",))
    return sorted(keys)


def _note_clashes(
    session: Session, spec: EntitySpec, failed: list[str], local: dict[Key, Local]
) -> None:
    """Log, for a rep, pulled rows kept hidden because a local row has their natural key.

    Rows made with derived ids (see ``services.natural_ids``) merge instead;
    this is for rows two devices made with different ids, such as those of
    profiles from before ids were derived. Only clashes a rep notices are
    logged (a customer's address, a mailbox), one entry per clash: a retry of
    the hidden row logs nothing new, and a dismissed entry stays dismissed.
    """
    if spec.name not in _CLASHES_SHOWN:
        return
    for eid in failed:
        fields = local[(spec.name, eid)].state.fields
        for key in _natural_keys(spec):
            values = [fields.get(name) for name in key]
            if any(v is None for v in values):
                continue
            tbl = spec.table
            other = session.scalar(
                select(tbl.c.id)
                .where(*(tbl.c[n] == v for n, v in zip(key, values, strict=True)))
                .where(tbl.c.id != eid)
            )
            if other is not None:
                _record_clash(session, spec.name, eid, str(other), local[(spec.name, eid)])
                break


def _root_customer(session: Session, customer_id: str) -> tuple[str, str]:
    """The customer that ``customer_id`` was merged into (following merges) and its name."""
    customers = entity("customers").table
    seen: set[str] = set()
    name = ""
    while customer_id not in seen:
        seen.add(customer_id)
        row = session.execute(
            select(customers.c.name, customers.c.merged_into_id)
            .where(customers.c.id == customer_id)
        ).first()
        if row is None:
            break
        name = row.name
        if row.merged_into_id is None:
            break
        customer_id = row.merged_into_id
    return customer_id, name


def _record_clash(session: Session, ent: str, eid: str, other_id: str, pulled: Local) -> None:
    """One conflict-log entry (reason ``duplicate``) that says in words what clashed."""
    fields = pulled.state.fields
    lost_stamp = pulled.state.created or max(pulled.state.clocks.values(), default="")
    if not lost_stamp:
        return
    mine = load(session, [(ent, other_id)])[(ent, other_id)]
    won_stamp = mine.state.created or lost_stamp
    if ent == "identities":
        value = str(fields.get("display") or fields.get("value"))
        field, noun = _IDENTITY_NOUN.get(str(fields.get("kind")), ("contact", "contact"))
        theirs, _ = _root_customer(session, str(fields.get("customer_id")))
        ours, our_name = _root_customer(session, str(mine.state.fields.get("customer_id")))
        if theirs == ours:
            return  # the same customer (already merged): nothing for a rep to do
        there = session.scalar(
            select(entity("customers").table.c.id).where(entity("customers").table.c.id == theirs)
        )
        ent, eid = ("customers", theirs) if there is not None else (ent, eid)
        # The conflict view shows the start of each value (the whole in a tooltip).
        lost = (f"{value}: two customers have this {noun}, this one and {our_name}; "
                f"here it stays with {our_name}")
        won = f"{our_name} has it"
    elif ent == "mailboxes":
        address = fields.get("address")
        field = "address"
        lost = (f"{address}: two mailboxes have this address; the one named "
                f"{fields.get('name')} is not used on this computer")
        won = f"{mine.state.fields.get('name')} is used here"
    else:
        return
    session.execute(
        sqlite_insert(SyncConflict).on_conflict_do_nothing(),
        [{
            "entity": ent, "entity_id": eid, "field": field,
            "lost_value": json.dumps(lost, ensure_ascii=False), "lost_stamp": lost_stamp,
            "won_value": json.dumps(won, ensure_ascii=False), "won_stamp": won_stamp,
            "reason": "duplicate", "created_at": utcnow(),
        }],
    )


def _children(spec: EntitySpec) -> list[tuple[EntitySpec, str]]:
    """Synced tables with a required reference to ``spec``'s rows."""
    out = []
    for child in registry().values():
        for fk in child.table.foreign_keys:
            col = fk.parent
            if fk.column.table is spec.table and not col.nullable and child.name != spec.name:
                out.append((child, col.name))
    return out


def _remove(
    session: Session, spec: EntitySpec, eid: str, local: dict[Key, Local], result: ApplyResult
) -> None:
    """Delete a row here, hiding rows that cannot live without it first."""
    for child, column in _children(spec):
        if child.kind is Kind.TAGS:
            continue  # ON DELETE CASCADE; the tag set keeps its clocks
        child_ids = list(
            session.scalars(select(child.table.c.id).where(child.table.c[column] == eid))
        )
        if not child_ids:
            continue
        children = load(session, ((child.name, cid) for cid in child_ids))
        for cid in child_ids:
            _remove(session, child, cid, children, result)
        _write_sync_rows(session, children, set(children), dict.fromkeys(children, True))
    table: Table = spec.table
    try:
        with session.begin_nested():
            session.execute(delete(table).where(table.c.id == eid))
    except IntegrityError as exc:
        # Still referenced by a row that may point elsewhere later (an assignee, a
        # customer): the row stays; its tombstone is kept in sync_state.
        log.info("%s %s still referenced, kept: %s", spec.name, eid, exc.orig)
        return
    local[(spec.name, eid)].materialized = False
    result.changed[spec.name].add(eid)


def _write_tags(session: Session, items: dict[str, Local]) -> set[str]:
    """Make tag rows match the merged sets; returns the conversations that are here."""
    conv = entity("conversations").table
    here: set[str] = set()
    ids = sorted(items)
    for chunk in _chunks(ids):
        here.update(session.scalars(select(conv.c.id).where(conv.c.id.in_(chunk))))
    gone: list[dict[str, str]] = []
    add: list[dict[str, str]] = []
    for cid, item in items.items():
        want = {t for t, on in item.state.fields.items() if on} if cid in here else set()
        gone += [{"c": cid, "t": t} for t in sorted(item.tags - want)]
        add += [{"conversation_id": cid, "tag": t} for t in sorted(want - item.tags)]
        item.tags = want
    if gone:
        t = ConversationTag.__table__
        assert isinstance(t, Table)
        session.execute(
            delete(t).where(t.c.conversation_id == bindparam("c"), t.c.tag == bindparam("t")),
            gone,
        )
    if add:
        session.execute(insert(ConversationTag), add)
    return here


def _write_sync_rows(
    session: Session, local: dict[Key, Local], keys: set[Key], hidden: dict[Key, bool]
) -> None:
    rows = []
    for key in keys:
        step(session)
        item = local[key]
        st = item.state
        is_hidden = hidden.get(key, not item.materialized)
        clocks, created, deleted = item.persisted()
        rows.append((
            key[0], key[1], json.dumps(pack_clocks(clocks), ensure_ascii=False),
            created, deleted,
            json.dumps(dict(st.fields), ensure_ascii=False) if is_hidden else None,
        ))
    if rows:
        session.connection().exec_driver_sql(
            "INSERT INTO sync_state (entity, entity_id, clocks, created, deleted, hidden) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entity, entity_id) DO UPDATE SET "
            "clocks = excluded.clocks, created = excluded.created, "
            "deleted = excluded.deleted, hidden = excluded.hidden",
            rows,
        )


def stamp_acknowledged(session: Session, mutations: Sequence[Mutation]) -> None:
    """Record the stamps of pushed mutations the server acknowledged.

    Values are already in the rows (they were made here); only clocks move. When
    the stored clock of a field is newer than the edit (this device's clock ran
    behind one it could not follow), the row still holds the edit's value, so the
    field takes the edit's stamp; the server's answer then brings the winner.
    """
    if not mutations:
        return
    acked = [(m.entity, m.entity_id) for m in mutations]
    local = load(session, acked, overlay=False)
    waiting = load(session, acked)  # with every edit still in the outbox laid over
    last_acked: dict[tuple[Key, str], str] = {}
    for m in mutations:
        for name in mutation_values(m):
            last_acked[((m.entity, m.entity_id), name)] = m.stamp
    for m in mutations:
        step(session)
        key = (m.entity, m.entity_id)
        item = local[key]
        st = item.state
        clocks = dict(st.clocks)
        for name, value in mutation_values(m).items():
            later = waiting[key].pending.get(name, "") > last_acked[(key, name)]
            if clocks.get(name, "") < m.stamp or (not later and last_acked[(key, name)] == m.stamp
                  and st.fields.get(name) == value):
                clocks[name] = m.stamp
        created, deleted = st.created, st.deleted
        if m.op == "insert" and (created is None or m.stamp < created):
            created = m.stamp
        if m.op == "delete" and (deleted is None or m.stamp < deleted):
            deleted = m.stamp
        item.state = EntityState(st.fields, clocks, created, deleted)
    keys = set(local)
    _write_sync_rows(session, local, keys, {k: not local[k].materialized for k in keys})


def retry_hidden(session: Session, limit: int = 5000) -> int:
    """Try again to give hidden, live entities their rows (a parent may have come)."""
    keys = [
        (e, i) for e, i in session.execute(
            select(SyncState.entity, SyncState.entity_id)
            .where(SyncState.hidden.is_not(None), SyncState.deleted.is_(None))
            .limit(limit)
        )
    ]
    if not keys:
        return 0
    local = load(session, keys)
    candidates = {
        k for k, item in local.items()
        if wanted(entity(k[0]), item.state) and (entity(k[0]).kind is Kind.TAGS or
                                                   item.state.created is not None)
    }
    touched = {k: set(local[k].state.fields) for k in candidates}
    result = ApplyResult()
    _materialize(session, local, candidates, touched, result)
    return sum(len(v) for v in result.changed.values())
