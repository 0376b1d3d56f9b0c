"""Passwords (argon2id), opaque tokens kept only as hashes, login throttling."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, and_, delete, func, insert, select, update

from supportdesk.server.db import devices, login_failures, tokens, users

ACCESS_TTL_S = 60 * 60
REFRESH_TTL_S = 90 * 24 * 60 * 60
THROTTLE_WINDOW_S = 60.0
#: bad logins allowed per (user, address) in the window; the next is refused. The
#: lock-out is per pair, so nobody can lock a user out from elsewhere.
THROTTLE_LIMIT = 10
#: bad logins allowed per address over all users in the window (password spraying)
ADDRESS_LIMIT = 50
ROLES = ("owner", "agent")

_hasher = PasswordHasher(type=Type.ID)
_DUMMY_HASH = _hasher.hash("not a password of anyone")


def set_hash_cost(time_cost: int, memory_cost_kib: int) -> None:
    """Change the argon2id cost of new hashes (tests make it cheap; the server never does).

    Existing hashes keep verifying: each stores its own parameters.
    """
    global _hasher, _DUMMY_HASH
    _hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost_kib, type=Type.ID)
    _DUMMY_HASH = _hasher.hash("not a password of anyone")


def hash_password(password: str) -> str:
    """An argon2id hash (with its own salt and parameters)."""
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Whether the password matches; takes as long for unknown users."""
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def check_password_rules(password: str) -> str | None:
    """Why a new password is not acceptable, or None."""
    if len(password) < 8:
        return "A password needs at least 8 characters."
    if len(password) > 1024:
        return "A password can be at most 1024 characters."
    if "\x00" in password:
        return "A password cannot contain a NUL character."
    return None


def token_hash(token: str) -> str:
    """What the database keeps of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Principal:
    """Who is asking: a signed-in device of a user of a team."""

    team_id: str
    user_id: str
    user: str
    role: str
    device_id: str
    client_device: str


def issue_tokens(conn: Connection, device_id: str, now: float) -> tuple[str, str]:
    """A new access and refresh token for a device (older ones of the device end)."""
    conn.execute(delete(tokens).where(tokens.c.device_id == device_id))
    access = secrets.token_urlsafe(32)
    refresh = secrets.token_urlsafe(32)
    conn.execute(
        insert(tokens),
        [
            {"hash": token_hash(access), "kind": "access", "device_id": device_id,
             "expires_at": now + ACCESS_TTL_S, "created_at": now},
            {"hash": token_hash(refresh), "kind": "refresh", "device_id": device_id,
             "expires_at": now + REFRESH_TTL_S, "created_at": now},
        ],
    )
    return access, refresh


def rotate_refresh(conn: Connection, token: str, now: float) -> tuple[str, str] | Reused | None:
    """Trade a refresh token for a new access and refresh token; None if it is not live.

    The used token is kept as ``used`` until it would have expired: presenting it again
    means it was copied, so every token of that device ends (the device signs in again)
    and :class:`Reused` says which device (commit the transaction: the ending must stay).
    """
    who = lookup(conn, token, "refresh", now)
    h = token_hash(token)
    if who is not None:
        taken = conn.execute(update(tokens).where(
            tokens.c.hash == h, tokens.c.kind == "refresh").values(kind="used"))
        if taken.rowcount == 1:
            conn.execute(delete(tokens).where(
                and_(tokens.c.device_id == who.device_id, tokens.c.kind == "access")))
            access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
            conn.execute(insert(tokens), [
                {"hash": token_hash(access), "kind": "access", "device_id": who.device_id,
                 "expires_at": now + ACCESS_TTL_S, "created_at": now},
                {"hash": token_hash(refresh), "kind": "refresh", "device_id": who.device_id,
                 "expires_at": now + REFRESH_TTL_S, "created_at": now},
            ])
            return access, refresh
    reused = conn.scalar(select(tokens.c.device_id).where(
        tokens.c.hash == h, tokens.c.kind == "used"))
    if reused is not None:
        conn.execute(delete(tokens).where(tokens.c.device_id == reused))
        return Reused(str(reused))
    return None


@dataclass(frozen=True)
class Reused:
    """A refresh token was used twice: that device's sign-in has ended."""

    device_id: str


def new_access_token(conn: Connection, device_id: str, now: float) -> str:
    """Replace a device's access token (its refresh token stays)."""
    conn.execute(
        delete(tokens).where(and_(tokens.c.device_id == device_id, tokens.c.kind == "access"))
    )
    access = secrets.token_urlsafe(32)
    conn.execute(
        insert(tokens).values(
            hash=token_hash(access), kind="access", device_id=device_id,
            expires_at=now + ACCESS_TTL_S, created_at=now,
        )
    )
    return access


def lookup(conn: Connection, token: str, kind: str, now: float) -> Principal | None:
    """The principal a live token belongs to, or None."""
    row = conn.execute(
        select(
            devices.c.team_id, users.c.id, users.c.name, users.c.role, devices.c.id,
            devices.c.client_device,
        )
        .select_from(tokens.join(devices, devices.c.id == tokens.c.device_id)
                     .join(users, users.c.id == devices.c.user_id))
        .where(
            tokens.c.hash == token_hash(token),
            tokens.c.kind == kind,
            tokens.c.expires_at > now,
            devices.c.revoked_at.is_(None),
            users.c.active.is_(True),
        )
    ).first()
    if row is None:
        return None
    return Principal(row[0], row[1], row[2], row[3], row[4], row[5])


def throttle_keys(user: str, address: str) -> list[str]:
    """The failure counters a sign-in counts against: (user, address) and the address."""
    return [f"pair:{user.casefold()}|{address}", f"ip:{address}"]


def _limit(key: str) -> int:
    return ADDRESS_LIMIT if key.startswith("ip:") else THROTTLE_LIMIT


def throttled(conn: Connection, keys: list[str], now: float) -> bool:
    """Whether any key had its limit of bad logins in the window."""
    counts = conn.execute(
        select(login_failures.c.key, func.count())
        .where(login_failures.c.key.in_(keys), login_failures.c.at > now - THROTTLE_WINDOW_S)
        .group_by(login_failures.c.key)
    ).all()
    return any(n >= _limit(key) for key, n in counts)


def begin_attempt(conn: Connection, keys: list[str], now: float) -> bool:
    """Count a sign-in as failed *before* its password is checked; False when throttled.

    The count and the check happen in one write transaction (serialised on SQLite, under
    advisory locks on PostgreSQL), so parallel attempts all count. A throttled attempt
    leaves no count; one whose password turns out right is taken back with
    :func:`end_attempt`.
    """
    if conn.dialect.name == "postgresql":
        for key in sorted(set(keys)):
            conn.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(key, 13))))
    if throttled(conn, keys, now):
        return False
    conn.execute(insert(login_failures), [{"key": k, "at": now} for k in keys])
    conn.execute(delete(login_failures).where(login_failures.c.at < now - 3600))
    return True


def end_attempt(conn: Connection, keys: list[str], now: float) -> None:
    """Take back the counts of an attempt whose password was right."""
    conn.execute(delete(login_failures).where(
        login_failures.c.key.in_(keys), login_failures.c.at == now))


def record_failure(conn: Connection, keys: list[str], now: float) -> None:
    """Count a bad login against each key; forget ones older than an hour."""
    conn.execute(insert(login_failures), [{"key": k, "at": now} for k in keys])
    conn.execute(delete(login_failures).where(login_failures.c.at < now - 3600))
