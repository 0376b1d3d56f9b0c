"""Workflow data for the demo workspace: a policy, contracts, canned answers, a rota, time.

Call :func:`seed_workflow` after ``demo.generate`` on the same store. It goes
through the same use cases as the app (so the rows are valid and contracts
are charged), deterministically for a seed and a ``now``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from supportdesk.models import Agent, Conversation, Customer, Status, utcnow
from supportdesk.services.sla import DEFAULT_TARGETS, SlaTargets, to_utc
from supportdesk.services.workflow import (
    canned,
    contracts,
    escalation,
    oncall,
    team,
    timetracking,
    tracking,
)
from supportdesk.store import Store, UnitOfWork

H = timedelta(hours=1)

CANNED = [
    ("en", "Greeting and ETA", "hi",
     "Hi {customer_name},\n\nThanks for contacting us about {ticket}. I'm looking into it and "
     "you will hear from me {eta}.\n\nBest regards,\n{agent}"),
    ("en", "Refund issued", "refund",
     "Hi {customer_name},\n\nI've issued the refund for {ticket}; it should reach your account "
     "within 3-5 business days.\n\nBest regards,\n{agent}"),
    ("en", "Need more details", "details",
     "Hi {customer_name},\n\nCould you send me the exact error message and the steps that led "
     "to it? Order number: {order_number}\n\nThanks,\n{agent}"),
    ("en", "Support balance", "balance",
     "Hi {customer_name},\n\nFor your information: your support plan has {contract_balance}.\n\n"
     "Best regards,\n{agent}"),
    ("ru", "Приветствие и срок ответа", "privet",
     "Здравствуйте, {customer_name}!\n\nСпасибо за обращение {ticket}. Я уже разбираюсь и "
     "отвечу вам {eta}.\n\nС уважением,\n{agent}"),
    ("ru", "Возврат оформлен", "vozvrat",
     "Здравствуйте, {customer_name}!\n\nМы оформили возврат по обращению {ticket}, деньги "
     "поступят в течение 3–5 рабочих дней.\n\nС уважением,\n{agent}"),
    ("is", "Kveðja og svartími", "hallo",
     "Góðan dag {customer_name},\n\nTakk fyrir erindið {ticket}. Ég er að skoða málið og svara "
     "þér {eta}.\n\nBestu kveðjur,\n{agent}"),
    ("is", "Endurgreiðsla", "endurgreidsla",
     "Góðan dag {customer_name},\n\nEndurgreiðslan vegna {ticket} er komin af stað og ætti að "
     "berast innan 3–5 virkra daga.\n\nBestu kveðjur,\n{agent}"),
]


@dataclass(frozen=True)
class WorkflowSeedSummary:
    """What :func:`seed_workflow` made."""

    policies: int
    contracts: int
    canned: int
    shifts: int
    time_entries: int
    tracked: int


def _premium_targets() -> dict[str, SlaTargets]:
    def h(first: float, resolution: float) -> SlaTargets:
        return SlaTargets(timedelta(hours=first), timedelta(hours=first),
                          timedelta(hours=resolution))

    return {"urgent": h(0.5, 4), "high": h(1, 8), "normal": h(2, 16), "low": h(4, 24)}


def seed_workflow(
    store: Store,
    *,
    now: datetime | None = None,
    timezone: str | None = None,
    seed: int = 1,
    track_limit: int = 1000,
) -> WorkflowSeedSummary:
    """Add workflow data to a demo workspace (after ``demo.generate``); once only.

    A store whose team settings are already stored is left as it is.

    Args:
        now: the demo's "now" (the current time when omitted).
        timezone: the team's zone; this computer's when omitted.
        seed: the same seed and ``now`` give the same data.
        track_limit: SLA tracking is made for at most this many unsolved
            conversations, the most recently active first (a 100k benchmark
            workspace stays quick to make).
    """
    now = to_utc(now or utcnow()).replace(microsecond=0)
    with store.read() as session:
        if team.load_team(session).stored:  # seeded already (or a real team's settings)
            return WorkflowSeedSummary(0, 0, 0, 0, 0, 0)
    zone = timezone or team.local_zone().key
    rng = random.Random(seed)

    def setup(uow: UnitOfWork) -> tuple[int, int, int, int]:
        s = uow.session
        local_today = now.astimezone(team.zone_named(zone)).date()
        holidays = [date(y, m, d).isoformat() for y in (local_today.year, local_today.year + 1)
                    for m, d in ((1, 1), (12, 24), (12, 25), (12, 26), (12, 31))]
        team.save_team(uow, timezone=zone, week_text=team.DEFAULT_WEEK_TEXT, holidays=holidays,
                       team_name="Acme Support", warn_before_minutes=60, handling_minutes=20,
                       timer_warn_hours=4)
        team.save_policy(uow, name="Standard", targets=DEFAULT_TARGETS, is_default=True)
        premium = team.save_policy(uow, name="Premium 24/7", targets=_premium_targets(),
                                   week_text="daily 00:00-24:00", use_holidays=False)
        made = 0
        plans = [
            ("Northwind Traders", "Northwind: 10 h pack", "prepaid_hours", 600, 0, -60, 300, None),
            ("Blue Harbor Dental", "Blue Harbor: per incident", "per_incident", 0, 9500, -200,
             None, None),
            ("ООО «Ромашка»", "Ромашка: 5 обращений, 24/7", "prepaid_incidents", 5, 0, -90, 270,
             premium.id),
            ("Kaffi Vínyl", "Kaffi Vínyl: 5 h pack (expired)", "prepaid_hours", 300, 0, -400, -10,
             None),
            ("Greenleaf Florists", "Greenleaf: licence only", "none", 0, 0, -365, None, None),
        ]
        for org, name, kind, qty, price, start, end, policy_id in plans:
            contracts.save_contract(
                uow, name=name, kind=kind, organization=org,
                starts_on=local_today + timedelta(days=start),
                expires_on=None if end is None else local_today + timedelta(days=end),
                prepaid_quantity=qty, price_cents=price, sla_policy_id=policy_id,
            )
            made += 1
        solo = s.scalars(
            select(Customer).where(Customer.organization.is_(None)).order_by(Customer.id).limit(1)
        ).first()
        if solo is not None:
            contracts.save_contract(
                uow, name=f"{solo.name}: 2 h pack", kind="prepaid_hours", customer_id=solo.id,
                starts_on=local_today - timedelta(days=30),
                expires_on=local_today + timedelta(days=335), prepaid_quantity=120,
            )
            made += 1
        for lang, title, shortcut, body in CANNED:
            canned.save_canned(uow, title=title, body=body, shortcut=shortcut, language=lang)
        agents = {a.email: a.id for a in s.scalars(select(Agent).order_by(Agent.created_at))}
        by_mail = {k.split("@")[0]: v for k, v in agents.items() if k}
        shifts: list[oncall.ShiftSpec] = []
        rota = [("priya", "mon,tue", "17:00", "09:00"), ("sigga", "wed,thu", "17:00", "09:00"),
                ("sam", "fri", "17:00", "24:00"), ("sam", "sat", "00:00", "24:00"),
                ("sam", "sun", "00:00", "09:00"), ("dmitry", "sun", "09:00", "09:00")]
        for who, days, begin, finish in rota:
            if who in by_mail:
                shifts += oncall.shifts_from_text(by_mail[who], days, begin, finish)
        oncall.set_shifts(uow, shifts)
        if "alex" in by_mail:
            wednesday = local_today + timedelta(days=(2 - local_today.weekday()) % 7 or 7)
            tz = team.zone_named(zone)
            start_at = datetime.combine(wednesday, datetime.min.time(), tzinfo=tz) + 17 * H
            oncall.add_override(uow, by_mail["alex"], start_at, start_at + 16 * H,
                                "Sigga is off; Alex covers")
        return 2, made, len(CANNED), len(shifts)

    policies, made_contracts, made_canned, made_shifts = store.write(setup)

    def track(uow: UnitOfWork) -> int:
        ids = list(uow.session.scalars(
            select(Conversation.id).where(Conversation.status != Status.SOLVED)
            .order_by(Conversation.last_activity_at.desc(), Conversation.id)
            .limit(track_limit)
        ))
        cache = tracking.RefreshCache(team.load_team(uow.session))
        return sum(
            tracking.refresh(uow, cid, now, cache=cache, notify_out_of_hours=False) is not None
            for cid in ids
        )

    tracked = store.write(track)

    def work(uow: UnitOfWork) -> int:
        s = uow.session
        since = now - timedelta(days=50)
        candidates = list(
            s.execute(
                select(Conversation.id, Conversation.last_activity_at, Customer.organization)
                .join(Customer, Customer.id == Conversation.customer_id)
                .where(Conversation.last_activity_at >= since)
                .order_by(Conversation.id)
            ).tuples()
        )
        covered_orgs = ("Northwind Traders", "ООО «Ромашка»", "Blue Harbor Dental")
        covered = [c for c in candidates if c[2] in covered_orgs]
        # Split by the same test, not by membership in ``covered``: ``c not in covered``
        # compared rows pairwise and made a 100k-conversation demo quadratic.
        others = [c for c in candidates if c[2] not in covered_orgs]
        picked = covered[:10] + rng.sample(others, min(4, len(others)))
        entries = 0
        for i, (cid, last, _org) in enumerate(picked):
            minutes = rng.choice([10, 15, 20, 30, 45, 60])
            if i == 2:
                timetracking.log_time(
                    uow, cid, 40, note="Escalated to the vendor; case opened by phone",
                    kind="vendor", vendor_name="Contoso Printers", vendor_case="CP-448812",
                    phone_minutes=25, now=last,
                )
            else:
                timetracking.log_time(uow, cid, minutes, billable=i % 5 != 4,
                                      note="Investigated and answered", now=last)
            entries += 1
        open_assigned = s.scalars(
            select(Conversation.id)
            .where(Conversation.status == Status.OPEN, Conversation.assignee_id.is_not(None))
            .order_by(Conversation.id)
        ).all()
        expert = s.scalars(select(Agent.id).where(Agent.role == "expert")).first()
        if open_assigned and expert:
            escalation.escalate(
                uow, open_assigned[0], to_agent_id=expert, to_tier="Tier 3",
                reason="Customer reports data loss after the update; needs database access.",
                tried="Cleared cache, reinstalled the client, checked the server logs.",
                now=now - 2 * H,
            )
        if len(open_assigned) > 1 and uow.agent_id:
            timetracking.start_timer(uow, open_assigned[1], now - timedelta(minutes=25))
        return entries

    entries = store.write(work)
    return WorkflowSeedSummary(policies, made_contracts, made_canned, made_shifts, entries,
                               tracked)
