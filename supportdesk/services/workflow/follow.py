"""Keep SLA tracking in step with whatever writes to the store.

:func:`follow_store` listens to the store's change announcements: when
messages arrive (mail fetch, chat import, a logged call, sync) or a
conversation's status, priority or customer changes, it queues a
:func:`tracking.refresh` of those conversations on the writer. Refreshing is
idempotent, so channels that also call the ``on_*`` hooks do no harm.
"""

from __future__ import annotations

import logging
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


def follow_store(
    store: Store, clock: Callable[[], datetime] = utcnow
) -> Callable[[], None]:
    """Refresh SLA tracking after every relevant commit; returns an unsubscribe."""

    def done(future: Future[int]) -> None:
        exc = future.exception()
        if exc is not None:
            log.error("SLA refresh failed", exc_info=exc)

    def listener(changes: ChangeSet) -> None:
        if changes.origin == "snapshot":
            # The team's merged state, SLA tracking included: nothing to derive. Any
            # conversation the team had no tracking for is caught up at the next start.
            return
        ids = conversations_to_refresh(store, changes)
        if not ids:
            return
        ordered = sorted(ids)
        try:
            future = store.submit(lambda uow: refresh_many(uow, ordered, clock()))
        except RuntimeError:  # the store is closing; the next start catches up
            log.debug("store closing; SLA refresh of %d conversations skipped", len(ids))
            return
        future.add_done_callback(done)

    return store.on_change(listener)
