"""Ids for rows named by a natural key (an address, a phone number), the same on every device.

Two laptops that, offline, each create "the same thing" (the customer behind
a new address, the mailbox support@acme.example) must make the same id, so
that sync merges the two rows into one instead of keeping one of them hidden
behind the table's UNIQUE key. ``derived_id`` gives that id.

A deleted row leaves a tombstone under its id, and a tombstone wins over
every later insert of that id: a row deleted and then made again under the
same derived id would stay hidden on every other device. So the id of a new
row is the derived id of *generation* 0, and when that one is taken (a row
has it, or it was deleted here or by the team) the next generation is tried
(``derived_id(prefix, *key, "1")``, ``"2"``...). Devices that know the same
history pick the same generation, so they still converge; a device that has
not yet heard of a deletion picks an older generation, and the merge then
treats its row as the one that was deleted (it shows in the conflict log).
After ``MAX_GENERATIONS`` taken generations a random id is used.

Rows made before this scheme keep their random ids; nothing is rewritten.
"""

from __future__ import annotations

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from supportdesk.models import OutboxEntry, SyncState, derived_id, new_id
from supportdesk.sync.schema import entity

MAX_GENERATIONS = 64


def id_taken(session: Session, table: str, row_id: str) -> bool:
    """Whether a new row of ``table`` may not use ``row_id``.

    It may not when a row has it, or when the entity was deleted (here and
    waiting to be pushed, or by anyone as far as this device has synced).
    """
    spec_table: Table = entity(table).table
    if session.scalar(select(spec_table.c.id).where(spec_table.c.id == row_id)) is not None:
        return True
    tombstone = session.scalar(
        select(SyncState.deleted).where(SyncState.entity == table, SyncState.entity_id == row_id)
    )
    if tombstone is not None:
        return True
    deleted_here = session.scalar(
        select(OutboxEntry.seq)
        .where(
            OutboxEntry.entity == table,
            OutboxEntry.entity_id == row_id,
            OutboxEntry.op == "delete",
        )
        .limit(1)
    )
    return deleted_here is not None


def natural_id(session: Session, table: str, prefix: str, *key: str) -> str:
    """The id for a new ``table`` row named by ``key``: derived, skipping taken generations.

    Args:
        session: the writer's session (the caller is about to insert the row).
        table: the synced table the row goes into, e.g. ``"mailboxes"``.
        prefix: what the id names, e.g. ``"mailbox"`` (generation 0 is
            ``derived_id(prefix, *key)``, as mail ingest and chat import make).
        key: the natural key, already normalised.
    """
    for generation in range(MAX_GENERATIONS):
        parts = (prefix, *key) if generation == 0 else (prefix, *key, str(generation))
        candidate = derived_id(*parts)
        if not id_taken(session, table, candidate):
            return candidate
    return new_id()
