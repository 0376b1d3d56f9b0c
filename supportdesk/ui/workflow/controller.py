"""Wires the support workflow into the main window: menus, the strip, timers, notifications.

The controller changes nothing itself: every write is a service call run on
the store's writer through the window's ``ops``; every read goes through the
services. It follows the window's current conversation by listening to the
conversation list and, once a second, to ``window.current_id``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from supportdesk.config import TEAM_TIMEZONE
from supportdesk.models.workflow import sla_tracking_id
from supportdesk.services import inbox
from supportdesk.services.workflow import (
    canned,
    collision,
    contracts,
    due,
    escalation,
    follow,
    oncall,
    team,
    timetracking,
    tracking,
)
from supportdesk.services.workflow.canned import FilledAnswer
from supportdesk.services.workflow.team import WorkflowError
from supportdesk.store import ChangeSet, UnitOfWork
from supportdesk.ui.i18n import _n
from supportdesk.ui.plain import literal
from supportdesk.ui.workflow import send_guard
from supportdesk.ui.workflow.dialogs import (
    CannedPicker,
    DeEscalateDialog,
    EscalateDialog,
    TimeEntryDialog,
)
from supportdesk.ui.workflow.editors import OnCallDialog, PolicyEdit, RotaEdit, SlaPolicyDialog
from supportdesk.ui.workflow.manage import WorkflowManagement
from supportdesk.ui.workflow.notifier import Notifier
from supportdesk.ui.workflow.panel import WorkflowPanel, cover_text, load_state

log = logging.getLogger(__name__)

#: Conversations per background unit of work when catching up at start.
CATCH_UP_CHUNK = 200

#: a burst of commits refreshes the strip once, this long after the first
REFRESH_SOON_MS = 150

#: Tables whose change may alter what the strip shows.
WATCHED = frozenset({
    "sla_tracking", "timers", "escalations", "contracts", "contract_usage", "time_entries",
    "conversations", "team_settings", "sla_policies",
})


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


class TextTarget(Protocol):
    """Anything a canned answer can be inserted into (QPlainTextEdit, QTextEdit)."""

    def insertPlainText(self, text: str) -> None:
        """Insert text at the cursor."""


def _confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, literal(text))
    return answer == QMessageBox.StandardButton.Yes


class WorkflowController(QObject):
    """The support workflow of one main window."""

    def __init__(self, window: Any, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.store = window.store
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self.confirm: Callable[[QWidget | None, str, str], bool] = _confirm
        #: asks whether to send although new messages arrived (tests pass a stand-in)
        self.ask_new_messages: Callable[[QWidget | None, str], bool] = send_guard.ask_send_anyway
        self.canned_picker: CannedPicker | None = None
        self._shown_id: str | None = None
        self._warned_timers: set[str] = set()

        self.panel = WorkflowPanel()
        pane_layout = window.pane.layout()
        if pane_layout is not None:
            pane_layout.insertWidget(0, self.panel)
        self.panel.start_clicked.connect(self.start_timer)
        self.panel.pause_clicked.connect(self.pause_timer)
        self.panel.stop_clicked.connect(self.stop_timer)
        self.panel.escalation_clicked.connect(self.show_escalation)

        self.follower = follow.follow_store(self.store, lambda: self.clock())
        self.notifier = Notifier(self.store, window.ops, lambda: self.clock(),
                                 window.open_conversation, window)
        self._build_actions()
        self.manage = WorkflowManagement(self)
        for action in (self.manage.act_canned, self.manage.act_contracts):
            window.tools_menu.insertAction(self.act_policy, action)
        window.bridge.changed.connect(self._on_changes)
        window.table.selectionModel().selectionChanged.connect(lambda *_a: self.refresh())
        #: refreshes asked for by a burst of commits (a sync) become one
        self._refresh_soon = QTimer(self, singleShot=True, interval=REFRESH_SOON_MS)
        self._refresh_soon.timeout.connect(self.refresh)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        window.on_close(self.shutdown)
        self.notifier.start()
        self.refresh()
        self._catch_up_queue: list[list[str]] = []
        self.catch_up()

    # -- wiring ------------------------------------------------------------------------

    def _taken(self) -> set[str]:
        keys: set[str] = set()
        for action in self.window.findChildren(QAction):
            keys.update(s.toString() for s in action.shortcuts())
        return keys

    def _action(self, text: str, slot: Callable[[], object], keys: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if keys and QKeySequence(keys).toString() not in self._taken():
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def _build_actions(self) -> None:
        w = self.window
        self.act_escalate = self._action(_t("Escalate…"), self.escalate, "E")
        self.act_deescalate = self._action(_t("De-escalate…"), self.de_escalate)
        self.act_canned = self._action(_t("Insert canned answer…"),
                                       lambda: self.insert_canned_answer(), "I")
        self.act_log_time = self._action(_t("Log time…"), self.log_time, "L")
        self.act_timer = self._action(_t("Start or pause the timer"), self.toggle_timer,
                                      "Ctrl+Shift+T")
        menu = w.conversation_menu
        menu.addSeparator()
        for a in (self.act_escalate, self.act_deescalate, self.act_canned, self.act_log_time,
                  self.act_timer):
            menu.addAction(a)
        self.act_due_soon = self._action(_t("Due soon"), lambda: self.show_due_view("due_soon"))
        self.act_overdue = self._action(_t("Overdue"), lambda: self.show_due_view("overdue"))
        view = getattr(w, "view_menu", None)
        if view is not None:
            view.addSeparator()
            view.addAction(self.act_due_soon)
            view.addAction(self.act_overdue)
        self.act_policy = self._action(_t("SLA policy and business hours…"),
                                       self.open_policy_editor)
        self.act_rota = self._action(_t("On-call rota…"), self.open_rota_editor)
        self.act_check = self._action(_t("Check SLA breaches now"), self.notifier.check_now)
        w.tools_menu.addAction(self.act_policy)
        w.tools_menu.addAction(self.act_rota)
        w.tools_menu.addAction(self.act_check)

    def shutdown(self) -> None:
        """Stop everything that could touch the store."""
        self._catch_up_queue = []
        self._tick.stop()
        self.notifier.stop()
        self.follower()

    def catch_up(self, chunk: int = CATCH_UP_CHUNK) -> None:
        """Refresh every unsolved conversation's SLA in the background, a chunk at a time.

        Conversations imported or synced while the app was closed (or made
        before this version) get their tracking; writes from the window
        interleave between chunks.
        """
        with self.store.read() as session:
            ids = tracking.unsolved_ids(session)
        self._catch_up_queue = [ids[i : i + chunk] for i in range(0, len(ids), chunk)]
        self._next_catch_up()

    def _next_catch_up(self, _result: object = None) -> None:
        if not self._catch_up_queue or not self._tick.isActive():
            return
        ids, now = self._catch_up_queue.pop(0), self.clock()
        self.window.ops.write(lambda uow: tracking.refresh_many(uow, ids, now),
                              self._next_catch_up)

    @property
    def catching_up(self) -> bool:
        """Whether the start-up refresh still has conversations to do."""
        return bool(self._catch_up_queue)

    # -- the strip -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the strip for the window's current conversation."""
        cid = self.window.current_id
        self._shown_id = cid
        manage = getattr(self, "manage", None)
        if manage is not None:
            manage.update_customer()
        if cid is None:
            self.panel.show_state(None, self.clock())
            return
        self.panel.show_state(load_state(self.store, cid, self.clock()), self.clock())

    def _on_changes(self, changes: ChangeSet) -> None:
        if "notifications" in changes.ids:
            self.notifier.poll()
        if self._touches_shown(changes) and not self._refresh_soon.isActive():
            self._refresh_soon.start()

    def _touches_shown(self, changes: ChangeSet) -> bool:
        """Whether a commit may change what the strip shows. Tracking and conversation
        rows are checked by id: after a sync the SLA follower commits tracking for
        thousands of other conversations, a batch at a time."""
        touched = WATCHED & set(changes.ids)
        if not touched:
            return False
        if touched <= {"sla_tracking", "conversations"}:
            cid = self.window.current_id
            return cid is not None and (
                cid in changes.ids.get("conversations", ())
                or sla_tracking_id(cid) in changes.ids.get("sla_tracking", ())
            )
        return True

    def _on_tick(self) -> None:
        if self.window.current_id != self._shown_id:
            self.refresh()
            return
        if self.panel.tick(self.clock()):
            timer = self.panel.state.timer if self.panel.state else None
            if timer is not None and timer.id not in self._warned_timers:
                self._warned_timers.add(timer.id)
                self.window.statusBar().showMessage(
                    _t("The timer on this conversation has been running for hours. "
                       "Stop it if you are done."), 15_000)

    def _current(self) -> str | None:
        cid = self.window.current_id
        if cid is None:
            self.window.statusBar().showMessage(_t("Select a conversation first."), 4000)
        return cid

    def _write(self, work: Callable[[UnitOfWork], object], message: str = "") -> None:
        def done(_result: object) -> None:
            if message:
                self.window.statusBar().showMessage(message, 4000)
            self.refresh()

        self.window.ops.write(work, done)

    # -- escalation ------------------------------------------------------------------------

    def make_escalate_dialog(self) -> EscalateDialog | None:
        """The escalate dialog for the current conversation."""
        cid = self._current()
        if cid is None:
            return None
        subject = self.window.pane.detail.row.subject if self.window.pane.detail else ""
        return EscalateDialog(self.window.agents, self.store.agent_id, subject, self.window)

    def escalate(self) -> None:
        """Ask for an expert or tier and a reason, then escalate."""
        dialog = self.make_escalate_dialog()
        if dialog is not None and dialog.exec():
            self.save_escalation(dialog)

    def save_escalation(self, dialog: EscalateDialog) -> None:
        """Store what an accepted escalate dialog holds."""
        cid = self._current()
        if cid is None:
            return
        reason, tried = dialog.reason.toPlainText(), dialog.tried.toPlainText()
        agent, tier = dialog.to_agent_id(), dialog.to_tier()
        now = self.clock()
        self._write(lambda uow: escalation.escalate(uow, cid, reason=reason, tried=tried,
                                                    to_agent_id=agent, to_tier=tier, now=now),
                    _t("Escalated."))

    def make_deescalate_dialog(self) -> DeEscalateDialog | None:
        """The de-escalate dialog, or None when nothing is escalated."""
        cid = self._current()
        if cid is None:
            return None
        with self.store.read() as session:
            current = escalation.open_escalation(session, cid)
        if current is None:
            self.window.statusBar().showMessage(_t("This conversation is not escalated."), 4000)
            return None
        return DeEscalateDialog(current, self.window)

    def de_escalate(self) -> None:
        """Ask why, then hand the conversation back."""
        dialog = self.make_deescalate_dialog()
        if dialog is not None and dialog.exec():
            self.save_deescalation(dialog)

    def save_deescalation(self, dialog: DeEscalateDialog) -> None:
        """Store what an accepted de-escalate dialog holds."""
        cid = self._current()
        if cid is None:
            return
        reason, now = dialog.reason.toPlainText(), self.clock()
        self._write(lambda uow: escalation.de_escalate(uow, cid, reason=reason, now=now),
                    _t("Handed back."))

    def show_escalation(self) -> None:
        """Why the conversation was escalated and what was tried."""
        state = self.panel.state
        if state is None or state.escalation is None:
            return
        e = state.escalation
        QMessageBox.information(
            self.window, _t("Escalation"),
            literal(_t("Escalated to {0} by {1}.\n\nWhy: {2}\n\nTried: {3}").format(
                e.target, e.created_by_name or _t("someone"), e.reason,
                e.tried or _t("(nothing noted)"))),
        )

    # -- canned answers ----------------------------------------------------------------------

    def _my_name(self) -> str:
        for a in self.window.agents:
            if a.id == self.store.agent_id:
                return str(a.name)
        return ""

    def make_canned_picker(
        self, conversation_id: str, parent: QWidget | None = None
    ) -> CannedPicker:
        """A picker whose previews are filled for ``conversation_id``.

        Answers in the customer's language come first, so ``/hi`` finds the
        Russian greeting for a Russian-speaking customer.
        """
        name = self._my_name()
        with self.store.read() as session:
            language = canned.customer_language(session, conversation_id)

        def search(query: str) -> list[canned.CannedInfo]:
            with self.store.read() as session:
                return canned.search_canned(session, query, language)

        def fill(canned_id: str) -> FilledAnswer:
            with self.store.read() as session:
                return canned.fill_for_conversation(session, canned_id, conversation_id, name,
                                                    self.clock())

        return CannedPicker(search, fill, parent or self.window)

    def insert_canned_answer(
        self, target: TextTarget | None = None, conversation_id: str | None = None,
        parent: QWidget | None = None,
    ) -> CannedPicker | None:
        """Open the picker (non-blocking); the chosen answer goes filled into ``target``.

        ``target`` is the note box by default; the email composer passes its
        body and its conversation. Returns the picker (also ``canned_picker``).
        """
        cid = conversation_id or self._current()
        if cid is None:
            return None
        picker = self.make_canned_picker(cid, parent)

        def chosen() -> None:
            if picker.chosen is not None:
                self.apply_canned(picker.chosen, cid, target)

        picker.accepted.connect(chosen)
        self.canned_picker = picker
        picker.open()
        return picker

    def apply_canned(
        self, filled: FilledAnswer, conversation_id: str, target: TextTarget | None = None
    ) -> None:
        """Insert a filled answer and count its use."""
        editor = target if target is not None else self.window.pane.composer
        editor.insertPlainText(filled.text)
        now = self.clock()
        self.window.ops.write(
            lambda uow: canned.record_use(uow, filled.canned_id, conversation_id, now))
        if filled.unfilled:
            self.window.statusBar().showMessage(
                _t("Fill in {0} before sending.").format(", ".join(filled.unfilled)), 8000)

    # -- replies ------------------------------------------------------------------------------

    def attach_composer(self, composer: Any, conversation_id: str) -> None:
        """Give an email composer canned answers, the cover warning and the send check.

        The draft begins now: messages that arrive in the conversation from
        here on (typed on this device or pulled by sync) are shown before the
        reply goes out, and the rep confirms. A reply with a placeholder left
        is refused, in the composer, and stays as it is.
        """
        with self.store.read() as session:
            marker = collision.begin_draft(session, conversation_id, self.clock())
        state = {"marker": marker}
        composer.draft_marker = marker
        composer.enable_canned(
            lambda body: self.insert_canned_answer(body, conversation_id, composer))
        composer.set_notice(self.cover_warning(conversation_id))

        def guard(draft: Any) -> bool:
            with self.store.read() as session:
                check = collision.check_before_send(
                    session, conversation_id, draft.body_text, state["marker"],
                    me=self.store.agent_id)
            if check.blocked:
                composer.show_error(send_guard.blocked_message(check))
                return False
            if not check.needs_confirmation:
                return True
            go = self.ask_new_messages(composer, send_guard.collision_message(check))
            with self.store.read() as session:  # the rep has seen these now
                state["marker"] = collision.begin_draft(session, conversation_id, self.clock())
            composer.draft_marker = state["marker"]
            if not go:
                composer.show_error(_t("Not sent. Your reply is kept: read the new messages, "
                                       "change the reply if needed, and send again."))
            return go

        composer.send_guard = guard

    # -- time -----------------------------------------------------------------------------------

    def cover_warning(self, cid: str) -> str:
        """Why work on this conversation is not covered ("" when it is)."""
        return self._cover_warning(cid)

    def _cover_warning(self, cid: str) -> str:
        with self.store.read() as session:
            cover = contracts.coverage(session, team.load_team(session), self.clock(),
                                       conversation_id=cid)
        return cover_text(cover)[1]

    def start_timer(self) -> None:
        """Start (or resume) the timer, after saying when the work is not covered."""
        cid = self._current()
        if cid is None:
            return
        warning = self._cover_warning(cid)
        if warning and not self.confirm(
            self.window, _t("Not covered"), warning + "\n\n" + _t("Start the timer anyway?")
        ):
            return
        now = self.clock()
        self._write(lambda uow: timetracking.start_timer(uow, cid, now))

    def pause_timer(self) -> None:
        """Pause the running timer."""
        state = self.panel.state
        if state is None or state.timer is None:
            return
        timer_id, now = state.timer.id, self.clock()
        self._write(lambda uow: timetracking.pause_timer(uow, timer_id, now))

    def toggle_timer(self) -> None:
        """Start or resume when not running, pause when running."""
        state = self.panel.state
        if state is not None and state.timer is not None and state.timer.running:
            self.pause_timer()
        else:
            self.start_timer()

    def make_stop_dialog(self) -> TimeEntryDialog | None:
        """The dialog that logs the timer's time."""
        state = self.panel.state
        if state is None or state.timer is None:
            return None
        minutes = timetracking.timer_minutes(state.timer, self.clock())
        return TimeEntryDialog(minutes, cover_text(state.cover)[1], self.window, from_timer=True)

    def stop_timer(self) -> None:
        """Stop the timer and log its time."""
        dialog = self.make_stop_dialog()
        if dialog is not None and dialog.exec():
            self.save_stop(dialog)

    def save_stop(self, dialog: TimeEntryDialog) -> None:
        """Stop the timer with what the dialog holds."""
        state = self.panel.state
        if state is None or state.timer is None:
            return
        timer_id, now, values = state.timer.id, self.clock(), self._entry_values(dialog)
        self._write(lambda uow: timetracking.stop_timer(uow, timer_id, now, **values),
                    _t("Time logged."))

    def make_time_dialog(self) -> TimeEntryDialog | None:
        """The manual time entry dialog, with a warning when work is not covered."""
        cid = self._current()
        if cid is None:
            return None
        return TimeEntryDialog(15, self._cover_warning(cid), self.window)

    def log_time(self) -> None:
        """Log time by hand (work or vendor support)."""
        dialog = self.make_time_dialog()
        if dialog is not None and dialog.exec():
            self.save_time(dialog)

    def save_time(self, dialog: TimeEntryDialog) -> None:
        """Store what an accepted time dialog holds."""
        cid = self._current()
        if cid is None:
            return
        values, now = self._entry_values(dialog), self.clock()
        self._write(lambda uow: timetracking.log_time(uow, cid, now=now, **values),
                    _t("Time logged."))

    @staticmethod
    def _entry_values(dialog: TimeEntryDialog) -> dict[str, Any]:
        return {
            "minutes": dialog.minutes.value(),
            "billable": dialog.billable.isChecked(),
            "note": dialog.note.text(),
            "kind": dialog.kind,
            "vendor_name": dialog.vendor_name.text() if dialog.kind == "vendor" else None,
            "vendor_case": dialog.vendor_case.text() if dialog.kind == "vendor" else None,
            "phone_minutes": dialog.phone_minutes.value() if dialog.kind == "vendor" else 0,
        }

    # -- views -------------------------------------------------------------------------------------

    def show_due_view(self, kind: str) -> list[str]:
        """Show the "Due soon" or "Overdue" conversations in the list."""
        with self.store.read() as session:
            ids = due.due_view_ids(session, kind, self.clock())
        w = self.window
        w.search_box.clear()
        w.sidebar.clearSelection()
        w.inbox_model.set_ids(ids)
        title = _t("Due soon") if kind == due.DUE_SOON else _t("Overdue")
        w.statusBar().showMessage(_n("{0}: %Ln conversations", "", len(ids)).format(title))
        w.select_row(0)
        return ids

    # -- owners' editors -----------------------------------------------------------------------

    def _fallback_zone(self) -> Any:
        try:
            return team.fallback_zone(self.window.settings.get(TEAM_TIMEZONE))
        except WorkflowError:
            return None

    def make_policy_dialog(self) -> SlaPolicyDialog:
        """The SLA policy editor, filled with what is stored (or the defaults)."""
        with self.store.read() as session:
            cfg = team.load_team(session, self._fallback_zone())
            policy = team.default_policy_info(session, cfg)
        return SlaPolicyDialog(cfg, policy, self.window)

    def open_policy_editor(self) -> None:
        """Edit the team's hours, holidays and default targets."""
        dialog = self.make_policy_dialog()
        if dialog.exec() and dialog.result_edit is not None:
            self.save_policy(dialog.result_edit)

    def save_policy(self, edit: PolicyEdit) -> None:
        """Store the team's calendar and default policy, then move every due time."""
        now = self.clock()

        def work(uow: UnitOfWork) -> int:
            team.save_team(
                uow, timezone=edit.timezone, week_text=edit.week_text, holidays=edit.holidays,
                team_name=edit.team_name, warn_before_minutes=edit.warn_before_minutes,
                handling_minutes=edit.handling_minutes, eta_agents=edit.eta_agents,
                timer_warn_hours=edit.timer_warn_hours,
            )
            team.save_policy(uow, name=edit.policy_name, targets=edit.targets, is_default=True)
            return tracking.refresh_open(uow, now)

        self._write(work, _t("SLA policy saved; due times updated."))

    def make_rota_dialog(self) -> OnCallDialog:
        """The on-call editor, filled with the stored rota."""
        now = self.clock()
        with self.store.read() as session:
            cfg = team.load_team(session, self._fallback_zone())
            agents = inbox.agents(session)
            shifts = oncall.list_shifts(session)
            overrides = oncall.list_overrides(session, after=now)
            current = oncall.on_call_at(session, now, cfg)
        name = next((a.name for a in agents if a.id == current), "")
        return OnCallDialog(agents, shifts, overrides, cfg.tz, name, self.window)

    def open_rota_editor(self) -> None:
        """Edit who is on call."""
        dialog = self.make_rota_dialog()
        if dialog.exec() and dialog.result_edit is not None:
            self.save_rota(dialog.result_edit)

    def save_rota(self, edit: RotaEdit) -> None:
        """Store the weekly rota and the override changes."""

        def work(uow: UnitOfWork) -> None:
            oncall.set_shifts(uow, edit.shifts)
            for override_id in edit.removed_overrides:
                oncall.remove_override(uow, override_id)
            for agent_id, start, end, note in edit.new_overrides:
                oncall.add_override(uow, agent_id, start, end, note)

        self._write(work, _t("On-call rota saved."))


def controller_of(window: QMainWindow) -> WorkflowController | None:
    """The workflow controller installed on a window, if any."""
    found = getattr(window, "workflow", None)
    return found if isinstance(found, WorkflowController) else None
