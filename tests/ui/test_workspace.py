"""From demo to real work: new and open workspaces, the empty inbox, the demo's pretend mailbox."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from supportdesk.config import UNDO_SEND_SECONDS, Settings
from supportdesk.models import Conversation, Mailbox, MailOutgoing, Meta
from supportdesk.services.mail.demo_mailbox import DEMO_NOT_SENT
from supportdesk.services.mail.passwords import KeyringStatus, PasswordBook
from supportdesk.store import Store
from supportdesk.store.engine import database_path
from supportdesk.ui import drafts, undo_send, workspace
from supportdesk.ui.mail.controller import MailController
from supportdesk.ui.mainwindow import MainWindow

REPO = Path(__file__).resolve().parents[2]


def make_window(qtbot: QtBot, store: Store, profile: Path) -> tuple[MainWindow, MailController]:
    settings = Settings(profile)
    settings.set(UNDO_SEND_SECONDS, 0)
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    controller = MailController(
        window, passwords=PasswordBook(KeyringStatus(False, "test", "No keyring here.")))
    controller.auto_ask_passwords = False
    window.mail = controller  # type: ignore[attr-defined]
    drafts.install(window)
    undo_send.install(window)
    window.resize(1300, 850)
    window.show()
    return window, controller


def test_an_empty_workspace_says_what_to_do_first(
    qtbot: QtBot, store: Store, profile: Path
) -> None:
    window, _controller = make_window(qtbot, store, profile)
    found = workspace.install(window)
    assert found.guide.isVisible()
    assert "What to do first" in found.guide.title.text()
    labels = [found.guide.buttons.itemAt(i).widget().text()  # type: ignore[union-attr]
              for i in range(found.guide.buttons.count())
              if found.guide.buttons.itemAt(i).widget() is not None]  # type: ignore[union-attr]
    assert "Add a mailbox…" in labels and "Log a call…" in labels
    window.close()


def test_new_and_open_workspace_start_a_window_on_the_folder(
    qtbot: QtBot, store: Store, profile: Path, tmp_path: Path
) -> None:
    window, _controller = make_window(qtbot, store, profile)
    found = workspace.install(window)
    launched: list[Path] = []
    found.launch = lambda folder: launched.append(folder) is None
    target = tmp_path / "real-work"
    target.mkdir()
    found.pick_folder = lambda _title: str(target)
    assert found.new_workspace() == target
    assert launched == [target] and database_path(target).exists()
    made = Store.open(target)
    try:
        with made.read() as session:
            assert session.scalar(select(func.count()).select_from(Conversation)) == 0
    finally:
        made.close()
    assert found.open_workspace() == target
    assert launched == [target, target]
    found.pick_folder = lambda _title: ""
    assert found.new_workspace() is None and len(launched) == 2  # cancelled
    window.close()


def test_reply_in_the_demo_workspace_is_kept_marked_demo_not_sent(
    qtbot: QtBot, demo_store: Store, profile: Path
) -> None:
    window, controller = make_window(qtbot, demo_store, profile)
    found = workspace.install(window)
    assert found.demo and not found.guide.isVisible()

    def boxes() -> int:
        with demo_store.read() as session:
            return int(session.scalar(select(func.count()).select_from(Mailbox)) or 0)

    qtbot.waitUntil(lambda: boxes() == 1, timeout=5000)
    window.select_row(0)
    composer = controller.compose("reply")
    assert composer is not None, "R must work in the demo workspace"
    qtbot.addWidget(composer)
    if not composer.to.text():
        composer.to.setText("customer@example.com")
    composer.body.setPlainText("Trying the reply path.")
    composer.request_send()
    qtbot.waitUntil(lambda: not composer.isVisible(), timeout=5000)

    def outgoing() -> list[tuple[str, str | None]]:
        with demo_store.read() as session:
            return [(r.status, r.last_error) for r in session.scalars(select(MailOutgoing))]

    qtbot.waitUntil(lambda: outgoing() == [("failed", DEMO_NOT_SENT)], timeout=10000)
    window.close()


def test_empty_option_makes_a_new_profile_without_the_demo(tmp_path: Path) -> None:
    profile = tmp_path / "fresh"
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "supportdesk", "--profile", str(profile), "--empty",
         "--screenshot", str(tmp_path / "empty.png")],
        capture_output=True, text=True, timeout=120, env=env, check=False)
    assert done.returncode == 0, done.stderr
    store = Store.open(profile)
    try:
        with store.read() as session:
            assert session.scalar(select(func.count()).select_from(Conversation)) == 0
            assert session.get(Meta, "demo") is None
    finally:
        store.close()
