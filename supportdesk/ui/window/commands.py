"""Acting on the open conversation: status, priority, assignee, tags, notes, calls."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QMenu

from supportdesk.models import IdentityKind, Priority, Status
from supportdesk.services import actions, inbox
from supportdesk.services.customers import customer_name_for
from supportdesk.store import UnitOfWork
from supportdesk.ui.conversation import PRIORITIES, STATUSES, status_title
from supportdesk.ui.dialogs import LogCallDialog, TagDialog
from supportdesk.ui.models import priority_title
from supportdesk.ui.window.base import UNDO_DEPTH, _t
from supportdesk.ui.window.refresh import RefreshPart

log = logging.getLogger(__name__)


class CommandsPart(RefreshPart):
    """What the rep does to the selected conversations, and undoing it."""

    # -- actions -----------------------------------------------------------------------

    def _need_conversation(self) -> str | None:
        if self.current_id is None:
            self.statusBar().showMessage(_t("Select a conversation first."), 4000)
        return self.current_id

    def _targets(self, ids: list[str] | None) -> list[str]:
        targets = self.target_ids() if ids is None else ids
        if not targets:
            self.statusBar().showMessage(_t("Select a conversation first."), 4000)
        return targets

    def _pane_ids(self) -> list[str]:
        return [self.current_id] if self.current_id else []

    def change(
        self, label: str, work: Callable[[UnitOfWork], list[actions.Change]],
    ) -> None:
        """Run a change of one or many conversations as one unit of work; it can be
        undone with Ctrl+Z (the status bar says what it did, with an Undo link)."""

        def done(changes: list[actions.Change]) -> None:
            if not changes:
                self.statusBar().showMessage(_t("Nothing to change."), 3000)
                return
            self.undo_stack.append((label, changes))
            del self.undo_stack[:-UNDO_DEPTH]
            self.notice.show_notice(label, _t("Undo"), self.undo_last)

        self.ops.write(work, done)

    def undo_last(self) -> None:
        """Undo the last change made here (Ctrl+Z; again for the one before)."""
        if not self.undo_stack:
            self.statusBar().showMessage(_t("Nothing to undo."), 3000)
            return
        label, changes = self.undo_stack.pop()

        def done(_undone: list[actions.Change]) -> None:
            self.notice.show_notice(_t("Undone: {0}").format(label))

        self.ops.write(lambda uow: actions.undo(uow, changes), done)

    @staticmethod
    def _count_label(ids: list[str], one: str, many: str) -> str:
        return one if len(ids) == 1 else many.format(len(ids))

    def set_status(self, status: Status, ids: list[str] | None = None) -> None:
        """Set the status of the selected conversations (or of ``ids``)."""
        if targets := self._targets(ids):
            title = status_title(status)
            label = self._count_label(targets, _t("Set to {0}").format(title),
                                      _t("{0} conversations set to {1}").replace("{1}", title))
            self.change(label, lambda uow: actions.set_field(uow, targets, "status", status))

    def set_priority(self, priority: Priority, ids: list[str] | None = None) -> None:
        """Set the priority of the selected conversations (or of ``ids``)."""
        if targets := self._targets(ids):
            title = priority_title(priority)
            label = self._count_label(
                targets, _t("Priority set to {0}").format(title),
                _t("Priority of {0} conversations set to {1}").replace("{1}", title))
            self.change(label, lambda uow: actions.set_field(uow, targets, "priority", priority))

    def assign(self, agent_id: str | None, ids: list[str] | None = None) -> None:
        """Assign the selected conversations (or ``ids``; None: unassign)."""
        if targets := self._targets(ids):
            name = next((a.name for a in self.agents if a.id == agent_id), "")
            who = _t("Assigned to {0}").format(name) if agent_id else _t("Unassigned")
            label = who if len(targets) == 1 else _t("{0} conversations: {1}").format(
                len(targets), who)
            self.change(label, lambda uow: actions.set_field(uow, targets, "assignee_id",
                                                             agent_id))

    def assign_to_me(self) -> None:
        """Assign the selected conversations to the agent on this device."""
        if self.store.agent_id:
            self.assign(self.store.agent_id)

    def tag(self, tag: str, on: bool = True, ids: list[str] | None = None) -> None:
        """Add (or remove) a tag on the selected conversations (or ``ids``)."""
        if targets := self._targets(ids):
            try:
                tag = actions.normalize_tag(tag) if on else tag
            except actions.ActionError as exc:
                self.show_error(str(exc))
                return
            what = _t("Tagged #{0}") if on else _t("Tag #{0} removed")
            label = what.format(tag)
            if len(targets) > 1:
                label = _t("{0} conversations: {1}").format(len(targets), label)
            self.change(label, lambda uow: actions.set_tag(uow, targets, tag, on))

    def add_note(self, text: str) -> None:
        """Add an internal note to the current conversation."""
        if cid := self._need_conversation():
            name = self._my_name()
            self.ops.write(lambda uow: actions.add_note(uow, cid, text, name),
                           lambda _r: self.pane.note_saved())

    def merge_selected(self) -> None:
        """Merge the selected conversations into the open one (one undo step)."""
        selected = self.selected_ids()
        if len(selected) < 2:
            self.statusBar().showMessage(
                _t("Select two or more conversations to merge (Shift+J, Ctrl+click)."), 4000)
            return
        target = self.current_id if self.current_id in selected else selected[0]
        assert target is not None
        others = [i for i in selected if i != target]
        label = _t("{0} conversations merged into one").format(len(selected))
        self.change(label, lambda uow: actions.merge_into(uow, target, others))

    def add_tag(self, ids: list[str] | None = None) -> None:
        """Ask for a tag and add it to the selected conversations (or ``ids``)."""
        if not (targets := self._targets(ids)):
            return
        with self.store.read() as session:
            existing = inbox.all_tags(session)
        dialog = TagDialog(existing, self)
        if dialog.exec() and dialog.tag():
            self.tag(dialog.tag(), True, targets)

    def remove_tag(self, tag: str) -> None:
        """Remove a tag from the conversation in the pane."""
        if ids := self._pane_ids():
            self.tag(tag, False, ids)

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
