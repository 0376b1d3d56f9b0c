"""Workflow dialogs: escalate, de-escalate, log time (work or vendor), pick a canned answer."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from supportdesk.services.inbox import AgentInfo
from supportdesk.services.workflow.canned import CannedInfo, FilledAnswer
from supportdesk.services.workflow.escalation import TIERS, EscalationInfo
from supportdesk.ui.i18n import _n
from supportdesk.ui.plain import PlainLabel


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def _warning_label() -> QLabel:
    label = PlainLabel()
    label.setObjectName("workflowWarning")
    label.setWordWrap(True)  # coloured by the theme (light and dark)
    label.hide()
    return label


class EscalateDialog(QDialog):
    """Hand a conversation to an expert or a tier: why (required) and what was tried."""

    def __init__(
        self, agents: Sequence[AgentInfo], me: str | None, subject: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Escalate conversation"))
        self.setMinimumWidth(480)
        intro = PlainLabel(_t("Escalate “{0}”. The expert sees why, and what was tried.").format(
            subject))
        intro.setWordWrap(True)
        self.expert = QComboBox()
        self.expert.addItem(_t("No one in particular"), None)
        for a in agents:
            if a.id != me:
                self.expert.addItem(a.name, a.id)
        self.tier = QComboBox()
        self.tier.setEditable(True)
        self.tier.addItem("", None)
        for tier in TIERS:
            self.tier.addItem(tier, tier)
        line = self.tier.lineEdit()
        if line is not None:
            line.setPlaceholderText(_t("e.g. Tier 2"))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("escalateReason")
        self.reason.setPlaceholderText(_t("Why does this need someone else? (required)"))
        self.reason.setMaximumHeight(80)
        self.tried = QPlainTextEdit()
        self.tried.setPlaceholderText(
            _t("What was tried already: steps, results, links to logs")
        )
        self.tried.setMaximumHeight(100)
        self.problem = PlainLabel()
        self.problem.setObjectName("muted")
        form = QFormLayout()
        form.addRow(_t("Expert"), self.expert)
        form.addRow(_t("Tier"), self.tier)
        form.addRow(_t("Reason"), self.reason)
        form.addRow(_t("Tried"), self.tried)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_t("Escalate"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for signal in (self.reason.textChanged, self.tried.textChanged):
            signal.connect(self._check)
        self.expert.currentIndexChanged.connect(self._check)
        self.tier.editTextChanged.connect(self._check)
        self._check()

    def to_agent_id(self) -> str | None:
        """The chosen expert, if any."""
        value = self.expert.currentData()
        return value if isinstance(value, str) else None

    def to_tier(self) -> str | None:
        """The chosen or typed tier, if any."""
        return self.tier.currentText().strip() or None

    def _check(self) -> None:
        problem = ""
        if not self.reason.toPlainText().strip():
            problem = _t("Say why: the reason is required.")
        elif self.to_agent_id() is None and self.to_tier() is None:
            problem = _t("Choose an expert, a tier, or both.")
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)


class DeEscalateDialog(QDialog):
    """Send an escalated conversation back, saying why."""

    def __init__(self, current: EscalationInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("De-escalate conversation"))
        self.setMinimumWidth(440)
        back = current.from_name or _t("the unassigned pile")
        info = PlainLabel(
            _t("Escalated to {0} by {1}.\nWhy: {2}\nTried: {3}\n\nIt goes back to {4}.").format(
                current.target, current.created_by_name or _t("someone"), current.reason,
                current.tried or _t("(nothing noted)"), back,
            )
        )
        info.setWordWrap(True)
        info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(
            _t("What was found or done, and why it goes back (required)")
        )
        self.reason.setMaximumHeight(90)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_t("De-escalate"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(PlainLabel(_t("Reason")))
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = bool(self.reason.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class TimeEntryDialog(QDialog):
    """Record time on a conversation: work, or time with a vendor's support."""

    def __init__(
        self, minutes: int, cover_warning: str = "", parent: QWidget | None = None,
        *, from_timer: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Stop the timer and log time") if from_timer else _t("Log time"))
        self.setMinimumWidth(440)
        self.warning = _warning_label()
        if cover_warning:
            self.warning.setText(cover_warning)
            self.warning.show()
        self.work = QRadioButton(_t("Work on the conversation"))
        self.vendor = QRadioButton(_t("Vendor support (their helpdesk or phone line)"))
        self.work.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.work)
        group.addButton(self.vendor)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setSuffix(_t(" min"))
        self.minutes.setValue(max(1, minutes))
        self.billable = QCheckBox(_t("Billable"))
        self.billable.setChecked(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(_t("What was done"))
        self.vendor_name = QLineEdit()
        self.vendor_name.setPlaceholderText(_t("e.g. Contoso Printers"))
        self.vendor_case = QLineEdit()
        self.vendor_case.setPlaceholderText(_t("their case or ticket number"))
        self.phone_minutes = QSpinBox()
        self.phone_minutes.setRange(0, 24 * 60)
        self.phone_minutes.setSuffix(_t(" min"))
        self.problem = PlainLabel()
        self.problem.setObjectName("muted")
        form = QFormLayout()
        form.addRow(_t("Time"), self.minutes)
        form.addRow("", self.billable)
        form.addRow(_t("Note"), self.note)
        self.vendor_box = QWidget()
        vendor_form = QFormLayout(self.vendor_box)
        vendor_form.setContentsMargins(0, 0, 0, 0)
        vendor_form.addRow(_t("Vendor"), self.vendor_name)
        vendor_form.addRow(_t("Their case number"), self.vendor_case)
        vendor_form.addRow(_t("Of which on the phone"), self.phone_minutes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addWidget(self.work)
        layout.addWidget(self.vendor)
        layout.addLayout(form)
        layout.addWidget(self.vendor_box)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for signal in (self.vendor.toggled, self.vendor_name.textChanged,
                       self.minutes.valueChanged, self.phone_minutes.valueChanged):
            signal.connect(self._check)
        self._check()

    @property
    def kind(self) -> str:
        """``work`` or ``vendor``."""
        return "vendor" if self.vendor.isChecked() else "work"

    def _check(self) -> None:
        vendor = self.vendor.isChecked()
        self.vendor_box.setEnabled(vendor)
        problem = ""
        if vendor and not self.vendor_name.text().strip():
            problem = _t("Name the vendor.")
        elif vendor and self.phone_minutes.value() > self.minutes.value():
            problem = _t("Time on the phone is part of the total time.")
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)


class CannedPicker(QDialog):
    """Find a canned answer by title or shortcut and see it filled in before inserting it.

    Args:
        search: ``(query) -> answers`` (the service's search, bound to a session).
        fill: ``(canned id) -> FilledAnswer`` for the current conversation.
    """

    def __init__(
        self,
        search: Callable[[str], list[CannedInfo]],
        fill: Callable[[str], FilledAnswer],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Insert a canned answer"))
        self.resize(720, 420)
        self._search = search
        self._fill = fill
        self.chosen: FilledAnswer | None = None
        self.query = QLineEdit()
        self.query.setObjectName("cannedSearch")
        self.query.setPlaceholderText(_t("Search by title or /shortcut"))
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("cannedResults")
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.unfilled = _warning_label()
        self.unfilled.setObjectName("workflowNote")  # amber, from the theme
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.unfilled)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.results)
        split.addWidget(right)
        split.setSizes([260, 440])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_t("Insert"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.query)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        self._debounce = QTimer(self, singleShot=True, interval=120)
        self._debounce.timeout.connect(self.refresh)
        self.query.textEdited.connect(lambda _text: self._debounce.start())
        self.query.returnPressed.connect(self._accept)
        self.results.currentItemChanged.connect(self._show_current)
        self.results.itemActivated.connect(lambda _item: self._accept())
        QShortcut(QKeySequence("Down"), self.query, lambda: self._step(1))
        QShortcut(QKeySequence("Up"), self.query, lambda: self._step(-1))
        self.refresh()

    def refresh(self) -> None:
        """Search again for the text in the box."""
        self.results.clear()
        for c in self._search(self.query.text()):
            label = f"{c.title}   /{c.shortcut}" if c.shortcut else c.title
            item = QListWidgetItem(f"{label}  ·  {c.language}")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setToolTip(_n("Used %n times", "", c.uses))
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        else:
            self.preview.setPlainText(_t("No canned answer matches."))
            self.unfilled.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.results.count() > 0
        )

    def _step(self, step: int) -> None:
        row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
        self.results.setCurrentRow(row)

    def _show_current(self, item: QListWidgetItem | None, _old: object = None) -> None:
        if item is None:
            return
        filled = self._fill(item.data(Qt.ItemDataRole.UserRole))
        self.preview.setPlainText(filled.text)
        if filled.unfilled:
            self.unfilled.setText(
                _t("Fill in before sending: {0}. A reply with a placeholder left cannot be "
                   "sent.").format(", ".join(filled.unfilled))
            )
            self.unfilled.show()
        else:
            self.unfilled.hide()

    def _accept(self) -> None:
        if self.results.currentRow() < 0:
            return
        item = self.results.currentItem()
        self.chosen = self._fill(item.data(Qt.ItemDataRole.UserRole))
        self.accept()
