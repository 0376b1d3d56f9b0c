"""Undo send: a mail waits the "undo send" delay in the outbox; the status bar offers Undo.

Undoing takes the mail out of the outbox (nothing reaches the mail server)
and opens its composer again with the text as it was, kept as a draft.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton

from supportdesk.config import UNDO_SEND_SECONDS
from supportdesk.services import drafts
from supportdesk.services.mail.outgoing import Draft, QueuedMail
from supportdesk.services.mail.undo_send import clamp_delay, undo_send
from supportdesk.store import UnitOfWork

if TYPE_CHECKING:
    from supportdesk.ui.mainwindow import MainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


@dataclass
class Held:
    """A mail waiting out its delay."""

    outgoing_id: str
    conversation_id: str
    draft: Draft
    leaves_at: float  # time.monotonic()


class UndoSend(QObject):
    """The status bar's Undo for mail that waits out its delay."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.held: list[Held] = []
        self.button = QToolButton()
        self.button.setObjectName("undoSend")
        self.button.setAccessibleName(_t("Undo send"))
        self.button.setAccessibleDescription(
            _t("Takes the last mail back out of the outbox before it leaves"))
        self.button.clicked.connect(self.undo_last)
        self.button.hide()
        window.statusBar().addPermanentWidget(self.button)
        self.action = QAction(_t("Undo send"), window)
        self.action.setEnabled(False)
        self.action.triggered.connect(lambda _checked=False: self.undo_last())
        window.conversation_menu.addAction(self.action)
        self._tick = QTimer(self, interval=250)
        self._tick.timeout.connect(self._update)

    def delay(self) -> int:
        """Seconds a mail waits before it leaves (the setting, kept within bounds)."""
        return clamp_delay(self.window.settings.get(UNDO_SEND_SECONDS))

    def hold_started(self, queued: QueuedMail, draft: Draft, seconds: int) -> None:
        """A mail was queued to leave in ``seconds``: offer Undo until then."""
        self.held.append(Held(queued.outgoing_id, queued.conversation_id, draft,
                              time.monotonic() + seconds))
        mail = getattr(self.window, "mail", None)
        if mail is not None:  # send it the moment its delay is over
            QTimer.singleShot(seconds * 1000 + 100, mail.send_now)
        self._tick.start()
        self._update()

    def _update(self) -> None:
        now = time.monotonic()
        self.held = [h for h in self.held if h.leaves_at > now]
        if not self.held:
            self._tick.stop()
            self.button.hide()
            self.action.setEnabled(False)
            return
        left = max(1, round(self.held[-1].leaves_at - now))
        self.button.setText(_t("Sending in {0} s · Undo").format(left))
        self.button.show()
        self.action.setEnabled(True)

    def undo_last(self) -> None:
        """Take the newest waiting mail back and open its composer again."""
        self._update()
        if not self.held:
            self.window.statusBar().showMessage(_t("Nothing to undo: the mail has left."), 5000)
            return
        held = self.held.pop()
        self._update()

        def work(uow: UnitOfWork) -> None:
            undo_send(uow, held.outgoing_id)
            draft = held.draft
            cid = None if draft.mode == "new" else held.conversation_id
            fields = {k: v for k, v in asdict(draft).items() if k != "attachments"}
            fields["to"], fields["cc"], fields["bcc"] = (
                ", ".join(draft.to), ", ".join(draft.cc), ", ".join(draft.bcc))
            fields["body"] = draft.body_text
            fields["message_id"] = ""  # the undone copy keeps its id; a new send needs its own
            drafts.save_draft(uow, cid, draft.mode, {k: str(v or "") for k, v in fields.items()})

        self.window.ops.write(work, lambda _r: self._undone(held))

    def _undone(self, held: Held) -> None:
        self.window.statusBar().showMessage(
            _t("Not sent. The mail is back in its composer."), 8000)
        mail: Any = getattr(self.window, "mail", None)
        if mail is None:
            return
        if held.draft.mode != "new":
            self.window.open_conversation(held.conversation_id)
        mail.compose(held.draft.mode, original_row_id=held.draft.original_row_id)


def undo_send_of(window: Any) -> UndoSend | None:
    """The window's undo send, when installed."""
    found = getattr(window, "undo_send", None)
    return found if isinstance(found, UndoSend) else None


def install(window: MainWindow) -> UndoSend:
    """Add undo send to a main window (also ``window.undo_send``)."""
    undo = UndoSend(window)
    window.undo_send = undo  # type: ignore[attr-defined]
    return undo
