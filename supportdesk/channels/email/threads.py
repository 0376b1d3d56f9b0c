"""Decide which conversation an incoming message belongs to.

Pure: the store is reached only through a ``ThreadLookup``. Rules, first
match wins:

1. ``references`` / ``in_reply_to``: a Message-ID the message refers to is
   already stored; join that conversation. Nearest parent first (In-Reply-To,
   then References from the newest), so a rep's split or move is honoured.
2. ``ticket_tag``: the subject carries ``[SD-XXXXXXXX]`` of a known conversation.
3. ``references`` / ``in_reply_to`` again, when nothing referred to is stored
   yet: the conversation id is made from the thread's ROOT (first References
   id, else In-Reply-To). Every message of a thread names the same root, so
   the thread lands in one conversation whatever order its messages arrive in.
4. ``sender_subject``: an open conversation from the same sender with the
   same normalised subject and activity within ``window_days`` before this
   message (measured from the message's Date, not the clock, so replaying
   old mail gives the same answer). Only for messages that refer to nothing.
5. ``new``: a conversation keyed by the message's own Message-ID (it is the
   root of its thread, so later replies compute the same id by rule 3).

Order independence holds when References chains are complete (they carry
the root). A chain that lost its root, or rule 4, can depend on arrival
order; the rep then merges or moves, and the rule shown explains why.
The store must get-or-create conversations by id: rules 3 and 5 may name a
conversation another message already created.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, Protocol

from supportdesk.channels.email.headers import clean_line
from supportdesk.channels.email.ids import CROCKFORD, TICKET_TAG_PREFIX, conversation_id_for_root
from supportdesk.channels.email.parse import ParsedEmail

Rule = Literal["references", "in_reply_to", "ticket_tag", "sender_subject", "new"]

DEFAULT_WINDOW_DAYS = 14

_TAG = re.compile(r"\[\s*SD-([0-9A-Za-z]{8})\s*\]", re.IGNORECASE)
_PREFIX = re.compile(
    r"\s*(?:re|fw|fwd|aw|wg|sv|vs|vb|antw|antwort|doorst|tr|rif|r|enc|res|odp|pd|ynt|ilt|rv"
    r"|fs|ref|ответ|отв|пер|回复|回覆|答复|转发|轉寄|返信|転送)"
    r"\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\^\d{1,4})?\s*[:：]",
    re.IGNORECASE,
)
_CROCKFORD_FIX = str.maketrans({"I": "1", "L": "1", "O": "0"})
_MAX_PREFIXES = 100


@dataclass(frozen=True, slots=True)
class ThreadDecision:
    """Where a message goes and why."""

    conversation_id: str
    rule: Rule
    detail: str


class ThreadLookup(Protocol):
    """What threading needs from the store."""

    def conversation_for_message_ids(self, message_ids: Sequence[str]) -> tuple[str, str] | None:
        """Return ``(conversation id, matched id)`` for the first stored id, in the given order."""
        ...

    def conversation_for_ticket_tag(self, tag: str) -> str | None:
        """Return the conversation whose ticket tag is ``tag`` (``SD-XXXXXXXX``)."""
        ...

    def open_conversation_for_sender(
        self, sender: str, normalised_subject: str, since: datetime
    ) -> str | None:
        """Return an open conversation from ``sender`` with this subject, active since ``since``."""
        ...


def ticket_tag_in(subject: str) -> str | None:
    """Return the canonical ``SD-XXXXXXXX`` tag in a subject, or None.

    Reads Crockford base32 forgivingly (lower case; I and L as 1; O as 0).
    """
    for match in _TAG.finditer(subject):
        code = match.group(1).upper().translate(_CROCKFORD_FIX)
        if all(char in CROCKFORD for char in code):
            return TICKET_TAG_PREFIX + code
    return None


def strip_subject_prefixes(subject: str) -> str:
    """Remove ticket tags and reply/forward prefixes (Re:, Fwd:, AW:, SV:, RE[2]:, Ответ: ...)."""
    text = _TAG.sub(" ", clean_line(subject))
    for _ in range(_MAX_PREFIXES):
        match = _PREFIX.match(text)
        if match is None:
            break
        text = text[match.end() :]
    return clean_line(text)


def normalise_subject(subject: str) -> str:
    """Return the subject as compared for threading: no prefixes or tag, casefolded."""
    return strip_subject_prefixes(subject).casefold()


def thread_message(
    message: ParsedEmail, lookup: ThreadLookup, *, window_days: int = DEFAULT_WINDOW_DAYS
) -> ThreadDecision:
    """Choose the conversation for ``message`` (see the module docstring for the rules)."""
    own = message.message_id
    references = [r for r in message.references if r != own]
    parent = message.in_reply_to if message.in_reply_to != own else None
    nearest_first = list(dict.fromkeys([*([parent] if parent else []), *reversed(references)]))
    if nearest_first:
        found = lookup.conversation_for_message_ids(nearest_first)
        if found is not None:
            conversation_id, matched = found
            rule: Rule = "references" if matched in references else "in_reply_to"
            return ThreadDecision(conversation_id, rule, f"replies to <{matched}>, already here")
    tag = ticket_tag_in(message.subject)
    if tag is not None:
        conversation_id_tag = lookup.conversation_for_ticket_tag(tag)
        if conversation_id_tag is not None:
            return ThreadDecision(conversation_id_tag, "ticket_tag", f"subject carries [{tag}]")
    if references:
        root = references[0]
        return ThreadDecision(
            conversation_id_for_root(root),
            "references",
            f"thread started by <{root}>, which is not here yet",
        )
    if parent:
        return ThreadDecision(
            conversation_id_for_root(parent),
            "in_reply_to",
            f"replies to <{parent}>, which is not here yet",
        )
    subject = normalise_subject(message.subject)
    if subject and message.from_addr:
        since = message.date - timedelta(days=window_days)
        conversation_id_open = lookup.open_conversation_for_sender(
            message.from_addr, subject, since
        )
        if conversation_id_open is not None:
            return ThreadDecision(
                conversation_id_open,
                "sender_subject",
                f"same sender and subject as an open conversation (within {window_days} days)",
            )
    return ThreadDecision(conversation_id_for_root(own), "new", "starts a new conversation")
