"""The email channel's part of the window: mailboxes, composer, outbox, mail in the timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from supportdesk.ui.mail.controller import MailController
    from supportdesk.ui.mainwindow import MainWindow


def install(window: MainWindow) -> MailController:
    """Add mail to the window: menus, toolbar, status bar, background fetch and send."""
    from supportdesk.ui.mail.controller import MailController

    controller = MailController(window)
    window.mail = controller  # type: ignore[attr-defined]  # for tests and other capabilities
    return controller
