"""The window's frame: theme, layout, about, dropped files, closing."""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
)

from supportdesk import __version__
from supportdesk.config import (
    THEME,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
)
from supportdesk.ui import theme
from supportdesk.ui.dialogs import ShortcutsDialog
from supportdesk.ui.plain import literal
from supportdesk.ui.window.base import (
    WindowBase,
    _t,
)

log = logging.getLogger(__name__)


class ChromePart(WindowBase):
    """Theme, layout, about and errors, dropped files, closing."""

    # -- theme, layout, misc ----------------------------------------------------------

    def set_theme(self, choice: str) -> None:
        """Use the light, dark or system theme and remember the choice."""
        self._theme_override = None
        self.settings.set(THEME, choice)
        self.apply_theme(theme.resolve(choice))

    def _system_scheme_changed(self, _scheme: object) -> None:
        if (self._theme_override or self.settings.get(THEME)) == "system":
            self.apply_theme(theme.system_prefers_dark())

    def toggle_theme(self) -> None:
        """Switch between light and dark."""
        self.set_theme("light" if self.dark else "dark")

    def apply_theme(self, dark: bool) -> None:
        """Recolour the app and re-render the timeline."""
        self.dark = dark
        self.pane.dark = dark
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, dark)
        self.pane.show_detail(self.pane.detail)

    def shortcut_list(self) -> list[tuple[str, str]]:
        """Every action with a shortcut, as (keys, what it does), for the shortcut list.

        Read from the actions themselves, so keys added by any capability show up.
        """
        seen: set[str] = set()
        rows = []
        for action in self.findChildren(QAction):
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            label = action.text().replace("&", "").rstrip("…").strip()
            if not keys or not label or label in seen:
                continue
            seen.add(label)
            rows.append(("  or  ".join(keys), label))
        return rows

    def show_shortcuts(self) -> None:
        """The list of keyboard shortcuts."""
        ShortcutsDialog(self.shortcut_list(), self).exec()

    def show_about(self) -> None:
        """Name and version."""
        QMessageBox.about(
            self,
            _t("About SupportDesk"),
            _t("SupportDesk {0}\nOne offline-first inbox for email, chat and phone.").format(
                __version__
            ),
        )

    def show_error(self, message: str) -> None:
        """Tell the rep that something did not work, in words."""
        self.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self, _t("SupportDesk"), literal(message))

    def _restore_layout(self) -> None:
        geometry = self.settings.get(WINDOW_GEOMETRY)
        state = self.settings.get(WINDOW_STATE)
        try:
            if geometry:
                self.restoreGeometry(QByteArray(base64.b64decode(geometry)))
            if state:
                parts = state.split(":")
                self.splitter.restoreState(QByteArray(base64.b64decode(parts[0])))
                if len(parts) > 1:
                    self.pane.splitter.restoreState(QByteArray(base64.b64decode(parts[1])))
        except (ValueError, TypeError):
            log.warning("saved window layout unreadable; defaults used")

    def save_layout(self) -> None:
        """Remember size, position and splitter positions."""
        self.settings.set(WINDOW_GEOMETRY, base64.b64encode(self.saveGeometry().data()).decode())
        state = ":".join(
            base64.b64encode(s.saveState().data()).decode()
            for s in (self.splitter, self.pane.splitter)
        )
        self.settings.set(WINDOW_STATE, state)

    def on_close(self, hook: Callable[[], None]) -> None:
        """Run ``hook`` when the window closes, before the store does."""
        self._close_hooks.append(hook)

    def on_drop(self, handler: Callable[[QMimeData], Callable[[], None] | None]) -> None:
        """Let ``handler`` take files dropped on the window: it returns what to do with
        them, or None to leave them (the window then accepts drops)."""
        self._drop_handlers.append(handler)
        self.setAcceptDrops(True)

    def _drop_action(self, mime: QMimeData) -> Callable[[], None] | None:
        for handler in self._drop_handlers:
            action = handler(mime)
            if action is not None:
                return action
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._drop_action(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._drop_action(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        action = self._drop_action(event.mimeData())
        if action is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        action()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop the capabilities, save the layout, and let pending writes finish (once,
        however often asked)."""
        if not getattr(self, "_closed", False):
            self._closed = True
            self.store.foreground.detach()  # what closes next is waited for, at full speed
            for hook in reversed(self._close_hooks):
                hook()
            self.save_layout()
            self.bridge.close()
            self._refresh_held = True  # nothing is read from the store once it closes
            self._refresh_timer.stop()
            self.reads.close()
            QGuiApplication.styleHints().colorSchemeChanged.disconnect(
                self._system_scheme_changed
            )
        super().closeEvent(event)
