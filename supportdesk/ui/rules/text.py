"""Rules as the dialog shows them: one condition or action per line, plain text.

``subject contains urgent`` · ``header:x-priority matches ^\\s*1`` ·
``sender_domain in ["a.test", "b.test"]`` · ``set_priority urgent`` · ``stop``.
A value that reads as JSON (a list, a number, true/false) is taken as such; a
group of conditions is one line of JSON (``{"any": [...]}``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from supportdesk.services.rules.model import RuleError


def _value_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _value(text: str) -> Any:
    text = text.strip()
    if not text:
        return None
    if text[0] in '[{"' or text in ("true", "false", "null") or text.lstrip("-").isdigit():
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text


def conditions_text(conditions: Sequence[Mapping[str, Any]]) -> str:
    """One line per condition."""
    lines = []
    for c in conditions:
        if "any" in c or "all" in c:
            lines.append(json.dumps(dict(c), ensure_ascii=False))
            continue
        value = c.get("value")
        tail = "" if value is None else " " + _value_text(value)
        lines.append(f"{c.get('field')} {c.get('op')}{tail}")
    return "\n".join(lines)


def parse_conditions(text: str) -> list[dict[str, Any]]:
    """The conditions of the editor's lines.

    Raises:
        RuleError: a line is not ``field comparison [value]``.
    """
    out: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            try:
                group = json.loads(line)
            except ValueError as exc:
                raise RuleError(f"Line {number}: the group is not valid JSON.") from exc
            if not isinstance(group, dict):
                raise RuleError(f"Line {number}: a group must be an object.")
            out.append(group)
            continue
        parts = line.split(None, 2)
        if len(parts) < 2:
            raise RuleError(f"Line {number}: write a field, a comparison and a value.")
        out.append({"field": parts[0], "op": parts[1],
                    "value": _value(parts[2]) if len(parts) > 2 else None})
    return out


def actions_text(actions: Sequence[Mapping[str, Any]]) -> str:
    """One line per action."""
    lines = []
    for a in actions:
        value = a.get("value")
        lines.append(f"{a.get('type')}" + ("" if value is None else " " + _value_text(value)))
    return "\n".join(lines)


def parse_actions(text: str) -> list[dict[str, Any]]:
    """The actions of the editor's lines (``type [value]``)."""
    out: list[dict[str, Any]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        kind, _, rest = line.partition(" ")
        value = _value(rest)
        if kind == "assign" and value is None:
            value = ""
        out.append({"type": kind, "value": value})
    return out
