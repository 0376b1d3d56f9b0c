"""The main window: views, the conversation list, the selected conversation."""

from __future__ import annotations

import base64
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QItemSelection,
    QMimeData,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolBar,
    QWidget,
)

from supportdesk import __version__
from supportdesk.config import (
    THEME,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Settings,
)
from supportdesk.models import IdentityKind, Priority, Status, utcnow
from supportdesk.services import actions, inbox
from supportdesk.services.customers import customer_name_for
from supportdesk.services.inbox import AgentInfo, ConversationDetail, ViewCount, ViewKey
from supportdesk.services.search import search
from supportdesk.services.status import SyncStatus, sync_status
from supportdesk.services.workflow.due import DueInfo, due_states
from supportdesk.store import ChangeSet, Store
from supportdesk.ui import icons, theme
from supportdesk.ui.bridge import ChangeBridge, Operations, Reads
from supportdesk.ui.conversation import PRIORITIES, STATUSES, ConversationPane, status_title
from supportdesk.ui.dialogs import LogCallDialog, ShortcutsDialog, TagDialog
from supportdesk.ui.i18n import _n
from supportdesk.ui.models import (
    COL_ACTIVITY,
    COL_ASSIGNEE,
    COL_CHANNEL,
    COL_CUSTOMER,
    COL_DUE,
    COL_PRIORITY,
    COL_SUBJECT,
    ROLE_ID,
    ROLE_VIEW,
    InboxModel,
    SidebarModel,
    ViewPage,
    load_view,
    priority_title,
    view_title,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 250
#: changes are shown this long after they arrive (more changes ride along)
REFRESH_DELAY_MS = 120
#: changes waiting to be shown that touch more rows than this (a sync's pages) are shown
#: with one reload, read on a worker thread, instead of moving rows one by one
BULK_CHANGE = 300


@dataclass(frozen=True)
class _Reload:
    """What a reload after a big batch of changes shows, read off the GUI thread."""

    counts: list[ViewCount]
    page: ViewPage | None
    detail: ConversationDetail | None
    agents: list[AgentInfo] | None
    status: SyncStatus


def _size(changes: ChangeSet) -> int:
    return sum(len(changes.ids.get(e, ())) for e in ("conversations", "messages", "activities"))


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def describe_sync(status: SyncStatus) -> tuple[str, str]:
    """The status bar's words for the sync state, and a longer tooltip."""
    if status.demo:
        return (
            _t("Demo workspace · not synced"),
            _t("This profile holds generated demo data; it is never sent to a team server."),
        )
    if not status.server:
        text = _t("Offline · not connected to a team server")
        if status.waiting:
            text += " · " + _n("%Ln changes kept locally", "", status.waiting)
        return text, _t("Everything works offline. Connect a team server to share this inbox.")
    when = status.last_sync_at.astimezone().strftime("%H:%M") if status.last_sync_at else _t(
        "never"
    )
    text = (_t("Online") if status.online else _t("Offline")) + " · " + _t("synced {0}").format(
        when
    )
    if status.waiting:
        text += " · " + _n("%Ln changes waiting", "", status.waiting)
    return text, _t("Team server: {0}").format(status.server)


class InboxView(QTableView):
    """The conversation list; letters are shortcuts here, not type-to-find."""

    def keyboardSearch(self, search: str) -> None:
        """Disabled: J, K, N, C… act on conversations instead."""


class MainWindow(QMainWindow):
    """One window onto one profile's store."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        parent: QWidget | None = None,
        theme_override: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.setWindowTitle("SupportDesk")
        self.setWindowIcon(icons.icon("app"))
        self.ops = Operations(store, self)
        self.ops.failed.connect(self.show_error)
        self.bridge = ChangeBridge(store, self)
        self.bridge.changed.connect(self._on_changes)
        self.reads = Reads(store, self)
        # Background threads step aside while this thread does what they hand it.
        store.foreground.attach()
        self._pending_changes = ChangeSet()
        #: tables touched by waiting changes once they are too many to follow one by one
        self._bulk_entities: set[str] | None = None
        self._refresh_held = False
        #: what capabilities stop before the window (and then the store) closes; run
        #: last-added first (a hook, not an event filter: a filter on the window would
        #: be called from Qt for every event the window gets)
        self._close_hooks: list[Callable[[], None]] = []
        #: who takes files dropped on the window: each returns what to do, or None
        self._drop_handlers: list[Callable[[QMimeData], Callable[[], None] | None]] = []
        self._reloading = False  # a reload is being read on the worker
        self._refresh_pace_ms = REFRESH_DELAY_MS
        self._last_flush = 0.0
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._flush_changes)
        # SLA countdowns and the due views move with the clock, not with writes.
        self._clock_timer = QTimer(self, interval=60_000)
        self._clock_timer.timeout.connect(self._clock_tick)
        self._clock_timer.start()
        self.current_id: str | None = None
        self._applying = False
        self.agents: list[AgentInfo] = []
        self.dark = theme.resolve(theme_override or settings.get(THEME))

        self.sidebar_model = SidebarModel(store, self)
        self.sidebar = QListView()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setModel(self.sidebar_model)
        self.sidebar.setUniformItemSizes(True)
        self.sidebar.setMinimumWidth(170)
        self.sidebar.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.inbox_model = InboxModel(store, self)
        self.table = InboxView()
        self.table.setObjectName("inbox")
        self.table.setModel(self.inbox_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(COL_SUBJECT, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_CUSTOMER, 124), (COL_CHANNEL, 28), (COL_PRIORITY, 64),
                           (COL_ASSIGNEE, 92), (COL_ACTIVITY, 78), (COL_DUE, 84)):
            header.resizeSection(col, width)
        self.table.setMinimumWidth(300)

        self.pane = ConversationPane()
        self.pane.dark = self.dark

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([185, 625, 590])
        self.setCentralWidget(self.splitter)

        self.search_box = QLineEdit()
        self.search_box.setObjectName("search")
        self.search_box.setPlaceholderText(
            _t("Search conversations, customers, phone numbers (/)")
        )
        self.search_box.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_box.textEdited.connect(lambda _t: self._search_timer.start())
        self.search_box.returnPressed.connect(self.run_search)

        self.sync_label = QLabel()
        self.sync_label.setObjectName("syncStatus")
        self.statusBar().addPermanentWidget(self.sync_label)
        #: words for the sync state; the sync capability replaces it with live ones
        self.sync_words: Callable[[SyncStatus], tuple[str, str]] = describe_sync
        self._build_actions()
        self._build_toolbar()
        self._wire()

        self._theme_override = theme_override
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)

        self.reload_agents()
        self.sidebar_model.refresh()
        self.select_view(inbox.ALL_OPEN if store.agent_id is None else inbox.MY_OPEN)
        self._update_sync_label()
        self._restore_layout()

    # -- construction -------------------------------------------------------------

    def _action(self, text: str, keys: str | list[str] | None, slot: Any) -> QAction:
        action = QAction(text, self)
        if keys:
            seqs = [QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys)]
            action.setShortcuts(seqs)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.act_next = self._action(_t("Next conversation"), "J", lambda: self.step(1))
        self.act_prev = self._action(_t("Previous conversation"), "K", lambda: self.step(-1))
        self.act_search = self._action(_t("Search"), ["/", "Ctrl+F"], self.focus_search)
        self.act_note = self._action(_t("Write a note"), "N", self.pane.focus_composer)
        self.act_call = self._action(_t("Log a call…"), "C", self.log_call)
        self.act_call.setIcon(icons.icon("phone"))
        self.act_assign = self._action(_t("Assign to…"), "A", self.assign_menu)
        self.act_assign_me = self._action(_t("Assign to me"), "M", self.assign_to_me)
        self.act_status = self._action(_t("Set status…"), "S", self.status_menu)
        self.act_priority = self._action(_t("Set priority…"), "P", self.priority_menu)
        self.act_tag = self._action(_t("Add a tag…"), "T", self.add_tag)
        self.act_unread = self._action(_t("Mark as unread"), "U", self.mark_unread)
        self.act_shortcuts = self._action(_t("Keyboard shortcuts"), ["?", "F1"],
                                          self.show_shortcuts)
        self.act_theme = self._action(_t("Toggle dark theme"), "Ctrl+Shift+D", self.toggle_theme)
        self.act_quit = self._action(_t("Quit"), "Ctrl+Q", self.close)
        QShortcut(QKeySequence("Escape"), self.search_box, self.clear_search)
        self._quick_views = [inbox.MY_OPEN, inbox.UNASSIGNED, inbox.ALL_OPEN, inbox.PENDING,
                             inbox.SOLVED]
        for i, key in enumerate(self._quick_views, start=1):
            self._action(view_title(key), f"Ctrl+{i}", lambda _c=False, k=key: self.select_view(k))

        bar = self.menuBar()
        file_menu = bar.addMenu(_t("&File"))
        self.file_menu = file_menu
        file_menu.addAction(self.act_call)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        conv = bar.addMenu(_t("&Conversation"))
        self.conversation_menu = conv
        for a in (self.act_note, self.act_call, self.act_assign, self.act_assign_me,
                  self.act_status, self.act_priority, self.act_tag, self.act_unread):
            conv.addAction(a)
        view = bar.addMenu(_t("&View"))
        self.view_menu = view
        view.addAction(self.act_next)
        view.addAction(self.act_prev)
        view.addAction(self.act_search)
        view.addSeparator()
        theme_menu = view.addMenu(_t("Theme"))
        group = QActionGroup(self)
        for value, label in (("system", _t("Follow the system")), ("light", _t("Light")),
                             ("dark", _t("Dark"))):
            act = theme_menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(self.settings.get(THEME) == value)
            act.triggered.connect(lambda _c=False, v=value: self.set_theme(v))
            group.addAction(act)
        theme_menu.addSeparator()
        theme_menu.addAction(self.act_theme)
        self.tools_menu = bar.addMenu(_t("&Tools"))
        help_menu = bar.addMenu(_t("&Help"))
        help_menu.addAction(self.act_shortcuts)
        about = help_menu.addAction(_t("About SupportDesk"))
        about.triggered.connect(self.show_about)

    def _build_toolbar(self) -> None:
        bar = QToolBar(_t("Main"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addWidget(self.search_box)
        bar.addSeparator()
        bar.addAction(self.act_call)
        self.toolbar = bar
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _wire(self) -> None:
        self.sidebar.selectionModel().selectionChanged.connect(self._sidebar_selected)
        self.table.selectionModel().selectionChanged.connect(self._row_selected)
        pane = self.pane
        pane.status_chosen.connect(lambda s: self.set_status(Status(s)))
        pane.priority_chosen.connect(lambda p: self.set_priority(Priority(p)))
        pane.assignee_chosen.connect(self.assign)
        pane.note_submitted.connect(self.add_note)
        pane.tag_add_requested.connect(self.add_tag)
        pane.tag_removed.connect(self.remove_tag)
        pane.customer.history_activated.connect(self.open_conversation)

    # -- views and selection --------------------------------------------------------

    def select_view(self, key: ViewKey) -> None:
        """Show a view in the list and mark it in the sidebar."""
        self.search_box.clear()
        row = self.sidebar_model.row_of(key)
        if row >= 0:
            self.sidebar.selectionModel().select(
                self.sidebar_model.index(row, 0),
                self.sidebar.selectionModel().SelectionFlag.ClearAndSelect,
            )
            self.sidebar.setCurrentIndex(self.sidebar_model.index(row, 0))
        if self.inbox_model.view != key:  # not already shown by the sidebar's signal
            self._show_view(key)

    def _show_view(self, key: ViewKey) -> None:
        keep = self.current_id
        # In "My open" every row is mine: give the assignee's room to the subject.
        self.table.setColumnHidden(COL_ASSIGNEE, key == inbox.MY_OPEN)
        known = self.sidebar_model.row_of(key) >= 0
        self.inbox_model.set_view(key, self.sidebar_model.count_of(key) if known else None)
        self.statusBar().showMessage(
            _n("{0}: %Ln conversations", "", self.inbox_model.total).format(view_title(key))
        )
        row = self.inbox_model.row_of(keep) if keep else -1
        self.select_row(row if row >= 0 else 0)

    def _sidebar_selected(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        key = indexes[0].data(ROLE_VIEW)
        if key is not None and key != self.inbox_model.view:
            self.search_box.clear()
            self._show_view(key)

    def select_row(self, row: int) -> None:
        """Select a row of the conversation list (nothing when the list is empty)."""
        if self.inbox_model.rowCount() == 0:
            self.table.clearSelection()
            self._show_conversation(None)
            return
        row = max(0, min(row, self.inbox_model.rowCount() - 1))
        index = self.inbox_model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            self.table.selectionModel().SelectionFlag.ClearAndSelect
            | self.table.selectionModel().SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def step(self, step: int) -> None:
        """Select the next (1) or previous (-1) conversation."""
        current = self.table.currentIndex().row() if self.table.currentIndex().isValid() else -1
        target = current + step
        if target >= self.inbox_model.rowCount() and self.inbox_model.canFetchMore():
            self.inbox_model.fetchMore()
        self.select_row(max(0, target))

    def _row_selected(self, selected: QItemSelection, _old: QItemSelection) -> None:
        if self._applying:
            return  # rows moving under an update; the current conversation stays
        indexes = selected.indexes()
        self._show_conversation(indexes[0].siblingAtColumn(0).data(ROLE_ID) if indexes else None)

    def open_conversation(self, conversation_id: str) -> None:
        """Open a conversation, selecting it in the list when it is there."""
        row = self.inbox_model.row_of(conversation_id)
        if row >= 0:
            self.select_row(row)
        else:
            self.table.clearSelection()
            self._show_conversation(conversation_id)

    def _show_conversation(self, conversation_id: str | None) -> None:
        self.current_id = conversation_id
        if conversation_id is None:
            self.pane.show_detail(None)
            return
        with self.store.read() as session:
            detail = inbox.conversation(session, conversation_id)
        self.pane.show_detail(detail)
        if detail is not None and detail.row.unread:
            self.ops.write(lambda uow: actions.mark_read(uow, conversation_id))

    def reload_agents(self) -> None:
        """Refresh the list of team members."""
        with self.store.read() as session:
            self.agents = inbox.agents(session)
        self.pane.set_agents(self.agents)

    # -- changes from the store -------------------------------------------------------

    def _on_changes(self, changes: ChangeSet) -> None:
        if self._bulk_entities is not None:
            self._bulk_entities.update(changes.ids)
        else:
            self._pending_changes.merge(changes)
            if _size(self._pending_changes) > BULK_CHANGE:
                # Too many to follow row by row: remember only which tables they touched.
                self._bulk_entities = set(self._pending_changes.ids)
                self._pending_changes = ChangeSet()
        self._schedule_flush()

    def _schedule_flush(self) -> None:
        if (self._refresh_held or self._reloading or self._refresh_timer.isActive()
                or (not self._pending_changes and self._bulk_entities is None)):
            return
        since_ms = (time.monotonic() - self._last_flush) * 1000
        self._refresh_timer.start(max(REFRESH_DELAY_MS, int(self._refresh_pace_ms - since_ms)))

    def hold_refresh(self, hold: bool) -> None:
        """Collect changes without showing them (while a first sync fills the inbox);
        on release, what came is shown at once, with one reload."""
        self._refresh_held = hold
        if hold:
            self._refresh_timer.stop()
        else:
            self._schedule_flush()

    def set_refresh_pace(self, ms: int) -> None:
        """Show changes at most once per ``ms`` (a running sync asks for a slow pace)."""
        self._refresh_pace_ms = max(REFRESH_DELAY_MS, ms)

    def _flush_changes(self) -> None:
        self._refresh_timer.stop()
        if self._reloading:
            return  # shown after the reload on its way, which started before them
        self._last_flush = time.monotonic()
        bulk, self._bulk_entities = self._bulk_entities, None
        changes, self._pending_changes = self._pending_changes, ChangeSet()
        if bulk is not None:
            self._reload_after_bulk(bulk | set(changes.ids))
            return
        me = self.store.agent_id  # the counts cover the whole inbox: read off this thread
        self.reads.read(lambda session: inbox.sidebar(session, me), self.sidebar_model.set_counts)
        self._applying = True
        try:
            self.inbox_model.apply_changes(changes)
            if self.current_id:
                row = self.inbox_model.row_of(self.current_id)
                if row >= 0:
                    self.select_row(row)
        finally:
            self._applying = False
        if "agents" in changes.ids:
            self.reload_agents()
        if self.current_id:
            touched = set(changes.ids.get("conversations", set()))
            with self.store.read() as session:
                for entity in ("messages", "activities"):
                    if entity in changes.ids:
                        touched |= inbox.conversations_of(session, entity, changes.ids[entity])
            if self.current_id in touched:
                with self.store.read() as session:
                    self.pane.show_detail(inbox.conversation(session, self.current_id))
        self._update_sync_label()

    def _reload_after_bulk(self, entities: set[str]) -> None:
        """Show a big batch of changes (a sync's pages) with one reload of the counts, the
        list's first page and the open conversation, all read on the reader thread."""
        view, serial = self.inbox_model.view, self.inbox_model.serial
        me, current = self.store.agent_id, self.current_id
        page_size = self.inbox_model.page_size
        with_agents = "agents" in entities

        def read(session: Session) -> _Reload:
            counts = inbox.sidebar(session, me)
            page = None
            if view.kind not in ("search", "none"):
                known = [c.count for c in counts if c.key == view]
                page = load_view(session, view, me, page_size, known[0] if known else None)
            return _Reload(
                counts, page,
                inbox.conversation(session, current) if current else None,
                inbox.agents(session) if with_agents else None,
                sync_status(session),
            )

        self._reloading = True
        self.reads.read(read, partial(self._show_reload, serial, current))

    def _show_reload(self, serial: int, current: str | None, loaded: _Reload) -> None:
        self._reloading = False
        self.sidebar_model.set_counts(loaded.counts)
        if loaded.page is not None and self.inbox_model.serial == serial:
            # (a view the rep opened meanwhile was read fresh: it stays)
            self._applying = True
            try:
                self.inbox_model.show_page(loaded.page)
                row = self.inbox_model.row_of(self.current_id) if self.current_id else -1
                if row >= 0:
                    self.select_row(row)
            finally:
                self._applying = False
        if loaded.agents is not None:
            self.agents = loaded.agents
            self.pane.set_agents(self.agents)
        if current is not None and self.current_id == current and (
            loaded.detail != self.pane.detail
        ):
            self.pane.show_detail(loaded.detail)
        self._show_sync_status(loaded.status)
        self._schedule_flush()  # what came while it was read

    def _clock_tick(self) -> None:
        """Counts and SLA countdowns move with the clock: read them on the reader thread
        (a sync may be writing), show them here."""
        me, serial = self.store.agent_id, self.inbox_model.serial
        ids = [r.id for r in self.inbox_model.rows]

        def read(session: Session) -> tuple[list[ViewCount], dict[str, DueInfo]]:
            return inbox.sidebar(session, me), due_states(session, ids, utcnow())

        def show(loaded: tuple[list[ViewCount], dict[str, DueInfo]]) -> None:
            counts, due = loaded
            self.sidebar_model.set_counts(counts)
            if self.inbox_model.serial == serial:
                self.inbox_model.refresh_due(due)

        self.reads.read(read, show)

    def _update_sync_label(self) -> None:
        with self.store.read() as session:
            status = sync_status(session)
        self._show_sync_status(status)

    def _show_sync_status(self, status: SyncStatus) -> None:
        text, detail = self.sync_words(status)
        self.sync_label.setText(text)
        self.sync_label.setToolTip(detail)

    # -- actions -----------------------------------------------------------------------

    def _need_conversation(self) -> str | None:
        if self.current_id is None:
            self.statusBar().showMessage(_t("Select a conversation first."), 4000)
        return self.current_id

    def set_status(self, status: Status) -> None:
        """Set the current conversation's status."""
        if cid := self._need_conversation():
            self.ops.write(lambda uow: actions.set_status(uow, cid, status))
            self.statusBar().showMessage(_t("Status set to {0}.").format(status_title(status)),
                                         3000)

    def set_priority(self, priority: Priority) -> None:
        """Set the current conversation's priority."""
        if cid := self._need_conversation():
            self.ops.write(lambda uow: actions.set_priority(uow, cid, priority))

    def assign(self, agent_id: str | None) -> None:
        """Assign the current conversation (None: unassign)."""
        if cid := self._need_conversation():
            self.ops.write(lambda uow: actions.assign(uow, cid, agent_id))

    def assign_to_me(self) -> None:
        """Assign the current conversation to the agent on this device."""
        if self.store.agent_id:
            self.assign(self.store.agent_id)

    def add_note(self, text: str) -> None:
        """Add an internal note to the current conversation."""
        if cid := self._need_conversation():
            name = self._my_name()
            self.ops.write(lambda uow: actions.add_note(uow, cid, text, name),
                           lambda _r: self.pane.note_saved())

    def add_tag(self) -> None:
        """Ask for a tag and add it to the current conversation."""
        if not (cid := self._need_conversation()):
            return
        with self.store.read() as session:
            existing = inbox.all_tags(session)
        dialog = TagDialog(existing, self)
        if dialog.exec() and dialog.tag():
            tag = dialog.tag()
            self.ops.write(lambda uow: actions.add_tag(uow, cid, tag))

    def remove_tag(self, tag: str) -> None:
        """Remove a tag from the current conversation."""
        if cid := self._need_conversation():
            self.ops.write(lambda uow: actions.remove_tag(uow, cid, tag))

    def mark_unread(self) -> None:
        """Mark the current conversation unread."""
        if cid := self._need_conversation():
            self.ops.write(lambda uow: actions.mark_read(uow, cid, read=False))

    def make_call_dialog(self) -> LogCallDialog:
        """The log-a-call dialog, offering the current conversation as a target."""
        current = None
        if self.current_id and self.pane.detail is not None:
            current = (self.current_id, self.pane.detail.row.subject)

        def lookup(e164: str) -> str | None:
            with self.store.read() as session:
                return customer_name_for(session, IdentityKind.PHONE, e164)

        from supportdesk.ui.language import call_region  # issue 15: team / customer country

        region = call_region(self, current[0] if current else None)
        return LogCallDialog(region.region, lookup, current, self, region.source)

    def log_call(self) -> None:
        """Open the call dialog and store the call."""
        dialog = self.make_call_dialog()
        if dialog.exec() and dialog.result_call is not None:
            self.save_call(dialog)

    def save_call(self, dialog: LogCallDialog) -> None:
        """Store the call a dialog holds and open its conversation."""
        call = dialog.result_call
        assert call is not None
        name = self._my_name()
        self.ops.write(
            lambda uow: actions.log_call(uow, call, name).conversation_id,
            self._after_call,
        )

    def _after_call(self, conversation_id: str) -> None:
        self.statusBar().showMessage(_t("Call logged."), 4000)
        self._flush_changes()
        self.open_conversation(conversation_id)

    def _my_name(self) -> str:
        for a in self.agents:
            if a.id == self.store.agent_id:
                return a.name
        return _t("Me")

    def _menu_at_list(self, menu: QMenu) -> None:
        rect = self.table.visualRect(self.table.currentIndex())
        pos = rect.bottomLeft() if rect.isValid() else self.table.rect().center()
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def assign_menu(self) -> None:
        """A keyboard-friendly menu of agents."""
        if not self._need_conversation():
            return
        menu = QMenu(self)
        menu.addAction(_t("Unassigned"), partial(self.assign, None))
        for a in self.agents:
            menu.addAction(a.name, partial(self.assign, a.id))
        self._menu_at_list(menu)

    def status_menu(self) -> None:
        """A keyboard-friendly menu of statuses."""
        if not self._need_conversation():
            return
        menu = QMenu(self)
        for s in STATUSES:
            menu.addAction(status_title(s), partial(self.set_status, Status(s)))
        self._menu_at_list(menu)

    def priority_menu(self) -> None:
        """A keyboard-friendly menu of priorities."""
        if not self._need_conversation():
            return
        menu = QMenu(self)
        for p in PRIORITIES:
            menu.addAction(priority_title(p), partial(self.set_priority, Priority(p)))
        self._menu_at_list(menu)

    # -- search -----------------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def run_search(self) -> None:
        """Show the conversations matching the search box."""
        self._search_timer.stop()
        text = self.search_box.text().strip()
        if not text:
            self.clear_search()
            return
        with self.store.read() as session:
            hits = search(session, text)
        self.sidebar.clearSelection()
        self.inbox_model.set_ids([h.conversation_id for h in hits])
        self.statusBar().showMessage(
            _n("%n conversations match “{0}”", "", len(hits)).format(text)
        )
        self.select_row(0)

    def clear_search(self) -> None:
        """Leave the search and go back to the last view."""
        self.search_box.clear()
        if self.inbox_model.view.kind == "search":
            self.select_view(inbox.ALL_OPEN)
        self.table.setFocus()

    # -- theme, layout, misc ----------------------------------------------------------

    def set_theme(self, choice: str) -> None:
        """Use the light, dark or system theme and remember the choice."""
        self._theme_override = None
        self.settings.set(THEME, choice)
        self.apply_theme(theme.resolve(choice))

    def _system_scheme_changed(self, _scheme: object) -> None:
        if (self._theme_override or self.settings.get(THEME)) == "system":
            self.apply_theme(theme.system_prefers_dark())

    def toggle_theme(self) -> None:
        """Switch between light and dark."""
        self.set_theme("light" if self.dark else "dark")

    def apply_theme(self, dark: bool) -> None:
        """Recolour the app and re-render the timeline."""
        self.dark = dark
        self.pane.dark = dark
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, dark)
        self.pane.show_detail(self.pane.detail)

    def shortcut_list(self) -> list[tuple[str, str]]:
        """Every action with a shortcut, as (keys, what it does), for the shortcut list.

        Read from the actions themselves, so keys added by any capability show up.
        """
        seen: set[str] = set()
        rows = []
        for action in self.findChildren(QAction):
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            label = action.text().replace("&", "").rstrip("…").strip()
            if not keys or not label or label in seen:
                continue
            seen.add(label)
            rows.append(("  or  ".join(keys), label))
        return rows

    def show_shortcuts(self) -> None:
        """The list of keyboard shortcuts."""
        ShortcutsDialog(self.shortcut_list(), self).exec()

    def show_about(self) -> None:
        """Name and version."""
        QMessageBox.about(
            self,
            _t("About SupportDesk"),
            _t("SupportDesk {0}\nOne offline-first inbox for email, chat and phone.").format(
                __version__
            ),
        )

    def show_error(self, message: str) -> None:
        """Tell the rep that something did not work, in words."""
        self.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self, _t("SupportDesk"), message)

    def _restore_layout(self) -> None:
        geometry = self.settings.get(WINDOW_GEOMETRY)
        state = self.settings.get(WINDOW_STATE)
        try:
            if geometry:
                self.restoreGeometry(QByteArray(base64.b64decode(geometry)))
            if state:
                parts = state.split(":")
                self.splitter.restoreState(QByteArray(base64.b64decode(parts[0])))
                if len(parts) > 1:
                    self.pane.splitter.restoreState(QByteArray(base64.b64decode(parts[1])))
        except (ValueError, TypeError):
            log.warning("saved window layout unreadable; defaults used")

    def save_layout(self) -> None:
        """Remember size, position and splitter positions."""
        self.settings.set(WINDOW_GEOMETRY, base64.b64encode(self.saveGeometry().data()).decode())
        state = ":".join(
            base64.b64encode(s.saveState().data()).decode()
            for s in (self.splitter, self.pane.splitter)
        )
        self.settings.set(WINDOW_STATE, state)

    def on_close(self, hook: Callable[[], None]) -> None:
        """Run ``hook`` when the window closes, before the store does."""
        self._close_hooks.append(hook)

    def on_drop(self, handler: Callable[[QMimeData], Callable[[], None] | None]) -> None:
        """Let ``handler`` take files dropped on the window: it returns what to do with
        them, or None to leave them (the window then accepts drops)."""
        self._drop_handlers.append(handler)
        self.setAcceptDrops(True)

    def _drop_action(self, mime: QMimeData) -> Callable[[], None] | None:
        for handler in self._drop_handlers:
            action = handler(mime)
            if action is not None:
                return action
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._drop_action(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._drop_action(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        action = self._drop_action(event.mimeData())
        if action is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        action()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop the capabilities, save the layout, and let pending writes finish (once,
        however often asked)."""
        if not getattr(self, "_closed", False):
            self._closed = True
            self.store.foreground.detach()  # what closes next is waited for, at full speed
            for hook in reversed(self._close_hooks):
                hook()
            self.save_layout()
            self.bridge.close()
            self._refresh_held = True  # nothing is read from the store once it closes
            self._refresh_timer.stop()
            self.reads.close()
            QGuiApplication.styleHints().colorSchemeChanged.disconnect(
                self._system_scheme_changed
            )
        super().closeEvent(event)
