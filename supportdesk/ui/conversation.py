"""The selected conversation: header controls, timeline, note composer, customer panel."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from supportdesk.services.inbox import AgentInfo, ConversationDetail, CustomerInfo
from supportdesk.ui import timeline
from supportdesk.ui.models import ROLE_ID, HistoryModel, priority_title
from supportdesk.ui.plain import PlainLabel, literal


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


STATUSES = ("open", "pending", "solved")

#: Extra safe HTML per timeline entry (a capability's rendering of its messages).
ExtrasProvider = Callable[[ConversationDetail], Mapping[str, timeline.EntryExtra]]
#: Bytes or an image for a resource the timeline refers to; None: nothing (no network).
ResourceLoader = Callable[[int, QUrl], object | None]


class TimelineBrowser(QTextBrowser):
    """The timeline view. It loads nothing by itself: no network, no files.

    A capability may set ``resource_loader`` to serve images it vouches for
    (inline mail images from the blob store, remote images a rep allowed).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resource_loader: ResourceLoader | None = None

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        """Only what ``resource_loader`` provides; never a file or URL on its own."""
        if self.resource_loader is None:
            return None
        return self.resource_loader(int(kind), QUrl(url))

PRIORITIES = ("low", "normal", "high", "urgent")


def status_title(status: str) -> str:
    """A status as shown to a rep."""
    return {"open": _t("Open"), "pending": _t("Pending"),
            "solved": _t("Solved")}.get(status, status)


class CustomerPanel(QFrame):
    """Who the customer is and what else they asked."""

    history_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerPanel")
        self.setMinimumWidth(180)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.name = PlainLabel()
        self.name.setObjectName("customerName")
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.org = PlainLabel()
        self.org.setObjectName("muted")
        self.org.setWordWrap(True)
        self.details = PlainLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        history_title = PlainLabel(_t("Conversations"))
        history_title.setObjectName("sectionTitle")
        self.history_model = HistoryModel(self)
        self.history = QListView()
        self.history.setModel(self.history_model)
        self.history.setUniformItemSizes(True)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.history.activated.connect(self._activated)
        self.history.clicked.connect(self._activated)
        layout.addWidget(self.name)
        layout.addWidget(self.org)
        layout.addSpacing(6)
        layout.addWidget(self.details)
        layout.addSpacing(10)
        layout.addWidget(history_title)
        layout.addWidget(self.history, 1)

    def show_customer(self, info: CustomerInfo | None, current_id: str | None) -> None:
        """Fill the panel; an empty panel when the conversation has no customer."""
        if info is None:
            self.name.setText(_t("No customer"))
            self.org.clear()
            self.details.clear()
            self.history_model.set_rows([])
            return
        self.name.setText(info.name)
        self.org.setText(info.organization)
        labels = {"email": _t("Email"), "phone": _t("Phone"), "chat": _t("Chat")}
        lines = [f"{labels.get(kind, kind)}: {value}" for kind, value in info.identities]
        if info.language:
            lines.append(_t("Language: {0}").format(info.language))
        self.details.setText("\n".join(lines))
        self.history_model.set_rows([r for r in info.history if r.id != current_id])

    def _activated(self, index: QModelIndex) -> None:
        cid = index.data(ROLE_ID)
        if cid:
            self.history_activated.emit(cid)


class ConversationPane(QWidget):
    """Shows one conversation and turns a rep's choices into signals.

    The pane changes nothing itself: the main window runs the writes.
    """

    status_chosen = Signal(str)
    priority_chosen = Signal(str)
    assignee_chosen = Signal(object)  # agent id or None
    note_submitted = Signal(str)
    tag_add_requested = Signal()
    tag_removed = Signal(str)
    #: the conversation shown changed (its id, or None); not sent on a refresh of the same
    shown = Signal(object)
    #: a note was stored and the note box emptied
    note_done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: ConversationDetail | None = None
        self.dark = False
        #: agent id -> name, for the timeline's escalation items
        self.agent_names: dict[str, str] = {}
        self._filling = False

        self.subject = PlainLabel()
        self.subject.setObjectName("subject")
        self.subject.setWordWrap(True)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ticket = PlainLabel()
        self.ticket.setObjectName("muted")
        self.ticket.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.status = QComboBox()
        for s in STATUSES:
            self.status.addItem(status_title(s), s)
        self.status.setToolTip(_t("Status (S). Pending means waiting on the customer."))
        self.priority = QComboBox()
        for p in PRIORITIES:
            self.priority.addItem(priority_title(p), p)
        self.priority.setToolTip(_t("Priority (P)"))
        self.assignee = QComboBox()
        self.assignee.setToolTip(_t("Assignee (A)"))
        self.assignee.setMinimumContentsLength(10)
        self.assignee.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status.activated.connect(
            lambda i: self._emit_if_user(self.status_chosen, self.status.itemData(i))
        )
        self.priority.activated.connect(
            lambda i: self._emit_if_user(self.priority_chosen, self.priority.itemData(i))
        )
        self.assignee.activated.connect(
            lambda i: self._emit_if_user(self.assignee_chosen, self.assignee.itemData(i))
        )

        self.tags = QHBoxLayout()
        self.tags.setSpacing(4)
        add_tag = QToolButton()
        add_tag.setText(_t("+ Tag"))
        add_tag.setToolTip(_t("Add a tag (T)"))
        add_tag.clicked.connect(self.tag_add_requested.emit)
        self._tag_buttons: list[QToolButton] = []
        self._add_tag_button = add_tag

        controls = QHBoxLayout()
        controls.addWidget(PlainLabel(_t("Status")))
        controls.addWidget(self.status)
        controls.addSpacing(8)
        controls.addWidget(PlainLabel(_t("Priority")))
        controls.addWidget(self.priority)
        controls.addSpacing(8)
        controls.addWidget(PlainLabel(_t("Assignee")))
        controls.addWidget(self.assignee)
        controls.addStretch(1)

        tag_row = QHBoxLayout()
        tag_row.addLayout(self.tags)
        tag_row.addWidget(add_tag)
        tag_row.addStretch(1)

        self.extras_provider: ExtrasProvider | None = None
        #: compact history lines for the timeline (issue 18), plain text at their moment
        self.lines_provider: Callable[[ConversationDetail], Sequence[tuple[datetime, str]]] \
            | None = None
        self.browser = TimelineBrowser()
        self.browser.setObjectName("timeline")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)

        self.composer = QPlainTextEdit()
        self.composer.setObjectName("composer")
        self.composer.setPlaceholderText(
            _t("Write an internal note for the team (N). Ctrl+Enter saves it.")
        )
        self.composer.setMaximumHeight(110)
        self.save_note = QPushButton(_t("Add note"))
        self.save_note.clicked.connect(self._submit_note)
        QShortcut(QKeySequence("Ctrl+Return"), self.composer, self._submit_note)
        QShortcut(QKeySequence("Ctrl+Enter"), self.composer, self._submit_note)
        composer_row = QHBoxLayout()
        composer_row.addWidget(self.composer, 1)
        composer_row.addWidget(self.save_note, 0, Qt.AlignmentFlag.AlignBottom)

        main = QWidget()
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(12, 10, 12, 10)
        header = QHBoxLayout()
        header.addWidget(self.subject, 1)
        header.addWidget(self.ticket, 0, Qt.AlignmentFlag.AlignTop)
        main_layout.addLayout(header)
        main_layout.addLayout(controls)
        main_layout.addLayout(tag_row)
        main_layout.addWidget(self.browser, 1)
        main_layout.addLayout(composer_row)

        self.customer = CustomerPanel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("conversationSplitter")
        self.splitter.addWidget(main)
        self.splitter.addWidget(self.customer)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 220])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.show_detail(None)

    def _emit_if_user(self, signal: Any, value: Any) -> None:
        if not self._filling:
            signal.emit(value)

    def set_agents(self, agents: list[AgentInfo]) -> None:
        """The choices of the assignee box."""
        self._filling = True
        self.agent_names = {a.id: a.name for a in agents}
        self.assignee.clear()
        self.assignee.addItem(_t("Unassigned"), None)
        for a in agents:
            self.assignee.addItem(a.name, a.id)
        self._filling = False

    def show_detail(self, detail: ConversationDetail | None) -> None:
        """Show a conversation, or an empty state."""
        shown: ConversationDetail | None = getattr(self, "detail", None)
        before = shown.row.id if shown is not None else None
        self.detail = detail
        self._filling = True
        enabled = detail is not None
        for w in (self.status, self.priority, self.assignee, self.composer, self.save_note,
                  self._add_tag_button):
            w.setEnabled(enabled)
        if detail is None:
            self.subject.setText(_t("No conversation selected"))
            self.ticket.clear()
            self.browser.setHtml(
                "<p style='color:gray'>"
                + _t("Pick a conversation on the left, or press J and K to move through them.")
                + "</p>"
            )
            self.customer.show_customer(None, None)
            self._set_tags(())
            self._filling = False
            if before is not None:
                self.shown.emit(None)
            return
        row = detail.row
        self.subject.setText(row.subject or _t("(no subject)"))
        self.ticket.setText(row.ticket)
        self.status.setCurrentIndex(max(0, self.status.findData(row.status)))
        self.priority.setCurrentIndex(max(0, self.priority.findData(row.priority)))
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(detail.assignee_id)))
        self._set_tags(detail.tags)
        self.render_timeline(keep_scroll=False)
        self.customer.show_customer(detail.customer, row.id)
        self._filling = False
        if before != row.id:
            self.shown.emit(row.id)

    def render_timeline(self, *, keep_scroll: bool = True) -> None:
        """Render the shown conversation's timeline again (at the end, or where it was)."""
        detail = self.detail
        if detail is None:
            return
        scroll = self.browser.verticalScrollBar()
        position = scroll.value()
        extras = self.extras_provider(detail) if self.extras_provider else None
        lines = self.lines_provider(detail) if self.lines_provider else ()
        self.browser.setHtml(timeline.render(detail, self.dark, extras, self.agent_names, lines))
        scroll.setValue(position if keep_scroll else scroll.maximum())

    def _set_tags(self, tags: tuple[str, ...]) -> None:
        if tags == tuple(b.property("tag") for b in self._tag_buttons):
            return
        for b in self._tag_buttons:
            self.tags.removeWidget(b)
            b.hide()
            b.deleteLater()
        self._tag_buttons = []
        for tag in tags:
            b = QToolButton()
            b.setObjectName("tagChip")
            b.setProperty("tag", tag)
            b.setText(f"#{tag}  ✕")
            b.setToolTip(literal(_t("Remove the tag {0}").format(tag)))
            b.clicked.connect(lambda _checked=False, t=tag: self.tag_removed.emit(t))
            self.tags.addWidget(b)
            self._tag_buttons.append(b)

    def focus_composer(self) -> None:
        """Put the cursor in the note box."""
        self.composer.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _submit_note(self) -> None:
        text = self.composer.toPlainText().strip()
        if text and self.detail is not None:
            self.note_submitted.emit(text)

    def note_saved(self) -> None:
        """Clear the composer after the note was stored."""
        self.composer.clear()
        self.note_done.emit()
