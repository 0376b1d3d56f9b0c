"""Rules inside mail ingest: the starter set on a corpus, firings, history, fire once."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from supportdesk.models import Activity, Agent, Conversation, ConversationTag
from supportdesk.models.rules import Page, RuleFiring
from supportdesk.services.mail.ingest import ingest_raw
from supportdesk.services.rules import service
from supportdesk.services.rules.starter import LISTS_RULE_ID, URGENT_RULE_ID
from supportdesk.store import Store
from tests.services.rules.mails import CORPUS, mail


def _conv(store: Store, cid: str) -> tuple[Conversation, tuple[str, ...]]:
    with store.read() as s:
        conv = s.scalars(select(Conversation).where(Conversation.id == cid)).one()
        tags = tuple(sorted(s.scalars(select(ConversationTag.tag)
                                      .where(ConversationTag.conversation_id == cid))))
        s.expunge(conv)
        return conv, tags


@pytest.mark.parametrize(("name", "raw", "priority", "tags"), CORPUS, ids=[c[0] for c in CORPUS])
def test_starter_set_on_the_corpus(store: Store, name: str, raw: bytes, priority: str,
                                   tags: tuple[str, ...]) -> None:
    out = ingest_raw(store, raw, mailbox_key="support@acme.test")
    conv, have = _conv(store, out.conversation_id)
    assert conv.priority == priority, name
    assert have == tags, name


def test_a_firing_is_recorded_with_its_history_and_counted(store: Store) -> None:
    out = ingest_raw(store, CORPUS[0][1], mailbox_key="support@acme.test")
    with store.read() as s:
        firings = s.scalars(select(RuleFiring)).all()
        assert [(f.rule_id, f.message_id) for f in firings] == [(URGENT_RULE_ID, out.row_id)]
        texts = [a.detail.get("text") for a in s.scalars(
            select(Activity).where(Activity.conversation_id == out.conversation_id))]
        assert "Rule 'Urgent mail' set priority Urgent" in texts
        stats = service.rule_stats(s)
    assert stats[URGENT_RULE_ID].count == 1 and stats[URGENT_RULE_ID].last is not None
    assert LISTS_RULE_ID not in stats
    # The same mail again is a duplicate: nothing fires twice.
    again = ingest_raw(store, CORPUS[0][1], mailbox_key="support@acme.test")
    assert again.status == "duplicate"
    with store.read() as s:
        assert service.rule_stats(s)[URGENT_RULE_ID].count == 1


def test_edited_rules_round_robin_page_and_a_switched_off_starter(store: Store) -> None:
    def setup(uow):  # type: ignore[no-untyped-def]
        for aid, name in (("a1", "Ann"), ("a2", "Bob")):
            uow.add(Agent(id=aid, name=name, email=None, role="agent", active=True,
                          created_at=datetime(2026, 1, 1, tzinfo=UTC)))
        service.save_rule(uow, name="Spread the work", position=30, conditions=[],
                          actions=[{"type": "assign", "value": "round_robin"}])
        service.save_rule(uow, name="VIP pages", position=40,
                          conditions=[{"field": "sender_domain", "op": "is", "value": "vip.test"}],
                          actions=[{"type": "page", "value": None},
                                   {"type": "add_tag", "value": "vip"}])
        service.set_enabled(uow, URGENT_RULE_ID, False)

    store.write(setup)
    first = ingest_raw(store, mail("URGENT one", sender="x@vip.test", msgid="<1@x>"),
                       mailbox_key="support@acme.test")
    second = ingest_raw(store, mail("two", sender="y@other.test", msgid="<2@x>"),
                        mailbox_key="support@acme.test")
    c1, t1 = _conv(store, first.conversation_id)
    c2, _ = _conv(store, second.conversation_id)
    assert c1.priority == "normal"  # the starter rule is off
    assert (c1.assignee_id, c2.assignee_id) == ("a1", "a2")
    assert t1 == ("vip",)
    with store.read() as s:
        pages = s.scalars(select(Page)).all()
        assert [(p.conversation_id, p.reason, p.state) for p in pages] == [
            (first.conversation_id, "rule", "open")]
        names = [r.name for r in service.all_rules(s)]
        assert names == ["Mailing lists and auto-replies", "Urgent mail", "Spread the work",
                         "VIP pages"]
        assert not next(r for r in service.all_rules(s) if r.id == URGENT_RULE_ID).enabled


def test_a_canned_answer_rule_queues_one_reply_to_the_sender(store: Store) -> None:
    from supportdesk.models import MailOutgoing, Message
    from supportdesk.services.workflow import canned
    from tests.services.mail.helpers import SUPPORT, add_mailbox

    add_mailbox(store)
    answer = store.write(lambda uow: canned.save_canned(
        uow, title="Got it", body="Hi {customer_name}, we have {ticket} and are on it."))
    store.write(lambda uow: service.save_rule(
        uow, name="Answer printers",
        conditions=[{"field": "subject", "op": "contains", "value": "printer"}],
        actions=[{"type": "canned", "value": answer.id}]))
    out = ingest_raw(store, mail("Printer jammed", sender="Olga <olga@example.ru>", to=SUPPORT,
                                 msgid="<pr@x>"), mailbox_key=SUPPORT)
    auto = ingest_raw(store, mail("Printer: out of office", sender="ooo@example.ru", to=SUPPORT,
                                  msgid="<ooo2@x>", headers={"Auto-Submitted": "auto-replied"}),
                      mailbox_key=SUPPORT)
    with store.read() as s:
        queued = s.scalars(select(MailOutgoing)).all()
        assert len(queued) == 1
        reply = s.scalars(select(Message).where(Message.kind == "email_out")).one()
        assert reply.conversation_id == out.conversation_id
        assert "we have SD-" in reply.body_text and reply.meta.get("auto_ack")
        texts = [a.detail.get("text") for a in s.scalars(select(Activity))]
    assert "Rule 'Answer printers' sent a canned answer" in texts
    assert auto.status == "added"  # the auto-reply was stopped by the starter rule first


def test_scheduled_rules_fire_once_per_state_of_a_conversation(store: Store) -> None:
    from datetime import timedelta

    from supportdesk.services.rules.run import run_scheduled

    store.write(lambda uow: service.save_rule(
        uow, name="Stale", trigger="schedule",
        conditions=[{"field": "age_minutes", "op": "gt", "value": 240},
                    {"field": "status", "op": "is", "value": "open"}],
        actions=[{"type": "add_tag", "value": "stale"}]))
    sent = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    out = ingest_raw(store, mail("Export broken", msgid="<st@x>", date=sent),
                     mailbox_key="s@x.test")
    assert store.write(lambda uow: run_scheduled(uow, sent + timedelta(hours=1))) == 0
    assert store.write(lambda uow: run_scheduled(uow, sent + timedelta(hours=5))) == 1
    assert store.write(lambda uow: run_scheduled(uow, sent + timedelta(hours=6))) == 0
    _conv_row, tags = _conv(store, out.conversation_id)
    assert tags == ("stale",)
