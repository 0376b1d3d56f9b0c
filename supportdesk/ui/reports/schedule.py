"""Scheduled export: the settings dialog, and the timer that writes due weeks.

The arithmetic (when a run is due, which weeks were missed) lives in
:mod:`supportdesk.services.report_schedule`; here a QTimer asks every minute,
and the report worker computes and writes. The last week written is recorded
in the profile, so a week is never written twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from supportdesk.config import Settings
from supportdesk.reports import metrics
from supportdesk.reports.i18n import report_language
from supportdesk.services import report_schedule as rs
from supportdesk.services.report_schedule import Schedule, ScheduleError
from supportdesk.store import Store
from supportdesk.ui.plain import PlainLabel
from supportdesk.ui.reports import export
from supportdesk.ui.reports.window import team_zone
from supportdesk.ui.reports.worker import ReportWorker

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 60_000
#: After a failed run, wait this long before trying again.
RETRY_AFTER = timedelta(hours=1)
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


@dataclass
class Written:
    """One scheduled week: its label, its summary and the files written so far."""

    week: date
    summary: metrics.WeeklySummary
    schedule: Schedule
    files: list[Path]

    @property
    def label(self) -> str:
        """The ISO week, e.g. 2026-W46."""
        return rs.week_label(self.week)


def _target(schedule: Schedule, week: date, fmt: str) -> Path:
    stem = rs.file_stem("weekly", week)
    folder = Path(schedule.folder).expanduser()
    return folder / stem if fmt == "csv" else folder / f"{stem}.{fmt}"


def prepare_week(store: Store, schedule: Schedule, week: date, tz: ZoneInfo, now: datetime
                 ) -> Written:
    """Compute a week's summary and write its CSV and HTML files (worker thread)."""
    with store.read() as session:
        summary = metrics.weekly_summary(session, rs.week_label(week), tz, now=now)
        language = report_language(session)
    files: list[Path] = []
    for fmt in schedule.formats:
        if fmt != "pdf":
            files += export.export(summary, fmt, _target(schedule, week, fmt),
                                   page=schedule.page, bom=schedule.bom, language=language)
    return Written(week, summary, schedule, files)


def prepare_due(store: Store, settings: Settings, now: datetime) -> list[Written]:
    """Every week that is due and not yet written, oldest first, prepared (worker thread).

    Raises:
        ScheduleError: the saved schedule is unreadable.
        export.ExportError: a week could not be written.
    """
    schedule = rs.load(store)
    if schedule is None or not schedule.enabled:
        return []
    tz = team_zone(store, settings)
    return [prepare_week(store, schedule, week, tz, now)
            for week in rs.due_weeks(schedule, rs.last_done(store), now, tz)]


def finish_pdfs(prepared: list[Written]) -> None:
    """Write the PDF files of prepared weeks.

    On the GUI thread: the PDF renderer draws charts with QtCharts, which is
    not safe to use from a worker while the window paints its own charts.
    """
    for item in prepared:
        if "pdf" in item.schedule.formats:
            item.files += export.export(item.summary, "pdf",
                                        _target(item.schedule, item.week, "pdf"),
                                        page=item.schedule.page)


class ReportScheduler(QObject):
    """Checks every minute (and at start) whether a scheduled report is due."""

    wrote = Signal(str)
    failed = Signal(str)

    def __init__(self, store: Store, settings: Settings, worker: ReportWorker,
                 clock: Callable[[], datetime] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.worker = worker
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self.timer = QTimer(self, interval=CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.running = False
        self.retry_at: datetime | None = None
        self.last_error = ""
        self.written: list[Written] = []

    def start(self) -> None:
        """Check now (catching up on missed runs), then every minute."""
        self.timer.start()
        self.check()

    def stop(self) -> None:
        """No more checks."""
        self.timer.stop()

    def check(self, *, force: bool = False) -> bool:
        """Write due weeks in the background; False when a run is under way or waiting."""
        now = self.clock()
        if self.running or (not force and self.retry_at is not None and now < self.retry_at):
            return False
        store, settings = self.store, self.settings
        return self.run(lambda: prepare_due(store, settings, now))

    def run(self, prepare: Callable[[], list[Written]],
            on_done: Callable[[list[Written]], None] | None = None,
            on_error: Callable[[str], None] | None = None) -> bool:
        """Prepare weeks on the worker, write their PDFs here, then record them as done."""
        if self.running:
            return False
        self.running = True
        now = self.clock()

        def fail(exc: BaseException) -> None:
            self._failed(exc, now)
            if on_error is not None:
                on_error(self.last_error)

        def recorded(written: list[Written]) -> None:
            self._done(written)
            if on_done is not None:
                on_done(written)

        def prepared(items: list[Written]) -> None:
            if not items:
                recorded([])
                return
            try:
                finish_pdfs(items)
            except export.ExportError as exc:
                fail(exc)
                return
            store = self.store

            def record() -> list[Written]:
                for item in items:
                    rs.mark_done(store, item.week)
                return items

            self.worker.submit(record, recorded, fail)

        started = self.worker.submit(prepare, prepared, fail)
        if not started:
            self.running = False
        return started

    def _done(self, written: list[Written]) -> None:
        self.running = False
        self.retry_at = None
        if written:
            self.last_error = ""
            self.written += written
            weeks = ", ".join(w.label for w in written)
            folder = Path(written[-1].schedule.folder).expanduser()
            self.wrote.emit(_t("Scheduled report for {0} written to {1}").format(weeks, folder))

    def _failed(self, exc: BaseException, now: datetime) -> None:
        self.running = False
        self.retry_at = now + RETRY_AFTER
        if not isinstance(exc, ScheduleError | export.ExportError):
            log.error("scheduled report failed", exc_info=exc)
        self.last_error = _t("The scheduled report was not written: {0} SupportDesk tries "
                             "again in an hour.").format(exc)
        self.failed.emit(self.last_error)


class ScheduleDialog(QDialog):
    """"Every Monday at 08:00, write last week's summary to this folder"."""

    def __init__(self, scheduler: ReportScheduler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Scheduled report export"))
        self.setMinimumWidth(560)
        self.scheduler = scheduler
        self.store = scheduler.store
        self.tz = team_zone(self.store, scheduler.settings)
        try:
            current = rs.load(self.store)
            problem = ""
        except ScheduleError as exc:
            current, problem = None, str(exc)
        schedule = current or Schedule(enabled=False)

        self.enabled = QCheckBox(_t("Write last week's summary automatically"))
        self.enabled.setChecked(current is not None and schedule.enabled)
        self.weekday = QComboBox()
        for i, name in enumerate(DAY_NAMES):
            self.weekday.addItem(_t(name), i)
        self.weekday.setCurrentIndex(schedule.weekday)
        self.at = QTimeEdit(QTime(schedule.at.hour, schedule.at.minute))
        self.at.setDisplayFormat("HH:mm")
        when = QHBoxLayout()
        when.addWidget(self.weekday)
        when.addWidget(PlainLabel(_t("at")))
        when.addWidget(self.at)
        when.addWidget(PlainLabel(_t("({0})").format(self.tz.key)))
        when.addStretch(1)
        self.folder = QLineEdit(schedule.folder)
        self.folder.setPlaceholderText(_t("The folder the reports are written to"))
        choose = QPushButton(_t("Choose…"))
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.formats = {fmt: QCheckBox(label) for fmt, label in
                        (("pdf", "PDF"), ("csv", "CSV"), ("html", "HTML"))}
        fmt_row = QHBoxLayout()
        for fmt, box in self.formats.items():
            box.setChecked(fmt in schedule.formats)
            fmt_row.addWidget(box)
        fmt_row.addStretch(1)
        self.page = QComboBox()
        self.page.addItem("A4", "a4")
        self.page.addItem("Letter", "letter")
        self.page.setCurrentIndex(max(0, self.page.findData(schedule.page)))
        self.bom = QCheckBox(_t("CSV with a byte-order mark (for Excel)"))
        self.bom.setChecked(schedule.bom)

        form = QFormLayout()
        form.addRow("", self.enabled)
        form.addRow(_t("Every"), when)
        form.addRow(_t("Folder"), folder_row)
        form.addRow(_t("Formats"), fmt_row)
        page_row = QHBoxLayout()
        page_row.addWidget(self.page)
        page_row.addStretch(1)
        form.addRow(_t("PDF pages"), page_row)
        form.addRow("", self.bom)
        self.info = PlainLabel()
        self.info.setObjectName("muted")
        self.info.setWordWrap(True)
        self.problem = PlainLabel(problem or scheduler.last_error)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(self.problem.text()))
        self.run_now = QPushButton(_t("Write last week now"))
        self.run_now.clicked.connect(self.write_now)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.run_now, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        for signal in (self.enabled.toggled, self.weekday.currentIndexChanged,
                       self.at.timeChanged):
            signal.connect(lambda *_a: self._update_info())
        self._update_info()

    def schedule(self) -> Schedule:
        """The schedule as filled in (not yet checked)."""
        qt = self.at.time()
        return Schedule(
            weekday=int(self.weekday.currentData()), at=time(qt.hour(), qt.minute()),
            folder=self.folder.text().strip(),
            formats=tuple(f for f, box in self.formats.items() if box.isChecked()),
            page=str(self.page.currentData()), bom=self.bom.isChecked(),
            enabled=self.enabled.isChecked(), since=self.scheduler.clock(),
        )

    def _update_info(self) -> None:
        s = self.schedule()
        done = rs.last_done(self.store)
        last = (_t("Last written: {0}.").format(rs.week_label(done)) if done
                else _t("Nothing written yet."))
        if not s.enabled:
            self.info.setText(_t("Scheduled export is off.") + " " + last)
            return
        due, week = rs.next_due(s, self.scheduler.clock(), self.tz)
        local = due.astimezone(self.tz)
        self.info.setText(_t("Next run: {0:%a %d %b %Y %H:%M}, writing {1}. "
                             "If SupportDesk is closed then, it writes the missed weeks "
                             "(up to {2}) when it next starts.").format(
                                 local, rs.week_label(week), rs.MAX_CATCH_UP) + " " + last)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _t("Folder for the weekly reports"),
                                                  self.folder.text() or str(Path.home()))
        if folder:
            self.folder.setText(folder)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def save(self) -> None:
        """Check and store the schedule, then look for due weeks."""
        schedule = self.schedule()
        try:
            if schedule.enabled:
                schedule.validated()
        except ScheduleError as exc:
            self._show_problem(str(exc))
            return
        store = self.store

        def work() -> None:
            if schedule.enabled:
                rs.save(store, schedule)
            else:
                rs.save(store, None)

        def saved(_r: object) -> None:
            self.scheduler.check(force=True)
            self.accept()

        self.scheduler.worker.submit(work, saved, lambda exc: self._show_problem(str(exc)))

    def write_now(self) -> None:
        """Write last week's summary with these settings now, and record it as done."""
        schedule = self.schedule()
        try:
            schedule = replace(schedule, enabled=True).validated()
        except ScheduleError as exc:
            self._show_problem(str(exc))
            return
        store, tz, now = self.store, self.tz, self.scheduler.clock()
        week = rs.last_complete_week(now, tz)

        def done(written: list[Written]) -> None:
            self.run_now.setEnabled(True)
            self._show_problem("")
            self.info.setText(_t("Wrote {0} to {1}.").format(
                written[0].label, Path(schedule.folder).expanduser()))

        def failed(message: str) -> None:
            self.run_now.setEnabled(True)
            self._show_problem(message)

        if not self.scheduler.run(lambda: [prepare_week(store, schedule, week, tz, now)],
                                  done, failed):
            self._show_problem(_t("A report is being written; try again in a moment."))
            return
        self.run_now.setEnabled(False)
