"""The server's own tables (SQLite on one box, PostgreSQL for bigger teams).

All ordering lives in the database, so several stateless server processes can
share one PostgreSQL: change versions come from a per-team counter row that a
push locks (``SELECT ... FOR UPDATE``) and bumps in the same transaction as
the changes it numbers. A cursor therefore never skips a change that commits
late, as it could with a sequence.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
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
    select,
)

from supportdesk.models.base import NAMING_CONVENTION

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


def create_schema(engine: Engine) -> str:
    """Create missing tables and the database's epoch; returns the epoch.

    The epoch names this database: a client whose cursor came from another
    one (a restored backup, a new server) starts over from a snapshot.
    """
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            # Two server processes starting at once must not both create tables.
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7412093)")
        metadata.create_all(conn)
        epoch = conn.scalar(select(server_meta.c.value).where(server_meta.c.key == "epoch"))
        if epoch is None:
            epoch = str(uuid.uuid4())
            conn.execute(insert(server_meta).values(key="epoch", value=epoch))
    return epoch


@contextmanager
def write_tx(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write (immediate on SQLite)."""
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        yield conn
