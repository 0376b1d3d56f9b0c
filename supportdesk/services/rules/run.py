"""Run the rules on new mail (inside the ingest's unit of work) and on a schedule.

Each firing is a ``rule_firings`` row whose id derives from the rule and the
message, and each change it made is an activity whose id derives from the
firing: two devices that ingest the same mail write the same rows, so the
team sees one firing. A message that already has firings is never run again.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.models import (
    Activity,
    Agent,
    Conversation,
    ConversationTag,
    Customer,
    Message,
    MessageKind,
    Status,
    derived_id,
    utcnow,
)
from supportdesk.models.rules import Page, RuleFiring
from supportdesk.models.workflow import Contract
from supportdesk.services.rules.engine import Facts, Outcome, evaluate, ordered
from supportdesk.services.rules.model import RuleSpec
from supportdesk.services.rules.service import all_rules
from supportdesk.services.workflow.team import TeamConfig, load_team
from supportdesk.store import UnitOfWork
from supportdesk.store.blobs import BlobStore
from supportdesk.store.foreground import step

log = logging.getLogger(__name__)

#: Set by the watcher's crash tests: called inside the ingest's unit of work.
crash_hook: Callable[[str], None] | None = None


@dataclass(frozen=True)
class InboundMail:
    """A new customer message, as the rules see it."""

    message_id: str
    conversation_id: str
    at: datetime
    mailbox: str = ""
    recipients: tuple[str, ...] = ()
    sender: str = ""
    subject: str = ""
    body: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    language: str = ""
    is_auto: bool = False
    channel: str = "email"
    #: the ``PreparedMail`` on ingest (a canned answer replies to it); None elsewhere
    prepared: Any = None


def firing_id(rule_id: str, message_key: str) -> str:
    """The id of a rule's firing on a message: the same on every device."""
    return derived_id("rule_firing", rule_id, message_key)


def page_id(conversation_id: str, reason: str, key: str) -> str:
    """The id of a page about a conversation: the same on every device."""
    return derived_id("page", conversation_id, reason, key)


def page_code(pid: str) -> str:
    """The acknowledgement code of a page (derived, so every device shows the same)."""
    digest = hashlib.sha256(f"page-code:{pid}".encode()).digest()
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    n = int.from_bytes(digest[:8], "big")
    return "".join(alphabet[(n >> (5 * i)) % len(alphabet)] for i in range(8))


class Context:
    """What every message of a batch shares: the rules, the team, the agents."""

    def __init__(self, session: Session, rules: Sequence[RuleSpec] | None = None) -> None:
        self.session = session
        self.rules = list(rules) if rules is not None else all_rules(session)
        self._team: TeamConfig | None = None
        self._agents: tuple[str, ...] | None = None
        self._names: dict[str, str] | None = None
        self.last_assigned: dict[str, str] = {}
        self._orgs: dict[str, str] = {}
        self._contracts: list[tuple[str | None, str | None, str, str, str | None]] | None = None
        self._tags: dict[str, frozenset[str]] = {}
        #: what the batch will write, in a few statements (``flush``)
        self.firings: list[dict[str, Any]] = []
        self.activities: list[dict[str, Any]] = []
        self.tag_adds: list[tuple[str, str]] = []
        #: where a canned answer's mail is written (ingest gives it); None: not sent
        self.blobs: BlobStore | None = None

    def active(self, trigger: str) -> list[RuleSpec]:
        """The enabled rules for this trigger, in order."""
        return ordered(self.rules, trigger)

    def needs(self, trigger: str) -> set[str]:
        """The fields the enabled rules of a trigger look at."""
        out: set[str] = set()

        def walk(cond: Any) -> None:
            if isinstance(cond, dict):
                for group in ("any", "all"):
                    for sub in cond.get(group) or ():
                        walk(sub)
                if "field" in cond:
                    out.add(str(cond["field"]))

        for rule in self.active(trigger):
            for cond in rule.conditions:
                walk(dict(cond))
        return out

    def tags_of(self, conversation_id: str) -> frozenset[str]:
        """A conversation's tags (prefetched for a batch by ``prefetch_tags``)."""
        if conversation_id not in self._tags:
            self._tags[conversation_id] = _tags(self.session, conversation_id)
        return self._tags[conversation_id]

    def prefetch_tags(self, conversation_ids: Sequence[str]) -> None:
        """Read the tags of many conversations in one query."""
        ids = [c for c in dict.fromkeys(conversation_ids) if c not in self._tags]
        found: dict[str, set[str]] = {c: set() for c in ids}
        for start in range(0, len(ids), 500):
            for cid, tag in self.session.execute(
                select(ConversationTag.conversation_id, ConversationTag.tag)
                .where(ConversationTag.conversation_id.in_(ids[start:start + 500]))
            ):
                found[cid].add(tag)
        self._tags.update({c: frozenset(t) for c, t in found.items()})

    def flush(self, uow: UnitOfWork) -> None:
        """Write the batch's firings, history entries and tags."""
        uow.add_rows(RuleFiring, self.firings)
        uow.add_rows(Activity, self.activities)
        uow.add_tags(self.tag_adds)
        self.firings, self.activities, self.tag_adds = [], [], []

    @property
    def team(self) -> TeamConfig:
        if self._team is None:
            self._team = load_team(self.session)
        return self._team

    @property
    def agents(self) -> tuple[str, ...]:
        if self._agents is None:
            self._agents = tuple(sorted(self.session.scalars(
                select(Agent.id).where(Agent.active.is_(True))
            )))  # fmt: skip
        return self._agents

    @property
    def names(self) -> dict[str, str]:
        if self._names is None:
            self._names = dict(self.session.execute(select(Agent.id, Agent.name)).tuples().all())
        return self._names

    def customer(self, customer_id: str | None, at: datetime) -> tuple[str, tuple[str, ...]]:
        """(organisation, contract kinds in force on ``at``) of a customer."""
        if not customer_id:
            return "", ()
        if customer_id not in self._orgs:
            self.prefetch_customers([customer_id])
        org = self._orgs.get(customer_id, "")
        day = at.astimezone(self.team.tz).date().isoformat()
        kinds = {
            kind for who, org_of, kind, starts, expires in self._contracts or ()
            if (who == customer_id or (org and org_of == org))
            and starts <= day and (expires is None or expires >= day)
        }  # fmt: skip
        return org, tuple(sorted(kinds))

    def prefetch_customers(self, customer_ids: Sequence[str | None]) -> None:
        """Read the organisations of many customers, and the active contracts, at once."""
        ids = [c for c in dict.fromkeys(customer_ids) if c and c not in self._orgs]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            self._orgs.update({c: "" for c in chunk})
            self._orgs.update((cid, org or "") for cid, org in self.session.execute(
                select(Customer.id, Customer.organization).where(Customer.id.in_(chunk))))
        if self._contracts is None:
            self._contracts = [
                (who, org, kind, starts, expires) for who, org, kind, starts, expires
                in self.session.execute(
                    select(Contract.customer_id, Contract.organization, Contract.kind,
                           Contract.starts_on, Contract.expires_on)
                    .where(Contract.active.is_(True))
                ).tuples()
            ]  # fmt: skip

    def round_robin_state(self, rule_ids: Sequence[str]) -> None:
        """Load, for round-robin rules, the agent each assigned last."""
        for rule_id in rule_ids:
            if rule_id in self.last_assigned:
                continue
            for effects in self.session.scalars(
                select(RuleFiring.effects).where(RuleFiring.rule_id == rule_id)
                .order_by(RuleFiring.fired_at.desc(), RuleFiring.id.desc()).limit(50)
            ):
                found = next((e.get("value") for e in effects or ()
                              if isinstance(e, dict) and e.get("type") == "assign"
                              and e.get("value")), None)  # fmt: skip
                if found:
                    self.last_assigned[rule_id] = str(found)
                    break


def _tags(session: Session, conversation_id: str) -> frozenset[str]:
    return frozenset(session.scalars(
        select(ConversationTag.tag).where(ConversationTag.conversation_id == conversation_id)
    ))  # fmt: skip


def facts_for(
    ctx: Context, mail: InboundMail, conv: Conversation, needs: set[str] | None = None
) -> Facts:
    """The facts of one message in its conversation as it stands now.

    Args:
        needs: the fields the rules look at; costly facts (organisation,
            contracts) are read only when a rule asks for them. None: all.
    """
    org, kinds = "", tuple[str, ...]()
    if needs is None or needs & {"organization", "contract_kind"}:
        org, kinds = ctx.customer(conv.customer_id, mail.at)
    return Facts(
        conversation_id=conv.id, message_id=mail.message_id, channel=mail.channel,
        mailbox=mail.mailbox, recipients=mail.recipients, sender=mail.sender,
        customer_id=conv.customer_id, organization=org, contract_kinds=kinds,
        subject=mail.subject, body=mail.body, headers=mail.headers, language=mail.language,
        is_auto=mail.is_auto, at=mail.at, business_hours=ctx.team.calendar.is_open(mail.at),
        conversation_created_at=conv.created_at, status=conv.status, priority=conv.priority,
        assignee=conv.assignee_id, tags=ctx.tags_of(conv.id), agents=ctx.agents,
        last_assigned=dict(ctx.last_assigned),
    )  # fmt: skip


_FIELD_KINDS = {"set_priority": "priority", "set_status": "status", "assign": "assigned",
                "add_tag": "tag_added", "remove_tag": "tag_removed"}  # fmt: skip


def apply_outcome(
    uow: UnitOfWork, conv: Conversation, outcome: Outcome, message_key: str,
    message_id: str | None, now: datetime, ctx: Context | None = None,
    mail: InboundMail | None = None,
) -> int:
    """Write what the rules decided, each change with its firing and activity; returns firings.

    With ``ctx`` the firing and history rows and new tags wait in it for
    ``ctx.flush`` (a batch writes them in a few statements).
    """
    own = ctx is None
    ctx = ctx or Context(uow.session, rules=())
    written = 0
    for fired in outcome.fired:
        fid = firing_id(fired.rule_id, message_key)
        ctx.firings.append({
            "id": fid, "rule_id": fired.rule_id, "rule_name": fired.name[:200],
            "conversation_id": conv.id, "message_id": message_id, "fired_at": now,
            "effects": [{"type": e.type, "value": e.value, "text": e.text}
                        for e in fired.effects],
        })  # fmt: skip
        written += 1
        for index, effect in enumerate(fired.effects):
            text = f"Rule '{fired.name}' {effect.text}"
            detail: dict[str, Any] = {"rule": fired.name, "rule_id": fired.rule_id,
                                      "firing_id": fid, "text": text}  # fmt: skip
            kind = _FIELD_KINDS.get(effect.type, "rule")
            if effect.type == "set_priority":
                detail.update(old=conv.priority, new=effect.value)
                uow.update(conv, priority=effect.value)
            elif effect.type == "set_status":
                detail.update(old=conv.status, new=effect.value)
                uow.update(conv, status=effect.value)
            elif effect.type == "assign":
                detail.update(old=conv.assignee_id, new=effect.value)
                uow.update(conv, assignee_id=effect.value)
            elif effect.type == "add_tag":
                detail["tag"] = effect.value
                ctx.tag_adds.append((conv.id, str(effect.value)))
                ctx._tags[conv.id] = ctx.tags_of(conv.id) | {str(effect.value)}
            elif effect.type == "remove_tag":
                detail["tag"] = effect.value
                pair = (conv.id, str(effect.value))
                if pair in ctx.tag_adds:  # added by an earlier rule of this batch
                    ctx.tag_adds.remove(pair)
                else:
                    uow.remove_tag(*pair)
                ctx._tags[conv.id] = ctx.tags_of(conv.id) - {str(effect.value)}
            elif effect.type == "page":
                _request_page(uow, conv, message_key, now)
            elif effect.type == "escalate":
                _escalate(uow, conv.id, str(effect.value), fid, now)
            elif effect.type == "canned":
                why = _canned(uow, ctx, mail, conv.id, str(effect.value), fid, now)
                if why:
                    detail["text"] = f"Rule '{fired.name}' did not send a canned answer: {why}"
                    detail["skipped"] = why
            ctx.activities.append({
                "id": derived_id("rule_activity", fid, str(index)), "conversation_id": conv.id,
                "agent_id": None, "kind": kind, "detail": detail, "created_at": now,
            })  # fmt: skip
    if own:
        ctx.flush(uow)
    return written


def _canned(uow: UnitOfWork, ctx: Context, mail: InboundMail | None, conversation_id: str,
            canned_id: str, fid: str, now: datetime) -> str:
    prepared = mail.prepared if mail is not None else None
    if ctx.blobs is None or prepared is None:
        return "canned answers are sent only as mail is fetched"
    from supportdesk.services.rules.canned_reply import send_canned  # imports mail's modules

    return send_canned(uow, ctx.blobs, prepared.parsed, prepared.mailbox_key, conversation_id,
                       canned_id, fid, now)


def _request_page(uow: UnitOfWork, conv: Conversation, key: str, now: datetime) -> None:
    pid = page_id(conv.id, "rule", key)
    if uow.session.get(Page, pid) is None:
        uow.add(Page(id=pid, conversation_id=conv.id, reason="rule",
                     title=conv.subject[:300], code=page_code(pid), level=0, chain=[],
                     agent_id=None, created_at=now, sent_at=None, next_at=None,
                     acked_at=None, acked_by=None, state="open", updated_at=now))  # fmt: skip


def _escalate(uow: UnitOfWork, conversation_id: str, tier: str, fid: str, now: datetime) -> None:
    from supportdesk.models.workflow import Escalation

    eid = derived_id("rule_escalation", fid)
    if uow.session.get(Escalation, eid) is None:
        uow.add(Escalation(id=eid, conversation_id=conversation_id, from_agent_id=None,
                           to_agent_id=None, to_tier=tier[:80], reason="Escalated by a rule",
                           tried="", created_by=None, created_at=now, resolved_at=None,
                           resolved_by=None, resolve_reason=None))  # fmt: skip


def run_inbound(
    uow: UnitOfWork, mails: Sequence[InboundMail], now: datetime | None = None,
    ctx: Context | None = None, blobs: BlobStore | None = None,
) -> list[tuple[str, Outcome]]:
    """Run the inbound rules on new customer messages, in order (call in their unit of work).

    Args:
        blobs: where a canned answer's mail is written; without it none is sent.
    """
    if not mails:
        return []
    session = uow.session
    ctx = ctx or Context(session)
    ctx.blobs = blobs
    rules = ctx.active("inbound")
    if not rules:
        return []
    now = now or utcnow()
    done = set(session.scalars(
        select(RuleFiring.message_id).where(RuleFiring.message_id.in_([m.message_id
                                                                        for m in mails]))
    ))  # fmt: skip
    ctx.round_robin_state([r.id for r in rules if any(a.get("type") == "assign"
                                                      for a in r.actions)])  # fmt: skip
    wanted = sorted({m.conversation_id for m in mails})
    convs: dict[str, Conversation] = {}
    for start in range(0, len(wanted), 500):
        convs.update((c.id, c) for c in session.scalars(
            select(Conversation).where(Conversation.id.in_(wanted[start:start + 500]))))
    needs = ctx.needs("inbound")
    ctx.prefetch_tags(wanted)
    if needs & {"organization", "contract_kind"}:
        ctx.prefetch_customers([c.customer_id for c in convs.values()])
    out: list[tuple[str, Outcome]] = []
    with session.no_autoflush:
        _run_batch(uow, ctx, rules, mails, convs, done, needs, now, out)
    ctx.flush(uow)
    return out


def _run_batch(
    uow: UnitOfWork, ctx: Context, rules: Sequence[RuleSpec], mails: Sequence[InboundMail],
    convs: dict[str, Conversation], done: set[str | None], needs: set[str], now: datetime,
    out: list[tuple[str, Outcome]],
) -> None:
    session = uow.session
    for mail in mails:
        step(session)
        conv = convs.get(mail.conversation_id)
        if conv is None or mail.message_id in done:
            continue
        outcome = evaluate(rules, facts_for(ctx, mail, conv, needs), names=ctx.names)
        if crash_hook is not None:
            crash_hook("rules")
        if outcome.fired:
            apply_outcome(uow, conv, outcome, mail.message_id, mail.message_id, now, ctx, mail)
            for fired in outcome.fired:
                for e in fired.effects:
                    if e.type == "assign" and e.value:
                        ctx.last_assigned[fired.rule_id] = str(e.value)
        out.append((mail.conversation_id, outcome))


def inbound_from_prepared(items: Sequence[tuple[Any, str]]) -> list[InboundMail]:
    """``InboundMail`` for (``PreparedMail``, conversation id) pairs of customer mail."""
    out: list[InboundMail] = []
    for mail, conversation_id in items:
        p = mail.parsed
        out.append(InboundMail(
            message_id=mail.row_id, conversation_id=conversation_id, at=p.date,
            mailbox=mail.mailbox_key,
            recipients=tuple(a for _n, a in (*p.to, *p.cc)), sender=p.from_addr,
            subject=p.subject, body=p.text, headers=tuple(getattr(mail, "headers", ())),
            language=p.language or "", is_auto=p.is_auto, prepared=mail,
        ))  # fmt: skip
    return out


def latest_inbound(session: Session, conversation_id: str) -> Message | None:
    """The newest customer message of a conversation."""
    return session.scalars(
        select(Message).where(
            Message.conversation_id == conversation_id,
            Message.author_customer_id.is_not(None),
            Message.kind != MessageKind.NOTE,
        ).order_by(Message.created_at.desc(), Message.id.desc()).limit(1)
    ).first()


def inbound_from_message(
    msg: Message, headers: tuple[tuple[str, str], ...] = (), channel: str = "email"
) -> InboundMail:
    """``InboundMail`` for a stored message (a past conversation, a scheduled look)."""
    meta = msg.meta or {}
    people = [*(meta.get("to") or ()), *(meta.get("cc") or ())]
    return InboundMail(
        message_id=msg.id, conversation_id=msg.conversation_id, at=msg.created_at,
        mailbox=str(meta.get("mailbox") or ""),
        recipients=tuple(str(p.get("address", "")) for p in people if isinstance(p, dict)),
        sender=str((meta.get("from") or {}).get("address") or ""), subject=msg.subject,
        body=msg.body_text, headers=headers, language=str(meta.get("language") or ""),
        is_auto=bool(meta.get("is_auto")), channel=channel,
    )  # fmt: skip


def run_scheduled(uow: UnitOfWork, now: datetime | None = None, limit: int = 5000) -> int:
    """Run the scheduled rules over open and pending conversations; returns firings written.

    A scheduled rule fires once per conversation per state of it (its last
    activity), so a rule such as "open for more than 4 hours" fires once.
    """
    session = uow.session
    ctx = Context(session)
    rules = ctx.active("schedule")
    if not rules:
        return 0
    now = now or utcnow()
    written = 0
    convs = session.scalars(
        select(Conversation).where(Conversation.status != Status.SOLVED)
        .order_by(Conversation.last_activity_at.desc()).limit(limit)
    ).all()
    for conv in convs:
        step(session)
        msg = latest_inbound(session, conv.id)
        mail = (inbound_from_message(msg, channel=conv.channel) if msg is not None
                else InboundMail(message_id="", conversation_id=conv.id, at=now,
                                 channel=conv.channel))  # fmt: skip
        mail = InboundMail(**{**mail.__dict__, "at": now})
        key = f"schedule:{conv.id}:{conv.last_activity_at.isoformat()}"
        # Once per state, like a message: a state that already has firings is not run again
        # (running the rest alone would skip a "stop" that fired before them).
        ids = [firing_id(r.id, key) for r in rules]
        if session.scalar(select(RuleFiring.id).where(RuleFiring.id.in_(ids)).limit(1)):
            continue
        facts = facts_for(ctx, mail, conv)
        outcome = evaluate(rules, facts, trigger="schedule", names=ctx.names)
        if outcome.fired:
            written += apply_outcome(uow, conv, outcome, key, None, now)
    return written
