"""Moving around: views, the selected row, the open conversation, search."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    Qt,
)

from supportdesk.services import actions, inbox
from supportdesk.services.inbox import ViewKey
from supportdesk.services.search import search
from supportdesk.ui.i18n import _n
from supportdesk.ui.models import (
    COL_ASSIGNEE,
    ROLE_ID,
    ROLE_VIEW,
    view_title,
)
from supportdesk.ui.window.base import _t
from supportdesk.ui.window.chrome import ChromePart


class NavigationPart(ChromePart):
    """Views, the selected row and the open conversation, search."""

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
        """Select a row of the conversation list, alone (nothing when the list is empty);
        the pane follows unless pinned."""
        if self.inbox_model.rowCount() == 0:
            self.table.clearSelection()
            if not self.pinned:
                self._show_conversation(None)
            return
        row = max(0, min(row, self.inbox_model.rowCount() - 1))
        index = self.inbox_model.index(row, 0)
        self._anchor_row = row
        selection = self.table.selectionModel()
        selection.setCurrentIndex(
            index, selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        self._follow_current()  # (the same row number may now hold another conversation)

    def step(self, step: int, extend: bool = False) -> None:
        """Select the next (1) or previous (-1) conversation; ``extend`` grows the
        selection from where it started instead (Shift+J/K)."""
        current = self.table.currentIndex().row() if self.table.currentIndex().isValid() else -1
        target = current + step
        if target >= self.inbox_model.rowCount() and self.inbox_model.canFetchMore():
            self.inbox_model.fetchMore()
        if not extend or current < 0 or self.inbox_model.rowCount() == 0:
            self.select_row(max(0, target))
            return
        target = max(0, min(target, self.inbox_model.rowCount() - 1))
        anchor = self._anchor_row
        if not 0 <= anchor < self.inbox_model.rowCount():
            anchor = current
        self._select_range(anchor, target)

    def _select_range(self, anchor: int, target: int) -> None:
        model, selection = self.inbox_model, self.table.selectionModel()
        top, bottom = min(anchor, target), max(anchor, target)
        rows = QItemSelection(model.index(top, 0), model.index(bottom, model.columnCount() - 1))
        selection.select(rows, selection.SelectionFlag.ClearAndSelect)
        selection.setCurrentIndex(model.index(target, 0), selection.SelectionFlag.NoUpdate)
        self.table.scrollTo(model.index(target, 0))
        self._follow_current()

    def select_all(self) -> None:
        """Select every loaded conversation of the list (Ctrl+A)."""
        model, selection = self.inbox_model, self.table.selectionModel()
        if model.rowCount():
            # (the current row, and so the pane, stays where it is)
            everything = QItemSelection(model.index(0, 0),
                                        model.index(model.rowCount() - 1, model.columnCount() - 1))
            selection.select(everything, selection.SelectionFlag.ClearAndSelect)

    def selected_ids(self) -> list[str]:
        """The selected conversations, in list order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.inbox_model.rows[r].id for r in rows if r < len(self.inbox_model.rows)]

    def target_ids(self) -> list[str]:
        """What an action acts on: the selected rows when several are, else the open one."""
        selected = self.selected_ids()
        if len(selected) > 1:
            return selected
        return [self.current_id] if self.current_id else []

    def _restore_selection(self, ids: list[str], current: str | None) -> None:
        """Select these conversations again after rows moved (quietly)."""
        model, selection = self.inbox_model, self.table.selectionModel()
        wanted = set(ids)
        rows = {r for r, row in enumerate(model.rows) if row.id in wanted}
        chosen = QItemSelection()
        for r in sorted(rows):
            chosen.select(model.index(r, 0), model.index(r, model.columnCount() - 1))
        selection.select(chosen, selection.SelectionFlag.ClearAndSelect)
        row = model.row_of(current) if current else -1
        if row >= 0:
            selection.setCurrentIndex(model.index(row, 0), selection.SelectionFlag.NoUpdate)

    def _current_moved(self, *_args: object) -> None:
        if self._applying:
            return  # rows moving under an update; the window puts them right after
        self._follow_current()

    def _follow_current(self) -> None:
        """Show the current row's conversation in the pane (unless pinned)."""
        if self._applying or self.pinned:
            return
        index = self.table.currentIndex()
        cid = index.siblingAtColumn(0).data(ROLE_ID) if index.isValid() else None
        if cid is None and self.inbox_model.rowCount():
            return  # the row's cells are still being built
        if cid != self.current_id:
            self._show_conversation(cid)

    def set_pinned(self, pinned: bool) -> None:
        """Keep the pane on its conversation whatever row is selected (or follow again)."""
        self.pinned = pinned
        if self.act_pin.isChecked() != pinned:
            self.act_pin.setChecked(pinned)
        self.statusBar().showMessage(
            _t("Pane pinned to this conversation.") if pinned
            else _t("Pane follows the selected row."), 3000
        )
        if not pinned:
            self._follow_current()

    def open_conversation(self, conversation_id: str) -> None:
        """Open a conversation, selecting it in the list when it is there."""
        row = self.inbox_model.row_of(conversation_id)
        if row >= 0:
            self.select_row(row)
            if self.pinned and self.current_id != conversation_id:
                self._show_conversation(conversation_id)
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
