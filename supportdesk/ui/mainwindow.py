"""The main window: views, the conversation list, the selected conversation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QMimeData,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QToolBar,
    QWidget,
)

from supportdesk.config import (
    THEME,
    Settings,
)
from supportdesk.models import Priority, Status
from supportdesk.services import inbox
from supportdesk.services.inbox import AgentInfo
from supportdesk.services.status import SyncStatus
from supportdesk.store import ChangeSet, Store
from supportdesk.ui import icons, theme
from supportdesk.ui.bridge import ChangeBridge, Operations, Reads
from supportdesk.ui.conversation import ConversationPane
from supportdesk.ui.models import (
    COL_ACTIVITY,
    COL_ASSIGNEE,
    COL_CHANNEL,
    COL_CUSTOMER,
    COL_DUE,
    COL_PRIORITY,
    COL_SUBJECT,
    InboxModel,
    SidebarModel,
    view_title,
)
from supportdesk.ui.window.base import (
    OUTSIDE_CHECK_MS,
    REFRESH_DELAY_MS,
    SEARCH_DELAY_MS,
    InboxView,
    _t,
)
from supportdesk.ui.window.commands import CommandsPart
from supportdesk.ui.window.notice import Notice
from supportdesk.ui.window.refresh import BULK_CHANGE, describe_sync

__all__ = ["BULK_CHANGE", "REFRESH_DELAY_MS", "InboxView", "MainWindow", "describe_sync"]


class MainWindow(CommandsPart):
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
        self.pinned = False
        self._anchor_row = -1
        self.undo_stack = []
        self._refresh_hooks = []
        # Writes made outside this store (the CLI, another store on the file) show up
        # in the outbox; it is looked at now and then, on the reader thread.
        with store.read() as session:
            self._outbox_seq = inbox.outbox_mark(session)
        self._outside_busy = False
        self._outside_timer = QTimer(self, interval=OUTSIDE_CHECK_MS)
        self._outside_timer.timeout.connect(self.check_outside)
        self._outside_timer.start()
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
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        for col, width in ((COL_CUSTOMER, 124), (COL_CHANNEL, 28), (COL_PRIORITY, 90),
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

        self.notice = Notice()
        self.statusBar().addPermanentWidget(self.notice)
        self.sync_label = QLabel()
        self.sync_label.setTextFormat(Qt.TextFormat.PlainText)
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
        self.act_extend_next = self._action(_t("Select the next conversation too"), "Shift+J",
                                            lambda: self.step(1, extend=True))
        self.act_extend_prev = self._action(_t("Select the previous conversation too"),
                                            "Shift+K", lambda: self.step(-1, extend=True))
        self.act_select_all = QAction(_t("Select all conversations"), self.table)
        self.act_select_all.setShortcut(QKeySequence("Ctrl+A"))
        # (on the list only: in a text box Ctrl+A selects its text)
        self.act_select_all.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_select_all.triggered.connect(self.select_all)
        self.table.addAction(self.act_select_all)
        self.act_pin = self._action(_t("Pin the conversation in the pane"), "Ctrl+Shift+P",
                                    lambda: self.set_pinned(self.act_pin.isChecked()))
        self.act_pin.setCheckable(True)
        self.act_undo = self._action(_t("Undo"), "Ctrl+Z", self.undo_last)
        self.act_merge = self._action(_t("Merge the selected conversations into one"), None,
                                      self.merge_selected)
        self.act_refresh = self._action(_t("Refresh"), "F5", self.refresh_now)
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
        conv.addAction(self.act_undo)
        conv.addSeparator()
        for a in (self.act_note, self.act_call, self.act_assign, self.act_assign_me,
                  self.act_status, self.act_priority, self.act_tag, self.act_unread,
                  self.act_merge):
            conv.addAction(a)
        view = bar.addMenu(_t("&View"))
        self.view_menu = view
        view.addAction(self.act_next)
        view.addAction(self.act_prev)
        view.addAction(self.act_extend_next)
        view.addAction(self.act_extend_prev)
        view.addAction(self.act_select_all)
        view.addAction(self.act_pin)
        view.addAction(self.act_search)
        view.addAction(self.act_refresh)
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
        # The pane follows the current row; selectionChanged comes first and other parts
        # read ``current_id`` on it, so both signals move the pane.
        self.table.selectionModel().selectionChanged.connect(self._current_moved)
        self.table.selectionModel().currentRowChanged.connect(self._current_moved)
        pane = self.pane
        pane.status_chosen.connect(lambda s: self.set_status(Status(s), self._pane_ids()))
        pane.priority_chosen.connect(lambda p: self.set_priority(Priority(p), self._pane_ids()))
        pane.assignee_chosen.connect(lambda a: self.assign(a, self._pane_ids()))
        pane.note_submitted.connect(self.add_note)
        pane.tag_add_requested.connect(lambda: self.add_tag(self._pane_ids()))
        pane.tag_removed.connect(self.remove_tag)
        pane.customer.history_activated.connect(self.open_conversation)

    # -- refreshing on request ------------------------------------------------------------

    def on_refresh(self, hook: Callable[[], None]) -> None:
        """Run ``hook`` too when the rep refreshes (F5): fetching mail, a sync. A hook
        does nothing when its capability is not set up."""
        self._refresh_hooks.append(hook)

    def refresh_now(self) -> None:
        """Bring what the rep looks at up to date (F5): read the view, the counts and the
        pane again, look for writes from outside, and run the capabilities' hooks."""
        self.check_outside()
        self._bulk_entities = (self._bulk_entities or set()) | {"conversations"}
        self._flush_changes()
        for hook in list(self._refresh_hooks):
            hook()
