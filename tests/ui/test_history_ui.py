"""The chat import dialog asks how old a chat must be to count as history."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from supportdesk.config import Settings
from supportdesk.services.chat_import import DEFAULT_HISTORY_DAYS
from supportdesk.store import Store
from supportdesk.ui import history
from supportdesk.ui.chatimport_dialog import ChatImportDialog


def test_import_dialog_offers_the_history_threshold(
    qtbot: QtBot, store: Store, profile: Path
) -> None:
    dialog = ChatImportDialog(store, Settings(profile), None)
    qtbot.addWidget(dialog)
    days = history.attach(dialog)
    assert days.value() == DEFAULT_HISTORY_DAYS == dialog.history_days
    days.setValue(30)
    assert dialog.history_days == 30
    days.setValue(0)
    assert dialog.history_days is None and days.text() == "never (all open)"
    assert days.accessibleName()
