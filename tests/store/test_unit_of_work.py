"""Every change goes through the unit of work and leaves an outbox entry."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from supportdesk.models import (
    Channel,
    Conversation,
    Customer,
    OutboxEntry,
    Priority,
    Status,
    new_id,
)
from supportdesk.services import actions
from supportdesk.store import ChangeSet, Store
from supportdesk.store.hlc import ClockDriftError, HybridClock, Stamp


def _outbox(store: Store) -> list[OutboxEntry]:
    with store.read() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def _new_conversation(store: Store) -> str:
    def work(uow):  # type: ignore[no-untyped-def]
        cust = uow.add(Customer(id=new_id(), name="Ásta Sigurðardóttir"))
        return actions.create_conversation(
            uow, channel=Channel.EMAIL, customer_id=cust.id, subject="Prentari"
        ).id

    return store.write(work)


def test_every_change_writes_an_outbox_entry_in_order(store: Store) -> None:
    cid = _new_conversation(store)
    store.write(lambda uow: actions.set_status(uow, cid, Status.PENDING))
    store.write(lambda uow: actions.set_priority(uow, cid, Priority.URGENT))
    store.write(lambda uow: actions.add_tag(uow, cid, "Billing"))
    store.write(lambda uow: actions.remove_tag(uow, cid, "billing"))
    store.write(lambda uow: actions.add_note(uow, cid, "Called them back", "Alex"))
    entries = _outbox(store)
    ops = [(e.entity, e.op) for e in entries]
    assert ("customers", "insert") in ops
    assert ("conversations", "insert") in ops
    assert ("conversation_tags", "tag_add") in ops
    assert ("conversation_tags", "tag_remove") in ops
    assert ("messages", "insert") in ops
    status = [e for e in entries if e.entity == "conversations" and e.payload.get("status")]
    assert status[-1].payload == {"status": "pending"}
    # mutation ids and clock stamps only ever increase
    assert [e.seq for e in entries] == sorted(e.seq for e in entries)
    stamps = [Stamp.parse(e.hlc) for e in entries]
    assert stamps == sorted(stamps)
    assert all(not e.pushed for e in entries)


def test_unchanged_value_writes_nothing(store: Store) -> None:
    cid = _new_conversation(store)
    before = len(_outbox(store))
    store.write(lambda uow: actions.set_status(uow, cid, Status.OPEN))  # already open
    assert len(_outbox(store)) == before


def test_failed_work_leaves_neither_row_nor_outbox_entry(store: Store) -> None:
    before = len(_outbox(store))

    def work(uow):  # type: ignore[no-untyped-def]
        uow.add(Customer(id=new_id(), name="Half written"))
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        store.write(work)
    assert len(_outbox(store)) == before
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 0


def test_listeners_hear_which_rows_changed(store: Store) -> None:
    heard: list[ChangeSet] = []
    store.on_change(heard.append)
    cid = _new_conversation(store)
    store.write(lambda uow: actions.set_status(uow, cid, Status.SOLVED))
    assert cid in heard[-1].ids["conversations"]
    assert "status" in heard[-1].fields["conversations"]


def test_writes_run_on_one_thread(store: Store) -> None:
    import threading

    names = {store.write(lambda uow: threading.current_thread().name) for _ in range(5)}
    assert len(names) == 1 and next(iter(names)).startswith("store-writer")


def test_hybrid_clock_moves_past_remote_stamps_and_refuses_the_far_future() -> None:
    now = [1_000_000.0]
    clock = HybridClock("dev-a", wall=lambda: now[0])
    first = Stamp.parse(clock.now())
    remote = Stamp(first.millis + 60_000, 3, "dev-b")
    clock.observe(str(remote))
    after = Stamp.parse(clock.now())
    assert after > remote
    far = Stamp(int(now[0] * 1000) + int(timedelta(hours=1).total_seconds() * 1000), 0, "x")
    with pytest.raises(ClockDriftError):
        clock.observe(str(far))


def test_conversation_row_counts_messages(store: Store) -> None:
    cid = _new_conversation(store)
    store.write(lambda uow: actions.add_note(uow, cid, "one", "A"))
    store.write(lambda uow: actions.add_note(uow, cid, "two", "A"))
    with store.read() as s:
        conv = s.scalars(select(Conversation).where(Conversation.id == cid)).one()
        assert conv.message_count == 2


def test_meta_set_without_waiting_is_saved_before_the_store_closes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The GUI thread does not wait behind a long write to remember a small local value;
    # it is still saved, in order, before the store closes.
    store = Store.open(tmp_path)
    store.set_meta("shown", "1", wait=False)
    store.set_meta("shown", "2", wait=False)
    store.close()
    store = Store.open(tmp_path)
    try:
        assert store.get_meta("shown") == "2"
    finally:
        store.close()
