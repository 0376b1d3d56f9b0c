"""Who else is viewing or replying to a conversation (issue 6, "Collision").

A signed-in device says what it has open (``viewing`` or ``replying`` to one
conversation, or nothing) and gets back the other agents of its team who have
the same conversation open. Entries live in the server's database, not in a
process, so several server processes over one PostgreSQL agree; an entry that
is not renewed within ``PRESENCE_TTL_S`` is gone.
"""

# No ``from __future__ import annotations``: FastAPI reads these annotations at
# definition time, and ``Who`` below is a local name.

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from sqlalchemy import Engine, and_, delete, insert, select
from sqlalchemy.exc import IntegrityError

from supportdesk.server import db
from supportdesk.server.auth import Principal

#: seconds an entry lasts without renewal (clients renew about every 20 s)
PRESENCE_TTL_S = 60.0

State = Literal["viewing", "replying"]

#: the table lives with the others in ``db`` (no import cycle)
presence = db.presence


class PresenceRequest(BaseModel):
    """What this device has open now; no conversation means nothing."""

    conversation_id: str | None = Field(
        default=None, pattern=r"^[A-Za-z0-9_.:-]{1,64}$",
        description="the conversation shown, or null when none is",
    )
    state: State = Field(default="viewing", description="replying while a composer is open")


class Other(BaseModel):
    """Another agent with the same conversation open."""

    user: str
    state: State


class PresenceResponse(BaseModel):
    """The other agents of the team on that conversation (never the caller)."""

    others: list[Other]
    expires_in: float


def _ranked(rows: list[Any]) -> list[Other]:
    """One line per user; replying outranks viewing (two laptops of one agent)."""
    best: dict[str, str] = {}
    for user, state in rows:
        if best.get(user) != "replying":
            best[user] = state
    return [Other(user=u, state=s) for u, s in sorted(best.items())]  # type: ignore[arg-type]


def update(engine: Engine, who: Principal, body: PresenceRequest, now: float) -> list[Other]:
    """Record what the device has open and return who else has it open."""
    p = presence.c
    for attempt in range(2):
        try:
            with db.write_tx(engine) as conn:
                conn.execute(delete(presence).where(
                    (p.device_id == who.device_id) | (p.expires_at <= now)
                ))
                if body.conversation_id is None:
                    return []
                conn.execute(insert(presence).values(
                    device_id=who.device_id, team_id=who.team_id, user_id=who.user_id,
                    user=who.user, conversation_id=body.conversation_id, state=body.state,
                    expires_at=now + PRESENCE_TTL_S,
                ))
                rows = conn.execute(
                    select(p.user, p.state).where(and_(
                        p.team_id == who.team_id,
                        p.conversation_id == body.conversation_id,
                        p.expires_at > now,
                        p.user_id != who.user_id,
                    ))
                ).all()
            return _ranked(list(rows))
        except IntegrityError:
            # The same device reported twice at once (PostgreSQL): the other won.
            if attempt:
                raise
    return []


def make_router(principal: Callable[..., Principal]) -> APIRouter:
    """The presence endpoint, authenticated by the app's ``principal`` dependency."""
    router = APIRouter()
    Who = Annotated[Principal, Depends(principal)]  # noqa: N806 (a type alias)

    @router.post("/presence")
    def report_presence(body: PresenceRequest, who: Who, request: Request) -> PresenceResponse:
        """Say which conversation this device shows (or none); see who else does."""
        others = update(request.app.state.engine, who, body, request.app.state.clock())
        return PresenceResponse(others=others, expires_in=PRESENCE_TTL_S)

    return router
