"""Every workflow object syncs; tracking follows the store; the demo gets workflow data."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from supportdesk.models import Base, OutboxEntry, Status, workflow
from supportdesk.models.workflow import (
    CannedResponse,
    Contract,
    Notification,
    OnCallShift,
    SlaPolicyRow,
    SlaTracking,
    TeamSettings,
    sla_tracking_id,
)
from supportdesk.services import actions, demo
from supportdesk.services.sla import DEFAULT_TARGETS
from supportdesk.services.workflow import (
    canned,
    contracts,
    due,
    escalation,
    follow,
    oncall,
    seed,
    team,
    timetracking,
    tracking,
)
from supportdesk.store import ChangeSet, Store
from tests.conftest import DEMO_NOW
from tests.services.workflow.helpers import add_message, at, make_team, new_conversation

WORKFLOW_TABLES = {
    m.__tablename__ for m in vars(workflow).values()
    if isinstance(m, type) and issubclass(m, Base) and m is not Base
}


def test_every_workflow_table_is_in_the_sync_specs() -> None:
    assert {m.__tablename__ for m, _kind, _rank in workflow.SYNC_SPECS} == WORKFLOW_TABLES
    assert len(WORKFLOW_TABLES) == 13


def test_every_workflow_object_writes_an_outbox_entry(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 9), priority="urgent")

    def everything(uow):  # type: ignore[no-untyped-def]
        team.save_policy(uow, name="Standard", targets=DEFAULT_TARGETS, is_default=True)
        add_message(uow, cid, at(16, 9), customer_id=ids.customer)
        tracking.on_customer_message(uow, cid, at(16, 9))
        c = contracts.save_contract(uow, name="Pack", kind="prepaid_hours",
                                    customer_id=ids.customer, starts_on=date(2026, 11, 1),
                                    prepaid_quantity=60)
        contracts.record_usage(uow, c.id, "topup", 30, at(16, 9))
        answer = canned.save_canned(uow, title="Hi", body="Hi {customer_name}")
        canned.use_canned(uow, answer.id, cid, "Alex", at(16, 9))
        oncall.set_shifts(uow, oncall.shifts_from_text(ids.night, "sat", "00:00", "24:00"))
        oncall.add_override(uow, ids.me, at(21, 0), at(21, 12))
        escalation.escalate(uow, cid, to_agent_id=ids.expert, reason="deep", now=at(16, 9))
        timer = timetracking.start_timer(uow, cid, at(16, 9))
        timetracking.stop_timer(uow, timer.id, at(16, 9, 30))
        tracking.check_breaches(uow, at(16, 12))

    store.write(everything)
    with store.read() as s:
        entities = set(s.scalars(select(OutboxEntry.entity)))
        for model in (TeamSettings, SlaPolicyRow, SlaTracking, Contract, CannedResponse,
                      OnCallShift, Notification):
            rows = s.scalar(select(func.count()).select_from(model))
            assert rows, model.__tablename__
    assert entities >= WORKFLOW_TABLES, WORKFLOW_TABLES - entities


def test_follow_store_refreshes_tracking_after_any_write(store: Store) -> None:
    ids = make_team(store)
    stop = follow.follow_store(store, clock=lambda: at(16, 11))
    try:
        cid = new_conversation(store, ids.customer, at(16, 10))
        # A channel writes a customer message without calling any hook.
        store.write(lambda uow: add_message(uow, cid, at(16, 10), customer_id=ids.customer))
        store.write(lambda uow: None)  # the queued refresh runs before this
        with store.read() as s:
            tr = s.get(SlaTracking, sla_tracking_id(cid))
            assert tr is not None and tr.first_response_due == at(16, 14)
        # The window sets the status the ordinary way: the clock pauses.
        store.write(lambda uow: actions.set_status(uow, cid, Status.PENDING))
        store.write(lambda uow: None)
        with store.read() as s:
            tr = s.get(SlaTracking, sla_tracking_id(cid))
            assert tr is not None and tr.status == Status.PENDING
            assert tr.pauses[-1][1] is None and tr.next_due_at is None
    finally:
        stop()


def test_follower_refreshes_a_big_batch_in_small_transactions(store: Store) -> None:
    # A sync page that touches many conversations must not become one long write: a
    # rep's change queued meanwhile commits after at most one small batch.
    ids = make_team(store)
    cids = [new_conversation(store, ids.customer, at(16, 10), f"Toner {i}") for i in range(23)]
    batches: list[int] = []
    order: list[str] = []

    def listen(changes: ChangeSet) -> None:
        tracked = changes.ids.get("sla_tracking", set())
        if tracked and "messages" not in changes.ids:
            batches.append(len(tracked))
            order.append("refresh")
        elif changes.fields.get("conversations", set()) & {"assignee_id"}:
            order.append("rep")

    store.on_change(listen)
    follower = follow.Follower(store, clock=lambda: at(16, 11), chunk=5)
    try:
        def pulled(uow):  # type: ignore[no-untyped-def]
            for cid in cids:
                add_message(uow, cid, at(16, 10), customer_id=ids.customer)

        store.write(pulled)
        store.write(lambda uow: actions.assign(uow, cids[0], ids.me))
        assert follower.wait_idle(30)
    finally:
        follower()
    assert sum(batches) == len(cids) and max(batches) <= 5
    assert order.index("rep") < len(order) - 1  # not behind every batch
    with store.read() as s:
        for cid in cids:
            tr = s.get(SlaTracking, sla_tracking_id(cid))
            assert tr is not None and tr.first_response_due == at(16, 14)


def test_a_held_follower_refreshes_what_came_once_released(store: Store) -> None:
    # While a sync runs the window holds the follower: pulled pages are only noted.
    ids = make_team(store)
    cids = [new_conversation(store, ids.customer, at(16, 10), f"Fan {i}") for i in range(7)]
    follower = follow.Follower(store, clock=lambda: at(16, 11), chunk=3)
    try:
        follower.hold(True)

        def pulled(uow):  # type: ignore[no-untyped-def]
            for cid in cids:
                add_message(uow, cid, at(16, 10), customer_id=ids.customer)

        store.write(pulled)
        store.write(lambda uow: None)
        assert follower.waiting == len(cids) and not follower.wait_idle(0)
        with store.read() as s:
            assert s.get(SlaTracking, sla_tracking_id(cids[0])) is None
        follower.hold(False)
        assert follower.wait_idle(30) and follower.waiting == 0
    finally:
        follower()
    with store.read() as s:
        for cid in cids:
            tr = s.get(SlaTracking, sla_tracking_id(cid))
            assert tr is not None and tr.first_response_due == at(16, 14)


def test_demo_seed_is_complete_and_deterministic(tmp_path: Path) -> None:
    results = []
    for name in ("a", "b"):
        store = Store.open(tmp_path / name)
        try:
            demo.generate(store, 120, seed=7, now=DEMO_NOW, workflow=False)
            summary = seed.seed_workflow(store, now=DEMO_NOW, timezone="Europe/London")
            with store.read() as s:
                cfg = team.load_team(s)
                policies = [p.name for p in team.list_policies(s, cfg)]
                answers = sorted((c.language, c.shortcut) for c in canned.list_canned(s))
                shifts = [(x.weekday, x.start, x.end, x.agent_name)
                          for x in oncall.list_shifts(s)]
                overdue = due.due_view_count(s, due.OVERDUE, DEMO_NOW)
                timers = timetracking.open_timers(s, store.agent_id)
                usage = s.scalar(select(func.count()).select_from(workflow.ContractUsage))
            results.append((summary, policies, answers, shifts, overdue, usage))
        finally:
            store.close()
    (summary, policies, answers, shifts, overdue, usage), again = results
    assert results[0] == again
    assert cfg.tz.key == "Europe/London" and cfg.team_name == "Acme Support"
    assert policies == ["Standard", "Premium 24/7"]
    assert {lang for lang, _ in answers} == {"en", "ru", "is"}
    assert summary.contracts == 6 and summary.time_entries > 5 and summary.tracked > 0
    assert len(shifts) == summary.shifts == 8
    assert usage and usage > 0
    assert len(timers) == 1 and timers[0].running
    assert timers[0].elapsed(DEMO_NOW) == timedelta(minutes=25)
    assert overdue >= 0


def test_seeding_twice_changes_nothing(demo_store: Store) -> None:
    seed.seed_workflow(demo_store, now=DEMO_NOW, timezone="Europe/London")
    with demo_store.read() as s:
        before = s.scalar(select(func.count()).select_from(OutboxEntry))
    again = seed.seed_workflow(demo_store, now=DEMO_NOW, timezone="Europe/London")
    assert again == seed.WorkflowSeedSummary(0, 0, 0, 0, 0, 0)
    with demo_store.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == before
