"""Pages: urgent mail at 03:00 pages the on-call person by mail (real SMTP) and ntfy push,
nobody acknowledging pages the next in the rota, an acknowledgement stops the chain."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.policy import default

import pytest
from sqlalchemy import select

from supportdesk.channels.email.connection import MailboxConfig
from supportdesk.models import Activity, Agent
from supportdesk.models.rules import Page, PageEvent
from supportdesk.services.mail.ingest import ingest_raw
from supportdesk.services.paging import pager
from supportdesk.services.paging.transport import SmtpNtfyTransport
from supportdesk.services.workflow import oncall, team
from supportdesk.store import Store, UnitOfWork
from tests.services.rules.mails import mail
from tests.services.rules.paging_helpers import PushServer

NIGHT = datetime(2026, 12, 8, 3, 0, tzinfo=UTC)  # a Tuesday, 03:00 in London
ANN, BOB, CAT = "00000000-0000-7000-8000-00000000000a", "00000000-0000-7000-8000-00000000000b", \
    "00000000-0000-7000-8000-00000000000c"


@pytest.fixture
def push() -> Iterator[PushServer]:
    server = PushServer().start()
    yield server
    server.stop()


def setup_team(store: Store, push_url: str) -> None:
    def work(uow: UnitOfWork) -> None:
        for aid, name in ((ANN, "Ann"), (BOB, "Bob"), (CAT, "Cat")):
            uow.add(Agent(id=aid, name=name, email=None, role="agent", active=True,
                          created_at=NIGHT - timedelta(days=30)))
        team.save_team(uow, timezone="Europe/London", week_text="mon-fri 09:00-17:00")
        oncall.set_shifts(uow, [oncall.ShiftSpec(ANN, 1, "00:00", "09:00"),
                                oncall.ShiftSpec(BOB, 2, "00:00", "09:00")])
        pager.set_paging_address(uow, ANN, "ann@pager.test", f"{push_url}/oncall-ann")
        pager.set_paging_address(uow, BOB, "bob@pager.test")

    store.write(work)


def transport(smtp, tls_files) -> SmtpNtfyTransport:  # type: ignore[no-untyped-def]
    cfg = MailboxConfig(name="Support", email_address="support@acme.test", username="pager",
                        imap_host="127.0.0.1", imap_port=9, imap_security="tls",
                        smtp_host="127.0.0.1", smtp_port=smtp.port, smtp_security="starttls",
                        cafile=str(tls_files.ca_cert))
    return SmtpNtfyTransport(cfg, "pw")


def test_night_page_escalates_until_acknowledged(store: Store, make_smtp, tls_files,  # type: ignore[no-untyped-def]
                                                 push: PushServer) -> None:
    smtp = make_smtp("starttls", {"pager": "pw"})
    setup_team(store, push.url)
    out = ingest_raw(store, mail("URGENT: site down", msgid="<n1@x>", date=NIGHT),
                     mailbox_key="support@acme.test")
    settings = pager.PagingSettings(ack_minutes=10, ack_base_url="https://watch.acme.test")
    t = transport(smtp, tls_files)

    sent = pager.page_step(store, NIGHT + timedelta(minutes=1), pager.local_claim, t, settings)
    assert [(s.agent_id, s.level, s.by_mail, s.by_push) for s in sent] == [(ANN, 0, True, True)]
    [first] = smtp.messages
    assert first.rcpt_tos == ["ann@pager.test"]
    page_mail = message_from_bytes(first.content, policy=default)
    with store.read() as s:
        page = s.scalars(select(Page)).one()
    assert page.reason == "urgent_out_of_hours" and page.conversation_id == out.conversation_id
    assert page.code in page_mail.get_content()
    assert f"https://watch.acme.test/ack/{page.code}" in page_mail.get_content()
    [p] = push.pushes
    assert p.path == "/oncall-ann" and p.headers["Priority"] == "urgent"
    assert page.code.encode() in p.body

    # Within the acknowledgement time nothing more is sent.
    assert pager.page_step(store, NIGHT + timedelta(minutes=5), pager.local_claim, t,
                           settings) == []
    # Nobody acknowledged: the next in the rota is paged.
    sent = pager.page_step(store, NIGHT + timedelta(minutes=12), pager.local_claim, t, settings)
    assert [(s.agent_id, s.level) for s in sent] == [(BOB, 1)]
    assert [m.rcpt_tos for m in smtp.messages] == [["ann@pager.test"], ["bob@pager.test"]]
    # Bob acknowledges: the chain stops.
    store.write(lambda uow: pager.acknowledge(uow, page.code.lower(), "Bob",
                                              NIGHT + timedelta(minutes=15)))
    assert pager.page_step(store, NIGHT + timedelta(hours=2), pager.local_claim, t,
                           settings) == []
    assert len(smtp.messages) == 2
    with store.read() as s:
        page = s.scalars(select(Page)).one()
        assert (page.state, page.acked_by, page.level) == ("acked", "Bob", 1)
        kinds = [e.kind for e in pager.page_timeline(s, out.conversation_id)]
        assert kinds == ["sent", "escalated", "acked"]
        texts = [a.detail["text"] for a in s.scalars(
            select(Activity).where(Activity.kind == "page").order_by(Activity.created_at))]
        assert texts == ["Paged Ann (on call)", "Nobody acknowledged; paged Bob",
                         "Page acknowledged by Bob"]
        stats = pager.paging_stats(s, NIGHT, NIGHT + timedelta(days=1))
        assert (stats.pages, stats.acknowledged, stats.escalations) == (1, 1, 1)
        assert stats.median_ack_seconds == 14 * 60
        # The owner's weekly report counts it, with the time to acknowledge.
        from supportdesk.reports.metrics import weekly_summary
        from supportdesk.reports.tables import weekly_tables

        week = weekly_summary(s, "2026-W50", now=NIGHT + timedelta(days=3))
        assert (week.pages_sent, week.page_ack_minutes) == (1, 14.0)
        rows = {r[0]: r[1] for t in weekly_tables(week) for r in t.rows if r}
        assert rows["Pages sent by the night watch"] == 1
        assert rows["Median minutes to acknowledge a page"] == 14.0


def test_no_page_in_business_hours_and_a_lost_claim_sends_nothing(
    store: Store, make_smtp, tls_files, push: PushServer  # type: ignore[no-untyped-def]
) -> None:
    smtp = make_smtp("starttls", {"pager": "pw"})
    setup_team(store, push.url)
    noon = NIGHT.replace(hour=12)
    ingest_raw(store, mail("URGENT at noon", msgid="<noon@x>", date=noon),
               mailbox_key="support@acme.test")
    t = transport(smtp, tls_files)
    assert pager.page_step(store, noon, pager.local_claim, t) == []
    # That evening it is still waiting: it is paged, unless another device claimed the page.
    assert pager.page_step(store, noon.replace(hour=20), lambda _key: False, t) == []
    assert smtp.messages == [] and push.pushes == []
    with store.read() as s:
        assert s.scalars(select(PageEvent)).all() == []
        assert s.scalars(select(Page.state)).all() == ["open"]


def test_nobody_left_in_the_rota_closes_the_page(store: Store, make_smtp, tls_files,  # type: ignore[no-untyped-def]
                                                 push: PushServer) -> None:
    smtp = make_smtp("starttls", {"pager": "pw"})
    setup_team(store, push.url)
    ingest_raw(store, mail("URGENT", msgid="<x1@x>", date=NIGHT), mailbox_key="s@x.test")
    t = transport(smtp, tls_files)
    settings = pager.PagingSettings(ack_minutes=5)
    for minutes in (0, 6, 12):
        pager.page_step(store, NIGHT + timedelta(minutes=minutes), pager.local_claim, t,
                        settings)
    assert [m.rcpt_tos for m in smtp.messages] == [["ann@pager.test"], ["bob@pager.test"]]
    with store.read() as s:
        assert s.scalars(select(Page.state)).one() == "exhausted"
    with pytest.raises(pager.AckError):
        store.write(lambda uow: pager.acknowledge(uow, "NOSUCH", "x"))


def test_an_sla_about_to_breach_at_night_pages_once(store: Store, make_smtp, tls_files,  # type: ignore[no-untyped-def]
                                                    push: PushServer) -> None:
    from supportdesk.services.sla import DEFAULT_TARGETS
    from supportdesk.services.workflow import tracking

    smtp = make_smtp("starttls", {"pager": "pw"})
    setup_team(store, push.url)
    # Round the clock cover (a premium policy): its due times can fall at night.
    store.write(lambda uow: team.save_policy(uow, name="24/7", targets=DEFAULT_TARGETS,
                                             week_text="mon-sun 00:00-24:00", is_default=True))
    evening = NIGHT.replace(hour=22, minute=30) - timedelta(days=1)  # Monday 22:30
    out = ingest_raw(store, mail("Question about export", msgid="<sla@x>", date=evening),
                     mailbox_key="support@acme.test")
    store.write(lambda uow: tracking.on_customer_message(uow, out.conversation_id, evening))
    with store.read() as s:
        from supportdesk.models.workflow import SlaTracking

        warn = s.scalars(select(SlaTracking.warn_at)).one()
    assert warn is not None
    t = transport(smtp, tls_files)
    at = warn + timedelta(minutes=1)
    assert not (9 <= at.hour < 17)  # at night, outside the team's hours
    sent = pager.page_step(store, at, pager.local_claim, t)
    assert [(x.agent_id, x.level) for x in sent] == [(ANN, 0)]
    with store.read() as s:
        assert s.scalars(select(Page.reason)).all() == ["sla_at_night"]
    assert pager.page_step(store, at + timedelta(minutes=1), pager.local_claim, t) == []
    assert len(smtp.messages) == 1
