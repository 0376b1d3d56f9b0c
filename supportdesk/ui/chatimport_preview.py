"""The import dialog's preview table: the first lines of an export, times as stored."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QGuiApplication, QPalette

from supportdesk.channels.chat import ChatLine
from supportdesk.services.chat_import import import_time, local_zone
from supportdesk.ui.plain import literal

COL_TIME, COL_AUTHOR, COL_TEXT = range(3)
Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


class PreviewModel(QAbstractTableModel):
    """The first lines of an export, with times as they will be stored."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[tuple[str, ChatLine]] = []
        self.zone: tzinfo = local_zone()
        self.multi_chat = False

    def set_lines(self, lines: list[tuple[str, ChatLine]], zone: tzinfo) -> None:
        """Show these lines."""
        self.beginResetModel()
        self.lines = lines
        self.zone = zone
        self.multi_chat = len({title for title, _ in lines}) > 1
        self.endResetModel()

    def set_zone(self, zone: tzinfo) -> None:
        """Show naive times in another zone (only the time column changes)."""
        self.zone = zone
        if self.lines:
            last = self.index(len(self.lines) - 1, COL_TIME)
            self.dataChanged.emit(self.index(0, COL_TIME), last)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_t("Time"), _t("From"), _t("Message"))[section]
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        title, line = self.lines[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_TIME:
                return import_time(line, self.zone).astimezone().strftime("%d %b %Y %H:%M")
            if col == COL_AUTHOR:
                who = line.author_name or (_t("(notice)") if line.kind == "system" else "")
                return f"{who} · {title}" if self.multi_chat else who
            text = " ".join(line.text.split())
            if line.attachments:
                files = ", ".join(a.name for a in line.attachments)
                text = f"📎 {files}  {text}".strip()
            return text[:300]
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TEXT:
            return literal(line.text[:2000])
        if role == Qt.ItemDataRole.ForegroundRole and line.kind == "system":
            palette = QGuiApplication.palette()
            return QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        return None
