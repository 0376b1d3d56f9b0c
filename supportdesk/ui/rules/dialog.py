"""Tools → Rules…: the rules in order, switched on or off, edited, counted, and tried."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from supportdesk.services.rules import service
from supportdesk.services.rules.engine import Outcome
from supportdesk.services.rules.model import RuleError, RuleSpec
from supportdesk.services.rules.preview import PreviewError, preview_conversation, preview_raw
from supportdesk.store import Store, UnitOfWork
from supportdesk.ui.rules.text import (
    actions_text,
    conditions_text,
    parse_actions,
    parse_conditions,
)

RULE_ID = Qt.ItemDataRole.UserRole + 1


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


class _Hop(QObject):
    """Brings a finished write back to the GUI thread."""

    done = Signal(object, object, object)  # callback, result, error


def outcome_text(outcome: Outcome) -> str:
    """What the rules would do, in plain lines."""
    lines = [
        _t("Priority: {0}").format(outcome.priority),
        _t("Status: {0}").format(outcome.status),
        _t("Assignee: {0}").format(outcome.assignee or _t("nobody")),
        _t("Tags: {0}").format(", ".join(outcome.tags) or "-"),
        _t("Page the on-call person: {0}").format(_t("yes") if outcome.page else _t("no")),
        "",
    ]
    if not outcome.fired:
        lines.append(_t("No rule would fire."))
    for fired in outcome.fired:
        effects = "; ".join(e.text for e in fired.effects) or _t("no change")
        lines.append(_t("Rule '{0}': {1}").format(fired.name, effects))
    lines += list(outcome.skipped)
    return "\n".join(lines)


class RulesDialog(QDialog):
    """The team's rules; every change is written through the store's writer."""

    def __init__(self, store: Store, current_conversation: Callable[[], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Rules"))
        self.setObjectName("rulesDialog")
        self.store = store
        self.current_conversation = current_conversation
        self.rules: list[RuleSpec] = []
        self.current_id: str | None = None
        self._hop = _Hop(self)
        self._hop.done.connect(self._finish)
        self._loading = False

        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._picked)
        self.list.itemChanged.connect(self._toggled)
        self.up = QPushButton(_t("Up"))
        self.down = QPushButton(_t("Down"))
        self.new = QPushButton(_t("New rule"))
        self.delete = QPushButton(_t("Remove"))
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.new.clicked.connect(self._new)
        self.delete.clicked.connect(self._delete)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.addWidget(self.list)
        row = QHBoxLayout()
        for b in (self.up, self.down, self.new, self.delete):
            row.addWidget(b)
        lv.addLayout(row)

        self.name = QLineEdit()
        self.match = QComboBox()
        self.match.addItem(_t("all conditions hold"), "all")
        self.match.addItem(_t("any condition holds"), "any")
        self.trigger = QComboBox()
        self.trigger.addItem(_t("each new message"), "inbound")
        self.trigger.addItem(_t("on schedule"), "schedule")
        self.trigger.addItem(_t("both"), "both")
        self.conditions = QPlainTextEdit()
        self.conditions.setPlaceholderText(_t("subject contains urgent\nheader:x-priority is 1"))
        self.then_edit = QPlainTextEdit()
        self.then_edit.setPlaceholderText(_t("set_priority urgent\nadd_tag vip\nstop"))
        self.fired = QLabel()
        self.fired.setTextFormat(Qt.TextFormat.PlainText)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.save = QPushButton(_t("Save rule"))
        self.save.clicked.connect(self._save)
        right = QWidget()
        form = QFormLayout(right)
        form.addRow(_t("Name"), self.name)
        form.addRow(_t("When"), self.match)
        form.addRow(_t("Runs on"), self.trigger)
        form.addRow(_t("Conditions"), self.conditions)
        form.addRow(_t("Then"), self.then_edit)
        form.addRow(self.fired)
        form.addRow(self.error)
        form.addRow(self.save)

        self.paste = QPlainTextEdit()
        self.paste.setPlaceholderText(_t("Paste a whole message (headers and body) here"))
        self.test_paste = QPushButton(_t("Test rules on the pasted message"))
        self.test_open = QPushButton(_t("Test rules on the open conversation"))
        self.test_paste.clicked.connect(self._test_pasted)
        self.test_open.clicked.connect(self._test_open)
        self.outcome_view = QPlainTextEdit()
        self.outcome_view.setReadOnly(True)
        test = QWidget()
        tv = QVBoxLayout(test)
        tv.addWidget(QLabel(_t("Test rules on…")))
        tv.addWidget(self.paste)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_paste)
        buttons.addWidget(self.test_open)
        tv.addLayout(buttons)
        tv.addWidget(self.outcome_view)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.addWidget(test)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.resize(1100, 560)
        self.reload()

    # -- reading -------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Read the rules and their counts again."""
        with self.store.read() as session:
            self.rules = service.all_rules(session)
            stats = service.rule_stats(session)
        self._stats = stats
        self._loading = True
        self.list.clear()
        for rule in self.rules:
            st = stats.get(rule.id)
            count = st.count if st else 0
            item = QListWidgetItem(_t("{0} (fired {1})").format(rule.name, count))
            item.setData(RULE_ID, rule.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if rule.enabled else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._loading = False
        target = select or self.current_id or (self.rules[0].id if self.rules else None)
        for i in range(self.list.count()):
            if self.list.item(i).data(RULE_ID) == target:
                self.list.setCurrentRow(i)
                break

    def rule(self, rule_id: str | None) -> RuleSpec | None:
        """A rule shown in the list."""
        return next((r for r in self.rules if r.id == rule_id), None)

    def _picked(self, item: QListWidgetItem | None, _old: object = None) -> None:
        rule = self.rule(item.data(RULE_ID) if item is not None else None)
        self.current_id = rule.id if rule else None
        self.error.clear()
        if rule is None:
            return
        self.name.setText(rule.name)
        self.match.setCurrentIndex(max(0, self.match.findData(rule.match)))
        self.trigger.setCurrentIndex(max(0, self.trigger.findData(rule.trigger)))
        self.conditions.setPlainText(conditions_text(rule.conditions))
        self.then_edit.setPlainText(actions_text(rule.actions))
        st = self._stats.get(rule.id)
        if st is None or st.last is None:
            self.fired.setText(_t("Never fired"))
        else:
            self.fired.setText(_t("Fired {0} times, last {1}").format(
                st.count, st.last.astimezone().strftime("%Y-%m-%d %H:%M")))

    # -- writing -------------------------------------------------------------------------

    def _submit(self, work: Callable[[UnitOfWork], Any], then: Callable[[Any], None]) -> None:
        future = self.store.submit(work)

        def report(f: Future[Any]) -> None:
            error = f.exception()
            self._hop.done.emit(then, None if error else f.result(), error)

        future.add_done_callback(report)

    def _finish(self, then: Callable[[Any], None], result: Any, error: Any) -> None:
        if error is not None:
            self.error.setText(str(error))
            return
        then(result)

    def _toggled(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        rule_id = str(item.data(RULE_ID))
        on = item.checkState() == Qt.CheckState.Checked
        self._submit(lambda uow: service.set_enabled(uow, rule_id, on),
                     lambda _r: self.reload(rule_id))

    def _save(self) -> None:
        try:
            conditions = parse_conditions(self.conditions.toPlainText())
            actions = parse_actions(self.then_edit.toPlainText())
        except RuleError as exc:
            self.error.setText(str(exc))
            return
        rule = self.rule(self.current_id)
        name, match = self.name.text(), self.match.currentData()
        trigger = self.trigger.currentData()

        def work(uow: UnitOfWork) -> str:
            return service.save_rule(
                uow, name=name, conditions=conditions, actions=actions,
                rule_id=rule.id if rule else None, position=rule.position if rule else None,
                match=match, trigger=trigger, enabled=rule.enabled if rule else True,
            )  # fmt: skip

        self._submit(work, lambda rid: self.reload(str(rid)))

    def _new(self) -> None:
        self.list.setCurrentRow(-1)
        self.current_id = None
        self.name.setText(_t("New rule"))
        self.conditions.clear()
        self.then_edit.setPlainText("add_tag triage")
        self.fired.clear()

    def _delete(self) -> None:
        rule_id = self.current_id
        if rule_id is None:
            return
        self.current_id = None
        self._submit(lambda uow: service.delete_rule(uow, rule_id), lambda _r: self.reload())

    def _move(self, delta: int) -> None:
        rule_id = self.current_id
        if rule_id is None:
            return
        self._submit(lambda uow: service.move_rule(uow, rule_id, delta),
                     lambda _r: self.reload(rule_id))

    # -- trying --------------------------------------------------------------------------

    def _test_pasted(self) -> None:
        raw = self.paste.toPlainText().encode("utf-8")
        try:
            with self.store.read() as session:
                outcome = preview_raw(session, raw)
        except PreviewError as exc:
            self.outcome_view.setPlainText(str(exc))
            return
        self.outcome_view.setPlainText(outcome_text(outcome))

    def _test_open(self) -> None:
        cid = self.current_conversation()
        if cid is None:
            self.outcome_view.setPlainText(_t("Open a conversation first."))
            return
        try:
            with self.store.read() as session:
                outcome = preview_conversation(session, self.store.blobs, cid)
        except PreviewError as exc:
            self.outcome_view.setPlainText(str(exc))
            return
        self.outcome_view.setPlainText(outcome_text(outcome))
