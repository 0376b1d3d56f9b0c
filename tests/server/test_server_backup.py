"""Backing up the team server: SQLite archives, and pg_dump / pg_restore on PostgreSQL."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from supportdesk.server import admin
from supportdesk.server.app import create_app
from supportdesk.server.cli import run_admin
from tests.server.services import PG_BIN, PostgresCluster
from tests.sync.harness import PASSWORD


def _users(db_file: Path) -> set[str]:
    conn = sqlite3.connect(db_file)
    try:
        return {n for (n,) in conn.execute("SELECT name FROM users")}
    finally:
        conn.close()


def _login_works(url: str, user: str) -> bool:
    app = create_app(url)
    try:
        with TestClient(app) as client:
            resp = client.post("/auth/login", json={"user": user, "password": PASSWORD,
                                                    "device_name": "laptop",
                                                    "device_id": "dev-restored"})
            return resp.status_code == 200
    finally:
        app.state.engine.dispose()


def test_sqlite_server_backup_and_restore(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    app = create_app(f"sqlite:///{data / 'server.sqlite3'}")
    engine = app.state.engine
    team = admin.create_team(engine, "Acme", "alice", PASSWORD)
    stop = threading.Event()
    added: list[str] = []

    def keep_adding() -> None:  # the server keeps working during the backup
        while not stop.is_set() and len(added) < 200:
            name = f"agent{len(added):03d}"
            admin.add_user(engine, team, name, PASSWORD)
            added.append(name)

    thread = threading.Thread(target=keep_adding)
    thread.start()
    try:
        while len(added) < 3:
            stop.wait(0.01)
        out = io.StringIO()
        archive = tmp_path / "server.zip"
        assert run_admin(["backup", "--data", str(data), "-o", str(archive)], out=out) == 0
    finally:
        stop.set()
        thread.join()
    engine.dispose()
    assert "Backed up" in out.getvalue()

    restored = tmp_path / "restored"
    assert run_admin(["restore", str(archive), "--data", str(restored)], out=out) == 0
    users = _users(restored / "server.sqlite3")
    agents = sorted(u for u in users if u.startswith("agent"))
    # one moment: the first k agents, none torn
    assert agents == added[:len(agents)] and "alice" in users
    assert _login_works(f"sqlite:///{restored / 'server.sqlite3'}", "alice")

    # never over a data folder in use; a damaged archive changes nothing
    assert run_admin(["restore", str(archive), "--data", str(data)], out=out) == 1
    bad = tmp_path / "bad.zip"
    raw = bytearray(archive.read_bytes())
    raw[len(raw) // 3] ^= 0x20
    bad.write_bytes(bytes(raw))
    assert run_admin(["restore", str(bad), "--data", str(tmp_path / "again")], out=out) == 1
    assert not (tmp_path / "again" / "server.sqlite3").exists()


@pytest.mark.postgres
def test_pg_dump_and_pg_restore_round_trip(postgres: PostgresCluster, tmp_path: Path) -> None:
    source = postgres.create_database(f"sd_bk_{tmp_path.name.replace('-', '_').lower()}"[:60])
    app = create_app(source)
    team = admin.create_team(app.state.engine, "Acme", "alice", PASSWORD)
    admin.add_user(app.state.engine, team, "bob", PASSWORD)
    app.state.engine.dispose()
    dump = tmp_path / "supportdesk.dump"
    common = ["-h", "127.0.0.1", "-p", str(postgres.port), "-U", "postgres"]
    name = source.rsplit("/", 1)[1]
    done = subprocess.run([str(PG_BIN / "pg_dump"), "--format=custom", "--no-owner", *common,
                           "-f", str(dump), name], capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    target = postgres.create_database(f"{name}_restored"[:60])
    back = subprocess.run([str(PG_BIN / "pg_restore"), "--no-owner", "--exit-on-error",
                           *common, "-d", target.rsplit("/", 1)[1], str(dump)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert back.returncode == 0, back.stderr
    assert _login_works(target, "bob")
    out = io.StringIO()
    assert run_admin(["--data", str(tmp_path / "d"), "--database", target, "status"],
                     out=out) == 0
    assert "Up to date" in out.getvalue()
