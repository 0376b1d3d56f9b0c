"""Claims: the first device to ask for a key gets it (issue 16, pages sent once).

Two watchers, or a watcher and a laptop, may both notice that the on-call
person must be paged. Before sending, each claims ``page:<id>:<level>``; the
server keeps the first claimant of each key for the team, under the
database's unique key, so exactly one device sends. Asking again for a key
one already holds answers "yours" (a restarted watcher resumes its page).
"""

# No ``from __future__ import annotations``: FastAPI reads these annotations at
# definition time, and ``Who`` below is a local name.

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from supportdesk.server import db
from supportdesk.server.auth import Principal

claims = db.claims


class ClaimRequest(BaseModel):
    """The key to claim, e.g. ``page:<page id>:<level>``."""

    key: str = Field(pattern=r"^[A-Za-z0-9_.:-]{1,200}$")


class ClaimResponse(BaseModel):
    """Whether the caller holds the key (it claimed it now, or before)."""

    won: bool
    first: bool


def claim(engine: Engine, who: Principal, key: str, now: float) -> tuple[bool, bool]:
    """(the caller holds the key, it was claimed by this call)."""
    c = claims.c
    try:
        with db.write_tx(engine) as conn:
            conn.execute(insert(claims).values(team_id=who.team_id, key=key,
                                               device_id=who.device_id, created_at=now))
        return True, True
    except IntegrityError:
        pass
    with engine.connect() as conn:
        holder = conn.scalar(select(c.device_id).where(c.team_id == who.team_id, c.key == key))
    return holder == who.device_id, False


def make_router(principal: Callable[..., Principal]) -> APIRouter:
    """The claim endpoint, authenticated by the app's ``principal`` dependency."""
    router = APIRouter()
    Who = Annotated[Principal, Depends(principal)]  # noqa: N806 (a type alias)

    @router.post("/claims")
    def make_claim(body: ClaimRequest, who: Who, request: Request) -> ClaimResponse:
        """Claim a key for this device; only the first device to ask holds it."""
        won, first = claim(request.app.state.engine, who, body.key, request.app.state.clock())
        return ClaimResponse(won=won, first=first)

    return router
