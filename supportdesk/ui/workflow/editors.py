"""Editors for owners: the SLA policy with business hours, and the on-call rota."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from supportdesk.services.inbox import AgentInfo
from supportdesk.services.sla import (
    PRIORITIES,
    BusinessCalendar,
    SlaTargets,
    format_week,
    parse_week,
)
from supportdesk.services.workflow.oncall import (
    OverrideInfo,
    ShiftInfo,
    ShiftSpec,
    shifts_from_text,
)
from supportdesk.services.workflow.team import (
    PolicyInfo,
    TeamConfig,
    WorkflowError,
    parse_holidays,
    zone_named,
)
from supportdesk.ui.models import priority_title
from supportdesk.ui.plain import PlainLabel


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


TARGET_COLUMNS = ("first_response", "next_response", "resolution")


@dataclass(frozen=True)
class PolicyEdit:
    """What the policy editor gives back."""

    team_name: str
    timezone: str
    week_text: str
    holidays: list[str]
    warn_before_minutes: int
    handling_minutes: int
    eta_agents: int
    timer_warn_hours: int
    policy_name: str
    targets: dict[str, SlaTargets]
    #: the policy edited (None: a new one, or the team's default)
    policy_id: str | None = None
    #: a contract policy's own week ("" uses the team's hours)
    policy_week: str = ""


def _hours_box(value: timedelta | None) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, 2000)
    box.setDecimals(2)
    box.setSingleStep(0.5)
    box.setSuffix(_t(" h"))
    box.setSpecialValueText(_t("none"))
    box.setValue(0 if value is None else value / timedelta(hours=1))
    return box


class SlaPolicyDialog(QDialog):
    """The team's time zone, business week, holidays, and targets per priority.

    With ``team_fields=False`` it edits one contract's policy instead: a name,
    targets and, optionally, its own business hours (e.g. 24/7 for premium).
    """

    def __init__(
        self, team: TeamConfig, policy: PolicyInfo, parent: QWidget | None = None,
        *, team_fields: bool = True,
    ) -> None:
        super().__init__(parent)
        self.team_fields = team_fields
        self.policy_id = None if team_fields else policy.id
        self.setWindowTitle(_t("SLA policy and business hours") if team_fields
                            else _t("SLA policy for contracts"))
        self.setMinimumWidth(600)
        self.result_edit: PolicyEdit | None = None
        self.team_name = QLineEdit(team.team_name)
        self.team_name.setPlaceholderText(_t("Signs automatic acknowledgements"))
        self.zone = QComboBox()
        self.zone.setEditable(True)
        zones = sorted(available_timezones())
        self.zone.addItems(zones)
        self.zone.setCurrentText(team.tz.key)
        completer = QCompleter(zones, self.zone)
        completer.setFilterMode(completer.filterMode().MatchContains)
        self.zone.setCompleter(completer)
        self.week = QLineEdit(team.week_text)
        self.week.setObjectName("weekHours")
        self.week.setToolTip(
            _t("For example: mon-fri 09:00-17:00; or mon-fri 08:00-12:00, 13:00-17:00; "
               "sat 10:00-14:00")
        )
        self.week_hint = PlainLabel()
        self.week_hint.setObjectName("muted")
        self.holidays = QPlainTextEdit("\n".join(d.isoformat() for d in
                                                 sorted(team.calendar.holidays)))
        self.holidays.setPlaceholderText(_t("One date per line, e.g. 2026-12-25"))
        self.holidays.setMaximumHeight(90)
        self.warn = QSpinBox()
        self.warn.setRange(0, 24 * 60)
        self.warn.setSuffix(_t(" min"))
        self.warn.setValue(int(team.warn_before / timedelta(minutes=1)))
        self.handling = QSpinBox()
        self.handling.setRange(0, 8 * 60)
        self.handling.setSuffix(_t(" min"))
        self.handling.setValue(team.handling_minutes)
        self.agents = QSpinBox()
        self.agents.setRange(0, 500)
        self.agents.setSpecialValueText(_t("all active agents"))
        self.agents.setValue(team.eta_agents)
        self.timer_warn = QSpinBox()
        self.timer_warn.setRange(1, 24)
        self.timer_warn.setSuffix(_t(" h"))
        self.timer_warn.setValue(int(team.timer_warn / timedelta(hours=1)))

        hours = QGroupBox(_t("Team and business hours"))
        form = QFormLayout(hours)
        form.addRow(_t("Team name"), self.team_name)
        form.addRow(_t("Time zone"), self.zone)
        form.addRow(_t("Business hours"), self.week)
        form.addRow("", self.week_hint)
        form.addRow(_t("Holidays"), self.holidays)

        knobs = QGroupBox(_t("Due soon, ETAs and timers"))
        knob_form = QFormLayout(knobs)
        knob_form.addRow(_t("“Due soon” before the due time"), self.warn)
        knob_form.addRow(_t("Handling time per conversation"), self.handling)
        knob_form.addRow(_t("Agents answering at once"), self.agents)
        knob_form.addRow(_t("Warn about a timer running for"), self.timer_warn)

        self.policy_name = QLineEdit(policy.name)
        self.targets = QTableWidget(len(PRIORITIES), len(TARGET_COLUMNS))
        self.targets.setObjectName("slaTargets")
        self.targets.setHorizontalHeaderLabels(
            [_t("First response"), _t("Next response"), _t("Resolution")]
        )
        self.targets.setVerticalHeaderLabels([priority_title(p) for p in PRIORITIES])
        self.targets.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._boxes: dict[tuple[str, str], QDoubleSpinBox] = {}
        for row, priority in enumerate(PRIORITIES):
            current = policy.policy.targets(priority)
            for col, name in enumerate(TARGET_COLUMNS):
                box = _hours_box(getattr(current, name))
                self.targets.setCellWidget(row, col, box)
                self._boxes[(priority, name)] = box
        self.targets.setMinimumHeight(160)
        targets_box = QGroupBox(_t("Targets in business hours (0 = no target)"))
        targets_layout = QVBoxLayout(targets_box)
        name_row = QFormLayout()
        name_row.addRow(_t("Policy name"), self.policy_name)
        self.policy_week = QLineEdit(
            "" if team_fields or not policy.own_week else format_week(policy.calendar.week))
        self.policy_week.setObjectName("policyWeek")
        self.policy_week.setPlaceholderText(_t("empty: the team's hours ({0})").format(
            team.week_text))
        self.policy_week.setToolTip(_t("For example: mon-sun 00:00-24:00 for round the clock"))
        if not team_fields:
            name_row.addRow(_t("Business hours"), self.policy_week)
        targets_layout.addLayout(name_row)
        targets_layout.addWidget(self.targets)

        self.problem = PlainLabel()
        self.problem.setObjectName("muted")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hours)
        layout.addWidget(knobs)
        hours.setVisible(team_fields)
        knobs.setVisible(team_fields)
        if not team_fields:
            zone_note = PlainLabel(_t("Times count in the team's zone, {0}.").format(team.tz.key))
            zone_note.setObjectName("muted")
            layout.addWidget(zone_note)
        layout.addWidget(targets_box)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.policy_week.textChanged.connect(self._check)
        self.policy_name.textChanged.connect(self._check)
        self.week.textChanged.connect(self._check)
        self.zone.editTextChanged.connect(self._check)
        self.holidays.textChanged.connect(self._check)
        self._check()

    def _targets(self) -> dict[str, SlaTargets]:
        out: dict[str, SlaTargets] = {}
        for priority in PRIORITIES:
            values = []
            for name in TARGET_COLUMNS:
                hours = self._boxes[(priority, name)].value()
                values.append(timedelta(hours=hours) if hours > 0 else None)
            out[priority] = SlaTargets(*values)
        return out

    def _check(self) -> bool:
        problem = ""
        try:
            week = parse_week(self.week.text())
            weekly = BusinessCalendar(ZoneInfo("UTC"), week).weekly_hours
            self.week_hint.setText(
                _t("Read as: {0} ({1} h a week)").format(
                    format_week(week), f"{weekly / timedelta(hours=1):g}"
                )
            )
        except ValueError as exc:
            problem = _t("Business hours: {0}").format(exc)
            self.week_hint.setText("")
        if not problem and not self.team_fields:
            if not self.policy_name.text().strip():
                problem = _t("Give the policy a name.")
            elif self.policy_week.text().strip():
                try:
                    parse_week(self.policy_week.text())
                except ValueError as exc:
                    problem = _t("Business hours: {0}").format(exc)
        if not problem:
            try:
                zone_named(self.zone.currentText())
            except WorkflowError as exc:
                problem = str(exc)
        if not problem:
            try:
                parse_holidays(self.holidays.toPlainText().splitlines())
            except WorkflowError as exc:
                problem = _t("Holidays: {0}").format(exc)
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)
        return not problem

    def _accept(self) -> None:
        if not self._check():
            return
        self.result_edit = PolicyEdit(
            team_name=self.team_name.text().strip(),
            timezone=self.zone.currentText().strip(),
            week_text=self.week.text().strip(),
            holidays=self.holidays.toPlainText().splitlines(),
            warn_before_minutes=self.warn.value(),
            handling_minutes=self.handling.value(),
            eta_agents=self.agents.value(),
            timer_warn_hours=self.timer_warn.value(),
            policy_name=self.policy_name.text().strip() or "Standard",
            targets=self._targets(),
            policy_id=self.policy_id,
            policy_week=self.policy_week.text().strip(),
        )
        self.accept()


# -- on-call -----------------------------------------------------------------------------

_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class RotaEdit:
    """What the rota editor gives back."""

    shifts: list[ShiftSpec]
    new_overrides: list[tuple[str, datetime, datetime, str]]
    removed_overrides: list[str]


class OnCallDialog(QDialog):
    """The weekly on-call rota (a simple table) and one-off overrides."""

    def __init__(
        self,
        agents: Sequence[AgentInfo],
        shifts: Sequence[ShiftInfo],
        overrides: Sequence[OverrideInfo],
        tz: ZoneInfo,
        on_call_now: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("On-call rota"))
        self.resize(760, 640)
        self.agents = list(agents)
        self.tz = tz
        self.result_edit: RotaEdit | None = None
        self._existing = {o.id for o in overrides}
        now_label = PlainLabel(_t("On call now: {0}").format(on_call_now or _t("nobody")))
        now_label.setObjectName("sectionTitle")
        zone_label = PlainLabel(_t("Times are in the team's zone, {0}. A shift that ends at or "
                               "before its start runs overnight.").format(tz.key))
        zone_label.setObjectName("muted")
        zone_label.setWordWrap(True)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("rotaTable")
        self.table.setHorizontalHeaderLabels([_t("Who"), _t("Days"), _t("From"), _t("To")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        for s in _grouped(shifts):
            self.add_shift_row(*s)
        add = QPushButton(_t("Add shift"))
        add.clicked.connect(lambda: self.add_shift_row(self.agents[0].id if self.agents else "",
                                                       "sat-sun", "00:00", "24:00"))
        remove = QPushButton(_t("Remove shift"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))

        self.overrides = QTableWidget(0, 4)
        self.overrides.setObjectName("overrideTable")
        self.overrides.setHorizontalHeaderLabels([_t("Who"), _t("From"), _t("To"), _t("Note")])
        header = self.overrides.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.overrides.verticalHeader().hide()
        for o in overrides:
            self.add_override_row(o.agent_id, o.starts_at, o.ends_at, o.note, o.id)
        add_o = QPushButton(_t("Add override"))
        add_o.clicked.connect(self._new_override)
        remove_o = QPushButton(_t("Remove override"))
        remove_o.clicked.connect(lambda: self.overrides.removeRow(self.overrides.currentRow()))

        self.problem = PlainLabel()
        self.problem.setObjectName("muted")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(now_label)
        layout.addWidget(zone_label)
        weekly = QGroupBox(_t("Every week"))
        wl = QVBoxLayout(weekly)
        wl.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        wl.addLayout(row)
        once = QGroupBox(_t("Overrides (swaps, holidays)"))
        ol = QVBoxLayout(once)
        ol.addWidget(self.overrides)
        row2 = QHBoxLayout()
        row2.addWidget(add_o)
        row2.addWidget(remove_o)
        row2.addStretch(1)
        ol.addLayout(row2)
        layout.addWidget(weekly, 3)
        layout.addWidget(once, 2)
        for col, width in ((1, 130), (2, 90), (3, 90)):
            self.table.setColumnWidth(col, width)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _agent_box(self, agent_id: str) -> QComboBox:
        box = QComboBox()
        for a in self.agents:
            box.addItem(a.name, a.id)
        box.setCurrentIndex(max(0, box.findData(agent_id)))
        return box

    def add_shift_row(self, agent_id: str, days: str, start: str, end: str) -> int:
        """Append a row to the weekly table; returns its index."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setCellWidget(row, 0, self._agent_box(agent_id))
        for col, text in ((1, days), (2, start), (3, end)):
            self.table.setItem(row, col, QTableWidgetItem(text))
        return row

    def _qdt(self, moment: datetime) -> QDateTime:
        local = moment.astimezone(self.tz)
        qdt = QDateTime.fromSecsSinceEpoch(int(local.timestamp()), QTimeZone(self.tz.key.encode()))
        return qdt

    def add_override_row(
        self, agent_id: str, starts_at: datetime, ends_at: datetime, note: str = "",
        override_id: str | None = None,
    ) -> int:
        """Append an override row; returns its index."""
        row = self.overrides.rowCount()
        self.overrides.insertRow(row)
        who = self._agent_box(agent_id)
        who.setProperty("override_id", override_id)
        # A stored override is removed and added again to change it.
        who.setEnabled(override_id is None)
        self.overrides.setCellWidget(row, 0, who)
        for col, moment in ((1, starts_at), (2, ends_at)):
            edit = QDateTimeEdit(self._qdt(moment))
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
            edit.setEnabled(override_id is None)
            self.overrides.setCellWidget(row, col, edit)
        note_item = QTableWidgetItem(note)
        if override_id is not None:
            note_item.setFlags(note_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.overrides.setItem(row, 3, note_item)
        return row

    def _new_override(self) -> None:
        start = datetime.now(UTC).astimezone(self.tz).replace(minute=0, second=0, microsecond=0)
        start += timedelta(hours=1)
        self.add_override_row(self.agents[0].id if self.agents else "", start,
                              start + timedelta(hours=12))

    def _read(self) -> RotaEdit:
        shifts: list[ShiftSpec] = []
        for row in range(self.table.rowCount()):
            who = self.table.cellWidget(row, 0)
            assert isinstance(who, QComboBox)

            def text(col: int, r: int = row) -> str:
                item = self.table.item(r, col)
                return item.text() if item is not None else ""

            try:
                shifts += shifts_from_text(who.currentData(), text(1), text(2), text(3))
            except WorkflowError as exc:
                raise WorkflowError(_t("Row {0}: {1}").format(row + 1, exc)) from exc
        new: list[tuple[str, datetime, datetime, str]] = []
        kept: set[str] = set()
        for row in range(self.overrides.rowCount()):
            who = self.overrides.cellWidget(row, 0)
            start_edit = self.overrides.cellWidget(row, 1)
            end_edit = self.overrides.cellWidget(row, 2)
            assert isinstance(who, QComboBox)
            assert isinstance(start_edit, QDateTimeEdit) and isinstance(end_edit, QDateTimeEdit)
            existing = who.property("override_id")
            if existing:
                kept.add(existing)
                continue
            start = datetime.fromtimestamp(start_edit.dateTime().toSecsSinceEpoch(), UTC)
            end = datetime.fromtimestamp(end_edit.dateTime().toSecsSinceEpoch(), UTC)
            if end <= start:
                raise WorkflowError(_t("Override {0} ends before it starts.").format(row + 1))
            item = self.overrides.item(row, 3)
            new.append((who.currentData(), start, end, item.text() if item else ""))
        return RotaEdit(shifts, new, sorted(self._existing - kept))

    def _accept(self) -> None:
        try:
            self.result_edit = self._read()
        except WorkflowError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()


def _grouped(shifts: Sequence[ShiftInfo]) -> list[tuple[str, str, str, str]]:
    """Shifts per weekday folded into editor rows: same person and hours on consecutive days."""
    rows: list[tuple[str, list[int], str, str]] = []
    for s in sorted(shifts, key=lambda s: (s.agent_id, s.start, s.end, s.weekday)):
        last = rows[-1] if rows else None
        if last and (last[0], last[2], last[3]) == (s.agent_id, s.start, s.end) and (
            last[1][-1] + 1 == s.weekday
        ):
            last[1].append(s.weekday)
        else:
            rows.append((s.agent_id, [s.weekday], s.start, s.end))
    rows.sort(key=lambda r: (r[1][0], r[2]))
    out = []
    for agent_id, days, start, end in rows:
        text = _DAY_NAMES[days[0]]
        if len(days) > 1:
            text += f"-{_DAY_NAMES[days[-1]]}"
        out.append((agent_id, text, start, end))
    return out
