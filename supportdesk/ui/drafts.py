"""Nothing typed is lost: the note box and every composer keep a draft as the rep types.

A draft is written a moment after typing pauses (``SAVE_DELAY_MS``), so a
crash or a killed process loses at most that moment; it comes back when the
conversation (or the composer of the same kind) opens again. Closing a
composer that holds typed text asks: keep the draft, or discard it. Rows
with a draft say so in the list ("[Draft] subject").
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from supportdesk.services import drafts
from supportdesk.store import UnitOfWork

if TYPE_CHECKING:
    from supportdesk.ui.mail.composer import ComposerDialog
    from supportdesk.ui.mainwindow import MainWindow

log = logging.getLogger(__name__)

#: how long typing must pause before the draft is written
SAVE_DELAY_MS = 400
NOTE = "note"


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


class DraftKeeper(QObject):
    """Keeps the drafts of one main window's note box and composers."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store = window.store
        with self.store.read() as session:
            #: conversations with a draft on this device (the list marks them)
            self.marked: set[str] = drafts.conversations_with_drafts(session)
        #: the dialogs asking Keep / Discard, while one is open (tests answer it)
        self.question: QMessageBox | None = None
        self._closed = False
        self._flushing = False  # the window closes: write at once, not on the writer's time
        self._loading = False
        self._pending: dict[int, Callable[[], None]] = {}  # timers' saves still due
        pane = window.pane
        self._note_for: str | None = pane.detail.row.id if pane.detail is not None else None
        self._note_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self._save_note)
        pane.composer.textChanged.connect(self._note_typed)
        pane.shown.connect(self._conversation_shown)
        pane.note_done.connect(self._note_done)
        window.inbox_model.row_mark = self._mark
        window.inbox_model.refresh_rows(self.marked)
        window.on_close(self.flush)
        self._load_note(self._note_for)

    # -- the list's marks ------------------------------------------------------------

    def _mark(self, conversation_id: str) -> str:
        return _t("Draft") if conversation_id in self.marked else ""

    def _set_marked(self, conversation_id: str | None, kept: bool) -> None:
        if not conversation_id:
            return
        if kept == (conversation_id in self.marked):
            return
        if kept:
            self.marked.add(conversation_id)
        else:
            with self.store.read() as session:  # another kind of draft may remain
                if drafts.drafts_of(session, [conversation_id]):
                    return
            self.marked.discard(conversation_id)
        self.window.inbox_model.refresh_rows({conversation_id})

    # -- writing -----------------------------------------------------------------------

    def save(self, conversation_id: str | None, mode: str, fields: dict[str, str]) -> None:
        """Keep (or, when empty, remove) a draft; the list's mark follows."""
        if self._closed:
            return

        def work(uow: UnitOfWork) -> bool:
            return drafts.save_draft(uow, conversation_id, mode, fields)

        if self._flushing:
            self.store.write(work)
            return
        self.window.ops.write(work, lambda kept: self._set_marked(conversation_id, bool(kept)))

    def discard(self, conversation_id: str | None, mode: str) -> None:
        """Throw a draft away."""
        if self._closed:
            return

        def work(uow: UnitOfWork) -> None:
            drafts.discard_draft(uow, conversation_id, mode)

        if self._flushing:
            self.store.write(work)
            return
        self.window.ops.write(work, lambda _r: self._set_marked(conversation_id, False))

    def flush(self) -> None:
        """Write every draft still waiting for its pause, now (the window closes)."""
        if self._closed:
            return
        self._flushing = True
        try:
            if self._note_timer.isActive():
                self._note_timer.stop()
                self._save_note()
            for save in list(self._pending.values()):
                save()
            self._pending.clear()
        finally:
            self._flushing = False
            self._closed = True

    # -- the note box ------------------------------------------------------------------

    def _note_typed(self) -> None:
        if self._loading or self._closed:
            return
        detail = self.window.pane.detail
        if detail is None:
            return
        self._note_for = detail.row.id
        self._note_timer.start()

    def _save_note(self) -> None:
        if self._note_for:
            self.save(self._note_for, NOTE, {"body": self.window.pane.composer.toPlainText()})

    def _conversation_shown(self, conversation_id: str | None) -> None:
        if self._note_timer.isActive():  # what was typed belongs to the one shown before
            self._note_timer.stop()
            self._save_note()
        self._note_for = conversation_id
        self._load_note(conversation_id)

    def _load_note(self, conversation_id: str | None) -> None:
        text = ""
        if conversation_id:
            with self.store.read() as session:
                kept = drafts.get_draft(session, conversation_id, NOTE)
            text = kept.fields.get("body", "") if kept is not None else ""
        box = self.window.pane.composer
        if box.toPlainText() == text:
            return
        self._loading = True
        try:
            box.setPlainText(text)
            box.moveCursor(box.textCursor().MoveOperation.End)
        finally:
            self._loading = False

    def _note_done(self) -> None:
        """The note was stored: its draft goes, and the keys act on the list again."""
        self._note_timer.stop()
        if self._note_for:
            self.discard(self._note_for, NOTE)
        self.window.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- composers ---------------------------------------------------------------------

    def attach_composer(self, dialog: ComposerDialog) -> None:
        """Bring back a kept draft into a new composer, keep it as the rep types, and ask
        before closing with text."""
        mode = dialog.draft.mode
        cid = None if mode == "new" else dialog.draft.conversation_id
        baseline = dialog.typed_fields()
        with self.store.read() as session:
            kept = drafts.get_draft(session, cid, mode)
        if kept is not None:
            dialog.restore_fields(kept.fields)
            local = kept.updated_at.astimezone().strftime("%H:%M")
            self.window.statusBar().showMessage(
                _t("Your draft from {0} is back.").format(local), 6000)
        timer = QTimer(dialog, singleShot=True, interval=SAVE_DELAY_MS)
        key = id(dialog)

        def save_now() -> None:
            timer.stop()
            self._pending.pop(key, None)
            fields = dialog.typed_fields()
            if drafts.is_empty(fields, baseline):
                self.discard(cid, mode)
            else:
                self.save(cid, mode, fields)

        def typed(*_args: Any) -> None:
            if not self._closed:
                self._pending[key] = save_now
                timer.start()

        timer.timeout.connect(save_now)
        for line in (dialog.to, dialog.cc, dialog.bcc, dialog.subject):
            line.textEdited.connect(typed)
        dialog.body.textChanged.connect(typed)

        def sent() -> None:
            timer.stop()
            self._pending.pop(key, None)
            self.discard(cid, mode)

        def may_close() -> bool:
            fields = dialog.typed_fields()
            if drafts.is_empty(fields, baseline):
                timer.stop()
                self._pending.pop(key, None)
                self.discard(cid, mode)
                return True
            answer = self.ask_keep(dialog)
            if answer == "cancel":
                return False
            timer.stop()
            self._pending.pop(key, None)
            if answer == "keep":
                self.save(cid, mode, fields)
                self.window.statusBar().showMessage(
                    _t("Draft kept; it comes back when you write again."), 6000)
            else:
                self.discard(cid, mode)
            return True

        dialog.accepted.connect(sent)
        dialog.close_guard = may_close

    def ask_keep(self, parent: QWidget) -> str:
        """Ask whether to keep what was typed: ``keep``, ``discard`` or ``cancel``."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_t("Keep the draft?"))
        box.setText(_t("You have written something that was not sent."))
        box.setInformativeText(
            _t("Keep it as a draft to finish later, or discard it for good."))
        keep = box.addButton(_t("Keep draft"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(_t("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(_t("Keep writing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(cancel)
        for button in (keep, discard, cancel):
            button.setAccessibleDescription(box.text())
        self.question = box
        try:
            box.exec()
        finally:
            self.question = None
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is keep:
            return "keep"
        if clicked is discard:
            return "discard"
        return "cancel"


def keeper_of(window: Any) -> DraftKeeper | None:
    """The window's draft keeper, when drafts are installed."""
    keeper = getattr(window, "drafts", None)
    return keeper if isinstance(keeper, DraftKeeper) else None


def attach_composer(window: Any, dialog: ComposerDialog) -> None:
    """Hook for the mail capability: let a new composer keep its draft."""
    keeper = keeper_of(window)
    if keeper is not None:
        keeper.attach_composer(dialog)


def install(window: MainWindow) -> DraftKeeper:
    """Keep drafts in a main window; returns the keeper (also ``window.drafts``)."""
    keeper = DraftKeeper(window)
    window.drafts = keeper  # type: ignore[attr-defined]
    return keeper
