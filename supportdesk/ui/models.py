"""Qt item models over the inbox services: they hold ids and load rows in pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication

from supportdesk.models import utcnow
from supportdesk.services import inbox
from supportdesk.services.inbox import InboxRow, ViewCount, ViewKey
from supportdesk.services.workflow.due import NO_SLA, DueInfo, due_states
from supportdesk.store import ChangeSet, Store
from supportdesk.ui import icons

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Index = QModelIndex | QPersistentModelIndex

ROLE_ID = Qt.ItemDataRole.UserRole + 1
ROLE_VIEW = Qt.ItemDataRole.UserRole + 2
ROLE_HEADER = Qt.ItemDataRole.UserRole + 3
ROLE_ROW = Qt.ItemDataRole.UserRole + 4


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def view_title(key: ViewKey) -> str:
    """The name a view has in the sidebar."""
    titles = {
        "my_open": _t("My open"),
        "unassigned": _t("Unassigned"),
        "all_open": _t("All open"),
        "pending": _t("Pending"),
        "solved": _t("Solved"),
        "due_soon": _t("Due soon"),
        "overdue": _t("Overdue"),
        "search": _t("Search results"),
    }
    if key.kind == "channel":
        return {"email": _t("Email"), "chat": _t("Chat"), "phone": _t("Phone")}.get(
            key.arg, key.arg
        )
    if key.kind == "tag":
        return f"#{key.arg}"
    return titles.get(key.kind, key.kind)


class SidebarModel(QAbstractListModel):
    """The views with live counts, under section headers."""

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self._items: list[tuple[str, ViewKey | None, int]] = []

    def refresh(self) -> None:
        """Reload the counts; updates in place when the list of views is unchanged."""
        with self.store.read() as session:
            counts = inbox.sidebar(session, self.store.agent_id)
        self.set_counts(counts)

    def set_counts(self, counts: Sequence[ViewCount]) -> None:
        """Show counts read elsewhere (on a worker); in place when the views are the same."""
        items = self._layout(counts)
        if [(t, k) for t, k, _ in items] == [(t, k) for t, k, _ in self._items]:
            changed = [i for i, (a, b) in enumerate(zip(items, self._items, strict=True)) if a != b]
            self._items = items
            for i in changed:
                idx = self.index(i)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DisplayRole])
            return
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    @staticmethod
    def _layout(counts: Sequence[ViewCount]) -> list[tuple[str, ViewKey | None, int]]:
        items: list[tuple[str, ViewKey | None, int]] = [(_t("Inbox"), None, 0)]
        channels_started = tags_started = False
        for vc in counts:
            if vc.key.kind == "channel" and not channels_started:
                items.append((_t("Channels"), None, 0))
                channels_started = True
            if vc.key.kind == "tag" and not tags_started:
                items.append((_t("Tags"), None, 0))
                tags_started = True
            items.append((view_title(vc.key), vc.key, vc.count))
        return items

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._items[index.row()][1] is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        title, key, count = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key is None:
                return title.upper()
            return f"{title}\t{count}" if count else title
        if role == ROLE_VIEW:
            return key
        if role == ROLE_HEADER:
            return key is None
        if role == Qt.ItemDataRole.ToolTipRole and key is not None:
            return _t("{0}: {1} conversations").format(title, count)
        if role == Qt.ItemDataRole.DecorationRole and key is not None and key.kind == "channel":
            return icons.channel_icon(key.arg)
        if role == Qt.ItemDataRole.FontRole and key is None:
            font = QFont(QGuiApplication.font())
            if font.pointSizeF() > 0:
                font.setPointSizeF(font.pointSizeF() * 0.8)
            font.setBold(True)
            return font
        return None

    def row_of(self, key: ViewKey) -> int:
        """The row showing a view, or -1."""
        for i, (_title, k, _count) in enumerate(self._items):
            if k == key:
                return i
        return -1

    def count_of(self, key: ViewKey) -> int:
        """The count shown for a view (0 when absent)."""
        row = self.row_of(key)
        return self._items[row][2] if row >= 0 else 0


COL_CUSTOMER, COL_SUBJECT, COL_CHANNEL, COL_PRIORITY, COL_ASSIGNEE, COL_ACTIVITY, COL_DUE = range(7)
COLUMNS = 7
PRIORITY_COLORS = {"urgent": "#d64545", "high": "#e08a1e", "normal": "", "low": "#8a8f98"}


def _headers() -> list[str]:
    return [_t("Customer"), _t("Subject"), "", _t("Priority"), _t("Assignee"), _t("Activity"),
            _t("Due")]


def relative_time(at: datetime, now: datetime | None = None) -> str:
    """A compact time for lists: 14:05 today, Mon 09:12 this week, 3 Mar otherwise."""
    now = now or datetime.now(UTC)
    local = at.astimezone()
    local_now = now.astimezone()
    if local.date() == local_now.date():
        return local.strftime("%H:%M")
    if (local_now - local).days < 6:
        return local.strftime("%a %H:%M")
    if local.year == local_now.year:
        return f"{local.day} {local.strftime('%b')}"
    return local.strftime("%Y-%m-%d")


def priority_title(priority: str) -> str:
    """A priority as shown to a rep."""
    return {"low": _t("Low"), "normal": _t("Normal"), "high": _t("High"),
            "urgent": _t("Urgent")}.get(priority, priority)


@dataclass(frozen=True)
class ViewPage:
    """The first page of a view with what the list shows beside it, read in one go
    (on any thread) and shown later with ``InboxModel.show_page``."""

    view: ViewKey
    total: int
    rows: list[InboxRow]
    due: dict[str, DueInfo]
    page_size: int


def load_view(
    session: Session, view: ViewKey, me: str | None, page_size: int = inbox.PAGE_SIZE,
    total: int | None = None,
) -> ViewPage:
    """Read a view's first page, its size (unless given) and the rows' SLA states."""
    if total is None:
        total = inbox.count(session, view, me)
    rows = inbox.page(session, view, me, limit=page_size)
    return ViewPage(view, total, rows, due_states(session, [r.id for r in rows], utcnow()),
                    page_size)


class InboxModel(QAbstractTableModel):
    """The conversations of one view, newest activity first, loaded a page at a time.

    Only the rows fetched so far are held (``fetchMore`` adds the next page by
    keyset); the total is known from a count so the status can say "200 of
    12,345". Changes announced by the store update just the affected rows.
    """

    def __init__(self, store: Store, parent: Any = None, page_size: int = inbox.PAGE_SIZE) -> None:
        super().__init__(parent)
        self.store = store
        self.page_size = page_size
        self.view: ViewKey = ViewKey("none")  # nothing shown until set_view
        self.rows: list[InboxRow] = []
        self.total = 0
        self._exhausted = True
        self._explicit: list[str] | None = None  # a search result: fixed ids
        self._due: dict[str, DueInfo] = {}  # SLA countdowns of the loaded rows
        #: grows with every reset, so a page read on a worker can tell it came too late
        self.serial = 0

    # -- loading ------------------------------------------------------------------

    def set_view(self, view: ViewKey, total: int | None = None) -> None:
        """Show another view, starting again from its first page.

        Args:
            view: the view.
            total: its size when already known (the sidebar counts it); counted otherwise.
        """
        with self.store.read() as session:
            loaded = load_view(session, view, self.store.agent_id, self.page_size, total)
        self.show_page(loaded)

    def show_page(self, loaded: ViewPage) -> None:
        """Show a view's first page read by ``load_view`` (one reset)."""
        self.beginResetModel()
        self.serial += 1
        self.view = loaded.view
        self._explicit = None
        self.total = loaded.total
        self.rows = list(loaded.rows)
        self._due = dict(loaded.due)
        self._exhausted = len(self.rows) < loaded.page_size
        self.endResetModel()

    def set_ids(self, ids: Sequence[str]) -> None:
        """Show a fixed list of conversations in the given order (search results)."""
        self.beginResetModel()
        self.serial += 1
        self.view = ViewKey("search")
        self._explicit = list(ids)
        with self.store.read() as session:
            found = inbox.rows_by_id(session, self._explicit)
            self._due = due_states(session, list(found), utcnow())
        self.rows = [found[i] for i in self._explicit if i in found]
        self.total = len(self.rows)
        self._exhausted = True
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or not self.rows:
            self._exhausted = True
            return
        with self.store.read() as session:
            more = inbox.page(
                session, self.view, self.store.agent_id, after=self.rows[-1].sort_key,
                limit=self.page_size,
            )
        known = {r.id for r in self.rows}
        more = [r for r in more if r.id not in known]
        if more:
            with self.store.read() as session:
                self._due.update(due_states(session, [r.id for r in more], utcnow()))
        if len(more) < self.page_size:
            self._exhausted = True
        if not more:
            return
        start = len(self.rows)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    # -- live updates -------------------------------------------------------------

    def apply_changes(self, changes: ChangeSet) -> None:
        """Update, insert, move or remove just the rows a commit touched."""
        ids = set(changes.ids.get("conversations", set()))
        for entity in ("messages", "activities"):
            if entity in changes.ids:
                ids |= self._conversations_of(entity, changes.ids[entity])
        if not ids:
            return
        id_list = sorted(ids)
        with self.store.read() as session:
            fresh = inbox.rows_by_id(session, id_list)
            self._due.update(due_states(session, list(fresh), utcnow()))
            if self._explicit is not None:
                belongs = {i for i in id_list if i in fresh and i in self._explicit}
            else:
                belongs = inbox.matching(session, self.view, self.store.agent_id, id_list)
        position = {r.id: i for i, r in enumerate(self.rows)}
        for cid in id_list:
            row = position.get(cid)
            if cid not in belongs:
                if row is not None:
                    self._remove(row)
                    position = {r.id: i for i, r in enumerate(self.rows)}
                    self.total = max(0, self.total - 1)
                continue
            new = fresh[cid]
            if row is not None:
                old = self.rows[row]
                if old.sort_key == new.sort_key or self._explicit is not None:
                    self.rows[row] = new
                    self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))
                    continue
                self._remove(row)
            else:
                self.total += 1
            self._insert_sorted(new)
            position = {r.id: i for i, r in enumerate(self.rows)}

    def refresh_due(self) -> None:
        """Recompute the SLA countdowns (they move with the clock, not with writes)."""
        if not self.rows:
            return
        with self.store.read() as session:
            self._due = due_states(session, [r.id for r in self.rows], utcnow())
        self.dataChanged.emit(
            self.index(0, COL_DUE), self.index(len(self.rows) - 1, COL_DUE),
            [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole],
        )

    def _conversations_of(self, entity: str, ids: set[str]) -> set[str]:
        with self.store.read() as session:
            return inbox.conversations_of(session, entity, ids)

    def _remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()

    def _insert_sorted(self, new: InboxRow) -> None:
        if self._explicit is not None:
            return
        # Rows are sorted newest first; only place the row if it falls inside
        # what is loaded (otherwise a later fetchMore brings it).
        pos = 0
        while pos < len(self.rows) and self.rows[pos].sort_key > new.sort_key:
            pos += 1
        if pos == len(self.rows) and not self._exhausted:
            return
        self.beginInsertRows(QModelIndex(), pos, pos)
        self.rows.insert(pos, new)
        self.endInsertRows()

    # -- Qt model -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < COLUMNS
        ):
            return _headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if col == COL_DUE and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole):
            from supportdesk.ui.workflow.panel import due_cell  # panel imports this module

            text, colour = due_cell(self._due.get(row.id, NO_SLA))
            if role == Qt.ItemDataRole.DisplayRole:
                return text
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_CHANNEL:
            return self._channel(row.channel)
        if role == ROLE_ID:
            return row.id
        if role == ROLE_ROW:
            return row
        if role == Qt.ItemDataRole.FontRole and row.unread:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and col == COL_CHANNEL:
            return icons.channel_icon(row.channel)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_PRIORITY:
            color = PRIORITY_COLORS.get(row.priority)
            return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.ticket} · {row.subject}"
        return None

    @staticmethod
    def _channel(channel: str) -> str:
        return {"email": _t("Email"), "chat": _t("Chat"), "phone": _t("Phone")}.get(
            channel, channel
        )

    @staticmethod
    def _display(row: InboxRow, col: int) -> str:
        if col == COL_CUSTOMER:
            return row.customer_name
        if col == COL_SUBJECT:
            return row.subject
        if col == COL_CHANNEL:
            return ""  # the icon says it; the tooltip names it
        if col == COL_PRIORITY:
            return priority_title(row.priority)
        if col == COL_ASSIGNEE:
            return row.assignee_name or "—"
        if col == COL_ACTIVITY:
            return relative_time(row.last_activity_at)
        return ""

    def row_of(self, conversation_id: str) -> int:
        """The row of a conversation, or -1 when not loaded."""
        for i, r in enumerate(self.rows):
            if r.id == conversation_id:
                return i
        return -1


class HistoryModel(QAbstractListModel):
    """A customer's other conversations, for the panel beside a conversation."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[InboxRow] = []

    def set_rows(self, rows: Sequence[InboxRow]) -> None:
        """Replace the list."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{relative_time(row.last_activity_at)} · {row.subject}"
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.channel_icon(row.channel)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.ticket} · {row.status}"
        if role == ROLE_ID:
            return row.id
        return None

