"""Customers → Merge… / Unmerge… in the window, offscreen, on a demo workspace."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from supportdesk.config import Settings
from supportdesk.models import Conversation, Customer
from supportdesk.store import Store
from supportdesk.ui.customers import CustomersController
from supportdesk.ui.customers.dialogs import RowsModel
from supportdesk.ui.mainwindow import MainWindow


@pytest.fixture
def app(qtbot: QtBot, demo_store: Store, profile: Path
        ) -> Iterator[tuple[MainWindow, CustomersController]]:
    window = MainWindow(demo_store, Settings(profile))
    qtbot.addWidget(window)
    controller = CustomersController(window)
    window.show()
    yield window, controller
    window.close()


def test_merge_from_the_panel_then_unmerge(qtbot: QtBot,
                                           app: tuple[MainWindow, CustomersController]) -> None:
    window, controller = app
    store = window.store
    with store.read() as session:
        ranked = session.execute(
            select(Conversation.customer_id, func.min(Conversation.id))
            .where(Conversation.customer_id.is_not(None))
            .group_by(Conversation.customer_id).limit(2)).all()
        (a, conv_a), (b, _conv_b) = ranked
        b_name = session.scalar(select(Customer.name).where(Customer.id == b))
    assert b_name
    window.open_conversation(conv_a)
    qtbot.waitUntil(lambda: window.pane.detail is not None
                    and window.pane.detail.customer is not None)
    before = window.pane.customer.details.text()
    assert [m.title() for m in window.menuBar().findChildren(type(controller.menu))
            if m is controller.menu] == ["C&ustomers"]
    assert controller.panel_button.isVisibleTo(window)
    controller.panel_button.click()
    dialog = controller.dialog
    assert dialog.current == a
    dialog.search.setText(b_name)
    rows = [r for r in range(dialog.found.rowCount()) if dialog.found.rows[r][1] == (b,)]
    assert rows
    dialog.found_view.selectionModel().select(
        dialog.found.index(rows[0], 0),
        dialog.found_view.selectionModel().SelectionFlag.Select)
    assert dialog.selected_ids() == [b]
    assert dialog.merge_selected()
    qtbot.waitUntil(lambda: getattr(dialog, "merged", False))
    qtbot.waitUntil(lambda: window.pane.customer.details.text() != before)
    with store.read() as session:
        assert session.scalar(select(Customer.merged_into_id).where(Customer.id == b)) == a
    dialog.close()
    unmerge = controller.open_unmerge()
    assert unmerge.model.rowCount() == 1
    assert unmerge.unmerge_selected()
    qtbot.waitUntil(lambda: unmerge.model.rowCount() == 0)
    qtbot.waitUntil(lambda: window.pane.customer.details.text() == before)
    unmerge.close()


def test_rows_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = RowsModel()
    model.set_rows([("Ann", ("1",)), ("Bob", ("2", "3"))])
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_erase_asks_twice_then_erases(qtbot: QtBot,
                                      app: tuple[MainWindow, CustomersController]) -> None:
    from PySide6.QtWidgets import QMessageBox

    window, controller = app
    store = window.store
    with store.read() as session:
        customer, conv = session.execute(
            select(Conversation.customer_id, Conversation.id)
            .where(Conversation.customer_id.is_not(None)).limit(1)).one()
        name = session.scalar(select(Customer.name).where(Customer.id == customer))
    window.open_conversation(conv)
    qtbot.waitUntil(lambda: window.pane.detail is not None
                    and window.pane.detail.customer is not None)
    # the first "No" stops everything
    box = controller.erase_current()
    assert box is not None
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert not hasattr(controller, "erase_dialog")
    box = controller.erase_current()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    dialog = controller.erase_dialog
    assert not dialog.erase_button.isEnabled()
    dialog.typed.setText("someone else")
    assert not dialog.erase_button.isEnabled()
    dialog.typed.setText(name)
    assert dialog.erase_button.isEnabled()
    dialog.erase_button.click()
    qtbot.waitUntil(lambda: getattr(controller, "erased", None) is not None, timeout=30_000)
    qtbot.waitUntil(lambda: window.pane.customer.name.text() == "Erased customer")
    assert "erased" in window.statusBar().currentMessage()


def test_export_from_the_window(qtbot: QtBot, app: tuple[MainWindow, CustomersController],
                                tmp_path: Path) -> None:
    from supportdesk.ui.export import ExportController

    window, controller = app
    window.customers = controller  # as install() leaves it
    exports = ExportController(window)
    assert controller.menu.actions().index(exports.act_history) < \
        controller.menu.actions().index(controller.act_erase)
    with window.store.read() as session:
        conv, subject = session.execute(
            select(Conversation.id, Conversation.subject)
            .where(Conversation.customer_id.is_not(None)).limit(1)).one()
    window.open_conversation(conv)
    qtbot.waitUntil(lambda: window.pane.detail is not None)
    html = exports.export_current(tmp_path / "c.html", "html")
    assert html is not None and subject.split()[0] in html.read_text()
    zipped = exports.export_history(tmp_path / "h.zip", "zip")
    assert zipped is not None and zipped.stat().st_size > 0
    assert "Exported to" in window.statusBar().currentMessage()
