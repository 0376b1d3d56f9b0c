"""A read-only Qt model over one report table (:class:`supportdesk.reports.tables.Table`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from supportdesk.reports.tables import Cell, Table, cell_text
from supportdesk.ui.plain import literal

#: The id a row stands for (a conversation), when it has one.
ROLE_ID = Qt.ItemDataRole.UserRole + 1
#: The raw cell value (int, float, str or None), for sorting and tests.
ROLE_VALUE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class ReportTableModel(QAbstractTableModel):
    """The rows of a report table, exactly as the exports write them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[list[Cell]] = []
        self.ids: list[str] = []

    def show_table(self, table: Table, ids: Sequence[str] = ()) -> None:
        """Replace the rows (a new report: the whole table changes)."""
        self.beginResetModel()
        self.headers = list(table.headers)
        self.rows = [list(r) for r in table.rows]
        self.ids = list(ids)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        """Rows of the table (a flat model: none under a valid parent)."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        """Columns of the table."""
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text, alignment, raw value, or the row's id."""
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if index.column() >= len(row):
            return None
        value = row[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = isinstance(value, int | float)
            horizontal = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == ROLE_VALUE:
            return value
        if role == ROLE_ID:
            return self.ids[index.row()] if index.row() < len(self.ids) else None
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and len(value) > 30:
            return literal(value)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles."""
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None


def table_view(model: ReportTableModel, parent: QWidget | None = None) -> QTableView:
    """A compact, read-only view for a report table."""
    view = QTableView(parent)
    view.setObjectName("reportTable")
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    model.modelReset.connect(lambda: _fit_columns(view))
    return view


def _fit_columns(view: QTableView) -> None:
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for col in range(header.count()):
        header.resizeSection(col, min(max(header.sectionSize(col) + 12, 70), 320))
