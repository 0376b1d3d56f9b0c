"""Hourly rates put amounts on invoice lines: contract, else customer, else agent, else team."""

from __future__ import annotations

from datetime import date

import pytest

from supportdesk.reports.billing import BillingReport, TimeLine, billing
from supportdesk.services.rates import RateError, set_rate
from supportdesk.services.workflow.timetracking import log_time
from tests.reports.conftest import Fixture, local

W43 = (date(2026, 10, 19), date(2026, 10, 25))


def _report(hand: Fixture) -> BillingReport:
    with hand.store.read() as session:
        return billing(session, *W43)


def _line(report: BillingReport, customer_id: str, kind: str, minutes: int) -> TimeLine:
    (line,) = [e for e in report.entries
               if e.customer_id == customer_id and e.kind == kind and e.minutes == minutes]
    return line


def test_rates_in_order_of_precedence(hand: Fixture) -> None:
    jon, bjorn = hand.ids["jon"], hand.ids["bjorn"]
    before = _line(_report(hand), jon, "vendor", 40)
    assert (before.rate_cents, before.amount_cents) == (None, None)  # no rate anywhere yet
    hand.store.write(lambda uow: set_rate(uow, "team", "", 12000))
    line = _line(_report(hand), jon, "vendor", 40)
    assert (line.rate_cents, line.amount_cents, line.currency) == (12000, 8000, "EUR")
    hand.store.write(lambda uow: set_rate(uow, "agent", bjorn, 15000))
    assert _line(_report(hand), jon, "vendor", 40).amount_cents == 10000  # Björn's own rate
    hand.store.write(lambda uow: set_rate(uow, "customer", jon, 9000, "ISK"))
    line = _line(_report(hand), jon, "vendor", 40)
    assert (line.amount_cents, line.currency) == (6000, "ISK")  # the customer's rate
    hand.store.write(lambda uow: set_rate(uow, "contract", hand.ids["k2"], 6000))
    assert _line(_report(hand), jon, "vendor", 40).amount_cents == 4000  # his contract's
    # the per-incident line keeps the incident's price
    assert _line(_report(hand), jon, "work", 20).amount_cents == 9500
    hand.store.write(lambda uow: set_rate(uow, "contract", hand.ids["k2"], None))
    assert _line(_report(hand), jon, "vendor", 40).amount_cents == 6000
    with pytest.raises(RateError):
        hand.store.write(lambda uow: set_rate(uow, "team", "", -1))


def test_hour_pack_work_is_priced_only_beyond_the_pack(hand: Fixture) -> None:
    olga = hand.ids["olga"]
    hand.store.write(lambda uow: set_rate(uow, "team", "", 12000))
    report = _report(hand)
    assert _line(report, olga, "work", 30).amount_cents is None  # covered by the pack
    # 100 more minutes on Wednesday: the 120-minute pack has 90 left, so 10 overrun
    hand.store.write(lambda uow: log_time(uow, hand.ids["c1"], 100,
                                          started_at=local("2026-10-21 09:00")))
    report = _report(hand)
    over = _line(report, olga, "work", 100)
    assert (over.drawn, over.rate_cents, over.amount_cents) == (100, 12000, 2000)
    (statement,) = [s for s in report.statements() if s.customer_id == olga]
    assert statement.amounts == {"EUR": 2000}
