"""The workflow in the window (offscreen): escalation, on-call alerts, timer, canned answers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from PySide6.QtWidgets import QDialogButtonBox

from supportdesk.config import Settings
from supportdesk.models import Conversation
from supportdesk.models.workflow import SlaTracking, TimeEntry, Timer, sla_tracking_id
from supportdesk.services import actions
from supportdesk.services.workflow import (
    canned,
    collision,
    contracts,
    due,
    escalation,
    notify,
    oncall,
    timetracking,
    tracking,
)
from supportdesk.store import Store, UnitOfWork
from supportdesk.ui import workflow as workflow_ui
from supportdesk.ui.mainwindow import MainWindow
from supportdesk.ui.workflow import send_guard
from supportdesk.ui.workflow.controller import WorkflowController
from tests.services.workflow.helpers import Team, add_message, at, make_team, new_conversation


class Clock:
    """A settable clock for the controller."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def setup(qtbot: QtBot, profile: Path) -> Iterator[tuple[MainWindow, WorkflowController, Store,
                                                           Team, Clock]]:
    store = Store.open(profile)
    ids = make_team(store)
    window = MainWindow(store, Settings(profile))
    qtbot.addWidget(window)
    clock = Clock(at(16, 10))
    controller = workflow_ui.install(window)
    controller.clock = clock
    controller.notifier.sound = lambda: None
    window.resize(1400, 860)
    window.show()
    yield window, controller, store, ids, clock
    window.close()
    store.close()


def _arrives(store: Store, ids: Team, when: datetime, subject: str, priority: str = "normal",
             assignee: str | None = None) -> str:
    cid = new_conversation(store, ids.customer, when, subject, priority=priority)

    def work(uow: UnitOfWork) -> None:
        if assignee:
            actions.assign(uow, cid, assignee)
        add_message(uow, cid, when, customer_id=ids.customer)
        tracking.on_customer_message(uow, cid, when)

    store.write(work)
    return cid


def _open(qtbot: QtBot, window: MainWindow, controller: WorkflowController, cid: str) -> None:
    window._flush_changes()
    window.open_conversation(cid)
    controller.refresh()
    qtbot.waitUntil(lambda: controller.panel.state is not None
                    and controller.panel.state.conversation_id == cid, timeout=3000)


def test_escalate_and_de_escalate_from_the_window(setup, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window, controller, store, ids, _clock = setup
    cid = _arrives(store, ids, at(16, 9, 30), "Data loss after update", assignee=ids.me)
    _open(qtbot, window, controller, cid)
    assert not controller.panel.escalation.isVisible()

    dialog = controller.make_escalate_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.expert.setCurrentIndex(dialog.expert.findData(ids.expert))
    assert not ok.isEnabled(), "a reason is required"
    dialog.reason.setPlainText("Needs database access")
    dialog.tried.setPlainText("Reinstalled the client")
    dialog.tier.setEditText("Tier 3")
    assert ok.isEnabled()
    controller.save_escalation(dialog)
    qtbot.waitUntil(lambda: controller.panel.escalation.isVisible(), timeout=3000)
    assert controller.panel.escalation.text() == "Escalated to Дмитрий Соколов (Tier 3)"
    assert "Reinstalled the client" in controller.panel.escalation.toolTip()
    with store.read() as s:
        conv = s.scalars(select(Conversation).where(Conversation.id == cid)).one()
        assert conv.assignee_id == ids.expert
        assert [n.kind for n in notify.notifications_for(s, ids.expert)] == [notify.ESCALATED]

    back = controller.make_deescalate_dialog()
    assert back is not None
    qtbot.addWidget(back)
    assert not back.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    back.reason.setPlainText("Index rebuilt; customer confirmed")
    controller.save_deescalation(back)
    qtbot.waitUntil(lambda: not controller.panel.escalation.isVisible(), timeout=3000)
    with store.read() as s:
        conv = s.scalars(select(Conversation).where(Conversation.id == cid)).one()
        assert conv.assignee_id == ids.me
        assert escalation.open_escalation(s, cid) is None


def test_urgent_out_of_hours_reaches_the_person_on_call_in_the_tray(  # type: ignore[no-untyped-def]
    setup, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, controller, store, ids, clock = setup
    # I am on call on Saturdays; the team works Monday to Friday.
    store.write(lambda uow: oncall.set_shifts(
        uow, oncall.shifts_from_text(ids.me, "sat", "00:00", "24:00")))
    beeps: list[str] = []
    controller.notifier.sound = lambda: beeps.append("beep")
    clock.now = at(21, 3, 5)
    cid = _arrives(store, ids, at(21, 3), "Shop is down", priority="urgent")
    controller.notifier.check_now()
    qtbot.waitUntil(lambda: len(controller.notifier.shown) >= 1, timeout=3000)
    shown = controller.notifier.shown[0]
    assert (shown.kind, shown.conversation_id, shown.agent_id) == (
        notify.URGENT_OUT_OF_HOURS, cid, ids.me)
    assert beeps == ["beep"]
    assert controller.notifier.tray.toolTip() == "SupportDesk · 1 alerts"
    # Clicking the tray message opens the conversation.
    controller.notifier._message_clicked()
    assert window.current_id == cid
    # Checking again shows nothing twice.
    controller.notifier.check_now()
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=3000)
    controller.notifier.poll()
    assert len(controller.notifier.shown) == 1


def test_breach_out_of_hours_notifies_assignee_and_on_call(  # type: ignore[no-untyped-def]
    setup, qtbot: QtBot
) -> None:
    window, controller, store, ids, clock = setup
    store.write(lambda uow: oncall.set_shifts(
        uow, oncall.shifts_from_text(ids.me, "mon-fri", "17:00", "09:00")))
    cid = _arrives(store, ids, at(16, 13), "Printer offline", assignee=ids.night)  # due 17:00
    clock.now = at(16, 18)
    controller.notifier.check_now()
    qtbot.waitUntil(lambda: len(controller.notifier.shown) >= 1, timeout=3000)
    assert [(n.kind, n.agent_id) for n in controller.notifier.shown] == [
        (notify.BREACH_FIRST, ids.me)]
    with store.read() as s:
        assert [n.kind for n in notify.notifications_for(s, ids.night)] == [notify.BREACH_FIRST]
    _open(qtbot, window, controller, cid)
    assert controller.panel.sla.property("state") == "overdue"
    # No business time has passed since 17:00, so the chip names the due time.
    assert controller.panel.sla.full_text() == "First response overdue since Mon 17:00"
    clock.now = at(17, 10, 30)
    controller.refresh()
    assert controller.panel.sla.full_text() == (
        "First response overdue by 1 h 30 min (was due Mon 17:00)")


def test_timer_start_is_flagged_without_cover_and_stop_logs_time(  # type: ignore[no-untyped-def]
    setup, qtbot: QtBot
) -> None:
    window, controller, store, ids, clock = setup
    cid = _arrives(store, ids, at(16, 9), "Export loses accents")
    _open(qtbot, window, controller, cid)
    assert controller.panel.banner.isVisibleTo(controller.panel)
    assert "No support contract" in controller.panel.banner.text()
    asked: list[str] = []
    controller.confirm = lambda _p, _title, text: asked.append(text) is not None and False
    controller.start_timer()
    assert asked and "Start the timer anyway?" in asked[0]
    with store.read() as s:
        assert timetracking.active_timer(s, cid, ids.me) is None
    # With cover, no question.
    from datetime import date

    store.write(lambda uow: contracts.save_contract(
        uow, name="Northwind 10 h", kind="prepaid_hours", organization="Northwind Traders",
        starts_on=date(2026, 1, 1), prepaid_quantity=600))
    controller.refresh()
    assert not controller.panel.banner.isVisibleTo(controller.panel)
    asked.clear()
    controller.start_timer()
    qtbot.waitUntil(lambda: controller.panel.state is not None
                    and controller.panel.state.timer is not None, timeout=3000)
    assert asked == []
    clock.now = at(16, 10, 40)
    controller._on_tick()
    assert controller.panel.timer_label.text() == "0:40:00"
    assert controller.panel.pause.isEnabled() and not controller.panel.start.isEnabled()
    # Left running for hours: the label warns.
    clock.now = at(16, 15)
    controller._on_tick()
    assert "running for hours" in window.statusBar().currentMessage()
    assert controller.panel.timer_label.toolTip()
    dialog = controller.make_stop_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.minutes.value() == 300  # 10:00 to 15:00
    dialog.minutes.setValue(90)
    dialog.note.setText("Rebuilt the export")
    controller.save_stop(dialog)
    qtbot.waitUntil(lambda: controller.panel.state is not None
                    and controller.panel.state.timer is None, timeout=3000)
    with store.read() as s:
        entry = s.scalars(select(TimeEntry)).one()
        assert (entry.minutes, entry.note) == (90, "Rebuilt the export")
        assert s.scalars(select(Timer)).one().time_entry_id == entry.id
    assert controller.panel.logged.text() == "Logged 1 h 30 min"
    assert "8 h 30 min left" in controller.panel.contract.full_text()


def test_vendor_time_entry_dialog(setup, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window, controller, store, ids, _clock = setup
    cid = _arrives(store, ids, at(16, 9), "Printer")
    _open(qtbot, window, controller, cid)
    dialog = controller.make_time_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.warning.isVisibleTo(dialog)  # no contract: flagged before the work
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.vendor.setChecked(True)
    assert not save.isEnabled()
    dialog.vendor_name.setText("Contoso Printers")
    dialog.vendor_case.setText("CP-1")
    dialog.minutes.setValue(40)
    dialog.phone_minutes.setValue(25)
    assert save.isEnabled()
    controller.save_time(dialog)
    qtbot.waitUntil(lambda: controller.panel.logged.text() == "Logged 40 min", timeout=3000)
    with store.read() as s:
        [entry] = timetracking.time_entries(s, cid)
    assert (entry.kind, entry.vendor_name, entry.vendor_case, entry.phone_minutes) == (
        "vendor", "Contoso Printers", "CP-1", 25)


def test_canned_picker_inserts_filled_text_and_the_guard_blocks_placeholders(  # type: ignore[no-untyped-def]
    setup, qtbot: QtBot
) -> None:
    window, controller, store, ids, _clock = setup
    cid = _arrives(store, ids, at(16, 9), "Printer")
    store.write(lambda uow: (
        canned.save_canned(uow, title="Greeting", shortcut="hi",
                           body="Hi {customer_name}, {ticket} is with {agent}."),
        canned.save_canned(uow, title="Ask for the order", shortcut="order",
                           body="Which order? {order_number}"),
    ))
    _open(qtbot, window, controller, cid)
    picker = controller.make_canned_picker(cid)
    qtbot.addWidget(picker)
    picker.query.setText("/hi")
    picker.refresh()
    assert picker.results.count() == 1
    assert picker.preview.toPlainText().startswith("Hi Olivia Smith, SD-")
    assert not picker.unfilled.isVisibleTo(picker)
    picker._accept()
    assert picker.chosen is not None
    window.pane.composer.clear()
    controller.apply_canned(picker.chosen, cid)
    assert window.pane.composer.toPlainText().endswith("is with Alex Morgan.")
    qtbot.waitUntil(lambda: _uses(store) == 1, timeout=3000)

    other = controller.make_canned_picker(cid)
    qtbot.addWidget(other)
    other.query.setText("order")
    other.refresh()
    assert other.unfilled.isVisibleTo(other)
    assert "{order_number}" in other.unfilled.text()

    refused: list[str] = []
    with store.read() as s:
        draft = collision.begin_draft(s, cid, at(16, 9, 30))
    ok = send_guard.confirm_send(window, store, cid, "Which order? {order_number}", draft,
                                 ask=lambda _p, _t: True,
                                 refuse=lambda _p, text: refused.append(text))
    assert not ok and "{order_number}" in refused[0]
    store.write(lambda uow: add_message(uow, cid, at(16, 9, 40), customer_id=ids.customer,
                                        text="It is order A-77"))
    asked: list[str] = []
    ok = send_guard.confirm_send(window, store, cid, "Which order? A-77", draft,
                                 ask=lambda _p, text: asked.append(text) is None and False)
    assert not ok and "It is order A-77" in asked[0]


def _uses(store: Store) -> int:
    with store.read() as s:
        return sum(canned.usage_counts(s).values())


def test_policy_editor_validates_and_moves_due_times(  # type: ignore[no-untyped-def]
    setup, qtbot: QtBot
) -> None:
    _window, controller, store, ids, _clock = setup
    cid = _arrives(store, ids, at(16, 9), "Printer")  # due 13:00 on the default week
    dialog = controller.make_policy_dialog()
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.week.setText("mon-fri 9-17")
    assert not save.isEnabled() and "Business hours" in dialog.problem.text()
    dialog.week.setText("mon-fri 08:00-12:00, 13:00-17:00")
    assert save.isEnabled() and "(40 h a week)" in dialog.week_hint.text()
    dialog.holidays.setPlainText("2026-12-25\nnot a date")
    assert not save.isEnabled()
    dialog.holidays.setPlainText("2026-12-25")
    dialog._boxes[("normal", "first_response")].setValue(2)
    dialog._accept()
    assert dialog.result_edit is not None
    controller.save_policy(dialog.result_edit)

    def first_due() -> datetime | None:
        with store.read() as s:
            tr = s.get(SlaTracking, sla_tracking_id(cid))
            return tr.first_response_due if tr else None

    # 2 business hours from Monday 09:00 on 08-12, 13-17: 11:00.
    qtbot.waitUntil(lambda: first_due() == at(16, 11), timeout=3000)


def test_rota_editor_saves_shifts_and_overrides(setup, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    _window, controller, store, ids, _clock = setup
    dialog = controller.make_rota_dialog()
    qtbot.addWidget(dialog)
    row = dialog.add_shift_row(ids.night, "mon-thu", "17:00", "09:00")
    assert row == 0
    dialog.add_override_row(ids.me, at(18, 17), at(19, 9), "swap")
    dialog._accept()
    assert dialog.result_edit is not None
    controller.save_rota(dialog.result_edit)

    def count() -> int:
        with store.read() as s:
            return len(oncall.list_shifts(s)) + len(oncall.list_overrides(s))

    qtbot.waitUntil(lambda: count() == 5, timeout=3000)
    again = controller.make_rota_dialog()
    qtbot.addWidget(again)
    assert again.table.rowCount() == 1 and again.overrides.rowCount() == 1
    again.table.item(0, 1).setText("funday")
    again._accept()
    assert again.result_edit is None and "Row 1" in again.problem.text()


def test_due_views_fill_the_list(setup, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window, controller, store, ids, clock = setup
    late = _arrives(store, ids, at(16, 9), "late")
    _arrives(store, ids, at(16, 12), "fine")
    clock.now = at(16, 13, 30)
    window._flush_changes()
    assert controller.show_due_view("overdue") == [late]
    assert [r.id for r in window.inbox_model.rows] == [late]
    assert window.statusBar().currentMessage() == "Overdue: 1 conversations"


def test_start_up_catches_up_on_conversations_written_while_closed(
    qtbot: QtBot, profile: Path
) -> None:
    store = Store.open(profile)
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 9))
    # Imported while the app was closed: no hook ran.
    store.write(lambda uow: add_message(uow, cid, at(16, 9), customer_id=ids.customer))
    window = MainWindow(store, Settings(profile))  # closed below, not by qtbot
    try:
        controller = workflow_ui.install(window)
        qtbot.waitUntil(lambda: not controller.catching_up, timeout=3000)

        def first_due() -> datetime | None:
            with store.read() as s:
                row = s.get(SlaTracking, sla_tracking_id(cid))
                return row.first_response_due if row else None

        qtbot.waitUntil(lambda: first_due() == at(16, 13), timeout=3000)
        with store.read() as s:
            info = due.due_state(s, cid, at(16, 12, 30))
        from supportdesk.ui.workflow.panel import STATE_COLOURS, due_cell

        assert due_cell(info) == ("30 min", STATE_COLOURS["due_soon"][0])
    finally:
        window.close()
        store.close()
