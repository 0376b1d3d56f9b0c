"""Customers → Merge…, Unmerge… and Likely duplicates…, and a Merge… button on the
customer panel.

``install(window)`` is called once by ``app.install_extensions``; the
controller is then ``window.customers``.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QPushButton

from supportdesk.services import customer_merge as cm
from supportdesk.services import erase
from supportdesk.ui.customers.dialogs import EraseConfirmDialog, MergeDialog, UnmergeDialog, _t

log = logging.getLogger(__name__)


class CustomersController(QObject):
    """The Customers menu of one main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        bar = window.menuBar()
        anchor = window.tools_menu.menuAction()
        self.menu = bar.addMenu(_t("C&ustomers"))
        bar.insertMenu(anchor, self.menu)
        self.act_merge = QAction(_t("Merge…"), window)
        self.act_merge.triggered.connect(lambda _c=False: self.open_merge())
        self.act_unmerge = QAction(_t("Unmerge…"), window)
        self.act_unmerge.triggered.connect(lambda _c=False: self.open_unmerge())
        self.act_duplicates = QAction(_t("Likely duplicates…"), window)
        self.act_duplicates.triggered.connect(lambda _c=False: self.open_merge(duplicates=True))
        self.act_erase = QAction(_t("Erase customer…"), window)
        self.act_erase.setStatusTip(_t("Remove a customer's messages, files and addresses for "
                                       "a data-protection request"))
        self.act_erase.triggered.connect(lambda _c=False: self.erase_current())
        for act in (self.act_merge, self.act_unmerge, self.act_duplicates):
            self.menu.addAction(act)
        self.menu.addSeparator()
        self.menu.addAction(self.act_erase)
        panel = window.pane.customer
        self.panel_button = QPushButton(_t("Merge…"), panel)
        self.panel_button.setToolTip(_t("Merge this customer with another (their addresses, "
                                        "phones and conversations show together)"))
        self.panel_button.clicked.connect(lambda _c=False: self.open_merge())
        panel.layout().addWidget(self.panel_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._unwatch = cm.watch(window.store)
        window.on_close(self._unwatch)
        self._unwatch_erase = erase.watch(window.store)
        window.on_close(self._unwatch_erase)
        # An erasure whose clean-up was cut short (the app quit) is finished soon after start.
        QTimer.singleShot(5000, self, self._finish_pending_erasures)

    def _finish_pending_erasures(self) -> None:
        store = self.window.store

        def run() -> None:
            try:
                for eid in erase.pending(store):
                    erase.clean_up(store, eid)
            except Exception:
                log.exception("finishing an erasure's clean-up failed")

        threading.Thread(target=run, name="erasure-cleanup", daemon=True).start()

    def erase_current(self) -> QMessageBox | None:
        """Erase the open conversation's customer, after two confirmations."""
        customer = self.current_customer()
        detail = getattr(self.window.pane, "detail", None)
        if customer is None or detail is None or detail.customer is None:
            self.window.statusBar().showMessage(
                _t("Open a conversation of the customer to erase first."), 8000)
            return None
        name = detail.customer.name
        box = QMessageBox(QMessageBox.Icon.Warning, _t("Erase customer"),
                          _t("Erase {name} and everything they wrote?\n\nTheir messages "
                             "(and the team's replies to them), attachments, addresses and "
                             "phone numbers are removed on this device and, at the next "
                             "sync, on every device of the team. Reports keep anonymous "
                             "counts. This cannot be undone.").format(name=name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda code: self._confirm_again(customer, name)
                             if code == QMessageBox.StandardButton.Yes else None)
        self.erase_box = box
        box.open()
        return box

    def _confirm_again(self, customer: str, name: str) -> None:
        dialog = EraseConfirmDialog(name, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._erase(customer))
        self.erase_dialog = dialog
        dialog.open()

    def _erase(self, customer: str) -> None:
        def done(result: erase.EraseResult) -> None:
            self.window.statusBar().showMessage(
                _t("Customer erased: {n} conversation(s) and {m} message(s) "
                   "anonymised.").format(n=result.conversations, m=result.messages), 15000)
            self.erased = result
            current = getattr(self.window, "current_id", None)
            if current:
                self.window.open_conversation(current)

        self.window.ops.write(lambda uow: erase.erase_customer(uow, customer), done)

    def current_customer(self) -> str | None:
        """The customer of the open conversation (its group's root), if any."""
        detail = getattr(self.window.pane, "detail", None)
        if detail is None or detail.customer is None:
            return None
        return str(detail.customer.id)

    def open_merge(self, duplicates: bool = False) -> MergeDialog:
        """The merge dialog, for the open conversation's customer."""
        dialog = MergeDialog(self.window, self.current_customer(), duplicates)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
        return dialog

    def open_unmerge(self) -> UnmergeDialog:
        """The unmerge dialog for the open conversation's customer."""
        dialog = UnmergeDialog(self.window, self.current_customer())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog_unmerge = dialog
        return dialog


def install(window: Any) -> CustomersController:
    """Add the Customers menu to a main window."""
    controller = CustomersController(window)
    window.customers = controller
    return controller


__all__ = ["CustomersController", "install"]
