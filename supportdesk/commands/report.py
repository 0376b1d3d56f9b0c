"""``supportdesk report``: the owner reports, headless (from cron, with no display).

``report weekly --week 2026-W47 --format pdf|csv|html -o PATH`` and
``report billing --from DATE --to DATE --format pdf|csv|html -o PATH``. For
CSV, PATH is a folder (one file per table). Weeks and dates are in the team's
time zone unless ``--tz`` names another.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from supportdesk.cliargs import CommandError, resolve_profile
from supportdesk.commands import open_store
from supportdesk.store.engine import database_path

if TYPE_CHECKING:
    from supportdesk.reports.billing import BillingReport

FORMATS = ("pdf", "csv", "html")


def _common(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--format", choices=FORMATS, default="pdf", help="default: pdf")
    sub.add_argument("-o", "--output", type=Path, required=True, metavar="PATH",
                     help="the file to write (a folder for csv)")
    sub.add_argument("--page", choices=("a4", "letter"), default="a4", help="PDF page size")
    sub.add_argument("--bom", action="store_true",
                     help="start CSV files with a UTF-8 byte-order mark (for spreadsheets)")
    sub.add_argument("--tz", metavar="ZONE", help="IANA zone of the days (default: the team's)")
    # SUPPRESS: given after the action it counts; otherwise the one before "report" stays.
    sub.add_argument("--profile", type=Path, default=argparse.SUPPRESS, metavar="DIR",
                     help="the profile folder (default: the platform's data folder)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``supportdesk report``."""
    subs = parser.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    weekly = subs.add_parser("weekly", help="the weekly summary of an ISO week",
                             description="The weekly summary of an ISO week.")
    weekly.add_argument("--week", required=True, metavar="YYYY-Www", help="e.g. 2026-W47")
    _common(weekly)
    bill = subs.add_parser("billing", help="time and contract use between two dates",
                           description="Time per customer and contract use, both dates included.")
    bill.add_argument("--from", dest="start", required=True, type=_date, metavar="DATE")
    bill.add_argument("--to", dest="end", required=True, type=_date, metavar="DATE")
    bill.add_argument("--customer", metavar="NAME",
                      help="only this customer's statement, to send to the client (PDF; "
                           "a name or the start of one, case does not matter)")
    _common(bill)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-16") from None


def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise CommandError(f"unknown time zone {name!r}; use a name like Europe/London") from None


def _customer(billing: BillingReport, wanted: str | None) -> str | None:
    """The id of the customer ``wanted`` names among those with time in the period."""
    if not wanted:
        return None
    key = wanted.strip().casefold()
    exact = [c for c in billing.customers if c.customer.casefold() == key]
    found = exact or [c for c in billing.customers if c.customer.casefold().startswith(key)]
    if len(found) == 1:
        return found[0].customer_id
    if not found:
        raise CommandError(f"no customer called {wanted!r} has time logged in this period")
    names = ", ".join(sorted(c.customer for c in found)[:5])
    raise CommandError(f"{wanted!r} matches several customers ({names}); give more of the name")


def run(args: argparse.Namespace) -> int:
    """Compute the report and write it in the chosen format."""
    from supportdesk.reports import csv_export, html_export, metrics
    from supportdesk.reports.i18n import report_language

    profile = resolve_profile(args)
    if not database_path(profile).exists():
        raise CommandError(f"{profile} has no SupportDesk database")
    tz = _zone(args.tz)
    out: Path = args.output
    with open_store(args) as store, store.read() as session:
        try:
            language = report_language(session)  # the team's, for CSV headers
            if args.report_command == "weekly":
                summary = metrics.weekly_summary(session, args.week, tz)
            else:
                billing = metrics.billing(session, args.start, args.end, tz)
        except metrics.ReportError as exc:
            raise CommandError(str(exc)) from exc
    weekly = args.report_command == "weekly"
    customer_id = None if weekly else _customer(billing, getattr(args, "customer", None))
    if customer_id is not None and args.format != "pdf":
        raise CommandError("--customer makes a client's PDF statement; use --format pdf "
                           "(the CSV export already has one invoice file per customer)")
    if args.format == "csv":
        if out.exists() and not out.is_dir():
            raise CommandError(f"{out} is a file; CSV export writes a folder of files")
        files = (csv_export.export_weekly(summary, out, bom=args.bom, language=language)
                 if weekly else
                 csv_export.export_billing(billing, out, bom=args.bom, language=language))
        print(f"wrote {len(files)} CSV files to {out}")
    elif args.format == "html":
        doc = (html_export.weekly_html(summary, language) if weekly
               else html_export.billing_html(billing, language))
        html_export.write_html(doc, out)
        print(f"wrote {out}")
    else:
        from supportdesk.reports import pdf  # Qt only for PDF

        out.parent.mkdir(parents=True, exist_ok=True)
        if weekly:
            pdf.weekly_pdf(summary, out, page=args.page)
        else:
            try:
                pdf.billing_pdf(billing, out, page=args.page, customer_id=customer_id)
            except metrics.ReportError as exc:
                raise CommandError(str(exc)) from exc
        print(f"wrote {out}")
    return 0
