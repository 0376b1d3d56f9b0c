"""Team sync in the window: the team server dialog, background sync, status, conflicts, presence."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from supportdesk.ui.mainwindow import MainWindow
    from supportdesk.ui.sync.controller import SyncController


def install(window: MainWindow) -> SyncController:
    """Add team sync to the window; returns its controller (also ``window.sync``)."""
    from supportdesk.ui.sync.controller import SyncController

    controller = SyncController(window)
    window.sync = controller  # type: ignore[attr-defined]  # for tests and other capabilities
    return controller
