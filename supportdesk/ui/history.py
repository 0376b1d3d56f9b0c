"""History is not a queue: the chat import asks how old a chat must be to count as history.

Chats whose last message is older than the chosen number of days are
imported as solved, read and without an SLA clock; 0 imports every chat as
open work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from supportdesk.ui.chatimport_dialog import ChatImportDialog

#: the most days the box offers (ten years)
MAX_DAYS = 3650


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def attach(dialog: ChatImportDialog) -> QSpinBox:
    """Add the "older than N days is history" choice to a chat import dialog."""
    row = QWidget()
    row.setObjectName("historyRow")
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    before = QLabel(_t("Chats quiet for more than"))
    days = QSpinBox()
    days.setObjectName("historyDays")
    days.setRange(0, MAX_DAYS)
    days.setSpecialValueText(_t("never (all open)"))
    days.setSuffix(_t(" days"))
    current = dialog.history_days
    days.setValue(current or 0)
    after = QLabel(_t("are imported as solved history, with no SLA clock."))
    after.setWordWrap(True)
    before.setBuddy(days)
    days.setAccessibleName(_t("Days after which a chat is history"))
    days.setAccessibleDescription(
        _t("Chats whose last message is older than this are imported as solved; "
           "0 imports every chat as open work"))
    line.addWidget(before)
    line.addWidget(days)
    line.addWidget(after, 1)

    def chosen(value: int) -> None:
        dialog.history_days = value or None

    days.valueChanged.connect(chosen)
    layout = dialog.layout()
    if isinstance(layout, QVBoxLayout):  # above the status line and the buttons
        layout.insertWidget(max(0, layout.count() - 2), row)
    return days
