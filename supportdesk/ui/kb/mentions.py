"""@mentions in the window: the team's agents offered after "@" in a note, a Mentions view
of the conversations someone called you into, and a notice when a new one arrives."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStringListModel, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QCompleter,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from supportdesk.services.kb import mentions
from supportdesk.services.kb.mentions import MentionInfo
from supportdesk.store import ChangeSet
from supportdesk.store.search import fold

ROLE_ID = Qt.ItemDataRole.UserRole
SHORTCUT = "Ctrl+Shift+2"
_TYPED = re.compile(r"(?:^|(?<=[\s(\[,;:]))@(\w[\w\- ]{0,40})?$", re.UNICODE)


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


class AgentCompleter(QObject):
    """Offers the team's agents while "@name" is being typed in a note."""

    def __init__(self, editor: QPlainTextEdit, names: Any) -> None:
        super().__init__(editor)
        self.editor = editor
        self.names = names  # () -> list of agent names
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setWidget(editor)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.activated.connect(self.choose)
        editor.textChanged.connect(self._typed)

    def _hide(self) -> None:
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()

    def typed_prefix(self) -> str | None:
        """What follows the "@" being typed at the cursor, or None when not in a mention."""
        cursor = self.editor.textCursor()
        block = cursor.block().text()[:cursor.positionInBlock()]
        found = _TYPED.search(block)
        return None if found is None else (found.group(1) or "")

    def offers(self) -> list[str]:
        """The agents the popup offers now."""
        return list(self.model.stringList())

    def _typed(self) -> None:
        prefix = self.typed_prefix()
        if prefix is None:
            self._hide()
            return
        key = fold(prefix).strip()
        names = [n for n in self.names() if not key
                 or any(w.startswith(key) for w in [fold(n), *fold(n).split()])]
        if not names:
            self._hide()
            self.model.setStringList([])
            return
        self.model.setStringList(names)
        if QGuiApplication.platformName() == "offscreen":
            return  # no popups there (tests, screenshots): the offer is the model
        rect = self.editor.cursorRect()
        rect.setWidth(220)
        self.completer.complete(rect)

    def choose(self, name: str) -> None:
        """Replace the typed "@pre" with "@Full Name "."""
        prefix = self.typed_prefix()
        cursor = self.editor.textCursor()
        if prefix is not None:
            cursor.movePosition(QTextCursor.MoveOperation.Left,
                                QTextCursor.MoveMode.KeepAnchor, len(prefix) + 1)
        cursor.insertText(f"@{name} ")
        self.editor.setTextCursor(cursor)
        self._hide()


class MentionsView(QWidget):
    """The conversations someone mentioned you in, until you open them."""

    def __init__(self, controller: MentionsController, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("mentionsView")
        self.setWindowTitle(_t("Mentions"))
        self.controller = controller
        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(_t("Conversations where you were mentioned"))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda item: controller.open(item.data(ROLE_ID)))
        self.list.itemDoubleClicked.connect(lambda item: controller.open(item.data(ROLE_ID)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        self.resize(420, 360)

    def show_items(self, items: list[MentionInfo]) -> None:
        """List the unseen mentions, newest first."""
        self.list.clear()
        for m in items:
            more = _t(" (+{0} more)").format(m.count - 1) if m.count > 1 else ""
            item = QListWidgetItem(
                f"{m.subject}\n" + _t("{0} mentioned you · {1:%d %b %H:%M}").format(
                    m.by_name, m.created_at) + more + f"\n{m.snippet}")
            item.setData(ROLE_ID, m.conversation_id)
            self.list.addItem(item)
        self.hint.setText(_t("Conversations a teammate called you into. Opening one "
                             "clears it.") if items else _t("No one has mentioned you."))

    def subjects(self) -> list[str]:
        """The listed conversations' subjects."""
        return [self.list.item(i).text().split("\n")[0] for i in range(self.list.count())]


class MentionsController(QObject):
    """Mentions of one main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.store = window.store
        self.completer = AgentCompleter(window.pane.composer,
                                        lambda: [a.name for a in window.agents
                                                 if a.id != self.store.agent_id])
        self.view: MentionsView | None = None
        self.items: list[MentionInfo] = []
        self._known: set[str] | None = None
        self.act_view = QAction(_t("Mentions"), window)
        self.act_view.setShortcut(QKeySequence(SHORTCUT))
        self.act_view.setStatusTip(_t("Conversations a teammate mentioned you in"))
        self.act_view.triggered.connect(lambda _c=False: self.open_view())
        window.addAction(self.act_view)
        window.view_menu.addAction(self.act_view)
        self._seen_for: str | None = None
        self._tick = QTimer(self, interval=500)
        self._tick.timeout.connect(self._follow)
        self._tick.start()
        window.bridge.changed.connect(self._on_changes)
        self.refresh()

    def _on_changes(self, changes: ChangeSet) -> None:
        if "mentions" in changes.ids or "agents" in changes.ids:
            self.refresh()

    def refresh(self) -> None:
        """Read the unseen mentions; a new one is announced."""
        me = self.store.agent_id
        with self.store.read() as session:
            self.items = mentions.unseen(session, me)
            ids = mentions.unseen_ids(session, me)
        fresh = ids - self._known if self._known is not None else set()
        self._known = ids
        count = len(self.items)
        self.act_view.setText(_t("Mentions ({0})").format(count) if count else _t("Mentions"))
        if self.view is not None:
            self.view.show_items(self.items)
        if fresh and self.items:
            newest = self.items[0]
            self.window.statusBar().showMessage(
                _t("{0} mentioned you in “{1}”").format(newest.by_name, newest.subject), 15_000)
        self._mark_current()

    def _follow(self) -> None:
        if self.window.current_id != self._seen_for:
            self._mark_current()

    def _mark_current(self) -> None:
        cid, me = self.window.current_id, self.store.agent_id
        self._seen_for = cid
        if cid and me and any(m.conversation_id == cid for m in self.items):
            self.window.ops.write(lambda uow: mentions.mark_seen(uow, me, cid))

    def open(self, conversation_id: str) -> None:
        """Open a mentioned conversation (which clears it from the view)."""
        self.window.open_conversation(conversation_id)
        self._mark_current()

    def open_view(self) -> MentionsView:
        """Show the Mentions view."""
        if self.view is None:
            self.view = MentionsView(self, self.window)
        self.view.show_items(self.items)
        self.view.show()
        return self.view
