"""Tools → Rules… in the window (issue 16): see ``supportdesk.ui.rules.dialog``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from supportdesk.ui.rules.dialog import RulesDialog


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


class RulesOpener:
    """Adds Tools → Rules… and opens the dialog (one at a time)."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.dialog: RulesDialog | None = None
        self.action = window.tools_menu.addAction(_t("Rules…"))
        self.action.setObjectName("rulesAction")
        self.action.triggered.connect(self.open)

    def open(self) -> RulesDialog:
        """Show the dialog (non-blocking); returns it."""
        if self.dialog is None:
            self.dialog = RulesDialog(self.window.store,
                                      lambda: getattr(self.window, "current_id", None),
                                      self.window)
        else:
            self.dialog.reload()
        self.dialog.show()
        return self.dialog


def install(window: Any) -> RulesOpener:
    """Add the rules to a main window; returns the opener (also ``window.rules``)."""
    opener = RulesOpener(window)
    window.rules = opener
    return opener


__all__ = ["RulesDialog", "RulesOpener", "install"]
