"""Attachments and originals of mail: open, save (part of the mail controller)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from supportdesk.channels.email.parse import safe_filename
from supportdesk.services.mail.view import attachment_file, mail_original
from supportdesk.ui.mail import view as mail_view
from supportdesk.ui.plain import literal

if TYPE_CHECKING:
    from supportdesk.store import Store
    from supportdesk.ui.mainwindow import MainWindow


#: files a double-click would run, or render with scripts
RISKY_SUFFIXES = frozenset({
    ".exe", ".com", ".bat", ".cmd", ".scr", ".pif", ".msi", ".msp", ".js", ".jse", ".vbs",
    ".vbe", ".wsf", ".wsh", ".ps1", ".psm1", ".lnk", ".jar", ".hta", ".cpl", ".reg", ".app",
    ".command", ".sh", ".desktop", ".appimage", ".dmg", ".pkg", ".iso", ".docm", ".xlsm",
    ".pptm", ".html", ".htm", ".xhtml", ".svg", ".svgz", ".mht", ".mhtml", ".xml",
})  # fmt: skip  # a browser runs the scripts in .html/.svg from a local file


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


class MailFiles:
    """The mail controller's file actions; it provides ``store`` and ``window``."""

    store: Store
    window: MainWindow

    def _attachment_path(self, attachment_id: str) -> tuple[Path, str] | None:
        with self.store.read() as session:
            found = attachment_file(session, self.store.blobs, attachment_id)
        if found is None or found.path is None:
            self.window.statusBar().showMessage(
                _t("That file is not on this computer."), 6000
            )
            return None
        return found.path, safe_filename(found.filename)

    def open_attachment(self, attachment_id: str) -> Path | None:
        """Copy a file under its safe name to a private folder and open it."""
        found = self._attachment_path(attachment_id)
        if found is None:
            return None
        source, name = found
        if Path(name).suffix.lower() in RISKY_SUFFIXES:
            answer = QMessageBox.warning(
                self.window, _t("Open a program?"),
                literal(_t("{0} can run code on this computer. Open it only if you expected "
                           "it from this sender.").format(name)),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Open:
                return None
        target = Path(tempfile.mkdtemp(prefix="supportdesk-")) / name
        shutil.copyfile(source, target)
        target.chmod(0o400)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        return target

    def save_attachment(self, attachment_id: str, target: Path | None = None) -> Path | None:
        """Save a file (asking where, offering its safe name)."""
        found = self._attachment_path(attachment_id)
        if found is None:
            return None
        source, name = found
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, _t("Save attachment"), str(Path.home() / name)
            )
            if not chosen:
                return None
            target = Path(chosen)
        shutil.copyfile(source, target)
        return target

    def save_original(self, row_id: str, target: Path | None = None) -> Path | None:
        """Save a mail's raw original as an ``.eml`` file (asking where)."""
        with self.store.read() as session:
            found = mail_original(session, self.store.blobs, row_id)
        if found is None or found.path is None:
            self.window.statusBar().showMessage(
                mail_view.original_waiting_text() if found is not None
                else _t("This message has no original to save."), 8000
            )
            return None
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, _t("Save original"), str(Path.home() / found.filename),
                _t("Mail files (*.eml)"),
            )
            if not chosen:
                return None
            target = Path(chosen)
        shutil.copyfile(found.path, target)
        return target
