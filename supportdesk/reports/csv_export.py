"""CSV export: one UTF-8 file per report table in a folder (no Qt)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from supportdesk.reports.i18n import localize
from supportdesk.reports.metrics import BillingReport, WeeklySummary
from supportdesk.reports.tables import (
    Table,
    billing_tables,
    cell_text,
    invoice_tables,
    weekly_tables,
)


def write_tables(tables: Sequence[Table], folder: Path, *, bom: bool = False,
                 prefix: str = "") -> list[Path]:
    """Write each table to ``folder/<prefix><name>.csv``; returns the files written.

    ``bom`` starts each file with a UTF-8 byte-order mark so spreadsheet
    programs read the letters right.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        path = folder / f"{prefix}{table.name}.csv"
        with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
            out = csv.writer(fh)
            out.writerow(table.headers)
            out.writerows([cell_text(c) for c in row] for row in table.rows)
        written.append(path)
    return written


def export_weekly(summary: WeeklySummary, folder: Path, *, bom: bool = False,
                  language: str = "") -> list[Path]:
    """The weekly summary as CSV files in ``folder`` (headers in the team's ``language``)."""
    return write_tables(localize(weekly_tables(summary), language), folder, bom=bom)


def export_billing(report: BillingReport, folder: Path, *, bom: bool = False,
                   language: str = "") -> list[Path]:
    """The billing report as CSV files in ``folder``, plus one invoice file per customer."""
    tables = [*billing_tables(report), *invoice_tables(report)]
    return write_tables(localize(tables, language), folder, bom=bom)
