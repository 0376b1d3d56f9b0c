"""Between the store's threads and the widgets.

``Operations`` runs a use case on the store's single writer and calls back on
the GUI thread; ``Reads`` runs slow queries on a reader thread of its own and
calls back on the GUI thread; ``ChangeBridge`` turns the store's change
announcements (made on the writer thread) into a Qt signal delivered on the
GUI thread. Workers never touch widgets. Each tells the store's foreground
when it hands the GUI thread work and when that is done, so background threads
step aside meanwhile (see ``supportdesk.store.foreground``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from supportdesk.services.actions import ActionError
from supportdesk.store import ChangeSet, Store, StoreError, UnitOfWork

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

T = TypeVar("T")


class ChangeBridge(QObject):
    """Emits ``changed(ChangeSet)`` on the GUI thread after every commit."""

    changed = Signal(object)
    _arrived = Signal(object)  # from the writer thread, queued to this one

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._foreground = store.foreground
        self._arrived.connect(self._deliver)
        self._unsubscribe = store.on_change(self._on_change)

    def _on_change(self, changes: ChangeSet) -> None:
        # Called on the writer thread: a queued signal hops to the GUI thread.
        self._foreground.poke()
        self._arrived.emit(changes)

    def _deliver(self, changes: ChangeSet) -> None:
        try:
            self.changed.emit(changes)
        finally:
            self._foreground.done()

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
            try:
                if error is not None:
                    self.failed.emit(_describe(error))
                elif on_done is not None:
                    on_done(result)
            finally:
                self.store.foreground.done()

        done.finished.connect(finished)

        def callback(fut: Future[Any]) -> None:
            exc = fut.exception()
            self.store.foreground.poke()
            done.finished.emit(None if exc else fut.result(), exc)

        self.store.submit(work).add_done_callback(callback)

    @property
    def busy(self) -> bool:
        """Whether writes are still on their way."""
        return bool(self._pending)


class Reads(QObject):
    """Runs read-only work on one background thread; results come back on the GUI thread.

    For queries slow enough to make the window stutter (counts over the whole
    inbox while a sync writes). Reads run one at a time, in the order asked.
    A read that fails is logged and its callback skipped: what is shown stays
    as it was until the next refresh.
    """

    _finished = Signal(object, object, object)  # on_done, result, error

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ui-reader")
        self._closed = False
        self.pending = 0
        self._finished.connect(self._land)

    def read(self, work: Callable[[Session], T], on_done: Callable[[T], None]) -> None:
        """Run ``work(session)`` on the reader thread, then ``on_done(result)`` here."""
        if self._closed:
            return
        store = self.store

        def run() -> T:
            with store.read() as session:
                return work(session)

        def emit(future: Future[T]) -> None:
            error = future.exception()
            if not self._closed:
                store.foreground.poke()
                self._finished.emit(on_done, None if error else future.result(), error)

        self.pending += 1
        self._pool.submit(run).add_done_callback(emit)

    def _land(self, on_done: Callable[[Any], None], result: Any, error: Any) -> None:
        self.pending -= 1
        try:
            if self._closed:
                return
            if error is not None:
                log.error("background read failed", exc_info=error)
                return
            on_done(result)
        finally:
            self.store.foreground.done()

    def close(self) -> None:
        """Wait for a running read and drop the rest (before the store closes)."""
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)


def _describe(error: BaseException) -> str:
    if isinstance(error, ActionError | StoreError | ValueError):
        return str(error)
    log.error("write failed", exc_info=error)
    return QCoreApplication.translate("", "The change could not be saved: {0}").format(error)
