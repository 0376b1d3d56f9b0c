"""Showing changes from the store: list rows, sidebar counts, the open pane, sync state."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from supportdesk.models import utcnow
from supportdesk.services import inbox
from supportdesk.services.inbox import AgentInfo, ConversationDetail, ViewCount
from supportdesk.services.status import SyncStatus, sync_status
from supportdesk.services.workflow.due import DueInfo, due_states
from supportdesk.store import ChangeSet
from supportdesk.ui.conversation import status_title
from supportdesk.ui.models import ROLE_ID, ViewPage, load_view

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

from supportdesk.ui.i18n import _n
from supportdesk.ui.plain import literal
from supportdesk.ui.window.base import REFRESH_DELAY_MS, _t
from supportdesk.ui.window.navigation import NavigationPart

log = logging.getLogger(__name__)

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


class RefreshPart(NavigationPart):
    """Changes from the store shown in the list, the counts and the pane."""

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
        self.reads.read(lambda session: inbox.sidebar(session, me), self._show_counts)
        current, selected = self.current_id, self.selected_ids()
        index = self.table.currentIndex()
        old_row = index.row() if index.isValid() and self._current_in_list() else -1
        self._applying = True
        try:
            self.inbox_model.apply_changes(changes)
            self._restore_selection(selected, current)
        finally:
            self._applying = False
        if "agents" in changes.ids:
            self.reload_agents()
        if self.current_id:
            touched = set(changes.ids.get("conversations", set()))
            with self.store.read() as session:
                for entity in inbox.CONVERSATION_PARTS:
                    if entity in changes.ids:
                        touched |= inbox.conversations_of(session, entity, changes.ids[entity])
            if self.current_id in touched:
                with self.store.read() as session:
                    self.pane.show_detail(inbox.conversation(session, self.current_id))
        self._after_rows_moved(current, old_row)
        self._update_sync_label()

    def _current_in_list(self) -> bool:
        index = self.table.currentIndex()
        return index.isValid() and (
            index.siblingAtColumn(0).data(ROLE_ID) == self.current_id
            or self.inbox_model.row_of(self.current_id or "") == index.row()
        )

    def _after_rows_moved(self, current: str | None, old_row: int) -> None:
        """When the open conversation left the list, the selection and the pane move on
        together to the row that took its place, and the status bar says where it went."""
        if current is None or old_row < 0 or self.pinned:
            return
        if self.inbox_model.row_of(current) >= 0:
            return
        self.select_row(min(old_row, self.inbox_model.rowCount() - 1))
        self._say_where_it_went(current)

    def _say_where_it_went(self, cid: str) -> None:
        with self.store.read() as session:
            row = inbox.rows_by_id(session, [cid]).get(cid)
        if row is None:
            self.notice.show_notice(_t("The conversation was deleted."))
            return
        if row.status != "open":
            where = status_title(row.status)
        elif row.assignee_name:
            where = _t("assigned to {0}").format(row.assignee_name)
        else:
            where = _t("Unassigned")
        self.notice.show_notice(
            _t("{0} “{1}” moved: {2}").format(row.ticket, row.subject, where),
            _t("Open"), partial(self.open_conversation, cid),
        )

    def _show_counts(self, counts: list[ViewCount]) -> None:
        self.sidebar_model.set_counts(counts)
        view = self.inbox_model.view
        for c in counts:
            if c.key == view:
                self.inbox_model.total = c.count

    # -- writes from outside this window (the CLI, another store on the file) -------------

    def check_outside(self) -> None:
        """Look in the outbox for writes this store did not announce (another process,
        another store on the same file) and show them like any other change."""
        if self._outside_busy or self._refresh_held:
            return
        self._outside_busy = True
        seq = self._outbox_seq

        def show(found: inbox.OutsideChanges) -> None:
            self._outside_busy = False
            if found.seq <= self._outbox_seq:
                return
            self._outbox_seq = found.seq
            changes = ChangeSet(origin="outside")
            for entity, ids in found.ids.items():
                for i in ids:
                    changes.add(entity, i)
            if found.overflow:
                self._bulk_entities = (self._bulk_entities or set()) | set(found.ids)
            if changes or found.overflow:
                self._on_changes(changes)

        def read(session: Session) -> inbox.OutsideChanges:
            try:
                return inbox.changes_since(session, seq)
            except Exception:  # (a failed read must not stop the next look)
                log.exception("could not look for writes from outside")
                return inbox.OutsideChanges(seq, {})

        self.reads.read(read, show)

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
        self._show_counts(loaded.counts)
        if loaded.page is not None and self.inbox_model.serial == serial:
            # (a view the rep opened meanwhile was read fresh: it stays)
            cid, selected = self.current_id, self.selected_ids()
            index = self.table.currentIndex()
            old_row = index.row() if index.isValid() and self._current_in_list() else -1
            self._applying = True
            try:
                self.inbox_model.show_page(loaded.page)
                self._restore_selection(selected, cid)
            finally:
                self._applying = False
            self._after_rows_moved(cid, old_row)
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
            self._show_counts(counts)
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
        self.sync_label.setToolTip(literal(detail))
