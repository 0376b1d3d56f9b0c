"""File → Back up now…, File → Restore from backup…, and the automatic daily backup.

``install(window)`` is called once by ``app.install_extensions``; the
controller is then ``window.backup``. Backups and restores run on a thread of
their own that calls the store's foreground step hook between pages and
chunks, so the window stays quick while the archive is written.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supportdesk.services.backup import (
    BackupCancelledError,
    BackupResult,
    RestoreResult,
    make_backup,
    restore_backup,
)
from supportdesk.services.backup import schedule as auto
from supportdesk.services.backup.archive import backup_name

log = logging.getLogger(__name__)

#: how often the automatic backup checks whether one is due, and the first check
CHECK_MS = 15 * 60 * 1000
FIRST_CHECK_MS = 60 * 1000
#: progress reaches the window at most this often
PROGRESS_EVERY_S = 0.1


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


class Job(QObject):
    """One backup or restore on its own thread; signals arrive on the GUI thread."""

    progress = Signal(int, int)
    finished = Signal(object, object)  # result, error

    def __init__(self, foreground: Any, work: Callable[..., Any],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.foreground = foreground
        self.work = work
        self.cancel_event = threading.Event()
        self.done = False
        self._last = 0.0
        self._fraction = (0, 1)
        self.progress.connect(self._after, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._run, name="backup", daemon=True)

    def start(self) -> None:
        """Start the thread."""
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next step."""
        self.cancel_event.set()

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the thread (for shutdown)."""
        with self.foreground.waiting():
            self._thread.join(timeout)

    def _report(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last >= PROGRESS_EVERY_S:
            self._last = now
            self.foreground.poke()
            self.progress.emit(done, total)

    def _after(self, *_args: object) -> None:
        self.foreground.done()

    def _run(self) -> None:
        _lower_priority()
        try:
            result = self.work(step=self.foreground.pause, progress=self._report,
                               cancelled=self.cancel_event.is_set)
        except BaseException as exc:
            self.foreground.poke()
            self.finished.emit(None, exc)
        else:
            self.foreground.poke()
            self.finished.emit(result, None)

    def mark_done(self) -> None:
        """The GUI thread has handled the result (called by whoever took ``finished``)."""
        if not self.done:
            self.done = True
            self.foreground.done()


def _lower_priority() -> None:
    """Let the window's thread have a CPU first (Linux niceness is per thread)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


class BackupSettingsDialog(QDialog):
    """Automatic backups on or off, and their folder."""

    def __init__(self, controller: BackupController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        settings = controller.window.settings
        self.setWindowTitle(_t("Backups"))
        layout = QVBoxLayout(self)
        self.auto_box = QCheckBox(_t("Back up automatically every day while SupportDesk runs"))
        self.auto_box.setChecked(settings.get(auto.BACKUP_AUTO))
        layout.addWidget(self.auto_box)
        row = QHBoxLayout()
        row.addWidget(QLabel(_t("Folder:")))
        self.folder_edit = QLineEdit(str(controller.folder()))
        row.addWidget(self.folder_edit, 1)
        browse = QPushButton(_t("Choose…"))
        browse.clicked.connect(self._browse)
        row.addWidget(browse)
        layout.addLayout(row)
        keep = QLabel(_t("Keeps the newest backup of each of the last 7 days and 4 weeks "
                         "before them. Passwords and sign-in tokens are never in a backup: "
                         "they stay in the system keyring."))
        keep.setWordWrap(True)
        layout.addWidget(keep)
        found = auto.backups(controller.folder())
        self.last_label = QLabel(
            _t("Last automatic backup: {when}").format(
                when=found[0].made.astimezone().strftime("%Y-%m-%d %H:%M")) if found
            else _t("No automatic backup yet."))
        self.last_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.last_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _t("Folder for backups"),
                                                  self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def accept(self) -> None:
        """Save the choices."""
        settings = self.controller.window.settings
        settings.set(auto.BACKUP_AUTO, self.auto_box.isChecked())
        text = self.folder_edit.text().strip()
        default = auto.default_folder(self.controller.window.store.profile)
        settings.set(auto.BACKUP_FOLDER, "" if Path(text) == default else text)
        super().accept()


class BackupController(QObject):
    """The backup menu entries, their progress dialogs and the automatic backup."""

    def __init__(self, window: Any, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self.job: Job | None = None
        self.dialog: QProgressDialog | None = None
        #: called with a restored profile's folder to open it (a new SupportDesk window)
        self.open_profile: Callable[[Path], None] = _launch
        self.last_result: BackupResult | RestoreResult | None = None
        self.last_error: str | None = None
        self.act_backup = QAction(_t("Back up now…"), window)
        self.act_backup.triggered.connect(lambda _c=False: self.back_up_now())
        self.act_restore = QAction(_t("Restore from backup…"), window)
        self.act_restore.triggered.connect(lambda _c=False: self.restore_dialog())
        self.act_settings = QAction(_t("Backup settings…"), window)
        self.act_settings.triggered.connect(lambda _c=False: self.open_settings())
        menu = window.file_menu
        actions = menu.actions()
        anchor = actions[-2] if len(actions) >= 2 and actions[-2].isSeparator() else None
        menu.insertSeparator(anchor)
        for act in (self.act_backup, self.act_restore, self.act_settings):
            menu.insertAction(anchor, act)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check_auto)
        self.timer.setInterval(CHECK_MS)
        self.timer.start()
        QTimer.singleShot(FIRST_CHECK_MS, self, self.check_auto)
        window.on_close(self.shutdown)

    @property
    def running(self) -> bool:
        """Whether a backup or restore is under way."""
        return self.job is not None and not self.job.done

    def folder(self) -> Path:
        """Where automatic backups go."""
        return auto.folder(self.window.settings, self.window.store.profile)

    # -- backing up -----------------------------------------------------------------------

    def back_up_now(self, path: Path | None = None) -> Job | None:
        """Back up to ``path`` (asked for when None), showing progress and a Cancel."""
        if self.running:
            return None
        if path is None:
            where = self.folder()
            chosen, _f = QFileDialog.getSaveFileName(
                self.window, _t("Back up to"), str(where / backup_name(self.clock())),
                _t("SupportDesk backups (*.sdbackup)"))
            if not chosen:
                return None
            path = Path(chosen)
        return self._start(lambda **kw: make_backup(self.window.store.profile, path, **kw),
                           _t("Backing up…"), self._backed_up)

    def _backed_up(self, result: BackupResult) -> None:
        self.window.statusBar().showMessage(
            _t("Backed up to {path} ({size} MB).").format(
                path=result.path, size=f"{result.size / 1e6:.1f}"), 15000)

    def check_auto(self) -> Job | None:
        """Start the automatic backup when one is due (and prune old ones after it)."""
        if self.running or not self.window.settings.get(auto.BACKUP_AUTO):
            return None
        where, now = self.folder(), self.clock()
        if not auto.due(where, now):
            return None
        target = where / backup_name(now)

        def work(**kw: Any) -> BackupResult:
            result = make_backup(self.window.store.profile, target, now=now, **kw)
            auto.prune(where)
            return result

        return self._start(work, None, self._backed_up)

    # -- restoring ------------------------------------------------------------------------

    def restore_dialog(self) -> Job | None:
        """Ask for an archive and a new, empty folder; restore into it."""
        chosen, _f = QFileDialog.getOpenFileName(
            self.window, _t("Restore from backup"), str(self.folder()),
            _t("SupportDesk backups (*.sdbackup);;All files (*)"))
        if not chosen:
            return None
        target = QFileDialog.getExistingDirectory(
            self.window, _t("A new, empty folder for the restored profile"),
            str(self.window.store.profile.parent))
        if not target:
            return None
        return self.restore_from(Path(chosen), Path(target))

    def restore_from(self, archive: Path, target: Path) -> Job | None:
        """Check and restore ``archive`` into the new profile ``target``."""
        if self.running:
            return None
        return self._start(lambda **kw: restore_backup(archive, target, **kw),
                           _t("Checking and restoring the backup…"), self._restored)

    def _restored(self, result: RestoreResult) -> None:
        text = _t("The backup was restored into {path}.").format(path=result.profile)
        if result.was_signed_in:
            text += " " + _t("It was signed in to a team server: sign in again there and it "
                             "syncs as a new device.")
        box = QMessageBox(QMessageBox.Icon.Information, _t("Restored"),
                          text + "\n\n" + _t("Open it now?"),
                          QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
                          self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda code: self.open_profile(result.profile)
            if code == QMessageBox.StandardButton.Open else None)
        self.restored_box = box
        box.open()

    # -- common ---------------------------------------------------------------------------

    def _start(self, work: Callable[..., Any], title: str | None,
               on_done: Callable[[Any], None]) -> Job:
        job = Job(self.window.store.foreground, work, self)
        self.job = job
        self.last_error = None
        if title is not None:
            dialog = QProgressDialog(title, _t("Cancel"), 0, 1000, self.window)
            dialog.setWindowTitle(_t("Backup"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(job.cancel)
            dialog.setValue(0)
            self.dialog = dialog
            job.progress.connect(
                lambda done, total: dialog.setValue(int(1000 * done / max(total, 1))))
        else:
            self.dialog = None
            self.window.statusBar().showMessage(_t("Backing up…"), 5000)
        job.finished.connect(lambda result, error: self._finish(job, on_done, result, error),
                             Qt.ConnectionType.QueuedConnection)
        job.start()
        return job

    def _finish(self, job: Job, on_done: Callable[[Any], None], result: Any,
                error: BaseException | None) -> None:
        try:
            self._report(on_done, result, error)
        finally:
            job.mark_done()

    def _report(self, on_done: Callable[[Any], None], result: Any,
                error: BaseException | None) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if error is None:
            self.last_result = result
            on_done(result)
            return
        if isinstance(error, BackupCancelledError):
            self.last_error = str(error)
            self.window.statusBar().showMessage(str(error), 10000)
            return
        log.error("backup or restore failed", exc_info=error)
        self.last_error = str(error)
        self.window.statusBar().showMessage(str(error), 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, _t("Backup"), str(error),
                          QMessageBox.StandardButton.Close, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_box = box
        box.open()

    def open_settings(self) -> BackupSettingsDialog:
        """The automatic-backup settings."""
        dialog = BackupSettingsDialog(self, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def shutdown(self) -> None:
        """Stop checking; a running backup is cancelled and waited for."""
        self.timer.stop()
        if self.job is not None and not self.job.done:
            self.job.cancel()
            self.job.wait(30)


def _launch(profile: Path) -> None:
    """Open a profile in a new SupportDesk process."""
    QProcess.startDetached(sys.executable, ["-m", "supportdesk", "--profile", str(profile)])


def install(window: Any) -> BackupController:
    """Add the backup entries to the File menu and start the automatic backup."""
    controller = BackupController(window)
    window.backup = controller
    return controller


__all__ = ["BackupController", "BackupSettingsDialog", "Job", "install"]
