"""Desktop notifications: breaches, urgent conversations out of hours, escalations.

Every minute the notifier asks the store to check for breaches (on the
writer), then shows the notifications meant for this agent (or the whole
team) that this device has not shown yet: a tray message, a sound for the
urgent ones, and a count in the tray's tooltip. Clicking the message opens
the conversation.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from supportdesk.services.workflow import notify as notes
from supportdesk.services.workflow import tracking
from supportdesk.services.workflow.notify import NotificationInfo
from supportdesk.store import Store
from supportdesk.ui import icons
from supportdesk.ui.bridge import Operations
from supportdesk.ui.i18n import _n
from supportdesk.ui.plain import notification_safe

log = logging.getLogger(__name__)

#: Device-local: the newest notification counter already shown here.
SHOWN_META_KEY = "workflow_notified_n"
CHECK_INTERVAL_MS = 60_000


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def notification_text(n: NotificationInfo) -> tuple[str, str]:
    """``(title, body)`` of a notification in the UI language."""
    title = {
        notes.BREACH_FIRST: _t("First response overdue"),
        notes.BREACH_NEXT: _t("Reply overdue"),
        notes.BREACH_RESOLUTION: _t("Resolution overdue"),
        notes.URGENT_OUT_OF_HOURS: _t("Urgent conversation out of hours"),
        notes.ESCALATED: _t("Escalated to you"),
    }.get(n.kind, n.title)
    body = f"{n.ticket} · {n.subject}" if n.ticket else n.title
    if n.kind == notes.ESCALATED and n.body:
        body += "\n" + n.body
    return title, body


class Notifier(QObject):
    """Checks for breaches and shows new notifications in the tray.

    Args:
        store, ops: the window's store and operations runner.
        clock: now, aware (tests pass a fixed one).
        open_conversation: called with a conversation id when a message is clicked.
    """

    notified = Signal(object)  # NotificationInfo

    def __init__(
        self,
        store: Store,
        ops: Operations,
        clock: Callable[[], datetime],
        open_conversation: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.ops = ops
        self.clock = clock
        self.open_conversation = open_conversation
        self.shown: list[NotificationInfo] = []
        self.sound: Callable[[], None] = QApplication.beep
        self.tray = QSystemTrayIcon(icons.icon("app"), self)
        self.tray.setToolTip("SupportDesk")
        self.tray.messageClicked.connect(self._message_clicked)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.show()
        stored = store.get_meta(SHOWN_META_KEY)
        if stored is not None and stored.isdigit():
            self.high_water = int(stored)
        else:  # a new device does not replay the team's old alerts
            with store.read() as session:
                self.high_water = notes.latest_n(session)
        self._last: NotificationInfo | None = None
        self._timer = QTimer(self, interval=CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check_now)

    def start(self) -> None:
        """Check now and then every minute."""
        self._timer.start()
        self.check_now()

    def stop(self) -> None:
        """Stop checking and take the icon out of the tray."""
        self._timer.stop()
        self.tray.hide()

    def check_now(self) -> None:
        """Look for breaches on the writer, then show what is new."""
        now = self.clock()
        self.ops.write(lambda uow: tracking.check_breaches(uow, now), lambda _ids: self._poll())

    def poll(self) -> list[NotificationInfo]:
        """Show the notifications this device has not shown yet."""
        with self.store.read() as session:
            new = notes.notifications_for(session, self.store.agent_id, self.high_water)
            unread = notes.unread_count(session, self.store.agent_id)
        for n in new:
            self._show(n)
        if new:
            self.high_water = new[-1].n
            try:
                self.store.set_meta(SHOWN_META_KEY, str(self.high_water), wait=False)
            except RuntimeError:  # the store is closing
                log.debug("could not remember shown notifications")
        self.tray.setToolTip(
            _n("SupportDesk · %n alerts", "", unread) if unread else "SupportDesk"
        )
        return new

    def _show(self, n: NotificationInfo) -> None:
        title, body = notification_text(n)
        icon = (QSystemTrayIcon.MessageIcon.Critical if n.urgent
                else QSystemTrayIcon.MessageIcon.Information)
        self.tray.showMessage(notification_safe(title), notification_safe(body), icon, 15_000)
        if n.urgent:
            self.sound()
        self._last = n
        self.shown.append(n)
        self.notified.emit(n)

    def _poll(self) -> None:
        self.poll()

    def _message_clicked(self) -> None:
        if self._last is not None and self._last.conversation_id:
            self.open_conversation(self._last.conversation_id)
