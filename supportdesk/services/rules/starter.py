"""The starter rules every workspace has until someone edits or removes them.

They are built in, with fixed ids, rather than rows written on first start:
two new devices would otherwise each write their own copy. A rep who edits
(or switches off, or removes) one writes a ``rules`` row with the same id,
which then wins everywhere.
"""

from __future__ import annotations

from supportdesk.models import derived_id
from supportdesk.services.rules.model import RuleSpec

LISTS_RULE_ID = derived_id("starter_rule", "lists_and_auto_replies")
URGENT_RULE_ID = derived_id("starter_rule", "urgent_mail")

#: Urgent words in English, Russian and Icelandic (matched folded, as whole words).
URGENT_WORDS = (
    "urgent", "urgently", "asap", "emergency", "site down", "outage",
    "срочно", "срочный", "срочная", "срочное", "авария", "не работает",
    "áríðandi", "bráðliggjandi", "neyðartilvik", "strax", "liggur niðri",
)  # fmt: skip

LISTS_AND_AUTO_REPLIES = RuleSpec(
    id=LISTS_RULE_ID,
    name="Mailing lists and auto-replies",
    position=10,
    match="any",
    conditions=(
        {"field": "header:list-id", "op": "exists", "value": None},
        {"field": "is_auto", "op": "is", "value": True},
    ),
    actions=(
        {"type": "add_tag", "value": "no-sla"},
        {"type": "add_tag", "value": "no-ack"},
        {"type": "stop", "value": None},
    ),
    builtin=True,
)

URGENT_MAIL = RuleSpec(
    id=URGENT_RULE_ID,
    name="Urgent mail",
    position=20,
    match="any",
    conditions=(
        {"field": "subject", "op": "has_word", "value": list(URGENT_WORDS)},
        {"field": "header:x-priority", "op": "matches", "value": r"^\s*1\b"},
        {"field": "header:importance", "op": "is", "value": "high"},
        {"field": "header:priority", "op": "is", "value": "urgent"},
    ),
    actions=({"type": "set_priority", "value": "urgent"},),
    builtin=True,
)

STARTER_RULES: tuple[RuleSpec, ...] = (LISTS_AND_AUTO_REPLIES, URGENT_MAIL)
