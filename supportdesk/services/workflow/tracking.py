"""Each conversation's SLA: due times as messages arrive, replies go out and status changes.

The tracking row is *derived*: message facts (when the customer wrote, when
we first answered, what waits for an answer) are recomputed from the
timeline every time, so they do not depend on the order in which messages
arrive (mail fetch, sync, chat import); status facts (waits on the customer
while ``pending``, resolution when ``solved``) are kept as status changes are
seen. :func:`refresh` does both and is safe to call any number of times; the
``on_*`` hooks are names for it that the channels can call.

What counts:

- a customer message: ``email_in``, a customer's chat line, an inbound call;
  never an automatic mail (``meta.is_auto``) or our own auto-acknowledgement
  (``meta.auto_ack``);
- an answer: ``email_out``, an agent's chat line, any call (a person spoke to
  the customer); internal notes never count.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.models import (
    Conversation,
    Message,
    MessageKind,
    Priority,
    Status,
    ticket_ref,
    utcnow,
)
from supportdesk.models.workflow import SlaTracking, sla_tracking_id
from supportdesk.services.sla import (
    PRIORITIES,
    BusinessCalendar,
    Pause,
    compute_due,
    to_utc,
)
from supportdesk.services.workflow import notify as notes
from supportdesk.services.workflow.contracts import (
    ContractInfo,
    contract_on,
    contracts_for_customer,
)
from supportdesk.services.workflow.oncall import on_call_at
from supportdesk.services.workflow.team import (
    PolicyInfo,
    TeamConfig,
    load_team,
    policy_by_id,
)
from supportdesk.store import UnitOfWork
from supportdesk.store.foreground import step

ZERO = timedelta(0)
ONE_SECOND = timedelta(seconds=1)

# -- message facts -------------------------------------------------------------------


def classify(
    kind: str, author_agent_id: str | None, author_customer_id: str | None,
    meta: Mapping[str, Any] | None,
) -> tuple[bool, bool]:
    """``(from the customer, an answer from us)`` for one timeline entry."""
    meta = meta or {}
    if meta.get("auto_ack"):
        return False, False
    if kind == MessageKind.CALL:
        return meta.get("direction") == "inbound", True
    if kind == MessageKind.EMAIL_IN:
        return not meta.get("is_auto"), False
    if kind == MessageKind.EMAIL_OUT:
        return False, True
    if kind == MessageKind.CHAT:
        if meta.get("system"):
            return False, False
        side = meta.get("side")
        customer = author_customer_id is not None or side == "customer"
        agent = author_agent_id is not None or side == "agent"
        return customer and not agent, agent
    return False, False


@dataclass(frozen=True)
class Facts:
    """What the timeline says about waiting and answering."""

    received_at: datetime | None
    first_response_at: datetime | None
    awaiting_since: datetime | None
    last_customer_at: datetime | None
    last_agent_at: datetime | None


def _contacts(
    session: Session, conversation_id: str, since: datetime | None
) -> list[tuple[datetime, bool, bool]]:
    stmt = select(
        Message.created_at, Message.kind, Message.author_agent_id, Message.author_customer_id,
        Message.meta,
    ).where(Message.conversation_id == conversation_id, Message.kind != MessageKind.NOTE)
    if since is not None:
        stmt = stmt.where(Message.created_at >= since)
    out = []
    for at, kind, agent, customer, meta in session.execute(
        stmt.order_by(Message.created_at, Message.n)
    ).tuples():
        is_customer, is_agent = classify(kind, agent, customer, meta)
        if is_customer or is_agent:
            out.append((at, is_customer, is_agent))
    return out


def facts_of(contacts: Iterable[tuple[datetime, bool, bool]]) -> Facts:
    """Fold timeline contacts ``(at, customer, agent)`` (in time order) into facts."""
    received = first = awaiting = last_customer = last_agent = None
    for at, customer, agent in contacts:
        if customer:
            if received is None:
                received = at
            last_customer = at
            if first is not None and awaiting is None and not agent:
                awaiting = at
        if agent:
            if received is not None and first is None:
                first = at
            last_agent = at
            awaiting = None
    return Facts(received, first, awaiting, last_customer, last_agent)


# -- pauses as stored ----------------------------------------------------------------


def pauses_from_json(data: Sequence[Any] | None) -> list[Pause]:
    """Stored pauses as aware datetimes."""
    out: list[Pause] = []
    for item in data or []:
        start = datetime.fromisoformat(str(item[0]))
        end = datetime.fromisoformat(str(item[1])) if item[1] else None
        out.append((to_utc(start), None if end is None else to_utc(end)))
    return out


def pauses_to_json(pauses: Sequence[Pause]) -> list[list[str | None]]:
    """Pauses as stored: ISO text, UTC."""
    return [
        [to_utc(s).isoformat(), None if e is None else to_utc(e).isoformat()] for s, e in pauses
    ]


def _open_pause(pauses: list[Pause], at: datetime) -> list[Pause]:
    if pauses and pauses[-1][1] is None:
        return pauses
    return [*pauses, (to_utc(at), None)]


def _close_pause(pauses: list[Pause], at: datetime) -> list[Pause]:
    if not pauses or pauses[-1][1] is not None:
        return pauses
    start = pauses[-1][0]
    return [*pauses[:-1], (start, max(start, to_utc(at)))]


# -- policy and due times ------------------------------------------------------------


@dataclass
class RefreshCache:
    """What many refreshes in one unit of work can share: the team, policies, contracts."""

    team: TeamConfig
    policies: dict[str | None, PolicyInfo] = field(default_factory=dict)
    contracts: dict[str, list[ContractInfo]] = field(default_factory=dict)


def policy_for(
    session: Session, conv: Conversation, team: TeamConfig, at: datetime,
    cache: RefreshCache | None = None,
) -> PolicyInfo:
    """The policy of the customer's contract in force at ``at``, else the default."""
    if cache is None:
        contract = contract_on(session, conv.customer_id, team.today(at))
        return policy_by_id(session, contract.sla_policy_id if contract else None, team)
    policy_id = None
    if conv.customer_id:
        if conv.customer_id not in cache.contracts:
            cache.contracts[conv.customer_id] = contracts_for_customer(session, conv.customer_id)
        day = team.today(at)
        contract = next((c for c in cache.contracts[conv.customer_id] if c.in_force(day)), None)
        policy_id = contract.sla_policy_id if contract else None
    if policy_id not in cache.policies:
        cache.policies[policy_id] = policy_by_id(session, policy_id, team)
    return cache.policies[policy_id]


def warn_instant(
    calendar: BusinessCalendar, due: datetime, warn: timedelta, floor: datetime
) -> datetime:
    """The first instant (not before ``floor``) with at most ``warn`` business time left to ``due``.

    Matches :func:`sla_state`'s "due soon" with a calendar: Friday 16:30 for
    Monday 09:30 with an hour's warning on a 09:00-17:00 week.
    """
    due, floor = to_utc(due), to_utc(floor)
    if warn <= ZERO or floor >= due:
        return min(floor, due) if warn > ZERO else due
    if calendar.business_time_between(floor, due) <= warn:
        return floor
    lo, hi = floor, due  # lo has more than warn left, hi has at most warn
    while hi - lo > ONE_SECOND:
        mid = lo + (hi - lo) / 2
        mid = mid.replace(microsecond=0)
        if mid <= lo:
            break
        if calendar.business_time_between(mid, due) <= warn:
            hi = mid
        else:
            lo = mid
    return hi


@dataclass(frozen=True)
class _Due:
    first_response_due: datetime | None
    next_response_due: datetime | None
    resolution_due: datetime | None
    next_due_at: datetime | None
    warn_at: datetime | None


def _due_fields(
    policy: PolicyInfo,
    priority: str,
    received: datetime,
    facts: Facts,
    pauses: list[Pause],
    resolved_at: datetime | None,
    status: str,
    warn: timedelta,
) -> _Due:
    awaiting = facts.awaiting_since if facts.first_response_at is not None else None
    due = compute_due(policy.policy, priority, received, pauses,
                      last_customer_message_at=awaiting)
    pending: list[tuple[datetime, datetime]] = []  # (due, when its clock started)
    if facts.first_response_at is None and due.first_response_due is not None:
        pending.append((due.first_response_due, received))
    if awaiting is not None and due.next_response_due is not None:
        pending.append((due.next_response_due, awaiting))
    if resolved_at is None and due.resolution_due is not None:
        pending.append((due.resolution_due, received))
    next_due = warn_at = None
    if pending and status != Status.SOLVED:
        next_due, started = min(pending, key=lambda p: to_utc(p[0]))
        closed_ends = [e for _, e in pauses if e is not None]
        floor = max([to_utc(started), *closed_ends])
        warn_at = warn_instant(policy.calendar, next_due, warn, floor)
    return _Due(
        due.first_response_due,
        due.next_response_due if awaiting is not None else None,
        due.resolution_due,
        None if next_due is None else to_utc(next_due),
        warn_at,
    )


def _utc(value: datetime | None) -> datetime | None:
    return None if value is None else to_utc(value)


# -- refresh ---------------------------------------------------------------------------


def refresh(
    uow: UnitOfWork,
    conversation_id: str,
    now: datetime | None = None,
    *,
    team: TeamConfig | None = None,
    mailbox: str | None = None,
    notify_out_of_hours: bool = True,
    cache: RefreshCache | None = None,
) -> SlaTracking | None:
    """Bring a conversation's SLA tracking up to date; None when there is nothing to track.

    Args:
        now: when the status last seen changed, if it did (defaults to now).
        mailbox: where the conversation came in, for the queue of ETAs.
        notify_out_of_hours: tell the person on call about an urgent
            conversation waiting while the team is away.
        cache: shared by :func:`refresh_many` (its team wins over ``team``).
    """
    session = uow.session
    now = to_utc(now or utcnow())
    conv = session.scalars(select(Conversation).where(Conversation.id == conversation_id)).first()
    if conv is None:
        return None
    team = cache.team if cache is not None else team or load_team(session)
    tr = session.get(SlaTracking, sla_tracking_id(conv.id))
    values: dict[str, Any] = {}
    if tr is None:
        facts = facts_of(_contacts(session, conv.id, None))
        if facts.received_at is None:
            return None
        pauses: list[Pause] = []
        if conv.status == Status.PENDING:
            waiting_from = max(facts.last_agent_at or now, facts.received_at)
            pauses = [(to_utc(min(waiting_from, now)), None)]
        resolved_at = (facts.last_agent_at or now) if conv.status == Status.SOLVED else None
        cycle_since: datetime | None = None
    else:
        cycle_since = tr.cycle_since
        resolved_at = tr.resolved_at
        pauses = pauses_from_json(tr.pauses)
        if resolved_at is not None:
            reopened = next(
                (at for at, customer, _a in _contacts(session, conv.id, resolved_at)
                 if customer and to_utc(at) > to_utc(resolved_at)),
                None,
            )
            if reopened is not None:  # a new request after the last resolution
                cycle_since, resolved_at, pauses = reopened, None, []
                values["breached_at"] = None
        facts = facts_of(_contacts(session, conv.id, cycle_since))
        old, new = tr.status, conv.status
        if old != new:
            if old == Status.PENDING:
                # The clock restarts when the customer wrote back, if that is what reopened it.
                resume = now
                if pauses and pauses[-1][1] is None:
                    back = next(
                        (at for at, customer, _a in _contacts(session, conv.id, pauses[-1][0])
                         if customer),
                        None,
                    )
                    if back is not None:
                        resume = min(now, to_utc(back))
                pauses = _close_pause(pauses, resume)
            if new == Status.PENDING:
                pauses = _open_pause(pauses, now)
            if new == Status.SOLVED:
                resolved_at = resolved_at or now
                pauses = _close_pause(pauses, now)
            elif old == Status.SOLVED:
                resolved_at = None
        if facts.received_at is None:
            facts = Facts(tr.received_at, facts.first_response_at, facts.awaiting_since,
                          facts.last_customer_at, facts.last_agent_at)
    received = facts.received_at
    assert received is not None
    priority = conv.priority if conv.priority in PRIORITIES else Priority.NORMAL
    policy = policy_for(session, conv, team, received, cache)
    due = _due_fields(policy, priority, received, facts, pauses, resolved_at, conv.status,
                      team.warn_before)
    values.update(
        policy_id=policy.id,
        policy_name=policy.name,
        status=conv.status,
        priority=priority,
        cycle_since=_utc(cycle_since),
        received_at=to_utc(received),
        first_response_at=_utc(facts.first_response_at),
        awaiting_since=_utc(facts.awaiting_since) if facts.first_response_at else None,
        first_response_due=_utc(due.first_response_due),
        next_response_due=_utc(due.next_response_due),
        resolution_due=_utc(due.resolution_due),
        resolved_at=_utc(resolved_at),
        pauses=pauses_to_json(pauses),
        next_due_at=due.next_due_at,
        warn_at=due.warn_at,
    )
    if mailbox:
        values["mailbox"] = mailbox[:320]
    if tr is None:
        tr = SlaTracking(id=sla_tracking_id(conv.id), conversation_id=conv.id, mailbox=None,
                         breached_at=None, ack_sent_at=None, ack_eta=None, updated_at=now)
        for key, value in values.items():
            setattr(tr, key, value)
        uow.add(tr)
    elif uow.update(tr, **values):
        uow.update(tr, updated_at=now)
    if notify_out_of_hours:
        _urgent_out_of_hours(uow, conv, tr, team, now)
    return tr


def refresh_many(
    uow: UnitOfWork, conversation_ids: Iterable[str], now: datetime | None = None
) -> int:
    """Refresh several conversations, reading the team, policies and contracts once."""
    cache = RefreshCache(load_team(uow.session))
    refreshed = 0
    for cid in dict.fromkeys(conversation_ids):
        step(uow.session)
        refreshed += refresh(uow, cid, now, cache=cache) is not None
    return refreshed


def on_customer_message(
    uow: UnitOfWork, conversation_id: str, at: datetime, *, mailbox: str | None = None
) -> SlaTracking | None:
    """A customer message joined the conversation (call after the message row is written)."""
    return refresh(uow, conversation_id, at, mailbox=mailbox)


def on_agent_reply(uow: UnitOfWork, conversation_id: str, at: datetime) -> SlaTracking | None:
    """We answered (mail sent, chat line, call logged); call after the row is written."""
    return refresh(uow, conversation_id, at)


def on_status_change(uow: UnitOfWork, conversation_id: str, at: datetime) -> SlaTracking | None:
    """The status or priority changed (pending pauses the clock, solved resolves)."""
    return refresh(uow, conversation_id, at)


on_priority_change = on_status_change


def _urgent_out_of_hours(
    uow: UnitOfWork, conv: Conversation, tr: SlaTracking, team: TeamConfig, now: datetime
) -> None:
    waiting = tr.received_at if tr.first_response_at is None else tr.awaiting_since
    if (
        conv.priority != Priority.URGENT
        or conv.status != Status.OPEN
        or waiting is None
        or team.calendar.is_open(now)
    ):
        return
    person = on_call_at(uow.session, now, team)
    ref = ticket_ref(conv.id)
    notes.notify(
        uow,
        kind=notes.URGENT_OUT_OF_HOURS,
        key=to_utc(waiting).isoformat(),
        recipients=[person],
        conversation_id=conv.id,
        title=f"Urgent out of hours: {ref} {conv.subject}",
        body="An urgent conversation is waiting while the team is away.",
        at=now,
    )


# -- breaches --------------------------------------------------------------------------


def overdue_targets(tr: SlaTracking, now: datetime) -> list[tuple[str, datetime]]:
    """The unmet targets of a tracking row that are due at or before ``now``."""
    now = to_utc(now)
    out: list[tuple[str, datetime]] = []
    if tr.first_response_at is None and tr.first_response_due and tr.first_response_due <= now:
        out.append((notes.BREACH_FIRST, tr.first_response_due))
    if (tr.first_response_at is not None and tr.awaiting_since is not None
            and tr.next_response_due and tr.next_response_due <= now):
        out.append((notes.BREACH_NEXT, tr.next_response_due))
    if tr.resolved_at is None and tr.resolution_due and tr.resolution_due <= now:
        out.append((notes.BREACH_RESOLUTION, tr.resolution_due))
    return out


_BREACH_TITLES = {
    notes.BREACH_FIRST: "First response overdue",
    notes.BREACH_NEXT: "Reply overdue",
    notes.BREACH_RESOLUTION: "Resolution overdue",
}


def check_breaches(uow: UnitOfWork, now: datetime | None = None) -> list[str]:
    """Notify about every newly breached target; returns the new notification ids.

    The assignee is told; out of the team's hours the person on call too;
    with neither, the whole team. Each breach is notified once per person.
    """
    session = uow.session
    now = to_utc(now or utcnow())
    team = load_team(session)
    made: list[str] = []
    rows = session.execute(
        select(SlaTracking, Conversation)
        .join(Conversation, Conversation.id == SlaTracking.conversation_id)
        .where(SlaTracking.next_due_at <= now, Conversation.status != Status.SOLVED)
    ).tuples()
    on_call: str | None = None
    out_of_hours = not team.calendar.is_open(now)
    if out_of_hours:
        on_call = on_call_at(session, now, team)
    for tr, conv in list(rows):
        step(session)
        targets = overdue_targets(tr, now)
        if not targets:
            continue
        recipients: list[str | None] = [a for a in (conv.assignee_id, on_call) if a]
        if not recipients:
            recipients = [None]
        ref = ticket_ref(conv.id)
        for kind, due in targets:
            for n in notes.notify(
                uow,
                kind=kind,
                key=to_utc(due).isoformat(),
                recipients=recipients,
                conversation_id=conv.id,
                title=f"{_BREACH_TITLES[kind]}: {ref} {conv.subject}",
                body=f"Was due {to_utc(due).astimezone(team.tz):%Y-%m-%d %H:%M %Z}.",
                at=now,
            ):
                made.append(n.id)
        if tr.breached_at is None:
            uow.update(tr, breached_at=now)
    return made


def refresh_open(uow: UnitOfWork, now: datetime | None = None) -> int:
    """Refresh every tracked conversation that is not solved (after a policy change)."""
    ids = uow.session.scalars(
        select(SlaTracking.conversation_id)
        .join(Conversation, Conversation.id == SlaTracking.conversation_id)
        .where(Conversation.status != Status.SOLVED)
        .order_by(SlaTracking.conversation_id)
    ).all()
    return refresh_many(uow, ids, now)


def unsolved_ids(session: Session, limit: int | None = None) -> list[str]:
    """Open and pending conversations, the most recently active first (for a catch-up)."""
    stmt = (
        select(Conversation.id)
        .where(Conversation.status != Status.SOLVED)
        .order_by(Conversation.last_activity_at.desc(), Conversation.id)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))
