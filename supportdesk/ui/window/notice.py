"""A short notice in the status bar with one thing to do about it ("Set to Pending · Undo")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

#: how long a notice stays
NOTICE_MS = 12_000


class Notice(QWidget):
    """Plain words (they may quote a subject from outside) and a link-like button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.label = QLabel()
        self.label.setObjectName("noticeText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton()
        self.button.setObjectName("noticeAction")
        self.button.setFlat(True)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setStyleSheet("QPushButton { text-decoration: underline; padding: 0 4px; }")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the list keeps the keyboard
        self.button.clicked.connect(self._clicked)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self._action: Callable[[], None] | None = None
        self._timer = QTimer(self, singleShot=True, interval=NOTICE_MS)
        self._timer.timeout.connect(self.clear)
        self.hide()

    def show_notice(self, text: str, action_text: str = "",
                    action: Callable[[], None] | None = None) -> None:
        """Show ``text``, with a button doing ``action`` when given."""
        self.label.setText(text)
        self._action = action
        self.button.setText(action_text)
        self.button.setAccessibleName(action_text)
        self.button.setVisible(action is not None)
        self.show()
        self._timer.start()

    def text(self) -> str:
        """What the notice says (empty when hidden)."""
        return self.label.text() if self.isVisible() else ""

    def clear(self) -> None:
        """Hide the notice."""
        self._action = None
        self.hide()

    def _clicked(self) -> None:
        action = self._action
        self.clear()
        if action is not None:
            action()
