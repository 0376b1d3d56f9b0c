"""Dialogs: log a phone call, add a tag, the list of keyboard shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QElapsedTimer, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from supportdesk.services.actions import CALL_OUTCOMES, CallLog
from supportdesk.services.customers import (
    InvalidPhoneNumberError,
    PhoneNumber,
    normalize_phone,
)
from supportdesk.ui.plain import PlainLabel


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def outcome_title(outcome: str) -> str:
    """A call outcome as shown to a rep."""
    return {
        "resolved": _t("Resolved on the call"),
        "follow_up": _t("Follow-up needed"),
        "voicemail": _t("Left a voicemail"),
        "no_answer": _t("No answer"),
        "escalated": _t("Escalated"),
        "other": _t("Other"),
    }.get(outcome, outcome)


class LogCallDialog(QDialog):
    """Record a phone call: number, direction, duration (timer or typed), outcome, notes.

    Args:
        default_region: region for numbers typed without a country code.
        lookup_name: finds the customer's name for a normalised number.
        current: (conversation id, subject) to offer adding the call to, if any.
        region_source: why ``default_region`` ("customer": the customer's number on
            record, "team": the team's choice, "zone": the team's time zone, "": given).
    """

    def __init__(
        self,
        default_region: str,
        lookup_name: Callable[[str], str | None],
        current: tuple[str, str] | None = None,
        parent: QWidget | None = None,
        region_source: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Log a phone call"))
        self.setMinimumWidth(460)
        self.default_region = default_region
        self.region_source = region_source
        self.lookup_name = lookup_name
        self.result_call: CallLog | None = None
        self._phone: PhoneNumber | None = None
        self._started_at = datetime.now(UTC)

        self.phone = QLineEdit()
        self.phone.setPlaceholderText(_t("+44 20 7946 0958"))
        self.phone.textChanged.connect(self._phone_changed)
        self.phone_status = PlainLabel()
        self.phone_status.setObjectName("muted")
        self.phone_status.setTextFormat(Qt.TextFormat.PlainText)
        self.phone_status.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setPlaceholderText(_t("Caller's name (filled in for known numbers)"))

        self.inbound = QRadioButton(_t("Inbound"))
        self.outbound = QRadioButton(_t("Outbound"))
        self.inbound.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.inbound)
        group.addButton(self.outbound)
        direction = QHBoxLayout()
        direction.addWidget(self.inbound)
        direction.addWidget(self.outbound)
        direction.addStretch(1)

        self.timer_button = QPushButton(_t("Start timer"))
        self.timer_button.setCheckable(True)
        self.timer_button.toggled.connect(self._toggle_timer)
        self.timer_label = PlainLabel("0:00")
        self.timer_label.setMinimumWidth(60)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSuffix(_t(" min"))
        self.seconds = QSpinBox()
        self.seconds.setRange(0, 59)
        self.seconds.setSuffix(_t(" s"))
        duration = QHBoxLayout()
        duration.addWidget(self.timer_button)
        duration.addWidget(self.timer_label)
        duration.addSpacing(12)
        duration.addWidget(PlainLabel(_t("or type it:")))
        duration.addWidget(self.minutes)
        duration.addWidget(self.seconds)
        duration.addStretch(1)
        self._elapsed = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._update_timer)
        self._timed_ms = 0

        self.outcome = QComboBox()
        for o in CALL_OUTCOMES:
            self.outcome.addItem(outcome_title(o), o)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(_t("What was said, what was agreed"))
        self.notes.setMinimumHeight(90)

        self.follow = QCheckBox(_t("Follow up on"))
        self.follow_date = QDateEdit(QDate.currentDate().addDays(1))
        self.follow_date.setCalendarPopup(True)
        self.follow_date.setEnabled(False)
        self.follow.toggled.connect(self.follow_date.setEnabled)
        follow = QHBoxLayout()
        follow.addWidget(self.follow)
        follow.addWidget(self.follow_date)
        follow.addStretch(1)

        self.target = QComboBox()
        self.target.addItem(_t("A new phone conversation"), None)
        if current is not None:
            self.target.addItem(_t("This conversation: {0}").format(current[1]), current[0])
            self.target.setCurrentIndex(1)

        self.error = PlainLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(_t("Phone number"), self.phone)
        form.addRow("", self.phone_status)
        form.addRow(_t("Caller"), self.name)
        form.addRow(_t("Direction"), direction)
        form.addRow(_t("Duration"), duration)
        form.addRow(_t("Outcome"), self.outcome)
        form.addRow(_t("Notes"), self.notes)
        form.addRow("", follow)
        form.addRow(_t("Add to"), self.target)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _phone_changed(self, text: str) -> None:
        self.error.hide()
        try:
            self._phone = normalize_phone(text, self.default_region)
        except InvalidPhoneNumberError:
            self._phone = None
            self.phone_status.setText(_t("Not a complete number yet") if text.strip() else "")
            return
        known = self.lookup_name(self._phone.e164)
        read = self._phone.display
        if not text.strip().startswith(("+", "00")):
            # Say how a number without a country code was read, before it is saved.
            read = self.read_as(self._phone.display)
        if known:
            self.phone_status.setText(_t("{0} · known customer: {1}").format(read, known))
            if not self.name.text().strip():
                self.name.setText(known)
        else:
            self.phone_status.setText(_t("{0} · new customer").format(read))

    def read_as(self, display: str) -> str:
        """``display`` with the country a number without a country code was read in."""
        territory = QLocale.codeToTerritory(self.default_region)
        country = QLocale(QLocale.Language.AnyLanguage, territory).nativeTerritoryName()
        country = country or self.default_region
        why = {
            "customer": _t("read as a number in {0}, the customer's country"),
            "team": _t("read as a number in {0}, the team's country"),
            "zone": _t("read as a number in {0}, from the team's time zone"),
        }.get(self.region_source, _t("read as a number in {0}"))
        return f"{display} ({why.format(country)})"

    def _toggle_timer(self, running: bool) -> None:
        if running:
            self._elapsed.start()
            self._tick.start()
            self.timer_button.setText(_t("Stop timer"))
            self.minutes.setEnabled(False)
            self.seconds.setEnabled(False)
        else:
            self._timed_ms += self._elapsed.elapsed()
            self._tick.stop()
            self.timer_button.setText(_t("Resume timer"))
            self._set_typed(self._timed_ms // 1000)
            self.minutes.setEnabled(True)
            self.seconds.setEnabled(True)

    def _update_timer(self) -> None:
        total = (self._timed_ms + self._elapsed.elapsed()) // 1000
        self.timer_label.setText(f"{total // 60}:{total % 60:02d}")

    def _set_typed(self, seconds: int) -> None:
        self.minutes.setValue(seconds // 60)
        self.seconds.setValue(seconds % 60)
        self.timer_label.setText(f"{seconds // 60}:{seconds % 60:02d}")

    def duration(self) -> timedelta:
        """The call's length: the running timer, or what was typed."""
        if self.timer_button.isChecked():
            return timedelta(milliseconds=self._timed_ms + self._elapsed.elapsed())
        return timedelta(minutes=self.minutes.value(), seconds=self.seconds.value())

    def accept(self) -> None:
        """Validate, build the call record and close; errors stay in the dialog."""
        try:
            phone = normalize_phone(self.phone.text(), self.default_region)
        except InvalidPhoneNumberError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.phone.setFocus()
            return
        follow = self.follow_date.date().toPython() if self.follow.isChecked() else None
        self.result_call = CallLog(
            phone=phone,
            caller_name=self.name.text().strip(),
            direction="inbound" if self.inbound.isChecked() else "outbound",
            duration=self.duration(),
            outcome=self.outcome.currentData(),
            notes=self.notes.toPlainText(),
            started_at=self._started_at,
            follow_up=follow,  # type: ignore[arg-type]
            conversation_id=self.target.currentData(),
        )
        self._tick.stop()
        super().accept()


class TagDialog(QDialog):
    """Ask for a tag, completing from the tags in use."""

    def __init__(self, existing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Add a tag"))
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(_t("e.g. billing"))
        completer = QCompleter(existing, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.edit.setCompleter(completer)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(PlainLabel(_t("Tag")))
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    def tag(self) -> str:
        """What was typed."""
        return self.edit.text().strip()


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut, in one table.

    Args:
        shortcuts: (keys, what they do) pairs, already translated.
    """

    def __init__(self, shortcuts: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Keyboard shortcuts"))
        rows = [
            *shortcuts,  # keys that are not menu actions follow
            ("Ctrl+Enter", _t("Save the note, or send the mail being written")),
            # (the mail composer's own key: ui/mail/composer.py CANNED_KEYS)
            ("Ctrl+Shift+K", _t("Insert a canned answer into the mail being written")),
            ("Esc", _t("Leave the search and go back to the view")),
        ]
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([_t("Keys"), _t("Action")])
        for row, (keys, what) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(what))
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnsToContents()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(480, 480)
