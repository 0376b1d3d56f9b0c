"""The schema: Alembic from an empty database, in step with the models, clear refusals."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from supportdesk.models import Base
from supportdesk.store import NewerDatabaseError, Store, StoreError, head_revision
from supportdesk.store.engine import database_path, make_engine
from supportdesk.store.store import SCHEMA_HEAD, migrate


def test_empty_database_migrates_to_head(profile: Path) -> None:
    store = Store.open(profile)
    try:
        with store.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head_revision()
            tables = set(inspect(conn).get_table_names())
        assert {"conversations", "messages", "customers", "identities", "outbox"} <= tables
        assert {"messages_fts", "customers_fts"} <= tables
    finally:
        store.close()


def test_schema_head_constant_matches_alembic() -> None:
    # The app skips loading Alembic when the database is already at this revision.
    assert head_revision() == SCHEMA_HEAD


def test_migrations_match_the_models(store: Store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # FTS shadow tables are created by the migration, not the models.
    diff = [d for d in diff if not (d[0] == "remove_table" and "_fts" in d[1].name)]
    assert diff == []


def test_migrating_twice_changes_nothing(store: Store) -> None:
    assert migrate(store.engine) is False


def test_database_from_a_newer_version_is_refused_untouched(profile: Path) -> None:
    Store.open(profile).close()
    db = database_path(profile)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer SupportDesk"):
        Store.open(profile)
    assert db.read_bytes() == before


def test_corrupt_database_gets_a_clear_message_and_is_kept(profile: Path) -> None:
    db = database_path(profile)
    db.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="damaged or is not a SupportDesk database"):
        Store.open(profile)
    assert db.read_bytes() == b"this is not sqlite at all" * 100


def test_unreachable_profile_folder_is_explained(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="Cannot create the profile folder"):
        Store.open(blocker / "profile")


def _make_read_only(folder: Path) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Permission bits do not stop root; an immutable folder does.
        result = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
        if result.returncode != 0:
            if os.environ.get("CI"):
                pytest.fail(f"cannot make a read-only folder as root: {result.stderr!r}")
            pytest.skip(f"SKIPPED LOUDLY: chattr +i failed as root: {result.stderr!r}")
    else:
        folder.chmod(0o555)


def _undo_read_only(folder: Path) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], check=False)
    folder.chmod(0o755)


def test_read_only_profile_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    _make_read_only(folder)
    try:
        with pytest.raises(StoreError, match="read-only"):
            Store.open(folder)
        assert list(folder.iterdir()) == []
    finally:
        _undo_read_only(folder)


def test_read_only_database_file_is_refused_untouched(profile: Path) -> None:
    Store.open(profile).close()
    db = database_path(profile)
    before = db.read_bytes()
    _make_read_only(db)
    try:
        with pytest.raises(StoreError, match="read-only"):
            Store.open(profile)
    finally:
        _undo_read_only(db)
    assert db.read_bytes() == before


def test_engine_pragmas(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_make_engine_on_new_file_is_lazy(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "x.sqlite3")
    assert not (tmp_path / "x.sqlite3").exists()
    engine.dispose()


def _at_revision(db: Path, revision: str) -> Engine:
    """An engine on ``db`` migrated only up to ``revision`` (an older release's)."""
    engine = make_engine(db)
    _migrate(engine, revision)
    return engine


def _migrate(engine: Engine, revision: str, *, down: bool = False) -> None:
    from alembic import command

    from supportdesk.store.store import alembic_config

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


OLD_CUSTOMER = "00000000-0000-7000-8000-0000000000c1"
OLD_CONVERSATION = "00000000-0000-7000-8000-0000000000a1"


def test_database_from_the_first_release_upgrades_with_its_data(profile: Path) -> None:
    """A profile made by the oldest supported release (schema 0001) opens and keeps its rows."""


    db = database_path(profile)
    engine = _at_revision(db, "0001")
    customer, conversation = OLD_CUSTOMER, OLD_CONVERSATION
    at = "2025-01-02 10:00:00.000000"
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO customers (id, name, created_at) VALUES (?, ?, ?)",
            (customer, "Þórunn Gísladóttir", at),
        )
        conn.exec_driver_sql(
            "INSERT INTO conversations (id, subject, customer_id, channel, status, priority, "
            "unread, snippet, message_count, created_at, last_activity_at) "
            "VALUES (?, 'Prentari', ?, 'email', 'open', 'normal', 1, '', 0, ?, ?)",
            (conversation, customer, at, at),
        )
    engine.dispose()
    store = Store.open(profile)
    try:
        with store.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head_revision()
        from supportdesk.services.search import search

        with store.read() as session:
            hits = search(session, "þorunn")  # accent folded, Icelandic letter kept
        assert [h.conversation_id for h in hits] == [conversation]
        if head_revision() != "0001":
            assert any(p.name.startswith(db.name + ".before-") for p in profile.iterdir())
    finally:
        store.close()


def test_blob_lists_in_meta_move_to_their_own_table(profile: Path) -> None:
    """A profile at 0005 keeps its files-to-move lists when they leave ``meta`` (0006)."""
    import hashlib
    import json

    from sqlalchemy import select

    from supportdesk.models import Meta, SyncBlobQueue, SyncPeer

    up = sorted(hashlib.sha256(f"up {i}".encode()).hexdigest() for i in range(3))
    down = sorted(hashlib.sha256(f"down {i}".encode()).hexdigest() for i in range(1200))
    db = database_path(profile)
    engine = _at_revision(db, "0005")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES (?, ?), (?, ?), (?, ?)", (
            "sync_blobs_to_upload", json.dumps(up),
            "sync_blobs_to_download", json.dumps(down),
            "device_name", "laptop",
        ))
        conn.exec_driver_sql(
            "INSERT INTO sync_peer (id, server_url, user, team, device, epoch, cursor) "
            "VALUES (1, 'https://sync.example.com', 'alice', 'Acme', 'd1', 'e1', 42)")
    engine.dispose()
    store = Store.open(profile)
    try:
        with store.read() as session:
            queued = session.execute(
                select(SyncBlobQueue.direction, SyncBlobQueue.sha256)).all()
            assert sorted(h for d, h in queued if d == "upload") == up
            assert sorted(h for d, h in queued if d == "download") == down
            assert len(queued) == len(up) + len(down)
            assert session.get(Meta, "sync_blobs_to_upload") is None
            assert session.get(Meta, "sync_blobs_to_download") is None
            assert session.get(Meta, "device_name").value == "laptop"  # type: ignore[union-attr]
            peer = session.get(SyncPeer, 1)
            assert peer is not None and peer.cursor == 42
            assert peer.schema_digest is None  # not known: the next sync takes a snapshot
    finally:
        store.close()
    # And back: a downgrade puts the lists into meta again.
    engine = make_engine(db)
    _migrate(engine, "0005", down=True)
    with engine.connect() as conn:
        lists = dict(conn.exec_driver_sql(
            "SELECT key, value FROM meta WHERE key LIKE 'sync_blobs_%'").all())
        assert "sync_blob_queue" not in inspect(conn).get_table_names()
    engine.dispose()
    assert json.loads(lists["sync_blobs_to_upload"]) == up
    assert json.loads(lists["sync_blobs_to_download"]) == down


def test_an_unreadable_blob_list_does_not_stop_the_upgrade(profile: Path) -> None:
    from sqlalchemy import func, select

    from supportdesk.models import Meta, SyncBlobQueue

    db = database_path(profile)
    engine = _at_revision(db, "0005")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)", (
            "sync_blobs_to_upload", "[not json",
            "sync_blobs_to_download", '["../../etc/passwd", 7]',
        ))
    engine.dispose()
    store = Store.open(profile)
    try:
        with store.read() as session:
            assert session.scalar(select(func.count()).select_from(SyncBlobQueue)) == 0
            assert session.get(Meta, "sync_blobs_to_upload") is None
            assert session.get(Meta, "sync_blobs_to_download") is None
    finally:
        store.close()
