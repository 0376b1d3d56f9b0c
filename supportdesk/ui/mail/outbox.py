"""The outbox: mail waiting to go out, failed with the reason, and recently sent."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from supportdesk.services.mail.sender import OutboxItem
from supportdesk.ui.i18n import local_when
from supportdesk.ui.plain import PlainLabel, literal


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


COL_STATUS, COL_TO, COL_SUBJECT, COL_WHEN, COL_REASON = range(5)


def status_title(item: OutboxItem) -> str:
    """An outgoing mail's state in a few words."""
    if item.status == "queued":
        return _t("Waiting") if item.attempts == 0 else _t("Waiting to retry")
    return {
        "sending": _t("Sending…"),
        "sent": _t("Sent"),
        "failed": _t("Failed"),
    }.get(item.status, item.status)


def _when(item: OutboxItem) -> str:
    if item.status == "sent" and item.sent_at:
        return local_when(item.sent_at, "day_month_time")
    if item.status == "queued" and item.attempts:
        return _t("next try {0}").format(local_when(item.next_attempt_at, "time"))
    return local_when(item.created_at, "day_month_time")


class OutboxDialog(QDialog):
    """Lists the outbox; asks the controller to retry, delete or open a mail."""

    retry_requested = Signal(str)
    discard_requested = Signal(str)
    open_requested = Signal(str)  # conversation id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Outbox"))
        self.setMinimumSize(860, 360)
        self.items: list[OutboxItem] = []
        self.summary = PlainLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [_t("State"), _t("To"), _t("Subject"), _t("When"), _t("What happened")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_STATUS, 110), (COL_TO, 170), (COL_SUBJECT, 220), (COL_WHEN, 110)):
            header.resizeSection(col, width)
        self.table.itemSelectionChanged.connect(self._selection)
        self.table.itemDoubleClicked.connect(lambda _i: self._open())
        self.retry = QPushButton(_t("Send again now"))
        self.retry.clicked.connect(self._retry)
        self.discard = QPushButton(_t("Delete from outbox"))
        self.discard.clicked.connect(self._discard)
        self.open_button = QPushButton(_t("Open conversation"))
        self.open_button.clicked.connect(self._open)
        close = QPushButton(_t("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry)
        buttons.addWidget(self.discard)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._selection()

    def set_items(self, items: list[OutboxItem]) -> None:
        """Show these outgoing mails (keeping the selection)."""
        keep = self.selected()
        self.items = list(items)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cells = [
                status_title(item),
                ", ".join(item.recipients),
                item.subject,
                _when(item),
                item.last_error or "",
            ]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(literal(text))
                if col == COL_STATUS:
                    cell.setData(Qt.ItemDataRole.UserRole, item.id)
                self.table.setItem(row, col, cell)
        self.table.resizeRowsToContents()
        waiting = sum(i.status in ("queued", "sending") for i in self.items)
        failed = sum(i.status == "failed" for i in self.items)
        if not waiting and not failed:
            self.summary.setText(_t("Nothing waits to be sent."))
        else:
            self.summary.setText(
                _t("{0} waiting, {1} failed. Waiting mail goes out by itself when the server "
                   "can be reached; failed mail needs you to fix the cause and send it again.")
                .format(waiting, failed)
            )  # fmt: skip
        rows = [r for r, item in enumerate(self.items) if keep is not None and item.id == keep.id]
        if rows or self.items:
            self.table.selectRow(rows[0] if rows else 0)
        self._selection()

    def selected(self) -> OutboxItem | None:
        """The highlighted mail, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    def _selection(self) -> None:
        item = self.selected()
        unsent = item is not None and item.status in ("queued", "failed")
        self.retry.setEnabled(unsent)
        self.discard.setEnabled(unsent)
        self.open_button.setEnabled(item is not None)

    def _retry(self) -> None:
        if (item := self.selected()) is not None:
            self.retry_requested.emit(item.id)

    def _discard(self) -> None:
        if (item := self.selected()) is not None:
            self.discard_requested.emit(item.id)

    def _open(self) -> None:
        if (item := self.selected()) is not None:
            self.open_requested.emit(item.conversation_id)
