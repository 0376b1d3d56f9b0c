"""Shared ground of the main window's parts: constants, the list view, the attributes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QMimeData,
    QTimer,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QSplitter,
    QTableView,
    QToolBar,
)

from supportdesk.config import Settings
from supportdesk.services.actions import Change
from supportdesk.services.inbox import AgentInfo, ViewKey
from supportdesk.services.status import SyncStatus
from supportdesk.store import ChangeSet, Store
from supportdesk.ui.bridge import ChangeBridge, Operations, Reads
from supportdesk.ui.conversation import ConversationPane
from supportdesk.ui.models import (
    InboxModel,
    SidebarModel,
)
from supportdesk.ui.window.notice import Notice

SEARCH_DELAY_MS = 250
#: how many changes Ctrl+Z can go back
UNDO_DEPTH = 50
#: how often the outbox is checked for writes made outside this window (ms)
OUTSIDE_CHECK_MS = 1500
#: changes are shown this long after they arrive (more changes ride along)
REFRESH_DELAY_MS = 120


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


class InboxView(QTableView):
    """The conversation list; letters are shortcuts here, not type-to-find."""

    def keyboardSearch(self, search: str) -> None:
        """Disabled: J, K, N, C… act on conversations instead."""


class WindowBase(QMainWindow):
    """What every part of the main window may rely on: the attributes the window builds.

    The window is split into parts along its seams (chrome, navigation, refresh,
    commands); each part is a class in this chain, and ``MainWindow`` builds them.
    """

    store: Store
    settings: Settings
    ops: Operations
    bridge: ChangeBridge
    reads: Reads
    current_id: str | None
    agents: list[AgentInfo]
    dark: bool
    sidebar_model: SidebarModel
    sidebar: QListView
    inbox_model: InboxModel
    table: InboxView
    pane: ConversationPane
    splitter: QSplitter
    search_box: QLineEdit
    sync_label: QLabel
    sync_words: Callable[[SyncStatus], tuple[str, str]]
    toolbar: QToolBar
    file_menu: QMenu
    conversation_menu: QMenu
    view_menu: QMenu
    tools_menu: QMenu
    _pending_changes: ChangeSet
    _bulk_entities: set[str] | None
    _refresh_held: bool
    _close_hooks: list[Callable[[], None]]
    _drop_handlers: list[Callable[[QMimeData], Callable[[], None] | None]]
    _reloading: bool
    _refresh_pace_ms: int
    _last_flush: float
    _refresh_timer: QTimer
    _clock_timer: QTimer
    _search_timer: QTimer
    _applying: bool
    _theme_override: str | None
    _quick_views: list[ViewKey]
    #: the pane keeps its conversation whatever row is selected
    pinned: bool
    act_pin: QAction
    #: where a Shift+J/K selection started
    _anchor_row: int
    #: what Ctrl+Z undoes, last on top: (what the status bar said, what changed)
    undo_stack: list[tuple[str, list[Change]]]
    notice: Notice
    #: the outbox entry up to which writes are known (see ``check_outside``)
    _outbox_seq: int
    _outside_busy: bool
    _outside_timer: QTimer
    #: what F5 runs besides reading the view again (mail fetch, sync)
    _refresh_hooks: list[Callable[[], None]]
