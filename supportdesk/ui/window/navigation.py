"""Moving around: views, the selected row, the open conversation, search."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    Qt,
)

from supportdesk.services import actions, inbox
from supportdesk.services.inbox import ViewKey
from supportdesk.services.search import search
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
            _t("{0}: {1} conversations").format(view_title(key), self.inbox_model.total)
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
            _t("{0} conversations match “{1}”").format(len(hits), text)
        )
        self.select_row(0)

    def clear_search(self) -> None:
        """Leave the search and go back to the last view."""
        self.search_box.clear()
        if self.inbox_model.view.kind == "search":
            self.select_view(inbox.ALL_OPEN)
        self.table.setFocus()
