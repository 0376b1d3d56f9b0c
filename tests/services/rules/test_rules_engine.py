"""The rules engine on plain facts: each condition, each action, order and determinism."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportdesk.services.rules.engine import Facts, evaluate, fold
from supportdesk.services.rules.model import RuleError, RuleSpec, check_rule
from supportdesk.services.rules.starter import STARTER_RULES

AT = datetime(2026, 12, 8, 3, 0, tzinfo=UTC)


def rule(rid: str, conds: list[dict[str, Any]], actions: list[dict[str, Any]], pos: int = 10,
         match: str = "all", trigger: str = "inbound") -> RuleSpec:
    return RuleSpec(rid, f"Rule {rid}", pos, tuple(conds), tuple(actions), match, trigger)


def facts(**kw: Any) -> Facts:
    base: dict[str, Any] = dict(
        conversation_id="c1", message_id="m1", mailbox="support@acme.test",
        recipients=("support@acme.test", "sales@acme.test"), sender="Olga@Example.RU",
        customer_id="cust1", organization="Example Ltd", contract_kinds=("prepaid_hours",),
        subject="Сайт не работает", body="Síðan liggur niðri, please help",
        headers=(("x-priority", "1 (Highest)"), ("importance", "High"),
                 ("list-id", "<users.lists.example>")),
        language="ru", is_auto=False, at=AT, business_hours=False,
        conversation_created_at=AT - timedelta(hours=5),
    )
    base.update(kw)
    return Facts(**base)


URGENT = {"type": "set_priority", "value": "urgent"}


@pytest.mark.parametrize(("cond", "holds"), [
    ({"field": "channel", "op": "is", "value": "email"}, True),
    ({"field": "channel", "op": "is", "value": "chat"}, False),
    ({"field": "mailbox", "op": "is", "value": "SUPPORT@acme.test"}, True),
    ({"field": "recipient", "op": "is", "value": "sales@acme.test"}, True),
    ({"field": "recipient", "op": "is", "value": "billing@acme.test"}, False),
    ({"field": "sender", "op": "is", "value": "olga@example.ru"}, True),
    ({"field": "sender_domain", "op": "is", "value": "example.ru"}, True),
    ({"field": "sender_domain", "op": "in", "value": ["a.test", "b.test"]}, False),
    ({"field": "customer", "op": "is", "value": "cust1"}, True),
    ({"field": "organization", "op": "contains", "value": "example"}, True),
    ({"field": "contract_kind", "op": "is", "value": "prepaid_hours"}, True),
    ({"field": "contract_kind", "op": "is", "value": "per_incident"}, False),
    ({"field": "subject", "op": "contains", "value": "САЙТ"}, True),
    ({"field": "subject", "op": "not_contains", "value": "сайт"}, False),
    ({"field": "body", "op": "has_word", "value": ["liggur nidri"]}, True),  # accent-folded
    ({"field": "body", "op": "has_word", "value": "pleas"}, False),  # whole words only
    ({"field": "text", "op": "matches", "value": r"не\s+работает"}, True),
    ({"field": "header:x-priority", "op": "matches", "value": r"^\s*1\b"}, True),
    ({"field": "header:importance", "op": "is", "value": "high"}, True),
    ({"field": "header:list-id", "op": "exists", "value": None}, True),
    ({"field": "header:precedence", "op": "missing", "value": None}, True),
    ({"field": "language", "op": "is", "value": "ru"}, True),
    ({"field": "business_hours", "op": "is", "value": False}, True),
    ({"field": "business_hours", "op": "is", "value": "inside"}, False),
    ({"field": "is_auto", "op": "is", "value": True}, False),
    ({"field": "age_minutes", "op": "gt", "value": 240}, True),
    ({"field": "age_minutes", "op": "lt", "value": 240}, False),
    ({"field": "status", "op": "is", "value": "open"}, True),
    ({"field": "priority", "op": "is", "value": "normal"}, True),
    ({"field": "assignee", "op": "missing", "value": None}, True),
    ({"field": "tag", "op": "is", "value": "vip"}, False),
])
def test_each_condition(cond: dict[str, Any], holds: bool) -> None:
    out = evaluate([rule("r", [cond], [URGENT])], facts())
    assert (out.priority == "urgent") is holds
    assert bool(out.fired) is holds


def test_fold_removes_case_and_accents() -> None:
    assert fold("ÁRÍÐANDI Ünïcode") == fold("aríðandi unicode")
    assert fold("Срочно") == "срочно"


def test_each_action_and_its_words() -> None:
    out = evaluate([
        rule("a", [], [URGENT, {"type": "add_tag", "value": "Site Down"},
                       {"type": "remove_tag", "value": "old"},
                       {"type": "set_status", "value": "pending"},
                       {"type": "assign", "value": "agent-b"},
                       {"type": "snooze", "value": 60},
                       {"type": "canned", "value": "canned-1"},
                       {"type": "escalate", "value": "Tier 2"},
                       {"type": "page", "value": None}]),
    ], facts(tags=frozenset({"old"})), names={"agent-b": "Bob"})
    assert out.priority == "urgent" and out.status == "pending"
    assert out.tags == ("site-down",) and out.added_tags == ("site-down",)
    assert out.removed_tags == ("old",)
    assert out.assignee == "agent-b" and out.page and out.escalate == "Tier 2"
    assert out.canned == ("canned-1",)
    assert out.skipped and "snooze" in out.skipped[0]
    words = [e.text for e in out.fired[0].effects]
    assert words[0] == "set priority Urgent"
    assert "assigned to Bob" in words and "paged the on-call person" in words
    unassigned = evaluate([rule("u", [], [{"type": "assign", "value": ""}])],
                          facts(assignee="agent-b"))
    assert unassigned.assignee is None and unassigned.fired[0].effects[0].text == "unassigned"


def test_round_robin_takes_the_next_agent_after_the_last_one() -> None:
    r = rule("rr", [], [{"type": "assign", "value": "round_robin"}])
    agents = ("a1", "a2", "a3")
    assert evaluate([r], facts(agents=agents)).assignee == "a1"
    assert evaluate([r], facts(agents=agents, last_assigned={"rr": "a1"})).assignee == "a2"
    assert evaluate([r], facts(agents=agents, last_assigned={"rr": "a3"})).assignee == "a1"
    assert evaluate([r], facts(agents=())).assignee is None


def test_stop_ends_the_run_and_later_rules_see_earlier_changes() -> None:
    first = rule("1", [], [URGENT], pos=1)
    sees = rule("2", [{"field": "priority", "op": "is", "value": "urgent"}],
                [{"type": "add_tag", "value": "seen"}], pos=2)
    assert evaluate([sees, first], facts()).tags == ("seen",)
    stopper = rule("0", [], [{"type": "stop", "value": None}], pos=0)
    out = evaluate([sees, first, stopper], facts())
    assert [f.rule_id for f in out.fired] == ["0"] and out.priority == "normal"


def test_switched_off_and_schedule_rules_do_not_run_on_inbound() -> None:
    off = RuleSpec("off", "off", 1, (), (URGENT,), enabled=False)
    sched = rule("s", [], [URGENT], trigger="schedule")
    assert not evaluate([off, sched], facts()).fired
    assert evaluate([off, sched], facts(), trigger="schedule").priority == "urgent"


def test_check_rule_refuses_what_cannot_run() -> None:
    with pytest.raises(RuleError, match="pattern"):
        check_rule("x", [{"field": "subject", "op": "matches", "value": "("}], [URGENT])
    with pytest.raises(RuleError, match="Unknown condition field"):
        check_rule("x", [{"field": "nope", "op": "is", "value": 1}], [URGENT])
    with pytest.raises(RuleError, match="priority"):
        check_rule("x", [], [{"type": "set_priority", "value": "huge"}])
    with pytest.raises(RuleError, match="action"):
        check_rule("x", [], [])
    for starter in STARTER_RULES:
        check_rule(starter.name, starter.conditions, starter.actions, starter.match)


# -- property: deterministic and order-respecting ----------------------------------------

CONDS = st.sampled_from([
    {"field": "subject", "op": "contains", "value": "urgent"},
    {"field": "priority", "op": "is", "value": "urgent"},
    {"field": "tag", "op": "is", "value": "t1"},
    {"field": "status", "op": "is", "value": "pending"},
    {"field": "header:x-priority", "op": "exists", "value": None},
    {"field": "business_hours", "op": "is", "value": True},
])
ACTS = st.sampled_from([
    URGENT, {"type": "set_priority", "value": "low"}, {"type": "add_tag", "value": "t1"},
    {"type": "remove_tag", "value": "t1"}, {"type": "set_status", "value": "pending"},
    {"type": "assign", "value": "round_robin"}, {"type": "stop", "value": None},
])
RULES = st.lists(
    st.builds(lambda i, pos, c, a, m: rule(f"r{i}", c, a, pos=pos, match=m),
              st.integers(0, 10**6), st.integers(0, 5), st.lists(CONDS, max_size=3),
              st.lists(ACTS, min_size=1, max_size=3), st.sampled_from(["all", "any"])),
    max_size=6, unique_by=lambda r: r.id,
)
FACTS = st.builds(
    lambda subj, xp, hours, tags: facts(subject=subj, headers=(("x-priority", "1"),) if xp
                                        else (), business_hours=hours, tags=frozenset(tags),
                                        agents=("a1", "a2")),
    st.sampled_from(["Urgent: down", "hello", "URGENT"]), st.booleans(), st.booleans(),
    st.sets(st.sampled_from(["t1", "t2"])),
)


def _replay(rules: list[RuleSpec], f: Facts) -> tuple[str, str, tuple[str, ...], list[str]]:
    """A straightforward reference: rules by (position, id), each seeing the last's state."""
    prio, status, tags, fired = f.priority, f.status, set(f.tags), []
    for r in sorted(rules, key=lambda r: (r.position, r.id)):
        from supportdesk.services.rules.engine import State, rule_matches

        if not rule_matches(r, f, State(prio, status, None, frozenset(tags))):
            continue
        fired.append(r.id)
        stop = False
        for a in r.actions:
            t, v = a["type"], a["value"]
            if t == "set_priority":
                prio = v
            elif t == "set_status":
                status = v
            elif t == "add_tag":
                tags.add(v)
            elif t == "remove_tag":
                tags.discard(v)
            elif t == "stop":
                stop = True
        if stop:
            break
    return prio, status, tuple(sorted(tags)), fired


@settings(max_examples=300, deadline=None)
@given(RULES, FACTS, st.randoms(use_true_random=False))
def test_evaluation_is_deterministic_and_follows_the_order(
    rules: list[RuleSpec], f: Facts, rnd: Any
) -> None:
    out = evaluate(rules, f)
    shuffled = list(rules)
    rnd.shuffle(shuffled)
    again = evaluate(shuffled, f)  # the order of the list given does not matter
    assert out.to_json() == again.to_json()
    prio, status, tags, fired = _replay(rules, f)
    assert (out.priority, out.status, out.tags) == (prio, status, tags)
    assert [x.rule_id for x in out.fired] == fired
