"""History in the timeline: compact lines ("Priya set Pending · 14:02") that can be
hidden (View → Show history lines), and the owner's Activity view per agent."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from supportdesk.config import Setting
from supportdesk.models import MessageKind
from supportdesk.services.inbox import ActivityEntry, ConversationDetail
from supportdesk.services.kb import history, mentions
from supportdesk.ui.conversation import status_title
from supportdesk.ui.models import priority_title

SHOW_LINES = Setting("timeline_history_lines", bool, True, "show history lines in the timeline")
ROLE_ID = Qt.ItemDataRole.UserRole


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def line_text(kind: str, detail: Mapping[str, Any], actor: str,
              names: Mapping[str, str]) -> str | None:
    """One change as a compact line, or None when it is not a history line."""
    if not history.is_history(kind):
        return None
    who = actor or (_t("A rule") if kind.startswith("rule") else _t("Someone"))
    new = str(detail.get("new") or "")
    if kind == "status":
        return _t("{0} set {1}").format(who, status_title(new))
    if kind == "priority":
        return _t("{0} set priority {1}").format(who, priority_title(new))
    if kind == "assigned":
        if not new:
            return _t("{0} unassigned the conversation").format(who)
        return _t("{0} assigned {1}").format(who, names.get(new) or _t("someone"))
    tag = str(detail.get("tag") or "")
    if kind == "tag_added":
        return _t("{0} added #{1}").format(who, tag)
    if kind == "tag_removed":
        return _t("{0} removed #{1}").format(who, tag)
    if kind == "message_moved_out":
        return _t("{0} moved a message to another conversation (split)").format(who)
    if kind == "message_moved_in":
        return _t("{0} moved a message here (merge)").format(who)
    name = str(detail.get("name") or detail.get("rule") or detail.get("policy") or "")
    if kind.startswith("rule"):
        if not actor:  # the rule ran by itself
            return _t("Rule “{0}” applied").format(name) if name else _t("A rule applied")
        return _t("{0} applied rule “{1}”").format(who, name) if name else \
            _t("{0} applied a rule").format(who)
    return _t("{0} set the SLA policy “{1}”").format(who, name) if name else \
        _t("{0} changed the SLA policy").format(who)


def timeline_lines(activity: Sequence[ActivityEntry], names: Mapping[str, str]
                   ) -> list[tuple[datetime, str]]:
    """The history lines of a conversation, oldest first."""
    out = []
    for a in activity:
        text = line_text(a.kind, a.detail, a.agent_name, names)
        if text is not None:
            out.append((a.created_at, text))
    return out


class ActivityView(QWidget):
    """The owner's view of what one agent changed, newest first."""

    def __init__(self, controller: HistoryController, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("agentActivity")
        self.setWindowTitle(_t("Agent activity"))
        self.controller = controller
        self.agent = QComboBox()
        self.agent.setAccessibleName(_t("Agent"))
        self.list = QListWidget()
        self.list.setAccessibleName(_t("What the agent changed"))
        self.list.itemActivated.connect(
            lambda item: controller.window.open_conversation(item.data(ROLE_ID)))
        self.list.itemDoubleClicked.connect(
            lambda item: controller.window.open_conversation(item.data(ROLE_ID)))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_t("Agent")))
        layout.addWidget(self.agent)
        layout.addWidget(self.list, 1)
        for a in controller.window.agents:
            self.agent.addItem(a.name, a.id)
        self.agent.currentIndexChanged.connect(lambda _i: self.reload())
        self.resize(560, 480)
        self.reload()

    def reload(self) -> None:
        """List the chosen agent's changes."""
        agent_id = self.agent.currentData()
        self.list.clear()
        if not agent_id:
            return
        names = {a.id: a.name for a in self.controller.window.agents}
        with self.controller.window.store.read() as session:
            rows = history.agent_activity(session, agent_id)
        for r in rows:
            text = line_text(r.kind, r.detail, r.agent_name, names) or r.kind
            item = QListWidgetItem(f"{r.created_at.astimezone():%d %b %H:%M} · {r.subject}\n"
                                   f"{text}")
            item.setData(ROLE_ID, r.conversation_id)
            self.list.addItem(item)

    def lines(self) -> list[str]:
        """The listed changes (second line of each item)."""
        return [self.list.item(i).text().split("\n")[1] for i in range(self.list.count())]


class HistoryController(QObject):
    """History lines in one main window's timeline, and the Activity view."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.view: ActivityView | None = None
        self.act_lines = QAction(_t("Show history lines"), window)
        self.act_lines.setCheckable(True)
        self.act_lines.setChecked(bool(window.settings.get(SHOW_LINES)))
        self.act_lines.setStatusTip(_t("Status, priority, assignee, tag and other changes "
                                       "in the timeline"))
        self.act_lines.toggled.connect(self.set_shown)
        window.view_menu.addAction(self.act_lines)
        self.act_activity = QAction(_t("Agent activity…"), window)
        self.act_activity.setStatusTip(_t("What each agent changed (for the owner)"))
        self.act_activity.triggered.connect(lambda _c=False: self.open_view())
        window.tools_menu.addAction(self.act_activity)
        window.pane.lines_provider = self.lines

    def lines(self, detail: ConversationDetail) -> list[tuple[datetime, str]]:
        """The shown conversation's history lines (none when hidden)."""
        if not self.act_lines.isChecked():
            return []
        names = {a.id: a.name for a in self.window.agents}
        out = timeline_lines(detail.activity, names)
        notes = {e.id: e for e in detail.entries if e.kind == MessageKind.NOTE}
        if notes:
            with self.window.store.read() as session:
                called = mentions.mentioned_in(session, list(notes))
            for mid, who in called.items():
                note = notes[mid]
                # just after the note it was written in
                out.append((note.created_at + timedelta(microseconds=1),
                            _t("{0} mentioned {1}").format(note.author_name or _t("Someone"),
                                                           ", ".join(sorted(who)))))
            out.sort(key=lambda x: x[0])
        return out

    def set_shown(self, shown: bool) -> None:
        """Show or hide the history lines (remembered)."""
        self.window.settings.set(SHOW_LINES, shown)
        self.window.pane.render_timeline()

    def open_view(self) -> ActivityView | None:
        """The Activity view; only the owner may read it."""
        with self.window.store.read() as session:
            owner = history.is_owner(session, self.window.store.agent_id)
        if not owner:
            self.window.statusBar().showMessage(
                _t("Only the team's owner can see each agent's activity."), 6000)
            return None
        if self.view is None:
            self.view = ActivityView(self, self.window)
        self.view.reload()
        self.view.show()
        return self.view
