"""Honest ETAs from the queue ahead, and the automatic acknowledgement (once, never to robots)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from supportdesk.models import Activity, MessageKind, ticket_ref
from supportdesk.models.workflow import SlaTracking, sla_tracking_id
from supportdesk.services import actions
from supportdesk.services.workflow import autoack, due, team, tracking
from supportdesk.store import Store, UnitOfWork
from tests.services.workflow.helpers import Team, add_message, at, make_team, new_conversation


def _knobs(store: Store, handling: int, agents: int) -> None:
    store.write(lambda uow: team.save_team(
        uow, timezone="Europe/London", week_text="mon-fri 09:00-17:00",
        handling_minutes=handling, eta_agents=agents, team_name="Acme Support"))


def _arrives(
    store: Store, ids: Team, when: datetime, *, priority: str = "normal",
    mailbox: str | None = "support@acme.example", customer: str | None = None,
) -> str:
    cid = new_conversation(store, customer or ids.customer, when, priority=priority)

    def work(uow: UnitOfWork) -> None:
        add_message(uow, cid, when, customer_id=customer or ids.customer)
        tracking.on_customer_message(uow, cid, when, mailbox=mailbox)

    store.write(work)
    return cid


def test_short_queue_promises_the_sla_time(store: Store) -> None:
    ids = make_team(store)
    _knobs(store, handling=30, agents=1)
    for minute in (0, 10, 20):
        _arrives(store, ids, at(16, 9, minute))
    mine = _arrives(store, ids, at(16, 9, 30))
    with store.read() as s:
        assert due.queue_ahead(s, mine) == 3
        eta = due.eta_for(s, mine, at(16, 9, 30))
    # 3 x 30 min / 1 agent = 90 min -> 11:00, before the 13:30 target: promise 13:30.
    assert eta is not None
    assert (eta.promised_at, eta.basis) == (at(16, 13, 30), "sla")
    assert eta.queue_clear_at == at(16, 11)


def test_long_queue_moves_the_promise_past_the_target(store: Store) -> None:
    ids = make_team(store)
    _knobs(store, handling=30, agents=2)
    for minute in range(0, 60, 5):  # twelve ahead
        _arrives(store, ids, at(16, 9, minute))
    mine = _arrives(store, ids, at(16, 10))
    with store.read() as s:
        eta = due.eta_for(s, mine, at(16, 10))
    # 12 x 30 / 2 = 180 min from 10:00 -> 13:00; the target 14:00 is later: SLA holds.
    assert eta is not None and (eta.promised_at, eta.basis) == (at(16, 14), "sla")
    _knobs(store, handling=45, agents=2)
    with store.read() as s:
        eta = due.eta_for(s, mine, at(16, 10))
    # 12 x 45 / 2 = 270 min -> 14:30, after the target: the queue sets the promise.
    assert eta is not None and (eta.promised_at, eta.basis) == (at(16, 14, 30), "queue")


def test_queue_counts_same_or_higher_priority_same_mailbox_unanswered_open(store: Store) -> None:
    ids = make_team(store)
    _arrives(store, ids, at(16, 9, 0), priority="low")  # lower: answered after us
    _arrives(store, ids, at(16, 9, 1), priority="urgent")  # higher: ahead
    _arrives(store, ids, at(16, 9, 2), mailbox="sales@acme.example")  # another mailbox
    answered = _arrives(store, ids, at(16, 9, 3))
    store.write(lambda uow: (add_message(uow, answered, at(16, 9, 4), agent_id=ids.me),
                             tracking.on_agent_reply(uow, answered, at(16, 9, 4))))
    pending = _arrives(store, ids, at(16, 9, 5))
    store.write(lambda uow: (actions.set_status(uow, pending, "pending"),
                             tracking.on_status_change(uow, pending, at(16, 9, 6))))
    _arrives(store, ids, at(16, 9, 7))  # counted
    mine = _arrives(store, ids, at(16, 9, 30))
    _arrives(store, ids, at(16, 9, 40))  # after us
    with store.read() as s:
        assert due.queue_ahead(s, mine) == 2


def _ack(store: Store, cid: str, meta: dict[str, object], now: datetime,
         **kw: object) -> autoack.AckDecision:
    return store.write(lambda uow: autoack.auto_ack_decision(uow, cid, meta, now, **kw))  # type: ignore[arg-type]


def test_auto_ack_is_sent_once_with_an_honest_eta(store: Store) -> None:
    ids = make_team(store)
    _knobs(store, handling=20, agents=2)
    cid = _arrives(store, ids, at(16, 9, 30))
    first = _ack(store, cid, {"mailbox": "support@acme.example"}, at(16, 9, 30))
    assert first.send and first.language == "en"
    assert first.subject_suffix == f"[{ticket_ref(cid)}] received"
    assert "Hi Olivia Smith," in first.body
    assert "will reply by 13:30 today (your time)" in first.body
    assert "The Acme Support support team" in first.body
    assert first.eta is not None and first.eta.promised_at == at(16, 13, 30)
    second = _ack(store, cid, {}, at(16, 9, 31))
    assert not second.send and "already" in second.reason
    with store.read() as s:
        tr = s.get(SlaTracking, sla_tracking_id(cid))
        assert tr is not None and tr.ack_sent_at == at(16, 9, 30)
        assert tr.ack_eta == at(16, 13, 30)
        kinds = s.scalars(select(Activity.kind).where(Activity.conversation_id == cid)).all()
        assert kinds.count("auto_ack") == 1


@pytest.mark.parametrize(
    "meta",
    [
        {"is_auto": True, "auto_reason": "Auto-Submitted: auto-replied"},
        {"headers": {"Auto-Submitted": "auto-replied"}},
        {"headers": {"Precedence": "bulk"}},
        {"headers": {"precedence": "list"}},
        {"headers": {"List-Id": "<users.lists.example.org>"}},
    ],
)
def test_never_acknowledge_auto_replies_or_mailing_lists(store: Store, meta: dict) -> None:  # type: ignore[type-arg]
    ids = make_team(store)
    cid = _arrives(store, ids, at(16, 10))
    decision = _ack(store, cid, meta, at(16, 10))
    assert not decision.send and decision.body == ""
    with store.read() as s:
        tr = s.get(SlaTracking, sla_tracking_id(cid))
        assert tr is not None and tr.ack_sent_at is None


def test_auto_submitted_no_is_a_person(store: Store) -> None:
    ids = make_team(store)
    cid = _arrives(store, ids, at(16, 10))
    assert _ack(store, cid, {"headers": {"Auto-Submitted": "no"}}, at(16, 10)).send


def test_ack_in_the_customers_language(store: Store) -> None:
    ids = make_team(store)
    ru = _arrives(store, ids, at(16, 10), customer=ids.ru_customer)
    decision = _ack(store, ru, {}, at(16, 10))
    assert decision.language == "ru"
    assert decision.body.startswith("Здравствуйте, Анна Иванова!")
    assert "сегодня до 14:00 (по вашему времени)" in decision.body
    assert decision.subject_suffix.endswith("получено")
    # No language on file: the message's Content-Language decides.
    cid = new_conversation(store, None, at(16, 11))
    store.write(lambda uow: (add_message(uow, cid, at(16, 11), customer_id=None,
                                         kind=MessageKind.EMAIL_IN),
                             tracking.on_customer_message(uow, cid, at(16, 11))))
    decision = _ack(store, cid, {"language": "is-IS"}, at(16, 11))
    assert decision.language == "is" and "fyrir kl. 15:00 í dag" in decision.body


def test_no_ack_when_switched_off_or_already_answered(store: Store) -> None:
    ids = make_team(store)
    cid = _arrives(store, ids, at(16, 10))
    assert not _ack(store, cid, {}, at(16, 10), enabled=False).send
    store.write(lambda uow: (add_message(uow, cid, at(16, 10, 5), agent_id=ids.me),
                             tracking.on_agent_reply(uow, cid, at(16, 10, 5))))
    decision = _ack(store, cid, {}, at(16, 10, 6))
    assert not decision.send and "answered" in decision.reason


def test_the_ack_mail_itself_is_not_a_first_response(store: Store) -> None:
    ids = make_team(store)
    cid = _arrives(store, ids, at(16, 10))
    assert _ack(store, cid, {}, at(16, 10)).send
    store.write(lambda uow: (add_message(uow, cid, at(16, 10, 1), meta={"auto_ack": True}),
                             tracking.on_agent_reply(uow, cid, at(16, 10, 1))))
    with store.read() as s:
        tr = s.get(SlaTracking, sla_tracking_id(cid))
        assert tr is not None and tr.first_response_at is None
