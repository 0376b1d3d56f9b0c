"""Tools → Canned answers…: list, search, write, translate and retire canned answers.

The dialog changes nothing itself. ``save_requested(CannedEdit)`` and
``delete_requested(id)`` ask the workflow controller to write through the
unit of work; it answers with :meth:`CannedAnswersDialog.saved`,
:meth:`~CannedAnswersDialog.deleted` or :meth:`~CannedAnswersDialog.show_error`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from supportdesk.services.workflow.canned import (
    PLACEHOLDERS,
    CannedInfo,
    malformed_placeholders,
    unknown_placeholders,
)
from supportdesk.ui.i18n import _n
from supportdesk.ui.plain import PlainLabel, literal


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


COL_TITLE, COL_SHORTCUT, COL_LANGUAGE, COL_USES = range(4)


def placeholder_title(name: str) -> str:
    """A known placeholder as a person reads it."""
    return {
        "customer_name": _t("Customer name"),
        "ticket": _t("Ticket number"),
        "agent": _t("Agent (your name)"),
        "eta": _t("ETA (when the customer hears back)"),
        "contract_balance": _t("Contract balance"),
    }.get(name, name)


def language_title(code: str) -> str:
    """``ru`` -> ``Russian (ru)``; an unknown code stays as it is."""
    names = {"en": _t("English"), "ru": _t("Russian"), "is": _t("Icelandic")}
    return f"{names[code]} ({code})" if code in names else code


@dataclass(frozen=True)
class CannedEdit:
    """What the editor asks to store."""

    canned_id: str | None
    title: str
    shortcut: str
    language: str
    body: str
    allow_unknown: bool


class CannedAnswersDialog(QDialog):
    """Owners manage canned answers here; reps see how often each is used.

    Args:
        load: ``() -> answers`` (every active answer with its use count).
        languages: language codes offered in the editor.
        ask: ``(parent, title, text) -> yes?`` for deleting (tests pass a stand-in).
    """

    save_requested = Signal(object)  # CannedEdit
    delete_requested = Signal(str)

    def __init__(
        self,
        load: Callable[[], list[CannedInfo]],
        languages: Sequence[str],
        parent: QWidget | None = None,
        *,
        ask: Callable[[QWidget | None, str, str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Canned answers"))
        self.resize(980, 600)
        self._load = load
        self._ask = ask or _ask
        self.answers: list[CannedInfo] = []
        self.current_id: str | None = None

        self.search = QLineEdit()
        self.search.setObjectName("cannedManageSearch")
        self.search.setPlaceholderText(_t("Search by title or /shortcut"))
        self.search.setClearButtonEnabled(True)
        self.language_filter = QComboBox()
        self.language_filter.setObjectName("cannedLanguageFilter")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("cannedTable")
        self.table.setHorizontalHeaderLabels([_t("Title"), _t("Shortcut"), _t("Language"),
                                              _t("Used")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for col in (COL_SHORTCUT, COL_LANGUAGE, COL_USES):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(_t("Used: how many replies this answer went into, on every "
                                 "device of the team."))
        self.new_button = QPushButton(_t("New"))
        self.translate_button = QPushButton(_t("Translate…"))
        self.translate_button.setToolTip(
            _t("A new answer with the same shortcut in another language"))
        self.delete_button = QPushButton(_t("Delete"))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.language_filter)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.translate_button)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        left_layout.addLayout(row)

        self.heading = PlainLabel()
        self.heading.setObjectName("sectionTitle")
        self.title = QLineEdit()
        self.title.setObjectName("cannedTitle")
        self.title.setPlaceholderText(_t("e.g. Refund issued"))
        self.shortcut = QLineEdit()
        self.shortcut.setObjectName("cannedShortcut")
        self.shortcut.setPlaceholderText(_t("e.g. refund (typed as /refund)"))
        self.language = QComboBox()
        self.language.setEditable(True)
        self.language.setObjectName("cannedLanguage")
        for code in languages:
            self.language.addItem(language_title(code), code)
        self.body = QPlainTextEdit()
        self.body.setObjectName("cannedBody")
        self.body.setPlaceholderText(
            _t("Hi {customer_name},\n\nThanks for writing about {ticket}. You will hear from "
               "me {eta}.\n\n{agent}"))
        self.insert_button = QPushButton(_t("Insert placeholder"))
        self.insert_button.setToolTip(_t("Filled in for each conversation when the answer "
                                         "is inserted"))
        menu = QMenu(self.insert_button)
        self.placeholder_actions: dict[str, QAction] = {}
        for name in PLACEHOLDERS:
            action = menu.addAction(f"{placeholder_title(name)}   {{{name}}}")
            action.triggered.connect(lambda _c=False, n=name: self.insert_placeholder(n))
            self.placeholder_actions[name] = action
        self.insert_button.setMenu(menu)
        self.allow_gaps = QCheckBox(_t("Allow gaps the rep fills in, like {order_number}"))
        self.allow_gaps.setToolTip(
            _t("SupportDesk fills only the placeholders in the menu. Other words in braces "
               "stay in the reply, and it cannot be sent until the rep replaces them."))
        self.problem = PlainLabel()
        self.problem.setObjectName("muted")
        self.problem.setWordWrap(True)
        self.error = PlainLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.save_button = QPushButton(_t("Save"))
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(_t("Revert"))

        right = QWidget()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_t("Title"), self.title)
        form.addRow(_t("Shortcut"), self.shortcut)
        form.addRow(_t("Language"), self.language)
        tools = QHBoxLayout()
        tools.addWidget(self.insert_button)
        tools.addStretch(1)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addLayout(form)
        right_layout.addLayout(tools)
        right_layout.addWidget(self.body, 1)
        right_layout.addWidget(self.allow_gaps)
        right_layout.addWidget(self.problem)
        right_layout.addWidget(self.error)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.revert_button)
        save_row.addWidget(self.save_button)
        right_layout.addLayout(save_row)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([430, 550])
        split.setChildrenCollapsible(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(close)

        self.search.textChanged.connect(lambda _text: self._fill_table())
        self.language_filter.currentIndexChanged.connect(lambda _i: self._fill_table())
        self.table.itemSelectionChanged.connect(self._selected)
        self.new_button.clicked.connect(lambda: self.new_answer())
        self.translate_button.clicked.connect(self.translate)
        self.delete_button.clicked.connect(self.delete_current)
        self.save_button.clicked.connect(self.request_save)
        self.revert_button.clicked.connect(lambda: self.select(self.current_id))
        for signal in (self.title.textChanged, self.shortcut.textChanged,
                       self.body.textChanged, self.language.editTextChanged,
                       self.allow_gaps.toggled):
            signal.connect(self._check)
        self.reload()
        if self.answers:
            self.select(self.answers[0].id)
        else:
            self.new_answer()

    # -- the list ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the answers again and show them."""
        self.answers = self._load()
        current = self.language_filter.currentData()
        self.language_filter.blockSignals(True)
        self.language_filter.clear()
        self.language_filter.addItem(_t("All languages"), None)
        for code in sorted({a.language for a in self.answers}):
            self.language_filter.addItem(language_title(code), code)
        self.language_filter.setCurrentIndex(max(0, self.language_filter.findData(current)))
        self.language_filter.blockSignals(False)
        self._fill_table()

    def visible_answers(self) -> list[CannedInfo]:
        """The answers the search and the language filter let through, most used first."""
        q = self.search.text().strip().casefold().lstrip("/")
        lang = self.language_filter.currentData()
        out = []
        for a in self.answers:
            if lang and a.language != lang:
                continue
            if q and not all(w in a.title.casefold() or w in a.shortcut for w in q.split()):
                continue
            out.append(a)
        return out

    def _fill_table(self) -> None:
        shown = self.visible_answers()
        self.table.blockSignals(True)
        self.table.setRowCount(len(shown))
        for row, a in enumerate(shown):
            cells = (a.title, f"/{a.shortcut}" if a.shortcut else "", a.language, str(a.uses))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                if col == COL_USES:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.clearSelection()
        for row, a in enumerate(shown):
            if a.id == self.current_id:
                self.table.selectRow(row)
        self.table.blockSignals(False)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            item = self.table.item(rows[0].row(), COL_TITLE)
            if item is None:
                return
            wanted = item.data(Qt.ItemDataRole.UserRole)
            if wanted != self.current_id and self.unsaved() and not self._discard_ok():
                self._fill_table()  # the row of the answer being edited stays selected
                return
            self.select(wanted)

    def unsaved(self) -> bool:
        """Whether the editor holds changes to the shown answer that are not stored."""
        shown = self.answer(self.current_id)
        if shown is None:
            return bool(self.body.toPlainText().strip() or self.title.text().strip())
        return (self.title.text(), self.shortcut.text(), self.body.toPlainText()) != (
            shown.title, shown.shortcut, shown.body)

    def _discard_ok(self) -> bool:
        answer = QMessageBox.question(
            self, _t("Unsaved changes"),
            _t("This answer has changes that are not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def answer(self, canned_id: str | None) -> CannedInfo | None:
        """A loaded answer by id."""
        return next((a for a in self.answers if a.id == canned_id), None)

    def select(self, canned_id: str | None) -> None:
        """Show an answer in the editor (a new, empty one when not found)."""
        found = self.answer(canned_id)
        if found is None:
            self.new_answer()
            return
        self.current_id = found.id
        self.heading.setText(_n("Used %n times", "", found.uses) if found.uses
                             else _t("Not used yet"))
        self._set_language(found.language)
        self.title.setText(found.title)
        self.shortcut.setText(found.shortcut)
        self.body.setPlainText(found.body)
        self.allow_gaps.setChecked(bool(unknown_placeholders(found.body)))
        self.translate_button.setEnabled(True)
        self.delete_button.setEnabled(True)
        self.error.hide()
        self._fill_table()
        self._check()

    def new_answer(self, *, like: CannedInfo | None = None, language: str = "en") -> None:
        """Empty the editor for a new answer (a translation keeps title and shortcut)."""
        self.current_id = None
        self.table.clearSelection()
        self.heading.setText(_t("New translation") if like else _t("New canned answer"))
        self.title.setText(like.title if like else "")
        self.shortcut.setText(like.shortcut if like else "")
        self._set_language(language)
        self.body.setPlainText("")
        self.allow_gaps.setChecked(False)
        self.translate_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.error.hide()
        self._check()
        self.title.setFocus()

    def translate(self) -> None:
        """Start the same shortcut in a language it has no answer in yet."""
        source = self.answer(self.current_id)
        if source is None:
            return
        taken = {a.language for a in self.answers if a.shortcut == source.shortcut}
        codes = [self.language.itemData(i) for i in range(self.language.count())]
        free = next((c for c in codes if c and c not in taken), "")
        self.new_answer(like=source, language=free)
        self.body.setFocus()

    def _set_language(self, code: str) -> None:
        index = self.language.findData(code)
        if index < 0:
            self.language.setEditText(code)
        else:
            self.language.setCurrentIndex(index)

    def language_code(self) -> str:
        """The language chosen or typed, as a code."""
        index = self.language.currentIndex()
        text = self.language.currentText().strip()
        if index >= 0 and self.language.itemText(index) == text:
            return str(self.language.itemData(index))
        return text.lower()

    # -- editing -------------------------------------------------------------------------

    def insert_placeholder(self, name: str) -> None:
        """Put ``{name}`` at the cursor in the text."""
        self.body.insertPlainText(f"{{{name}}}")
        self.body.setFocus()

    def problem_text(self) -> str:
        """Why the answer cannot be saved as it is ("" when it can)."""
        if not self.title.text().strip():
            return _t("Give the answer a title.")
        if any(ch.isspace() for ch in self.shortcut.text().strip()):
            return _t("A shortcut is one word, like /refund.")
        code = self.language_code()
        if not code or len(code) > 16 or " " in code:
            return _t("Choose a language, or type its code (like de).")
        body = self.body.toPlainText()
        if not body.strip():
            return _t("Write the text of the answer.")
        shortcut = self.shortcut.text().strip().lstrip("/").lower()
        clash = next((a for a in self.answers if shortcut and a.shortcut == shortcut
                      and a.language == code and a.id != self.current_id), None)
        if clash is not None:
            return _t("/{0} in {1} is already “{2}”. Choose another shortcut or "
                      "language.").format(shortcut, code, clash.title)
        bad = malformed_placeholders(body)
        if bad:
            return _t("{0} is not a placeholder: write one word with underscores in braces, "
                      "like {{customer_name}}.").format(", ".join(bad))
        unknown = unknown_placeholders(body)
        if unknown and not self.allow_gaps.isChecked():
            known = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
            return _t("SupportDesk cannot fill {0}. Use the placeholders it knows ({1}), or "
                      "tick “Allow gaps” so the rep fills it in before sending.").format(
                          ", ".join(unknown), known)
        return ""

    def _check(self) -> bool:
        problem = self.problem_text()
        self.problem.setText(problem)
        self.save_button.setEnabled(not problem)
        return not problem

    def request_save(self) -> None:
        """Ask for the answer to be stored (when it is complete)."""
        if not self._check():
            return
        self.error.hide()
        self.save_button.setEnabled(False)
        self.save_requested.emit(CannedEdit(
            canned_id=self.current_id,
            title=self.title.text().strip(),
            shortcut=self.shortcut.text().strip().lstrip("/").lower(),
            language=self.language_code(),
            body=self.body.toPlainText().strip(),
            allow_unknown=self.allow_gaps.isChecked(),
        ))

    def delete_current(self) -> None:
        """Delete the shown answer after asking (its use count stays in reports)."""
        found = self.answer(self.current_id)
        if found is None:
            return
        if self._ask(self, _t("Delete canned answer"),
                     _t("Delete “{0}” ({1})? Replies already sent keep their text.").format(
                         found.title, found.language)):
            self.delete_requested.emit(found.id)

    # -- answers from the controller ------------------------------------------------------

    def saved(self, canned_id: str) -> None:
        """The answer is stored: show the list again with it selected."""
        self.reload()
        self.select(canned_id)

    def deleted(self, canned_id: str) -> None:
        """The answer is gone from the list."""
        self.reload()
        if self.current_id == canned_id:
            shown = self.visible_answers()
            self.select(shown[0].id if shown else None)

    def show_error(self, message: str) -> None:
        """The store refused the change; nothing was written."""
        self.error.setText(message)
        self.error.show()
        self._check()


def _ask(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, literal(text))
    return answer == QMessageBox.StandardButton.Yes
