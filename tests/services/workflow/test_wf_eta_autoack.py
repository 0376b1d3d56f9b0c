"""Honest ETAs from the queue ahead, and the automatic acknowledgement (once, never to robots)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from supportdesk.models import Activity, Customer, MessageKind, ticket_ref
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
    # A date, a time and the offset it is on: true whenever the customer reads it.
    assert "will reply by Monday 16 November, 13:30 (UTC)." in first.body
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
    assert "ответит вам в понедельник, 16 ноября, до 14:00 (UTC)." in decision.body
    assert decision.subject_suffix.endswith("получено")
    # No language on file: the message's Content-Language decides.
    cid = new_conversation(store, None, at(16, 11))
    store.write(lambda uow: (add_message(uow, cid, at(16, 11), customer_id=None,
                                         kind=MessageKind.EMAIL_IN),
                             tracking.on_customer_message(uow, cid, at(16, 11))))
    decision = _ack(store, cid, {"language": "is-IS"}, at(16, 11))
    assert decision.language == "is"
    assert "svarar þér fyrir kl. 15:00 mánudaginn 16. nóvember (UTC)." in decision.body


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


def test_promise_on_the_customers_clock_when_their_offset_is_known(store: Store) -> None:
    ids = make_team(store)
    cid = _arrives(store, ids, at(20, 16))  # Friday 16:00 London: due Monday 12:00
    decision = _ack(store, cid, {}, at(20, 16), customer_tz=timezone(timedelta(hours=-5)))
    assert "will reply by Monday 23 November, 07:00 (UTC-05:00)." in decision.body
    assert decision.eta is not None and decision.eta.promised_at == at(23, 12)


def test_a_customer_named_after_their_address_is_greeted_neutrally(store: Store) -> None:
    ids = make_team(store)
    store.write(lambda uow: uow.add(Customer(id="c-bare", name="bob@example.net",
                                             created_at=at(1, 9))))
    cid = _arrives(store, ids, at(16, 10), customer="c-bare")
    body = _ack(store, cid, {}, at(16, 10)).body
    assert body.startswith("Hello,\n") and "bob@example.net" not in body


@pytest.mark.parametrize(
    ("when", "tz", "language", "phrase"),
    [
        (datetime(2026, 11, 24, 12, tzinfo=UTC), timezone(timedelta(hours=1)), "en",
         "by Tuesday 24 November, 13:00 (UTC+01:00)"),
        (datetime(2026, 11, 24, 12, tzinfo=UTC), timezone(timedelta(hours=3)), "ru",
         "во вторник, 24 ноября, до 15:00 (UTC+03:00)"),
        (datetime(2026, 11, 24, 12, tzinfo=UTC), UTC, "is",
         "fyrir kl. 12:00 þriðjudaginn 24. nóvember (UTC)"),
        (datetime(2027, 1, 4, 9, 30, tzinfo=UTC), ZoneInfo("Asia/Kolkata"), "en",
         "by Monday 4 January 2027, 15:00 (UTC+05:30)"),
        (datetime(2027, 1, 4, 14, tzinfo=UTC), ZoneInfo("America/St_Johns"), "ru",
         "в понедельник, 4 января 2027 г., до 10:30 (UTC-03:30)"),
    ],
)
def test_promise_phrase(when: datetime, tz: tzinfo, language: str, phrase: str) -> None:
    now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    assert autoack.promise_phrase(when, tz, language, now) == phrase


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Здравствуйте! Не работает принтер, ошибка E-04.", "ru"),
        ("Góðan daginn, prentarinn virkar ekki síðan í gær. Með kveðju, Þóra", "is"),
        ("Hello, the printer shows E-04 since yesterday.", None),
        ("Не запускается Outlook в Windows 11 Pro, build 22631", "ru"),
        ("Error in Windows 11 (Сбой)", None),
    ],
)
def test_language_of_text(text: str, language: str | None) -> None:
    assert autoack.language_of_text(text) == language
