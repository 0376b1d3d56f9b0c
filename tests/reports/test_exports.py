"""CSV, HTML and PDF exports of the hand-made workspace, and the CLI with no display."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from supportdesk.models.base import ticket_ref
from supportdesk.reports import csv_export, html_export, metrics
from supportdesk.reports.metrics import BillingReport, WeeklySummary
from supportdesk.reports.tables import cell_text, statement_tables, weekly_tables
from tests.reports.conftest import NOW, Fixture

ROOT = Path(__file__).resolve().parents[2]


def _weekly(hand: Fixture) -> WeeklySummary:
    with hand.store.read() as session:
        return metrics.weekly_summary(session, "2026-W43", now=NOW)


def _billing(hand: Fixture) -> BillingReport:
    with hand.store.read() as session:
        return metrics.billing(session, date(2026, 10, 19), date(2026, 10, 25), now=NOW)


def _read(path: Path, encoding: str = "utf-8") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.reader(fh))


def test_csv_round_trip(hand: Fixture, tmp_path: Path) -> None:
    w = _weekly(hand)
    files = csv_export.export_weekly(w, tmp_path / "csv")
    names = {f.stem for f in files}
    assert {"overview", "by_channel", "by_agent", "by_customer", "sla_by_channel", "trend",
            "heatmap", "oldest_waiting"} <= names
    overview = {row[0]: row[1] for row in _read(tmp_path / "csv" / "overview.csv")[1:]}
    assert int(overview["Conversations opened"]) == w.opened == 3
    assert int(overview["Conversations solved"]) == 2
    assert int(overview["Backlog at end (open + pending)"]) == 3
    assert float(overview["First response median (business h)"]) == 20.75
    assert float(overview["Resolution p90 (business h)"]) == 41.0
    assert float(overview["SLA attainment (%)"]) == 50.0
    customers = _read(tmp_path / "csv" / "by_customer.csv")
    assert "Ольга Попова" in [r[0] for r in customers]
    heat = _read(tmp_path / "csv" / "heatmap.csv")
    assert heat[0][:2] == ["Day", "00"] and len(heat) == 8
    assert sum(int(c) for row in heat[1:] for c in row[1:]) == 4
    # every table comes back cell for cell
    for table in weekly_tables(w):
        back = _read(tmp_path / "csv" / f"{table.name}.csv")
        assert back[0] == table.headers
        assert back[1:] == [[cell_text(c) for c in row] for row in table.rows]


def test_csv_bom_option(hand: Fixture, tmp_path: Path) -> None:
    files = csv_export.export_billing(_billing(hand), tmp_path / "b", bom=True)
    raw = files[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = _read(files[0], "utf-8-sig")
    by = {r[0]: r for r in rows[1:]}
    assert by["Jón Sigurðsson"][3:6] == ["20", "0", "40"]  # billable, non-billable, vendor
    assert by["Total"][3:6] == ["50", "15", "40"]
    plain = csv_export.export_billing(_billing(hand), tmp_path / "p")
    assert not plain[0].read_bytes().startswith(b"\xef\xbb\xbf")


def test_html_is_self_contained_and_escaped(hand: Fixture, tmp_path: Path) -> None:
    w = _weekly(hand)
    doc = html_export.weekly_html(w)
    assert "2026-W43" in doc and "Ольга Попова" in doc and "Jón Sigurðsson" in doc
    assert "20.75" in doc and "41.00" in doc and "50.0 %" in doc
    assert 'style="background:#' in doc  # the heatmap is coloured
    assert not re.search(r"(?i)(https?:)?//[a-z0-9]", doc.replace("<!DOCTYPE html>", ""))
    assert not re.search(r"(?i)<(script|link|img|iframe)\b", doc)
    bill = html_export.billing_html(_billing(hand))
    assert "Ромашка: 2 h pack" in bill and "95.00" in bill
    path = html_export.write_html(doc, tmp_path / "w.html")
    assert path.read_text(encoding="utf-8") == doc


def test_html_escapes_text(hand: Fixture) -> None:
    w = _weekly(hand)
    w.team_name = "<script>alert(1)</script> & Co"
    doc = html_export.weekly_html(w)
    assert "<script>" not in doc
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in doc


def _pdftotext(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True)
    return out.stdout


def _flat(path: Path) -> str:
    """The PDF's text in drawing order, whitespace collapsed (a wrapped cell reads whole)."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True)
    return " ".join(out.stdout.split())


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    m = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    assert m
    return int(m.group(1))


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


@needs_poppler
@pytest.mark.parametrize("page", ["a4", "letter"])
def test_weekly_pdf_offscreen(hand: Fixture, tmp_path: Path, page: str) -> None:
    from supportdesk.reports import pdf

    out = pdf.weekly_pdf(_weekly(hand), tmp_path / "w.pdf", page=page)
    assert out.read_bytes().startswith(b"%PDF")
    assert _pages(out) >= 1
    text = _pdftotext(out)
    assert "2026-W43" in text
    assert "Ольга Попова" in text and "Jón Sigurðsson" in text and "Anna Schmidt" in text
    assert "Opened and solved" in text  # the chart's title
    assert "20.75" in text
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True,
                          check=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    assert size
    width = float(size.group(1))
    assert abs(width - (595.0 if page == "a4" else 612.0)) < 2


@needs_poppler
def test_billing_pdf_offscreen(hand: Fixture, tmp_path: Path) -> None:
    from supportdesk.reports import pdf

    out = pdf.billing_pdf(_billing(hand), tmp_path / "b.pdf")
    text = _pdftotext(out)
    assert "Support time and billing statement" in text
    assert "Ольга Попова" in text and "Vendor support" in text


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([sys.executable, "-m", "supportdesk", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)


@needs_poppler
def test_cli_weekly_pdf_csv_html(hand: Fixture, tmp_path: Path) -> None:
    prof = str(hand.profile)
    hand.store.close()  # the CLI opens the profile itself
    pdf_out = tmp_path / "out" / "week.pdf"
    r = _cli("report", "weekly", "--profile", prof, "--week", "2026-W43", "--format", "pdf",
             "-o", str(pdf_out))
    assert r.returncode == 0, r.stderr
    assert pdf_out.read_bytes().startswith(b"%PDF")
    assert "Ольга Попова" in _pdftotext(pdf_out)
    r = _cli("report", "weekly", "--profile", prof, "--week", "2026-W43", "--format", "csv",
             "--bom", "-o", str(tmp_path / "csv"))
    assert r.returncode == 0, r.stderr
    overview = _read(tmp_path / "csv" / "overview.csv", "utf-8-sig")
    assert ["Conversations opened", "3"] in overview
    r = _cli("report", "weekly", "--profile", prof, "--week", "2026-W43", "--format", "html",
             "-o", str(tmp_path / "w.html"))
    assert r.returncode == 0, r.stderr
    assert "Ольга Попова" in (tmp_path / "w.html").read_text(encoding="utf-8")


def test_cli_billing_and_errors(hand: Fixture, tmp_path: Path) -> None:
    prof = str(hand.profile)
    hand.store.close()
    r = _cli("report", "billing", "--profile", prof, "--from", "2026-10-19", "--to",
             "2026-10-25", "--format", "csv", "-o", str(tmp_path / "bill"))
    assert r.returncode == 0, r.stderr
    rows = _read(tmp_path / "bill" / "time_by_customer.csv")
    assert rows[-1][:6] == ["Total", "", "3", "50", "15", "40"]
    one = tmp_path / "olga.pdf"
    r = _cli("report", "billing", "--profile", prof, "--from", "2026-10-19", "--to",
             "2026-10-25", "--customer", "ольга", "-o", str(one))
    assert r.returncode == 0, r.stderr
    if shutil.which("pdftotext"):
        text = _pdftotext(one)
        assert "Statement for Ольга Попова" in text and "Jón" not in text
    r = _cli("report", "billing", "--profile", prof, "--from", "2026-10-19", "--to",
             "2026-10-25", "--customer", "Nobody", "-o", str(tmp_path / "n.pdf"))
    assert r.returncode == 1 and "no customer called 'Nobody'" in r.stderr
    assert not (tmp_path / "n.pdf").exists()
    r = _cli("report", "weekly", "--profile", prof, "--week", "2026-47", "--format", "html",
             "-o", str(tmp_path / "x.html"))
    assert r.returncode == 1 and "2026-W47" in r.stderr
    r = _cli("report", "weekly", "--profile", str(tmp_path / "nothing"), "--week", "2026-W47",
             "-o", str(tmp_path / "x.pdf"))
    assert r.returncode == 1 and "no SupportDesk database" in r.stderr


def _rows_by_first(path: Path) -> dict[str, list[str]]:
    return {r[0]: r for r in _read(path)[1:]}


def test_invoice_csv_per_customer(hand: Fixture, tmp_path: Path) -> None:
    b = _billing(hand)
    files = {f.name for f in csv_export.export_billing(b, tmp_path / "inv")}
    assert {"time_by_customer.csv", "contracts.csv"} <= files
    jon = [f for f in files if f.startswith("invoice-Jón-Sigurðsson")]
    olga = [f for f in files if f.startswith("invoice-Ольга-Попова")]
    assert len(jon) == 1 and len(olga) == 1 and len(files) == 4
    rows = _read(tmp_path / "inv" / jon[0])
    head = rows[0]
    col = {name: head.index(name) for name in head}
    assert head[:6] == ["Date", "Ticket", "Subject", "Agent", "Kind", "Work done"]
    lines = [r for r in rows[1:] if r[col["Date"]][:4] == "2026"]
    work = next(r for r in lines if r[col["Kind"]] == "work")
    vendor = next(r for r in lines if r[col["Kind"]] == "vendor support")
    # c5: 20 minutes on 21 Oct (started 09:40 Berlin), one incident at 95.00 EUR
    assert work[col["Date"]] == "2026-10-21 09:40"
    assert work[col["Ticket"]] == ticket_ref(hand.ids["c5"])
    assert (work[col["Work done"]], work[col["Minutes"]], work[col["Billable"]]) == (
        "Replaced the sensor", "20", "yes")
    assert (work[col["Drawn from contract"]], work[col["Rate"]], work[col["Amount"]],
            work[col["Currency"]]) == ("1 incident", "95.00", "95.00", "EUR")
    assert work[col["Contract"]] == "Bakarí per incident"
    # the call to the vendor is its own line: who, their case, why, how long
    assert (vendor[col["Vendor"]], vendor[col["Vendor case"]], vendor[col["Minutes"]]) == (
        "Contoso", "CP-1", "40")
    assert vendor[col["Work done"]] == "Called Contoso about the firmware fault"
    totals = _rows_by_first(tmp_path / "inv" / jon[0])
    assert totals["Subtotal: Billable work"][col["Minutes"]] == "20"
    assert totals["Subtotal: Vendor support"][col["Minutes"]] == "40"
    assert totals["Subtotal: Incidents used"][col["Minutes"]] == "1"
    assert (totals["Total amount"][col["Amount"]], totals["Total amount"][col["Currency"]]) == (
        "95.00", "EUR")
    olga_rows = _rows_by_first(tmp_path / "inv" / olga[0])
    # the 15 non-billable minutes are listed but apart from the billable 30
    assert olga_rows["Subtotal: Billable work"][col["Minutes"]] == "30"
    assert olga_rows["Subtotal: Non-billable work"][col["Minutes"]] == "15"
    assert "Total amount" not in olga_rows  # a prepaid pack: nothing priced
    drawn = [r[col["Drawn from contract"]] for r in _read(tmp_path / "inv" / olga[0])[1:]]
    assert "30 min" in drawn


def test_contract_balances_before_after_and_expired(hand: Fixture, tmp_path: Path) -> None:
    b = _billing(hand)
    k = {c.contract_id: c for c in b.contracts}
    pack = k[hand.ids["k1"]]
    # 120 min bought; 30 drawn on 19 Oct; expired on 22 Oct with 90 left
    assert (pack.balance_start, pack.used, pack.expired, pack.available_end) == (120, 30, 90, 0)
    files = csv_export.export_billing(b, tmp_path / "c")
    rows = _read(next(f for f in files if f.name == "contracts.csv"))
    col = {name: rows[0].index(name) for name in rows[0]}
    row = next(r for r in rows[1:] if r[0] == "Ромашка: 2 h pack")
    assert [row[col[h]] for h in ("Balance before", "Used", "Expired unused", "Balance after",
                                  "Expires")] == ["120", "30", "90", "0", "2026-10-22"]
    per = next(r for r in rows[1:] if r[0] == "Bakarí per incident")
    assert (per[col["Used"]], per[col["Owed"]], per[col["Currency"]]) == ("1", "95.00", "EUR")
    statements = {s.customer: s for s in b.statements()}
    assert [c.name for c in statements["Ольга Попова"].contracts] == ["Ромашка: 2 h pack"]
    assert [c.name for c in statements["Jón Sigurðsson"].contracts] == ["Bakarí per incident"]


@needs_poppler
@pytest.mark.parametrize("page", ["a4", "letter"])
def test_billing_statement_pdf(hand: Fixture, tmp_path: Path, page: str) -> None:
    from supportdesk.reports import pdf

    b = _billing(hand)
    out = pdf.billing_pdf(b, tmp_path / "b.pdf", page=page)
    text = _flat(out)
    # the owner's report, then a statement per customer on its own page
    assert _pages(out) >= 3
    assert "Statement for Jón Sigurðsson" in text and "Statement for Ольга Попова" in text
    assert "Vendor support on your behalf" in text
    assert "Contoso, case CP-1" in text and "Called Contoso about the firmware fault" in text
    assert "95.00 EUR" in text and "Replaced the sensor" in text
    # a client's own statement shows nobody else
    jon = pdf.billing_pdf(b, tmp_path / "jon.pdf", page=page, customer_id=hand.ids["jon"])
    mine = _flat(jon)
    assert "Statement for Jón Sigurðsson" in mine and "95.00 EUR" in mine
    assert "Ольга" not in mine and "Ромашка" not in mine
    assert "Time by customer" not in mine


def test_statement_for_a_customer_without_time_is_refused(hand: Fixture, tmp_path: Path) -> None:
    from supportdesk.reports import pdf

    with pytest.raises(metrics.ReportError, match="No time was logged"):
        pdf.billing_pdf(_billing(hand), tmp_path / "none.pdf", customer_id="nobody")
    assert not (tmp_path / "none.pdf").exists()  # nothing half-written


@needs_poppler
def test_billing_numbers_agree_across_formats(hand: Fixture, tmp_path: Path) -> None:
    from supportdesk.reports import pdf

    b = _billing(hand)
    html = html_export.billing_html(b)
    text = _flat(pdf.billing_pdf(b, tmp_path / "b.pdf"))
    csv_files = csv_export.export_billing(b, tmp_path / "csv")
    csv_cells = {c for f in csv_files for row in _read(f) for c in row}
    for s in b.statements():
        for table in statement_tables(s, b):
            for row in table.rows:
                for cell in row:
                    shown = cell_text(cell)
                    if shown and isinstance(cell, int | float):
                        assert shown in html, (table.title, shown)
        assert f"Statement for {s.customer}" in text and f"Statement for {s.customer}" in html
        for e in [*s.work, *s.vendor]:
            assert e.note in text and e.note in html and e.note in csv_cells
