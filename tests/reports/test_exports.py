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

from supportdesk.reports import csv_export, html_export, metrics
from supportdesk.reports.metrics import BillingReport, WeeklySummary
from supportdesk.reports.tables import cell_text, weekly_tables
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
    r = _cli("report", "weekly", "--profile", prof, "--week", "2026-47", "--format", "html",
             "-o", str(tmp_path / "x.html"))
    assert r.returncode == 1 and "2026-W47" in r.stderr
    r = _cli("report", "weekly", "--profile", str(tmp_path / "nothing"), "--week", "2026-W47",
             "-o", str(tmp_path / "x.pdf"))
    assert r.returncode == 1 and "no SupportDesk database" in r.stderr


def test_invoice_csv_per_customer(hand: Fixture, tmp_path: Path) -> None:
    b = _billing(hand)
    files = {f.name for f in csv_export.export_billing(b, tmp_path / "inv")}
    jon = [f for f in files if f.startswith("invoice-Jón-Sigurðsson")]
    olga = [f for f in files if f.startswith("invoice-Ольга-Попова")]
    assert len(jon) == 1 and len(olga) == 1
    rows = _read(tmp_path / "inv" / jon[0])
    assert rows[0][:6] == ["Date", "Conversation", "Subject", "Agent", "Kind", "Minutes"]
    kinds = sorted((r[4], r[5]) for r in rows[1:-1])
    assert kinds == [("vendor support", "40"), ("work", "20")]
    assert "Contoso CP-1" in [r[7] for r in rows]
    assert rows[-1][0] == "Total billable work" and rows[-1][5] == "20"
    total = _read(tmp_path / "inv" / olga[0])[-1]
    assert total[5] == "30"  # the 15 non-billable minutes are listed but not in the total
