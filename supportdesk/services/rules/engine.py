"""Evaluate rules against one message: pure, ordered, deterministic.

``evaluate`` reads only its arguments: the same facts and the same rules give
the same outcome on every device. Rules run in order (position, then id);
each sees the conversation as the rules before it left it, and ``stop``
ends the run. Time facts come from the message itself (its date), never from
the clock of the device that ingests it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from typing import Any

from supportdesk.models import Priority, Status
from supportdesk.services.rules.model import (
    ROUND_ROBIN,
    Effect,
    Fired,
    RuleSpec,
    header_name,
)

#: Text longer than this is cut before matching (a pasted log must not stall ingest).
MAX_MATCH_TEXT = 20_000

PRIORITY_WORDS = {"low": "Low", "normal": "Normal", "high": "High", "urgent": "Urgent"}
STATUS_WORDS = {"open": "Open", "pending": "Pending", "solved": "Solved"}


#: Letters that carry no combining mark to strip but are read as plain ones.
_PLAIN = str.maketrans({"ð": "d", "þ": "th", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d"})


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Case- and accent-folded text: ``Áríðandi`` and ``aridandi`` compare equal."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_PLAIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=512)
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@lru_cache(maxsize=512)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")


@dataclass(frozen=True)
class Facts:
    """What rules may look at: the message and its conversation, as plain values."""

    conversation_id: str
    message_id: str | None
    channel: str = "email"
    mailbox: str = ""
    recipients: tuple[str, ...] = ()
    sender: str = ""
    customer_id: str | None = None
    organization: str = ""
    contract_kinds: tuple[str, ...] = ()
    subject: str = ""
    body: str = ""
    #: (lower-case name, decoded value), in the order of the mail
    headers: tuple[tuple[str, str], ...] = ()
    language: str = ""
    is_auto: bool = False
    at: datetime | None = None
    business_hours: bool = True
    conversation_created_at: datetime | None = None
    status: str = Status.OPEN.value
    priority: str = Priority.NORMAL.value
    assignee: str | None = None
    tags: frozenset[str] = frozenset()
    #: agents a round-robin rule may pick, sorted by id
    agents: tuple[str, ...] = ()
    #: the agent each rule assigned last (for round robin)
    last_assigned: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class State:
    """The conversation as the rules so far left it."""

    priority: str
    status: str
    assignee: str | None
    tags: frozenset[str]


@dataclass
class Outcome:
    """What the rules did (or would do) to the conversation."""

    priority: str
    status: str
    assignee: str | None
    tags: tuple[str, ...]
    added_tags: tuple[str, ...] = ()
    removed_tags: tuple[str, ...] = ()
    page: bool = False
    escalate: str | None = None
    canned: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    fired: list[Fired] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The preview's JSON: the top-level keys, then the rules that fired."""
        return {
            "priority": self.priority, "tags": list(self.tags), "assignee": self.assignee,
            "status": self.status, "page": self.page, "escalate": self.escalate,
            "canned": list(self.canned), "skipped": list(self.skipped),
            "rules": [
                {"id": f.rule_id, "name": f.name,
                 "effects": [{"type": e.type, "value": e.value, "text": e.text}
                             for e in f.effects]}
                for f in self.fired
            ],
        }  # fmt: skip


def _as_list(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)]


def _values(facts: Facts, state: State, name: str) -> list[Any] | None:
    """The values a field has (a header may occur more than once); None: no such value."""
    header = header_name(name)
    if header:
        return [v for n, v in facts.headers if n == header] or None
    if name == "channel":
        return [facts.channel]
    if name == "mailbox":
        return [facts.mailbox] if facts.mailbox else None
    if name == "recipient":
        return list(facts.recipients) or None
    if name == "sender":
        return [facts.sender] if facts.sender else None
    if name == "sender_domain":
        return [facts.sender.rpartition("@")[2]] if "@" in facts.sender else None
    if name == "customer":
        return [facts.customer_id] if facts.customer_id else None
    if name == "organization":
        return [facts.organization] if facts.organization else None
    if name == "contract_kind":
        return list(facts.contract_kinds) or None
    if name == "subject":
        return [facts.subject[:MAX_MATCH_TEXT]]
    if name == "body":
        return [facts.body[:MAX_MATCH_TEXT]]
    if name == "text":
        return [facts.subject[:MAX_MATCH_TEXT], facts.body[:MAX_MATCH_TEXT]]
    if name == "language":
        return [facts.language] if facts.language else None
    if name == "business_hours":
        return [facts.business_hours]
    if name == "is_auto":
        return [facts.is_auto]
    if name == "age_minutes":
        if facts.at is None or facts.conversation_created_at is None:
            return None
        return [(facts.at - facts.conversation_created_at).total_seconds() / 60]
    if name == "status":
        return [state.status]
    if name == "priority":
        return [state.priority]
    if name == "assignee":
        return [state.assignee] if state.assignee else None
    if name == "tag":
        return sorted(state.tags) or None
    return None


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return fold(value.strip()) in ("true", "yes", "1", "inside", "on")
    return bool(value)


def _compare(op: str, have: Any, want: Any) -> bool:
    if isinstance(have, bool):
        if op in ("is", "in"):
            return have == _truthy(want)
        if op == "is_not":
            return have != _truthy(want)
        return False
    if isinstance(have, int | float):
        try:
            number = float(want)
        except (TypeError, ValueError):
            return False
        return {"gt": have > number, "lt": have < number, "is": have == number,
                "is_not": have != number}.get(op, False)  # fmt: skip
    text = fold(str(have))
    wants = [fold(w) for w in _as_list(want)]
    if op in ("is", "in"):
        return any(text == w.strip() for w in wants)
    if op == "is_not":
        return all(text != w.strip() for w in wants)
    if op == "contains":
        return any(w and w in text for w in wants)
    if op == "not_contains":
        return all(not w or w not in text for w in wants)
    if op == "has_word":
        return any(w and _word_pattern(w).search(text) for w in wants)
    if op == "matches":
        return _pattern(fold(str(want))).search(text) is not None
    return False


def condition_holds(cond: Mapping[str, Any], facts: Facts, state: State) -> bool:
    """Whether one condition (or group) holds."""
    if "any" in cond:
        return any(condition_holds(c, facts, state) for c in cond["any"])
    if "all" in cond:
        return all(condition_holds(c, facts, state) for c in cond["all"])
    op = str(cond.get("op"))
    values = _values(facts, state, str(cond.get("field")))
    if op == "exists":
        return values is not None
    if op == "missing":
        return values is None
    if values is None:
        return op in ("is_not", "not_contains")
    if op in ("is_not", "not_contains"):
        return all(_compare(op, v, cond.get("value")) for v in values)
    return any(_compare(op, v, cond.get("value")) for v in values)


def rule_matches(rule: RuleSpec, facts: Facts, state: State) -> bool:
    """Whether a rule's conditions hold (a rule with none always matches)."""
    if not rule.conditions:
        return True
    check = (condition_holds(c, facts, state) for c in rule.conditions)
    return any(check) if rule.match == "any" else all(check)


def _round_robin(rule_id: str, facts: Facts) -> str | None:
    agents = facts.agents
    if not agents:
        return None
    last = facts.last_assigned.get(rule_id)
    if last is None:
        return agents[0]
    later = [a for a in agents if a > last]
    return later[0] if later else agents[0]


def ordered(rules: Sequence[RuleSpec], trigger: str) -> list[RuleSpec]:
    """The enabled rules for a trigger, in the order they run."""
    return sorted(
        (r for r in rules if r.enabled and r.trigger in (trigger, "both")),
        key=RuleSpec.sort_key,
    )


def evaluate(
    rules: Sequence[RuleSpec], facts: Facts, *, trigger: str = "inbound",
    names: Mapping[str, str] | None = None,
) -> Outcome:
    """Run the rules over one message; returns what they do, changing nothing.

    Args:
        names: agent id -> name, for the words of each effect.
    """
    names = names or {}
    start = State(facts.priority, facts.status, facts.assignee, frozenset(facts.tags))
    state = start
    out = Outcome(start.priority, start.status, start.assignee, tuple(sorted(start.tags)))
    page = False
    escalate: str | None = None
    canned: list[str] = []
    skipped: list[str] = []
    for rule in ordered(rules, trigger):
        if not rule_matches(rule, facts, state):
            continue
        fired = Fired(rule.id, rule.name)
        stop = False
        for action in rule.actions:
            kind = str(action.get("type"))
            value = action.get("value")
            effect: Effect | None = None
            if kind == "set_priority" and value != state.priority:
                state = replace(state, priority=str(value))
                words = PRIORITY_WORDS.get(str(value), value)
                effect = Effect(kind, value, f"set priority {words}")
            elif kind == "set_status" and value != state.status:
                state = replace(state, status=str(value))
                effect = Effect(kind, value, f"set status {STATUS_WORDS.get(str(value), value)}")
            elif kind == "add_tag":
                tag = "-".join(str(value).strip().lower().split())[:80]
                if tag and tag not in state.tags:
                    state = replace(state, tags=state.tags | {tag})
                    effect = Effect(kind, tag, f"added tag {tag}")
            elif kind == "remove_tag":
                tag = "-".join(str(value).strip().lower().split())[:80]
                if tag in state.tags:
                    state = replace(state, tags=state.tags - {tag})
                    effect = Effect(kind, tag, f"removed tag {tag}")
            elif kind == "assign":
                who = _round_robin(rule.id, facts) if value == ROUND_ROBIN else (value or None)
                if who != state.assignee and (value != ROUND_ROBIN or who is not None):
                    state = replace(state, assignee=who)
                    words = names.get(who, who) if who else "nobody"
                    effect = Effect(kind, who, f"assigned to {words}" if who else "unassigned")
            elif kind == "snooze":
                skipped.append(f"{rule.name}: snooze is not available in this version")
                effect = Effect(kind, value, "could not snooze (snoozing is not available)")
            elif kind == "canned":
                canned.append(str(value))
                effect = Effect(kind, value, "sent a canned answer")
            elif kind == "escalate":
                escalate = str(value or rule.name)
                effect = Effect(kind, escalate, "escalated")
            elif kind == "page":
                page = True
                effect = Effect(kind, True, "paged the on-call person")
            elif kind == "stop":
                stop = True
                effect = Effect(kind, True, "stopped further rules")
            if effect is not None:
                fired.effects.append(effect)
        out.fired.append(fired)
        if stop:
            break
    out.priority, out.status, out.assignee = state.priority, state.status, state.assignee
    out.tags = tuple(sorted(state.tags))
    out.added_tags = tuple(sorted(state.tags - start.tags))
    out.removed_tags = tuple(sorted(start.tags - state.tags))
    out.page, out.escalate = page, escalate
    out.canned, out.skipped = tuple(canned), tuple(skipped)
    return out
