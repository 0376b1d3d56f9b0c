"""The chat import dialog and its place in the main window (offscreen)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

import supportdesk.ui.chatimport_dialog as dialog_module
from supportdesk.config import Settings
from supportdesk.models import Message
from supportdesk.services.chat_import import ImportSummary, PersonChoice, import_chat_export
from supportdesk.services.customers import find_or_create_customer
from supportdesk.store import Store
from supportdesk.ui.chatimport import dropped_export, install
from supportdesk.ui.chatimport_dialog import (
    COL_TIME,
    ChatImportDialog,
    PreviewModel,
    describe_summary,
)
from supportdesk.ui.mainwindow import MainWindow
from tests.channels.chat.gen import generate_whatsapp
from tests.services.chat_exports import whatsapp_txt
from tests.services.test_chat_import import counts


@pytest.fixture
def make_dialog(
    qtbot: QtBot, store: Store, profile: Path
) -> Iterator[Any]:
    made: list[ChatImportDialog] = []

    def make(path: Path | None = None) -> ChatImportDialog:
        dialog = ChatImportDialog(store, Settings(profile), path)
        qtbot.addWidget(dialog)
        dialog.resize(980, 720)
        dialog.show()
        made.append(dialog)
        if path is not None:
            qtbot.waitUntil(lambda: dialog.state in ("ready", "failed"), timeout=10_000)
        return dialog

    yield make
    for dialog in made:
        dialog.wait_idle()


def _time_cell(dialog: ChatImportDialog, row: int) -> str:
    return str(dialog.preview_model.index(row, COL_TIME).data())


def _shown(at: datetime) -> str:
    return at.astimezone().strftime("%d %b %Y %H:%M")


def test_preview_model_is_a_proper_model(qtmodeltester: Any, tmp_path: Path) -> None:
    from supportdesk.channels.chat import parse_export

    chat = parse_export(whatsapp_txt(tmp_path)).chats[0]
    model = PreviewModel()
    model.set_lines([(chat.title, line) for line in chat.lines], UTC)
    qtmodeltester.check(model)
    assert model.rowCount() == 6


def test_preview_people_zone_then_import(
    qtbot: QtBot, make_dialog: Any, store: Store, tmp_path: Path
) -> None:
    dialog = make_dialog(whatsapp_txt(tmp_path))
    assert dialog.state == "ready" and dialog.import_button.isEnabled()
    assert dialog.preview_model.rowCount() == 6
    assert dialog.preview_model.index(1, 1).data() == "Ana Souza"
    assert "a new conversation" in dialog.chats_label.text()
    # A two-person WhatsApp chat "with Ana Souza": the other one is probably us.
    people = {p.participant.name: p.suggested_us for p in dialog.found.people}
    assert people == {"Ana Souza": False, "Acme Support": True}
    rows = {p.participant.name: i for i, p in enumerate(dialog.found.people)}
    assert dialog._check(rows["Acme Support"]).isChecked()
    assert dialog._combo(rows["Ana Souza"]).isEnabled()
    assert not dialog._combo(rows["Acme Support"]).isEnabled()

    # No zone in the file: the rep picks one and the preview shows the instants.
    assert dialog.zone_combo.isVisibleTo(dialog)
    dialog.zone_combo.setCurrentText("Europe/Berlin")
    assert _time_cell(dialog, 1) == _shown(datetime(2024, 1, 15, 8, 0, tzinfo=UTC))
    dialog.zone_combo.setCurrentText("Asia/Tokyo")
    assert _time_cell(dialog, 1) == _shown(datetime(2024, 1, 15, 0, 0, tzinfo=UTC))
    dialog.zone_combo.setCurrentText("Europe/Berlin")

    with qtbot.waitSignal(dialog.imported, timeout=10_000) as opened:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    summary = dialog.summary
    assert isinstance(summary, ImportSummary)
    assert opened.args == [summary.conversations[0].conversation_id]
    assert dialog.state == "done" and summary.added == 6
    assert "6 messages added from the WhatsApp export" in dialog.result_text.text()
    assert dialog.cancel_button.text() == "Close" and not dialog.import_button.isVisible()
    with store.read() as session:
        rows_ = list(session.scalars(select(Message).order_by(Message.created_at)))
    agent = [m for m in rows_ if m.author_name == "Acme Support"]
    assert agent and all(m.author_agent_id is not None for m in agent)
    assert rows_[1].created_at == datetime(2024, 1, 15, 8, 0, tzinfo=UTC)


def test_choices_for_customers_become_import_options(
    make_dialog: Any, store: Store, tmp_path: Path
) -> None:
    known, _ = store.write(
        lambda uow: find_or_create_customer(
            uow, "chat", "whatsapp:Ana Souza", "Ana Souza", "Ana Souza (known)"
        )
    )
    dialog = make_dialog(whatsapp_txt(tmp_path))
    rows = {p.participant.name: i for i, p in enumerate(dialog.found.people)}
    combo = dialog._combo(rows["Ana Souza"])
    assert combo.itemText(0) == "Ana Souza (known) (matched by chat handle)"
    assert dialog.options().people["Ana Souza"] == PersonChoice("customer", customer_id=known)
    combo.setCurrentIndex(1)  # New customer
    assert dialog.options().people["Ana Souza"] == PersonChoice("customer", new_customer=True)
    combo.setCurrentIndex(2)  # Keep as a participant only
    assert dialog.options().people["Ana Souza"] == PersonChoice("unknown")
    assert dialog.options().people["Acme Support"] == PersonChoice("agent")
    # Nobody marked as us: no choices at all, everyone stays a participant.
    dialog.set_us("Acme Support", False)
    assert dialog.options().people == {}
    assert not combo.isEnabled() and "Nobody is marked as us" in dialog.people_hint.text()


def test_a_bad_file_says_what_and_where(make_dialog: Any, tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Bad.txt"
    path.write_bytes(b"01/02/2023, 10:00 - Ana: ok\n01/02/2023, 10:01 - Ana: caf\xe9\n")
    dialog = make_dialog(path)
    assert dialog.state == "failed" and not dialog.import_button.isEnabled()
    assert dialog.status.objectName() == "error"
    assert "WhatsApp Chat with Bad.txt: line 2: this is not UTF-8" in dialog.status.text()


def _gated(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """Hold the import on its first progress report until the test lets it go."""
    reached, release = threading.Event(), threading.Event()

    def held(*args: Any, progress: Any, **kw: Any) -> ImportSummary:
        def report(done: int, total: int) -> None:
            progress(done, total)
            if not reached.is_set():
                reached.set()
                release.wait(10)

        return import_chat_export(*args, progress=report, **kw)

    monkeypatch.setattr(dialog_module, "import_chat_export", held)
    return reached, release


@pytest.mark.parametrize("batch_size", [100, 100_000], ids=["batches", "one transaction"])
def test_cancel_stops_a_running_import(
    qtbot: QtBot, make_dialog: Any, store: Store, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, batch_size: int,
) -> None:  # fmt: skip
    path = tmp_path / "WhatsApp Chat with Big Customer.txt"
    total = generate_whatsapp(2_000, path, seed=2)
    reached, release = _gated(monkeypatch)
    dialog = make_dialog(path)
    dialog.batch_size = batch_size
    dialog.set_us("Ben Okafor")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.state == "importing" and dialog.cancel_button.text() == "Cancel import"
    qtbot.waitUntil(reached.is_set, timeout=10_000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Cancelling…" and dialog.state == "importing"
    dialog.close()  # closing while importing only asks the import to stop
    assert dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20_000)
    summary = dialog.summary
    assert summary is not None and summary.cancelled
    assert dialog.result_title.text() == "Import cancelled"
    stored = counts(store)["messages"]
    assert stored == summary.added < total
    if batch_size > total:
        assert stored == 0 and "Nothing was imported" in dialog.result_text.text()


def test_menu_and_drop_open_the_dialog_and_the_conversation(
    qtbot: QtBot, store: Store, profile: Path, tmp_path: Path
) -> None:
    window = MainWindow(store, Settings(profile))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    opener = install(window)
    labels = [a.text() for a in window.file_menu.actions()]
    assert labels[0] == "Import chat export…"
    assert window.acceptDrops()

    path = whatsapp_txt(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(window, drop)
    dialog = opener.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.state == "ready", timeout=10_000)
    dialog.zone_combo.setCurrentText("UTC")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=10_000)
    summary = dialog.summary
    assert summary is not None
    cid = summary.conversations[0].conversation_id
    qtbot.waitUntil(lambda: window.current_id == cid, timeout=5_000)
    qtbot.waitUntil(lambda: "zebrafish" in window.pane.browser.toPlainText(), timeout=5_000)
    dialog.wait_idle()
    dialog.close()
    window.close()


def test_only_chat_exports_are_taken_from_a_drop(tmp_path: Path) -> None:
    def mime_for(*paths: Path) -> QMimeData:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        return mime

    chat = whatsapp_txt(tmp_path)
    eml = tmp_path / "a.eml"
    eml.write_bytes(b"From: a@b.example\r\nSubject: x\r\n\r\nhi\r\n")
    assert dropped_export(mime_for(chat)) == chat
    assert dropped_export(mime_for(eml)) is None  # left to the mail import
    assert dropped_export(mime_for(chat, chat)) is None
    assert dropped_export(QMimeData()) is None


def test_summary_wording() -> None:
    s = ImportSummary(added=3, skipped_duplicates=2, format="telegram", customers_created=1,
                      attachments_missing=2, timezone="Europe/Berlin",
                      failed=[("a.jpg (Sam, 2024-01-01 10:00)", "could not be read")])  # fmt: skip
    text = describe_summary(s)
    assert "3 messages added from the Telegram export, 2 were already here." in text
    assert "Times without a zone were read as Europe/Berlin." in text
    assert "Not imported: a.jpg (Sam, 2024-01-01 10:00) (could not be read)" in text
    assert describe_summary(ImportSummary(cancelled=True)).startswith("Import cancelled.")


def test_closing_the_window_stops_a_running_import(
    qtbot: QtBot, store: Store, profile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(store, Settings(profile))
    qtbot.addWidget(window)
    window.show()
    opener = install(window)
    path = tmp_path / "WhatsApp Chat with Big Customer.txt"
    total = generate_whatsapp(2_000, path, seed=4)
    reached, release = _gated(monkeypatch)
    dialog = opener.open(path)
    qtbot.waitUntil(lambda: dialog.state == "ready", timeout=10_000)
    dialog.batch_size = 100
    dialog.set_us("Ben Okafor")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=10_000)
    threading.Timer(0.2, release.set).start()
    window.close()  # waits for the import to notice and stop
    stored = counts(store)["messages"]
    assert stored < total
    assert counts(store)["messages"] == stored  # nothing still running behind our back


def test_files_beside_a_single_export_are_read_only_when_the_rep_says_so(
    make_dialog: Any, qtbot: QtBot, tmp_path: Path, store: Store,
) -> None:
    """Issue 13, finding 3: the dialog's confirmation, off by default."""
    from tests.services.chat_exports import PNG

    (tmp_path / "IMG-1.jpg").write_bytes(PNG)
    path = tmp_path / "WhatsApp Chat with Ana.txt"
    path.write_text("15/01/2024, 09:00 - Ana: IMG-1.jpg (file attached)\n"
                    "15/01/2024, 09:01 - Ana: thanks\n", encoding="utf-8")
    dialog = make_dialog(path)
    assert dialog.state == "ready" and dialog.beside.isVisible()
    assert not dialog.beside.isChecked() and str(tmp_path) in dialog.beside.text()
    assert dialog.options().attachments_from is None
    dialog.beside.setChecked(True)  # the rep confirms: read the files from that folder
    qtbot.waitUntil(lambda: dialog.state == "ready", timeout=10_000)
    assert dialog.options().attachments_from == tmp_path
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.attachments_stored == 1
