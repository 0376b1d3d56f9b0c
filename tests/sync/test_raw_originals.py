"""Raw originals of mail travel by content hash, like attachments, and are checked on arrival."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, select, update

from supportdesk.channels.email.parse import parse_message
from supportdesk.models import Message, Meta, SyncBlobQueue
from supportdesk.server import db
from supportdesk.services.mail.ingest import ingest_raw
from supportdesk.services.mail.outgoing import parsed_original
from supportdesk.services.mail.view import mail_original, mail_views
from supportdesk.store import Store
from supportdesk.sync import blobs
from supportdesk.sync.client import (
    ORIGINALS_RECORDED,
    RequestsTransport,
    SyncClient,
)
from tests.server.services import LiveServer
from tests.services.mail.helpers import mail
from tests.sync.harness import PASSWORD, drop_uploads

RAW = mail(
    "Prentarinn festist í bakka 2",
    sender="Þórunn Gísladóttir <thorunn@example.is>",
    message_id="jam-1@example.is",
    references="<older@example.is>",
    body="Góðan dag,\r\nthe printer jams on tray 2 again.\r\n-- \r\nÞórunn",
)
RAW_SHA = hashlib.sha256(RAW).hexdigest()


def ingest(client: SyncClient, raw: bytes = RAW) -> str:
    """Store a mail on this device as the IMAP fetch would; returns its row id."""
    return ingest_raw(client.store, raw).row_id


def original_state(store: Store, row_id: str) -> tuple[bool, bool]:
    """(raw_available, raw_waiting) of a mail as the conversation view gets it."""
    with store.read() as session:
        view = mail_views(session, store.blobs, [row_id])[row_id]
    return view.raw_available, view.raw_waiting


def test_the_original_reaches_the_other_laptop_byte_for_byte(
    make_client: Callable[..., SyncClient],
) -> None:
    a, b = make_client("alice"), make_client("bob")
    row_id = ingest(a)
    sent = a.sync()
    assert (sent.blobs_uploaded, sent.blobs_waiting, sent.blob_problems) == (1, 0, [])
    got = b.sync()
    assert (got.blobs_downloaded, got.blobs_waiting, got.blob_problems) == (1, 0, [])
    assert b.store.blobs.get(RAW_SHA) == RAW
    assert original_state(b.store, row_id) == (True, False)
    with b.store.read() as session:
        msg = session.scalar(select(Message).where(Message.id == row_id))
        assert msg is not None and msg.raw_sha256 == RAW_SHA
        # Replies and re-parsing on bob's laptop read the real headers, not a rebuild.
        assert parsed_original(session, b.store.blobs, msg) == parse_message(
            RAW, fallback_date=msg.created_at)
        found = mail_original(session, b.store.blobs, row_id)
    assert found is not None and found.path is not None and found.path.read_bytes() == RAW
    assert found.filename == "Prentarinn festist í bakka 2.eml"
    # Nothing is left to move: the next syncs are one request each.
    for client in (a, b):
        assert client.sync().requests == 1


def test_an_original_waits_while_its_author_has_not_uploaded_it(
    make_client: Callable[..., SyncClient],
) -> None:
    a, b = make_client("alice"), make_client("bob")
    row_id = ingest(a)
    real = drop_uploads(a)
    first = a.sync()
    assert first.pushed > 0 and first.blobs_uploaded == 0 and first.blobs_waiting == 1
    got = b.sync()  # the mail arrives; its original is not on the server yet
    assert got.blobs_downloaded == 0 and got.blobs_waiting == 1 and got.blob_problems == []
    assert original_state(b.store, row_id) == (False, True)
    with b.store.read() as session:
        found = mail_original(session, b.store.blobs, row_id)
    assert found is not None and found.path is None
    a.transport.request = real  # type: ignore[method-assign]
    assert a.sync().blobs_uploaded == 1
    later = b.sync()
    assert (later.blobs_downloaded, later.blobs_waiting) == (1, 0)
    assert b.store.blobs.get(RAW_SHA) == RAW
    assert original_state(b.store, row_id) == (True, False)


def test_a_damaged_original_is_refused_and_counted(
    make_client: Callable[..., SyncClient], server: TestClient,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    ingest(a)
    a.sync()
    engine = server.app.state.engine  # type: ignore[attr-defined]
    with engine.begin() as conn:  # the server's copy is altered
        conn.execute(update(db.blobs).where(db.blobs.c.sha256 == RAW_SHA)
                     .values(data=RAW.replace(b"tray 2", b"tray 3")))
    got = b.sync()
    assert got.snapshot_rows > 0 and got.blobs_downloaded == 0 and got.blobs_waiting == 1
    assert len(got.blob_problems) == 1 and "damaged" in got.blob_problems[0]
    assert not b.store.blobs.has(RAW_SHA)
    with b.store.read() as session:
        row = session.get(SyncBlobQueue, ("download", RAW_SHA))
        assert row is not None and row.attempts == 1 and "damaged" in (row.last_error or "")
    with engine.begin() as conn:  # repaired: the next sync fetches it
        conn.execute(update(db.blobs).where(db.blobs.c.sha256 == RAW_SHA).values(data=RAW))
    assert b.sync().blobs_downloaded == 1
    assert b.store.blobs.get(RAW_SHA) == RAW
    assert blobs.count(b.store, blobs.TO_DOWNLOAD) == 0


def test_originals_of_mail_synced_before_they_travelled_are_uploaded_once(
    make_client: Callable[..., SyncClient], server: TestClient,
) -> None:
    a = make_client("alice")
    ingest(a)
    a.sync()
    # As an older version left it: the row synced, its original never went.
    engine = server.app.state.engine  # type: ignore[attr-defined]
    with engine.begin() as conn:
        conn.execute(delete(db.blobs).where(db.blobs.c.sha256 == RAW_SHA))
    a.store.write(lambda uow: uow.session.execute(
        delete(Meta).where(Meta.key == ORIGINALS_RECORDED)))
    assert a.sync().blobs_uploaded == 1
    assert a.sync().blobs_uploaded == 0  # recorded once
    b = make_client("bob")
    assert b.sync().blobs_downloaded == 1 and b.store.blobs.get(RAW_SHA) == RAW


def test_many_waiting_files_are_worked_through_in_batches(
    make_client: Callable[..., SyncClient], monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    monkeypatch.setattr(blobs, "ASK_BATCH", 3)
    raws = [mail(f"Case {i}", message_id=f"case-{i}@example.net", body=f"body {i}")
            for i in range(8)]
    for raw in raws:
        ingest(a, raw)
    sent = a.sync()
    assert (sent.blobs_uploaded, sent.blobs_waiting) == (8, 0)
    asked = [p for m, p, _s, _c in a.transport.log  # type: ignore[attr-defined]
             if m == "POST" and p == "/blobs/missing"]
    assert len(asked) == 3  # 3 + 3 + 2
    got = b.sync()
    assert (got.blobs_downloaded, got.blobs_waiting) == (8, 0)
    for raw in raws:
        assert b.store.blobs.get(hashlib.sha256(raw).hexdigest()) == raw


# -- through a real server process ----------------------------------------------------------


@pytest.mark.slow
def test_the_original_travels_through_a_real_uvicorn_server(
    live: LiveServer, tmp_path: Path,
) -> None:
    stores = [Store.open(tmp_path / "a"), Store.open(tmp_path / "b")]
    try:
        a, b = (SyncClient(s, RequestsTransport()) for s in stores)
        a.login(live.url, "alice", PASSWORD)
        b.login(live.url, "bob", PASSWORD)
        row_id = ingest(a)
        assert a.sync().blobs_uploaded == 1
        got = b.sync()
        assert (got.blobs_downloaded, got.blob_problems) == (1, [])
        assert b.store.blobs.get(RAW_SHA) == RAW
        assert original_state(b.store, row_id) == (True, False)
    finally:
        for s in stores:
            s.close()
