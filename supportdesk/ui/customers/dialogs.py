"""The merge and unmerge dialogs: customers found by name, address or number."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supportdesk.services import customer_merge as cm

Index = QModelIndex | QPersistentModelIndex
ROLE_IDS = Qt.ItemDataRole.UserRole + 1


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def reason_text(reason: str) -> str:
    """Why two customers look like one person, in words."""
    return {"phone": _t("same phone"), "email": _t("same e-mail"),
            "name": _t("same name and organisation"),
            "chat-phone": _t("chat handle matches a phone")}.get(reason, reason)


class RowsModel(QAbstractListModel):
    """Rows of (text, ids): customers or suggested pairs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, tuple[str, ...]]] = []

    def set_rows(self, rows: Sequence[tuple[str, tuple[str, ...]]]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: the number of rows."""
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt: a row's text, or its customer ids."""
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        text, ids = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == ROLE_IDS:
            return ids
        return None


def _label(m: cm.Member) -> str:
    return f"{m.name} ({m.organization})" if m.organization else m.name


class MergeDialog(QDialog):
    """Pick customers (search, several at once, or a suggested pair) and merge them."""

    def __init__(self, window: Any, current: str | None, duplicates: bool = False) -> None:
        super().__init__(window)
        self.main = window
        self.store = window.store
        self.current = current
        self.setWindowTitle(_t("Merge customers"))
        self.resize(560, 520)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_t("Find customers by name, organisation, address or "
                                          "number"))
        self.search.textChanged.connect(self._find)
        layout.addWidget(self.search)
        self.found = RowsModel(self)
        self.found_view = QListView()
        self.found_view.setModel(self.found)
        self.found_view.setUniformItemSizes(True)
        self.found_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        layout.addWidget(self.found_view, 2)
        self.merge_button = QPushButton()
        self.merge_button.clicked.connect(lambda _c=False: self.merge_selected())
        layout.addWidget(self.merge_button)
        title = QLabel(_t("Likely duplicates"))
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        self.suggested = RowsModel(self)
        self.suggested_view = QListView()
        self.suggested_view.setModel(self.suggested)
        self.suggested_view.setUniformItemSizes(True)
        self.suggested_view.activated.connect(self._merge_pair)
        self.suggested_view.doubleClicked.connect(self._merge_pair)
        layout.addWidget(self.suggested_view, 1)
        self.pair_button = QPushButton(_t("Merge this pair"))
        self.pair_button.clicked.connect(
            lambda _c=False: self._merge_pair(self.suggested_view.currentIndex()))
        layout.addWidget(self.pair_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()
        if duplicates:
            self.suggested_view.setFocus()
        else:
            self.search.setFocus()

    def refresh(self) -> None:
        """Read the current customer and the suggestions again."""
        with self.store.read() as session:
            current = cm.members(session, self.current)[0] if self.current else None
            pairs = cm.suggestions(session)
        self.current_name = _label(current) if current else ""
        if current is None:
            self.intro.setText(_t("Select two or more customers: they are merged into the "
                                  "first one selected."))
            self.merge_button.setText(_t("Merge the selected customers"))
        else:
            self.intro.setText(_t("Customers you select are merged into {name}. Their "
                                  "addresses, phones and conversations stay theirs, so "
                                  "Unmerge can split them again.").format(
                                      name=self.current_name))
            self.merge_button.setText(_t("Merge into {name}").format(name=self.current_name))
        self.suggested.set_rows([
            (f"{p.a_name}  ↔  {p.b_name}  ({reason_text(p.reason)})", (p.a, p.b))
            for p in pairs])
        self._find(self.search.text())

    def _find(self, text: str) -> None:
        with self.store.read() as session:
            found = cm.find_customers(session, text)
        self.found.set_rows([(_label(m), (m.id,)) for m in found if m.id != self.current])

    def selected_ids(self) -> list[str]:
        """The customers selected in the search results, in list order."""
        rows = sorted(i.row() for i in self.found_view.selectionModel().selectedRows())
        return [self.found.rows[r][1][0] for r in rows]

    def merge_selected(self) -> bool:
        """Merge the selected customers (into the current one, or the first selected)."""
        ids = self.selected_ids()
        if self.current is None:
            if len(ids) < 2:
                self.intro.setText(_t("Select at least two customers to merge."))
                return False
            keep, others = ids[0], ids[1:]
        elif ids:
            keep, others = self.current, ids
        else:
            return False
        self.main.ops.write(lambda uow: cm.merge(uow, keep, others),
                              lambda _r: self._merged(keep))
        return True

    def _merge_pair(self, index: QModelIndex | QPersistentModelIndex) -> None:
        ids = index.data(ROLE_IDS) if index.isValid() else None
        if not ids:
            return
        keep: str = self.current if self.current is not None and self.current in ids \
            else ids[0]
        others = [i for i in ids if i != keep]
        self.main.ops.write(lambda uow: cm.merge(uow, keep, others),
                              lambda _r: self._merged(keep))

    def _merged(self, keep: str) -> None:
        self.current = keep
        self.merged = True
        self.refresh()
        current = getattr(self.main, "current_id", None)
        if current:
            self.main.open_conversation(current)


class UnmergeDialog(QDialog):
    """The customers merged into the current one; Unmerge splits one off again."""

    def __init__(self, window: Any, current: str | None) -> None:
        super().__init__(window)
        self.main = window
        self.store = window.store
        self.current = current
        self.setWindowTitle(_t("Unmerge a customer"))
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.model = RowsModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        layout.addWidget(self.view)
        self.button = QPushButton(_t("Unmerge"))
        self.button.clicked.connect(lambda _c=False: self.unmerge_selected())
        layout.addWidget(self.button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        """List the merged customers."""
        rows: list[tuple[str, tuple[str, ...]]] = []
        if self.current:
            with self.store.read() as session:
                group = cm.members(session, self.current)
            rows = [(_label(m), (m.id,)) for m in group[1:]]
        self.model.set_rows(rows)
        self.intro.setText(_t("Customers merged into this one:") if rows
                           else _t("No customer is merged into this one."))
        self.button.setEnabled(bool(rows))
        if rows:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def unmerge_selected(self) -> bool:
        """Split the selected customer off again."""
        index = self.view.currentIndex()
        if not index.isValid():
            return False
        (cid,) = index.data(ROLE_IDS)
        self.main.ops.write(lambda uow: cm.unmerge(uow, cid), lambda _r: self._done())
        return True

    def _done(self) -> None:
        self.refresh()
        current = getattr(self.main, "current_id", None)
        if current:
            self.main.open_conversation(current)


class EraseConfirmDialog(QDialog):
    """The second confirmation of an erasure: type the customer's name."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setWindowTitle(_t("Erase customer"))
        layout = QVBoxLayout(self)
        text = QLabel(_t("To confirm, type the customer's name: {name}").format(name=name))
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.typed = QLineEdit()
        layout.addWidget(self.typed)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = self.buttons.addButton(_t("Erase for good"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.erase_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.typed.textChanged.connect(
            lambda t: self.erase_button.setEnabled(" ".join(t.split()) == " ".join(name.split())))
