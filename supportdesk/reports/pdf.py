"""PDF export with Qt: QPdfWriter + QPainter, charts drawn with QtCharts.

Works headless (``QT_QPA_PLATFORM=offscreen``): a QApplication is made when
none exists (QtCharts needs one). Text uses DejaVu Sans / Noto Sans, so
Cyrillic and Icelandic letters come out right and stay extractable.

Layout is in PostScript points (1/72 inch): the painter is scaled from the
writer's resolution, and fonts are sized with ``setPixelSize`` in points.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QValueAxis,
)
from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import QApplication, QGraphicsScene

from supportdesk.reports.metrics import WEEKDAYS, BillingReport, ReportError, WeeklySummary
from supportdesk.reports.tables import (
    Table,
    billing_tables,
    cell_text,
    statement_summary,
    statement_tables,
    weekly_tables,
)

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial"]
_DPI = 300
_ACCENT = QColor("#3b6ea5")
_INK = QColor("#1f2933")
_MUTED = QColor("#52606d")
_RULE = QColor("#cbd2d9")
_HEAD_BG = QColor("#e4ecf5")
_ZEBRA = QColor("#f7f9fb")
#: rows of a table shown in the PDF; the CSV and HTML have them all
MAX_PDF_ROWS = 25


def ensure_app() -> QApplication:
    """The running QApplication, or a new one (offscreen when there is no display)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    if app is not None:  # a QGuiApplication/QCoreApplication without widgets: cannot chart
        raise RuntimeError("PDF export needs a QApplication, not a QGuiApplication")
    if (
        not os.environ.get("QT_QPA_PLATFORM")
        and sys.platform.startswith("linux")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QApplication([sys.argv[0] if sys.argv else "supportdesk"])


def _font(size: int, *, bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(FONT_FAMILIES)
    f.setPixelSize(size)
    f.setBold(bold)
    # no "fi"/"fl" ligatures: text copied or searched in the PDF reads as typed
    f.setFeature(QFont.Tag("liga"), 0)
    return f


def _fit(widths: list[float], floors: list[float], total: float,
         weights: Sequence[float] | None = None) -> list[float] | None:
    """Column widths that fit ``total``, or None when even the floors do not.

    The widest columns give up room first: every column is capped at one
    level times its weight (never below its floor), the highest level that fits.
    """
    if sum(widths) <= total:
        return widths
    if sum(floors) > total:
        return None
    weights = weights or [1.0] * len(widths)

    def capped(level: float) -> list[float]:
        return [max(f, min(w, level * k))
                for w, f, k in zip(widths, floors, weights, strict=True)]

    lo, hi = 0.0, max(widths)
    for _ in range(40):
        level = (lo + hi) / 2
        if sum(capped(level)) > total:
            hi = level
        else:
            lo = level
    return capped(lo)


def _wrapped(text: str, fm: QFontMetricsF, width: float, max_lines: int) -> str:
    """``text`` broken into lines of at most ``width`` (at words), ``…`` after ``max_lines``."""
    if fm.horizontalAdvance(text) <= width or width <= 0:
        return text
    lines: list[str] = []
    for para in text.splitlines() or [""]:
        line = ""
        for word in para.split():
            trial = f"{line} {word}" if line else word
            if fm.horizontalAdvance(trial) <= width:
                line = trial
                continue
            if line:
                lines.append(line)
            while fm.horizontalAdvance(word) > width and len(word) > 1:  # a very long word
                cut = len(word)
                while cut > 1 and fm.horizontalAdvance(word[:cut]) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    if len(lines) > max_lines:
        last = lines[max_lines - 1] + " " + " ".join(lines[max_lines:])
        lines = [*lines[: max_lines - 1], fm.elidedText(last, Qt.TextElideMode.ElideRight, width)]
    return "\n".join(lines)


class _Doc:
    """A cursor over pages: text, tables, charts; breaks pages as needed."""

    def __init__(self, path: Path, title: str, page: str) -> None:
        self.writer = QPdfWriter(str(path))
        self.writer.setResolution(_DPI)
        self.writer.setTitle(title)
        self.writer.setCreator("SupportDesk")
        layout = QPageLayout(QPageSize(PAGE_SIZES[page]), QPageLayout.Orientation.Portrait,
                             QMarginsF(15, 15, 15, 18), QPageLayout.Unit.Millimeter)
        self.writer.setPageLayout(layout)
        self.title = title
        self.painter = QPainter(self.writer)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.scale = _DPI / 72.0
        self.painter.scale(self.scale, self.scale)
        self.width = self.writer.width() / self.scale
        self.height = self.writer.height() / self.scale - 14  # room for the footer
        self.y = 0.0
        self.page = 1
        self._footer()

    # -- page handling
    def _footer(self) -> None:
        p = self.painter
        p.setFont(_font(7))
        p.setPen(_MUTED)
        rect = QRectF(0, self.height + 4, self.width, 10)
        p.drawText(rect, int(Qt.AlignmentFlag.AlignLeft), self.title)
        p.drawText(rect, int(Qt.AlignmentFlag.AlignRight), f"Page {self.page}")

    def new_page(self) -> None:
        self.writer.newPage()
        self.page += 1
        self.y = 0.0
        self._footer()

    def ensure(self, h: float) -> None:
        if self.y + h > self.height and self.y > 0:
            self.new_page()

    def finish(self) -> None:
        self.painter.end()

    # -- content
    def text(self, s: str, size: int = 9, *, bold: bool = False, color: QColor = _INK,
             gap: float = 4) -> None:
        font = _font(size, bold=bold)
        flags = int(Qt.TextFlag.TextWordWrap)
        box = QFontMetricsF(font).boundingRect(QRectF(0, 0, self.width, 10_000), flags, s)
        self.ensure(box.height())
        self.painter.setFont(font)
        self.painter.setPen(color)
        self.painter.drawText(QRectF(0, self.y, self.width, box.height() + 2), flags, s)
        self.y += box.height() + gap

    def heading(self, s: str) -> None:
        self.ensure(40)  # keep a heading with what follows
        self.y += 8 if self.y else 0
        self.text(s, 12, bold=True, color=_ACCENT, gap=2)
        self.painter.setPen(QPen(_ACCENT, 1))
        self.painter.drawLine(QPointF(0, self.y), QPointF(self.width, self.y))
        self.y += 5

    def subheading(self, s: str) -> None:
        self.y += 6
        self.text(s, 10, bold=True, color=_INK, gap=3)

    def kpis(self, items: Sequence[tuple[str, str]]) -> None:
        n = len(items)
        gap = 6.0
        w = (self.width - gap * (n - 1)) / n
        h = 40.0
        self.ensure(h + 6)
        p = self.painter
        for i, (label, value) in enumerate(items):
            r = QRectF(i * (w + gap), self.y, w, h)
            p.setPen(QPen(_RULE, 0.8))
            p.setBrush(QBrush(QColor("#f4f7fb")))
            p.drawRoundedRect(r, 4, 4)
            p.setFont(_font(7))
            p.setPen(_MUTED)
            p.drawText(r.adjusted(5, 4, -4, 0), int(Qt.AlignmentFlag.AlignLeft), label)
            size = 14
            while size > 8 and QFontMetricsF(_font(size, bold=True)).horizontalAdvance(
                    value) > w - 9:
                size -= 1
            p.setFont(_font(size, bold=True))
            p.setPen(_INK)
            p.drawText(r.adjusted(5, 15, -4, 0), int(Qt.AlignmentFlag.AlignLeft), value)
        p.setBrush(Qt.BrushStyle.NoBrush)
        self.y += h + 6

    def table(self, t: Table, *, max_rows: int = MAX_PDF_ROWS, level: int = 1,
              max_lines: int = 3) -> None:
        """A table under its heading; long text wraps (``max_lines`` at most), never runs over.

        Numbers, dates and references are never broken; when the columns
        cannot fit at 8 points the table is set smaller (down to 6).
        """
        rows = t.rows[:max_rows]
        if not rows:
            self.ensure(40)
            self._title(t.title, level)
            self.text("Nothing in this period.", 8, color=_MUTED)
            return
        numeric = [all(isinstance(r[i], int | float) or r[i] is None for r in rows)
                   for i in range(len(t.headers))]
        texts = [[cell_text(c) for c in row] for row in rows]
        pad = 4.0
        weights = [2.5 if h in t.wide else 1.0 for h in t.headers]
        for size in (8, 7, 6):
            font, bold = _font(size), _font(size, bold=True)
            fm, fmb = QFontMetricsF(font), QFontMetricsF(bold)
            # headers wrap onto two lines, so their longest word sets the minimum
            mins = [max(fmb.horizontalAdvance(word) for word in (h.split() or [""])) + 2 * pad
                    for h in t.headers]
            natural = list(mins)
            words = list(mins)
            for row in texts:
                for i, c in enumerate(row):
                    natural[i] = max(natural[i], fm.horizontalAdvance(c) + 2 * pad)
                    if not numeric[i]:
                        longest = max((fm.horizontalAdvance(w) for w in c.split()), default=0)
                        words[i] = max(words[i], min(longest, 110.0) + 2 * pad)
            natural = [min(w, 220.0) for w in natural]
            floors = [w if numeric[i] else min(w, max(words[i], 45.0))
                      for i, w in enumerate(natural)]
            fitted = _fit(natural, floors, self.width, weights)
            if fitted is not None:
                break
        if fitted is None:  # even 6 points do not fit: squeeze everything alike
            fitted = [w * self.width / sum(natural) for w in natural]
        widths = fitted
        line_h = fm.lineSpacing()
        head_h = max(
            fmb.boundingRect(QRectF(0, 0, w - 2 * pad, 100), int(Qt.TextFlag.TextWordWrap),
                             h).height()
            for h, w in zip(t.headers, widths, strict=True)
        ) + 4
        cells = [[c if numeric[i] else _wrapped(c, fm, widths[i] - 2 * pad, max_lines)
                  for i, c in enumerate(row)] for row in texts]
        heights = [max(c.count("\n") + 1 for c in row) * line_h + 6 for row in cells]
        whole = head_h + sum(heights) + 30
        # a short table stays in one piece; a long one starts with a few rows at least
        self.ensure(whole if whole < self.height * 0.4 else head_h + sum(heights[:3]) + 30)
        self._title(t.title, level)
        self._row(t.headers, widths, head_h, bold, numeric, header=True)
        for k, (row, row_h) in enumerate(zip(cells, heights, strict=True)):
            if self.y + row_h > self.height:
                self.new_page()
                self._row(t.headers, widths, head_h, bold, numeric, header=True)
            total = row[0].startswith(("Total", "Subtotal"))
            self._row(row, widths, row_h, bold if total else font, numeric, zebra=k % 2 == 1)
        more = len(t.rows) - len(rows)
        note = t.note
        if more > 0:
            note = (f"{more} more rows in the CSV and HTML exports. " + note).strip()
        self.y += 3
        if note:
            self.text(note, 7, color=_MUTED)

    def _title(self, title: str, level: int) -> None:
        if level == 1:
            self.heading(title)
        else:
            self.subheading(title)

    def _row(self, cells: Sequence[str], widths: Sequence[float], h: float, font: QFont,
             numeric: Sequence[bool], *, header: bool = False, zebra: bool = False) -> None:
        p = self.painter
        x = 0.0
        total = sum(widths)
        if header or zebra:
            p.fillRect(QRectF(0, self.y, total, h), _HEAD_BG if header else _ZEBRA)
        p.setFont(font)
        p.setPen(_INK)
        for i, (text, w) in enumerate(zip(cells, widths, strict=True)):
            align = (Qt.AlignmentFlag.AlignRight if numeric[i] and not (header and i == 0)
                     else Qt.AlignmentFlag.AlignLeft)
            valign = Qt.AlignmentFlag.AlignVCenter if header else Qt.AlignmentFlag.AlignTop
            flags = int(align | valign) | (int(Qt.TextFlag.TextWordWrap) if header else 0)
            p.drawText(QRectF(x + 4, self.y + (0 if header else 3), w - 8, h), flags, text)
            x += w
        p.setPen(QPen(_RULE, 0.5))
        p.drawLine(QPointF(0, self.y + h), QPointF(total, self.y + h))
        self.y += h

    def chart(self, chart: QChart, h: float, w: float | None = None, x: float = 0.0,
              *, advance: bool = True) -> None:
        w = w or self.width
        self.ensure(h)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.resize(QSizeF(w, h))
        scene = QGraphicsScene()
        scene.addItem(chart)
        scene.setSceneRect(QRectF(0, 0, w, h))
        scene.render(self.painter, QRectF(x, self.y, w, h), QRectF(0, 0, w, h))
        scene.removeItem(chart)
        if advance:
            self.y += h + 6

    def heatmap(self, grid: Sequence[Sequence[int]], caption: str) -> None:
        label_w, top_h = 26.0, 12.0
        cell_w = (self.width - label_w) / 24
        cell_h = 14.0
        self.ensure(40 + top_h + 7 * cell_h + 16)  # the heading stays with the map
        self.heading(caption)
        p = self.painter
        top = max((v for row in grid for v in row), default=0)
        p.setFont(_font(6))
        p.setPen(_MUTED)
        for hour in range(24):
            p.drawText(QRectF(label_w + hour * cell_w, self.y, cell_w, top_h),
                       int(Qt.AlignmentFlag.AlignCenter), f"{hour:02d}")
        y0 = self.y + top_h
        for d in range(7):
            p.setFont(_font(7))
            p.setPen(_INK)
            p.drawText(QRectF(0, y0 + d * cell_h, label_w, cell_h),
                       int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                       WEEKDAYS[d])
            for hour in range(24):
                v = grid[d][hour]
                f = v / top if top else 0.0
                colour = QColor(int(255 - f * 222), int(255 - f * 153), int(255 - f * 83))
                r = QRectF(label_w + hour * cell_w, y0 + d * cell_h, cell_w, cell_h)
                p.fillRect(r, colour)
                p.setPen(QPen(QColor("#ffffff"), 0.8))
                p.drawRect(r)
                if v:
                    p.setFont(_font(6))
                    p.setPen(QColor("#ffffff") if f > 0.55 else _INK)
                    p.drawText(r, int(Qt.AlignmentFlag.AlignCenter), str(v))
        self.y = y0 + 7 * cell_h + 4
        self.text(f"Darker is busier; busiest hour: {top} customer messages.", 7, color=_MUTED)


def _bar_chart(title: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]],
               y_title: str, colours: Sequence[str]) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setTitleFont(_font(9, bold=True))
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMarginsF(2, 2, 2, 2).toMargins())
    bars = QBarSeries()
    for (name, values), colour in zip(series, colours, strict=False):
        s = QBarSet(name)
        s.append([float(v) for v in values])
        s.setColor(QColor(colour))
        s.setBorderColor(QColor(colour))
        bars.append(s)
    bars.setLabelsVisible(True)
    bars.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    bars.setLabelsPrecision(3)
    chart.addSeries(bars)
    x = QBarCategoryAxis()
    x.append(list(categories))
    x.setLabelsFont(_font(7))
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(x)
    y = QValueAxis()
    top = max((float(v) for _, vals in series for v in vals), default=0.0)
    y.setRange(0, max(1.0, top * 1.2))
    y.setLabelFormat("%.0f" if top >= 5 else "%.1f")
    y.setTitleText(y_title)
    y.setTitleFont(_font(7))
    y.setLabelsFont(_font(7))
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(y)
    legend = chart.legend()
    legend.setFont(_font(7))
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    for s in bars.barSets():
        s.setLabelFont(_font(6))
    return chart


def _h(v: float | None) -> str:
    return "–" if v is None else f"{v:.1f} h"


def weekly_pdf(w: WeeklySummary, path: Path, *, page: str = "a4") -> Path:
    """Write the weekly summary as a PDF; returns ``path``."""
    ensure_app()
    title = f"Weekly support summary {w.period.label}"
    doc = _Doc(path, title, page)
    doc.text(title, 18, bold=True, gap=2)
    team = f"{w.team_name} · " if w.team_name else ""
    doc.text(f"{team}{w.period.first_day:%a %d %b %Y} – {w.period.last_day:%a %d %b %Y} "
             f"({w.period.tz.key}) · made {w.generated_at.astimezone(w.period.tz):%Y-%m-%d %H:%M}",
             9, color=_MUTED, gap=10)
    sla = "–" if w.sla.percent is None else f"{w.sla.percent:.0f} %"
    doc.kpis([("Opened", str(w.opened)), ("Solved", str(w.solved)),
              ("Reopened", str(w.reopened)),
              ("Backlog start→end", f"{w.backlog_start} → {w.backlog_end}"),
              ("First reply, median", _h(w.first_response.median_hours)),
              ("SLA met", sla)])
    trend_labels = [p.label.split("-", 1)[-1] if len(p.label) == 8 else p.label[5:10]
                    for p in w.trend]
    half = (doc.width - 8) / 2
    doc.chart(_bar_chart("Opened and solved, last five weeks", trend_labels,
                         [("Opened", [p.opened for p in w.trend]),
                          ("Solved", [p.solved for p in w.trend])],
                         "conversations", ["#3b6ea5", "#7fb069"]),
              190, half, advance=False)
    chans = [b for b in w.by_channel if b.key in ("email", "chat", "phone")]
    doc.chart(_bar_chart("Median hours by channel", [b.label for b in chans],
                         [("First response", [b.first_response.median_hours or 0 for b in chans]),
                          ("Resolution", [b.resolution.median_hours or 0 for b in chans])],
                         "hours", ["#e07a5f", "#3d405b"]),
              190, half, x=half + 8)
    tables = {t.name: t for t in weekly_tables(w)}
    doc.table(tables["overview"])
    doc.table(tables["by_channel"])
    doc.table(tables["sla_by_channel"])
    doc.table(tables["trend"])
    doc.heatmap(w.heatmap, tables["heatmap"].title)
    doc.table(tables["oldest_waiting"])
    doc.table(tables["by_agent"])
    doc.table(tables["by_customer"])
    doc.table(tables["top_articles"])
    doc.table(tables["questions_without_article"])
    doc.finish()
    return path


def billing_pdf(b: BillingReport, path: Path, *, page: str = "a4",
                customer_id: str | None = None) -> Path:
    """Write the billing report as a PDF; returns ``path``.

    Without ``customer_id``: the owner's report (time by customer, contracts)
    followed by every customer's statement, each on its own pages. With it:
    only that customer's statement, to send to the client.

    Raises:
        ReportError: no time was logged for that customer in the period.
    """
    statements = b.statements()
    if customer_id is not None:
        statements = [s for s in statements if s.customer_id == customer_id]
        if not statements:
            raise ReportError("No time was logged for that customer in this period, "
                              "so there is no statement to make.")
    ensure_app()
    span = f"{b.period.first_day:%d %b %Y} – {b.period.last_day:%d %b %Y}"
    title = ("Support time and billing statement" if customer_id is None
             else f"Support statement for {statements[0].customer}")
    doc = _Doc(path, f"{title} · {span}", page)
    if customer_id is None:
        _billing_overview(doc, b, span)
    for i, st in enumerate(statements):
        if i or customer_id is None:
            doc.new_page()
        doc.text(f"Statement for {st.customer}", 16, bold=True, gap=2)
        who = " · ".join(x for x in (st.organization, b.team_name and f"from {b.team_name}")
                         if x)
        doc.text(f"{who + ' · ' if who else ''}{span} ({b.period.tz.key})", 9, color=_MUTED,
                 gap=8)
        doc.kpis(statement_summary(st))
        for t in statement_tables(st, b):
            doc.table(t, max_rows=1000, level=2, max_lines=8)
    doc.finish()
    return path


def _billing_overview(doc: _Doc, b: BillingReport, span: str) -> None:
    doc.text("Support time and billing statement", 18, bold=True, gap=2)
    team = f"{b.team_name} · " if b.team_name else ""
    doc.text(f"{team}{span} ({b.period.tz.key})", 9, color=_MUTED, gap=10)
    doc.kpis([("Billable", f"{b.total_billable} min"),
              ("Non-billable", f"{b.total_non_billable} min"),
              ("Vendor support", f"{b.total_vendor} min"),
              ("Customers", str(len(b.customers)))])
    top = sorted(b.customers, key=lambda c: -(c.billable_minutes + c.non_billable_minutes
                                              + c.vendor_minutes))[:8]
    if top:
        doc.chart(_bar_chart("Minutes by customer (largest eight)", [c.customer for c in top],
                             [("Billable", [c.billable_minutes for c in top]),
                              ("Non-billable", [c.non_billable_minutes for c in top]),
                              ("Vendor support", [c.vendor_minutes for c in top])],
                             "minutes", ["#3b6ea5", "#9aa5b1", "#e07a5f"]), 200)
    for t in billing_tables(b):
        doc.table(t, max_rows=500)
    doc.text("Each customer's statement follows on its own pages.", 8, color=_MUTED)
