"""A restored profile that was signed in comes back as a new device and resyncs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from supportdesk.models import Message, OutboxEntry
from supportdesk.server import admin
from supportdesk.services.backup import make_backup, restore_backup
from supportdesk.store import Store
from supportdesk.sync.client import SyncClient, SyncError
from tests.sync.harness import PASSWORD, SERVER, AppTransport
from tests.sync.test_client_sync import new_conversation

Rows = Callable[..., dict[tuple[str, str], dict[str, object]]]


def _count(store: Store, what: object) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(what)) or 0)  # type: ignore[arg-type]


def test_restored_copy_signs_in_as_a_new_device_without_duplicates(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows, tmp_path: Path,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    new_conversation(a, "Sent before the backup")
    a.sync()
    new_conversation(a, "Not sent when the backup was made")
    waiting = a.waiting()
    assert waiting > 0
    outbox = _count(a.store, OutboxEntry)
    archive = tmp_path / "a.sdbackup"
    make_backup(a.store.profile, archive)
    # The laptop lives on and sends its work; then it is lost and the backup restored.
    a.sync()
    restored = restore_backup(archive, tmp_path / "restored")
    assert restored.was_signed_in and restored.unsent_changes == waiting
    copy_store = Store.open(restored.profile)
    try:
        copy = SyncClient(copy_store, AppTransport(server), push_batch=50, pull_page=40,
                          snapshot_page=30)
        assert copy_store.device_id != a.store.device_id
        with pytest.raises(SyncError):
            copy.sync()  # no tokens in a backup: it must sign in again
        copy.login(SERVER, "alice", PASSWORD)
        result = copy.sync()
        assert result.snapshot_rows > 0  # a fresh snapshot, as a new device
        assert copy.waiting() == 0
        # what it had not sent went once, and nothing pulled joined the outbox
        assert _count(copy_store, OutboxEntry) == outbox
        b.sync()
        engine = server.app.state.engine
        assert local_rows(copy_store) == local_rows(a.store) == local_rows(b.store) \
            == server_rows(engine)
        assert _count(copy_store, Message) == 2
        devices = [d for d in admin.list_devices(engine) if d.user == "alice"]
        assert len({d.id for d in devices}) == 2
    finally:
        copy_store.close()
