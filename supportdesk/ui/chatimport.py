"""Chat import in the main window: File → Import…, and dropping an export on the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from supportdesk.config import Settings
from supportdesk.services.chat_import import looks_like_mail
from supportdesk.store import Store
from supportdesk.ui import history
from supportdesk.ui.chatimport_dialog import ChatImportDialog

CHAT_SUFFIXES = (".txt", ".zip", ".json", ".csv")


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def dropped_export(mime: QMimeData) -> Path | None:
    """The one local chat export (file or folder) being dragged, if that is what it is.

    Email files are left alone, for whoever imports mail.
    """
    if not mime.hasUrls():
        return None
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    if len(paths) != 1:
        return None
    path = paths[0]
    if path.is_dir():
        return None if looks_like_mail(path) else path
    if path.suffix.lower() in CHAT_SUFFIXES and not looks_like_mail(path):
        return path
    return None


class ChatImportOpener(QObject):
    """Opens the import dialog for a window and opens what it imported."""

    def __init__(self, window: QMainWindow, store: Store, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.settings = settings
        self.dialog: ChatImportDialog | None = None

    def open(self, path: Path | None = None) -> ChatImportDialog:
        """Show the dialog (reading ``path`` when given); one at a time."""
        if self.dialog is not None and self.dialog.isVisible():
            if path is not None and self.dialog.state in ("empty", "ready", "failed", "done"):
                self.dialog.load(path)
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = ChatImportDialog(self.store, self.settings, path, self.window)
        history.attach(dialog)  # how old a chat must be to import as solved (issue 12)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        dialog.destroyed.connect(self._forget)
        self.dialog = dialog
        dialog.show()
        if path is None:
            dialog.choose_file()
        return dialog

    def _forget(self) -> None:
        self.dialog = None

    def shutdown(self) -> None:
        """Before the window (and then the store) closes, stop a running import."""
        if self.dialog is not None:
            self.dialog.shutdown()

    def drop_action(self, mime: QMimeData) -> Callable[[], None] | None:
        """What a drop of ``mime`` on the window does: open a chat export, or nothing."""
        path = dropped_export(mime)
        if path is None:
            return None

        def open_it() -> None:
            self.open(path)

        return open_it

    def _imported(self, conversation_id: str) -> None:
        opener = getattr(self.window, "open_conversation", None)
        if callable(opener):
            opener(conversation_id)


def install(window: QWidget) -> ChatImportOpener:
    """Add File → Import chat export… and drag-and-drop of chat exports to the main window."""
    assert isinstance(window, QMainWindow)
    store: Store = window.store  # type: ignore[attr-defined]
    settings: Settings = window.settings  # type: ignore[attr-defined]
    opener = ChatImportOpener(window, store, settings)
    action = QAction(_t("Import chat export…"), window)
    action.setShortcut(QKeySequence("Ctrl+I"))
    action.setStatusTip(_t("Import a WhatsApp, Telegram, Slack, Discord, Messenger, "
                           "website-chat or CSV export"))  # fmt: skip
    action.triggered.connect(lambda: opener.open())
    menu = window.file_menu  # type: ignore[attr-defined]
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, action)
    if first is not None:
        menu.insertSeparator(first)
    window.on_drop(opener.drop_action)  # type: ignore[attr-defined]
    window.on_close(opener.shutdown)  # type: ignore[attr-defined]
    window.chat_import = opener  # type: ignore[attr-defined]
    return opener
