"""Contracts: who is covered, by what, and how much is left.

A contract belongs to a customer or to everyone whose organisation matches.
Its balance is the prepaid quantity plus top-ups minus draws, summed from
append-only usage rows, so two devices that log work offline add up. Cover is
checked *before* work starts: :func:`coverage` says whether there is a
contract, whether it is in force today and whether anything is left.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Literal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from supportdesk.models import Conversation, Customer, Status, derived_id, new_id, utcnow
from supportdesk.models.workflow import (
    Contract,
    ContractKind,
    ContractUsage,
    TimeEntry,
    UsageKind,
)
from supportdesk.services.workflow.team import (
    TeamConfig,
    WorkflowError,
    load_team,
    policy_by_id,
)
from supportdesk.store import UnitOfWork

CoverStatus = Literal[
    "covered",  # a prepaid pack in force with something left
    "per_incident",  # billed per incident: covered, at a price
    "no_contract",  # nothing on file for this customer or organisation
    "no_cover",  # a contract that explicitly covers nothing
    "exhausted",  # the pack is used up (or overdrawn)
    "expired",  # the newest contract ended before today
    "not_started",  # the contract starts later
]
FLAGGED: frozenset[str] = frozenset({"no_contract", "no_cover", "exhausted", "expired",
                                     "not_started"})


@dataclass(frozen=True)
class ContractInfo:
    """A contract as plain values."""

    id: str
    name: str
    kind: str
    customer_id: str | None
    organization: str | None
    price_cents: int
    currency: str
    prepaid_quantity: int
    starts_on: date
    expires_on: date | None
    sla_policy_id: str | None
    active: bool

    @property
    def unit(self) -> str:
        """``minutes``, ``incidents`` or ``""`` (no balance)."""
        if self.kind == ContractKind.PREPAID_HOURS:
            return "minutes"
        if self.kind == ContractKind.PREPAID_INCIDENTS:
            return "incidents"
        return ""

    def in_force(self, day: date) -> bool:
        """True on the days from ``starts_on`` to ``expires_on``, both included."""
        return self.starts_on <= day and (self.expires_on is None or day <= self.expires_on)


@dataclass(frozen=True)
class Balance:
    """What a contract has used and has left at a moment.

    ``remaining`` is minutes or incidents for a pack (negative when
    overdrawn) and ``None`` for contracts without a balance. For per-incident
    contracts ``owed_cents`` is incidents x price.
    """

    contract: ContractInfo
    prepaid: int
    added: int
    used: int
    incidents: int
    remaining: int | None
    owed_cents: int


@dataclass(frozen=True)
class UsageInfo:
    """One usage row with the balance after it."""

    id: str
    kind: str
    amount: int
    at: datetime
    conversation_id: str | None
    note: str
    remaining_after: int | None


@dataclass(frozen=True)
class Coverage:
    """Whether work on a customer is covered, for a banner before work starts."""

    status: CoverStatus
    contract: ContractInfo | None
    balance: Balance | None

    @property
    def flagged(self) -> bool:
        """True when the work is not covered and the rep must be told first."""
        return self.status in FLAGGED


def _info(c: Contract) -> ContractInfo:
    return ContractInfo(
        id=c.id,
        name=c.name,
        kind=c.kind,
        customer_id=c.customer_id,
        organization=c.organization,
        price_cents=c.price_cents,
        currency=c.currency,
        prepaid_quantity=c.prepaid_quantity,
        starts_on=date.fromisoformat(c.starts_on),
        expires_on=date.fromisoformat(c.expires_on) if c.expires_on else None,
        sla_policy_id=c.sla_policy_id,
        active=c.active,
    )


def final_customer(session: Session, customer_id: str) -> Customer | None:
    """The customer a (possibly merged) customer id now stands for."""
    seen: set[str] = set()
    cust = session.scalars(select(Customer).where(Customer.id == customer_id)).first()
    while cust is not None and cust.merged_into_id and cust.merged_into_id not in seen:
        seen.add(cust.id)
        nxt = session.scalars(select(Customer).where(Customer.id == cust.merged_into_id)).first()
        if nxt is None:
            break
        cust = nxt
    return cust


def contracts_for_customer(session: Session, customer_id: str) -> list[ContractInfo]:
    """Active contracts of a customer and of their organisation, customer's first, newest first."""
    cust = final_customer(session, customer_id)
    if cust is None:
        return []
    ids = {customer_id, cust.id}
    own = list(
        session.scalars(
            select(Contract).where(Contract.customer_id.in_(ids), Contract.active.is_(True))
        )
    )
    org: list[Contract] = []
    if cust.organization and cust.organization.strip():
        key = cust.organization.strip().casefold()
        org = [
            c
            for c in session.scalars(
                select(Contract).where(
                    Contract.customer_id.is_(None),
                    Contract.organization.is_not(None),
                    Contract.active.is_(True),
                )
            )
            if (c.organization or "").strip().casefold() == key
        ]

    def newest_first(items: list[Contract]) -> list[ContractInfo]:
        infos = [_info(c) for c in items]
        return sorted(infos, key=lambda i: (i.starts_on, i.id), reverse=True)

    return newest_first(own) + newest_first(org)


def contract_on(session: Session, customer_id: str | None, day: date) -> ContractInfo | None:
    """The contract in force for a customer on a local date (customer's own before org's)."""
    if not customer_id:
        return None
    for info in contracts_for_customer(session, customer_id):
        if info.in_force(day):
            return info
    return None


def conversation_customer(session: Session, conversation_id: str) -> str | None:
    """The customer id of a conversation."""
    return session.scalar(
        select(Conversation.customer_id).where(Conversation.id == conversation_id)
    )


def balance(session: Session, contract_id: str, at: datetime | None = None) -> Balance:
    """A contract's balance from its usage up to ``at`` (all usage when None)."""
    row = session.get(Contract, contract_id)
    if row is None:
        raise WorkflowError("That contract no longer exists on this device.")
    info = _info(row)
    stmt = select(ContractUsage.kind, func.coalesce(func.sum(ContractUsage.amount), 0)).where(
        ContractUsage.contract_id == contract_id
    )
    if at is not None:
        stmt = stmt.where(ContractUsage.at <= at)
    sums = {kind: int(total) for kind, total in session.execute(stmt.group_by(ContractUsage.kind))}
    return _balance_of(info, sums)


def _balance_of(info: ContractInfo, sums: dict[str, int]) -> Balance:
    added = sums.get(UsageKind.TOPUP, 0)
    adjust = sums.get(UsageKind.ADJUSTMENT, 0)
    incidents = sums.get(UsageKind.INCIDENT, 0)
    if info.kind == ContractKind.PREPAID_HOURS:
        used = sums.get(UsageKind.MINUTES, 0) + adjust
    elif info.kind == ContractKind.PREPAID_INCIDENTS:
        used = incidents + adjust
    else:
        used = incidents
    remaining = info.prepaid_quantity + added - used if info.unit else None
    owed = incidents * info.price_cents if info.kind == ContractKind.PER_INCIDENT else 0
    return Balance(info, info.prepaid_quantity, added, used, incidents, remaining, owed)


def balance_history(session: Session, contract_id: str) -> list[UsageInfo]:
    """Every usage row in time order with the running balance after it."""
    row = session.get(Contract, contract_id)
    if row is None:
        raise WorkflowError("That contract no longer exists on this device.")
    info = _info(row)
    sums: dict[str, int] = {}
    out: list[UsageInfo] = []
    for u in session.scalars(
        select(ContractUsage)
        .where(ContractUsage.contract_id == contract_id)
        .order_by(ContractUsage.at, ContractUsage.id)
    ):
        sums[u.kind] = sums.get(u.kind, 0) + u.amount
        remaining = _balance_of(info, sums).remaining
        out.append(UsageInfo(u.id, u.kind, u.amount, u.at, u.conversation_id, u.note, remaining))
    return out


def coverage(
    session: Session,
    team: TeamConfig,
    now: datetime,
    *,
    conversation_id: str | None = None,
    customer_id: str | None = None,
) -> Coverage:
    """Whether work started now on this conversation's (or customer's) behalf is covered."""
    if customer_id is None and conversation_id is not None:
        customer_id = conversation_customer(session, conversation_id)
    if not customer_id:
        return Coverage("no_contract", None, None)
    day = team.today(now)
    contracts = contracts_for_customer(session, customer_id)
    if not contracts:
        return Coverage("no_contract", None, None)
    current = next((c for c in contracts if c.in_force(day)), None)
    if current is None:
        upcoming = [c for c in contracts if c.starts_on > day]
        if upcoming:
            return Coverage("not_started", min(upcoming, key=lambda c: c.starts_on), None)
        newest = max(contracts, key=lambda c: c.expires_on or date.min)
        return Coverage("expired", newest, balance(session, newest.id))
    bal = balance(session, current.id, now)
    if current.kind == ContractKind.NONE:
        return Coverage("no_cover", current, bal)
    if current.kind == ContractKind.PER_INCIDENT:
        return Coverage("per_incident", current, bal)
    if bal.remaining is not None and bal.remaining <= 0:
        return Coverage("exhausted", current, bal)
    return Coverage("covered", current, bal)


# -- writes ---------------------------------------------------------------------------


def save_contract(
    uow: UnitOfWork,
    *,
    name: str,
    kind: str,
    starts_on: date,
    customer_id: str | None = None,
    organization: str | None = None,
    expires_on: date | None = None,
    price_cents: int = 0,
    currency: str = "EUR",
    prepaid_quantity: int = 0,
    sla_policy_id: str | None = None,
    notes: str = "",
    contract_id: str | None = None,
) -> Contract:
    """Create or change a contract.

    Raises:
        WorkflowError: no holder, a bad kind, dates in the wrong order, a negative amount.
    """
    name = name.strip()
    organization = (organization or "").strip() or None
    if not name:
        raise WorkflowError("A contract needs a name.")
    if kind not in set(ContractKind):
        raise WorkflowError(f"Unknown contract kind {kind!r}.")
    if (customer_id is None) == (organization is None):
        raise WorkflowError("A contract belongs to one customer or to one organisation.")
    if expires_on is not None and expires_on < starts_on:
        raise WorkflowError("A contract cannot expire before it starts.")
    if price_cents < 0 or prepaid_quantity < 0:
        raise WorkflowError("Prices and prepaid amounts cannot be negative.")
    if kind in (ContractKind.PREPAID_HOURS, ContractKind.PREPAID_INCIDENTS) and not (
        prepaid_quantity > 0
    ):
        raise WorkflowError("A prepaid contract needs hours or incidents to draw on.")
    values = {
        "name": name,
        "kind": str(kind),
        "customer_id": customer_id,
        "organization": organization,
        "price_cents": price_cents,
        "currency": currency.strip().upper()[:3] or "EUR",
        "prepaid_quantity": prepaid_quantity,
        "starts_on": starts_on.isoformat(),
        "expires_on": expires_on.isoformat() if expires_on else None,
        "sla_policy_id": sla_policy_id,
        "notes": notes,
        "active": True,
    }
    row = uow.session.get(Contract, contract_id) if contract_id else None
    before = row.sla_policy_id if row is not None else None
    if row is None:
        row = uow.add(Contract(id=contract_id or new_id(), created_at=utcnow(), **values))
    else:
        uow.update(row, **values)
    if sla_policy_id != before:
        _log_policy_change(uow, row)
    return row


def _log_policy_change(uow: UnitOfWork, contract: Contract) -> None:
    """Note the contract's new SLA policy in the history of its holder's unsolved
    conversations (the timeline shows "Alex set the SLA policy “Gold”")."""
    session = uow.session
    holders = select(Customer.id).where(
        Customer.id == contract.customer_id if contract.customer_id is not None
        else Customer.organization == contract.organization)
    team = load_team(session)
    name = policy_by_id(session, contract.sla_policy_id, team).name
    for cid in session.scalars(
        select(Conversation.id).where(Conversation.customer_id.in_(holders),
                                      Conversation.status != Status.SOLVED)
    ):
        uow.log_activity(cid, "sla_policy", name=name, contract=contract.name)


def record_usage(
    uow: UnitOfWork,
    contract_id: str,
    kind: UsageKind | str,
    amount: int,
    at: datetime,
    *,
    conversation_id: str | None = None,
    time_entry_id: str | None = None,
    note: str = "",
    usage_id: str | None = None,
) -> ContractUsage:
    """Append a usage row (a draw, a top-up or an adjustment)."""
    if kind not in set(UsageKind):
        raise WorkflowError(f"Unknown usage kind {kind!r}.")
    if kind != UsageKind.ADJUSTMENT and amount <= 0:
        raise WorkflowError("A draw or top-up must be more than zero.")
    if uow.session.get(Contract, contract_id) is None:
        raise WorkflowError("That contract no longer exists on this device.")
    usage = ContractUsage(
        id=usage_id or new_id(),
        contract_id=contract_id,
        kind=str(kind),
        amount=amount,
        at=at,
        conversation_id=conversation_id,
        time_entry_id=time_entry_id,
        agent_id=uow.agent_id,
        note=note,
    )
    return uow.add(usage)


def charge_time_entry(uow: UnitOfWork, entry: TimeEntry, team: TeamConfig) -> ContractUsage | None:
    """Draw a billable time entry from the contract in force when the work was done.

    Prepaid hours draw the entry's minutes; incident packs and per-incident
    contracts count the conversation once (the id is derived from contract
    and conversation, so a second device cannot count it twice). Work outside
    any contract draws nothing; :func:`coverage` flags it beforehand.
    """
    if not entry.billable:
        return None
    session = uow.session
    at = entry.started_at or entry.created_at
    contract = contract_on(session, conversation_customer(session, entry.conversation_id),
                           team.today(at))
    if contract is None or contract.kind == ContractKind.NONE:
        return None
    if contract.kind == ContractKind.PREPAID_HOURS:
        return record_usage(uow, contract.id, UsageKind.MINUTES, entry.minutes, at,
                            conversation_id=entry.conversation_id, time_entry_id=entry.id,
                            note=entry.note)
    usage_id = derived_id("contract_incident", contract.id, entry.conversation_id)
    if session.get(ContractUsage, usage_id) is not None:
        return None
    return record_usage(uow, contract.id, UsageKind.INCIDENT, 1, at,
                        conversation_id=entry.conversation_id, time_entry_id=entry.id,
                        usage_id=usage_id)


def top_up(
    uow: UnitOfWork, contract_id: str, amount: int, at: datetime, note: str = ""
) -> ContractUsage:
    """Add minutes or incidents bought to a prepaid pack.

    Raises:
        WorkflowError: not a pack, or an amount that is not more than zero.
    """
    row = uow.session.get(Contract, contract_id)
    if row is None:
        raise WorkflowError("That contract no longer exists on this device.")
    if not _info(row).unit:
        raise WorkflowError("Only prepaid packs of hours or incidents can be topped up.")
    if amount <= 0:
        raise WorkflowError("A top-up must be more than zero.")
    return record_usage(uow, contract_id, UsageKind.TOPUP, amount, at, note=note.strip())


def adjust(
    uow: UnitOfWork, contract_id: str, amount: int, at: datetime, note: str
) -> ContractUsage:
    """Correct a pack's balance: a positive amount draws, a negative one gives back.

    Raises:
        WorkflowError: not a pack, a zero amount, or no note saying why.
    """
    row = uow.session.get(Contract, contract_id)
    if row is None:
        raise WorkflowError("That contract no longer exists on this device.")
    if not _info(row).unit:
        raise WorkflowError("Only prepaid packs of hours or incidents have a balance to adjust.")
    if amount == 0:
        raise WorkflowError("An adjustment must change the balance.")
    if not note.strip():
        raise WorkflowError("Say why the balance is adjusted.")
    return record_usage(uow, contract_id, UsageKind.ADJUSTMENT, amount, at, note=note.strip())


def end_contract(uow: UnitOfWork, contract_id: str) -> None:
    """Retire a contract (a tombstone: its usage stays for reports)."""
    row = uow.session.get(Contract, contract_id)
    if row is not None:
        uow.update(row, active=False)


# -- for the management dialog ----------------------------------------------------


@dataclass(frozen=True)
class ContractListItem:
    """A contract with the words for whom it covers."""

    info: ContractInfo
    holder: str
    notes: str


@dataclass(frozen=True)
class HolderChoice:
    """Someone a contract can belong to: a customer (``customer_id``) or an organisation."""

    label: str
    customer_id: str | None
    organization: str | None


def contract_item(session: Session, contract_id: str) -> ContractListItem:
    """One contract for the editor."""
    row = session.get(Contract, contract_id)
    if row is None:
        raise WorkflowError("That contract no longer exists on this device.")
    return ContractListItem(_info(row), _holder_label(session, row), row.notes or "")


def _holder_label(session: Session, row: Contract) -> str:
    if row.customer_id:
        name = session.scalar(select(Customer.name).where(Customer.id == row.customer_id))
        return name or "?"
    return row.organization or ""


def list_contracts(
    session: Session, *, customer_id: str | None = None, include_inactive: bool = False
) -> list[ContractListItem]:
    """Contracts by name; with ``customer_id`` only that customer's and their organisation's."""
    if customer_id is not None:
        ids = [c.id for c in contracts_for_customer(session, customer_id)]
        rows = [session.get(Contract, i) for i in ids]
        found = [r for r in rows if r is not None]
    else:
        stmt = select(Contract)
        if not include_inactive:
            stmt = stmt.where(Contract.active.is_(True))
        found = list(session.scalars(stmt))
    items = [ContractListItem(_info(r), _holder_label(session, r), r.notes or "") for r in found]
    if customer_id is None:
        items.sort(key=lambda i: (i.info.name.casefold(), i.info.id))
    return items


def open_conversations_covered(
    session: Session, *, customer_id: str | None = None, organization: str | None = None
) -> list[str]:
    """Unsolved conversations of a customer or of everyone in an organisation.

    Their SLA due times follow the contract's policy, so they are refreshed
    when a contract changes.
    """
    people: set[str] = set()
    if customer_id:
        people.add(customer_id)
        people.update(session.scalars(
            select(Customer.id).where(Customer.merged_into_id == customer_id)))
    if organization and organization.strip():
        key = organization.strip().casefold()
        people.update(
            cid for cid, org in session.execute(
                select(Customer.id, Customer.organization).where(
                    Customer.organization.is_not(None))).tuples()
            if (org or "").strip().casefold() == key
        )
    if not people:
        return []
    return list(session.scalars(
        select(Conversation.id).where(Conversation.customer_id.in_(sorted(people)),
                                      Conversation.status != Status.SOLVED)
        .order_by(Conversation.id)
    ))


def find_holders(session: Session, query: str, limit: int = 30) -> list[HolderChoice]:
    """Organisations, then customers, whose name holds ``query`` (any case)."""
    q = query.strip()
    if not q:
        return []
    needle = q.casefold()
    # SQLite's LIKE ignores case for ASCII only: also try the typed, lower and title case.
    patterns = sorted({f"%{q}%", f"%{q.lower()}%", f"%{q.capitalize()}%"})
    org_rows = session.scalars(
        select(Customer.organization)
        .where(or_(*(Customer.organization.like(p) for p in patterns)))
        .distinct()
        .limit(limit * 4)
    )
    orgs = sorted({o.strip() for o in org_rows if o and needle in o.casefold()}, key=str.casefold)
    out = [HolderChoice(o, None, o) for o in orgs[:limit]]
    people = session.execute(
        select(Customer.id, Customer.name, Customer.organization)
        .where(Customer.merged_into_id.is_(None), or_(*(Customer.name.like(p) for p in patterns)))
        .order_by(Customer.name)
        .limit(limit * 4)
    ).tuples()
    found = [(cid, name, org) for cid, name, org in people if needle in (name or "").casefold()]
    for cid, name, org in found[:limit]:
        out.append(HolderChoice(f"{name} ({org})" if org else name, cid, None))
    return out


def parse_cents(text: str) -> int:
    """``"95"``, ``"95.5"``, ``"1 250,00"`` -> cents, exactly (no float rounding).

    Raises:
        WorkflowError: not an amount, more than two decimals, or negative.
    """
    raw = text.strip().replace(" ", "").replace("\u00a0", "")
    if "," in raw and "." not in raw:
        raw = raw.replace(",", ".")
    raw = raw.replace(",", "")
    if not raw:
        return 0
    try:
        value = Decimal(raw)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise WorkflowError(f"{text.strip()!r} is not an amount; write it like 95.00")
    if value < 0:
        raise WorkflowError("A price cannot be negative.")
    cents = value * 100
    if cents != cents.to_integral_value():
        raise WorkflowError("A price has at most two decimals, like 95.50.")
    if cents > 10**11:
        raise WorkflowError("That price is too large.")
    return int(cents)


def format_cents(cents: int) -> str:
    """``9550`` -> ``95.50``."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}{whole}.{rest:02d}"


def format_minutes(minutes: int) -> str:
    """``200`` -> ``3 h 20 min``; negative amounts keep their sign."""
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    if hours and rest:
        return f"{sign}{hours} h {rest} min"
    return f"{sign}{hours} h" if hours else f"{sign}{rest} min"


_BALANCE_WORDS = {
    "en": ("{0} left", "{0} incidents left", "billed per incident", "no prepaid balance"),
    "ru": ("осталось {0}", "осталось обращений: {0}", "оплата за каждое обращение",
           "нет предоплаченного остатка"),
    "is": ("{0} eftir", "{0} mál eftir", "greitt fyrir hvert mál", "engin fyrirframgreidd inneign"),
}
_UNITS = {"en": ("h", "min"), "ru": ("ч", "мин"), "is": ("klst.", "mín.")}


def balance_text(bal: Balance | None, language: str = "en") -> str:
    """The balance in words for a customer, e.g. ``3 h 20 min left`` (en/ru/is)."""
    lang = language if language in _BALANCE_WORDS else "en"
    left, incidents_left, per_incident, none = _BALANCE_WORDS[lang]
    if bal is None or bal.remaining is None:
        if bal is not None and bal.contract.kind == ContractKind.PER_INCIDENT:
            return per_incident
        return none
    if bal.contract.unit == "incidents":
        return incidents_left.format(max(0, bal.remaining))
    h_word, m_word = _UNITS[lang]
    hours, rest = divmod(max(0, bal.remaining), 60)
    parts = ([f"{hours} {h_word}"] if hours else []) + ([f"{rest} {m_word}"] if rest else [])
    return left.format(" ".join(parts) or f"0 {m_word}")
