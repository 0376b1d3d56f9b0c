"""The schema: Alembic from an empty database, in step with the models, clear refusals."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

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


OLD_CUSTOMER = "00000000-0000-7000-8000-0000000000c1"
OLD_CONVERSATION = "00000000-0000-7000-8000-0000000000a1"


def test_database_from_the_first_release_upgrades_with_its_data(profile: Path) -> None:
    """A profile made by the oldest supported release (schema 0001) opens and keeps its rows."""
    from alembic import command

    from supportdesk.store.store import alembic_config

    db = database_path(profile)
    engine = make_engine(db)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
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
