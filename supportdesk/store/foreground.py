"""Background threads step aside while the GUI thread works.

Python runs one thread at a time. A background thread that runs Python without
a break (applying a page of pulled changes, tracking SLAs for thousands of
conversations) hands the interpreter to a waiting thread only when forced to,
once per switch interval. The GUI thread gives the interpreter up at many calls
into Qt and needs it back for every call into Python, so each time it waits
for the next forced switch: reloading the inbox list, 20 ms of work, took 100 to
200 ms beside the writer tracking SLAs after a sync, and the window stuttered.

Whoever hands the GUI thread work (a read's result, a commit to show) calls
:meth:`Foreground.poke`, and the GUI thread calls :meth:`Foreground.done` when it
has done that work. While some is not done, background work waits at its steps
(:meth:`Foreground.pause`: before every SQL statement on the store's engine,
every few elements of a page the sync parses, every item of the long loops of
applying pulled changes and tracking SLAs). A pause is bounded:
after ``MAX_WAIT_S`` the thread runs on for ``FREE_RUN_S`` before it pauses
again, so work handed over and never done (its receiver was deleted first)
slows background work down but never stops it.

(Qt's event dispatcher cannot tell it: its ``awake`` and ``aboutToBlock``
signals both come before the event loop waits, and events are handled after.)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: the longest one pause waits for the GUI thread to do what it was handed
MAX_WAIT_S = 0.05
#: after a pause that timed out, how long that thread runs before it pauses again (work
#: not done in MAX_WAIT_S is long, or waits in a nested event loop such as a message
#: box opened by the slot: background work then loses a tenth of its speed, not half)
FREE_RUN_S = 0.5
#: a background thread sleeps BREATH_S at its first step after SLICE_S without one
SLICE_S = 0.005
BREATH_S = 0.0002


class Foreground:
    """Whether the GUI thread has work, and a place for background threads to wait."""

    def __init__(self) -> None:
        self._idle = threading.Event()
        self._idle.set()
        self._lock = threading.Lock()
        #: work handed to the foreground thread and not done yet
        self._pending = 0
        #: the thread that counts as the foreground (``None``: nobody; pause never waits)
        self.thread: int | None = None
        self._local = threading.local()
        #: how many pauses waited, and for how long in all (seconds), for benchmarks
        self.pauses = 0
        self.paused_s = 0.0

    def attach(self) -> None:
        """The calling thread is the foreground from now on."""
        self.thread = threading.get_ident()

    def detach(self) -> None:
        """No thread is the foreground any more: nobody waits."""
        with self._lock:
            self.thread = None
            self._pending = 0
            self._idle.set()

    def poke(self) -> None:
        """Work was just handed to the foreground thread (from any thread); each poke
        is matched by one :meth:`done` there once that work is done."""
        with self._lock:
            if self.thread is not None:
                self._pending += 1
                self._idle.clear()

    def done(self) -> None:
        """The foreground thread did one piece of work it was poked for."""
        with self._lock:
            self._pending = max(0, self._pending - 1)
            if self._pending == 0:
                self._idle.set()

    @property
    def busy(self) -> bool:
        """Whether the foreground thread has work it was handed and has not done."""
        return not self._idle.is_set()

    @contextmanager
    def waiting(self) -> Iterator[None]:
        """Around a blocking wait for background work: while the foreground thread
        waits, the work it waits for must not wait for it."""
        if threading.get_ident() != self.thread or self._idle.is_set():
            yield
            return
        self._idle.set()
        try:
            yield
        finally:
            with self._lock:
                if self.thread is not None and self._pending:
                    self._idle.clear()

    def pause(self) -> None:
        """Wait (a bounded time) while the foreground thread has work.

        Cheap when it has none: one flag read. The foreground thread never waits.
        """
        if self.thread is None or threading.get_ident() == self.thread:
            return
        local = self._local
        now = time.monotonic()
        if self._idle.is_set() or now < getattr(local, "free_until", 0.0):
            # Nothing handed over: still, every SLICE_S let a waiting thread in.
            if now - getattr(local, "breathed", 0.0) >= SLICE_S:
                time.sleep(BREATH_S)
                local.breathed = time.monotonic()
            return
        woke = self._idle.wait(MAX_WAIT_S)
        after = time.monotonic()
        self.pauses += 1
        self.paused_s += after - now
        if not woke:
            local.free_until = after + FREE_RUN_S


#: where a store's sessions keep their foreground's pause (``Session.info``)
STEP = "supportdesk.step"


def step(session: Session) -> None:
    """A point in a long run of Python where background work steps aside while the
    GUI thread has work (for loops that run long between two SQL statements).

    Free on a session that is not a store's, and on the GUI thread itself.
    """
    pause = session.info.get(STEP)
    if pause is not None:
        pause()
