"""Nothing typed is lost: note and mail drafts survive a killed process; closing asks."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from supportdesk.config import Settings
from supportdesk.models.drafts import ComposeDraft
from supportdesk.services import drafts
from supportdesk.services.mail.ingest import ingest_raw
from supportdesk.services.mail.mailboxes import MailboxInfo, save_mailbox
from supportdesk.services.mail.passwords import KeyringStatus, PasswordBook
from supportdesk.store import Store
from supportdesk.store.engine import database_path
from supportdesk.ui import drafts as ui_drafts
from supportdesk.ui.mail.controller import MailController
from supportdesk.ui.mainwindow import MainWindow
from supportdesk.ui.models import COL_SUBJECT

REPO = Path(__file__).resolve().parents[2]
SUPPORT = "support@acme.example"
MAIL = (
    b"From: Jokull <jokull@example.is>\r\nTo: Support <support@acme.example>\r\n"
    b"Subject: Invoice 4471\r\nMessage-ID: <inv@example.is>\r\n"
    b"Date: Tue, 17 Nov 2026 09:12:00 +0000\r\n\r\nThe VAT is wrong.\r\n"
)

#: The app as a separate process: the real window with its capabilities; it types a note
#: and a reply, then waits to be killed.
CHILD = r"""
import sys
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from supportdesk.app import install_extensions, make_application
from supportdesk.config import Settings
from supportdesk.store import Store
from supportdesk.ui.mainwindow import MainWindow
from pathlib import Path

profile = Path(sys.argv[1])
app = make_application(sys.argv[:1])
store = Store.open(profile)
window = MainWindow(store, Settings(profile))
install_extensions(window)
window.mail.auto_ask_passwords = False
window.show()
window.open_conversation(sys.argv[2])
QTest.keyClicks(window.pane.composer, "Half a note about the VAT")
composer = window.mail.compose("reply")
QTest.keyClicks(composer.body, "Dear Jokull, we are looking")
print("typed", flush=True)
app.exec()
"""


def add_mailbox(store: Store) -> str:
    info = MailboxInfo(
        id="", name="Support", address=SUPPORT, display_name="Acme Support", username=SUPPORT,
        imap_host="127.0.0.1", imap_port=9, imap_security="tls", smtp_host="127.0.0.1",
        smtp_port=9, smtp_security="starttls", enabled=False,
    )  # fmt: skip
    return store.write(lambda uow: save_mailbox(uow, info))


def make_window(qtbot: QtBot, store: Store, profile: Path) -> tuple[MainWindow, MailController]:
    window = MainWindow(store, Settings(profile))
    qtbot.addWidget(window)
    controller = MailController(
        window, passwords=PasswordBook(KeyringStatus(False, "test", "No keyring here.")))
    controller.auto_ask_passwords = False
    ui_drafts.install(window)
    window.resize(1300, 850)
    window.show()
    return window, controller


def draft_rows(profile: Path) -> set[tuple[str, str]]:
    """The drafts on disk, read as another program would (no app code involved)."""
    with sqlite3.connect(f"file:{database_path(profile)}?mode=ro", uri=True) as db:
        try:
            return {(k, f) for k, f in db.execute("SELECT key, fields FROM compose_drafts")}
        except sqlite3.OperationalError:  # not migrated yet
            return set()


def answer(qtbot: QtBot, choice: str) -> list[str]:
    """Click ``choice`` in the next Keep / Discard question; returns the texts it showed."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        for button in box.buttons():
            if button.text() == choice:
                button.click()
                return
        raise AssertionError(f"no button {choice!r}")

    QTimer.singleShot(0, click)
    return seen


def test_empty_drafts_are_no_drafts(store: Store) -> None:
    assert store.write(lambda uow: drafts.save_draft(uow, "c1", "note", {"body": "hi"}))
    with store.read() as session:
        kept = drafts.get_draft(session, "c1", "note")
        assert kept is not None and kept.fields == {"body": "hi"}
        assert drafts.conversations_with_drafts(session) == {"c1"}
    assert not store.write(lambda uow: drafts.save_draft(uow, "c1", "note", {"body": "  "}))
    with store.read() as session:
        assert drafts.get_draft(session, "c1", "note") is None
        assert session.scalar(select(func.count()).select_from(ComposeDraft)) == 0
    assert drafts.is_empty({"body": "> quoted"}, {"body": "> quoted"})
    assert not drafts.is_empty({"body": "mine\n> quoted"}, {"body": "> quoted"})
    with pytest.raises(ValueError):
        drafts.draft_key("c1", "telegram")


def test_a_killed_app_keeps_the_note_and_reply_being_written(
    qtbot: QtBot, store: Store, profile: Path
) -> None:
    add_mailbox(store)
    conversation_id = ingest_raw(store, MAIL).conversation_id
    store.close()
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(profile), conversation_id],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while len(draft_rows(profile)) < 2 or any(
            "looking" not in f and "VAT" not in f for _k, f in draft_rows(profile)
        ):
            if child.poll() is not None:
                pytest.fail(f"the app exited: {child.communicate()}")
            assert time.monotonic() < deadline, "no drafts were written while typing"
            time.sleep(0.1)
        os.kill(child.pid, signal.SIGKILL)
        child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL

    again = Store.open(profile)
    try:
        window, controller = make_window(qtbot, again, profile)
        window.open_conversation(conversation_id)
        assert window.pane.composer.toPlainText() == "Half a note about the VAT"
        row = window.inbox_model.row_of(conversation_id)
        assert window.inbox_model.index(row, COL_SUBJECT).data().startswith("[Draft] ")
        composer = controller.compose("reply")
        assert composer is not None
        qtbot.addWidget(composer)
        assert composer.body.toPlainText().startswith("Dear Jokull, we are looking")
        assert "> The VAT is wrong." in composer.body.toPlainText()
        composer.done(0)
        window.close()
    finally:
        again.close()


def wait_for_drafts(qtbot: QtBot, store: Store, check: Callable[[set[str]], bool]) -> None:
    def keys() -> set[str]:
        with store.read() as session:
            return set(session.scalars(select(ComposeDraft.key)))

    qtbot.waitUntil(lambda: check(keys()), timeout=5000)


def test_escape_with_text_asks_keep_or_discard(qtbot: QtBot, store: Store, profile: Path) -> None:
    add_mailbox(store)
    conversation_id = ingest_raw(store, MAIL).conversation_id
    window, controller = make_window(qtbot, store, profile)
    window.open_conversation(conversation_id)
    key = f"reply:{conversation_id}"

    # Nothing typed: Escape closes without asking, and nothing is kept.
    composer = controller.compose("reply")
    assert composer is not None
    qtbot.addWidget(composer)
    qtbot.keyClick(composer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not composer.isVisible(), timeout=3000)

    # Typed, then Escape: it asks; "Keep writing" leaves the composer open.
    composer = controller.compose("reply")
    assert composer is not None
    qtbot.addWidget(composer)
    qtbot.keyClicks(composer.body, "We are on it")
    wait_for_drafts(qtbot, store, lambda keys: key in keys)
    seen = answer(qtbot, "Keep writing")
    qtbot.keyClick(composer, Qt.Key.Key_Escape)
    assert seen == ["You have written something that was not sent."]
    assert composer.isVisible()

    # Keep draft: closed, kept, the row says so, and it comes back.
    answer(qtbot, "Keep draft")
    composer.reject()
    assert not composer.isVisible()
    row = window.inbox_model.row_of(conversation_id)
    qtbot.waitUntil(
        lambda: str(window.inbox_model.index(row, COL_SUBJECT).data()).startswith("[Draft]"),
        timeout=3000)
    composer = controller.compose("reply")
    assert composer is not None
    qtbot.addWidget(composer)
    assert composer.body.toPlainText().startswith("We are on it")

    # Discard: closed and gone, the mark too.
    answer(qtbot, "Discard")
    qtbot.keyClick(composer, Qt.Key.Key_Escape)
    assert not composer.isVisible()
    wait_for_drafts(qtbot, store, lambda keys: key not in keys)
    qtbot.waitUntil(
        lambda: not str(window.inbox_model.index(row, COL_SUBJECT).data()).startswith("["),
        timeout=3000)
    window.close()


def test_note_draft_follows_its_conversation_and_focus_returns_to_the_list(
    qtbot: QtBot, store: Store, profile: Path
) -> None:
    first = ingest_raw(store, MAIL).conversation_id
    second = ingest_raw(store, MAIL.replace(b"<inv@", b"<other@").replace(
        b"Invoice 4471", b"Login broken")).conversation_id
    window, _controller = make_window(qtbot, store, profile)
    window.open_conversation(first)
    qtbot.keyClicks(window.pane.composer, "Checked the ledger")
    window.open_conversation(second)  # typed text stays with the first conversation
    assert window.pane.composer.toPlainText() == ""
    wait_for_drafts(qtbot, store, lambda keys: keys == {f"note:{first}"})
    window.open_conversation(first)
    assert window.pane.composer.toPlainText() == "Checked the ledger"
    window.activateWindow()
    window.pane.composer.setFocus()
    qtbot.waitUntil(lambda: window.focusWidget() is window.pane.composer, timeout=3000)
    if QApplication.activeWindow() is window:  # the shortcut needs an active window
        qtbot.keyClick(window.pane.composer, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
    else:
        window.pane.save_note.click()
    qtbot.waitUntil(lambda: window.pane.composer.toPlainText() == "", timeout=5000)
    wait_for_drafts(qtbot, store, lambda keys: not keys)
    qtbot.waitUntil(lambda: window.focusWidget() is window.table, timeout=3000)
    window.close()
