"""The demo workspace: deterministic, realistic, spread over twelve weeks."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from supportdesk.models import Conversation, Message
from supportdesk.services import demo
from supportdesk.store import Store
from tests.conftest import DEMO_NOW


def _fingerprint(store: Store) -> list[tuple[str, str, str, str]]:
    with store.read() as s:
        return [
            (m.id, m.conversation_id, m.author_name, m.body_text)
            for m in s.scalars(select(Message).order_by(Message.id))
        ]


def test_same_seed_same_workspace(tmp_path: Path) -> None:
    a, b, c = (Store.open(tmp_path / n) for n in "abc")
    try:
        demo.generate(a, 50, seed=3, now=DEMO_NOW)
        demo.generate(b, 50, seed=3, now=DEMO_NOW)
        demo.generate(c, 50, seed=4, now=DEMO_NOW)
        assert _fingerprint(a) == _fingerprint(b)
        assert _fingerprint(a) != _fingerprint(c)
    finally:
        for s in (a, b, c):
            s.close()


def test_realistic_mix(demo_store: Store) -> None:
    with demo_store.read() as s:
        channels = set(s.scalars(select(Conversation.channel)))
        statuses = set(s.scalars(select(Conversation.status)))
        bodies = " ".join(s.scalars(select(Message.body_text)))
        kinds = set(s.scalars(select(Message.kind)))
        first = s.scalar(select(func.min(Conversation.created_at)))
        this_week = s.scalar(
            select(func.count()).select_from(Conversation).where(
                Conversation.created_at >= DEMO_NOW - timedelta(days=7)
            )
        )
        last_week = s.scalar(
            select(func.count()).select_from(Conversation).where(
                Conversation.created_at >= DEMO_NOW - timedelta(days=14),
                Conversation.created_at < DEMO_NOW - timedelta(days=7),
            )
        )
        latest = s.scalar(select(func.max(Message.created_at)))
    assert channels == {"email", "chat", "phone"}
    assert statuses == {"open", "pending", "solved"}
    assert {"email_in", "email_out", "chat", "call", "note"} <= kinds
    assert any("\u0400" <= ch <= "\u04ff" for ch in bodies)  # Cyrillic
    assert any(ch in "þðæ" for ch in bodies.lower())  # Icelandic letters
    assert first is not None and first >= DEMO_NOW - timedelta(weeks=12)
    assert this_week and last_week and this_week >= 5 and last_week >= 5
    assert latest is not None and latest <= DEMO_NOW
