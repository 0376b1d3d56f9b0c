"""Acting on the open conversation: status, priority, assignee, tags, notes, calls."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtWidgets import QMenu

from supportdesk.config import DEFAULT_REGION
from supportdesk.models import IdentityKind, Priority, Status
from supportdesk.services import actions, inbox
from supportdesk.services.customers import customer_name_for
from supportdesk.ui.conversation import PRIORITIES, STATUSES, status_title
from supportdesk.ui.dialogs import LogCallDialog, TagDialog
from supportdesk.ui.models import priority_title
from supportdesk.ui.window.base import _t
from supportdesk.ui.window.refresh import RefreshPart

log = logging.getLogger(__name__)


class CommandsPart(RefreshPart):
    """What the rep does to the open conversation."""

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

        return LogCallDialog(self.settings.get(DEFAULT_REGION), lookup, current, self)

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
