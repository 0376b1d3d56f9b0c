"""Rules over the store: the rules in force, editing them, and how often each fired."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from supportdesk.models import new_id, utcnow
from supportdesk.models.rules import Rule, RuleFiring
from supportdesk.services.rules.model import RuleSpec, check_rule
from supportdesk.services.rules.starter import STARTER_RULES
from supportdesk.store import UnitOfWork


def _spec(row: Rule) -> RuleSpec:
    return RuleSpec(
        id=row.id, name=row.name, position=row.position,
        conditions=tuple(c for c in row.conditions or () if isinstance(c, Mapping)),
        actions=tuple(a for a in row.actions or () if isinstance(a, Mapping)),
        match=row.match, trigger=row.trigger, enabled=row.enabled,
        builtin=any(s.id == row.id for s in STARTER_RULES),
    )  # fmt: skip


def all_rules(session: Session) -> list[RuleSpec]:
    """Every rule (switched off ones too), in the order they run.

    A starter rule counts until a row with its id exists (an edit, or a removal).
    """
    rows = list(session.scalars(select(Rule)))
    have = {r.id for r in rows}
    specs = [_spec(r) for r in rows if not r.deleted]
    specs += [s for s in STARTER_RULES if s.id not in have]
    return sorted(specs, key=RuleSpec.sort_key)


def rule_by_id(session: Session, rule_id: str) -> RuleSpec | None:
    """One rule in force, or None."""
    return next((r for r in all_rules(session) if r.id == rule_id), None)


def save_rule(
    uow: UnitOfWork,
    *,
    name: str,
    conditions: Sequence[Mapping[str, Any]],
    actions: Sequence[Mapping[str, Any]],
    rule_id: str | None = None,
    position: int | None = None,
    match: str = "all",
    trigger: str = "inbound",
    enabled: bool = True,
) -> str:
    """Create or change a rule (a starter rule becomes a row of its own); returns its id.

    Raises:
        RuleError: the rule cannot be evaluated as written.
    """
    check_rule(name, conditions, actions, match, trigger)
    session = uow.session
    now = utcnow()
    if position is None:
        existing = all_rules(session)
        position = max((r.position for r in existing), default=0) + 10
    values: dict[str, Any] = {
        "name": name.strip(), "position": position, "enabled": enabled, "trigger": trigger,
        "match": match, "conditions": [dict(c) for c in conditions],
        "actions": [dict(a) for a in actions], "deleted": False,
    }  # fmt: skip
    row = session.get(Rule, rule_id) if rule_id else None
    if row is None:
        rid = rule_id or new_id()
        uow.add(Rule(id=rid, created_at=now, updated_at=now, **values))
        return rid
    if uow.update(row, **values):
        uow.update(row, updated_at=now)
    return row.id


def _materialise(uow: UnitOfWork, rule_id: str) -> Rule | None:
    row = uow.session.get(Rule, rule_id)
    if row is not None:
        return row
    spec = next((s for s in STARTER_RULES if s.id == rule_id), None)
    if spec is None:
        return None
    now = utcnow()
    return uow.add(Rule(
        id=spec.id, name=spec.name, position=spec.position, enabled=spec.enabled,
        trigger=spec.trigger, match=spec.match, conditions=[dict(c) for c in spec.conditions],
        actions=[dict(a) for a in spec.actions], deleted=False, created_at=now, updated_at=now,
    ))  # fmt: skip


def set_enabled(uow: UnitOfWork, rule_id: str, enabled: bool) -> None:
    """Switch a rule on or off."""
    row = _materialise(uow, rule_id)
    if row is not None and uow.update(row, enabled=enabled):
        uow.update(row, updated_at=utcnow())


def delete_rule(uow: UnitOfWork, rule_id: str) -> None:
    """Remove a rule (kept as a removed row, so a starter rule stays gone)."""
    row = _materialise(uow, rule_id)
    if row is not None and uow.update(row, deleted=True):
        uow.update(row, updated_at=utcnow())


def move_rule(uow: UnitOfWork, rule_id: str, delta: int) -> None:
    """Move a rule up (``delta`` < 0) or down in the order; positions are renumbered."""
    rules = all_rules(uow.session)
    index = next((i for i, r in enumerate(rules) if r.id == rule_id), None)
    if index is None:
        return
    target = max(0, min(len(rules) - 1, index + delta))
    rules.insert(target, rules.pop(index))
    for i, spec in enumerate(rules):
        if spec.position != (i + 1) * 10:
            row = _materialise(uow, spec.id)
            if row is not None:
                uow.update(row, position=(i + 1) * 10, updated_at=utcnow())


@dataclass(frozen=True)
class RuleStats:
    """How many times a rule fired and when it did last."""

    count: int
    last: datetime | None


def rule_stats(session: Session) -> dict[str, RuleStats]:
    """Fire count and last firing of every rule that ever fired."""
    rows = session.execute(
        select(RuleFiring.rule_id, func.count(), func.max(RuleFiring.fired_at))
        .group_by(RuleFiring.rule_id)
    ).tuples()
    out: dict[str, RuleStats] = {}
    for rule_id, count, last in rows:
        value: Any = last  # max() over the column comes back as text in SQLite
        when = datetime.fromisoformat(value) if isinstance(value, str) else value
        if when is not None and when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        out[rule_id] = RuleStats(int(count), when)
    return out
