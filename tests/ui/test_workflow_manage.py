"""Owners' dialogs (offscreen): contracts with balance, top-up and policy; the team's zone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from supportdesk.config import Settings
from supportdesk.models.workflow import Contract, SlaTracking, sla_tracking_id
from supportdesk.services.workflow import team, timetracking, tracking
from supportdesk.store import Store, UnitOfWork
from supportdesk.ui import workflow as workflow_ui
from supportdesk.ui.mainwindow import MainWindow
from supportdesk.ui.workflow.contracts_dialog import ContractsDialog, UsageDialog
from supportdesk.ui.workflow.controller import WorkflowController
from tests.services.workflow.helpers import Team, add_message, at, make_team, new_conversation


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


Setup = tuple[MainWindow, WorkflowController, Store, Team, Clock]


@pytest.fixture
def setup(qtbot: QtBot, profile: Path) -> Iterator[Setup]:
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


def _arrives(store: Store, customer: str, when: datetime, subject: str = "Printer") -> str:
    cid = new_conversation(store, customer, when, subject)

    def work(uow: UnitOfWork) -> None:
        add_message(uow, cid, when, customer_id=customer)
        tracking.on_customer_message(uow, cid, when)

    store.write(work)
    return cid


def _open(qtbot: QtBot, window: MainWindow, controller: WorkflowController, cid: str) -> None:
    window._flush_changes()
    window.open_conversation(cid)
    controller.refresh()
    qtbot.waitUntil(lambda: controller.panel.state is not None
                    and controller.panel.state.conversation_id == cid, timeout=3000)


def _save(qtbot: QtBot, dialog: ContractsDialog) -> None:
    assert dialog.save_button.isEnabled(), dialog.problem.text()
    before = dialog.current_id
    count = len(dialog.items)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(dialog.items) > count or (
        before is not None and not dialog.save_button.text().startswith("Create")
        and dialog.save_button.isEnabled()), timeout=3000)
    qtbot.waitUntil(lambda: dialog.current_id is not None, timeout=3000)


def _usage(qtbot: QtBot, dialog: ContractsDialog, kind: str, hours: float,
           note: str) -> UsageDialog:
    usage = dialog.ask_usage(kind)
    assert usage is not None
    qtbot.addWidget(usage)
    usage.amount.setValue(hours)
    usage.note.setText(note)
    return usage


def test_prepaid_pack_from_the_customer_panel_shows_its_balance_and_tops_up(
    qtbot: QtBot, setup: Setup
) -> None:
    window, controller, store, ids, _clock = setup
    cid = _arrives(store, ids.ru_customer, at(16, 9))
    _open(qtbot, window, controller, cid)
    assert "No support contract" in controller.panel.banner.text()
    button = controller.manage.contract_button
    assert button.isVisibleTo(window) and button.isEnabled()
    button.click()
    dialog = controller.manage.contracts_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0
    assert dialog.holder.currentText() == "Customer: Анна Иванова"
    dialog.name.setText("Анна: 10 h pack")
    dialog.kind.setCurrentIndex(dialog.kind.findData("prepaid_hours"))
    dialog.quantity.setValue(0)
    assert not dialog.save_button.isEnabled() and "hours" in dialog.problem.text()
    dialog.quantity.setValue(10)
    dialog.starts.setDate(QDate(2026, 11, 1))
    dialog.expires.setDate(QDate(2026, 10, 31))
    assert not dialog.save_button.isEnabled()
    assert "expire before it starts" in dialog.problem.text()
    dialog.expires.setDate(QDate(2027, 10, 31))
    _save(qtbot, dialog)
    assert dialog.list.count() == 1
    assert dialog.balance.text().startswith("Balance: 10 h left")
    assert dialog.status.text() == "In force today: work is covered."
    with store.read() as s:
        row = s.scalars(select(Contract)).one()
        assert (row.kind, row.prepaid_quantity, row.customer_id, row.starts_on,
                row.expires_on) == ("prepaid_hours", 600, ids.ru_customer, "2026-11-01",
                                    "2027-10-31")
    # The strip over the conversation shows the balance and no warning any more.
    qtbot.waitUntil(lambda: "10 h left" in controller.panel.contract.full_text(), timeout=3000)
    assert not controller.panel.banner.isVisibleTo(controller.panel)

    topup = _usage(qtbot, dialog, "topup", 5, "Invoice 2026-114")
    topup.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.balance.text().startswith("Balance: 15 h left"), timeout=3000)
    assert dialog.history.item(0, 1).text() == "Top-up"
    assert dialog.history.item(0, 2).text() == "5 h"
    assert dialog.history.item(0, 3).text() == "15 h"
    assert dialog.history.item(0, 4).text() == "Invoice 2026-114"

    fix = _usage(qtbot, dialog, "adjustment", 2.5, "")
    save = fix.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled() and "why" in fix.problem.text().lower()
    fix.note.setText("Call on 12 Nov was not logged")
    save.click()
    qtbot.waitUntil(lambda: dialog.balance.text().startswith("Balance: 12 h 30 min left"),
                    timeout=3000)
    # Work logged on the conversation draws on the same balance.
    store.write(lambda uow: timetracking.log_time(uow, cid, 30, now=at(16, 11)))
    dialog.saved(dialog.current_id or "")
    assert dialog.balance.text().startswith("Balance: 12 h left")
    assert [dialog.history.item(r, 1).text() for r in range(3)] == [
        "Work", "Adjustment", "Top-up"]


def test_expired_contract_for_an_organisation_flags_work_before_it_starts(
    qtbot: QtBot, setup: Setup
) -> None:
    window, controller, store, ids, _clock = setup
    cid = _arrives(store, ids.customer, at(16, 9))  # Olivia works at Northwind Traders
    _open(qtbot, window, controller, cid)
    tools = [a.text() for a in window.tools_menu.actions()]
    assert "Canned answers…" in tools and "Contracts…" in tools
    controller.manage.act_contracts.trigger()
    dialog = controller.manage.contracts_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Contracts"
    dialog.name.setText("Northwind 2025")
    assert "Choose the customer" in dialog.problem.text()
    dialog.holder_search.setText("OLIVIA")
    dialog.search_holders()
    assert dialog.holder.currentText() == "Customer: Olivia Smith (Northwind Traders)"
    dialog.holder_search.setText("northwind")
    dialog.search_holders()
    assert dialog.holder.currentText() == "Organisation: Northwind Traders"
    dialog.kind.setCurrentIndex(dialog.kind.findData("prepaid_incidents"))
    dialog.quantity.setValue(5)
    dialog.starts.setDate(QDate(2025, 1, 1))
    dialog.expires.setDate(QDate(2025, 12, 31))
    _save(qtbot, dialog)
    assert dialog.status.text() == "Northwind 2025 expired on 2025-12-31: work is not covered."
    assert dialog.balance.text().startswith("Balance: 5 incidents left")
    qtbot.waitUntil(lambda: "expired on 2025-12-31" in controller.panel.banner.text(),
                    timeout=3000)
    assert controller.panel.banner.isVisibleTo(controller.panel)
    # The rep is told before the timer starts, and may decline.
    asked: list[str] = []
    controller.confirm = lambda _p, _title, text: asked.append(text) is not None and False
    controller.start_timer()
    assert asked and "expired on 2025-12-31" in asked[0]
    with store.read() as s:
        assert timetracking.active_timer(s, cid, ids.me) is None

    # Per incident: the price is money, exactly, in cents.
    dialog.new_contract()
    dialog.name.setText("Northwind per incident")
    dialog.holder_search.setText("Northwind")
    dialog.search_holders()
    dialog.kind.setCurrentIndex(dialog.kind.findData("per_incident"))
    dialog.price.setText("95.505")
    assert not dialog.save_button.isEnabled() and "two decimals" in dialog.problem.text()
    dialog.price.setText("-3")
    assert not dialog.save_button.isEnabled()
    dialog.price.setText("95,50")
    dialog.currency.setText("usd")
    dialog.starts.setDate(QDate(2026, 1, 1))
    dialog.expires_on.setChecked(False)
    _save(qtbot, dialog)
    with store.read() as s:
        row = s.scalars(select(Contract).where(Contract.kind == "per_incident")).one()
        assert (row.price_cents, row.currency, row.expires_on) == (9550, "USD", None)
    assert dialog.status.text() == "In force today: work is covered."
    qtbot.waitUntil(lambda: "billed per incident (95.50 USD)"
                    in controller.panel.contract.full_text(), timeout=3000)


def test_a_contract_policy_made_from_the_contract_moves_the_customers_due_time(
    qtbot: QtBot, setup: Setup
) -> None:
    window, controller, store, ids, clock = setup
    clock.now = at(21, 10, 30)
    cid = _arrives(store, ids.customer, at(21, 10))  # Saturday: the team is closed

    def first_due() -> datetime | None:
        with store.read() as s:
            row = s.get(SlaTracking, sla_tracking_id(cid))
            return row.first_response_due if row else None

    assert first_due() == at(23, 13)  # Monday 09:00 + 4 business hours
    _open(qtbot, window, controller, cid)
    controller.manage.contract_button.click()
    dialog = controller.manage.contracts_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    # From the customer panel: the customer, or everyone at her organisation.
    assert [dialog.holder.itemText(i) for i in range(dialog.holder.count())] == [
        "Customer: Olivia Smith", "Organisation: Northwind Traders"]
    dialog.name.setText("Olivia premium")
    dialog.quantity.setValue(20)
    dialog.starts.setDate(QDate(2026, 1, 1))
    assert dialog.policy.currentData() is None and not dialog.edit_policy.isEnabled()
    dialog.new_policy.click()
    editor = controller.manage.policy_dialog
    assert editor is not None
    qtbot.addWidget(editor)
    assert editor.windowTitle() == "SLA policy for contracts"
    assert not editor.zone.isVisibleTo(editor)  # the team's zone is not edited here
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled() and "name" in editor.problem.text()
    editor.policy_name.setText("Premium 24/7")
    editor.policy_week.setText("every day")
    assert not save.isEnabled() and "Business hours" in editor.problem.text()
    editor.policy_week.setText("mon-sun 00:00-24:00")
    editor._boxes[("normal", "first_response")].setValue(1)
    save.click()
    qtbot.waitUntil(lambda: dialog.policy.currentText() == "Premium 24/7", timeout=3000)
    assert dialog.edit_policy.isEnabled()
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: first_due() == at(21, 11), timeout=3000)
    with store.read() as s:
        row = s.scalars(select(Contract)).one()
        assert row.sla_policy_id == dialog.policy.currentData()
    controller.refresh()
    assert controller.panel.sla.full_text() == "First response due in 30 min (Sat 11:00)"


def test_team_zone_change_moves_the_due_times_shown(qtbot: QtBot, setup: Setup) -> None:
    window, controller, store, ids, _clock = setup
    cid = _arrives(store, ids.customer, at(16, 9))
    _open(qtbot, window, controller, cid)
    assert controller.panel.sla.full_text() == "First response due in 3 h 0 min (Mon 13:00)"
    # The zone is edited with the business hours (Tools → SLA policy and business hours…).
    dialog = controller.make_policy_dialog()
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.zone.setEditText("Mars/Olympus_Mons")
    assert not save.isEnabled() and "Mars/Olympus_Mons" in dialog.problem.text()
    dialog.zone.setEditText("america/new_york")
    assert save.isEnabled()
    dialog._accept()
    assert dialog.result_edit is not None
    controller.save_policy(dialog.result_edit)

    def first_due() -> datetime | None:
        with store.read() as s:
            row = s.get(SlaTracking, sla_tracking_id(cid))
            return row.first_response_due if row else None

    # 09:00 in London is 04:00 in New York: four business hours there end at 13:00 EST,
    # 18:00 in London.
    qtbot.waitUntil(lambda: first_due() == at(16, 18), timeout=3000)
    # The chip counts business time left (New York opens at 09:00, 14:00 in London) and
    # names the due time in the team's new zone.
    qtbot.waitUntil(lambda: controller.panel.sla.full_text()
                    == "First response due in 4 h 0 min (Mon 13:00)", timeout=3000)
    assert "2026-11-16 13:00" in controller.panel.sla.toolTip()
    with store.read() as s:
        assert team.load_team(s).tz.key == "America/New_York"
