"""The rep's path in Russian and in Icelandic: what the window shows comes from the catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

from supportdesk.app import install_extensions
from supportdesk.config import Settings
from supportdesk.services import demo
from supportdesk.services.inbox import ViewKey
from supportdesk.store import Store
from supportdesk.ui.mainwindow import MainWindow
from tests.conftest import DEMO_NOW
from tests.ui.translations import FOLDER, compile_all, installed, read


def catalogue(lang: str) -> dict[str, str]:
    """English source -> translation (first form) of the texts that differ."""
    return {e.source: e.forms[0] for e in read(FOLDER / f"supportdesk_{lang}.ts")
            if e.forms[0] != e.source}


def shown_texts(root: QWidget) -> list[str]:
    """The texts a rep can see in a window: labels, buttons, group titles, placeholders,
    menu and action texts (with their & marks)."""
    out: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        if w.isWindow():
            out.append(w.windowTitle())
        if isinstance(w, QMenu):
            out.append(w.title())
        for act in w.actions():
            out.append(act.text())
    return [t for t in out if t]


#: View → Language names each language in itself, whatever the window's language
NATIVE_NAMES = {"English", "Русский", "Íslenska"}


def english_left(texts: list[str], cat: dict[str, str]) -> list[str]:
    return sorted({t for t in texts if t in cat and t not in NATIVE_NAMES})


@pytest.fixture(scope="module")
def qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_all(tmp_path_factory.mktemp("qm"))


@pytest.fixture
def seeded(profile: Path) -> Iterator[Path]:
    store = Store.open(profile)
    demo.generate(store, 40, seed=5, now=DEMO_NOW)
    store.close()
    yield profile


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("ru", {"menu": "&Обращение", "inbox": "Входящие", "call": "Записать звонок",
                "logged": "Звонок записан.", "note": "Добавить заметку"}),
        ("is", {"menu": "&Erindi", "inbox": "Innhólf", "call": "Skrá símtal",
                "logged": "Símtal skráð.", "note": "Bæta við athugasemd"}),
    ],
)
def test_the_rep_path_speaks_the_language(
    qtbot: QtBot, qm: Path, seeded: Path, lang: str, words: dict[str, str]
) -> None:
    cat = catalogue(lang)
    with installed(lang, qm):
        store = Store.open(seeded)
        window = MainWindow(store, Settings(seeded))
        qtbot.addWidget(window)
        install_extensions(window)
        window.resize(1366, 768)
        window.show()
        try:
            titles = [a.text() for a in window.menuBar().actions()]
            assert words["menu"] in titles
            assert not english_left(titles, cat)
            texts = shown_texts(window)
            assert not english_left(texts, cat), english_left(texts, cat)
            assert sum(t in cat.values() for t in texts) > 40

            # The sidebar's views, and the status bar when one is chosen.
            names = [window.sidebar_model.index(r, 0).data(Qt.ItemDataRole.DisplayRole)
                     for r in range(window.sidebar_model.rowCount())]
            assert any(str(n).casefold().startswith(words["inbox"].casefold()) for n in names)
            email = window.sidebar_model.row_of(ViewKey("channel", "email"))
            window.sidebar.setCurrentIndex(window.sidebar_model.index(email, 0))
            message = window.statusBar().currentMessage()
            assert message and not message.isascii(), message

            # Open a conversation and log a call into it.
            window.select_row(0)
            assert window.current_id is not None
            dialog = window.make_call_dialog()
            qtbot.addWidget(dialog)
            assert dialog.windowTitle() == words["call"]
            assert not english_left(shown_texts(dialog), cat), english_left(
                shown_texts(dialog), cat)
            qtbot.keyClicks(dialog.phone, "+354 555 9876")
            assert not dialog.phone_status.text().isascii()
            dialog.minutes.setValue(3)
            dialog.accept()
            assert dialog.result_call is not None
            window.save_call(dialog)
            qtbot.waitUntil(lambda: window.statusBar().currentMessage() == words["logged"],
                            timeout=3000)

            # Write a note.
            assert window.pane.save_note.text() == words["note"]
            window.pane.composer.setFocus()
            window.pane.composer.insertPlainText("Prentarinn virkar")
            qtbot.mouseClick(window.pane.save_note, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: "Prentarinn virkar" in window.pane.browser.toPlainText(),
                            timeout=3000)
            timeline = window.pane.browser.toPlainText()
            assert "Inbound call" not in timeline
            assert cat["Inbound call"] in timeline
        finally:
            window.close()
            store.close()


def test_the_check_finds_english(qtbot: QtBot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    QLabel("Call logged.", box)
    act = QAction("&File", box)
    box.addAction(act)
    assert english_left(shown_texts(box), catalogue("ru")) == ["&File", "Call logged."]
