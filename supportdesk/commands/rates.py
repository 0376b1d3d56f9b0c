"""``supportdesk rates``: the hourly rates that price invoice lines (synced to the team).

    supportdesk rates list
    supportdesk rates set team 120.00 [--currency EUR]
    supportdesk rates set customer|contract|agent ID 95.50 [--currency EUR]
    supportdesk rates clear customer|contract|agent|team [ID]
"""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation

from supportdesk.cli import CommandError
from supportdesk.commands import open_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``supportdesk rates``."""
    parser.add_argument("action", choices=["list", "set", "clear"])
    parser.add_argument("scope", nargs="?", choices=["team", "customer", "contract", "agent"])
    parser.add_argument("values", nargs="*", metavar="ID AMOUNT",
                        help="the customer's, contract's or agent's id (not for team), "
                             "then the hourly amount, e.g. 120.00")
    parser.add_argument("--currency", default="EUR", help="three-letter code (default EUR)")


def _cents(text: str) -> int:
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise CommandError(f"{text!r} is not an amount; write it like 120.00") from exc
    if value < 0:
        raise CommandError("A rate cannot be negative.")
    return int((value * 100).to_integral_value())


def run(args: argparse.Namespace) -> int:
    """List, set or clear a rate."""
    from sqlalchemy import select

    from supportdesk.models.rates import HourlyRate
    from supportdesk.services.rates import RateError, set_rate

    with open_store(args) as store:
        if args.action == "list":
            with store.read() as session:
                rows = list(session.scalars(select(HourlyRate).order_by(
                    HourlyRate.scope, HourlyRate.target_id)))
            if not rows:
                print("No hourly rates set: hourly work gets no amounts on invoices.")
            for r in rows:
                print(f"{r.scope}\t{r.target_id or '-'}\t{r.rate_cents / 100:.2f} {r.currency}")
            return 0
        if args.scope is None:
            raise CommandError("say which rate: team, customer, contract or agent")
        values = list(args.values)
        target = "" if args.scope == "team" else (values.pop(0) if values else "")
        if args.scope != "team" and not target:
            raise CommandError(f"give the {args.scope}'s id")
        cents: int | None = None
        if args.action == "set":
            if len(values) != 1:
                raise CommandError("give one hourly amount, like 120.00")
            cents = _cents(values[0])
        try:
            store.write(lambda uow: set_rate(uow, args.scope, target, cents, args.currency))
        except RateError as exc:
            raise CommandError(str(exc)) from exc
    print("Rate cleared." if cents is None else
          f"{args.scope} rate set to {cents / 100:.2f} {args.currency.upper()} an hour.")
    return 0
