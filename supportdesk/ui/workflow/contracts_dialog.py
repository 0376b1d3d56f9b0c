"""Contracts…: who is covered, by what, under which SLA, and what is left.

From Tools → Contracts… every contract is listed; from the customer panel
("Contract…") the customer's own and their organisation's. The dialog
changes nothing itself: ``save_requested(ContractEdit)`` and
``usage_requested(UsageEdit)`` ask the workflow controller to write through
the unit of work, which answers with :meth:`ContractsDialog.saved` or
:meth:`ContractsDialog.show_error`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from supportdesk.models.workflow import ContractKind, UsageKind
from supportdesk.services.workflow.contracts import (
    Balance,
    ContractListItem,
    HolderChoice,
    UsageInfo,
    balance_text,
    format_cents,
    format_minutes,
    parse_cents,
)
from supportdesk.services.workflow.team import PolicyInfo, WorkflowError
from supportdesk.ui.i18n import _n
from supportdesk.ui.plain import PlainLabel


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def kind_title(kind: str) -> str:
    """A contract kind as an owner reads it."""
    titles: dict[str, str] = {
        ContractKind.NONE: _t("No support included"),
        ContractKind.PER_INCIDENT: _t("Billed per incident"),
        ContractKind.PREPAID_HOURS: _t("Prepaid hours"),
        ContractKind.PREPAID_INCIDENTS: _t("Prepaid incidents"),
    }
    return titles.get(kind, kind)


def usage_title(kind: str) -> str:
    """A usage row's kind in words."""
    titles: dict[str, str] = {
        UsageKind.MINUTES: _t("Work"),
        UsageKind.INCIDENT: _t("Incident"),
        UsageKind.TOPUP: _t("Top-up"),
        UsageKind.ADJUSTMENT: _t("Adjustment"),
    }
    return titles.get(kind, kind)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


@dataclass(frozen=True)
class ContractEdit:
    """What the editor asks to store."""

    contract_id: str | None
    name: str
    kind: str
    customer_id: str | None
    organization: str | None
    price_cents: int
    currency: str
    prepaid_quantity: int
    starts_on: date
    expires_on: date | None
    sla_policy_id: str | None
    notes: str


@dataclass(frozen=True)
class UsageEdit:
    """A top-up or an adjustment to store."""

    contract_id: str
    kind: str  # "topup" or "adjustment"
    amount: int  # minutes or incidents
    note: str


@dataclass(frozen=True)
class ContractDetails:
    """The balance and history the dialog shows for one contract."""

    balance: Balance
    history: list[UsageInfo]
    status: str  # a sentence: in force, expired, used up ...


class UsageDialog(QDialog):
    """Top up a pack, or adjust its balance with a note saying why."""

    def __init__(self, kind: str, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.unit = unit
        topup = kind == UsageKind.TOPUP
        self.setWindowTitle(_t("Top up") if topup else _t("Adjust the balance"))
        self.setMinimumWidth(420)
        intro = PlainLabel(
            _t("Add what the customer bought.") if topup else
            _t("A positive amount uses up balance; a negative one gives it back.")
        )
        intro.setWordWrap(True)
        self.amount = QDoubleSpinBox()
        self.amount.setObjectName("usageAmount")
        if unit == "minutes":
            self.amount.setDecimals(2)
            self.amount.setSingleStep(0.5)
            self.amount.setSuffix(_t(" h"))
        else:
            self.amount.setDecimals(0)
            self.amount.setSuffix(_t(" incidents"))
        self.amount.setRange(0 if topup else -10_000, 10_000)
        self.note = QLineEdit()
        self.note.setObjectName("usageNote")
        self.note.setPlaceholderText(
            _t("e.g. invoice 2026-114") if topup else _t("Why (required)"))
        self.problem = PlainLabel()
        self.problem.setObjectName("muted")
        form = QFormLayout()
        form.addRow(_t("Amount"), self.amount)
        form.addRow(_t("Note"), self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.amount.valueChanged.connect(self._check)
        self.note.textChanged.connect(self._check)
        self._check()

    def amount_units(self) -> int:
        """The amount in the contract's unit (minutes or incidents)."""
        value = self.amount.value()
        return round(value * 60) if self.unit == "minutes" else round(value)

    def _check(self) -> None:
        problem = ""
        if self.amount_units() == 0:
            problem = _t("Enter an amount.")
        elif self.kind == UsageKind.ADJUSTMENT and not self.note.text().strip():
            problem = _t("Say why the balance changes.")
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)

    def result_edit(self, contract_id: str) -> UsageEdit:
        """The usage to store."""
        return UsageEdit(contract_id, self.kind, self.amount_units(), self.note.text().strip())


class ContractsDialog(QDialog):
    """List, create and edit contracts; top up and adjust packs; see balance and history.

    Args:
        load: ``() -> contracts`` to list.
        details: ``(contract id) -> ContractDetails``.
        find_holders: ``(text) -> customers and organisations`` matching it.
        policies: the SLA policies a contract may use (stored ones).
        today: the team's local date (new contracts start on it).
        holder: the customer a new contract is for (from the customer panel).
        other_holders: further choices offered for a new contract (their organisation).
    """

    save_requested = Signal(object)  # ContractEdit
    usage_requested = Signal(object)  # UsageEdit
    new_policy_requested = Signal()
    edit_policy_requested = Signal(str)

    def __init__(
        self,
        load: Callable[[], list[ContractListItem]],
        details: Callable[[str], ContractDetails],
        find_holders: Callable[[str], list[HolderChoice]],
        policies: Sequence[PolicyInfo],
        today: date,
        parent: QWidget | None = None,
        *,
        holder: HolderChoice | None = None,
        other_holders: Sequence[HolderChoice] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            _t("Contracts of {0}").format(holder.label) if holder else _t("Contracts"))
        self.resize(1040, 680)
        self._load = load
        self._details = details
        self._find_holders = find_holders
        self.today = today
        self.default_holder = holder
        self.other_holders = list(other_holders)
        self.items: list[ContractListItem] = []
        self.current_id: str | None = None
        self.current_unit = ""

        self.list = QListWidget()
        self.list.setObjectName("contractList")
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)
        self.new_button = QPushButton(_t("New contract"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.new_button)

        # -- the contract ---------------------------------------------------------------
        self.name = QLineEdit()
        self.name.setObjectName("contractName")
        self.name.setPlaceholderText(_t("e.g. Northwind: 10 h pack 2026"))
        self.holder = QComboBox()
        self.holder.setObjectName("contractHolder")
        self.holder_search = QLineEdit()
        self.holder_search.setObjectName("holderSearch")
        self.holder_search.setPlaceholderText(_t("Find a customer or organisation…"))
        self.holder_search.setClearButtonEnabled(True)
        holder_row = QHBoxLayout()
        holder_row.addWidget(self.holder, 1)
        holder_row.addWidget(self.holder_search, 1)
        self.kind = QComboBox()
        self.kind.setObjectName("contractKind")
        for kind in (ContractKind.PREPAID_HOURS, ContractKind.PREPAID_INCIDENTS,
                     ContractKind.PER_INCIDENT, ContractKind.NONE):
            self.kind.addItem(kind_title(kind), str(kind))
        self.price = QLineEdit()
        self.price.setObjectName("contractPrice")
        self.price.setPlaceholderText("95.00")
        self.currency = QLineEdit("EUR")
        self.currency.setMaxLength(3)
        self.currency.setMaximumWidth(60)
        price_row = QHBoxLayout()
        price_row.addWidget(self.price, 1)
        price_row.addWidget(self.currency)
        self.price_label = PlainLabel(_t("Price per incident"))
        self.quantity = QDoubleSpinBox()
        self.quantity.setObjectName("contractQuantity")
        self.quantity.setRange(0, 100_000)
        self.quantity_label = PlainLabel(_t("Prepaid"))
        self.starts = QDateEdit(_qdate(today))
        self.starts.setObjectName("contractStarts")
        self.starts.setCalendarPopup(True)
        self.starts.setDisplayFormat("yyyy-MM-dd")
        self.expires_on = QCheckBox(_t("Expires on"))
        self.expires = QDateEdit(_qdate(date(today.year + 1, today.month, min(today.day, 28))))
        self.expires.setObjectName("contractExpires")
        self.expires.setCalendarPopup(True)
        self.expires.setDisplayFormat("yyyy-MM-dd")
        dates = QHBoxLayout()
        dates.addWidget(self.starts)
        dates.addSpacing(12)
        dates.addWidget(self.expires_on)
        dates.addWidget(self.expires)
        dates.addStretch(1)
        self.policy = QComboBox()
        self.policy.setObjectName("contractPolicy")
        self.new_policy = QPushButton(_t("New policy…"))
        self.edit_policy = QPushButton(_t("Edit policy…"))
        policy_row = QHBoxLayout()
        policy_row.addWidget(self.policy, 1)
        policy_row.addWidget(self.new_policy)
        policy_row.addWidget(self.edit_policy)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(54)
        self.notes.setPlaceholderText(_t("Anything the team should know (optional)"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_t("Name"), self.name)
        form.addRow(_t("Covers"), holder_row)
        form.addRow(_t("Kind"), self.kind)
        form.addRow(self.price_label, price_row)
        form.addRow(self.quantity_label, self.quantity)
        form.addRow(_t("Starts on"), dates)
        form.addRow(_t("SLA policy"), policy_row)
        form.addRow(_t("Notes"), self.notes)
        self.problem = PlainLabel()
        self.problem.setObjectName("muted")
        self.problem.setWordWrap(True)
        self.error = PlainLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.save_button = QPushButton(_t("Save contract"))
        self.save_button.setDefault(True)
        editor = QGroupBox(_t("Contract"))
        editor_layout = QVBoxLayout(editor)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.problem)
        editor_layout.addWidget(self.error)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        editor_layout.addLayout(save_row)

        # -- balance and history --------------------------------------------------------
        self.balance = PlainLabel()
        self.balance.setObjectName("contractBalance")
        self.balance.setWordWrap(True)
        self.status = PlainLabel()
        self.status.setObjectName("contractStatus")
        self.status.setWordWrap(True)
        self.history = QTableWidget(0, 5)
        self.history.setObjectName("contractHistory")
        self.history.setHorizontalHeaderLabels(
            [_t("When"), _t("What"), _t("Amount"), _t("Balance after"), _t("Note")])
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.history.horizontalHeader()
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.topup_button = QPushButton(_t("Top up…"))
        self.adjust_button = QPushButton(_t("Adjust…"))
        usage_box = QGroupBox(_t("Balance and history"))
        usage_layout = QVBoxLayout(usage_box)
        top = QHBoxLayout()
        top.addWidget(self.balance, 1)
        top.addWidget(self.topup_button)
        top.addWidget(self.adjust_button)
        usage_layout.addLayout(top)
        usage_layout.addWidget(self.status)
        usage_layout.addWidget(self.history, 1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(editor)
        right_layout.addWidget(usage_box, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([300, 740])
        split.setChildrenCollapsible(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(close)

        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self.search_holders)
        self.holder_search.textEdited.connect(lambda _t: self._search_timer.start())
        self.holder_search.returnPressed.connect(self.search_holders)
        self.list.currentItemChanged.connect(self._picked)
        self.new_button.clicked.connect(lambda: self.new_contract())
        self.save_button.clicked.connect(self.request_save)
        self.topup_button.clicked.connect(lambda: self.ask_usage(UsageKind.TOPUP))
        self.adjust_button.clicked.connect(lambda: self.ask_usage(UsageKind.ADJUSTMENT))
        self.new_policy.clicked.connect(self.new_policy_requested.emit)
        self.edit_policy.clicked.connect(self._edit_policy)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        for signal in (self.name.textChanged, self.price.textChanged,
                       self.currency.textChanged):
            signal.connect(self._check)
        self.quantity.valueChanged.connect(self._check)
        self.holder.currentIndexChanged.connect(self._check)
        self.starts.dateChanged.connect(self._check)
        self.expires.dateChanged.connect(self._check)
        self.expires_on.toggled.connect(self._check)
        self.expires_on.toggled.connect(self.expires.setEnabled)
        self.policy.currentIndexChanged.connect(
            lambda _i: self.edit_policy.setEnabled(self.policy.currentData() is not None))
        self.set_policies(policies)
        self.reload()
        if self.items:
            self.select(self.items[0].info.id)
        else:
            self.new_contract()

    # -- list ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the contracts again."""
        self.items = self._load()
        self.list.blockSignals(True)
        self.list.clear()
        for item in self.items:
            c = item.info
            line = QListWidgetItem(f"{c.name}\n{item.holder} · {kind_title(c.kind)}")
            line.setData(Qt.ItemDataRole.UserRole, c.id)
            if not c.in_force(self.today):
                line.setToolTip(_t("Not in force today"))
                line.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(line)
            if c.id == self.current_id:
                self.list.setCurrentItem(line)
        self.list.blockSignals(False)

    def set_policies(self, policies: Sequence[PolicyInfo], select: str | None = None) -> None:
        """The policies to choose from (the team's default first)."""
        keep = select if select is not None else self.policy.currentData()
        self.policy.blockSignals(True)
        self.policy.clear()
        self.policy.addItem(_t("The team's default policy"), None)
        for p in policies:
            if p.id is not None and not p.is_default:
                self.policy.addItem(p.name, p.id)
        self.policy.setCurrentIndex(max(0, self.policy.findData(keep)))
        self.policy.blockSignals(False)
        self.edit_policy.setEnabled(self.policy.currentData() is not None)

    def _picked(self, item: QListWidgetItem | None, _old: object = None) -> None:
        if item is not None:
            self.select(item.data(Qt.ItemDataRole.UserRole))

    def item(self, contract_id: str | None) -> ContractListItem | None:
        """A listed contract by id."""
        return next((i for i in self.items if i.info.id == contract_id), None)

    def select(self, contract_id: str | None) -> None:
        """Show a contract (or a new one when it is not listed)."""
        found = self.item(contract_id)
        if found is None:
            self.new_contract()
            return
        c = found.info
        self.current_id = c.id
        self.name.setText(c.name)
        choice = HolderChoice(found.holder, c.customer_id, c.organization)
        self._set_holder_choices([choice], choice)
        self.kind.setCurrentIndex(max(0, self.kind.findData(c.kind)))
        self._kind_changed()
        self.price.setText(format_cents(c.price_cents) if c.price_cents else "")
        self.currency.setText(c.currency)
        self.quantity.setValue(c.prepaid_quantity / 60 if c.unit == "minutes"
                               else c.prepaid_quantity)
        self.starts.setDate(_qdate(c.starts_on))
        self.expires_on.setChecked(c.expires_on is not None)
        self.expires.setEnabled(c.expires_on is not None)
        if c.expires_on is not None:
            self.expires.setDate(_qdate(c.expires_on))
        self.policy.setCurrentIndex(max(0, self.policy.findData(c.sla_policy_id)))
        self.notes.setPlainText(found.notes)
        self.error.hide()
        self.save_button.setText(_t("Save contract"))
        for row in range(self.list.count()):
            line = self.list.item(row)
            if line.data(Qt.ItemDataRole.UserRole) == c.id:
                self.list.blockSignals(True)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)
        self.show_details()
        self._check()

    def new_contract(self) -> None:
        """Empty the editor for a new contract."""
        self.current_id = None
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.name.clear()
        holder = self.default_holder
        self._set_holder_choices(([holder] if holder else []) + self.other_holders, holder)
        self.kind.setCurrentIndex(0)
        self._kind_changed()
        self.price.clear()
        self.currency.setText("EUR")
        self.quantity.setValue(10)
        self.starts.setDate(_qdate(self.today))
        self.expires_on.setChecked(True)
        self.expires.setEnabled(True)
        self.expires.setDate(_qdate(date(self.today.year + 1, self.today.month,
                                         min(self.today.day, 28))))
        self.policy.setCurrentIndex(0)
        self.notes.clear()
        self.error.hide()
        self.save_button.setText(_t("Create contract"))
        self.show_details()
        self._check()
        self.name.setFocus()

    # -- holder ----------------------------------------------------------------------------

    def _set_holder_choices(
        self, choices: Sequence[HolderChoice], selected: HolderChoice | None
    ) -> None:
        self.holder.blockSignals(True)
        self.holder.clear()
        if not choices:
            self.holder.addItem(_t("Nobody yet: search on the right"), None)
        for choice in choices:
            prefix = _t("Customer") if choice.customer_id else _t("Organisation")
            self.holder.addItem(f"{prefix}: {choice.label}", choice)
        index = next((i for i, c in enumerate(choices) if c == selected), 0)
        self.holder.setCurrentIndex(index)
        self.holder.blockSignals(False)
        self._check()

    def search_holders(self) -> None:
        """Offer the customers and organisations matching the search text."""
        found = self._find_holders(self.holder_search.text())
        current = self.holder_choice()
        choices = ([current] if current and current not in found else []) + found
        self._set_holder_choices(choices, found[0] if found else current)

    def holder_choice(self) -> HolderChoice | None:
        """Whom the contract covers, as chosen."""
        data = self.holder.currentData()
        return data if isinstance(data, HolderChoice) else None

    # -- kind, validation, save ---------------------------------------------------------

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        hours = kind == ContractKind.PREPAID_HOURS
        pack = kind in (ContractKind.PREPAID_HOURS, ContractKind.PREPAID_INCIDENTS)
        per_incident = kind == ContractKind.PER_INCIDENT
        self.quantity.setEnabled(pack)
        self.quantity_label.setEnabled(pack)
        self.quantity.setDecimals(2 if hours else 0)
        self.quantity.setSingleStep(0.5 if hours else 1)
        self.quantity.setSuffix(_t(" h") if hours else _t(" incidents"))
        self.price.setEnabled(per_incident)
        self.currency.setEnabled(per_incident)
        self.price_label.setEnabled(per_incident)
        self._check()

    def quantity_units(self) -> int:
        """The prepaid amount in minutes (hours pack) or incidents."""
        kind = self.kind.currentData()
        if kind == ContractKind.PREPAID_HOURS:
            return round(self.quantity.value() * 60)
        if kind == ContractKind.PREPAID_INCIDENTS:
            return round(self.quantity.value())
        return 0

    def problem_text(self) -> str:
        """Why the contract cannot be saved as it is ("" when it can)."""
        kind = self.kind.currentData()
        if not self.name.text().strip():
            return _t("Give the contract a name.")
        if self.holder_choice() is None:
            return _t("Choose the customer or organisation it covers.")
        if kind in (ContractKind.PREPAID_HOURS, ContractKind.PREPAID_INCIDENTS) and (
            self.quantity_units() <= 0
        ):
            return _t("A prepaid pack needs hours or incidents to draw on.")
        if kind == ContractKind.PER_INCIDENT:
            try:
                parse_cents(self.price.text())
            except WorkflowError as exc:
                return str(exc)
            currency = self.currency.text().strip()
            if len(currency) != 3 or not currency.isalpha():
                return _t("The currency is a three-letter code, like EUR.")
        if self.expires_on.isChecked() and self.expires.date() < self.starts.date():
            return _t("The contract cannot expire before it starts.")
        return ""

    def _check(self) -> bool:
        problem = self.problem_text()
        self.problem.setText(problem)
        self.save_button.setEnabled(not problem)
        return not problem

    def request_save(self) -> None:
        """Ask for the contract to be stored (when it is complete)."""
        if not self._check():
            return
        holder = self.holder_choice()
        assert holder is not None
        kind = str(self.kind.currentData())
        self.error.hide()
        self.save_button.setEnabled(False)
        self.save_requested.emit(ContractEdit(
            contract_id=self.current_id,
            name=self.name.text().strip(),
            kind=kind,
            customer_id=holder.customer_id,
            organization=holder.organization,
            price_cents=self._price_cents(),
            currency=self.currency.text().strip().upper() or "EUR",
            prepaid_quantity=self.quantity_units(),
            starts_on=_pydate(self.starts.date()),
            expires_on=_pydate(self.expires.date()) if self.expires_on.isChecked() else None,
            sla_policy_id=self.policy.currentData(),
            notes=self.notes.toPlainText().strip(),
        ))

    def _price_cents(self) -> int:
        """The price as entered; another kind keeps a stored price it does not use."""
        try:
            return parse_cents(self.price.text())
        except WorkflowError:
            if self.kind.currentData() == ContractKind.PER_INCIDENT:
                raise
            return 0

    def _edit_policy(self) -> None:
        policy_id = self.policy.currentData()
        if policy_id:
            self.edit_policy_requested.emit(policy_id)

    # -- balance ------------------------------------------------------------------------

    def show_details(self) -> None:
        """Show the shown contract's balance and history."""
        stored = self.current_id is not None
        self.history.setRowCount(0)
        if not stored:
            self.balance.setText(_t("Save the contract to see its balance."))
            self.status.clear()
            self.topup_button.setEnabled(False)
            self.adjust_button.setEnabled(False)
            return
        assert self.current_id is not None
        info = self._details(self.current_id)
        bal = info.balance
        unit = bal.contract.unit
        self.current_unit = unit
        self.topup_button.setEnabled(bool(unit))
        self.adjust_button.setEnabled(bool(unit))
        if bal.contract.kind == ContractKind.PER_INCIDENT:
            text = _n("%n incidents billed: {0} {1}", "", bal.incidents).format(
                format_cents(bal.owed_cents), bal.contract.currency)
        elif unit:
            text = _t("Balance: {0} (prepaid {1}, topped up {2}, used {3})").format(
                balance_text(bal), self._amount(bal.prepaid, unit),
                self._amount(bal.added, unit), self._amount(bal.used, unit))
        else:
            text = balance_text(bal)
        self.balance.setText(text)
        self.status.setText(info.status)
        self.history.setRowCount(len(info.history))
        for row, u in enumerate(reversed(info.history)):
            after = "" if u.remaining_after is None else self._amount(u.remaining_after, unit)
            cells = (u.at.astimezone().strftime("%Y-%m-%d %H:%M"), usage_title(u.kind),
                     self._amount(u.amount, unit or "incidents"), after, u.note)
            for col, cell in enumerate(cells):
                self.history.setItem(row, col, QTableWidgetItem(cell))

    @staticmethod
    def _amount(value: int, unit: str) -> str:
        if unit == "minutes":
            return format_minutes(value)
        return str(value)

    def ask_usage(self, kind: str) -> UsageDialog | None:
        """Ask for a top-up or an adjustment of the shown pack (non-blocking)."""
        if self.current_id is None or not self.current_unit:
            return None
        dialog = UsageDialog(kind, self.current_unit, self)
        contract_id = self.current_id
        dialog.accepted.connect(
            lambda: self.usage_requested.emit(dialog.result_edit(contract_id)))
        dialog.open()
        return dialog

    # -- answers from the controller --------------------------------------------------------

    def saved(self, contract_id: str) -> None:
        """The contract (or its usage) is stored: show it again."""
        self.reload()
        self.select(contract_id)

    def show_error(self, message: str) -> None:
        """The store refused the change; nothing was written."""
        self.error.setText(message)
        self.error.show()
        self._check()


__all__ = ["ContractDetails", "ContractEdit", "ContractsDialog", "UsageDialog", "UsageEdit"]
