"""Workflow, mailbox settings and moved messages travel between laptops through the server."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from supportdesk.models import Base, Conversation, Mailbox, Message, SyncConflict
from supportdesk.models.workflow import (
    SYNC_SPECS,
    TEAM_SETTINGS_ID,
    CannedResponse,
    SlaTracking,
    TeamSettings,
    sla_tracking_id,
)
from supportdesk.services.mail import mailboxes, manage
from supportdesk.services.sla import DEFAULT_TARGETS
from supportdesk.services.workflow import (
    canned,
    contracts,
    escalation,
    oncall,
    team,
    timetracking,
    tracking,
)
from supportdesk.store import UnitOfWork
from supportdesk.sync.client import SyncClient
from supportdesk.sync.schema import LOCAL_TABLES, registry
from tests.services.workflow.helpers import add_message, at, make_team, new_conversation

Rows = Callable[..., dict[tuple[str, str], dict[str, object]]]


def test_every_table_either_syncs_or_is_named_device_local() -> None:
    synced = set(registry())
    assert {m.__tablename__ for m, _kind, _rank in SYNC_SPECS} <= synced
    assert "mailboxes" in synced
    assert not synced & LOCAL_TABLES
    assert set(Base.metadata.tables) == synced | (LOCAL_TABLES - {"alembic_version"})


def test_mailbox_settings_sync_without_a_password() -> None:
    spec = registry()["mailboxes"]
    assert not any("pass" in name or "secret" in name or "token" in name
                   for name in spec.fields)


def test_workflow_done_offline_reaches_another_laptop(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    # Bob, offline and new, sets the team's calendar too: one settings row must come of it.
    b.store.write(lambda uow: team.save_team(uow, timezone="Europe/Berlin",
                                             week_text="mon-fri 08:00-16:00"))
    ids = make_team(a.store)
    cid = new_conversation(a.store, ids.customer, at(16, 9), priority="urgent")

    def everything(uow: UnitOfWork) -> str:
        team.save_policy(uow, name="Standard", targets=DEFAULT_TARGETS, is_default=True)
        add_message(uow, cid, at(16, 9), customer_id=ids.customer)
        tracking.on_customer_message(uow, cid, at(16, 9))
        pack = contracts.save_contract(uow, name="10 h pack", kind="prepaid_hours",
                                       customer_id=ids.customer, starts_on=date(2026, 11, 1),
                                       prepaid_quantity=600)
        contracts.record_usage(uow, pack.id, "topup", 30, at(16, 9))
        answer = canned.save_canned(uow, title="Greeting", body="Hi {customer_name}",
                                    shortcut="hi")
        canned.use_canned(uow, answer.id, cid, "Alex", at(16, 9))
        oncall.set_shifts(uow, oncall.shifts_from_text(ids.night, "sat", "00:00", "24:00"))
        oncall.add_override(uow, ids.me, at(21, 0), at(21, 12))
        escalation.escalate(uow, cid, to_agent_id=ids.expert, reason="Needs database access",
                            now=at(16, 9))
        timer = timetracking.start_timer(uow, cid, at(16, 9))
        timetracking.stop_timer(uow, timer.id, at(16, 9, 45))  # a time entry drawing on the pack
        tracking.check_breaches(uow, at(16, 12))  # a breach notification
        mailboxes.save_mailbox(uow, mailboxes.MailboxInfo(
            id="", name="Support", address="support@acme.test", display_name="Acme Support",
            username="support@acme.test", imap_host="imap.acme.test", imap_port=993,
            imap_security="tls", smtp_host="smtp.acme.test", smtp_port=587,
            smtp_security="starttls"))
        return pack.id

    pack_id = a.store.write(everything)
    a.sync()
    b.sync()
    a.sync()
    assert local_rows(a.store) == local_rows(b.store) == server_rows(server.app.state.engine)
    everywhere = {ent for ent, _id in local_rows(b.store)}
    assert everywhere >= {m.__tablename__ for m, _kind, _rank in SYNC_SPECS} | {"mailboxes"}
    with a.store.read() as sa, b.store.read() as sb:
        # Derived ids converge: one settings row, one tracking row per conversation.
        for s in (sa, sb):
            assert s.scalar(select(func.count()).select_from(TeamSettings)) == 1
            assert s.get(TeamSettings, TEAM_SETTINGS_ID) is not None
            assert s.scalar(select(func.count()).select_from(Mailbox)) == 1
        assert sb.get(SlaTracking, sla_tracking_id(cid)) is not None
        # Bob sees the same balance: the top-up and the 45 minutes drawn.
        bal_a, bal_b = contracts.balance(sa, pack_id), contracts.balance(sb, pack_id)
        assert bal_a == bal_b
        assert bal_b.used == 45 and bal_b.remaining == 600 + 30 - 45


def test_concurrent_edits_to_a_canned_answer_keep_the_later_and_log_the_other(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    answer = a.store.write(
        lambda uow: canned.save_canned(uow, title="Refund", body="Your refund is on its way.")
    )
    a.sync()
    b.sync()
    a.store.write(lambda uow: canned.save_canned(
        uow, title="Refund", body="Refunds take 3 days.", canned_id=answer.id))
    b.store.write(lambda uow: canned.save_canned(  # later: this one wins
        uow, title="Refund issued", body="Refunds take 5 days.", canned_id=answer.id))
    a.sync()
    b.sync()
    a.sync()
    assert local_rows(a.store) == local_rows(b.store) == server_rows(server.app.state.engine)
    for client in (a, b):
        with client.store.read() as session:
            row = session.get(CannedResponse, answer.id)
            assert row is not None
            assert (row.title, row.body) == ("Refund issued", "Refunds take 5 days.")
            lost = session.scalars(select(SyncConflict)).all()
        # The losing body is kept for the rep; the restamped updated_at is not noise there.
        assert [(c.entity, c.field, c.lost_value, c.won_value) for c in lost] == [
            ("canned_responses", "body", '"Refunds take 3 days."', '"Refunds take 5 days."')
        ]


def _conversation_with_mail(client: SyncClient, subject: str) -> tuple[str, str]:
    def run(uow: UnitOfWork) -> tuple[str, str]:
        from supportdesk.services import actions

        conv = actions.create_conversation(uow, channel=actions.Channel.EMAIL,
                                           customer_id=None, subject=subject)
        msg = add_message(uow, conv.id, at(16, 9), text=f"About {subject}",
                          meta={"thread_rule": "references"})
        return conv.id, msg.id

    return client.store.write(run)


def test_a_message_moved_on_one_laptop_moves_on_the_other(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    c1, m1 = _conversation_with_mail(a, "Invoice")
    c2, _m2 = _conversation_with_mail(a, "Invoice, again")
    a.sync()
    b.sync()
    b.store.write(lambda uow: manage.move_message(uow, m1, c2))
    assert b.sync().rejected == 0
    a.sync()
    for client in (a, b):
        with client.store.read() as session:
            msg = session.scalars(select(Message).where(Message.id == m1)).one()
            assert msg.conversation_id == c2
            assert msg.meta["thread_rule"] == "manual" and msg.meta["moved_from"] == c1
            counts = {c.id: c.message_count for c in session.scalars(select(Conversation))}
            assert counts == {c1: 0, c2: 2}
    assert local_rows(a.store) == local_rows(b.store) == server_rows(server.app.state.engine)


def test_the_same_split_on_two_laptops_gives_one_conversation(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    c1, m1 = _conversation_with_mail(a, "Two questions")
    a.store.write(lambda uow: add_message(uow, c1, at(16, 10), text="and another thing"))
    a.sync()
    b.sync()
    split_a = a.store.write(lambda uow: manage.split_message(uow, m1))
    split_b = b.store.write(lambda uow: manage.split_message(uow, m1))
    assert split_a == split_b
    for _ in range(2):
        a.sync()
        b.sync()
    assert local_rows(a.store) == local_rows(b.store) == server_rows(server.app.state.engine)
    with b.store.read() as session:
        msg = session.scalars(select(Message).where(Message.id == m1)).one()
        assert msg.conversation_id == split_a
        assert session.scalar(select(func.count()).select_from(Conversation)) == 2
        # Both laptops wrote the same values: nothing for a rep to look at.
        assert session.scalars(select(SyncConflict)).all() == []


def test_mailboxes_saved_before_they_synced_reach_the_team(
    make_client: Callable[..., SyncClient], local_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("bob")

    def as_the_old_version_did(uow: UnitOfWork) -> None:  # no outbox entry
        uow.session.add(Mailbox(id="mb-1", name="Sales", address="sales@acme.test",
                                username="sales", imap_host="imap.acme.test",
                                smtp_host="smtp.acme.test"))

    a.store.write(as_the_old_version_did)
    assert a.sync().pushed == 1
    assert a.sync().pushed == 0  # recorded once, not at every sync
    b.sync()
    assert local_rows(b.store)[("mailboxes", "mb-1")] == local_rows(a.store)[("mailboxes", "mb-1")]
