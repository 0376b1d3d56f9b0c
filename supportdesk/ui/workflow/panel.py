"""The strip above a conversation: SLA countdown, contract and balance, escalation, timer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from supportdesk.services.workflow import contracts, due, escalation, team, timetracking
from supportdesk.services.workflow.contracts import Coverage
from supportdesk.services.workflow.due import DueInfo, SlaSummary
from supportdesk.services.workflow.escalation import EscalationInfo
from supportdesk.services.workflow.timetracking import TimerInfo
from supportdesk.store import Store
from supportdesk.ui import theme
from supportdesk.ui.i18n import duration_text, local_when
from supportdesk.ui.plain import PlainLabel, literal


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


#: Chip colours per SLA state (background, text); readable on light and dark themes.
STATE_COLOURS = {
    "overdue": ("#c62828", "#ffffff"),
    "due_soon": ("#b45309", "#ffffff"),  # 4.5:1 as text on white and under white text
    "ok": ("#2e7d32", "#ffffff"),
    "paused": ("#616161", "#ffffff"),
    "met": ("#6b6b6b", "#ffffff"),
}
CHIP_STYLE = (
    "QLabel#slaChip {{ background: {0}; color: {1}; border-radius: 9px; padding: 2px 8px; }}"
)
WARN_STYLE = "QLabel#timerLabel { color: #c62828; font-weight: bold; }"


@dataclass(frozen=True)
class PanelState:
    """Everything the strip shows for one conversation."""

    conversation_id: str
    sla: SlaSummary | None
    cover: Coverage
    escalation: EscalationInfo | None
    timer: TimerInfo | None
    logged_minutes: int
    timer_warn: timedelta


def load_state(store: Store, conversation_id: str, now: datetime) -> PanelState:
    """Read the strip's state through the services."""
    with store.read() as session:
        cfg = team.load_team(session)
        return PanelState(
            conversation_id=conversation_id,
            sla=due.sla_summary(session, conversation_id, now, cfg),
            cover=contracts.coverage(session, cfg, now, conversation_id=conversation_id),
            escalation=escalation.open_escalation(session, conversation_id),
            timer=timetracking.active_timer(session, conversation_id, store.agent_id),
            logged_minutes=timetracking.total_minutes(session, conversation_id),
            timer_warn=cfg.timer_warn,
        )


def target_title(target: str | None) -> str:
    """An SLA target as shown to a rep."""
    return {
        "first_response": _t("First response"),
        "next_response": _t("Reply"),
        "resolution": _t("Resolution"),
    }.get(target or "", _t("SLA"))


def due_text(due: DueInfo) -> str:
    """The chip's words: ``First response due in 2 h 15 min``, ``Reply overdue by 40 min``."""
    if due.state == "paused":
        return _t("SLA paused: waiting on the customer")
    if due.state == "met":
        return _t("SLA met")
    if due.due_at is None or due.remaining is None:
        return _t("No SLA clock yet")
    target = target_title(due.target)
    if abs(due.remaining) >= timedelta(hours=24):  # far off: the date says more than hours
        when = local_when(due.due_at, "weekday_day_month_time", convert=False)
        if due.state == "overdue":
            return _t("{0} overdue since {1}").format(target, when)
        return _t("{0} due {1}").format(target, when)
    when = local_when(due.due_at, "weekday_time", convert=False)
    if due.state == "overdue" and due.remaining > -timedelta(minutes=1):
        # Late, but no business time has passed since (the team was away).
        return _t("{0} overdue since {1}").format(target, when)
    if due.state == "overdue":
        return _t("{0} overdue by {1} (was due {2})").format(
            target, countdown(due).lstrip("-"), when)
    return _t("{0} due in {1} ({2})").format(target, countdown(due), when)


def countdown(due: DueInfo) -> str:
    """``2 h 15 min``, ``-35 min`` (overdue), ``30 h``, in the window's language; or ``""``."""
    if due.remaining is None:
        return ""
    return duration_text(int(due.remaining / timedelta(minutes=1)), sign=True)


def due_cell(due: DueInfo) -> tuple[str, str | None]:
    """For an inbox column: short text and a colour (``None``: default).

    ``2 h 15 min`` (green), ``45 min`` (orange when due soon), ``-1 h 5 min``
    (red), ``paused``/``met`` (grey), ``""`` without an SLA clock.
    """
    if due.state in ("paused", "met"):
        words = _t("paused") if due.state == "paused" else _t("met")
        return words, STATE_COLOURS[due.state][0]
    if due.remaining is None:
        return "", None
    return countdown(due), STATE_COLOURS[due.state][0]


def cover_text(cover: Coverage) -> tuple[str, str]:
    """``(strip text, banner text)``; the banner is empty when the work is covered."""
    c, bal = cover.contract, cover.balance
    if cover.status == "no_contract" or c is None:
        return (_t("No contract"), _t("No support contract for this customer: work is not "
                                      "covered. Agree on payment before you start."))
    if cover.status == "no_cover":
        return c.name, _t("The customer's plan ({0}) includes no support. Agree on payment "
                          "before you start.").format(c.name)
    if cover.status == "expired":
        ended = c.expires_on.isoformat() if c.expires_on else "?"
        return c.name, _t("{0} expired on {1}: work is not covered.").format(c.name, ended)
    if cover.status == "not_started":
        return c.name, _t("{0} starts on {1}: work before then is not covered.").format(
            c.name, c.starts_on.isoformat())
    if cover.status == "per_incident":
        return _t("{0} · billed per incident ({1:.2f} {2})").format(
            c.name, c.price_cents / 100, c.currency), ""
    left = contracts.balance_text(bal)
    if cover.status == "exhausted":
        over = ""
        if bal is not None and bal.remaining is not None and bal.remaining < 0:
            over = " " + (_t("({0} over)").format(
                contracts.format_minutes(-bal.remaining) if c.unit == "minutes"
                else -bal.remaining))
        return (_t("{0} · used up").format(c.name),
                _t("{0}: the prepaid balance is used up{1}. Work from here is not covered.")
                .format(c.name, over))
    until = _t(" until {0}").format(c.expires_on.isoformat()) if c.expires_on else ""
    return f"{c.name} · {left}{until}", ""


class ElidedLabel(QLabel):
    """A label that shrinks with an ellipsis instead of widening its parent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        """Show ``text``, elided to the width there is; the tooltip keeps it whole."""
        self._full = text
        self._elide()

    def full_text(self) -> str:
        """The text before eliding."""
        return self._full

    def sizeHint(self) -> QSize:
        """As wide as the whole text (the layout may give less)."""
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        overhead = hint.width() - metrics.horizontalAdvance(self.text())
        return QSize(metrics.horizontalAdvance(self._full) + overhead + 2, hint.height())

    def minimumSizeHint(self) -> QSize:
        """Small: the text elides rather than pushing the window wider."""
        return QSize(60, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Elide again for the new width."""
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(10, self.contentsRect().width())
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        super().setText(shown)


def format_elapsed(amount: timedelta) -> str:
    """``1:02:03``."""
    seconds = int(amount.total_seconds())
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class WorkflowPanel(QFrame):
    """Shows a :class:`PanelState` and turns the rep's clicks into signals."""

    start_clicked = Signal()
    pause_clicked = Signal()
    stop_clicked = Signal()
    escalation_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workflowPanel")
        self.state: PanelState | None = None
        self.sla = ElidedLabel()
        self.sla.setObjectName("slaChip")
        self.contract = ElidedLabel()
        self.contract.setObjectName("muted")
        self.escalation = QToolButton()
        self.escalation.setObjectName("escalationChip")
        self.escalation.setAutoRaise(True)
        self.escalation.clicked.connect(self.escalation_clicked.emit)
        self.logged = PlainLabel()
        self.logged.setObjectName("muted")
        self.timer_label = PlainLabel("0:00:00")
        self.timer_label.setObjectName("timerLabel")
        self.start = QToolButton()
        self.start.setText(_t("▶ Start"))
        self.start.setToolTip(_t("Start the timer on this conversation"))
        self.pause = QToolButton()
        self.pause.setText(_t("⏸ Pause"))
        self.stop = QToolButton()
        self.stop.setText(_t("■ Stop"))
        self.stop.setToolTip(_t("Stop the timer and log the time"))
        self.start.clicked.connect(self.start_clicked.emit)
        self.pause.clicked.connect(self.pause_clicked.emit)
        self.stop.clicked.connect(self.stop_clicked.emit)
        self.banner = PlainLabel()
        self.banner.setObjectName("workflowBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.escalation.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.escalation.setMinimumWidth(60)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.sla)
        top.addStretch(1)
        top.addWidget(self.logged)
        top.addWidget(self.timer_label)
        top.addWidget(self.start)
        top.addWidget(self.pause)
        top.addWidget(self.stop)
        second = QHBoxLayout()
        second.setContentsMargins(0, 0, 0, 0)
        second.addWidget(self.contract)
        second.addSpacing(8)
        second.addWidget(self.escalation)
        second.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.banner)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.show_state(None, datetime.now().astimezone())

    def show_state(self, state: PanelState | None, now: datetime) -> None:
        """Fill the strip (hidden without a conversation)."""
        self.state = state
        self.setVisible(state is not None)
        if state is None:
            return
        info = state.sla.due if state.sla else due.NO_SLA
        if state.sla is None:
            self.sla.set_full_text(_t("No SLA clock yet"))
            self.sla.setToolTip(_t("The clock starts with the customer's first message."))
            colours = STATE_COLOURS["met"]
        else:
            self.sla.set_full_text(due_text(info))
            self.sla.setToolTip(literal(self._sla_tooltip(state.sla)))
            colours = STATE_COLOURS.get(info.state, STATE_COLOURS["ok"])
        self.sla.setStyleSheet(CHIP_STYLE.format(*colours))
        self.sla.setProperty("state", info.state if state.sla else "none")
        text, banner = cover_text(state.cover)
        self.contract.set_full_text(text)
        self.contract.setToolTip(literal(text))
        self.banner.setText(banner)
        self.banner.setVisible(bool(banner))
        esc = state.escalation
        self.escalation.setVisible(esc is not None)
        if esc is not None:
            self.escalation.setText(_t("Escalated to {0}").format(esc.target))
            self.escalation.setToolTip(literal(
                _t("Why: {0}\nTried: {1}").format(esc.reason, esc.tried or _t("(nothing noted)"))
            ))
        self.logged.setText(
            _t("Logged {0}").format(contracts.format_minutes(state.logged_minutes))
            if state.logged_minutes else ""
        )
        self.tick(now)

    @staticmethod
    def _sla_tooltip(sla: SlaSummary) -> str:
        def when(value: datetime | None) -> str:
            return value.strftime("%Y-%m-%d %H:%M") if value else "—"

        lines = [
            _t("Policy: {0} ({1})").format(sla.policy_name, sla.priority),
            _t("Received: {0}").format(when(sla.received_at)),
            _t("First response due: {0}, answered: {1}").format(
                when(sla.first_response_due), when(sla.first_response_at)),
            _t("Resolution due: {0}").format(when(sla.resolution_due)),
        ]
        if sla.next_response_due:
            lines.append(_t("Reply due: {0}").format(when(sla.next_response_due)))
        if sla.ack_sent_at:
            lines.append(_t("Acknowledged {0}, promised {1}").format(
                when(sla.ack_sent_at), when(sla.ack_eta)))
        return "\n".join(lines)

    def tick(self, now: datetime) -> bool:
        """Update the timer; returns True when it has run long enough to warn."""
        state = self.state
        timer = state.timer if state else None
        running = timer is not None and timer.running
        self.start.setEnabled(state is not None and not running)
        self.start.setText(_t("▶ Resume") if timer is not None and timer.paused
                           else _t("▶ Start"))
        self.pause.setEnabled(running)
        self.stop.setEnabled(timer is not None)
        if timer is None or state is None:
            self.timer_label.setText("0:00:00")
            self.timer_label.setStyleSheet("")
            self.timer_label.setToolTip("")
            return False
        self.timer_label.setText(format_elapsed(timer.elapsed(now)))
        warn = timer.needs_warning(now, state.timer_warn)
        self.timer_label.setStyleSheet(
            WARN_STYLE.replace("#c62828", theme.text_colour("#c62828")) if warn else "")
        self.timer_label.setToolTip(
            _t("The timer has run for more than {0} h. Still working on this?").format(
                int(state.timer_warn / timedelta(hours=1)))
            if warn else ""
        )
        return warn


__all__ = ["PanelState", "WorkflowPanel", "cover_text", "due_cell", "due_text", "load_state"]
