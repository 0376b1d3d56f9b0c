"""Backups that restore: a consistent copy beside a busy writer, checked sums, old schemas."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from supportdesk.config import SETTINGS_FILE
from supportdesk.models import Customer, OutboxEntry, SyncPeer
from supportdesk.services.backup import (
    BackupCancelledError,
    BackupError,
    make_backup,
    restore_backup,
    verify_backup,
)
from supportdesk.services.backup.archive import MANIFEST, SECRETS_NOTE, schema_version
from supportdesk.store import Store, UnitOfWork
from supportdesk.store.engine import DB_NAME, make_engine
from supportdesk.store.store import SCHEMA_HEAD

MARK = "writer-row-"


def _add_customer(store: Store, i: int) -> None:
    def run(uow: UnitOfWork) -> None:
        uow.add(Customer(name=f"{MARK}{i:06d}"))

    store.write(run)


def _counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                for (name,) in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' "
                    "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'")}
    finally:
        conn.close()


def test_backup_beside_a_busy_writer_restores_to_one_moment(store: Store, tmp_path: Path) -> None:
    blobs = [store.blobs.put(f"attachment {i} ".encode() * (i * 997 + 1)) for i in range(12)]
    (store.profile / SETTINGS_FILE).write_text('{"version": 1, "values": {"theme": "dark"}}')
    for i in range(200):
        _add_customer(store, i)
    stop = threading.Event()
    written = [200]

    def writer() -> None:
        while not stop.is_set():
            _add_customer(store, written[0])
            written[0] += 1

    thread = threading.Thread(target=writer)
    thread.start()
    steps = [0]
    try:
        # Wait until the writer is really writing, then back up while it goes on.
        while written[0] < 260:
            stop.wait(0.01)
        before = written[0]
        out = tmp_path / "b.sdbackup"
        result = make_backup(store.profile, out, step=lambda: steps.__setitem__(0, steps[0] + 1))
        after = written[0]
    finally:
        stop.set()
        thread.join()
    assert after > before, "the writer kept writing during the backup"
    assert steps[0] > 0
    restored = restore_backup(out, tmp_path / "restored")
    db = restored.profile / DB_NAME
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        names = [n for (n,) in conn.execute(
            "SELECT name FROM customers WHERE name LIKE ? ORDER BY name", (MARK + "%",))]
    finally:
        conn.close()
    # One moment: the rows are exactly the first k the writer wrote, no gap, no torn write,
    # and k lies within the backup's run.
    assert names == [f"{MARK}{i:06d}" for i in range(len(names))]
    assert before <= len(names) <= after
    counts = _counts(db)
    assert counts["customers"] == result.row_counts["customers"] == len(names)
    assert counts["outbox"] == result.row_counts["outbox"]
    for digest in blobs:
        path = restored.profile / "blobs" / digest[:2] / digest
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert "dark" in (restored.profile / SETTINGS_FILE).read_text()
    with zipfile.ZipFile(out) as zf:
        assert SECRETS_NOTE in zf.read(MANIFEST).decode()
    reopened = Store.open(restored.profile)
    try:
        assert reopened.device_id != store.device_id
        with reopened.read() as session:
            assert session.scalar(select(func.count()).select_from(Customer)) == len(names)
    finally:
        reopened.close()


def _flip(path: Path, at: int) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 0x01
    path.write_bytes(bytes(data))


def _data_offset(zf: zipfile.ZipFile, name: str) -> int:
    """Where an entry's bytes start in the file (after its local header)."""
    info = zf.getinfo(name)
    zf.fp.seek(info.header_offset + 26)  # type: ignore[union-attr]
    head = zf.fp.read(4)  # type: ignore[union-attr]
    name_len, extra_len = int.from_bytes(head[:2], "little"), int.from_bytes(head[2:], "little")
    return info.header_offset + 30 + name_len + extra_len


def test_a_flipped_byte_is_refused_before_anything_is_written(store: Store,
                                                              tmp_path: Path) -> None:
    digest = store.blobs.put(b"precious attachment bytes " * 400)
    _add_customer(store, 1)
    out = tmp_path / "b.sdbackup"
    make_backup(store.profile, out)
    with zipfile.ZipFile(out) as zf:
        blob_at = _data_offset(zf, f"blobs/{digest[:2]}/{digest}")
        db_at = _data_offset(zf, "database/" + DB_NAME)
    for at in (blob_at + 100, db_at + 5000):  # inside an attachment, inside the database
        bad = tmp_path / f"bad-{at}.sdbackup"
        bad.write_bytes(out.read_bytes())
        _flip(bad, at)
        target = tmp_path / f"restored-{at}"
        with pytest.raises(BackupError, match=r"damaged|checksum"):
            restore_backup(bad, target)
        assert not target.exists()
        assert [p.name for p in tmp_path.iterdir() if "restoring" in p.name] == []
        with pytest.raises(BackupError):
            verify_backup(bad)
    verify_backup(out)


def test_restore_only_into_a_new_profile(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "b.sdbackup"
    make_backup(store.profile, out)
    with pytest.raises(BackupError, match="not empty"):
        restore_backup(out, store.profile)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert restore_backup(out, empty).profile == empty.absolute()


def test_cancel_leaves_nothing_behind(store: Store, tmp_path: Path) -> None:
    for i in range(5):
        store.blobs.put(f"file {i}".encode() * 100_000)
    out = tmp_path / "b.sdbackup"
    calls = [0]

    def cancelled() -> bool:
        calls[0] += 1
        return calls[0] > 3

    with pytest.raises(BackupCancelledError):
        make_backup(store.profile, out, cancelled=cancelled)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile"]


def test_a_backup_from_schema_0001_restores_at_head(profile: Path, tmp_path: Path) -> None:
    from alembic import command

    from supportdesk.store.store import alembic_config

    engine = make_engine(profile / DB_NAME)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO customers (id, name, created_at) VALUES "
                             "('00000000-0000-7000-8000-0000000000c1', 'Old Customer', "
                             "'2025-01-02 10:00:00.000000')")
    engine.dispose()
    out = tmp_path / "old.sdbackup"
    assert make_backup(profile, out).schema == "0001"
    result = restore_backup(out, tmp_path / "restored")
    assert (result.schema_before, result.schema_after) == ("0001", SCHEMA_HEAD)
    store = Store.open(result.profile)
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() \
                == SCHEMA_HEAD
        with store.read() as session:
            assert session.scalar(select(Customer.name)) == "Old Customer"
    finally:
        store.close()
    conn2 = sqlite3.connect(result.profile / DB_NAME)
    assert schema_version(conn2) == SCHEMA_HEAD
    conn2.close()


def test_a_signed_in_profile_comes_back_as_a_new_device(store: Store, tmp_path: Path) -> None:
    def sign_in(uow: UnitOfWork) -> None:
        uow.session.add(SyncPeer(id=1, server_url="https://sync.example", user="alice",
                                 team="t1", device="dev-1", epoch="e1", cursor=42))

    store.write(sign_in)
    _add_customer(store, 1)
    _add_customer(store, 2)
    with store.read() as session:
        first = session.scalar(select(func.min(OutboxEntry.seq)))

    def mark_one_pushed(uow: UnitOfWork) -> None:
        uow.session.get(OutboxEntry, first).pushed = True  # type: ignore[union-attr]

    store.write(mark_one_pushed)
    with store.read() as session:
        unsent = session.scalar(select(func.count()).select_from(OutboxEntry)
                                .where(OutboxEntry.pushed.is_(False)))
        total = session.scalar(select(func.count()).select_from(OutboxEntry))
    out = tmp_path / "b.sdbackup"
    make_backup(store.profile, out)
    result = restore_backup(out, tmp_path / "restored")
    assert result.was_signed_in and result.unsent_changes == unsent
    copy = Store.open(result.profile)
    try:
        with copy.read() as session:
            peer = session.get(SyncPeer, 1)
            assert peer is not None
            assert (peer.server_url, peer.device, peer.cursor, peer.epoch) == (
                "https://sync.example", "", None, None)
            # the outbox is the same, not doubled; what was sent stays sent
            assert session.scalar(select(func.count()).select_from(OutboxEntry)) == total
            assert session.scalar(select(func.count()).select_from(OutboxEntry)
                                  .where(OutboxEntry.pushed.is_(False))) == unsent
        assert copy.device_id != store.device_id
    finally:
        copy.close()
