"""View → Language, the team's language and phone country, and how a call's number is read."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from supportdesk.app import install_extensions
from supportdesk.config import LANGUAGE, Settings
from supportdesk.models.locale import TEAM_LOCALE_ID, TeamLocale
from supportdesk.services import team_locale
from supportdesk.services.workflow import team
from supportdesk.store import Store
from supportdesk.ui.mainwindow import MainWindow


def _window(qtbot: QtBot, profile: Path) -> tuple[MainWindow, Store]:
    store = Store.open(profile)
    window = MainWindow(store, Settings(profile))
    qtbot.addWidget(window)
    install_extensions(window)
    window.quiet_language_note = True  # type: ignore[attr-defined]
    return window, store


def test_a_local_number_on_an_icelandic_team_reads_as_icelandic(
    qtbot: QtBot, profile: Path
) -> None:
    window, store = _window(qtbot, profile)
    try:
        store.write(lambda uow: team.save_team(uow, timezone="Atlantic/Reykjavik",
                                               week_text="mon-fri 09:00-17:00"))
        dialog = window.make_call_dialog()
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.phone, "451 7759")
        # Shown before saving: how the number was read, and why.
        assert dialog.phone_status.text().startswith("+354 451 7759 (")
        assert "Ísland" in dialog.phone_status.text()
        assert "time zone" in dialog.phone_status.text()
        dialog.accept()
        assert dialog.result_call is not None
        assert dialog.result_call.phone.e164 == "+3544517759"

        store.write(lambda uow: team_locale.save_locale(uow, phone_region="RU"))
        dialog = window.make_call_dialog()
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.phone, "8 495 123-45-67")
        assert dialog.phone_status.text().startswith("+7 495 123-45-67 (")
        assert "team's country" in dialog.phone_status.text()
        dialog.phone.clear()
        qtbot.keyClicks(dialog.phone, "+354 451 7759")  # never re-read
        assert dialog.phone_status.text() == "+354 451 7759 · new customer"
    finally:
        window.close()
        store.close()


def test_language_menu_remembers_the_choice_for_the_next_start(
    qtbot: QtBot, profile: Path
) -> None:
    window, store = _window(qtbot, profile)
    try:
        actions = window.language_actions  # type: ignore[attr-defined]
        assert set(actions) == {"", "en", "ru", "is"}
        assert actions[""].isChecked()
        assert [a.text() for a in actions.values()][1:] == ["English", "Русский", "Íslenska"]
        actions["ru"].trigger()
        assert Settings(profile).get(LANGUAGE) == "ru"
        assert "start it again" in window.statusBar().currentMessage()
        assert actions["ru"].isChecked() and not actions[""].isChecked()
    finally:
        window.close()
        store.close()


def test_team_locale_dialog_saves_the_synced_row(qtbot: QtBot, profile: Path) -> None:
    from supportdesk.ui.language import edit_team_locale

    window, store = _window(qtbot, profile)
    try:
        dialog = edit_team_locale(window)
        qtbot.addWidget(dialog)
        dialog.language.setCurrentIndex(dialog.language.findData("is"))
        dialog.region.setCurrentIndex(dialog.region.findData("IS"))
        dialog.accept()

        def saved() -> bool:
            with store.read() as s:
                row = s.get(TeamLocale, TEAM_LOCALE_ID)
                return row is not None and (row.language, row.phone_region) == ("is", "IS")

        qtbot.waitUntil(saved, timeout=3000)
    finally:
        window.close()
        store.close()
