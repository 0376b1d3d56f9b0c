"""On-screen pieces of the Reports window: KPI tiles, bar charts and the busy-hours heatmap.

Charts are QtCharts views coloured for the light or dark theme; they draw the
numbers of the report dataclasses and compute nothing themselves.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QSizePolicy, QVBoxLayout, QWidget

from supportdesk.reports.metrics import WEEKDAYS
from supportdesk.ui import theme
from supportdesk.ui.i18n import _n
from supportdesk.ui.plain import PlainLabel

#: Bar colours that read on light and dark backgrounds.
SERIES_COLOURS = ("#3b82c4", "#5bab6a", "#e0884f", "#9a7fd1")


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def colours(dark: bool) -> dict[str, str]:
    """The theme's colours (see :mod:`supportdesk.ui.theme`)."""
    return theme.DARK if dark else theme.LIGHT


class KpiTile(QFrame):
    """One headline number: a caption, the value, and a line of detail."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTile")
        self.caption = PlainLabel(caption)
        self.caption.setObjectName("kpiCaption")
        self.value = PlainLabel("–")
        self.value.setObjectName("kpiValue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = PlainLabel("")
        self.detail.setObjectName("kpiDetail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(150)

    def show_value(self, value: str, detail: str = "") -> None:
        """Show a value and its detail line."""
        self.value.setText(value)
        self.detail.setText(detail)


def _font(px: int, *, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(px)
    f.setBold(bold)
    return f


class BarChart(QChartView):
    """A grouped bar chart: categories along the bottom, one bar per series."""

    def __init__(self, title: str, y_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(250)
        self.title = title
        self.y_title = y_title
        self.dark = False
        self.categories: list[str] = []
        self.series: list[tuple[str, list[float]]] = []
        self.setChart(QChart())

    def sizeHint(self) -> QSize:
        """Room for a title, bars and a legend."""
        return QSize(420, 270)

    def show_data(self, categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]],
                  *, dark: bool, decimals: int = 0) -> None:
        """Replace the chart with these bars."""
        self.dark = dark
        self.categories = list(categories)
        self.series = [(name, [round(float(v), decimals) for v in values])
                       for name, values in series]
        c = colours(dark)
        chart = QChart()
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark
                       else QChart.ChartTheme.ChartThemeLight)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundBrush(QColor(c["base"]))
        chart.setBackgroundRoundness(6)
        chart.setMargins(QMargins(6, 6, 6, 6))
        chart.setTitle(self.title)
        chart.setTitleFont(_font(13, bold=True))
        chart.setTitleBrush(QColor(c["text"]))
        bars = QBarSeries()
        for (name, values), colour in zip(self.series, SERIES_COLOURS, strict=False):
            bar_set = QBarSet(name)
            bar_set.append(values)
            bar_set.setColor(QColor(colour))
            bar_set.setBorderColor(QColor(colour))
            bar_set.setLabelColor(QColor(c["text"]))
            bar_set.setLabelFont(_font(10))
            bars.append(bar_set)
        bars.setLabelsVisible(True)
        bars.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        bars.setLabelsFormat("@value")
        bars.setLabelsPrecision(6)
        chart.addSeries(bars)
        x = QBarCategoryAxis()
        x.append(self.categories or [""])
        x.setLabelsFont(_font(11))
        x.setLabelsColor(QColor(c["text"]))
        x.setGridLineVisible(False)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(x)
        y = QValueAxis()
        top = max((v for _, values in self.series for v in values), default=0.0)
        y.setRange(0, max(1.0, top * 1.25))
        y.setTickCount(5)
        y.applyNiceNumbers()
        y.setLabelFormat("%.0f" if y.max() >= 8 or not decimals else "%.1f")
        y.setTitleText(self.y_title)
        y.setTitleFont(_font(10))
        y.setTitleBrush(QColor(c["muted"]))
        y.setLabelsFont(_font(10))
        y.setLabelsColor(QColor(c["muted"]))
        y.setGridLineColor(QColor(c["border"]))
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(y)
        legend = chart.legend()
        legend.setFont(_font(11))
        legend.setLabelColor(QColor(c["text"]))
        legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
        old = self.chart()
        self.setChart(chart)
        self.setBackgroundBrush(QColor(c["window"]))
        if old is not None:
            old.deleteLater()


class Heatmap(QWidget):
    """Customer messages by weekday (rows) and hour (columns); darker is busier."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid: list[list[int]] = [[0] * 24 for _ in range(7)]
        self.dark = False
        self.zone = ""
        self.setMinimumSize(520, 230)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        """Wide enough for 24 readable columns."""
        return QSize(760, 250)

    def show_grid(self, grid: Sequence[Sequence[int]], zone: str, *, dark: bool) -> None:
        """Show ``grid[weekday][hour]``."""
        self.grid = [list(row) for row in grid]
        self.zone = zone
        self.dark = dark
        self.setToolTip(_t("Customer messages by weekday and hour ({0})").format(zone))
        self.update()

    @property
    def busiest(self) -> tuple[int, int, int]:
        """(weekday, hour, messages) of the busiest hour."""
        best = (0, 0, 0)
        for d, row in enumerate(self.grid):
            for h, v in enumerate(row):
                if v > best[2]:
                    best = (d, h, v)
        return best

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the grid with hour labels on top and weekdays on the left."""
        c = colours(self.dark)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        p.fillRect(rect, QColor(c["base"]))
        title_h, top_h, left_w, foot_h = 24.0, 18.0, 42.0, 22.0
        p.setFont(_font(13, bold=True))
        p.setPen(QColor(c["text"]))
        p.drawText(QRectF(10, 4, rect.width() - 20, title_h),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                   _t("Busiest hours ({0})").format(self.zone) if self.zone
                   else _t("Busiest hours"))
        area = QRectF(10 + left_w, 4 + title_h + top_h, rect.width() - 20 - left_w,
                      rect.height() - 8 - title_h - top_h - foot_h)
        cw, ch = area.width() / 24, area.height() / 7
        top = max((v for row in self.grid for v in row), default=0)
        base = QColor(c["base"])
        strong = QColor("#2f6db3" if not self.dark else "#5fa0ea")
        p.setFont(_font(10))
        p.setPen(QColor(c["muted"]))
        for hour in range(0, 24, 1 if cw >= 26 else 2):
            p.drawText(QRectF(area.left() + hour * cw, area.top() - top_h, cw, top_h),
                       int(Qt.AlignmentFlag.AlignCenter), f"{hour:02d}")
        for d in range(7):
            p.setFont(_font(11))
            p.setPen(QColor(c["text"]))
            p.drawText(QRectF(10, area.top() + d * ch, left_w - 4, ch),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                       _t(WEEKDAYS[d]))
            for hour in range(24):
                v = self.grid[d][hour]
                f = v / top if top else 0.0
                colour = QColor(
                    round(base.red() + (strong.red() - base.red()) * f),
                    round(base.green() + (strong.green() - base.green()) * f),
                    round(base.blue() + (strong.blue() - base.blue()) * f),
                )
                cell = QRectF(area.left() + hour * cw, area.top() + d * ch, cw, ch)
                p.fillRect(cell.adjusted(1, 1, -1, -1), colour)
                if v and cw >= 18:
                    p.setFont(_font(9))
                    light_text = f > 0.55 or self.dark
                    p.setPen(QColor("#ffffff") if light_text else QColor(c["text"]))
                    p.drawText(cell, int(Qt.AlignmentFlag.AlignCenter), str(v))
        p.setPen(QPen(QColor(c["border"]), 1))
        p.drawRect(area)
        d, h, v = self.busiest
        p.setFont(_font(10))
        p.setPen(QColor(c["muted"]))
        note = (_n("Darker is busier. Busiest: {0} {1:02d}:00, %n customer messages.", "", v)
                .format(_t(WEEKDAYS[d]), h) if v
                else _t("No customer messages in this period."))
        p.drawText(QRectF(10 + left_w, area.bottom() + 4, area.width(), foot_h - 4),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), note)
        p.end()
