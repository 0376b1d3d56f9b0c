"""Customers → Merge…, Unmerge… and Likely duplicates…, and a Merge… button on the
customer panel.

``install(window)`` is called once by ``app.install_extensions``; the
controller is then ``window.customers``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from supportdesk.services import customer_merge as cm
from supportdesk.ui.customers.dialogs import MergeDialog, UnmergeDialog, _t


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
        for act in (self.act_merge, self.act_unmerge, self.act_duplicates):
            self.menu.addAction(act)
        panel = window.pane.customer
        self.panel_button = QPushButton(_t("Merge…"), panel)
        self.panel_button.setToolTip(_t("Merge this customer with another (their addresses, "
                                        "phones and conversations show together)"))
        self.panel_button.clicked.connect(lambda _c=False: self.open_merge())
        panel.layout().addWidget(self.panel_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._unwatch = cm.watch(window.store)
        window.on_close(self._unwatch)

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
