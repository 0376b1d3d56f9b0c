"""Threading rules, subject normalisation and order independence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportdesk.channels.email.ids import conversation_id_for_root, ticket_tag_for
from supportdesk.channels.email.parse import ParsedEmail, parse_message
from supportdesk.channels.email.threads import (
    ThreadDecision,
    normalise_subject,
    strip_subject_prefixes,
    thread_message,
    ticket_tag_in,
)

T0 = datetime(2025, 7, 1, 9, tzinfo=UTC)


@dataclass
class FakeStore:
    """In-memory stand-in for the store's lookups; ingests what it threads."""

    conversation_of: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)
    open_threads: dict[str, tuple[str, str, datetime]] = field(default_factory=dict)

    def conversation_for_message_ids(self, message_ids: Sequence[str]) -> tuple[str, str] | None:
        for mid in message_ids:
            if mid in self.conversation_of:
                return self.conversation_of[mid], mid
        return None

    def conversation_for_ticket_tag(self, tag: str) -> str | None:
        return self.tags.get(tag)

    def open_conversation_for_sender(
        self, sender: str, normalised_subject: str, since: datetime
    ) -> str | None:
        for conversation, (who, subject, last) in self.open_threads.items():
            if who == sender and subject == normalised_subject and last >= since:
                return conversation
        return None

    def ingest(self, message: ParsedEmail) -> ThreadDecision:
        decision = thread_message(message, self)
        conversation = decision.conversation_id
        self.conversation_of[message.message_id] = conversation
        self.tags.setdefault(ticket_tag_for(conversation), conversation)
        who, subject, last = self.open_threads.get(
            conversation, (message.from_addr, normalise_subject(message.subject), message.date)
        )
        self.open_threads[conversation] = (who, subject, max(last, message.date))
        return decision


def mail(
    mid: str,
    *,
    subject: str = "Printer",
    sender: str = "ann@example.com",
    refs: Sequence[str] = (),
    reply_to: str | None = None,
    date: datetime = T0,
) -> bytes:
    lines = [
        f"From: {sender}",
        f"Subject: {subject}",
        f"Message-ID: <{mid}>",
        f"Date: {date:%a, %d %b %Y %H:%M:%S +0000}",
    ]
    if refs:
        lines.append("References: " + " ".join(f"<{r}>" for r in refs))
    if reply_to:
        lines.append(f"In-Reply-To: <{reply_to}>")
    return ("\r\n".join(lines) + "\r\n\r\nbody\r\n").encode()


@pytest.mark.parametrize(
    ("subject", "tag"),
    [
        ("Re: Printer [SD-7K3M9Q2X]", "SD-7K3M9Q2X"),
        ("[sd-7k3m9q2x] lower case", "SD-7K3M9Q2X"),
        ("[SD-OIL00000] O and I/L read as 0 and 1", "SD-01100000"),
        ("[SD-UUUUUUUU] U is not Crockford", None),
        ("[SD-1234567] too short", None),
        ("SD-7K3M9Q2X without brackets", None),
        ("no tag", None),
    ],
)
def test_ticket_tag_in(subject: str, tag: str | None) -> None:
    assert ticket_tag_in(subject) == tag


@pytest.mark.parametrize(
    ("subject", "normal"),
    [
        ("Re: Printer broken", "printer broken"),
        ("RE: AW: Fwd: Printer   broken", "printer broken"),
        ("Re[2]: Printer broken", "printer broken"),
        ("RE(3): Re^2: Printer broken", "printer broken"),
        ("SV: Vs: VS: printer broken", "printer broken"),
        ("Ответ: Printer broken", "printer broken"),
        ("回复：Printer broken", "printer broken"),
        ("Re: Printer broken [SD-7K3M9Q2X]", "printer broken"),
        ("[SD-7K3M9Q2X] Re: Printer broken", "printer broken"),
        ("Regarding: the re: in the middle", "regarding: the re: in the middle"),
        ("Re:", ""),
    ],
)
def test_normalise_subject(subject: str, normal: str) -> None:
    assert normalise_subject(subject) == normal


def test_strip_subject_prefixes_keeps_case() -> None:
    assert strip_subject_prefixes("AW: Re: Drucker KAPUTT [SD-7K3M9Q2X]") == "Drucker KAPUTT"


def test_rules_in_order() -> None:
    store = FakeStore()
    root = store.ingest(parse_message(mail("a@x")))
    assert root == ThreadDecision(
        conversation_id_for_root("a@x"), "new", "starts a new conversation"
    )

    reply = store.ingest(parse_message(mail("b@x", reply_to="a@x")))  # no References
    assert (reply.conversation_id, reply.rule) == (root.conversation_id, "in_reply_to")

    deep = store.ingest(parse_message(mail("c@x", refs=["a@x", "b@x"])))
    assert (deep.conversation_id, deep.rule) == (root.conversation_id, "references")
    assert "b@x" in deep.detail

    tag = ticket_tag_for(root.conversation_id)
    tagged = store.ingest(parse_message(mail("d@x", subject=f"Re: Printer [{tag}]", sender="z@y")))
    assert (tagged.conversation_id, tagged.rule) == (root.conversation_id, "ticket_tag")

    orphan = store.ingest(parse_message(mail("e@x", refs=["gone@x", "mid@x"], subject="Other")))
    assert orphan.conversation_id == conversation_id_for_root("gone@x")
    assert orphan.rule == "references"

    same = store.ingest(
        parse_message(mail("f@x", subject="Re: printer", date=T0 + timedelta(days=3)))
    )
    assert (same.conversation_id, same.rule) == (root.conversation_id, "sender_subject")

    late = store.ingest(parse_message(mail("g@x", subject="printer", date=T0 + timedelta(days=40))))
    assert late.rule == "new"


def test_a_message_never_threads_onto_itself() -> None:
    store = FakeStore()
    message = parse_message(mail("a@x", refs=["a@x"], reply_to="a@x"))
    assert store.ingest(message).rule == "new"


def test_sender_subject_is_not_used_when_the_message_refers_to_something() -> None:
    store = FakeStore()
    store.ingest(parse_message(mail("a@x")))
    decision = store.ingest(parse_message(mail("b@x", refs=["unknown@x"])))
    assert decision.conversation_id == conversation_id_for_root("unknown@x")


@st.composite
def thread_sets(draw: st.DrawFn) -> list[tuple[int, ParsedEmail]]:
    """Several threads; each reply's References is its parent's chain plus the parent."""
    messages: list[tuple[int, ParsedEmail]] = []
    for thread in range(draw(st.integers(1, 5))):
        chains: list[list[str]] = []
        sender = draw(st.sampled_from(["ann@example.com", "bob@example.com"]))
        for index in range(draw(st.integers(1, 6))):
            mid = f"t{thread}.m{index}@Example.com"
            if index == 0:
                refs: list[str] = []
                parent = None
            else:
                parent_index = draw(st.integers(0, index - 1))
                refs = [*chains[parent_index], f"t{thread}.m{parent_index}@Example.com"]
                parent = refs[-1]
                if len(refs) > 2 and draw(st.booleans()):
                    refs = [refs[0], *refs[-1:]]  # a client that trims, keeping the root
            chains.append(refs)
            prefix = "Re: " if index else ""
            tag = ticket_tag_for(conversation_id_for_root(f"t{thread}.m0@example.com"))
            subject = f"{prefix}Problem {thread}" + (f" [{tag}]" if draw(st.booleans()) else "")
            raw = mail(
                mid,
                subject=subject,
                sender=sender if index % 2 == 0 else "support@desk.example",
                refs=refs,
                reply_to=parent if draw(st.booleans()) else None,
                date=T0 + timedelta(hours=draw(st.integers(0, 500))),
            )
            messages.append((thread, parse_message(raw)))
    return messages


@settings(
    database=None, max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(messages=thread_sets(), data=st.data())
def test_threading_is_order_independent(
    messages: list[tuple[int, ParsedEmail]], data: st.DataObject
) -> None:
    outcomes = []
    for _ in range(2):
        order = data.draw(st.permutations(messages))
        store = FakeStore()
        for _, message in order:
            store.ingest(message)
        outcomes.append(store.conversation_of)
    first, second = outcomes
    assert first == second  # same ids, hence the same partition
    by_thread: dict[int, set[str]] = {}
    for thread, message in messages:
        by_thread.setdefault(thread, set()).add(first[message.message_id])
    assert all(len(ids) == 1 for ids in by_thread.values())
    assert len({next(iter(ids)) for ids in by_thread.values()}) == len(by_thread)
    for thread, ids in by_thread.items():
        assert ids == {conversation_id_for_root(f"t{thread}.m0@example.com")}


def test_parsed_email_is_frozen() -> None:
    message = parse_message(mail("a@x"))
    assert replace(message, subject="x").subject == "x"
    with pytest.raises(AttributeError):
        message.subject = "y"  # type: ignore[misc]
