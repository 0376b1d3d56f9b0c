"""A server database made by an earlier version keeps working after an upgrade."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import requests
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, delete, insert, inspect, select, update

from supportdesk.models.workflow import CannedResponse
from supportdesk.server import admin, auth, cli, db, presence
from supportdesk.server.app import create_app
from supportdesk.services.workflow import canned
from supportdesk.store import Store
from supportdesk.sync.client import SyncClient
from tests.server.services import LiveServer, PostgresCluster, free_port, python_env
from tests.sync.harness import PASSWORD, SERVER, AppTransport


def test_an_older_server_database_gains_missing_tables_and_keeps_its_epoch(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    engine = db.make_engine(url)
    epoch = db.create_schema(engine)
    team = admin.create_team(engine, "Acme", "alice", PASSWORD)
    admin.add_user(engine, team, "bob", PASSWORD)
    # An earlier version had no attachment store and no conflict log.
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE blobs")
        conn.exec_driver_sql("DROP TABLE conflicts")
    engine.dispose()
    app = create_app(url)
    stores = [Store.open(tmp_path / "a"), Store.open(tmp_path / "b")]
    try:
        assert app.state.epoch == epoch  # devices keep their cursors
        assert {"blobs", "conflicts"} <= set(inspect(app.state.engine).get_table_names())
        with TestClient(app) as http:
            a, b = (SyncClient(s, AppTransport(http)) for s in stores)
            a.login(SERVER, "alice", PASSWORD)
            b.login(SERVER, "bob", PASSWORD)
            # Workflow entities need no table of their own on the server.
            answer = a.store.write(lambda uow: canned.save_canned(uow, title="Hi", body="Hello"))
            a.sync()
            b.sync()
            with b.store.read() as session:
                row = session.get(CannedResponse, answer.id)
                assert row is not None and row.body == "Hello"
    finally:
        for s in stores:
            s.close()
        app.state.engine.dispose()


# -- schema versions ---------------------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each kind the server runs on."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.sqlite3'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    return cluster.create_database(f"sd_{tmp_path.name.replace('-', '_').lower()}"[:60])


def make_schema_1(url: str) -> None:
    """The tables as every release before schema versions made them, with an epoch."""
    engine = db.make_engine(url)
    sql = (FIXTURES / f"server-schema-1.{engine.dialect.name}.sql").read_text()
    sql = "\n".join(line for line in sql.splitlines() if not line.startswith("--"))
    with db.write_tx(engine) as conn:
        for statement in sql.split(";"):
            if statement.strip():
                conn.exec_driver_sql(statement)
        conn.execute(insert(db.server_meta).values(key="epoch", value="epoch-of-schema-1"))
    engine.dispose()


def populate(url: str) -> str:
    """A team with data in every table; returns alice's access token."""
    engine = db.make_engine(url)
    team = admin.create_team(engine, "Acme", "alice", PASSWORD)
    admin.add_user(engine, team, "bob", PASSWORD)
    now = time.time()
    with db.write_tx(engine) as conn:
        alice = conn.scalar(select(db.users.c.id).where(db.users.c.name == "alice"))
        conn.execute(insert(db.devices).values(
            id="dev-a", team_id=team, user_id=alice, name="alice's laptop",
            client_device="laptop-a", last_mutation_id=1, created_at=now, last_seen_at=now))
        access, _refresh = auth.issue_tokens(conn, "dev-a", now)
        stamp = f"{int(now * 1000):013d}-0000-laptop-a"
        conn.execute(insert(db.changes).values(
            team_id=team, version=1, entity="conversations", entity_id="conv-1", op="insert",
            fields='{"subject":"Printer on fire"}', stamp=stamp, base=None, device_id="dev-a"))
        conn.execute(insert(db.entity_state).values(
            team_id=team, entity="conversations", entity_id="conv-1", rank=1,
            fields='{"subject":"Printer on fire"}', clocks="{}", created=stamp, deleted=None,
            version=1))
        conn.execute(update(db.counters).where(db.counters.c.team_id == team).values(version=1))
        conn.execute(insert(db.conflicts).values(
            team_id=team, entity="conversations", entity_id="conv-1", field="subject",
            lost_value='"Printer"', lost_stamp=stamp, won_value='"Printer on fire"',
            won_stamp=stamp, reason="older", created_at=now))
        conn.execute(insert(db.login_failures).values(key="user:mallory", at=now))
        conn.execute(insert(db.blobs).values(
            team_id=team, sha256="0" * 64, size=3, data=b"abc", created_at=now))
        conn.execute(insert(presence.presence).values(
            device_id="dev-a", team_id=team, user_id=alice, user="alice",
            conversation_id="conv-1", state="viewing", expires_at=now + 60))
    engine.dispose()
    return access


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every server table."""
    engine = db.make_engine(url)
    with engine.connect() as conn:
        have = set(inspect(conn).get_table_names())  # tables newer than the dump's database
        out = {t.name: sorted((tuple(r) for r in conn.execute(select(t))), key=repr)
               for t in db.metadata.sorted_tables if t.name in have}
    engine.dispose()
    return out


def layout(url: str) -> dict[str, Any]:
    """Tables, columns, keys and indexes as the database reports them."""
    engine = db.make_engine(url)
    insp = inspect(engine)
    out: dict[str, Any] = {}
    for t in sorted(insp.get_table_names()):
        out[t] = (
            [(c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns(t)],
            insp.get_pk_constraint(t)["constrained_columns"],
            sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]))
                   for i in insp.get_indexes(t)),
            sorted((u["name"], tuple(u["column_names"])) for u in insp.get_unique_constraints(t)),
            sorted((f["name"], tuple(f["constrained_columns"]), f["referred_table"])
                   for f in insp.get_foreign_keys(t)),
        )
    engine.dispose()
    return out


def stored_version(url: str) -> str | None:
    engine = db.make_engine(url)
    with engine.connect() as conn:
        found = conn.scalar(
            select(db.server_meta.c.value).where(db.server_meta.c.key == "schema_version"))
    engine.dispose()
    return found


def set_version(url: str, version: int) -> None:
    engine = db.make_engine(url)
    with db.write_tx(engine) as conn:
        conn.execute(update(db.server_meta).where(db.server_meta.c.key == "schema_version")
                     .values(value=str(version)))
    engine.dispose()


def upgrade(url: str, steps: tuple[db.Step, ...] = db.STEPS) -> db.Upgrade:
    engine = db.make_engine(url)
    try:
        return db.upgrade_schema(engine, steps=steps)
    finally:
        engine.dispose()


def test_the_steps_are_numbered_from_2_without_gaps() -> None:
    assert db.check_steps(db.STEPS) == db.SCHEMA_VERSION >= 2
    with pytest.raises(ValueError, match="out of order"):
        db.check_steps([*db.STEPS, db.Step(db.SCHEMA_VERSION + 2, "skips one", lambda _c: None)])


def test_a_new_database_starts_at_the_newest_schema(url: str) -> None:
    up = upgrade(url)
    assert (up.before, up.after, up.applied, up.backup) == (None, db.SCHEMA_VERSION, (), None)
    assert stored_version(url) == str(db.SCHEMA_VERSION)
    assert "presence" in layout(url)  # even though nothing imported the endpoint's module


def test_a_schema_1_database_is_upgraded_with_all_its_data(url: str) -> None:
    make_schema_1(url)
    access = populate(url)
    before = dump(url)
    engine = db.make_engine(url)
    status = db.schema_status(engine)
    engine.dispose()
    assert (status.version, status.latest) == (1, db.SCHEMA_VERSION) and not status.too_new
    assert [s.version for s in status.pending] == list(range(2, db.SCHEMA_VERSION + 1))

    up = upgrade(url)

    assert (up.before, up.after) == (1, db.SCHEMA_VERSION)
    assert up.applied == db.STEPS
    assert stored_version(url) == str(db.SCHEMA_VERSION)
    after = dump(url)
    after["server_meta"].remove(("schema_version", str(db.SCHEMA_VERSION)))
    # teams, users, tokens, changes... all kept; tables made since (claims) start empty
    assert {k: v for k, v in after.items() if k in before or v} == before
    # Exactly the layout of a database made new by this code.
    fresh = url.replace("server.sqlite3", "fresh.sqlite3") if url.startswith("sqlite") else None
    if fresh is not None:
        upgrade(fresh)
        assert layout(url) == layout(fresh)

    # Devices keep working as they were: the old token, passwords, the cursor's changes.
    app = create_app(url)
    try:
        assert app.state.epoch == "epoch-of-schema-1"
        with TestClient(app) as http:
            mine = http.get("/devices", headers={"Authorization": f"Bearer {access}"})
            assert mine.status_code == 200
            assert [d["name"] for d in mine.json()] == ["alice's laptop"]
            login = http.post("/auth/login", json={"user": "bob", "password": PASSWORD,
                                                   "device_name": "desk", "device_id": "desk-b"})
            assert login.status_code == 200, login.text
            bob = {"Authorization": f"Bearer {login.json()['access_token']}"}
            pulled = http.get("/sync/pull", params={"cursor": 0}, headers=bob).json()
            assert [(c["entity_id"], c["fields"]) for c in pulled["changes"]] == [
                ("conv-1", {"subject": "Printer on fire"})]
    finally:
        app.state.engine.dispose()


@pytest.mark.postgres
def test_the_upgraded_postgresql_layout_equals_a_new_one(postgres: PostgresCluster,
                                                         tmp_path: Path) -> None:
    name = f"sd_{tmp_path.name.replace('-', '_').lower()}"[:55]
    old, new = postgres.create_database(name + "_old"), postgres.create_database(name + "_new")
    make_schema_1(old)
    upgrade(old)
    upgrade(new)
    assert layout(old) == layout(new)


def test_sqlite_is_backed_up_before_an_upgrade_and_not_on_the_next_start(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    make_schema_1(url)
    populate(url)
    before = dump(url)

    up = upgrade(url)

    assert up.backup == tmp_path / f"backup-before-schema-{db.SCHEMA_VERSION}.sqlite3"
    copy = sqlite3.connect(up.backup)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT key FROM server_meta").fetchall() == [("epoch",)]
        assert sorted(copy.execute("SELECT name FROM users").fetchall()) == [("alice",), ("bob",)]
        assert copy.execute("SELECT count(*) FROM changes").fetchone() == (1,)
    finally:
        copy.close()
    assert not list(tmp_path.glob("*.partial"))

    again = upgrade(url)  # the next start

    assert (again.before, again.applied, again.backup) == (db.SCHEMA_VERSION, (), None)
    assert sorted(p.name for p in tmp_path.glob("backup-*")) == [up.backup.name]
    after = dump(url)
    after["server_meta"].remove(("schema_version", str(db.SCHEMA_VERSION)))
    assert {k: v for k, v in after.items() if k in before or v} == before  # new tables empty


def test_the_cleanup_of_old_failed_sign_ins_uses_the_new_index(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    make_schema_1(url)
    engine = db.make_engine(url)
    cleanup = delete(db.login_failures).where(db.login_failures.c.at < 1.0)
    sql = str(cleanup.compile(engine, compile_kwargs={"literal_binds": True}))

    def plan() -> str:
        with engine.connect() as conn:
            return " ".join(str(r[-1]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))

    try:
        assert "SCAN login_failures" in plan()
        db.upgrade_schema(engine)
        assert "USING INDEX ix_login_failures_at" in plan()
    finally:
        engine.dispose()


def test_a_database_of_a_newer_server_is_refused_and_left_alone(url: str) -> None:
    upgrade(url)
    populate(url)
    set_version(url, db.SCHEMA_VERSION + 1)
    before, shape = dump(url), layout(url)

    with pytest.raises(db.SchemaTooNewError) as refused:
        upgrade(url)
    with pytest.raises(db.SchemaTooNewError):
        create_app(url)

    assert str(refused.value) == (
        f"This database was upgraded by a newer SupportDesk server (schema "
        f"{db.SCHEMA_VERSION + 1}); this server knows schema {db.SCHEMA_VERSION}. "
        "Install the newer server.")
    assert dump(url) == before and layout(url) == shape
    if url.startswith("sqlite"):
        assert not list(Path(url.removeprefix("sqlite:///")).parent.glob("backup-*"))


def test_a_damaged_schema_version_is_reported_not_guessed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    upgrade(url)
    engine = db.make_engine(url)
    with db.write_tx(engine) as conn:
        conn.execute(update(db.server_meta).where(db.server_meta.c.key == "schema_version")
                     .values(value="banana"))
    engine.dispose()
    with pytest.raises(db.SchemaError, match="schema version 'banana' is not one SupportDesk"):
        upgrade(url)
    assert admin_run(tmp_path, "status")[0] == 1


def test_a_step_that_fails_leaves_the_database_as_it_was(url: str) -> None:
    make_schema_1(url)
    populate(url)
    before, shape = dump(url), layout(url)

    def half_done(conn: Connection) -> None:
        conn.exec_driver_sql("ALTER TABLE teams ADD COLUMN motto VARCHAR(200)")
        conn.exec_driver_sql("UPDATE teams SET motto = 'half'")
        raise RuntimeError("the disk went away")

    steps = (*db.STEPS, db.Step(db.SCHEMA_VERSION + 1, "breaks", half_done))
    with pytest.raises(RuntimeError, match="disk went away"):
        upgrade(url, steps)

    assert stored_version(url) is None  # still schema 1
    assert dump(url) == before and layout(url) == shape  # neither step 2 nor the column


def test_a_later_step_runs_once_and_then_this_code_refuses_the_database(url: str) -> None:
    upgrade(url)
    populate(url)

    def add_motto(conn: Connection) -> None:
        conn.exec_driver_sql("ALTER TABLE teams ADD COLUMN motto VARCHAR(200)")
        conn.exec_driver_sql("UPDATE teams SET motto = 'We answer'")

    steps = (*db.STEPS, db.Step(db.SCHEMA_VERSION + 1, "teams get a motto", add_motto))
    up = upgrade(url, steps)
    assert [s.summary for s in up.applied] == ["teams get a motto"]
    assert upgrade(url, steps).applied == ()  # would fail if it ran again (duplicate column)
    engine = db.make_engine(url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT motto FROM teams").scalar() == "We answer"
    status = db.schema_status(engine)  # as this (older) code sees it
    engine.dispose()
    assert status.too_new and status.version == db.SCHEMA_VERSION + 1
    with pytest.raises(db.SchemaTooNewError):
        upgrade(url)


# -- the command line ----------------------------------------------------------------------


def admin_run(data: Path, *args: str, url: str | None = None) -> tuple[int, str, str]:
    """``supportdesk-server admin`` in this process: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    argv = ["--data", str(data), *(["--database", url] if url else []), *args]
    with contextlib.redirect_stderr(err):
        code = cli.run_admin(argv, stdin=io.StringIO(PASSWORD + "\n"), out=out)
    return code, out.getvalue(), err.getvalue()


def test_admin_status_and_migrate_say_where_the_database_stands(tmp_path: Path) -> None:
    data = tmp_path / "server"
    data.mkdir()
    url = f"sqlite:///{data / cli.DB_FILE}"
    latest = db.SCHEMA_VERSION

    assert admin_run(data, "status") == (
        1, "", f"supportdesk-server admin: there is no server database in {data} "
        "(the server or 'admin create-team' makes it).\n")
    assert not (data / cli.DB_FILE).exists()  # asking created nothing

    make_schema_1(url)
    code, out, _ = admin_run(data, "status")
    assert code == 0
    assert out.splitlines()[:3] == [
        f"Schema: 1 (this server knows schema {latest})",
        f"Upgrade pending to schema {latest}:",
        f"  2: {db.STEPS[0].summary}",
    ]
    assert admin_run(data, "schema")[1] == out  # the same under its other name

    code, out, _ = admin_run(data, "migrate")
    backup = data / f"backup-before-schema-{latest}.sqlite3"
    assert code == 0 and backup.exists()
    assert out.splitlines()[0] == (
        f"Upgraded the server database from schema 1 to {latest}; "
        f"the database as it was is in {backup}.")

    assert admin_run(data, "migrate") == (
        0, f"The server database is at schema {latest} already; nothing to do.\n", "")
    assert admin_run(data, "status") == (
        0, f"Schema: {latest} (this server knows schema {latest})\n"
        "Up to date: no upgrade pending.\n", "")

    set_version(url, latest + 1)
    code, out, err = admin_run(data, "status")
    assert code == 1 and out == f"Schema: {latest + 1} (this server knows schema {latest})\n"
    assert "upgraded by a newer SupportDesk server" in err
    for action in (["migrate"], ["devices"], ["add-agent", "carol"]):
        code, out, err = admin_run(data, *action)
        assert (code, out) == (1, "") and err == (
            f"supportdesk-server admin: {db.too_new_message(latest + 1, latest)}\n")


def test_a_new_database_made_by_admin_migrate(tmp_path: Path) -> None:
    assert admin_run(tmp_path, "migrate") == (
        0, f"Created a new server database at schema {db.SCHEMA_VERSION}.\n", "")


def test_the_server_refuses_to_start_on_a_newer_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / cli.DB_FILE}"
    upgrade(url)
    set_version(url, db.SCHEMA_VERSION + 1)
    before = dump(url)
    ran = subprocess.run(
        [sys.executable, "-m", "supportdesk.server.cli", "--data", str(tmp_path),
         "--port", str(free_port())],
        capture_output=True, text=True, env=python_env(), timeout=60, check=False)
    assert ran.returncode == 1
    assert ran.stderr.strip().splitlines()[-1] == (
        "supportdesk-server: " + db.too_new_message(db.SCHEMA_VERSION + 1, db.SCHEMA_VERSION))
    assert dump(url) == before


# -- several processes at once -----------------------------------------------------------


def _admin_migrate(data: Path, url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "supportdesk.server.cli", "admin", "--data", str(data),
         "--database", url, "migrate"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=python_env())


def _wait_for_waiters(engine: Engine, n: int) -> None:
    """Until ``n`` sessions wait for the schema lock (PostgreSQL)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with engine.connect() as conn:
            waiting = conn.exec_driver_sql(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            ).scalar()
        if waiting == n:
            return
        time.sleep(0.05)
    raise AssertionError(f"{n} processes never queued for the schema lock")


@pytest.mark.slow
def test_two_migrations_at_once_upgrade_once(url: str, tmp_path: Path) -> None:
    make_schema_1(url)
    populate(url)
    before = dump(url)
    holder = db.make_engine(url)
    procs = []
    try:
        # Hold the lock the way an upgrading process does, so both queue behind it.
        with db.write_tx(holder) as conn:
            if holder.dialect.name == "postgresql":
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7412093)")
            procs = [_admin_migrate(tmp_path, url) for _ in range(2)]
            if holder.dialect.name == "postgresql":
                _wait_for_waiters(holder, 2)
        outputs = [p.communicate(timeout=120) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
        holder.dispose()
    assert [p.returncode for p in procs] == [0, 0], outputs
    said = sorted(out.splitlines()[0].split(" from ")[0].split(" at ")[0] for out, _ in outputs)
    assert said == ["The server database is", "Upgraded the server database"]
    after = dump(url)
    after["server_meta"].remove(("schema_version", str(db.SCHEMA_VERSION)))
    assert {k: v for k, v in after.items() if k in before or v} == before  # new tables empty


@pytest.mark.postgres
@pytest.mark.slow
def test_two_servers_starting_at_once_on_postgresql_upgrade_once(
    postgres: PostgresCluster, tmp_path: Path
) -> None:
    url = postgres.create_database(f"sd_{tmp_path.name.replace('-', '_').lower()}"[:60])
    make_schema_1(url)
    access = populate(url)
    holder = db.make_engine(url)
    servers = [LiveServer(tmp_path / f"s{i}", database=url) for i in range(2)]
    try:
        with holder.connect() as conn, conn.begin():
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7412093)")
            for s in servers:
                s.launch(log_level="info")
            _wait_for_waiters(holder, 2)
        for s in servers:
            s.wait_ready()
        events = [json.loads(line) for s in servers for line in s.log.read_text().splitlines()
                  if line.startswith("{")]
        upgrades = [e for e in events if e["event"] == "schema_upgraded"]
        assert [(e["from_schema"], e["to_schema"]) for e in upgrades] == [
            (1, db.SCHEMA_VERSION)]
        assert stored_version(url) == str(db.SCHEMA_VERSION)
        for s in servers:  # both serve the devices signed in before the upgrade
            mine = requests.get(f"{s.url}/devices", timeout=10,
                                headers={"Authorization": f"Bearer {access}"})
            assert mine.status_code == 200 and len(mine.json()) == 1
    finally:
        for s in servers:
            s.stop()
        holder.dispose()
