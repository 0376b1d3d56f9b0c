"""Teams, users and devices: what ``supportdesk-server admin`` and login do."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

from sqlalchemy import Engine, delete, insert, select, update

from supportdesk.server import auth, db


class AdminError(Exception):
    """A request that cannot be done; the message says why."""


@dataclass(frozen=True)
class DeviceInfo:
    """One signed-in device, for listings."""

    id: str
    team: str
    user: str
    name: str
    last_seen_at: float | None
    revoked: bool


def _check_name(name: str, what: str) -> str:
    name = name.strip()
    if not name or len(name) > 200 or "\x00" in name or any(c.isspace() for c in name):
        raise AdminError(f"A {what} name is 1 to 200 characters without spaces.")
    return name


def create_team(engine: Engine, name: str, owner: str, password: str) -> str:
    """A new team with its owner; returns the team id."""
    name = name.strip()
    if not name or len(name) > 200 or "\x00" in name:
        raise AdminError("A team name is 1 to 200 characters.")
    owner = _check_name(owner, "user")
    problem = auth.check_password_rules(password)
    if problem:
        raise AdminError(problem)
    now = time.time()
    team_id = str(uuid.uuid4())
    with db.write_tx(engine) as conn:
        if conn.scalar(select(db.teams.c.id).where(db.teams.c.name == name)):
            raise AdminError(f"There is already a team called {name!r}.")
        if conn.scalar(select(db.users.c.id).where(db.users.c.name == owner)):
            raise AdminError(f"There is already a user called {owner!r}.")
        conn.execute(insert(db.teams).values(id=team_id, name=name, created_at=now))
        conn.execute(insert(db.counters).values(team_id=team_id, version=0))
        conn.execute(
            insert(db.users).values(
                id=str(uuid.uuid4()), team_id=team_id, name=owner,
                password_hash=auth.hash_password(password), role="owner", active=True,
                created_at=now,
            )
        )
    return team_id


def team_id_for(engine: Engine, team: str | None) -> str:
    """The id of the named team, or of the only team when none is named."""
    with engine.connect() as conn:
        rows = conn.execute(select(db.teams.c.id, db.teams.c.name)).all()
    if team is None:
        if len(rows) == 1:
            return str(rows[0][0])
        if not rows:
            raise AdminError("There is no team yet: run 'create-team NAME --owner USER' first.")
        raise AdminError("There are several teams: name one with --team NAME.")
    for tid, tname in rows:
        if tname == team:
            return str(tid)
    raise AdminError(f"There is no team called {team!r}.")


def add_user(engine: Engine, team_id: str, name: str, password: str, role: str = "agent") -> None:
    """Add an agent (or another owner) to a team."""
    name = _check_name(name, "user")
    if role not in auth.ROLES:
        raise AdminError(f"A role is one of {', '.join(auth.ROLES)}.")
    problem = auth.check_password_rules(password)
    if problem:
        raise AdminError(problem)
    with db.write_tx(engine) as conn:
        row = conn.execute(
            select(db.users.c.id, db.users.c.team_id, db.users.c.active).where(
                db.users.c.name == name
            )
        ).first()
        if row is not None and (row.active or row.team_id != team_id):
            raise AdminError(f"There is already a user called {name!r}.")
        hashed = auth.hash_password(password)
        if row is not None:  # a removed agent comes back
            conn.execute(
                update(db.users).where(db.users.c.id == row.id)
                .values(active=True, password_hash=hashed, role=role)
            )
            return
        conn.execute(
            insert(db.users).values(
                id=str(uuid.uuid4()), team_id=team_id, name=name, password_hash=hashed,
                role=role, active=True, created_at=time.time(),
            )
        )


def _user_id(engine: Engine, name: str) -> str:
    with engine.connect() as conn:
        uid = conn.scalar(select(db.users.c.id).where(db.users.c.name == name))
    if uid is None:
        raise AdminError(f"There is no user called {name!r}.")
    return str(uid)


def remove_user(engine: Engine, name: str) -> None:
    """Deactivate a user and end every session of theirs (their work stays)."""
    uid = _user_id(engine, name)
    with db.write_tx(engine) as conn:
        conn.execute(update(db.users).where(db.users.c.id == uid).values(active=False))
        device_ids = select(db.devices.c.id).where(db.devices.c.user_id == uid)
        conn.execute(delete(db.tokens).where(db.tokens.c.device_id.in_(device_ids)))


def reset_password(engine: Engine, name: str, password: str) -> None:
    """Set a new password and end the user's sessions."""
    problem = auth.check_password_rules(password)
    if problem:
        raise AdminError(problem)
    uid = _user_id(engine, name)
    with db.write_tx(engine) as conn:
        conn.execute(
            update(db.users).where(db.users.c.id == uid)
            .values(password_hash=auth.hash_password(password))
        )
        device_ids = select(db.devices.c.id).where(db.devices.c.user_id == uid)
        conn.execute(delete(db.tokens).where(db.tokens.c.device_id.in_(device_ids)))


def list_devices(engine: Engine, team_id: str | None = None) -> list[DeviceInfo]:
    """Signed-in devices, newest first."""
    d, u, t = db.devices.c, db.users.c, db.teams.c
    query = (
        select(d.id, t.name, u.name, d.name, d.last_seen_at, d.revoked_at)
        .select_from(db.devices.join(db.users, u.id == d.user_id).join(db.teams, t.id == d.team_id))
        .order_by(d.created_at.desc())
    )
    if team_id is not None:
        query = query.where(d.team_id == team_id)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [DeviceInfo(r[0], r[1], r[2], r[3], r[4], r[5] is not None) for r in rows]


def revoke_device(engine: Engine, device_id: str, team_id: str | None = None) -> bool:
    """End a device's tokens for good; False when no such device (in that team)."""
    with db.write_tx(engine) as conn:
        query = select(db.devices.c.id).where(db.devices.c.id == device_id)
        if team_id is not None:
            query = query.where(db.devices.c.team_id == team_id)
        if conn.scalar(query) is None:
            return False
        conn.execute(
            update(db.devices).where(db.devices.c.id == device_id).values(revoked_at=time.time())
        )
        conn.execute(delete(db.tokens).where(db.tokens.c.device_id == device_id))
    return True
