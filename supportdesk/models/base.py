"""Declarative base, shared column types and id helpers."""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Dialect, MetaData, TypeDecorator
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every table; constraint names follow one convention for Alembic."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime, stored naive-UTC so SQLite sorts it as text."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware one is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    """Now, aware, in UTC."""
    return datetime.now(UTC)


_uuid7_lock = threading.Lock()
_uuid7_last_ms = 0
_uuid7_counter = 0


def new_id(at: datetime | None = None) -> str:
    """A time-ordered UUID (version 7 layout) made on this device.

    Args:
        at: the instant to encode; now when omitted. The demo generator passes
            the creation time so ids sort like the data they name.
    """
    global _uuid7_last_ms, _uuid7_counter
    ms = int((at.timestamp() if at else time.time()) * 1000)
    with _uuid7_lock:
        if at is None:
            if ms <= _uuid7_last_ms:
                _uuid7_counter += 1
                ms = _uuid7_last_ms
            else:
                _uuid7_counter = 0
                _uuid7_last_ms = ms
            counter = _uuid7_counter & 0xFFF
        else:
            counter = secrets.randbits(12)
    rand = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | counter << 64 | 0b10 << 62 | rand
    return str(uuid.UUID(int=value))


#: Namespace for ids derived from outside identifiers (Message-IDs, chat ids).
ID_NAMESPACE = uuid.UUID("5b0f3c1e-8d7a-4f43-9a55-3e2d1c6a7b90")


def derived_id(*parts: str) -> str:
    """A deterministic id for something named outside this device.

    Two laptops that see the same outside name make the same id, so work
    ingested on both converges on one row.
    """
    return str(uuid.uuid5(ID_NAMESPACE, "\x1f".join(parts)))


_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def ticket_ref(conversation_id: str) -> str:
    """The short human ticket reference of a conversation, e.g. ``SD-7KQ2M9XA``.

    It is derived from the id, so every device shows the same reference; it is
    for people and subject tags, never a key.
    """
    digest = uuid.UUID(conversation_id).bytes
    n = int.from_bytes(hashlib.sha256(digest).digest()[:5], "big")
    chars = [_CROCKFORD[(n >> (5 * i)) & 31] for i in range(8)]
    return "SD-" + "".join(reversed(chars))
