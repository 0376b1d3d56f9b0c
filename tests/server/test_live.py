"""The server as a real uvicorn process on loopback: SQLite, keyring, kill -9."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from supportdesk.models import Channel, Message
from supportdesk.services import actions
from supportdesk.store import Store, UnitOfWork
from supportdesk.store.engine import integrity_check
from supportdesk.sync.client import RequestsTransport, SyncClient
from tests.server.services import LiveServer, free_port, python_env, unavailable
from tests.sync.harness import PASSWORD, local_rows

pytestmark = pytest.mark.slow


def admin_cli(data: Path, *args: str, password: str = PASSWORD,
              database: str | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "supportdesk.server.cli", "admin", "--data", str(data)]
    if database:
        cmd += ["--database", database]
    return subprocess.run([*cmd, *args], input=password + "\n", capture_output=True, text=True,
                          env=python_env(), timeout=60, check=False)


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveServer]:
    data = tmp_path / "server"
    made = admin_cli(data, "create-team", "Acme", "--owner", "alice")
    assert made.returncode == 0, made.stderr
    assert admin_cli(data, "add-agent", "bob").returncode == 0
    server = LiveServer(data).start()
    yield server
    server.stop()


def notes(client: SyncClient, n: int, subject: str = "Case") -> None:
    def run(uow: UnitOfWork) -> None:
        for i in range(n):
            conv = actions.create_conversation(
                uow, channel=Channel.EMAIL, customer_id=None, subject=f"{subject} {i}")
            actions.add_note(uow, conv.id, f"note {i}", "rep")
            actions.add_tag(uow, conv.id, "vip")

    client.store.write(run)


def test_two_clients_sync_through_a_real_server(live: LiveServer, tmp_path: Path) -> None:
    stores = [Store.open(tmp_path / "a"), Store.open(tmp_path / "b")]
    try:
        a, b = (SyncClient(s, RequestsTransport()) for s in stores)
        a.login(live.url, "alice", PASSWORD)
        b.login(live.url, "bob", PASSWORD)
        notes(a, 30)
        assert a.sync().pushed == 30 * 6
        assert b.sync().snapshot_rows > 0
        cid = next(k[1] for k in local_rows(b.store) if k[0] == "conversations")
        b.store.write(lambda uow: actions.add_note(uow, cid, "from bob", "Bob"))
        b.sync()
        a.sync()
        assert local_rows(a.store) == local_rows(b.store)
        # A no-op sync is one request, small both ways.
        transport = a.transport
        assert isinstance(transport, RequestsTransport)
        sent_before = transport.sent
        result = a.sync()
        assert result.requests == 1 and transport.sent == sent_before
    finally:
        for s in stores:
            s.close()


def test_admin_commands(live: LiveServer, tmp_path: Path) -> None:
    data = live.data
    listed = admin_cli(data, "devices")
    assert listed.returncode == 0 and listed.stdout == ""
    store = Store.open(tmp_path / "p")
    try:
        client = SyncClient(store, RequestsTransport())
        client.login(live.url, "bob", PASSWORD)
        line = admin_cli(data, "devices").stdout.strip()
        device = line.split("\t")[0]
        assert "\tbob\t" in line and line.endswith("active")
        assert admin_cli(data, "reset-password", "bob", password="a new password").returncode == 0
        from supportdesk.sync.client import SyncError

        with pytest.raises(SyncError, match="sign"):
            client.sync()
        client.login(live.url, "bob", "a new password")
        client.sync()
        assert admin_cli(data, "revoke-device", device).returncode == 0
        with pytest.raises(SyncError):
            client.sync()
        assert admin_cli(data, "remove-agent", "bob").returncode == 0
        short = admin_cli(data, "add-agent", "carol", password="short")
        assert short.returncode == 1 and "8 characters" in short.stderr
    finally:
        store.close()


@pytest.mark.keyring
def test_tokens_live_in_a_real_secret_service(live: LiveServer, tmp_path: Path) -> None:
    if not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        unavailable("dbus-run-session or gnome-keyring-daemon missing "
                    "(apt-get install -y dbus gnome-keyring)")
    profile = tmp_path / "profile"
    Store.open(profile).close()
    env = python_env()
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("PYTHON_KEYRING_BACKEND", None)
    script = (
        "echo -n keyring-password | gnome-keyring-daemon --unlock --components=secrets "
        f">/dev/null && exec {sys.executable} -m tests.server.keyring_scenario "
        f"'{profile}' '{live.url}' alice '{PASSWORD}' 'http://127.0.0.1:{free_port()}'"
    )
    proc = subprocess.run(["dbus-run-session", "--", "sh", "-c", script], env=env,
                          capture_output=True, text=True, timeout=180, check=False)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["backend"] == "Keyring" and out["login"][0] == 0, out
    assert out["stored"] and not out["token_in_files"]
    code, stdout, _stderr = out["sync"]
    assert code == 0 and json.loads(stdout)["pulled"] == 0
    code, stdout, stderr = out["offline"]
    assert code == 3 and "cannot be reached" in stderr
    assert json.loads(stdout)["error"] == "unreachable"


def test_without_a_keyring_login_says_what_to_do_and_writes_nothing(
    live: LiveServer, tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    Store.open(profile).close()
    before = {p: p.read_bytes() for p in profile.rglob("*") if p.is_file()}
    env = python_env()
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    proc = subprocess.run(
        [sys.executable, "-m", "tests.server.sdcli", "login", "--profile", str(profile),
         "--server", live.url, "--user", "alice"],
        input=PASSWORD + "\n", capture_output=True, text=True, env=env, timeout=60, check=False)
    assert proc.returncode == 1
    assert "keyring" in proc.stderr and "Nothing was saved" in proc.stderr
    store = Store.open(profile)
    try:
        from supportdesk.models import SyncPeer

        with store.read() as session:
            assert session.get(SyncPeer, 1) is None
    finally:
        store.close()
    # No new file appeared beside the database (no token file, no settings with it).
    after = {p for p in profile.rglob("*") if p.is_file()}
    assert {p.name for p in after} - {p.name for p in before} <= {"supportdesk.sqlite3-wal",
                                                                  "supportdesk.sqlite3-shm"}


def _killable_sync(profile: Path, ring: Path) -> subprocess.Popen[bytes]:
    env = python_env()
    env["PYTHON_KEYRING_BACKEND"] = "tests.server.filekeyring.TestFileKeyring"
    env["SD_TEST_KEYRING_FILE"] = str(ring)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.server.killee", str(profile)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"ready"
    return proc


def _progress(profile: Path) -> tuple[int, int]:
    """(outbox entries pushed, records applied from the server), read without the app."""
    import sqlite3

    with sqlite3.connect(profile / "supportdesk.sqlite3") as conn:
        pushed = conn.execute("SELECT count(*) FROM outbox WHERE pushed").fetchone()[0]
        applied = conn.execute("SELECT count(*) FROM sync_state").fetchone()[0]
    conn.close()
    return int(pushed), int(applied)


def test_kill_9_during_push_and_pull_loses_and_duplicates_nothing(
    live: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ring = tmp_path / "ring.json"
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.server.filekeyring.TestFileKeyring")
    monkeypatch.setenv("SD_TEST_KEYRING_FILE", str(ring))
    import keyring

    from tests.server.filekeyring import TestFileKeyring

    keyring.set_keyring(TestFileKeyring())
    pa, pb = tmp_path / "a", tmp_path / "b"
    for profile, user in ((pa, "alice"), (pb, "bob")):
        store = Store.open(profile)
        client = SyncClient(store, RequestsTransport())
        client.login(live.url, user, PASSWORD)
        if user == "alice":
            notes(client, 600)  # 3,600 outbox entries: several pushes
        store.close()
    rng = random.Random(5)
    partial: dict[Path, list[tuple[int, int]]] = {pa: [], pb: []}
    for profile in (pa, pb):
        # Kill it again and again until a sync gets to finish on its own.
        for _ in range(60):
            proc = _killable_sync(profile, ring)
            time.sleep(rng.uniform(0.02, 0.3))
            killed = proc.poll() is None
            if killed:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            assert proc.stdout is not None
            proc.stdout.close()
            if not killed:
                break
            partial[profile].append(_progress(profile))
    mid_push = [p for p in partial[pa] if 0 < p[0] < 3600]
    mid_pull = [p for p in partial[pb] if 0 < p[1] < 3000]
    assert len(mid_push) >= 3 and len(mid_pull) >= 3, f"kills missed the work: {partial}"
    finals = []
    for profile in (pa, pb):
        store = Store.open(profile)
        client = SyncClient(store, RequestsTransport())
        client.sync()
        client.sync()
        assert client.waiting() == 0
        assert integrity_check(store.engine) == "ok"
        with store.read() as session:
            ids = list(session.scalars(select(Message.id)))
            assert len(ids) == len(set(ids)) == 600
            assert session.scalar(select(func.count()).select_from(Message)) == 600
        finals.append(local_rows(store))
        store.close()
    assert finals[0] == finals[1]


def test_attachment_files_move_through_a_real_server_and_sync_json_counts_them(
    live: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportdesk.models import Attachment, new_id

    ring = tmp_path / "ring.json"
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.server.filekeyring.TestFileKeyring")
    monkeypatch.setenv("SD_TEST_KEYRING_FILE", str(ring))
    import keyring

    from tests.server.filekeyring import TestFileKeyring

    keyring.set_keyring(TestFileKeyring())
    files = {"scan.pdf": b"%PDF-1.7 scan\n" * 4000, "log.txt": "Þórður's log\n".encode() * 900}
    pa, pb = tmp_path / "a", tmp_path / "b"
    for profile, user in ((pa, "alice"), (pb, "bob")):
        store = Store.open(profile)
        SyncClient(store, RequestsTransport()).login(live.url, user, PASSWORD)
        if user == "alice":

            def run(uow: UnitOfWork, store: Store = store) -> None:
                conv = actions.create_conversation(uow, channel=Channel.EMAIL,
                                                   customer_id=None, subject="Scans")
                note = actions.add_note(uow, conv.id, "attached", "rep")
                for name, data in files.items():
                    uow.add(Attachment(id=new_id(), message_id=note.id, filename=name,
                                       size=len(data), sha256=store.blobs.put(data),
                                       inline=False))

            store.write(run)
        store.close()
    env = python_env()
    env["PYTHON_KEYRING_BACKEND"] = "tests.server.filekeyring.TestFileKeyring"
    env["SD_TEST_KEYRING_FILE"] = str(ring)

    def sync_json(profile: Path) -> dict[str, object]:
        proc = subprocess.run(
            [sys.executable, "-m", "tests.server.sdcli", "sync", "--profile", str(profile),
             "--json"], capture_output=True, text=True, env=env, timeout=120, check=False)
        assert proc.returncode == 0, proc.stderr
        return dict(json.loads(proc.stdout))

    sent = sync_json(pa)
    assert (sent["blobs_uploaded"], sent["blobs_waiting"]) == (2, 0)
    got = sync_json(pb)
    assert (got["blobs_downloaded"], got["blobs_waiting"], got["blob_problems"]) == (2, 0, [])
    store = Store.open(pb)
    try:
        for data in files.values():
            assert store.blobs.get(hashlib.sha256(data).hexdigest()) == data
    finally:
        store.close()
