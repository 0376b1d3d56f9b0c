"""Fits the screen: a real window on a 1366x768 screen, every dialog opened and measured.

The window runs in its own process (``tests/ui/screen_probe.py``): the
offscreen screen's size is fixed when Qt starts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from supportdesk.config import INBOX_HIDDEN_COLUMNS, Settings
from supportdesk.store import Store
from supportdesk.ui import layout
from supportdesk.ui.mainwindow import MainWindow
from supportdesk.ui.models import (
    COL_ACTIVITY,
    COL_ASSIGNEE,
    COL_CHANNEL,
    COL_CUSTOMER,
    COL_DUE,
    COL_PRIORITY,
    COL_SUBJECT,
)

REPO = Path(__file__).resolve().parents[2]


def probe(size: str, theme: str, out: Path) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.screen_probe", size, theme, str(out)],
        capture_output=True, text=True, timeout=240, env=env, cwd=REPO, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.fixture(scope="module")
def laptop(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return probe("1366x768", "light", tmp_path_factory.mktemp("probe"))


def test_first_window_fills_a_laptop_screen_and_the_list_needs_no_scrolling(
    laptop: dict[str, Any]
) -> None:
    assert laptop["screen"] == [1366, 768]
    assert laptop["maximized"] and laptop["window"] == [1366, 768]
    assert laptop["minimum_width"] <= 1000
    assert not laptop["hscroll"] and laptop["header_fits"]
    for needed in ("Customer", "Subject", "channel", "Due"):
        assert needed in laptop["columns"]
    assert laptop["subject_width"] >= layout.SUBJECT_MIN


def test_every_dialog_fits_the_screen_without_squashed_fields(laptop: dict[str, Any]) -> None:
    dialogs = laptop["dialogs"]
    names = {d["name"] for d in dialogs}
    assert len(names) >= 15, names  # the walk really opened the dialogs
    assert {"Mailboxes…", "Reports…", "Contracts…", "Log a call…"} <= names
    for d in [laptop["main"], *dialogs]:
        assert d["fits"], d
        assert d["squashed"] == [], d
    reports = next(d for d in dialogs if d["name"] == "Reports…")
    assert reports["height"] <= 768


def test_every_focusable_control_has_an_accessible_name(laptop: dict[str, Any]) -> None:
    for d in [laptop["main"], *laptop["dialogs"]]:
        assert d["unnamed"] == [], d


def test_columns_are_dropped_least_important_first() -> None:
    everything = [COL_CUSTOMER, COL_SUBJECT, COL_CHANNEL, COL_PRIORITY, COL_ASSIGNEE,
                  COL_ACTIVITY, COL_DUE]
    assert layout.columns_that_fit(2000, set()) == everything
    narrow = layout.columns_that_fit(420, set())
    assert narrow == [COL_CUSTOMER, COL_SUBJECT, COL_CHANNEL, COL_DUE]
    middle = layout.columns_that_fit(560, set())
    assert COL_ASSIGNEE not in middle and COL_PRIORITY in middle
    assert COL_CUSTOMER not in layout.columns_that_fit(2000, {COL_CUSTOMER})


def test_the_rep_chooses_columns_and_the_choice_is_remembered(
    qtbot: QtBot, store: Store, profile: Path
) -> None:
    settings = Settings(profile)
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    fit = layout.install(window)
    window.resize(1900, 900)
    window.show()
    header = window.table.horizontalHeader()
    assert not header.isSectionHidden(COL_CUSTOMER)  # never dropped for room
    menu = fit.column_menu()
    [customer] = [a for a in menu.actions() if a.text() == "Customer"]
    customer.setChecked(False)
    assert header.isSectionHidden(COL_CUSTOMER)
    assert Settings(profile).get(INBOX_HIDDEN_COLUMNS) == "customer"
    window.close()

    again = MainWindow(store, Settings(profile))
    qtbot.addWidget(again)
    layout.install(again)
    again.resize(1900, 900)
    again.show()
    assert again.table.horizontalHeader().isSectionHidden(COL_CUSTOMER)
    assert not again.table.horizontalHeader().isSectionHidden(COL_SUBJECT)
    again.close()


def test_tab_order_follows_the_screen(qtbot: QtBot, store: Store, profile: Path) -> None:
    window = MainWindow(store, Settings(profile))
    qtbot.addWidget(window)
    layout.install(window)
    window.show()
    pane = window.pane
    wanted = [window.search_box, window.table, pane.status, pane.priority, pane.assignee,
              pane.browser, pane.composer]
    order = []
    widget = window.search_box
    for _ in range(400):
        if widget in wanted and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is window.search_box:
            break
    assert order == wanted
    assert all(w.accessibleName() and w.accessibleDescription() for w in wanted)
    window.close()
