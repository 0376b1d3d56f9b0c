"""The server's own tables (SQLite on one box, PostgreSQL for bigger teams).

All ordering lives in the database, so several stateless server processes can
share one PostgreSQL: change versions come from a per-team counter row that a
push locks (``SELECT ... FOR UPDATE``) and bumps in the same transaction as
the changes it numbers. A cursor therefore never skips a change that commits
late, as it could with a sequence.

The tables' layout has a version (``SCHEMA_VERSION``, kept in ``server_meta``);
``upgrade_schema`` brings an older database to it on start, one process at a
time, and refuses a database that a newer server upgraded.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    insert,
    inspect,
    select,
    update,
)

from supportdesk.models.base import NAMING_CONVENTION
from supportdesk.store.private import private_file

metadata = MetaData(naming_convention=NAMING_CONVENTION)

server_meta = Table(
    "server_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

teams = Table(
    "teams",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", Float, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("team_id", ForeignKey("teams.id"), nullable=False, index=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(16), nullable=False),  # owner | agent
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", Float, nullable=False),
)

devices = Table(
    "devices",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("team_id", ForeignKey("teams.id"), nullable=False, index=True),
    Column("user_id", ForeignKey("users.id"), nullable=False),
    Column("name", String(200), nullable=False),
    #: the id the device puts in its clock stamps
    Column("client_device", String(64), nullable=False),
    Column("last_mutation_id", BigInteger, nullable=False, default=0),
    Column("created_at", Float, nullable=False),
    Column("last_seen_at", Float, nullable=True),
    Column("revoked_at", Float, nullable=True),
    UniqueConstraint("user_id", "client_device"),
)

tokens = Table(
    "tokens",
    metadata,
    #: sha256 of the token; the token itself is never stored
    Column("hash", String(64), primary_key=True),
    Column("kind", String(8), nullable=False),  # access | refresh
    Column("device_id", ForeignKey("devices.id"), nullable=False, index=True),
    Column("expires_at", Float, nullable=False),
    Column("created_at", Float, nullable=False),
)

counters = Table(
    "team_counters",
    metadata,
    Column("team_id", ForeignKey("teams.id"), primary_key=True),
    Column("version", BigInteger, nullable=False),
)

changes = Table(
    "changes",
    metadata,
    Column("team_id", String(36), primary_key=True),
    Column("version", BigInteger, primary_key=True),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("op", String(16), nullable=False),
    Column("fields", Text, nullable=False),  # JSON
    Column("stamp", String(96), nullable=False),
    Column("base", Text, nullable=True),  # JSON
    Column("device_id", String(36), nullable=False),
)

entity_state = Table(
    "entity_state",
    metadata,
    Column("team_id", String(36), primary_key=True),
    Column("entity", String(32), primary_key=True),
    Column("entity_id", String(64), primary_key=True),
    Column("rank", Integer, nullable=False),
    Column("fields", Text, nullable=False),  # JSON
    Column("clocks", Text, nullable=False),  # JSON, packed
    Column("created", String(96), nullable=True),
    #: the tombstone: stamp of the earliest delete
    Column("deleted", String(96), nullable=True),
    Column("version", BigInteger, nullable=False),
)
Index("ix_entity_state_snapshot", entity_state.c.team_id, entity_state.c.rank,
      entity_state.c.entity_id)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team_id", String(36), nullable=False),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("field", String(200), nullable=False),
    Column("lost_value", Text, nullable=True),  # JSON
    Column("lost_stamp", String(96), nullable=False),
    Column("won_value", Text, nullable=True),  # JSON
    Column("won_stamp", String(96), nullable=False),
    Column("reason", String(16), nullable=False),
    Column("created_at", Float, nullable=False),
    UniqueConstraint("team_id", "entity", "entity_id", "field", "lost_stamp"),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(300), nullable=False),
    Column("at", Float, nullable=False),
)
Index("ix_login_failures_key_at", login_failures.c.key, login_failures.c.at)
#: for the clean-up of old failures (schema 2)
Index("ix_login_failures_at", login_failures.c.at)

blobs = Table(
    "blobs",
    metadata,
    Column("team_id", String(36), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("created_at", Float, nullable=False),
)


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    # Writers take the write lock up front: two pushes never deadlock upgrading
    # a read lock, and the version counter is read under the lock it is bumped in.
    immediate = conn.get_execution_options().get("immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


#: one entry per signed-in device: what it has open now (server/presence.py)
presence = Table(
    "presence",
    metadata,
    #: one entry per signed-in device: what it has open now
    Column("device_id", String(36), primary_key=True),
    Column("team_id", String(36), nullable=False),
    Column("user_id", String(36), nullable=False),
    Column("user", String(200), nullable=False),
    Column("conversation_id", String(64), nullable=False),
    Column("state", String(8), nullable=False),
    Column("expires_at", Float, nullable=False),
)
Index("ix_presence_conversation", presence.c.team_id, presence.c.conversation_id)
Index("ix_presence_expires", presence.c.expires_at)

#: the first device to claim a key for its team holds it (server/claims.py: pages sent once)
claims = Table(
    "claims",
    metadata,
    Column("team_id", String(36), primary_key=True),
    Column("key", String(200), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("created_at", Float, nullable=False),
)


def make_engine(url: str) -> Engine:
    """An engine for the server's database (``sqlite:///...`` or ``postgresql+psycopg://``)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, pool_size=8, max_overflow=8)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


def is_sqlite(engine: Engine) -> bool:
    """Whether the engine talks to SQLite."""
    return engine.dialect.name == "sqlite"


# -- schema versions -------------------------------------------------------------------
#
# ``server_meta`` keeps ``schema_version``, the layout of the server's own tables.
# A database made before the version was recorded has no such key: it is at
# schema 1. Raising the layout means adding a ``Step`` at the end of ``STEPS``
# (and changing the tables above to match): the step brings an existing
# database from the version before it, and a new database gets the newest
# layout from ``create_all`` without running any step. A test checks that an
# upgraded database has exactly the layout of a new one.

#: the PostgreSQL advisory lock that makes schema work one process at a time
_SCHEMA_LOCK = 7412093
_VERSION_KEY = "schema_version"
#: every server table before versions were recorded: any of them means schema 1
_SCHEMA_1_TABLES = ("server_meta", "teams", "users", "devices", "tokens", "changes")


class SchemaError(Exception):
    """The database cannot be used or upgraded as it is; the message says why."""


class SchemaTooNewError(SchemaError):
    """A newer server upgraded this database; this one must not touch it."""


@dataclass(frozen=True)
class Step:
    """One upgrade of the server's tables.

    ``apply`` runs inside the upgrade's transaction with the database at
    ``version - 1`` and leaves it at ``version``. A table that does not exist
    yet is skipped: ``create_all`` makes it afterwards in its newest shape.
    """

    version: int
    summary: str
    apply: Callable[[Connection], None]


def _has_table(conn: Connection, name: str) -> bool:
    return inspect(conn).has_table(name)


def _step_2_login_failures_by_time(conn: Connection) -> None:
    # Every failed sign-in deletes the failures older than an hour; without an
    # index on the time alone that delete read the whole table, which grows
    # fastest exactly when someone is guessing passwords.
    if _has_table(conn, "login_failures"):
        conn.exec_driver_sql(
            'CREATE INDEX IF NOT EXISTS ix_login_failures_at ON login_failures ("at")'
        )


STEPS: tuple[Step, ...] = (
    Step(2, "index failed sign-ins by time (their hourly clean-up no longer reads them all)",
         _step_2_login_failures_by_time),
)

#: the layout this code reads and writes
SCHEMA_VERSION = STEPS[-1].version


def check_steps(steps: Sequence[Step]) -> int:
    """The version the steps lead to.

    Raises:
        ValueError: the steps are not numbered 2, 3, ... in order.
    """
    for expected, step in enumerate(steps, start=2):
        if step.version != expected:
            raise ValueError(f"schema step {step.version} is out of order (expected {expected})")
    return len(steps) + 1


def too_new_message(found: int, known: int) -> str:
    """What a server says when the database is newer than it."""
    return (
        f"This database was upgraded by a newer SupportDesk server (schema {found}); "
        f"this server knows schema {known}. Install the newer server."
    )


@dataclass(frozen=True)
class SchemaStatus:
    """Where a database stands against this code."""

    #: the database's schema, or None when it has no server tables yet
    version: int | None
    #: the schema this code knows
    latest: int
    #: the steps an upgrade would run, oldest first
    pending: tuple[Step, ...]

    @property
    def too_new(self) -> bool:
        """Whether a newer server upgraded the database."""
        return self.version is not None and self.version > self.latest


@dataclass(frozen=True)
class Upgrade:
    """What bringing a database to this code's schema did."""

    epoch: str
    #: the schema before, or None when the tables were created now
    before: int | None
    after: int
    #: the steps that ran
    applied: tuple[Step, ...]
    #: the copy made before the steps ran (SQLite only)
    backup: Path | None


def _stored_version(conn: Connection) -> int | None:
    """The schema of the database on ``conn``; None when it has no server tables."""
    names = set(inspect(conn).get_table_names())
    if "server_meta" in names:
        raw = conn.scalar(
            select(server_meta.c.value).where(server_meta.c.key == _VERSION_KEY)
        )
        if raw is not None:
            try:
                version = int(raw)
            except ValueError:
                version = 0
            if version < 1:
                raise SchemaError(
                    f"The database's schema version {raw!r} is not one SupportDesk writes; "
                    "it may be damaged or belong to another program."
                )
            return version
    if names.intersection(_SCHEMA_1_TABLES):
        return 1
    return None


def _status(conn: Connection, steps: Sequence[Step]) -> SchemaStatus:
    latest = check_steps(steps)
    version = _stored_version(conn)
    pending = () if version is None else tuple(s for s in steps if s.version > version)
    return SchemaStatus(version, latest, pending)


def schema_status(engine: Engine, steps: Sequence[Step] = STEPS) -> SchemaStatus:
    """Where the database stands, without changing anything."""
    with engine.connect() as conn:
        return _status(conn, steps)


def sqlite_path(engine: Engine) -> Path | None:
    """The file of a SQLite database, or None (PostgreSQL, in-memory)."""
    name = engine.url.database
    if not is_sqlite(engine) or not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name)


def _backup_sqlite(source: Path, version: int) -> Path:
    """Copy the database beside its file, as one self-contained file.

    The caller holds the write lock, so the committed state read here is the
    one the upgrade starts from. (SQLite's backup cannot read through the
    connection that holds the lock: it would wait for itself.)
    """
    target = source.with_name(f"backup-before-schema-{version}.sqlite3")
    n = 1
    while target.exists():  # never overwrite an earlier backup
        n += 1
        target = source.with_name(f"backup-before-schema-{version}-{n}.sqlite3")
    partial = target.with_name(target.name + ".partial")
    try:
        partial.unlink(missing_ok=True)  # left by a copy that was cut short
        reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        try:
            private_file(partial)
            copy = sqlite3.connect(partial)
            try:
                reader.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()
        finally:
            reader.close()
        partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise SchemaError(
            f"Could not back up the database to {target} before upgrading it ({exc}); "
            "nothing was changed."
        ) from exc
    return target


def upgrade_schema(engine: Engine, *, steps: Sequence[Step] = STEPS) -> Upgrade:
    """Create or upgrade the server's tables to this code's schema; one process at a time.

    Runs in one transaction under a lock (a PostgreSQL advisory lock, SQLite's
    write lock), so two servers starting at once upgrade once, and a step that
    fails leaves the database as it was. Before a SQLite database is upgraded,
    it is copied to ``backup-before-schema-N.sqlite3`` beside its file.

    Raises:
        SchemaTooNewError: a newer server upgraded the database; nothing is touched.
        SchemaError: the database cannot be read or backed up.
    """
    with write_tx(engine) as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_SCHEMA_LOCK})")
        status = _status(conn, steps)
        if status.too_new:
            raise SchemaTooNewError(too_new_message(status.version or 0, status.latest))
        copy = None
        source = sqlite_path(engine)
        if status.pending and source is not None:
            copy = _backup_sqlite(source, status.latest)
        for step in status.pending:
            step.apply(conn)
        metadata.create_all(conn)
        if status.version != status.latest:
            _set_meta(conn, _VERSION_KEY, str(status.latest))
        epoch = conn.scalar(select(server_meta.c.value).where(server_meta.c.key == "epoch"))
        if epoch is None:
            epoch = str(uuid.uuid4())
            _set_meta(conn, "epoch", epoch)
    return Upgrade(epoch, status.version, status.latest, status.pending, copy)


def _set_meta(conn: Connection, key: str, value: str) -> None:
    found = conn.scalar(select(server_meta.c.key).where(server_meta.c.key == key))
    if found is None:
        conn.execute(insert(server_meta).values(key=key, value=value))
    else:
        conn.execute(update(server_meta).where(server_meta.c.key == key).values(value=value))


def create_schema(engine: Engine) -> str:
    """Create or upgrade the server's tables (see ``upgrade_schema``); returns the epoch.

    The epoch names this database: a client whose cursor came from another
    one (a restored backup, a new server) starts over from a snapshot.
    """
    return upgrade_schema(engine).epoch


@contextmanager
def write_tx(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write (immediate on SQLite)."""
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        yield conn
