"""One edit made with the clock a year ahead no longer wedges sync (issue 13, finding 7)."""

from __future__ import annotations

import time
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select

from supportdesk.models import Conversation
from supportdesk.services import actions
from supportdesk.store import UnitOfWork
from supportdesk.store.hlc import HybridClock
from supportdesk.sync.client import SyncClient
from tests.sync.conftest import Rows
from tests.sync.test_client_sync import new_conversation

YEAR_S = 365 * 24 * 3600


class Wall:
    """A settable wall clock for one device."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


def test_edits_made_a_year_ahead_go_out_once_the_clock_is_right(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    wall = Wall()
    a.store.clock = HybridClock(a.store.device_id, wall=wall)
    cid = new_conversation(a)
    assert a.sync().pushed > 0

    wall.offset = YEAR_S  # the laptop's clock is set a year ahead...
    a.store.write(lambda uow: actions.set_priority(uow, cid, "urgent"))
    a.store.write(lambda uow: actions.add_tag(uow, cid, "vip"))
    stuck = a.sync()
    assert stuck.pushed == 0 and stuck.blocked and "clock" in stuck.blocked
    ahead = a.waiting()
    assert ahead >= 2

    wall.offset = 0.0  # ...then put right; one more edit, then a sync
    a.store.write(lambda uow: actions.set_status(uow, cid, "pending"))
    waiting = a.waiting()
    assert waiting > ahead
    done = a.sync()
    assert done.pushed == waiting and not done.blocked and a.waiting() == 0

    b.sync()
    with b.store.read() as session:
        conv = session.scalars(select(Conversation).where(Conversation.id == cid)).one()
    assert (conv.priority, conv.status) == ("urgent", "pending")
    assert local_rows(a.store) == local_rows(b.store) == server_rows(server.app.state.engine)
    # and the device's clock stamps in the present again
    assert int(a.store.clock.now()[:13]) < int((time.time() + 600) * 1000)

    # A later edit by Bob wins over Alice's (it is later in real time).
    b.store.write(lambda uow: actions.set_priority(uow, cid, "low"))
    b.sync()
    a.sync()

    def priority(uow: UnitOfWork) -> str:
        return uow.session.scalars(select(Conversation.priority)
                                   .where(Conversation.id == cid)).one()

    assert a.store.write(priority) == "low"
