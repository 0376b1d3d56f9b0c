"""Page the on-call person: notice what needs it, claim each step, send, escalate, acknowledge.

A page is about one conversation. It is opened (a row with an id derived from
the conversation, the reason and what triggered it) when, outside the team's
business hours, a conversation is urgent and waiting for us, or its SLA is
about to breach; or when a rule says "page". Each step of the rota chain is
claimed at the team server (``page:<id>:<level>``) before it is sent, so two
watchers, or a watcher and a laptop, page once. Nobody acknowledging within
``ack_minutes`` pages the next person; an acknowledgement (by its code, from
the link in the page or from the app) stops the chain. Every step is a
``page_events`` row and an activity on the conversation.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.models import (
    Activity,
    Agent,
    Conversation,
    Message,
    MessageKind,
    Priority,
    Status,
    derived_id,
    ticket_ref,
    utcnow,
)
from supportdesk.models.rules import AgentPaging, Page, PageEvent
from supportdesk.models.workflow import OnCallShift, SlaTracking
from supportdesk.services.rules.run import page_code, page_id
from supportdesk.services.workflow.oncall import on_call_at
from supportdesk.services.workflow.team import TeamConfig, load_team
from supportdesk.store import Store, UnitOfWork

log = logging.getLogger(__name__)

URGENT_OUT_OF_HOURS = "urgent_out_of_hours"
SLA_AT_NIGHT = "sla_at_night"

#: Claims a key at the team server; True when this device holds it.
Claim = Callable[[str], bool]

#: Set by the watcher's crash tests: called between the claim and the send.
crash_hook: Callable[[str], None] | None = None


class PageTransport(Protocol):
    """How a page reaches a person."""

    def send_mail(self, to: str, subject: str, body: str, message_id: str) -> None:
        """Mail the page to a paging address (raise on failure)."""

    def push(self, url: str, title: str, body: str, click: str) -> None:
        """POST the page to an ntfy topic URL (raise on failure)."""


@dataclass(frozen=True)
class PagingSettings:
    """How the watcher pages."""

    #: nobody acknowledging within this long pages the next person in the rota
    ack_minutes: int = 10
    #: where acknowledgement links point (the watcher's own listener), '' for none
    ack_base_url: str = ""


@dataclass(frozen=True)
class SentPage:
    """One step of a page that was sent."""

    page_id: str
    conversation_id: str
    level: int
    agent_id: str
    by_mail: bool
    by_push: bool


def local_claim(_key: str) -> bool:
    """The claim of a device that syncs with no server: it is the only one."""
    return True


def rota_chain(session: Session, at: datetime, team: TeamConfig) -> list[str]:
    """Who is paged, in order: the person on call, then the rest of the rota, active only."""
    active = set(session.scalars(select(Agent.id).where(Agent.active.is_(True))))
    order = [on_call_at(session, at, team)]
    order += list(session.scalars(select(OnCallShift.agent_id)
                                  .order_by(OnCallShift.created_at, OnCallShift.id)))
    return [a for a in dict.fromkeys(order) if a is not None and a in active]


def _open_page(uow: UnitOfWork, conv: Conversation, reason: str, key: str, now: datetime) -> bool:
    """Open a page unless one (for any reason) was opened about the same waiting message."""
    session = uow.session
    if any(session.get(Page, page_id(conv.id, why, key)) is not None
           for why in (URGENT_OUT_OF_HOURS, SLA_AT_NIGHT)):
        return False
    pid = page_id(conv.id, reason, key)
    uow.add(Page(id=pid, conversation_id=conv.id, reason=reason, title=conv.subject[:300],
                 code=page_code(pid), level=0, chain=[], agent_id=None, created_at=now,
                 sent_at=None, next_at=None, acked_at=None, acked_by=None, state="open",
                 updated_at=now))  # fmt: skip
    return True


def _waiting_message(session: Session, conversation_id: str) -> Message | None:
    """The conversation's last message when it is the customer's (nobody answered yet)."""
    last = session.scalars(
        select(Message).where(Message.conversation_id == conversation_id,
                              Message.kind != MessageKind.NOTE)
        .order_by(Message.created_at.desc(), Message.id.desc()).limit(1)
    ).first()  # fmt: skip
    return last if last is not None and last.author_customer_id is not None else None


def detect(uow: UnitOfWork, now: datetime, team: TeamConfig | None = None) -> int:
    """Open the pages that out-of-hours urgency and night-time SLA warnings call for.

    One page per customer message left waiting: a page acknowledged for it is
    not followed by another until the customer writes again.
    """
    session = uow.session
    team = team or load_team(session)
    if team.calendar.is_open(now):
        return 0
    busy = set(session.scalars(select(Page.conversation_id).where(Page.state == "open")))
    opened = 0
    urgent = session.scalars(select(Conversation).where(
        Conversation.priority == Priority.URGENT, Conversation.status == Status.OPEN,
    )).all()  # fmt: skip
    warned = session.scalars(
        select(Conversation)
        .join(SlaTracking, Conversation.id == SlaTracking.conversation_id)
        .where(SlaTracking.warn_at <= now, SlaTracking.next_due_at.is_not(None),
               Conversation.status != Status.SOLVED)
    ).all()  # fmt: skip
    for reason, convs in ((URGENT_OUT_OF_HOURS, urgent), (SLA_AT_NIGHT, warned)):
        for conv in convs:
            if conv.id in busy:
                continue
            waiting = _waiting_message(session, conv.id)
            if waiting is not None and _open_page(uow, conv, reason, waiting.id, now):
                busy.add(conv.id)
                opened += 1
    return opened


def due_pages(session: Session, now: datetime) -> list[Page]:
    """Open pages not sent yet, or whose acknowledgement time is up."""
    pages = session.scalars(
        select(Page).where(Page.state == "open").order_by(Page.created_at, Page.id)
    ).all()
    return [p for p in pages if p.sent_at is None or (p.next_at is not None and p.next_at <= now)]


def _words(page: Page, conv_subject: str, code: str, base: str) -> tuple[str, str, str]:
    ref = ticket_ref(page.conversation_id)
    why = {URGENT_OUT_OF_HOURS: "Urgent out of hours", SLA_AT_NIGHT: "SLA about to breach",
           "rule": "Paged by a rule"}.get(page.reason, "Page")  # fmt: skip
    subject = f"[SupportDesk page] {why}: {ref} {conv_subject}"[:300]
    link = f"{base.rstrip('/')}/ack/{code}" if base else ""
    body = (f"{why}: {ref} {conv_subject}\n\nAcknowledge with code {code}"
            + (f"\nor open {link}" if link else "")
            + "\n(supportdesk watch --ack CODE on the watcher's box also works.)\n")
    return subject, body, link


def _activity(uow: UnitOfWork, page: Page, key: str, text: str, now: datetime,
              **detail: object) -> None:
    aid = derived_id("page_activity", page.id, key)
    if uow.session.get(Activity, aid) is None:
        uow.add(Activity(id=aid, conversation_id=page.conversation_id, agent_id=None,
                         kind="page", detail={"text": text, "page_id": page.id, **detail},
                         created_at=now))  # fmt: skip


def _event(uow: UnitOfWork, page: Page, kind: str, level: int, agent: str | None,
           detail: str, now: datetime) -> None:
    eid = derived_id("page_event", page.id, kind, str(level))
    if uow.session.get(PageEvent, eid) is None:
        uow.add(PageEvent(id=eid, page_id=page.id, conversation_id=page.conversation_id,
                          kind=kind, level=level, agent_id=agent, detail=detail[:2000],
                          at=now))  # fmt: skip


def page_step(
    store: Store, now: datetime, claim: Claim, transport: PageTransport,
    settings: PagingSettings | None = None,
) -> list[SentPage]:
    """Open the pages that are needed, and send each step that is due and ours to send."""
    settings = settings or PagingSettings()
    store.write(lambda uow: detect(uow, now))
    with store.read() as session:
        team = load_team(session)
        work = []
        for page in due_pages(session, now):
            level = 0 if page.sent_at is None else page.level + 1
            chain = list(page.chain or ()) or rota_chain(session, now, team)
            subject = session.scalar(
                select(Conversation.subject).where(Conversation.id == page.conversation_id)
            ) or ""
            targets = {a.agent_id: a for a in session.scalars(
                select(AgentPaging).where(AgentPaging.agent_id.in_(chain)))}  # fmt: skip
            names = dict(session.execute(select(Agent.id, Agent.name)
                                         .where(Agent.id.in_(chain))).tuples().all())
            session.expunge(page)
            work.append((page, level, chain, subject, targets, names))
    sent: list[SentPage] = []
    for page, level, chain, subject, targets, names in work:
        if level >= len(chain):
            def exhausted(uow: UnitOfWork, page: Page = page, level: int = level) -> None:
                row = uow.session.get(Page, page.id)
                if row is not None and row.state == "open":
                    uow.update(row, state="exhausted", next_at=None, updated_at=now)
                    _event(uow, page, "exhausted", level, None, "nobody left in the rota", now)
                    _activity(uow, page, f"exhausted:{level}",
                              "Nobody left in the rota to page", now)
            store.write(exhausted)
            continue
        agent = chain[level]
        if not claim(f"page:{page.id}:{level}"):
            log.info("page.claimed_elsewhere", extra={"page": page.id, "step": level})
            continue
        if crash_hook is not None:
            crash_hook("page")
        target = targets.get(agent)
        title, body, link = _words(page, subject, page.code, settings.ack_base_url)
        by_mail = by_push = False
        problems: list[str] = []
        if target is not None and target.address:
            try:
                transport.send_mail(target.address, title, body,
                                    f"<page-{page.id}-{level}@supportdesk.invalid>")
                by_mail = True
            except Exception as exc:
                problems.append(f"mail: {exc}")
        if target is not None and target.ntfy_url:
            try:
                transport.push(target.ntfy_url, title, body, link)
                by_push = True
            except Exception as exc:
                problems.append(f"push: {exc}")
        if target is None or not (target.address or target.ntfy_url):
            problems.append("no paging address")
        reached = by_mail or by_push
        name = names.get(agent, agent)

        def record(uow: UnitOfWork, page: Page = page, level: int = level, agent: str = agent,
                   chain: list[str] = chain, reached: bool = reached, name: str = name,
                   problems: list[str] = problems) -> None:
            row = uow.session.get(Page, page.id)
            if row is None or row.state != "open":
                return
            kind = "sent" if level == 0 else "escalated"
            if reached:
                text = (f"Paged {name} (on call)" if level == 0
                        else f"Nobody acknowledged; paged {name}")
                _event(uow, page, kind, level, agent, "; ".join(problems), now)
                _activity(uow, page, f"{kind}:{level}", text, now, level=level, agent_id=agent)
            else:
                _event(uow, page, "failed", level, agent, "; ".join(problems), now)
                _activity(uow, page, f"failed:{level}", f"Could not page {name}", now,
                          level=level, agent_id=agent)
            wait = timedelta(minutes=settings.ack_minutes) if reached else timedelta(0)
            uow.update(row, level=level, agent_id=agent, chain=chain,
                       sent_at=row.sent_at or now, next_at=now + wait, updated_at=now)

        store.write(record)
        if reached:
            sent.append(SentPage(page.id, page.conversation_id, level, agent, by_mail, by_push))
    return sent


class AckError(ValueError):
    """The code names no open page."""


def acknowledge(uow: UnitOfWork, code: str, who: str, now: datetime | None = None) -> Page:
    """Acknowledge the page with this code (it stops the chain).

    Raises:
        AckError: no page has this code, or it is no longer open.
    """
    now = now or utcnow()
    code = code.strip().upper()
    page = uow.session.scalars(select(Page).where(Page.code == code)).first()
    if page is None:
        raise AckError("No page has this code.")
    if page.state == "acked":
        return page
    uow.update(page, state="acked", acked_at=now, acked_by=who[:200], next_at=None,
               updated_at=now)
    _event(uow, page, "acked", page.level, page.agent_id, who, now)
    _activity(uow, page, "acked", f"Page acknowledged by {who}", now, by=who)
    return page


@dataclass(frozen=True)
class PagingStats:
    """Pages in a period, for the weekly report."""

    pages: int
    acknowledged: int
    escalations: int
    median_ack_seconds: float | None


def paging_stats(session: Session, start: datetime, end: datetime) -> PagingStats:
    """Pages sent between ``start`` and ``end``, and how fast they were acknowledged."""
    pages = session.scalars(
        select(Page).where(Page.sent_at >= start, Page.sent_at < end)
    ).all()
    waits = sorted((p.acked_at - p.sent_at).total_seconds() for p in pages
                   if p.acked_at is not None and p.sent_at is not None)  # fmt: skip
    escalations = len(session.scalars(
        select(PageEvent.id).where(PageEvent.kind == "escalated", PageEvent.at >= start,
                                   PageEvent.at < end)
    ).all())  # fmt: skip
    median = waits[len(waits) // 2] if waits else None
    return PagingStats(len(pages), len(waits), escalations, median)


def set_paging_address(uow: UnitOfWork, agent_id: str, address: str, ntfy_url: str = "") -> None:
    """Where an agent is paged: a mail address (a phone's, an SMS gateway's) and an ntfy URL."""
    row = uow.session.scalars(select(AgentPaging).where(AgentPaging.agent_id == agent_id)).first()
    values = {"address": address.strip()[:320], "ntfy_url": ntfy_url.strip()[:500]}
    if row is None:
        uow.add(AgentPaging(id=derived_id("agent_paging", agent_id), agent_id=agent_id,
                            updated_at=utcnow(), **values))
    elif uow.update(row, **values):
        uow.update(row, updated_at=utcnow())


def page_timeline(session: Session, conversation_id: str) -> Sequence[PageEvent]:
    """A conversation's page events, oldest first."""
    return session.scalars(select(PageEvent).where(PageEvent.conversation_id == conversation_id)
                           .order_by(PageEvent.at, PageEvent.id)).all()
