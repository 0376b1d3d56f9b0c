"""Rules as plain values: conditions, actions, and checking what a rep typed.

A condition is ``{"field": ..., "op": ..., "value": ...}`` or a group
``{"any": [...]}`` / ``{"all": [...]}``. An action is
``{"type": ..., "value": ...}``. Both are stored as JSON in ``rules`` rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from supportdesk.models import Priority, Status

#: What a condition can look at. ``header:NAME`` looks at one mail header.
FIELDS = (
    "channel", "mailbox", "recipient", "sender", "sender_domain", "customer",
    "organization", "contract_kind", "subject", "body", "text", "language",
    "business_hours", "age_minutes", "status", "priority", "assignee", "tag", "is_auto",
)  # fmt: skip
HEADER_PREFIX = "header:"
#: ``is``/``is_not`` compare folded text; ``contains``/``has_word`` take a text or a
#: list (any of them); ``matches`` is a regular expression over folded text.
OPS = (
    "is", "is_not", "contains", "not_contains", "has_word", "matches", "exists",
    "missing", "gt", "lt", "in",
)  # fmt: skip
NUMERIC_FIELDS = frozenset({"age_minutes"})
BOOL_FIELDS = frozenset({"business_hours", "is_auto"})

ACTIONS = (
    "set_priority", "add_tag", "remove_tag", "assign", "set_status", "snooze",
    "canned", "escalate", "page", "stop",
)  # fmt: skip
#: ``assign`` values besides an agent id
ROUND_ROBIN = "round_robin"
UNASSIGN = ""
TRIGGERS = ("inbound", "schedule", "both")
MAX_PATTERN = 300
MAX_CONDITIONS = 50


class RuleError(ValueError):
    """A rule that cannot be saved; the message says what is wrong, in the user's words."""


@dataclass(frozen=True)
class RuleSpec:
    """One rule, as the engine reads it."""

    id: str
    name: str
    position: int
    conditions: tuple[Mapping[str, Any], ...]
    actions: tuple[Mapping[str, Any], ...]
    match: str = "all"
    trigger: str = "inbound"
    enabled: bool = True
    builtin: bool = False

    def sort_key(self) -> tuple[int, str]:
        """Rules run by position, then id, on every device."""
        return self.position, self.id

    def to_json(self) -> dict[str, Any]:
        """The rule as plain JSON (for the CLI and the dialog)."""
        return {
            "id": self.id, "name": self.name, "position": self.position,
            "enabled": self.enabled, "trigger": self.trigger, "match": self.match,
            "conditions": [dict(c) for c in self.conditions],
            "actions": [dict(a) for a in self.actions], "builtin": self.builtin,
        }  # fmt: skip


@dataclass(frozen=True)
class Effect:
    """One thing a rule did (or would do)."""

    type: str
    value: Any
    text: str


@dataclass
class Fired:
    """A rule that matched, with what it did."""

    rule_id: str
    name: str
    effects: list[Effect] = field(default_factory=list)


def check_condition(cond: Mapping[str, Any], depth: int = 0) -> None:
    """Raise ``RuleError`` when a condition cannot be evaluated."""
    if depth > 4:
        raise RuleError("Conditions are nested too deeply.")
    for group in ("any", "all"):
        if group in cond:
            items = cond[group]
            if not isinstance(items, list) or not items:
                raise RuleError("A group of conditions needs at least one condition.")
            for item in items:
                if not isinstance(item, Mapping):
                    raise RuleError("A condition must be an object.")
                check_condition(item, depth + 1)
            return
    name = cond.get("field")
    op = cond.get("op")
    if not isinstance(name, str) or not (name in FIELDS or _header_name(name)):
        raise RuleError(f"Unknown condition field: {name!r}.")
    if op not in OPS:
        raise RuleError(f"Unknown comparison: {op!r}.")
    value = cond.get("value")
    if op == "matches":
        if not isinstance(value, str) or len(value) > MAX_PATTERN:
            raise RuleError(f"A pattern must be text of at most {MAX_PATTERN} characters.")
        try:
            re.compile(value)
        except re.error as exc:
            raise RuleError(f"The pattern {value!r} is not valid: {exc}.") from exc
    if op in ("gt", "lt") and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise RuleError("“More than” and “less than” need a number.")


def _header_name(name: str) -> str:
    if not name.startswith(HEADER_PREFIX):
        return ""
    header = name[len(HEADER_PREFIX):].strip().lower()
    return header if re.fullmatch(r"[a-z0-9-]{1,76}", header) else ""


def header_name(name: str) -> str:
    """The lower-case header a ``header:NAME`` field looks at ('' when not one)."""
    return _header_name(name)


def check_action(action: Mapping[str, Any]) -> None:
    """Raise ``RuleError`` when an action cannot be carried out."""
    kind = action.get("type")
    value = action.get("value")
    if kind not in ACTIONS:
        raise RuleError(f"Unknown action: {kind!r}.")
    if kind == "set_priority" and value not in set(Priority):
        raise RuleError(f"Unknown priority: {value!r}.")
    if kind == "set_status" and value not in set(Status):
        raise RuleError(f"Unknown status: {value!r}.")
    if kind in ("add_tag", "remove_tag") and (not isinstance(value, str) or not value.strip()):
        raise RuleError("A tag action needs a tag.")
    if kind == "assign" and not isinstance(value, str):
        raise RuleError("Assign needs an agent, round robin, or nobody.")
    if kind == "canned" and (not isinstance(value, str) or not value):
        raise RuleError("Send a canned answer needs the answer.")


def check_rule(
    name: str, conditions: Sequence[Mapping[str, Any]], actions: Sequence[Mapping[str, Any]],
    match: str = "all", trigger: str = "inbound",
) -> None:
    """Raise ``RuleError`` unless the rule can be saved."""
    if not name.strip():
        raise RuleError("A rule needs a name.")
    if len(name) > 200:
        raise RuleError("A rule's name can be at most 200 characters long.")
    if match not in ("all", "any"):
        raise RuleError("A rule matches all of its conditions or any of them.")
    if trigger not in TRIGGERS:
        raise RuleError(f"Unknown trigger: {trigger!r}.")
    if len(conditions) > MAX_CONDITIONS:
        raise RuleError(f"A rule can have at most {MAX_CONDITIONS} conditions.")
    if not actions:
        raise RuleError("A rule needs at least one action.")
    for cond in conditions:
        check_condition(cond)
    for action in actions:
        check_action(action)
