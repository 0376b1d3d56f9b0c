"""Erasing a customer: gone from every table, search index and blob folder on both
synced devices, while the weekly report counts what it counted before."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from supportdesk.models import (
    Agent,
    Attachment,
    Channel,
    Customer,
    Identity,
    IdentityKind,
    Message,
    MessageKind,
)
from supportdesk.models.erasure import Erasure
from supportdesk.reports import metrics
from supportdesk.services import actions, erase
from supportdesk.services.search import search
from supportdesk.store import Store, UnitOfWork
from supportdesk.store.engine import database_path
from supportdesk.sync.client import SyncClient

MARKER = "Qzvmarkerxyzzy"
WEEK = "2026-W47"
MONDAY = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)


def _seed(store: Store) -> str:
    def run(uow: UnitOfWork) -> str:
        agent = uow.add(Agent(name="Alice Agent", email="alice@team.example"))
        cust = uow.add(Customer(name=f"Gudrun {MARKER}", organization=f"{MARKER} ehf",
                                notes=f"likes {MARKER}"))
        for kind, value in ((IdentityKind.EMAIL, f"{MARKER.lower()}@example.com"),
                            (IdentityKind.PHONE, "+3545550199")):
            uow.add(Identity(customer_id=cust.id, kind=kind, value=value,
                             display=f"{value} ({MARKER})", search_key=value.lower()))
        other = uow.add(Customer(name="Somebody Else"))
        for n, (who, channel) in enumerate(((cust.id, Channel.EMAIL), (cust.id, Channel.CHAT),
                                            (other.id, Channel.EMAIL))):
            mark = MARKER if who == cust.id else "someone"
            at = MONDAY + timedelta(days=n, hours=n)
            conv = actions.create_conversation(uow, channel=channel, customer_id=who,
                                               subject=f"Printer {mark} {n}", created_at=at)
            inbound = uow.add(Message(
                conversation_id=conv.id, kind=MessageKind.EMAIL_IN, created_at=at,
                author_customer_id=who, author_name=f"Gudrun {mark}",
                subject=f"Printer {mark}", body_text=f"My printer {mark} is on fire {n}",
                meta={"from": f"{mark.lower()}@example.com"},
                raw_sha256=uow_blobs.put(f"From: {mark}\n\nraw {n}".encode())))
            actions.touch(uow, conv, inbound)
            data = f"attachment bytes {mark} {n}".encode() * 50
            uow.add(Attachment(message_id=inbound.id, filename=f"{mark}.txt",
                               mime_type="text/plain", size=len(data),
                               sha256=uow_blobs.put(data)))
            reply = uow.add(Message(
                conversation_id=conv.id, kind=MessageKind.EMAIL_OUT,
                created_at=at + timedelta(hours=2), author_agent_id=agent.id,
                author_name="Alice Agent", body_text=f"Dear {mark}, try turning it off"))
            actions.touch(uow, conv, reply)
        return str(cust.id)

    uow_blobs = store.blobs
    return store.write(run)


def _files_with_marker(store: Store) -> list[str]:
    needles = [MARKER.encode(), MARKER.lower().encode(), MARKER.upper().encode()]
    found: list[str] = []
    db = database_path(store.profile)
    for path in [db, db.with_name(db.name + "-wal"), *sorted(
            p for p in (store.profile / "blobs").rglob("*") if p.is_file())]:
        if path.exists():
            data = path.read_bytes()
            if any(n in data for n in needles):
                found.append(str(path.relative_to(store.profile)))
    return found


def _counts(store: Store) -> tuple[object, ...]:
    with store.read() as session:
        s = metrics.weekly_summary(session, WEEK, now=MONDAY + timedelta(days=10))
        messages = session.scalar(select(func.count()).select_from(Message))
    return (s.opened, s.solved, s.reopened, s.first_response, s.resolution,
            [(b.key, b.first_response, b.resolution) for b in s.by_channel],
            s.heatmap, [(t.opened, t.solved) for t in s.trend], messages,
            sorted((b.key, b.first_response, b.resolution) for b in s.by_customer))


def test_an_erasure_reaches_every_device_and_leaves_counts(
    make_client: Callable[..., SyncClient], server: TestClient, tmp_path: Path,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    unwatch = [erase.watch(a.store), erase.watch(b.store)]
    customer = _seed(a.store)
    a.sync()
    b.sync()
    b.sync()  # files arrive after the rows
    for store in (a.store, b.store):
        assert _files_with_marker(store), "the marker is there before the erasure"
    before = [_counts(a.store), _counts(b.store)]
    assert before[0] == before[1]

    result = a.store.write(lambda uow: erase.erase_customer(uow, customer))
    assert (result.conversations, result.messages, result.attachments) == (2, 4, 2)
    a.sync()
    b.sync()
    for store in (a.store, b.store):
        assert _files_with_marker(store) == []
        with store.read() as session:
            assert search(session, MARKER) == []
            assert session.scalar(select(func.count()).select_from(Identity)
                                  .where(Identity.customer_id == customer)) == 0
            record = session.scalars(select(Erasure)).one()
            assert record.agent_id == a.store.agent_id
            assert (record.conversations, record.messages) == (2, 4)
            # the other customer's attachment and raw original are untouched
            other = session.scalars(select(Attachment)).one()
            assert store.blobs.has(other.sha256)
            assert hashlib.sha256(store.blobs.get(other.sha256)).hexdigest() == other.sha256
        assert erase.pending(store) == []
    after = [_counts(a.store), _counts(b.store)]
    assert after == before
    # the server dropped its copies of the removed files (and kept the other customer's)
    from supportdesk.server import db as server_db

    with server.app.state.engine.connect() as conn:  # type: ignore[attr-defined]
        kept = set(conn.scalars(select(server_db.blobs.c.sha256)))
    with a.store.read() as session:
        record = session.scalars(select(Erasure)).one()
        other = session.scalars(select(Attachment)).one()
    assert record.removed["blobs"] and not kept & set(record.removed["blobs"])
    assert other.sha256 in kept
    for u in unwatch:
        u()
