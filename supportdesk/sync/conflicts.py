"""The conflict log a rep can see: what lost a merge, and putting it back."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.models import Base, SyncConflict, utcnow
from supportdesk.store import UnitOfWork
from supportdesk.sync.apply import to_column
from supportdesk.sync.schema import Kind, entity


class ConflictError(ValueError):
    """A conflict that cannot be restored; the message says why."""


@dataclass(frozen=True)
class ConflictView:
    """One logged loss, for a list in the UI."""

    id: int
    entity: str
    entity_id: str
    field: str
    lost_value: Any
    won_value: Any
    reason: str
    created_at: datetime


def open_conflicts(session: Session, limit: int = 200) -> list[ConflictView]:
    """Unresolved conflicts, newest first."""
    rows = session.scalars(
        select(SyncConflict)
        .where(SyncConflict.resolved_at.is_(None))
        .order_by(SyncConflict.created_at.desc(), SyncConflict.id.desc())
        .limit(limit)
    )
    return [
        ConflictView(c.id, c.entity, c.entity_id, c.field, _load(c.lost_value),
                     _load(c.won_value), c.reason, c.created_at)
        for c in rows
    ]


def _load(raw: str | None) -> Any:
    return None if raw is None else json.loads(raw)


def _model(table: str) -> type[Base]:
    for mapper in Base.registry.mappers:
        if getattr(mapper.local_table, "name", None) == table:
            return mapper.class_
    raise ConflictError(f"{table} has no model")


def restore(uow: UnitOfWork, conflict_id: int) -> None:
    """Put a lost value back, as a new change of this rep (it syncs like any edit).

    Raises:
        ConflictError: the conflict is gone, resolved, or of a kind that cannot be
            restored by setting one value (a refused change, a deleted row).
    """
    c = uow.session.get(SyncConflict, conflict_id)
    if c is None or c.resolved_at is not None:
        raise ConflictError("That conflict was already dealt with.")
    spec = entity(c.entity)
    value = _load(c.lost_value)
    if c.reason not in ("concurrent", "first_insert") or spec.kind is Kind.APPEND_ONLY:
        raise ConflictError(
            "This loss cannot be put back with one click; copy what you need from it."
        )
    if spec.kind is Kind.TAGS:
        if value:
            uow.add_tag(c.entity_id, c.field)
        else:
            uow.remove_tag(c.entity_id, c.field)
    else:
        model = _model(c.entity)
        obj = uow.session.scalars(
            select(model).where(spec.table.c.id == c.entity_id)
        ).one_or_none()
        if obj is None:
            raise ConflictError("The record is not on this device any more.")
        uow.update(obj, **{c.field: to_column(spec, c.field, value)})
    c.resolved_at = utcnow()


def dismiss(uow: UnitOfWork, conflict_id: int) -> None:
    """Mark a conflict as seen without restoring it."""
    c = uow.session.get(SyncConflict, conflict_id)
    if c is not None and c.resolved_at is None:
        c.resolved_at = utcnow()
