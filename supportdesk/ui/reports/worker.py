"""One background thread for report work: computing summaries and writing exports.

Jobs run one at a time, in order; each opens its own store session. Callbacks
run on the GUI thread; the worker never touches widgets, and never draws a
PDF: the PDF renderer's QtCharts items are not thread-safe (painting them
here while the window paints its own charts crashes), so PDFs are drawn on
the GUI thread from the summary computed here.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

log = logging.getLogger(__name__)

Job = tuple[Callable[[], Any], Callable[[Any], None] | None,
            Callable[[BaseException], None] | None]


class ReportWorker(QThread):
    """Runs report jobs off the GUI thread; ``busy_changed(bool)`` follows the queue."""

    busy_changed = Signal(bool)
    _done = Signal(object, object, object, object)  # on_done, on_error, result, error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report-worker")
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._pending = 0
        self._closed = False
        self._done.connect(self._finish)

    @property
    def busy(self) -> bool:
        """Whether a job is queued or running."""
        return self._pending > 0

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> bool:
        """Queue ``work``; the callbacks run on the GUI thread. False once stopped."""
        if self._closed:
            return False
        if not self.isRunning():
            self.start()
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._jobs.put((work, on_done, on_error))
        return True

    def run(self) -> None:
        """The thread: take jobs until told to stop."""
        while True:
            job = self._jobs.get()
            if job is None:
                return
            work, on_done, on_error = job
            try:
                result = work()
            except Exception as exc:  # reported to the GUI thread
                self._done.emit(on_done, on_error, None, exc)
            else:
                self._done.emit(on_done, on_error, result, None)

    def _finish(self, on_done: Any, on_error: Any, result: Any, error: Any) -> None:
        self._pending = max(0, self._pending - 1)
        try:
            if self._closed:
                return
            if error is None:
                if on_done is not None:
                    on_done(result)
            elif on_error is not None:
                on_error(error)
            else:
                log.error("report job failed", exc_info=error)
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)

    def stop(self) -> None:
        """Let the running job finish, drop queued ones, and end the thread."""
        self._closed = True
        while True:
            try:
                self._jobs.get_nowait()
            except queue.Empty:
                break
        self._jobs.put(None)
        if self.isRunning():
            self.wait()
