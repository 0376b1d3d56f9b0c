"""Between the store's writer thread and the widgets.

``Operations`` runs a use case on the store's single writer and calls back on
the GUI thread; ``ChangeBridge`` turns the store's change announcements
(made on the writer thread) into a Qt signal delivered on the GUI thread.
Workers never touch widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Signal

from supportdesk.services.actions import ActionError
from supportdesk.store import ChangeSet, Store, StoreError, UnitOfWork

log = logging.getLogger(__name__)


class ChangeBridge(QObject):
    """Emits ``changed(ChangeSet)`` on the GUI thread after every commit."""

    changed = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = store.on_change(self._on_change)

    def _on_change(self, changes: ChangeSet) -> None:
        # Called on the writer thread: a queued signal hops to the GUI thread.
        self.changed.emit(changes)

    def close(self) -> None:
        """Stop listening to the store."""
        self._unsubscribe()


class _Done(QObject):
    finished = Signal(object, object)  # result, error


class Operations(QObject):
    """Runs writes on the store's writer and reports back on the GUI thread.

    ``failed(str)`` carries a message for the user when a write was refused.
    """

    failed = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._pending: set[_Done] = set()

    def write(
        self,
        work: Callable[[UnitOfWork], Any],
        on_done: Callable[[Any], None] | None = None,
    ) -> None:
        """Run ``work`` on the writer; ``on_done(result)`` runs on the GUI thread."""
        done = _Done()
        self._pending.add(done)

        def finished(result: Any, error: Any) -> None:
            self._pending.discard(done)
            done.deleteLater()
            if error is not None:
                self.failed.emit(_describe(error))
            elif on_done is not None:
                on_done(result)

        done.finished.connect(finished)

        def callback(fut: Future[Any]) -> None:
            exc = fut.exception()
            done.finished.emit(None if exc else fut.result(), exc)

        self.store.submit(work).add_done_callback(callback)

    @property
    def busy(self) -> bool:
        """Whether writes are still on their way."""
        return bool(self._pending)


def _describe(error: BaseException) -> str:
    if isinstance(error, ActionError | StoreError | ValueError):
        return str(error)
    log.error("write failed", exc_info=error)
    return f"The change could not be saved: {error}"
