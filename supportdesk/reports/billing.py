"""The numbers of the billing report: time per customer, contract use, invoice lines (no Qt).

A customer's statement is built from the same :class:`TimeLine` and
:class:`ContractLine` values the summary tables use, so the PDF, the CSV and
the HTML cannot disagree.

- Each time entry is one line, dated when the work started. Vendor support
  (time spent with a supplier's support on the customer's behalf) is its own
  kind of line, naming the vendor and their case number.
- A line shows what it drew from a contract: minutes from an hour pack, or the
  incident it opened on an incident pack or a per-incident contract; a
  per-incident contract's price gives the line its amount. Other billable
  work is priced by the hourly rate (contract, else customer, else the agent's,
  else the team's; ``services/rates.py``): hourly work whole, hour-pack work
  only for what it drew beyond the pack's balance.
- Contract balances are taken just before the period and at its end; a pack
  that expired inside the period shows what was left unused when it did.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from supportdesk.models.base import ticket_ref
from supportdesk.reports.periods import Period, dt, raw_rows, resolve_period, ts
from supportdesk.services.rates import price_lines
from supportdesk.services.workflow.contracts import balance as contract_balance
from supportdesk.services.workflow.team import load_team

#: How the contract kinds read on a statement.
KIND_LABELS = {"prepaid_hours": "hour pack", "prepaid_incidents": "incident pack",
               "per_incident": "per incident", "none": "no cover"}


@dataclass(frozen=True)
class CustomerTime:
    """Time logged on one customer's conversations in the period, in minutes."""

    customer_id: str
    customer: str
    organization: str
    billable_minutes: int
    non_billable_minutes: int
    vendor_minutes: int
    vendor_phone_minutes: int
    conversations: int


@dataclass(frozen=True)
class ContractLine:
    """One contract's use in the period and its balances.

    Balances are minutes for hour packs and incidents for incident packs;
    ``None`` for contracts without a balance.
    """

    contract_id: str
    name: str
    customer: str
    kind: str
    unit: str
    minutes_used: int
    incidents_used: int
    topped_up: int
    #: on the books at the end of the period (what expired is still counted here)
    balance_end: int | None
    expires_on: date | None
    #: what was left unused when the contract expired inside the period
    expired: int
    owed_cents: int
    currency: str
    #: on the books just before the period
    balance_start: int | None = None
    #: price of one incident (per-incident contracts)
    price_cents: int = 0
    customer_id: str | None = None
    organization: str = ""

    @property
    def used(self) -> int:
        """What the period drew, in the contract's unit."""
        return self.minutes_used if self.unit == "minutes" else self.incidents_used

    @property
    def available_end(self) -> int | None:
        """What can still be drawn after the period (nothing of what expired)."""
        return None if self.balance_end is None else self.balance_end - self.expired


@dataclass(frozen=True)
class TimeLine:
    """One time entry in the period: a line of a customer's statement."""

    customer_id: str
    customer: str
    at: datetime
    conversation_id: str
    subject: str
    agent: str
    kind: str
    minutes: int
    billable: bool
    vendor: str
    vendor_case: str
    note: str
    #: the human ticket reference (``SD-7KQ2M9XA``)
    ticket: str = ""
    phone_minutes: int = 0
    #: the contract this line drew from, what it drew and in which unit
    contract: str = ""
    contract_id: str = ""
    drawn: int = 0
    drawn_unit: str = ""
    #: price of one incident and this line's amount, for priced contracts
    rate_cents: int | None = None
    amount_cents: int | None = None
    currency: str = ""
    #: the agent who did the work (their own hourly rate may price the line)
    agent_id: str = ""

    @property
    def is_vendor(self) -> bool:
        """Time spent with a vendor's support, shown apart."""
        return self.kind == "vendor"


@dataclass(frozen=True)
class Statement:
    """What one customer's statement shows: lines, subtotals and contracts."""

    customer_id: str
    customer: str
    organization: str
    work: list[TimeLine]
    vendor: list[TimeLine]
    contracts: list[ContractLine]

    @property
    def billable_minutes(self) -> int:
        """Billable work (vendor support is counted apart)."""
        return sum(e.minutes for e in self.work if e.billable)

    @property
    def non_billable_minutes(self) -> int:
        """Work done that is not billed."""
        return sum(e.minutes for e in self.work if not e.billable)

    @property
    def vendor_minutes(self) -> int:
        """Time with vendors' support, billable or not."""
        return sum(e.minutes for e in self.vendor)

    @property
    def vendor_billable_minutes(self) -> int:
        """The billable part of the vendor support time."""
        return sum(e.minutes for e in self.vendor if e.billable)

    @property
    def incidents(self) -> int:
        """Incidents drawn by this customer's lines in the period."""
        return sum(e.drawn for e in [*self.work, *self.vendor] if e.drawn_unit == "incidents")

    @property
    def amounts(self) -> dict[str, int]:
        """Amount charged per currency, in cents."""
        out: dict[str, int] = defaultdict(int)
        for e in [*self.work, *self.vendor]:
            if e.amount_cents:
                out[e.currency] += e.amount_cents
        return dict(out)


@dataclass
class BillingReport:
    """Time per customer and contract use for a period."""

    period: Period
    team_name: str
    generated_at: datetime
    customers: list[CustomerTime]
    contracts: list[ContractLine]
    entries: list[TimeLine] = field(default_factory=list)

    @property
    def total_billable(self) -> int:
        """All billable work minutes."""
        return sum(c.billable_minutes for c in self.customers)

    @property
    def total_non_billable(self) -> int:
        """All non-billable work minutes."""
        return sum(c.non_billable_minutes for c in self.customers)

    @property
    def total_vendor(self) -> int:
        """All minutes spent with vendors' support."""
        return sum(c.vendor_minutes for c in self.customers)

    def statements(self) -> list[Statement]:
        """One statement per customer with time in the period, in the customers' order."""
        lines: dict[str, list[TimeLine]] = defaultdict(list)
        for e in self.entries:
            lines[e.customer_id].append(e)
        out = []
        for c in self.customers:
            mine = lines.get(c.customer_id, [])
            drawn_from = {e.contract_id for e in mine if e.contract_id}
            org = c.organization.strip().casefold()
            contracts = [
                k for k in self.contracts
                if k.contract_id in drawn_from
                or (c.customer_id and k.customer_id == c.customer_id)
                or (org and not k.customer_id and k.organization.strip().casefold() == org)
            ]
            out.append(Statement(c.customer_id, c.customer, c.organization,
                                 [e for e in mine if not e.is_vendor],
                                 [e for e in mine if e.is_vendor], contracts))
        return out


def ticket_of(conversation_id: str) -> str:
    """The human ticket reference of a conversation (``SD-7KQ2M9XA``)."""
    try:
        return ticket_ref(conversation_id)
    except ValueError:  # not a UUID (an old import): the id's start still finds it
        return conversation_id[:8]


_TIME_SQL = """
SELECT coalesce(c.customer_id, ''), coalesce(cu.name, '(no customer)'),
       coalesce(cu.organization, ''),
       sum(CASE WHEN te.kind = 'work' AND te.billable THEN te.minutes ELSE 0 END),
       sum(CASE WHEN te.kind = 'work' AND NOT te.billable THEN te.minutes ELSE 0 END),
       sum(CASE WHEN te.kind = 'vendor' THEN te.minutes ELSE 0 END),
       sum(CASE WHEN te.kind = 'vendor' THEN te.phone_minutes ELSE 0 END),
       count(DISTINCT te.conversation_id)
  FROM time_entries te
  JOIN conversations c ON c.id = te.conversation_id
  LEFT JOIN customers cu ON cu.id = c.customer_id
 WHERE coalesce(te.started_at, te.created_at) >= :s
   AND coalesce(te.started_at, te.created_at) < :e
 GROUP BY 1 ORDER BY 2, 1
"""

_CONTRACTS_SQL = """
SELECT k.id, k.name, coalesce(cu.name, k.organization, ''), k.kind, k.currency, k.expires_on,
       k.price_cents, k.customer_id, coalesce(k.organization, cu.organization, ''),
       coalesce(sum(CASE WHEN u.kind = 'minutes' AND u.at >= :s THEN u.amount END), 0),
       coalesce(sum(CASE WHEN u.kind = 'incident' AND u.at >= :s THEN u.amount END), 0),
       coalesce(sum(CASE WHEN u.kind = 'topup' AND u.at >= :s THEN u.amount END), 0)
  FROM contracts k
  LEFT JOIN customers cu ON cu.id = k.customer_id
  LEFT JOIN contract_usage u ON u.contract_id = k.id AND u.at < :e
 WHERE k.starts_on <= :last AND (k.expires_on IS NULL OR k.expires_on >= :first)
 GROUP BY k.id ORDER BY 3, 2
"""

_LINES_SQL = """
SELECT te.id, coalesce(c.customer_id, ''), coalesce(cu.name, '(no customer)'),
       coalesce(te.started_at, te.created_at) AS at, c.id, c.subject,
       coalesce(a.name, ''), te.kind, te.minutes, te.billable,
       coalesce(te.vendor_name, ''), coalesce(te.vendor_case, ''), te.note, te.phone_minutes,
       k.id, k.name, k.kind, k.price_cents, k.currency, u.kind, u.amount,
       coalesce(te.agent_id, '')
  FROM time_entries te
  JOIN conversations c ON c.id = te.conversation_id
  LEFT JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN agents a ON a.id = te.agent_id
  LEFT JOIN contract_usage u ON u.time_entry_id = te.id
  LEFT JOIN contracts k ON k.id = u.contract_id
 WHERE coalesce(te.started_at, te.created_at) >= :s
   AND coalesce(te.started_at, te.created_at) < :e
 ORDER BY 3, 2, at, te.id
"""


def _contract_lines(session: Session, period: Period, params: dict[str, str]
                    ) -> list[ContractLine]:
    start, end = period.first_day, period.last_day
    before = period.start - timedelta(microseconds=1)
    end_at = period.end - timedelta(microseconds=1)
    out = []
    for (cid, name, who, kind, cur, exp, price, holder, org, mins, inc,
         top) in raw_rows(session, _CONTRACTS_SQL, params):
        bal = contract_balance(session, cid, end_at)
        expires = date.fromisoformat(exp) if exp else None
        expired = 0
        if expires is not None and start <= expires <= end and bal.remaining:
            # what was left at the end of its last day (nothing is drawn after it)
            at_expiry = contract_balance(
                session, cid, min(end_at, Period("", expires, expires, period.tz).end
                                  - timedelta(microseconds=1)))
            expired = max(0, at_expiry.remaining or 0)
        start_balance = contract_balance(session, cid, before).remaining
        out.append(ContractLine(
            cid, name, who, kind, bal.contract.unit, int(mins), int(inc), int(top),
            bal.remaining, expires, expired,
            int(inc) * int(price) if kind == "per_incident" else 0, cur,
            balance_start=start_balance, price_cents=int(price) if kind == "per_incident" else 0,
            customer_id=holder, organization=org,
        ))
    return out


def _time_lines(session: Session, params: dict[str, str]) -> list[TimeLine]:
    merged: dict[str, TimeLine] = {}
    for (eid, cid, name, at, conv, subject, agent, kind, mins, bill, vendor, case, note, phone,
         k_id, k_name, k_kind, price, cur, u_kind, amount, agent_id
         ) in raw_rows(session, _LINES_SQL, params):
        when = dt(at)
        assert when is not None
        drawn, unit, rate, money = 0, "", None, None
        if u_kind in ("minutes", "incident") and amount:
            drawn = int(amount)
            unit = "minutes" if u_kind == "minutes" else "incidents"
            if k_kind == "per_incident" and u_kind == "incident":
                rate, money = int(price), int(price) * int(amount)
        line = TimeLine(cid, name, when, conv, subject, agent, kind, int(mins), bool(bill),
                        vendor, case, note or "", ticket=ticket_of(conv),
                        phone_minutes=int(phone or 0), contract=k_name or "",
                        contract_id=k_id or "", drawn=drawn, drawn_unit=unit, rate_cents=rate,
                        amount_cents=money, currency=(cur or "") if money is not None else "",
                        agent_id=agent_id)
        old = merged.get(eid)
        if old is None:
            merged[eid] = line
        elif line.drawn_unit and old.drawn_unit in ("", line.drawn_unit):
            # more than one usage row for an entry: one line, the sum drawn
            money_sum = (None if old.amount_cents is None and money is None
                         else (old.amount_cents or 0) + (money or 0))
            merged[eid] = replace(line, drawn=old.drawn + drawn, amount_cents=money_sum)
    return list(merged.values())


def billing(
    session: Session,
    start: date,
    end: date,
    tz: ZoneInfo | None = None,
    *,
    now: datetime | None = None,
) -> BillingReport:
    """Time and contract use from local day ``start`` to ``end`` (both included)."""
    period, _cal = resolve_period(session, (start, end), tz)
    s, e = ts(period.start), ts(period.end)
    customers = [
        CustomerTime(cid, name, org, int(b or 0), int(nb or 0), int(v or 0), int(vp or 0), int(n))
        for cid, name, org, b, nb, v, vp, n in raw_rows(session, _TIME_SQL, {"s": s, "e": e})
    ]
    params = {"s": s, "e": e, "first": start.isoformat(), "last": end.isoformat()}
    contracts = _contract_lines(session, period, params)
    entries = price_lines(session, _time_lines(session, {"s": s, "e": e}))
    return BillingReport(period, load_team(session).team_name,
                         (now or datetime.now(UTC)).astimezone(UTC), customers, contracts,
                         entries)
