"""Client-side sync bookkeeping: the server cursor, field clocks, conflicts. Not synced."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from supportdesk.models.base import Base, UTCDateTime, utcnow


class SyncPeer(Base):
    """The team server this profile syncs with (one row, ``id`` 1).

    Tokens are not here: they live in the OS keyring.
    """

    __tablename__ = "sync_peer"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str] = mapped_column(String(500))
    user: Mapped[str] = mapped_column(String(200))
    team: Mapped[str] = mapped_column(String(200), default="")
    #: the server's id for this device
    device: Mapped[str] = mapped_column(String(36), default="")
    #: the server database's epoch the cursor belongs to
    epoch: Mapped[str | None] = mapped_column(String(64))
    #: last server version applied here; None until the first snapshot is done
    cursor: Mapped[int | None] = mapped_column(Integer)
    #: progress of an unfinished snapshot (page key and the version it started at)
    snapshot_after: Mapped[str | None] = mapped_column(String(120))
    snapshot_version: Mapped[int | None] = mapped_column(Integer)
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    #: ``sync.schema.schema_version()`` of the app that pulled the rows up to
    #: ``cursor``; when the app's digest differs (it was upgraded), the client
    #: pushes what waits and takes a fresh snapshot. None: not known (a profile
    #: from before this column), treated as different.
    schema_digest: Mapped[str | None] = mapped_column(String(64))


class SyncState(Base):
    """Per synced entity: the clock of each field, its insert and its tombstone.

    ``hidden`` holds the fields of an entity that is known but has no row here
    (deleted, its parent is missing, or it clashed with a local row).
    """

    __tablename__ = "sync_state"
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    clocks: Mapped[str] = mapped_column(Text)  # JSON, packed
    created: Mapped[str | None] = mapped_column(String(96))
    deleted: Mapped[str | None] = mapped_column(String(96))
    hidden: Mapped[str | None] = mapped_column(Text)  # JSON


class SyncConflict(Base):
    """A value that lost a merge (or a change the server refused), for the rep to see."""

    __tablename__ = "sync_conflicts"
    __table_args__ = (UniqueConstraint("entity", "entity_id", "field", "lost_stamp"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(200))
    lost_value: Mapped[str | None] = mapped_column(Text)  # JSON
    lost_stamp: Mapped[str] = mapped_column(String(96))
    won_value: Mapped[str | None] = mapped_column(Text)  # JSON
    won_stamp: Mapped[str] = mapped_column(String(96))
    #: concurrent | deleted | first_insert | rejected
    reason: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


Index("ix_sync_conflicts_open", SyncConflict.resolved_at, SyncConflict.created_at)


class SyncBlobQueue(Base):
    """A file (attachment or raw original) still to move, by content hash.

    ``direction`` is ``upload`` (the server acknowledged a row naming it, from
    this device) or ``download`` (a pulled row names it and it is not here).
    A row leaves the queue once the file moved, or once there is nothing to
    move (the server already had it, or this device never had it).
    """

    __tablename__ = "sync_blob_queue"
    direction: Mapped[str] = mapped_column(String(8), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: failed tries (refused, damaged, HTTP error); waiting for the author is no failure
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
