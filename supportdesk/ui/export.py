"""Conversation → Export… and Customers → Export history…

``install(window)`` is called once by ``app.install_extensions``; the
controller is then ``window.exports``. (The export runs on the GUI thread:
PDF layout must, and a conversation's HTML or mbox takes milliseconds.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog

from supportdesk.services.export import ExportError
from supportdesk.services.export.files import export_conversation, export_customer
from supportdesk.store import StoreError


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def _filters() -> dict[str, str]:
    return {_t("PDF (*.pdf)"): "pdf", _t("Web page (*.html)"): "html",
            _t("Mails as mbox (*.mbox)"): "mbox", _t("Mails as .eml files (folder)"): "eml"}


class ExportController(QObject):
    """The export actions of one main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.act_conversation = QAction(_t("Export…"), window)
        self.act_conversation.setStatusTip(_t("Save this conversation as PDF, HTML or mail"))
        self.act_conversation.triggered.connect(lambda _c=False: self.export_current())
        window.conversation_menu.addSeparator()
        window.conversation_menu.addAction(self.act_conversation)
        self.act_history = QAction(_t("Export history…"), window)
        self.act_history.setStatusTip(_t("Everything of this customer as one PDF or a zip"))
        self.act_history.triggered.connect(lambda _c=False: self.export_history())
        customers = getattr(window, "customers", None)
        if customers is not None:
            customers.menu.insertAction(customers.act_erase, self.act_history)

    def export_current(self, path: Path | None = None, fmt: str | None = None) -> Path | None:
        """Export the open conversation (asks where and how when not given)."""
        cid = getattr(self.window, "current_id", None)
        if not cid:
            return None
        if path is None or fmt is None:
            chosen, selected = QFileDialog.getSaveFileName(
                self.window, _t("Export conversation"), "", ";;".join(_filters()))
            if not chosen:
                return None
            path, fmt = Path(chosen), _filters().get(selected, "pdf")
        return self._run(lambda: export_conversation(self.window.store, cid, fmt, path))

    def export_history(self, path: Path | None = None, fmt: str | None = None) -> Path | None:
        """Export the open conversation's customer's whole history."""
        detail = getattr(self.window.pane, "detail", None)
        if detail is None or detail.customer is None:
            self.window.statusBar().showMessage(
                _t("Open a conversation of the customer first."), 8000)
            return None
        customer = detail.customer.id
        if path is None or fmt is None:
            filters = {_t("PDF (*.pdf)"): "pdf", _t("Zip with pages, mails and files (*.zip)"):
                       "zip"}
            chosen, selected = QFileDialog.getSaveFileName(
                self.window, _t("Export customer history"), "", ";;".join(filters))
            if not chosen:
                return None
            path, fmt = Path(chosen), filters.get(selected, "pdf")
        return self._run(lambda: export_customer(self.window.store, customer, fmt, path))

    def _run(self, work: Any) -> Path | None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            out: Path = work()
        except (ExportError, StoreError, OSError) as exc:
            self.window.show_error(str(exc))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.window.statusBar().showMessage(_t("Exported to {path}").format(path=out), 15000)
        return out


def install(window: Any) -> ExportController:
    """Add the export actions to a main window."""
    controller = ExportController(window)
    window.exports = controller
    return controller


__all__ = ["ExportController", "install"]
