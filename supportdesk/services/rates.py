"""Hourly rates and the amounts they put on billing lines.

The rate of a line: its contract's, else its customer's (the customer a merged
one stands for), else the agent's who did the work, else the team's default.
Hourly work gets its billable minutes priced; work drawn from an hour pack is
priced only for what it drew beyond the pack's balance (the overrun); work on
a per-incident contract keeps the incident's price.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.models.rates import SCOPES, HourlyRate, rate_id
from supportdesk.models.workflow import Contract
from supportdesk.services.customer_merge import root
from supportdesk.services.workflow.contracts import balance as contract_balance
from supportdesk.store import UnitOfWork

if TYPE_CHECKING:
    from supportdesk.reports.billing import TimeLine


class RateError(ValueError):
    """A rate that cannot be set; the message says why."""


@dataclass(frozen=True)
class Rate:
    """An hourly rate and where it came from."""

    cents: int
    currency: str
    source: str  # contract | customer | agent | team


def set_rate(uow: UnitOfWork, scope: str, target: str, cents: int | None,
             currency: str = "EUR") -> None:
    """Set (or with ``cents`` None, clear) an hourly rate.

    Raises:
        RateError: unknown scope, a negative rate or a bad currency code.
    """
    if scope not in SCOPES:
        raise RateError(f"Unknown rate scope {scope!r}.")
    if scope == "team":
        target = ""
    row = uow.session.get(HourlyRate, rate_id(scope, target))
    if cents is None:
        if row is not None:
            uow.delete(row)
        return
    if cents < 0:
        raise RateError("A rate cannot be negative.")
    if len(currency) != 3 or not currency.isalpha():
        raise RateError("Give the currency as a three-letter code, like EUR.")
    if row is None:
        uow.add(HourlyRate(id=rate_id(scope, target), scope=scope, target_id=target,
                           rate_cents=cents, currency=currency.upper()))
    else:
        uow.update(row, rate_cents=cents, currency=currency.upper())


class Rates:
    """Every rate, read once for a report."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_key = {(r.scope, r.target_id): r for r in session.scalars(select(HourlyRate))}
        self._roots: dict[str, str] = {}

    def _get(self, scope: str, target: str | None) -> Rate | None:
        if target is None:
            return None
        r = self.by_key.get((scope, target))
        return Rate(r.rate_cents, r.currency, scope) if r is not None else None

    def for_line(self, contract_id: str | None, customer_id: str | None,
                 agent_id: str | None) -> Rate | None:
        """The rate that prices a line, or None when no rate is set anywhere."""
        if customer_id and customer_id not in self._roots:
            self._roots[customer_id] = root(self.session, customer_id)
        contract = self._get("contract", contract_id) or self._customer_contract(customer_id)
        return (contract
                or self._get("customer", customer_id)
                or self._get("customer", self._roots.get(customer_id or ""))
                or self._get("agent", agent_id)
                or self._get("team", ""))

    def _customer_contract(self, customer_id: str | None) -> Rate | None:
        if not customer_id:
            return None
        ids = {customer_id, self._roots.get(customer_id, customer_id)}
        for cid in self.session.scalars(select(Contract.id).where(
                Contract.customer_id.in_(ids), Contract.active.is_(True))
                .order_by(Contract.starts_on.desc())):
            found = self._get("contract", cid)
            if found is not None:
                return found
        return None


def price_lines(session: Session, lines: list[TimeLine]) -> list[TimeLine]:
    """Put rates and amounts on billable lines that have none yet (order kept)."""
    rates = Rates(session)
    out = list(lines)
    balances: dict[str, int] = {}
    for i in sorted(range(len(lines)), key=lambda k: (lines[k].at, lines[k].conversation_id)):
        line = lines[i]
        if not line.billable or line.amount_cents is not None or line.drawn_unit == "incidents":
            continue
        minutes = line.minutes
        if line.drawn_unit == "minutes" and line.contract_id:
            if line.contract_id not in balances:
                before = contract_balance(session, line.contract_id,
                                          line.at - timedelta(microseconds=1)).remaining
                balances[line.contract_id] = before or 0
            left = balances[line.contract_id]
            covered = min(line.drawn, max(left, 0))
            balances[line.contract_id] = left - line.drawn
            minutes = line.minutes - covered
        rate = rates.for_line(line.contract_id or None, line.customer_id or None,
                              line.agent_id or None)
        if rate is None or minutes <= 0:
            continue
        out[i] = replace(line, rate_cents=rate.cents,
                         amount_cents=round(minutes * rate.cents / 60), currency=rate.currency)
    return out
