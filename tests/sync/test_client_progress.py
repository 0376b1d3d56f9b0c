"""A long sync says how far it has come, and a snapshot's pages are marked as such."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from supportdesk.services import actions
from supportdesk.services.workflow import follow
from supportdesk.store import ChangeSet, UnitOfWork
from supportdesk.sync.client import SyncClient, SyncProgress
from tests.services.workflow.helpers import add_message, at, make_team
from tests.sync.test_snapshot import team_work


def test_a_new_device_hears_how_far_its_snapshot_has_come(
    make_client: Callable[..., SyncClient], server: TestClient,
) -> None:
    a = make_client("alice")
    team_work(a, n=15)
    a.sync()
    b = make_client("bob")
    b.snapshot_page = 8
    heard: list[SyncProgress] = []
    b.progress = heard.append
    result = b.sync()

    steps = [p for p in heard if p.phase == "snapshot"]
    assert steps[0] == SyncProgress("snapshot", 0)  # before the first page is written
    assert steps[-1].finished and steps[-1].done == result.snapshot_rows > 8
    assert [p.done for p in steps] == sorted(p.done for p in steps)
    assert not any(p.finished for p in steps[:-1])
    # The server says how big the whole snapshot is: enough for a percentage.
    assert {p.total for p in steps[1:]} == {result.snapshot_rows}

    # Later syncs pull, and say how many changes came.
    a.store.write(lambda uow: actions.create_conversation(
        uow, channel=actions.Channel.PHONE, customer_id=None, subject="Rang back"))
    a.sync()
    heard.clear()
    again = b.sync()
    assert again.pulled > 0 and heard[-1] == SyncProgress("pull", again.pulled, finished=True)


def test_snapshot_pages_do_not_set_the_sla_follower_writing(
    make_client: Callable[..., SyncClient], server: TestClient,
) -> None:
    a = make_client("alice")
    ids = make_team(a.store)

    def customers_wrote(uow: UnitOfWork) -> None:
        for i in range(15):
            conv = actions.create_conversation(uow, channel=actions.Channel.EMAIL,
                                               customer_id=ids.customer, subject=f"Toner {i}")
            add_message(uow, conv.id, at(16, 9), customer_id=ids.customer)

    a.store.write(customers_wrote)
    a.sync()
    b = make_client("bob")
    b.snapshot_page = 8
    origins: list[str] = []

    def listen(changes: ChangeSet) -> None:
        origins.append(changes.origin)

    b.store.on_change(listen)
    stop = follow.follow_store(b.store)
    try:
        b.sync()
    finally:
        stop()
    assert origins and set(origins) == {"snapshot"}
    # Nothing was derived locally from the team's state: every page could go in bulk,
    # and the device has nothing of its own to push back.
    assert b.waiting() == 0
