"""Keep SLA tracking in step with whatever writes to the store.

:func:`follow_store` listens to the store's change announcements: when
messages arrive (mail fetch, chat import, a logged call, sync) or a
conversation's status, priority or customer changes, it queues a
:func:`tracking.refresh` of those conversations on the writer. Refreshing is
idempotent, so channels that also call the ``on_*`` hooks do no harm.

A sync can bring thousands of changed conversations at once. They are
refreshed a few at a time, one small transaction after another, each queued
only when the one before has committed: a rep's own write never waits behind
more than one small batch, and a conversation changed by several pages is
refreshed once. While a sync runs the window holds the follower
(:meth:`Follower.hold`): what the pages bring is only noted, and refreshed
when the sync ends, so the refreshes do not compete with the sync's own work
for the interpreter (with the GUI thread a third, it waited up to 300 ms).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime

from supportdesk.models import utcnow
from supportdesk.services.inbox import conversations_of
from supportdesk.services.workflow.tracking import refresh_many
from supportdesk.store import ChangeSet, Store

log = logging.getLogger(__name__)

#: Conversation fields whose change moves the SLA.
WATCHED_FIELDS = frozenset({"status", "priority", "customer_id"})
#: conversations refreshed per transaction
CHUNK = 50


def conversations_to_refresh(store: Store, changes: ChangeSet) -> set[str]:
    """The conversations whose SLA a committed change may have moved."""
    found: set[str] = set()
    message_ids = changes.ids.get("messages")
    if message_ids:
        with store.read() as session:
            found |= conversations_of(session, "messages", set(message_ids))
    conv_ids = changes.ids.get("conversations")
    if conv_ids and changes.fields.get("conversations", set()) & WATCHED_FIELDS:
        found |= set(conv_ids)
    return found


class Follower:
    """Refreshes SLA tracking after relevant commits; call it to stop following.

    Conversations to refresh wait in an ordered set; at most one batch of
    :data:`CHUNK` is queued on the writer at a time, and when it commits the next
    one is queued.
    """

    def __init__(
        self, store: Store, clock: Callable[[], datetime] = utcnow, chunk: int = CHUNK
    ) -> None:
        self.store = store
        self.clock = clock
        self.chunk = chunk
        self._lock = threading.Lock()
        self._waiting: dict[str, None] = {}
        self._busy = False
        self._held = 0
        self._idle = threading.Event()
        self._idle.set()
        self._stopped = False
        self._unsubscribe = store.on_change(self._listener)

    def __call__(self) -> None:
        """Stop following; what still waits is caught up at the next start."""
        self._unsubscribe()
        with self._lock:
            self._stopped = True
            self._waiting.clear()
            if not self._busy:
                self._idle.set()

    def hold(self, on: bool) -> None:
        """Only note what needs refreshing (``True``: a sync is running) or go on
        refreshing it (``False``). Holds nest."""
        with self._lock:
            self._held = max(0, self._held + (1 if on else -1))
            start = not self._held and self._waiting and not self._busy and not self._stopped
            if start:
                self._busy = True
        if start:
            self._next()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until every conversation queued so far is refreshed (tests, benchmarks)."""
        if timeout == 0:
            return self._idle.is_set()
        with self.store.foreground.waiting():
            return self._idle.wait(timeout)

    @property
    def waiting(self) -> int:
        """How many conversations wait for their refresh."""
        with self._lock:
            return len(self._waiting)

    def _listener(self, changes: ChangeSet) -> None:
        if changes.origin == "snapshot":
            # The team's merged state, SLA tracking included: nothing to derive. Any
            # conversation the team had no tracking for is caught up at the next start.
            return
        ids = conversations_to_refresh(self.store, changes)
        if not ids:
            return
        with self._lock:
            if self._stopped:
                return
            self._waiting.update(dict.fromkeys(sorted(ids)))
            self._idle.clear()
            if self._busy or self._held:
                return
            self._busy = True
        self._next()

    def _next(self, _done: Future[int] | None = None) -> None:
        if _done is not None and (exc := _done.exception()) is not None:
            log.error("SLA refresh failed", exc_info=exc)
        with self._lock:
            batch = [] if self._held else list(self._waiting)[: self.chunk]
            for cid in batch:
                del self._waiting[cid]
            if not batch or self._stopped:
                self._busy = False
                self._idle.set()
                return
        now = self.clock()
        try:
            future = self.store.submit(lambda uow: refresh_many(uow, batch, now))
        except RuntimeError:  # the store is closing; the next start catches up
            log.debug("store closing; SLA refresh of %d conversations skipped", len(batch))
            with self._lock:
                self._waiting.clear()
                self._busy = False
                self._idle.set()
            return
        future.add_done_callback(self._next)


def follow_store(store: Store, clock: Callable[[], datetime] = utcnow) -> Follower:
    """Refresh SLA tracking after every relevant commit; call the result to stop."""
    return Follower(store, clock)
