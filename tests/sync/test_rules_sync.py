"""Two laptops ingest the same urgent mail and sync: the rule fired once for the team."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from supportdesk.models import Activity, Conversation
from supportdesk.models.rules import RuleFiring
from supportdesk.services.mail.ingest import ingest_raw
from supportdesk.services.rules import service
from supportdesk.services.rules.starter import URGENT_RULE_ID
from supportdesk.sync.client import SyncClient
from tests.services.rules.mails import mail

Rows = Callable[..., dict[tuple[str, str], dict[str, object]]]


def test_same_mailbox_on_two_profiles_fires_once(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    raw = mail("URGENT: site down", msgid="<down@example.ru>")
    out_a = ingest_raw(a.store, raw, mailbox_key="support@acme.test")
    out_b = ingest_raw(b.store, raw, mailbox_key="support@acme.test")
    assert (out_a.row_id, out_a.conversation_id) == (out_b.row_id, out_b.conversation_id)
    for _ in range(2):
        a.sync()
        b.sync()
    rows_a, rows_b = local_rows(a.store), local_rows(b.store)
    assert rows_a == rows_b == server_rows(server.app.state.engine)  # type: ignore[attr-defined]
    for store in (a.store, b.store):
        with store.read() as s:
            assert s.scalar(select(func.count()).select_from(RuleFiring)) == 1
            texts = [d.get("text") for d in s.scalars(select(Activity.detail).where(
                Activity.conversation_id == out_a.conversation_id))]
            assert texts.count("Rule 'Urgent mail' set priority Urgent") == 1
            assert s.scalars(select(Conversation.priority)).one() == "urgent"
            assert service.rule_stats(s)[URGENT_RULE_ID].count == 1


def test_an_edited_rule_syncs_and_runs_on_the_other_laptop(
    make_client: Callable[..., SyncClient],
) -> None:
    a, b = make_client("alice"), make_client("bob")
    a.store.write(lambda uow: service.save_rule(
        uow, name="Billing tag", position=5,
        conditions=[{"field": "subject", "op": "contains", "value": "invoice"}],
        actions=[{"type": "add_tag", "value": "billing"}]))
    a.store.write(lambda uow: service.set_enabled(uow, URGENT_RULE_ID, False))
    a.sync()
    b.sync()
    out = ingest_raw(b.store, mail("URGENT invoice", msgid="<inv@x>"), mailbox_key="s@x.test")
    with b.store.read() as s:
        conv = s.scalars(select(Conversation).where(Conversation.id == out.conversation_id)).one()
        assert conv.priority == "normal"
        assert [r.name for r in service.all_rules(s) if r.enabled] == [
            "Billing tag", "Mailing lists and auto-replies"]
        assert service.rule_stats(s)[next(
            r.id for r in service.all_rules(s) if r.name == "Billing tag")].count == 1


def test_two_devices_page_once_through_the_server_claim(
    make_client: Callable[..., SyncClient], make_smtp, tls_files,  # type: ignore[no-untyped-def]
) -> None:
    from datetime import timedelta

    from supportdesk.models.rules import PageEvent
    from supportdesk.services.paging import pager
    from supportdesk.services.paging.claims import server_claim
    from tests.services.rules.paging_helpers import PushServer
    from tests.services.rules.test_paging import NIGHT, setup_team, transport

    smtp = make_smtp("starttls", {"pager": "pw"})
    push = PushServer().start()
    try:
        a, b = make_client("alice"), make_client("bob")
        setup_team(a.store, push.url)
        ingest_raw(a.store, mail("URGENT: site down", msgid="<claim@x>", date=NIGHT),
                   mailbox_key="support@acme.test")
        a.sync()
        b.sync()
        t = transport(smtp, tls_files)
        later = NIGHT + timedelta(minutes=1)
        sent_b = pager.page_step(b.store, later, server_claim(b), t)
        sent_a = pager.page_step(a.store, later, server_claim(a), t)
        assert len(sent_a) + len(sent_b) == 1 and len(sent_b) == 1
        assert [m.rcpt_tos for m in smtp.messages] == [["ann@pager.test"]]
        assert len(push.pushes) == 1
        b.sync()
        a.sync()
        with a.store.read() as s:
            assert [e.kind for e in s.scalars(select(PageEvent))] == ["sent"]
        # b (the claimant) asks again after a restart: still its own, nothing new to send.
        assert pager.page_step(b.store, later, server_claim(b), t) == []
        assert len(smtp.messages) == 1
    finally:
        push.stop()
