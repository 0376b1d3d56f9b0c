"""The one merge function the server and every client use.

``merge(state, mutation)`` returns the entity's new state and the values that
lost. It is pure: no I/O, no clock reads (the caller passes ``now_ms`` when it
wants far-future stamps refused). The rules:

- Mutable entities: each field is last-writer-wins by hybrid-clock stamp; the
  device id inside the stamp breaks ties, so every replica picks the same
  winner.
- Append-only entities (messages, calls, notes, activities, attachments, time
  entries, usage): the first insert that reaches a replica is the row; any other
  insert of the same id changes nothing, whatever its stamp (a teammate cannot
  rewrite a message by sending an "older" insert of its id). A different one is
  logged as a conflict; an identical one, as deterministic ingestion makes, is not.
  Only the server's answer to a device whose insert lost (``authoritative``)
  replaces a device's own row, so the device converges on the server's. The
  few fields a spec lets change after
  insert (a moved message's conversation) take updates last-writer-wins among
  the updates; an update always beats what an insert said.
- Tags: one add/remove element per (conversation, tag), last-writer-wins.
- Deletes leave a tombstone (the earliest delete's stamp). A tombstone wins
  over every update; updates newer than it are logged as lost. Fields keep
  merging underneath, so the hidden state is the same on every replica.

A value that loses is returned as a ``Conflict``, unless the write that beat
it names the losing stamp as its base (its author saw that value and replaced
it on purpose) or the two values are equal. Applying the same mutation twice
changes nothing, and the final state does not depend on the order mutations
arrive in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from supportdesk.store.hlc import MAX_DRIFT_MS
from supportdesk.sync.schema import Kind, entity

_EMPTY: Mapping[str, Any] = {}


class StampRefusedError(ValueError):
    """A mutation's stamp is too far ahead of the receiver's clock; retry later."""


@dataclass(frozen=True, slots=True)
class Mutation:
    """One domain change as the outbox recorded it."""

    entity: str
    entity_id: str
    op: str
    fields: Mapping[str, Any]
    stamp: str
    #: per field, the stamp of the value the author saw when writing this one
    base: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EntityState:
    """What the replicas agree an entity is.

    ``fields`` and ``clocks`` share keys (for tags the keys are tag names and
    the values say whether the tag is on). ``created`` is the stamp of the
    winning insert; ``deleted`` the earliest tombstone.
    """

    fields: Mapping[str, Any] = field(default_factory=dict)
    clocks: Mapping[str, str] = field(default_factory=dict)
    created: str | None = None
    deleted: str | None = None

    @property
    def visible(self) -> bool:
        """Whether the row should exist for a rep (tag sets have no insert)."""
        return self.deleted is None and self.created is not None


@dataclass(frozen=True, slots=True)
class Conflict:
    """A value that lost, kept so a rep can see it and restore it."""

    entity: str
    entity_id: str
    field: str
    lost_value: Any
    lost_stamp: str
    won_value: Any
    won_stamp: str
    reason: str  # "concurrent" | "deleted" | "first_insert"

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What makes a conflict record unique (re-applying adds no new one)."""
        return (self.entity, self.entity_id, self.field, self.lost_stamp)


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The outcome of one merge."""

    state: EntityState
    conflicts: tuple[Conflict, ...]
    #: fields whose value changed (tag names for tag sets)
    changed: frozenset[str]
    #: True when the state is exactly what it was
    unchanged: bool


def stamp_millis(stamp: str) -> int:
    """The wall-clock part of a stamp."""
    return int(stamp[:13])


def check_stamp(stamp: str, now_ms: int, max_drift_ms: int = MAX_DRIFT_MS) -> None:
    """Refuse a stamp further than ``max_drift_ms`` ahead of ``now_ms``.

    Raises:
        StampRefusedError: the sender's clock runs ahead; the mutation may be retried.
    """
    ahead = stamp_millis(stamp) - now_ms
    if ahead > max_drift_ms:
        raise StampRefusedError(
            f"the device clock is {ahead // 60000} min {ahead // 1000 % 60} s ahead of the "
            "server's"
        )


def mutation_values(m: Mutation) -> dict[str, Any]:
    """The field writes a mutation makes (a tag op writes one boolean)."""
    if m.op == "tag_add":
        return {m.fields["tag"]: True}
    if m.op == "tag_remove":
        return {m.fields["tag"]: False}
    if m.op == "delete":
        return {}
    return dict(m.fields)


def merge(state: EntityState | None, m: Mutation, *, now_ms: int | None = None,
          authoritative: bool = False) -> MergeResult:
    """Apply one mutation to an entity's state.

    Args:
        state: the current state, or None when the entity is unknown here.
        m: the mutation (already validated by ``schema.validate``).
        now_ms: when given, a stamp more than ``MAX_DRIFT_MS`` ahead is refused.
        authoritative: the server's own state for an insert of this device's that
            lost; it replaces the device's row (never set for what a peer pushed).

    Returns:
        The new state, the values that lost, and which fields changed.

    Raises:
        StampRefusedError: ``now_ms`` was given and the stamp is too far ahead.
    """
    if now_ms is not None:
        check_stamp(m.stamp, now_ms)
    kind = entity(m.entity).kind
    if state is None and m.op == "insert" and kind is Kind.APPEND_ONLY:
        # The common case of a first sync, without the general bookkeeping.
        values = dict(m.fields)
        new = EntityState(values, dict.fromkeys(values, m.stamp), m.stamp, None)
        return MergeResult(new, (), frozenset(n for n, v in values.items() if v is not None), False)
    st = state or EntityState()
    fields = dict(st.fields)
    clocks = dict(st.clocks)
    created, deleted = st.created, st.deleted
    conflicts: list[Conflict] = []
    changed: set[str] = set()

    def lost(name: str, value: Any, stamp: str, won: Any, won_stamp: str, why: str) -> None:
        conflicts.append(Conflict(m.entity, m.entity_id, name, value, stamp, won, won_stamp, why))

    if m.op == "delete":
        if deleted is None or m.stamp < deleted:
            deleted = m.stamp
            # Edits newer than the tombstone were made without knowing of it.
            for name, clock in clocks.items():
                if clock > m.stamp:
                    lost(name, fields.get(name), clock, None, m.stamp, "deleted")
        return _result(st, fields, clocks, created, deleted, conflicts, changed)

    values = mutation_values(m)
    if deleted is not None and m.stamp > deleted:
        for name, value in values.items():
            lost(name, value, m.stamp, None, deleted, "deleted")

    if kind is Kind.APPEND_ONLY and m.op == "insert":
        # Fields changed by an update since (a moved message) keep the update:
        # an insert, earlier or later, never undoes a rep's change.
        updated = {n for n, c in clocks.items() if c != created}
        if created is not None and not authoritative:
            differs = False
            for name, value in values.items():
                if name not in updated and fields.get(name) != value:
                    differs = True
                    lost(name, value, m.stamp, fields.get(name), created, "first_insert")
            if not differs and m.stamp < created and set(values) == set(fields):
                # the same row, stamped earlier elsewhere: every replica keeps the
                # earliest stamp (the content is identical, so nothing is replaced)
                clocks = {**dict.fromkeys(values, m.stamp), **{n: clocks[n] for n in updated}}
                created = m.stamp
            return _result(st, fields, clocks, created, deleted, conflicts, changed)
        for name, old in fields.items():
            if created is not None and name not in updated and values.get(name) != old:
                lost(name, old, clocks[name], values.get(name), m.stamp, "first_insert")
        new_fields = {**values, **{n: fields[n] for n in updated}}
        changed = {n for n in set(new_fields) | set(fields) if new_fields.get(n) != fields.get(n)}
        clocks = {**dict.fromkeys(values, m.stamp), **{n: clocks[n] for n in updated}}
        fields = new_fields
        created = m.stamp
        return _result(st, fields, clocks, created, deleted, conflicts, changed)

    # An update of an append-only entity (only its ``mutable_after_insert``
    # fields, see schema.validate) always replaces the value the insert gave,
    # whatever the stamps: the inserts of one message made on two devices are
    # the same message, and the rep's change applies to it.
    from_insert = (
        {n for n, c in clocks.items() if c == created} if kind is Kind.APPEND_ONLY else set()
    )

    if m.op == "insert" and (created is None or m.stamp < created):
        created = m.stamp
    for name, value in values.items():
        current = clocks.get(name)
        if name in from_insert:
            if fields.get(name) != value:
                changed.add(name)
            fields[name] = value
            clocks[name] = m.stamp
        elif current is None or m.stamp > current:
            old = fields.get(name)
            if current is not None and old != value and m.base.get(name) != current:
                lost(name, old, current, value, m.stamp, "concurrent")
            if current is None or old != value:
                changed.add(name)
            fields[name] = value
            clocks[name] = m.stamp
        elif m.stamp < current and fields.get(name) != value:
            lost(name, value, m.stamp, fields.get(name), current, "concurrent")
    return _result(st, fields, clocks, created, deleted, conflicts, changed)


def _result(
    old: EntityState,
    fields: dict[str, Any],
    clocks: dict[str, str],
    created: str | None,
    deleted: str | None,
    conflicts: list[Conflict],
    changed: set[str],
) -> MergeResult:
    same = (
        created == old.created
        and deleted == old.deleted
        and clocks == dict(old.clocks)
        and fields == dict(old.fields)
    )
    if same:
        return MergeResult(old, tuple(conflicts), frozenset(), True)
    state = EntityState(fields, clocks, created, deleted)
    return MergeResult(state, tuple(conflicts), frozenset(changed), False)


def worth_showing(
    conflicts: Iterable[Conflict],
    batch: Iterable[Mutation] = (),
    final: Mapping[tuple[str, str], EntityState] | None = None,
) -> list[Conflict]:
    """The conflicts a rep should see, of those one batch of mutations made.

    Left out: bookkeeping fields (``updated_at``); a value its own author
    replaced later in the batch (a later write names it as its base, as when a
    new conversation gets its summary right after its insert); and a value the
    entity shows anyway in the end (``final``, the merged states after the
    batch). Those still win and lose like any value; only the log skips them.
    """
    replaced = {(m.entity, m.entity_id, f, b) for m in batch for f, b in m.base.items()}
    out = []
    for c in conflicts:
        if c.field in entity(c.entity).quiet:
            continue
        if (c.entity, c.entity_id, c.field, c.lost_stamp) in replaced:
            continue
        st = final.get((c.entity, c.entity_id)) if final is not None else None
        if (st is not None and st.deleted is None and c.field in st.fields
                and st.fields[c.field] == c.lost_value):
            continue
        out.append(c)
    return out


def merge_all(
    state: EntityState | None, mutations: list[Mutation]
) -> tuple[EntityState | None, list[Conflict]]:
    """Apply mutations in the order given (a convenience for tests and replays)."""
    out: list[Conflict] = []
    for m in mutations:
        result = merge(state, m)
        state = result.state
        out.extend(result.conflicts)
    return state, out


def state_mutations(entity_name: str, entity_id: str, st: EntityState) -> list[Mutation]:
    """Mutations that rebuild ``st`` on an empty replica (snapshots use this).

    Merging them into an empty state, in any order, gives ``st`` again, so a
    snapshot row goes through the same merge as every pulled change.
    """
    kind = entity(entity_name).kind
    out: list[Mutation] = []
    if kind is Kind.TAGS:
        for tag, on in st.fields.items():
            op = "tag_add" if on else "tag_remove"
            out.append(Mutation(entity_name, entity_id, op, {"tag": tag}, st.clocks[tag]))
    elif kind is Kind.APPEND_ONLY:
        if st.created is not None:
            out.append(Mutation(entity_name, entity_id, "insert", dict(st.fields), st.created))
        later: dict[str, dict[str, Any]] = {}
        for name, stamp in st.clocks.items():
            if stamp != st.created:
                later.setdefault(stamp, {})[name] = st.fields.get(name)
        for stamp, values in sorted(later.items()):
            out.append(Mutation(entity_name, entity_id, "update", values, stamp))
    else:
        by_stamp: dict[str, dict[str, Any]] = {}
        for name, value in st.fields.items():
            by_stamp.setdefault(st.clocks[name], {})[name] = value
        for stamp, values in sorted(by_stamp.items()):
            op = "update"
            if st.created is not None and stamp == st.created:
                op = "insert"
            out.append(Mutation(entity_name, entity_id, op, values, stamp))
        if st.created is not None and st.created not in by_stamp:
            out.append(Mutation(entity_name, entity_id, "insert", {}, st.created))
    if st.deleted is not None:
        out.append(Mutation(entity_name, entity_id, "delete", {}, st.deleted))
    return out


def pack_clocks(clocks: Mapping[str, str]) -> dict[str, Any]:
    """Clocks in their stored form: one stamp for all when every field shares it.

    An inserted message has a dozen fields with one stamp; storing it once keeps
    the clock rows of 100k messages small.
    """
    values = set(clocks.values())
    if len(clocks) > 1 and len(values) == 1 and "*" not in clocks:
        return {"*": [next(iter(values)), list(clocks)]}
    return dict(clocks)


def unpack_clocks(stored: Mapping[str, Any]) -> dict[str, str]:
    """The inverse of ``pack_clocks``."""
    packed = stored.get("*")
    if isinstance(packed, list):
        stamp, names = packed
        return {str(n): str(stamp) for n in names}
    return {str(k): str(v) for k, v in stored.items()}
