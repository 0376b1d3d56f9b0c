"""From demo to real work: new and open workspaces, the empty inbox's guide, the demo mailbox.

- File → New workspace… makes an empty profile in a folder the rep picks and
  opens it in a new window (its empty inbox then says what to do first);
  File → Open workspace… opens another profile the same way.
- A view without conversations says so; an empty workspace says what to do
  first (add a mailbox, import chats, log a call, sign in to a team server).
- In the demo workspace, Reply works against a pretend mailbox: the reply is
  stored and kept in the outbox marked "demo: not sent".
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QProcess, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supportdesk.models import Conversation
from supportdesk.services.mail.demo_mailbox import ensure_demo_mailbox
from supportdesk.store import Store
from supportdesk.store.engine import database_path
from supportdesk.ui.plain import PlainLabel

if TYPE_CHECKING:
    from supportdesk.ui.mainwindow import MainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def ask_demo_or_empty(profile: Path, parent: QWidget | None = None) -> str:
    """Ask what a new profile should hold: ``demo`` or ``empty``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_t("New workspace"))
    box.setText(_t("There is no workspace in {0} yet.").format(profile))
    box.setInformativeText(
        _t("Try SupportDesk with a demo workspace full of made-up conversations, or start "
           "an empty workspace for real work."))
    demo = box.addButton(_t("Demo workspace"), QMessageBox.ButtonRole.AcceptRole)
    empty = box.addButton(_t("Empty workspace"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(demo)
    box.exec()
    return "empty" if box.clickedButton() is empty else "demo"


def launch_app(profile: Path) -> bool:
    """Start another SupportDesk window on ``profile`` (its own process)."""
    return QProcess.startDetached(sys.executable, ["-m", "supportdesk", "--profile",
                                                   str(profile)])[0]


class EmptyGuide(QFrame):
    """Shown over the list when a view has no conversations."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("emptyGuide")
        self.title = PlainLabel()
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        self.text = PlainLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(self.buttons)
        layout.addStretch(1)
        self.hide()


class Workspace(QObject):
    """New / Open workspace, the empty inbox's guide, and the demo's pretend mailbox."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store: Store = window.store
        #: starts a window on a profile (a test may watch what is asked)
        self.launch: Callable[[Path], bool] = launch_app
        #: asks for a folder (a test may answer)
        self.pick_folder: Callable[[str], str] = lambda title: QFileDialog.getExistingDirectory(
            window, title)
        self.act_new = QAction(_t("New workspace…"), window)
        self.act_new.triggered.connect(lambda _checked=False: self.new_workspace())
        self.act_open = QAction(_t("Open workspace…"), window)
        self.act_open.triggered.connect(lambda _checked=False: self.open_workspace())
        menu = window.file_menu
        existing = menu.actions()
        if existing:
            menu.insertAction(existing[0], self.act_new)
            menu.insertAction(existing[0], self.act_open)
            menu.insertSeparator(existing[0])
        else:
            menu.addActions([self.act_new, self.act_open])
        self.demo = self.store.get_meta("demo") == "1"
        if self.demo:
            window.ops.write(ensure_demo_mailbox)
        self.guide = EmptyGuide(window.table.viewport())
        model = window.inbox_model
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self.update_guide)
        window.table.viewport().installEventFilter(self)
        self.update_guide()

    # -- workspaces ------------------------------------------------------------------

    def new_workspace(self) -> Path | None:
        """Make an empty workspace in a folder the rep picks, and open it."""
        chosen = self.pick_folder(_t("Choose an empty folder for the new workspace"))
        if not chosen:
            return None
        folder = Path(chosen)
        if database_path(folder).exists():
            self.window.statusBar().showMessage(
                _t("{0} already holds a workspace; it is opened.").format(folder), 8000)
        else:
            try:
                Store.open(folder).close()  # empty, migrated: nothing else in it
            except Exception as exc:  # a folder we may not write
                self.window.show_error(
                    _t("No workspace could be made in {0}: {1}").format(folder, exc))
                return None
        self.launch(folder)
        return folder

    def open_workspace(self) -> Path | None:
        """Open another workspace (a profile folder) in its own window."""
        chosen = self.pick_folder(_t("Choose the folder of a workspace"))
        if not chosen:
            return None
        folder = Path(chosen)
        if not database_path(folder).exists():
            self.window.show_error(
                _t("{0} holds no workspace. Use File → New workspace… to make one.").format(
                    folder))
            return None
        self.launch(folder)
        return folder

    # -- the empty inbox ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.guide.setGeometry(self.window.table.viewport().rect())
        return False

    def workspace_is_empty(self) -> bool:
        """Whether no conversation exists at all (a new, real workspace)."""
        with self.store.read() as session:
            return session.scalar(select(Conversation.id).limit(1)) is None

    def update_guide(self, *_args: Any) -> None:
        """Show the guide when the list is empty, with what to do first."""
        if self.window.inbox_model.rowCount() > 0:
            self.guide.hide()
            return
        guide = self.guide
        while guide.buttons.count():
            item = guide.buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if self.workspace_is_empty():
            guide.title.setText(_t("Your inbox is empty. What to do first:"))
            guide.text.setText(_t(
                "1. Add your support mailbox, so mail arrives here.\n"
                "2. Import chat exports (WhatsApp, Telegram, Slack, …) you already have.\n"
                "3. Log a phone call with C.\n"
                "4. Working in a team? Sign in to your team's server."))
            for text, slot in self._first_steps():
                button = QPushButton(text)
                button.clicked.connect(lambda _checked=False, s=slot: s())
                guide.buttons.addWidget(button)
            guide.buttons.addStretch(1)
        else:
            guide.title.setText(_t("No conversations in this view."))
            guide.text.setText(_t("Pick another view on the left, or clear the search."))
        guide.setGeometry(self.window.table.viewport().rect())
        guide.show()
        guide.raise_()

    def _first_steps(self) -> list[tuple[str, Callable[[], object]]]:
        steps: list[tuple[str, Callable[[], object]]] = []
        w: Any = self.window
        if getattr(w, "mail", None) is not None:
            steps.append((_t("Add a mailbox…"), w.mail.open_settings))
        for action in w.file_menu.actions():
            if action.text() == _t("Import chat export…"):
                steps.append((_t("Import chats…"), action.trigger))
        steps.append((_t("Log a call…"), w.log_call))
        if getattr(w, "sync", None) is not None:
            steps.append((_t("Team server…"), w.sync.open_settings))
        return steps


def install(window: MainWindow) -> Workspace:
    """Add workspaces, the empty inbox's guide and the demo mailbox (``window.workspace``)."""
    found = Workspace(window)
    window.workspace = found  # type: ignore[attr-defined]
    return found
