"""Owner reports in the window: Tools → Reports… and the scheduled weekly export.

``install(window)`` is called once by ``app.install_extensions``; the
controller is then ``window.reports``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QWidget

from supportdesk.ui.reports.schedule import ReportScheduler, ScheduleDialog
from supportdesk.ui.reports.window import ReportsWindow
from supportdesk.ui.reports.worker import ReportWorker

SHORTCUT = "Ctrl+Shift+R"


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def _to_front(widget: QWidget) -> None:
    # The offscreen platform (tests, screenshots) cannot raise windows and says so.
    if QGuiApplication.platformName() != "offscreen":
        widget.raise_()
        widget.activateWindow()


class ReportsController(QObject):
    """The Reports window, the schedule dialog and the scheduler of one main window."""

    def __init__(self, window: Any, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self.worker = ReportWorker(self)
        self.scheduler = ReportScheduler(window.store, window.settings, self.worker,
                                         lambda: self.clock(), self)
        self.scheduler.wrote.connect(lambda text: window.statusBar().showMessage(text, 15000))
        self.scheduler.failed.connect(lambda text: window.statusBar().showMessage(text, 30000))
        self.reports_window: ReportsWindow | None = None
        self.act_reports = QAction(_t("Reports…"), window)
        self.act_reports.setShortcut(QKeySequence(SHORTCUT))
        self.act_reports.setStatusTip(_t("Weekly summary and billing, with exports"))
        self.act_reports.triggered.connect(lambda _c=False: self.open_reports())
        self.act_schedule = QAction(_t("Scheduled report export…"), window)
        self.act_schedule.triggered.connect(lambda _c=False: self.open_schedule())
        window.addAction(self.act_reports)
        menu = window.tools_menu
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.act_reports)
        menu.insertAction(first, self.act_schedule)
        if first is not None:
            menu.insertSeparator(first)
        window.on_close(self.shutdown)
        self.scheduler.start()

    def open_reports(self) -> ReportsWindow:
        """Show the Reports window (one per main window)."""
        if self.reports_window is None:
            self.reports_window = ReportsWindow(
                self.window.store, self.window.settings, self.worker,
                open_conversation=self._open_conversation, open_schedule=self.open_schedule,
                clock=lambda: self.clock(), parent=self.window)
            self.reports_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        else:
            self.reports_window.refresh()
        self.reports_window.show()
        _to_front(self.reports_window)
        return self.reports_window

    def open_schedule(self) -> ScheduleDialog:
        """Show the scheduled-export settings."""
        parent = self.reports_window if (self.reports_window is not None
                                         and self.reports_window.isVisible()) else self.window
        dialog = ScheduleDialog(self.scheduler, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _open_conversation(self, conversation_id: str) -> None:
        self.window.open_conversation(conversation_id)
        _to_front(self.window)

    def shutdown(self) -> None:
        """No more checks; let a running job finish; close the Reports window."""
        self.scheduler.stop()
        if self.reports_window is not None:
            self.reports_window.close()
        self.worker.stop()


def install(window: Any) -> ReportsController:
    """Add Tools → Reports… and the scheduled export to a main window."""
    controller = ReportsController(window)
    window.reports = controller
    return controller


__all__ = ["ReportsController", "ReportsWindow", "install"]
