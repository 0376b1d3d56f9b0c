"""The Reports window: pick a week or dates, see the summary and billing, export them.

Numbers are computed on the report worker (its own store session) and shown
from the dataclasses of :mod:`supportdesk.reports.metrics`. CSV and HTML
exports run on the same worker; PDF is drawn on the GUI thread, because its
charts are QtCharts items, which are not safe to paint from another thread.
All exports write through :mod:`supportdesk.ui.reports.export`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from supportdesk.config import TEAM_TIMEZONE, Setting, Settings
from supportdesk.reports import metrics
from supportdesk.reports.i18n import report_language
from supportdesk.reports.metrics import BillingReport, WeeklySummary
from supportdesk.reports.tables import Table, billing_tables, weekly_tables
from supportdesk.services.report_schedule import last_complete_week, monday_of, week_label
from supportdesk.services.workflow.team import WorkflowError, fallback_zone, load_team
from supportdesk.store import Store
from supportdesk.ui.i18n import _n
from supportdesk.ui.layout import fit_to_screen
from supportdesk.ui.plain import PlainLabel
from supportdesk.ui.reports import export
from supportdesk.ui.reports.charts import BarChart, Heatmap, KpiTile, colours
from supportdesk.ui.reports.tables import ROLE_ID, ReportTableModel, table_view
from supportdesk.ui.reports.worker import ReportWorker

#: The folder the last export went to (this computer only).
EXPORT_FOLDER = Setting("report_export_folder", str, "", "folder of the last report export")
#: Weeks offered in the week list.
WEEKS_LISTED = 156
RANGE_DELAY_MS = 400


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def hours_text(v: float | None) -> str:
    """Business hours as shown on a tile: minutes under an hour, hours above."""
    if v is None:
        return "–"
    if v < 1:
        return _t("{0} min").format(round(v * 60))
    return _t("{0} h").format(QLocale().toString(v, "f", 1))  # 5,1 ч in Russian


def minutes_text(minutes: int) -> str:
    """Minutes as hours and minutes, e.g. 2 h 05 min."""
    h, m = divmod(int(minutes), 60)
    return _t("{0} h {1:02d} min").format(h, m) if h else _t("{0} min").format(m)


def team_zone(store: Store, settings: Settings) -> ZoneInfo:
    """The zone the team's weeks are counted in."""
    try:
        fallback = fallback_zone(settings.get(TEAM_TIMEZONE))
    except WorkflowError:
        fallback = None
    with store.read() as session:
        return load_team(session, fallback).tz


@dataclass(frozen=True)
class Request:
    """What to compute: an ISO week label, or a range of local days."""

    week: str | None = None
    first: date | None = None
    last: date | None = None

    def when(self) -> str | tuple[date, date]:
        """The argument for :func:`metrics.weekly_summary`."""
        if self.week is not None:
            return self.week
        assert self.first is not None and self.last is not None
        return (self.first, self.last)


def compute(store: Store, request: Request, tz: ZoneInfo, now: datetime
            ) -> tuple[WeeklySummary, BillingReport]:
    """The summary and billing of a request (runs on the worker)."""
    with store.read() as session:
        summary = metrics.weekly_summary(session, request.when(), tz, now=now)
        p = summary.period
        bill = metrics.billing(session, p.first_day, p.last_day, tz, now=now)
    return summary, bill


class _MessageBar(QFrame):
    """A line above the report: what was written (with Open folder), or what went wrong."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = PlainLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(_t("Open folder"))
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(_t("Hide this message"))
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.close_button)
        self.folder: Path | None = None
        self.open_button.clicked.connect(self.open_folder)
        self.hide()

    def show_message(self, text: str, *, error: bool, folder: Path | None = None) -> None:
        self.setProperty("error", error)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        self.folder = folder
        self.open_button.setVisible(folder is not None)
        self.show()

    def open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))


class ReportsWindow(QMainWindow):
    """Owner reports for one profile."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        worker: ReportWorker,
        *,
        open_conversation: Callable[[str], None] | None = None,
        open_schedule: Callable[[], object] | None = None,
        clock: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName("reportsWindow")
        self.setWindowTitle(_t("Reports — SupportDesk"))
        self.store = store
        self.settings = settings
        self.worker = worker
        self.open_conversation = open_conversation
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self.tz = team_zone(store, settings)
        self.summary: WeeklySummary | None = None
        self.billing: BillingReport | None = None
        self.error: str | None = None
        self.last_written: list[Path] = []
        self._serial = 0
        self._computing = False
        self._exporting = False
        self.dark = False

        self._range_timer = QTimer(self, singleShot=True, interval=RANGE_DELAY_MS)
        self._range_timer.timeout.connect(self._picked)
        self._build_top(open_schedule)
        self.message = _MessageBar()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_summary(), _t("Summary"))
        self.tabs.addTab(self._build_billing(), _t("Billing"))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(body)
        close = QAction(self)
        close.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        close.triggered.connect(self.close)
        self.addAction(close)
        fit_to_screen(self, QSize(1280, 900))  # a normal window, within the screen
        self._fill_weeks()
        self._apply_style()
        self.refresh()

    # -- layout ----------------------------------------------------------------------------

    def _build_top(self, open_schedule: Callable[[], object] | None) -> None:
        self.top = QFrame()
        self.top.setObjectName("reportsTop")
        row = QHBoxLayout(self.top)
        row.setContentsMargins(14, 10, 14, 10)
        row.setSpacing(8)
        self.mode = QComboBox()
        self.mode.addItem(_t("ISO week"), "week")
        self.mode.addItem(_t("Date range"), "range")
        self.mode.currentIndexChanged.connect(self._mode_changed)
        row.addWidget(self.mode)

        self.pickers = QStackedWidget()
        week_page = QWidget()
        wrow = QHBoxLayout(week_page)
        wrow.setContentsMargins(0, 0, 0, 0)
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(_t("Previous week (Alt+Left)"))
        self.prev_button.setShortcut(QKeySequence("Alt+Left"))
        self.prev_button.clicked.connect(lambda: self.step_week(-1))
        self.week_combo = QComboBox()
        self.week_combo.setMinimumWidth(260)
        self.week_combo.setMaxVisibleItems(20)
        self.week_combo.currentIndexChanged.connect(lambda _i: self._picked())
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(_t("Next week (Alt+Right)"))
        self.next_button.setShortcut(QKeySequence("Alt+Right"))
        self.next_button.clicked.connect(lambda: self.step_week(1))
        for w in (self.prev_button, self.week_combo, self.next_button):
            wrow.addWidget(w)
        self.pickers.addWidget(week_page)

        range_page = QWidget()
        rrow = QHBoxLayout(range_page)
        rrow.setContentsMargins(0, 0, 0, 0)
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _d: self._range_timer.start())
        rrow.addWidget(PlainLabel(_t("From")))
        rrow.addWidget(self.from_edit)
        rrow.addWidget(PlainLabel(_t("to")))
        rrow.addWidget(self.to_edit)
        self.pickers.addWidget(range_page)
        row.addWidget(self.pickers)
        row.addStretch(1)

        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedWidth(110)
        self.busy_bar.setTextVisible(False)
        self.busy_label = PlainLabel()
        self.busy_label.setObjectName("muted")
        row.addWidget(self.busy_label)
        row.addWidget(self.busy_bar)
        self.busy_bar.hide()

        self.export_button = QToolButton()
        self.export_button.setText(_t("Export"))
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        for text, fmt, page, bom in (
            (_t("PDF, A4 pages…"), "pdf", "a4", False),
            (_t("PDF, Letter pages…"), "pdf", "letter", False),
            (_t("CSV files…"), "csv", "a4", False),
            (_t("CSV files for Excel (UTF-8 with BOM)…"), "csv", "a4", True),
            (_t("HTML page…"), "html", "a4", False),
        ):  # fmt: skip
            act = menu.addAction(text)
            act.triggered.connect(
                lambda _c=False, f=fmt, p=page, b=bom: self.choose_export(f, page=p, bom=b))
        self.export_button.setMenu(menu)
        row.addWidget(self.export_button)
        self.schedule_button = QPushButton(_t("Schedule…"))
        self.schedule_button.setToolTip(_t("Write last week's summary to a folder every week"))
        if open_schedule is not None:
            self.schedule_button.clicked.connect(open_schedule)
        else:
            self.schedule_button.hide()
        row.addWidget(self.schedule_button)

    @staticmethod
    def _scroll(content: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(content)
        return area

    @staticmethod
    def _section(text: str) -> QLabel:
        label = PlainLabel(text)
        label.setObjectName("reportSection")
        return label

    def _build_summary(self) -> QWidget:
        content = QWidget()
        content.setObjectName("reportPage")
        v = QVBoxLayout(content)
        v.setContentsMargins(18, 14, 18, 18)
        v.setSpacing(12)
        self.title = PlainLabel()
        self.title.setObjectName("reportTitle")
        self.subtitle = PlainLabel()
        self.subtitle.setObjectName("muted")
        v.addWidget(self.title)
        v.addWidget(self.subtitle)
        self.tiles: dict[str, KpiTile] = {}
        grid = QGridLayout()
        grid.setSpacing(10)
        for i, (key, caption) in enumerate((
            ("opened", _t("Opened")), ("solved", _t("Solved")), ("reopened", _t("Reopened")),
            ("backlog", _t("Backlog start → end")), ("sla", _t("SLA first response met")),
            ("first_response", _t("First response (median)")),
            ("resolution", _t("Resolution (median)")), ("escalations", _t("Escalations")),
            ("oncall", _t("On-call pages")), ("acks", _t("Auto-ack ETAs met")),
        )):  # fmt: skip
            tile = KpiTile(caption)
            self.tiles[key] = tile
            grid.addWidget(tile, i // 5, i % 5)
        v.addLayout(grid)
        charts = QHBoxLayout()
        charts.setSpacing(10)
        self.trend_chart = BarChart(_t("This week against the previous four"),
                                    _t("conversations"))
        self.channel_chart = BarChart(_t("Median business hours by channel"), _t("hours"))
        charts.addWidget(self.trend_chart, 1)
        charts.addWidget(self.channel_chart, 1)
        v.addLayout(charts)
        self.heatmap = Heatmap()
        v.addWidget(self.heatmap)
        v.addWidget(self._section(_t("Details")))
        self.detail_tabs = QTabWidget()
        self.detail_tabs.setMinimumHeight(330)
        self.models: dict[str, ReportTableModel] = {}
        for name, caption in (
            ("oldest_waiting", _t("Still waiting")), ("by_channel", _t("By channel")),
            ("by_agent", _t("By agent")), ("by_customer", _t("By customer")),
            ("sla_by_channel", _t("SLA by channel")), ("trend", _t("Previous weeks")),
        ):  # fmt: skip
            model = ReportTableModel(self)
            view = table_view(model)
            view.setObjectName(f"table_{name}")
            self.models[name] = model
            self.detail_tabs.addTab(view, caption)
            if name == "oldest_waiting":
                view.setToolTip(_t("Double-click a conversation to open it in the main window"))
                view.doubleClicked.connect(self._open_waiting)
                self.waiting_view = view
        v.addWidget(self.detail_tabs)
        self.notes = PlainLabel()
        self.notes.setObjectName("muted")
        self.notes.setWordWrap(True)
        v.addWidget(self.notes)
        v.addStretch(1)
        return self._scroll(content)

    def _build_billing(self) -> QWidget:
        content = QWidget()
        content.setObjectName("reportPage")
        v = QVBoxLayout(content)
        v.setContentsMargins(18, 14, 18, 18)
        v.setSpacing(12)
        self.billing_title = PlainLabel()
        self.billing_title.setObjectName("reportTitle")
        v.addWidget(self.billing_title)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.billing_tiles: dict[str, KpiTile] = {}
        for i, (key, caption) in enumerate((
            ("billable", _t("Billable work")), ("non_billable", _t("Not billable")),
            ("vendor", _t("Vendor support (apart)")), ("incidents", _t("Incidents used")),
            ("expired", _t("Expired unused")),
        )):  # fmt: skip
            tile = KpiTile(caption)
            self.billing_tiles[key] = tile
            grid.addWidget(tile, 0, i)
        v.addLayout(grid)
        self.customer_chart = BarChart(_t("Time by customer (top 8)"), _t("hours"))
        self.customer_chart.setMinimumHeight(300)
        v.addWidget(self.customer_chart)
        self.no_time = PlainLabel(_t("No time was logged in this period."))
        self.no_time.setObjectName("muted")
        v.addWidget(self.no_time)
        self.billing_models: dict[str, ReportTableModel] = {}
        for name, caption in (("time_by_customer", _t("Time by customer")),
                              ("contracts", _t("Contracts and balances"))):
            v.addWidget(self._section(caption))
            model = ReportTableModel(self)
            view = table_view(model)
            view.setObjectName(f"table_{name}")
            view.setMinimumHeight(240)
            self.billing_models[name] = model
            v.addWidget(view)
        self.billing_notes = PlainLabel()
        self.billing_notes.setObjectName("muted")
        self.billing_notes.setWordWrap(True)
        v.addWidget(self.billing_notes)
        v.addStretch(1)
        return self._scroll(content)

    def _apply_style(self) -> None:
        self.dark = self.palette().window().color().lightness() < 128
        c = colours(self.dark)
        self.setStyleSheet(f"""
            QFrame#reportsTop {{ background: {c["alt"]};
                border-bottom: 1px solid {c["border"]}; }}
            QWidget#reportPage {{ background: {c["window"]}; }}
            QFrame#kpiTile {{ background: {c["base"]}; border: 1px solid {c["border"]};
                border-radius: 8px; }}
            QLabel#kpiCaption {{ color: {c["muted"]}; font-size: 9pt; }}
            QLabel#kpiValue {{ font-size: 19pt; font-weight: 600; }}
            QLabel#kpiDetail {{ color: {c["muted"]}; font-size: 9pt; }}
            QLabel#reportTitle {{ font-size: 16pt; font-weight: 600; }}
            QLabel#reportSection {{ font-size: 11pt; font-weight: 600; margin-top: 6px; }}
            QFrame#messageBar {{ background: {c["chip"]}; border-bottom: 1px solid {c["border"]}; }}
            QFrame#messageBar[error="true"] {{ background: {"#4a2323" if self.dark else "#fbe4e1"};
                color: {c["error"]}; }}
        """)

    def changeEvent(self, event: QEvent) -> None:
        """Follow the app's light or dark theme."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            was = self.dark
            self._apply_style()
            if was != self.dark:
                self._render()

    # -- picking a period ---------------------------------------------------------------

    def _fill_weeks(self) -> None:
        now = self.clock()
        current = monday_of(now.astimezone(self.tz).date())
        last = last_complete_week(now, self.tz)
        self.week_combo.blockSignals(True)
        self.week_combo.clear()
        for back in range(-1, WEEKS_LISTED):
            monday = last - timedelta(days=7 * back)
            sunday = monday + timedelta(days=6)
            text = f"{week_label(monday)}  ·  {monday:%d %b} – {sunday:%d %b %Y}"
            if monday == current:
                text += "  " + _t("(so far)")
            self.week_combo.addItem(text, week_label(monday))
        self.week_combo.setCurrentIndex(self.week_combo.findData(week_label(last)))
        self.week_combo.blockSignals(False)
        self.from_edit.setDate(QDate(last.year, last.month, last.day))
        sunday = last + timedelta(days=6)
        self.to_edit.setDate(QDate(sunday.year, sunday.month, sunday.day))
        self._range_timer.stop()

    def _mode_changed(self) -> None:
        self.pickers.setCurrentIndex(self.mode.currentIndex())
        self._picked()

    def step_week(self, step: int) -> None:
        """Show the week ``step`` weeks later (negative: earlier)."""
        if self.mode.currentData() != "week":
            self.mode.setCurrentIndex(0)
        index = self.week_combo.currentIndex() - step  # the list runs newest first
        if 0 <= index < self.week_combo.count():
            self.week_combo.setCurrentIndex(index)

    def select_week(self, label: str) -> None:
        """Show the ISO week ``label`` (e.g. 2026-W46)."""
        self.mode.setCurrentIndex(0)
        index = self.week_combo.findData(label)
        if index < 0:
            raise ValueError(f"{label} is not in the list of weeks")
        self.week_combo.setCurrentIndex(index)

    def select_range(self, first: date, last: date) -> None:
        """Show the local days ``first`` to ``last``."""
        for edit, day in ((self.from_edit, first), (self.to_edit, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        if self.mode.currentIndex() != 1:
            self.mode.setCurrentIndex(1)  # recomputes
        else:
            self.refresh()

    def request(self) -> Request:
        """What the pickers ask for."""
        if self.mode.currentData() == "week":
            return Request(week=str(self.week_combo.currentData()))
        first = self.from_edit.date().toPython()
        last = self.to_edit.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return Request(first=first, last=last)

    def _picked(self) -> None:
        index = self.week_combo.currentIndex()
        self.prev_button.setEnabled(index < self.week_combo.count() - 1)
        self.next_button.setEnabled(index > 0)
        self.refresh()

    # -- computing -------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Whether a computation or export is under way."""
        return self._computing or self._exporting

    def refresh(self) -> None:
        """Compute the report for the picked period in the background."""
        self._range_timer.stop()
        self._serial += 1
        serial = self._serial
        request = self.request()
        tz, now, store = self.tz, self.clock(), self.store
        self._computing = True
        self._show_busy()
        self.worker.submit(lambda: compute(store, request, tz, now),
                           lambda result: self._computed(serial, result),
                           lambda exc: self._failed(serial, exc))

    def _show_busy(self) -> None:
        busy = self.busy
        self.busy_bar.setVisible(busy)
        self.busy_label.setText(_t("Writing…") if self._exporting
                                else _t("Computing…") if busy else "")
        self.export_button.setEnabled(not self._exporting and self.summary is not None)

    def _computed(self, serial: int, result: tuple[WeeklySummary, BillingReport]) -> None:
        if serial != self._serial:
            return
        self._computing = False
        self.error = None
        self.summary, self.billing = result
        self._show_busy()
        self._render()

    def _failed(self, serial: int, exc: BaseException) -> None:
        if serial != self._serial:
            return
        self._computing = False
        self._show_busy()
        if isinstance(exc, metrics.ReportError):
            self.error = str(exc)
        else:
            self.error = _t("The report could not be computed: {0}").format(exc)
        self.message.show_message(self.error, error=True)

    # -- showing ---------------------------------------------------------------------------

    def _render(self) -> None:
        w, b = self.summary, self.billing
        if w is None or b is None:
            return
        if self.message.property("error") and self.error is None:
            self.message.hide()
        p = w.period
        is_week = p.label.count("-W") == 1
        self.title.setText(_t("Week {0}").format(p.label) if is_week
                           else _t("{0} to {1}").format(p.first_day, p.last_day))
        team = f"{w.team_name} · " if w.team_name else ""
        self.subtitle.setText(
            f"{team}{p.first_day:%a %d %b %Y} – {p.last_day:%a %d %b %Y} ({p.tz.key}) · "
            + _t("times in business hours"))
        t = self.tiles
        t["opened"].show_value(str(w.opened), _t("new conversations"))
        t["solved"].show_value(str(w.solved), _n("%n resolutions timed", "", w.resolution.count))
        t["reopened"].show_value(str(w.reopened), _t("solved, then opened again"))
        t["backlog"].show_value(f"{w.backlog_start} → {w.backlog_end}",
                                _t("open or pending"))
        t["sla"].show_value("–" if w.sla.percent is None else f"{w.sla.percent:.0f} %",
                            _t("{0} of {1} on time").format(w.sla.met, w.sla.measured))
        t["first_response"].show_value(
            hours_text(w.first_response.median_hours),
            _n("p90 {0} · %n replies", "", w.first_response.count).format(
                hours_text(w.first_response.p90_hours)))
        t["resolution"].show_value(
            hours_text(w.resolution.median_hours),
            _n("p90 {0} · %n solved", "", w.resolution.count).format(
                hours_text(w.resolution.p90_hours)))
        t["escalations"].show_value(str(w.escalations), _t("raised in this period"))
        t["oncall"].show_value(str(w.oncall_pages), _t("urgent, out of hours"))
        if w.acks is None:
            t["acks"].show_value("–", _t("no acknowledgements sent"))
        else:
            t["acks"].show_value(
                f"{w.acks.met} / {w.acks.promised}",
                _t("{0} missed · {1} not yet due").format(w.acks.missed, w.acks.pending))
        labels = [pt.label.split("-", 1)[-1] if pt.label.count("-W") == 1 else pt.label[5:10]
                  for pt in w.trend]
        self.trend_chart.show_data(labels, [
            (_t("Opened"), [pt.opened for pt in w.trend]),
            (_t("Solved"), [pt.solved for pt in w.trend]),
            (_t("Reopened"), [pt.reopened for pt in w.trend]),
        ], dark=self.dark)
        chans = [c for c in w.by_channel if c.key in metrics.CHANNELS]
        self.channel_chart.show_data([c.label for c in chans], [
            (_t("First response"), [c.first_response.median_hours or 0.0 for c in chans]),
            (_t("Resolution"), [c.resolution.median_hours or 0.0 for c in chans]),
        ], dark=self.dark, decimals=1)
        self.heatmap.show_grid(w.heatmap, p.tz.key, dark=self.dark)
        tables = {tb.name: tb for tb in weekly_tables(w)}
        for name, model in self.models.items():
            ids = [i.conversation_id for i in w.oldest_waiting] if name == "oldest_waiting" else ()
            model.show_table(tables[name], ids)
        self.notes.setText(" ".join(w.notes))
        self._render_billing(b)

    def _render_billing(self, b: BillingReport) -> None:
        p = b.period
        self.billing_title.setText(_t("Time and billing, {0} to {1}").format(
            p.first_day, p.last_day))
        t = self.billing_tiles
        t["billable"].show_value(minutes_text(b.total_billable),
                                 _n("%n customers", "",
                                    sum(1 for c in b.customers if c.billable_minutes)))
        t["non_billable"].show_value(minutes_text(b.total_non_billable), _t("work not billed"))
        t["vendor"].show_value(minutes_text(b.total_vendor),
                               _t("with suppliers, for customers"))
        t["incidents"].show_value(str(sum(k.incidents_used for k in b.contracts)),
                                  _t("from incident contracts"))
        expired = [k for k in b.contracts if k.expired]
        t["expired"].show_value(str(len(expired)),
                                _t("contracts ended with a balance") if expired
                                else _t("nothing lapsed"))
        top = sorted(b.customers, key=lambda c: -(c.billable_minutes + c.non_billable_minutes
                                                  + c.vendor_minutes))[:8]
        self.customer_chart.show_data([c.customer[:18] for c in top], [
            (_t("Billable"), [round(c.billable_minutes / 60, 1) for c in top]),
            (_t("Not billable"), [round(c.non_billable_minutes / 60, 1) for c in top]),
            (_t("Vendor support"), [round(c.vendor_minutes / 60, 1) for c in top]),
        ], dark=self.dark, decimals=1)
        self.customer_chart.setVisible(bool(top))
        self.no_time.setVisible(not top)
        tables: dict[str, Table] = {tb.name: tb for tb in billing_tables(b)}
        for name, model in self.billing_models.items():
            model.show_table(tables[name])
        self.billing_notes.setText(" ".join(tb.note for tb in tables.values() if tb.note))

    def _open_waiting(self, index: QModelIndex) -> None:
        cid = index.data(ROLE_ID)
        if cid and self.open_conversation is not None:
            self.open_conversation(str(cid))

    # -- exporting -------------------------------------------------------------------------

    def current_report(self) -> WeeklySummary | BillingReport | None:
        """The report of the tab on show."""
        return self.billing if self.tabs.currentIndex() == 1 else self.summary

    def _start_folder(self) -> Path:
        saved = self.settings.get(EXPORT_FOLDER)
        if saved and Path(saved).is_dir():
            return Path(saved)
        return Path.home()

    def choose_export(self, fmt: str, *, page: str = "a4", bom: bool = False) -> None:
        """Ask where to write the report of the tab on show, then write it."""
        report = self.current_report()
        if report is None:
            return
        stem = export.report_stem(report)
        start = self._start_folder()
        if fmt == "csv":
            folder = QFileDialog.getExistingDirectory(
                self, _t("Folder for the CSV files (a folder named {0} is made in it)")
                .format(stem), str(start))
            if not folder:
                return
            target = Path(folder) / stem
        else:
            suffix = ".pdf" if fmt == "pdf" else ".html"
            kind = _t("PDF files (*.pdf)") if fmt == "pdf" else _t("Web pages (*.html)")
            name, _filter = QFileDialog.getSaveFileName(
                self, _t("Export the report"), str(start / f"{stem}{suffix}"), kind)
            if not name:
                return
            target = Path(name)
            if not target.suffix:
                target = target.with_suffix(suffix)
        self.export_to(fmt, target, page=page, bom=bom)

    def export_to(self, fmt: str, target: Path, *, page: str = "a4", bom: bool = False,
                  report: WeeklySummary | BillingReport | None = None) -> None:
        """Write the report (default: the tab on show) in the background."""
        report = report or self.current_report()
        if report is None:
            return
        self._exporting = True
        self._show_busy()
        if fmt == "pdf":
            # QtCharts draws the PDF's charts: only on the GUI thread (it is not thread-safe).
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                files = export.export(report, fmt, target, page=page, bom=bom)
            except export.ExportError as exc:
                self._export_failed(exc)
            else:
                self._exported(fmt, target, files)
            finally:
                QGuiApplication.restoreOverrideCursor()
            return
        with self.store.read() as session:
            language = report_language(session)  # the team's, for the files
        self.worker.submit(lambda: export.export(report, fmt, target, page=page, bom=bom,
                                                 language=language),
                           lambda files: self._exported(fmt, target, files),
                           self._export_failed)

    def _exported(self, fmt: str, target: Path, files: list[Path]) -> None:
        self._exporting = False
        self._show_busy()
        self.last_written = files
        folder = target if fmt == "csv" else target.parent
        self.settings.set(EXPORT_FOLDER, str(folder.parent if fmt == "csv" else folder))
        text = (_n("Wrote %n CSV files to {0}", "", len(files)).format(folder) if fmt == "csv"
                else _t("Wrote {0}").format(target))
        self.message.show_message(text, error=False, folder=folder)
        self.statusBar().showMessage(text, 8000)

    def _export_failed(self, exc: BaseException) -> None:
        self._exporting = False
        self._show_busy()
        self.last_written = []
        text = str(exc) if isinstance(exc, export.ExportError) else _t(
            "The report could not be written: {0}").format(exc)
        self.message.show_message(text, error=True)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Forget pending results (the worker may still finish them)."""
        self._serial += 1
        super().closeEvent(event)
