"""Two laptops, same mail, any order: identical conversations (through the real store ingest)."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from supportdesk.models import Conversation, Customer, Message
from supportdesk.services.mail.ingest import ingest_all
from supportdesk.store import Store
from tests.services.mail.helpers import mail

T0 = datetime(2024, 3, 1, 9, tzinfo=UTC)
SENDERS = ["Ann <ann@example.net>", "Bob <bob@example.org>", "Chen <chen@example.com>"]


@st.composite
def mailboxes(draw: st.DrawFn) -> list[bytes]:
    """Several threads with complete References chains; some roots never arrive."""
    messages: list[bytes] = []
    for t in range(draw(st.integers(1, 4))):
        size = draw(st.integers(1, 5))
        keep_root = draw(st.booleans()) or size == 1
        chain: list[str] = []
        at = T0 + timedelta(days=t, minutes=draw(st.integers(0, 600)))
        for n in range(size):
            mid = f"t{t}m{n}@example.net"
            sender = SENDERS[draw(st.integers(0, len(SENDERS) - 1))]
            raw = mail(
                ("Re: " if n else "") + f"Thread {t} question",
                sender=sender,
                message_id=mid,
                references=" ".join(f"<{c}>" for c in chain) or None,
                in_reply_to=f"<{chain[-1]}>" if chain else None,
                date=at,
                body=f"message {n} of thread {t}",
            )
            if n or keep_root:
                messages.append(raw)
            chain.append(mid)
            at += timedelta(minutes=draw(st.integers(1, 3000)))
    # A lone message from a sender who also wrote a thread, with another subject.
    messages.append(mail("Unrelated", sender=SENDERS[0], message_id="lone@example.net"))
    return messages


def snapshot(store: Store) -> dict[str, Any]:
    """Everything about conversations and mail that should not depend on arrival order."""
    with store.read() as session:
        convs = {
            c.id: (c.subject, c.customer_id, c.created_at, c.last_activity_at, c.message_count,
                   c.snippet, c.status, c.unread)
            for c in session.scalars(select(Conversation))
        }  # fmt: skip
        messages = {
            m.id: (m.conversation_id, m.author_customer_id, m.subject, m.created_at)
            for m in session.scalars(select(Message))
        }
        customers = {c.id: c.name for c in session.scalars(select(Customer))}
    return {"conversations": convs, "messages": messages, "customers": customers}


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    messages=mailboxes(),
    data=st.data(),
    batch_a=st.integers(1, 6),
    batch_b=st.integers(1, 6),
)
def test_any_order_on_two_profiles_gives_identical_conversations(
    messages: list[bytes], data: st.DataObject, batch_a: int, batch_b: int
) -> None:
    order_a = data.draw(st.permutations(messages), label="order on laptop A")
    order_b = data.draw(st.permutations(messages), label="order on laptop B")
    with tempfile.TemporaryDirectory() as a_dir, tempfile.TemporaryDirectory() as b_dir:
        laptop_a = Store.open(Path(a_dir))
        laptop_b = Store.open(Path(b_dir))
        try:
            ingest_all(laptop_a, order_a, batch_size=batch_a)
            ingest_all(laptop_b, order_b, batch_size=batch_b)
            a, b = snapshot(laptop_a), snapshot(laptop_b)
        finally:
            laptop_a.close()
            laptop_b.close()
    assert a == b
    assert len(a["messages"]) == len(messages)
    # Each thread is one conversation; the lone mail is its own.
    threads = {m[2].removeprefix("Re: ") for m in a["messages"].values()}
    assert len(a["conversations"]) == len(threads)
