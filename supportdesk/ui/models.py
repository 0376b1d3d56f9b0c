"""Qt item models over the inbox services: they hold ids and load rows in pages."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QStandardItem, QStandardItemModel

from supportdesk.models import utcnow
from supportdesk.services import inbox
from supportdesk.services.inbox import InboxRow, ViewCount, ViewKey
from supportdesk.services.workflow.due import NO_SLA, DueInfo, due_states
from supportdesk.store import ChangeSet, Store
from supportdesk.ui import icons, theme
from supportdesk.ui.i18n import _n, local_when
from supportdesk.ui.plain import literal

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Index = QModelIndex | QPersistentModelIndex

@contextmanager
def _reset_to(model: QStandardItemModel, count: int) -> Iterator[None]:
    """Empty ``model`` to ``count`` blank rows in one reset; fill them in the ``with``
    block, quietly: views look once, at the end."""
    model.beginResetModel()
    blocked = model.blockSignals(True)
    try:
        model.setRowCount(0)
        model.setRowCount(count)
        yield
    finally:
        model.blockSignals(blocked)
    model.endResetModel()


def _replace_items(model: QStandardItemModel, items: Sequence[QStandardItem]) -> None:
    """Replace every row of a one-column model with ``items`` (one reset)."""
    with _reset_to(model, len(items)):
        for r, item in enumerate(items):
            model.setItem(r, 0, item)


ROLE_ID = Qt.ItemDataRole.UserRole + 1
ROLE_VIEW = Qt.ItemDataRole.UserRole + 2
ROLE_HEADER = Qt.ItemDataRole.UserRole + 3


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


class SidebarModel(QStandardItemModel):
    """The views with live counts, under section headers.

    Like :class:`InboxModel`, it keeps what it shows in Qt's items, so painting
    the sidebar does not call into Python.
    """

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
                item = self.item(i)
                if item is not None:
                    self._fill(item, *items[i])
            return
        built = []
        for entry in items:
            item = QStandardItem()
            self._fill(item, *entry)
            built.append(item)
        self._items = items
        _replace_items(self, built)

    @staticmethod
    def _fill(item: QStandardItem, title: str, key: ViewKey | None, count: int) -> None:
        if key is None:  # a section header
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setText(title.upper())
            font = QFont(QGuiApplication.font())
            if font.pointSizeF() > 0:
                font.setPointSizeF(font.pointSizeF() * 0.8)
            font.setBold(True)
            item.setFont(font)
        else:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setText(f"{title} \t{count}" if count else title)  # the space: never touching
            item.setToolTip(literal(_n("{0}: %Ln conversations", "", count).format(title)))
            if key.kind == "channel":
                item.setIcon(icons.channel_icon(key.arg))
        item.setData(key, ROLE_VIEW)
        item.setData(key is None, ROLE_HEADER)

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
#: rows whose items a reset builds at once (more than a window shows); the rest follow
#: ``FILL_SLICE`` at a time in later turns of the event loop
FILL_FIRST = 60
FILL_SLICE = 40
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
        return local_when(local, "time")
    if (local_now - local).days < 6:
        return local_when(local, "weekday_time")
    if local.year == local_now.year:
        return local_when(local, "day_month")
    return local_when(local, "date")


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


class InboxModel(QStandardItemModel):
    """The conversations of one view, newest activity first, loaded a page at a time.

    Only the rows fetched so far are held (``fetchMore`` adds the next page by
    keyset); the total is known from a count so the status can say "200 of
    12,345". Changes announced by the store update just the affected rows.

    What the list shows is kept in Qt's own items, filled when rows load or
    change, so painting the list never calls into Python: the GUI thread then
    does not wait for the interpreter lock once per cell and role while a sync
    or the store's writer keeps it busy (a repaint used to make ~1,700 calls).
    The items are made by Qt (``setItemData`` on an index, cloning the model's
    item prototype), never in Python: Qt asks a Python-made item whether Python
    overrides ``data()`` the first time it paints it, which takes the lock once
    per cell (a reset's repaint took 300 ms beside a busy thread); and Python
    keeps no wrapper that could outlive its item. ``rows`` holds the loaded
    :class:`InboxRow` values, in the same order.
    """

    def __init__(self, store: Store, parent: Any = None, page_size: int = inbox.PAGE_SIZE) -> None:
        super().__init__(0, COLUMNS, parent)
        self.setHorizontalHeaderLabels(_headers())
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
        #: rows before this one have their items (see ``_fill_later``)
        self._fill_from = 0
        self._fill_timer = QTimer(self, singleShot=True, interval=0)
        self._fill_timer.timeout.connect(self._fill_later)
        prototype = QStandardItem()  # what Qt clones for each cell: not editable
        prototype.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
        self.setItemPrototype(prototype)
        self._bold: QFont | None = None
        self._brushes: dict[str, QBrush] = {}
        #: a short word put before a row's subject ("Draft"), by conversation id (hook)
        self.row_mark: Callable[[str], str] | None = None

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
        self.serial += 1
        self.view = loaded.view
        self._explicit = None
        self.total = loaded.total
        self._due = dict(loaded.due)
        self._exhausted = len(loaded.rows) < loaded.page_size
        self._reset_rows(list(loaded.rows))

    def set_ids(self, ids: Sequence[str]) -> None:
        """Show a fixed list of conversations in the given order (search results)."""
        self.serial += 1
        self.view = ViewKey("search")
        self._explicit = list(ids)
        with self.store.read() as session:
            found = inbox.rows_by_id(session, self._explicit)
            self._due = due_states(session, list(found), utcnow())
        rows = [found[i] for i in self._explicit if i in found]
        self.total = len(rows)
        self._exhausted = True
        self._reset_rows(rows)

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
        self.rows.extend(more)
        # One insertion for the page (the view lays out once); the items are built a
        # slice at a time, the first one now.
        self.insertRows(start, len(more))
        self._fill_from = min(self._fill_from, start)
        self._fill_later()

    # -- live updates -------------------------------------------------------------

    def apply_changes(self, changes: ChangeSet) -> None:
        """Update, insert, move or remove just the rows a commit touched."""
        ids = set(changes.ids.get("conversations", set()))
        for entity in inbox.CONVERSATION_PARTS:
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
                    self._update_row(row, new)
                    continue
                self._remove(row)
            else:
                self.total += 1
            self._insert_sorted(new)
            position = {r.id: i for i, r in enumerate(self.rows)}

    def refresh_due(self, due: dict[str, DueInfo] | None = None) -> None:
        """Show new SLA countdowns and activity times (they move with the clock, not
        with writes); ``due`` read elsewhere (on the reader thread), else read here."""
        if not self.rows:
            return
        if due is None:
            with self.store.read() as session:
                due = due_states(session, [r.id for r in self.rows], utcnow())
        self._due.update(due)
        now = datetime.now(UTC)
        display, foreground = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole
        blocked = self.blockSignals(True)
        try:
            for i, row in enumerate(self.rows):
                if not self._built(i):
                    continue  # it will be, with the new values
                text, brush = self._due_cell(row)
                cell = self.index(i, COL_DUE)
                self.setData(cell, text, display)
                self.setData(cell, brush, foreground)
                self.setData(self.index(i, COL_ACTIVITY),
                             relative_time(row.last_activity_at, now), display)
        finally:
            self.blockSignals(blocked)
        self.dataChanged.emit(
            self.index(0, COL_ACTIVITY), self.index(len(self.rows) - 1, COL_DUE),
            [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole],
        )

    def _conversations_of(self, entity: str, ids: set[str]) -> set[str]:
        with self.store.read() as session:
            return inbox.conversations_of(session, entity, ids)

    def _reset_rows(self, rows: list[InboxRow]) -> None:
        """Replace every row (one reset). The first rows' items are built before views
        look; the rest a slice at a time in later turns of the event loop, so a big
        page never holds the GUI thread for long."""
        now = datetime.now(UTC)
        first = [self._cells(row, now) for row in rows[:FILL_FIRST]]
        self.rows = rows
        with _reset_to(self, len(rows)):
            for r, cells in enumerate(first):
                self._set_cells(r, cells)
        self._fill_from = len(first)
        self._schedule_fill()

    def _schedule_fill(self) -> None:
        if self._fill_from < len(self.rows) and not self._fill_timer.isActive():
            self._fill_timer.start()

    def _fill_later(self) -> None:
        """Build the items of the next rows that have none yet (a slice per call)."""
        now = datetime.now(UTC)
        done = 0
        r = self._fill_from
        first = None
        while r < len(self.rows) and done < FILL_SLICE:
            if not self._built(r):
                first = r if first is None else first
                blocked = self.blockSignals(True)
                try:
                    self._set_cells(r, self._cells(self.rows[r], now))
                finally:
                    self.blockSignals(blocked)
                done += 1
            r += 1
        self._fill_from = r
        if first is not None:
            self.dataChanged.emit(self.index(first, 0), self.index(r - 1, COLUMNS - 1))
        self._schedule_fill()

    def fill_pending(self) -> None:
        """Build every item still waiting (before reading the whole list at once)."""
        while self._fill_from < len(self.rows):
            self._fill_later()

    def _remove(self, row: int) -> None:
        del self.rows[row]
        self.removeRow(row)
        self._fill_from = min(self._fill_from, row)

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
        self.rows.insert(pos, new)
        self.insertRows(pos, 1)
        self._set_cells(pos, self._cells(new, datetime.now(UTC)))

    # -- what the list shows ----------------------------------------------------------

    def _built(self, r: int) -> bool:
        """Whether row ``r`` has its items (rows a page adds get them a slice at a time)."""
        return self.index(r, 0).data(ROLE_ID) is not None

    def _set_cells(self, r: int, cells: list[dict[int, Any]]) -> None:
        for col, roles in enumerate(cells):
            self.setItemData(self.index(r, col), roles)

    def _cells(self, row: InboxRow, now: datetime) -> list[dict[int, Any]]:
        """What each cell of a row shows, by role (all of it: it replaces what was)."""
        display = Qt.ItemDataRole.DisplayRole
        tooltip = literal(f"{row.ticket} · {row.subject}")
        cells: list[dict[int, Any]] = [
            {display: self._display(row, col, now), Qt.ItemDataRole.ToolTipRole: tooltip}
            for col in range(COLUMNS)
        ]
        # Every role a cell may carry is set, None clearing it: ``setItemData`` keeps the
        # roles it is not given, so a read row would stay bold and a met due time red.
        font = None
        if row.unread:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            font = self._bold
        for cell in cells:
            cell[Qt.ItemDataRole.FontRole] = font
        cells[0][ROLE_ID] = row.id
        if self.row_mark is not None and (mark := self.row_mark(row.id)):
            cells[COL_SUBJECT][display] = f"[{mark}] {cells[COL_SUBJECT][display]}"
        channel = cells[COL_CHANNEL]
        del channel[display]
        channel[Qt.ItemDataRole.DecorationRole] = icons.channel_icon(row.channel)
        channel[Qt.ItemDataRole.ToolTipRole] = self._channel(row.channel)
        colour = PRIORITY_COLORS.get(row.priority, "")
        cells[COL_PRIORITY][Qt.ItemDataRole.ForegroundRole] = self._brush(colour)
        text, brush = self._due_cell(row)
        cells[COL_DUE][display] = text
        cells[COL_DUE][Qt.ItemDataRole.ForegroundRole] = brush
        return cells

    def _update_row(self, r: int, row: InboxRow) -> None:
        if self._built(r):  # (else it is built later, fresh)
            self._set_cells(r, self._cells(row, datetime.now(UTC)))

    def _brush(self, colour: str) -> QBrush | None:
        if not colour:
            return None
        brush = self._brushes.get(colour)
        if brush is None:
            brush = self._brushes[colour] = QBrush(QColor(theme.text_colour(colour)))
        return brush

    def _due_cell(self, row: InboxRow) -> tuple[str, QBrush | None]:
        from supportdesk.ui.workflow.panel import due_cell  # panel imports this module

        text, colour = due_cell(self._due.get(row.id, NO_SLA))
        return text, self._brush(colour or "")

    @staticmethod
    def _channel(channel: str) -> str:
        return {"email": _t("Email"), "chat": _t("Chat"), "phone": _t("Phone")}.get(
            channel, channel
        )

    @staticmethod
    def _display(row: InboxRow, col: int, now: datetime | None = None) -> str:
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
            return relative_time(row.last_activity_at, now)
        return ""

    def refresh_rows(self, conversation_ids: set[str]) -> None:
        """Build these loaded rows' cells again (a hook's mark or the theme changed)."""
        self._brushes.clear()
        for r, row in enumerate(self.rows):
            if row.id in conversation_ids:
                self._update_row(r, row)

    def row_of(self, conversation_id: str) -> int:
        """The row of a conversation, or -1 when not loaded."""
        for i, r in enumerate(self.rows):
            if r.id == conversation_id:
                return i
        return -1


class HistoryModel(QStandardItemModel):
    """A customer's other conversations, for the panel beside a conversation (kept in
    Qt's items, so painting it does not call into Python)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[InboxRow] = []

    def set_rows(self, rows: Sequence[InboxRow]) -> None:
        """Replace the list."""
        built = []
        for row in rows:
            item = QStandardItem(f"{relative_time(row.last_activity_at)} · {row.subject}")
            item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
            item.setIcon(icons.channel_icon(row.channel))
            item.setToolTip(literal(f"{row.ticket} · {row.status}"))
            item.setData(row.id, ROLE_ID)
            built.append(item)
        self.rows = list(rows)
        _replace_items(self, built)

