"""A rep's path through the window, end to end, on the offscreen platform."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from supportdesk.config import THEME, Settings
from supportdesk.models import Status
from supportdesk.services import demo, inbox
from supportdesk.services.inbox import ViewKey
from supportdesk.store import Store
from supportdesk.ui.mainwindow import MainWindow
from tests.conftest import DEMO_NOW


def _window(qtbot: QtBot, profile: Path) -> tuple[MainWindow, Store]:
    store = Store.open(profile)
    window = MainWindow(store, Settings(profile))
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window, store


def _close(window: MainWindow, store: Store) -> None:
    window.close()
    store.close()


def test_the_whole_path_survives_a_restart(qtbot: QtBot, profile: Path) -> None:
    seed = Store.open(profile)
    demo.generate(seed, 80, seed=11, now=DEMO_NOW)
    seed.close()
    window, store = _window(qtbot, profile)

    # Filter a view from the sidebar.
    email_row = window.sidebar_model.row_of(ViewKey("channel", "email"))
    assert email_row >= 0
    window.sidebar.setCurrentIndex(window.sidebar_model.index(email_row, 0))
    assert window.inbox_model.view == ViewKey("channel", "email")
    assert window.inbox_model.rowCount() > 1
    assert {r.channel for r in window.inbox_model.rows} == {"email"}

    # Open a conversation with the keyboard.
    window.table.setFocus()
    first = window.current_id
    qtbot.keyClick(window.table, Qt.Key.Key_J)
    assert window.current_id != first
    qtbot.keyClick(window.table, Qt.Key.Key_K)
    assert window.current_id == first
    cid = window.current_id
    assert cid is not None
    assert window.pane.subject.text() == window.inbox_model.rows[0].subject

    # Log a call into it.
    dialog = window.make_call_dialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.phone, "+354 555 9876")
    dialog.name.setText("Jökull Þórsson")  # QTest types ASCII only
    dialog.minutes.setValue(6)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("follow_up"))
    assert dialog.target.currentData() == cid
    dialog.accept()
    assert dialog.result_call is not None
    window.save_call(dialog)
    qtbot.waitUntil(lambda: "Inbound call" in window.pane.browser.toPlainText(), timeout=3000)
    assert "+354 555 9876" in window.pane.browser.toPlainText()

    # Add a note from the composer.
    window.pane.composer.setFocus()
    qtbot.keyClicks(window.pane.composer, "Vendor case 4471 opened with ")
    window.pane.composer.insertPlainText("Þjónustuver")  # QTest types ASCII only
    qtbot.mouseClick(window.pane.save_note, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pane.composer.toPlainText() == "", timeout=3000)
    qtbot.waitUntil(lambda: "Vendor case 4471" in window.pane.browser.toPlainText(), timeout=3000)

    # Set it pending: it leaves the (open) email view, and the sidebar counts follow.
    pending_before = window.sidebar_model.count_of(inbox.PENDING)
    window.set_status(Status.PENDING)
    qtbot.waitUntil(lambda: window.inbox_model.row_of(cid) == -1, timeout=3000)
    qtbot.waitUntil(
        lambda: window.sidebar_model.count_of(inbox.PENDING) == pending_before + 1, timeout=3000
    )

    # Find it by search, without diacritics.
    window.search_box.setText("Þjónustuver 4471")
    window.run_search()
    assert [r.id for r in window.inbox_model.rows] == [cid]
    window.search_box.setText("þjonustuver")
    window.run_search()
    assert cid in [r.id for r in window.inbox_model.rows]
    _close(window, store)

    # Restart: everything is still there.
    window, store = _window(qtbot, profile)
    window.search_box.setText("4471")
    window.run_search()
    assert [r.id for r in window.inbox_model.rows] == [cid]
    assert window.current_id == cid
    assert window.pane.status.currentData() == "pending"
    text = window.pane.browser.toPlainText()
    assert "Vendor case 4471" in text and "Inbound call" in text
    _close(window, store)


def test_shortcuts_focus_search_and_list_is_shown(
    qtbot: QtBot, demo_store: Store, profile: Path
) -> None:
    window = MainWindow(demo_store, Settings(profile))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Slash)
    assert QApplication.focusWidget() is window.search_box
    from supportdesk.ui.dialogs import ShortcutsDialog

    dialog = ShortcutsDialog(window.shortcut_list(), window)
    qtbot.addWidget(dialog)
    shown = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    assert shown["J"] == "Next conversation" and shown["K"] == "Previous conversation"
    assert shown["C"] == "Log a call"
    assert shown["/  or  Ctrl+F"] == "Search"
    assert "Esc" in shown
    from supportdesk.ui.mail.composer import CANNED_KEYS

    assert "canned answer" in shown[CANNED_KEYS]  # the composer's key is listed too
    window.close()


def test_invalid_phone_keeps_the_dialog_open_with_a_reason(
    qtbot: QtBot, demo_store: Store, profile: Path
) -> None:
    window = MainWindow(demo_store, Settings(profile))
    qtbot.addWidget(window)
    dialog = window.make_call_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.phone, "12ab")
    dialog.accept()
    assert dialog.result_call is None
    assert dialog.isVisible()
    assert dialog.error.isVisibleTo(dialog) and "phone number" in dialog.error.text()
    window.close()


def test_theme_switch_is_remembered_and_layout_restored(
    qtbot: QtBot, demo_store: Store, profile: Path
) -> None:
    window = MainWindow(demo_store, Settings(profile))
    qtbot.addWidget(window)
    window.show()
    window.set_theme("dark")
    assert window.dark
    assert QApplication.palette().window().color().lightness() < 80
    window.splitter.setSizes([150, 700, 550])
    sizes = window.splitter.sizes()
    window.close()
    assert Settings(profile).get(THEME) == "dark"
    again = MainWindow(demo_store, Settings(profile))
    qtbot.addWidget(again)
    again.show()
    assert again.dark
    assert again.splitter.sizes() == sizes
    again.set_theme("light")
    again.close()
