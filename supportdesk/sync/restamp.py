"""Changes stamped while this computer's clock ran ahead get new stamps once it is right."""

from __future__ import annotations

import logging

from sqlalchemy import select, update

from supportdesk.models import OutboxEntry
from supportdesk.store import Store, UnitOfWork
from supportdesk.store.hlc import MAX_DRIFT_MS

log = logging.getLogger(__name__)


def restamp_future(store: Store) -> int:
    """Give waiting changes stamped far ahead of this computer's clock new stamps.

    Changes made while the clock ran ahead (then was put right) would be refused by
    the server until that future date. Once the clock is right, the device's clock
    comes back and every waiting change from the first such one on is stamped again,
    in order. Returns how many were.
    """

    def run(uow: UnitOfWork) -> int:
        limit = store.clock.wall_ms() + MAX_DRIFT_MS
        rows = uow.session.execute(
            select(OutboxEntry.seq, OutboxEntry.hlc)
            .where(OutboxEntry.pushed.is_(False)).order_by(OutboxEntry.seq)
        ).all()
        first = next((i for i, r in enumerate(rows) if int(r.hlc[:13]) > limit), None)
        if first is None:
            return 0
        store.clock.rewind()
        for row in rows[first:]:
            uow.session.execute(update(OutboxEntry).where(OutboxEntry.seq == row.seq)
                                .values(hlc=store.clock.now()))
        return len(rows) - first

    count = store.write(run)
    if count:
        log.warning("re-stamped %d waiting change(s) made while the clock ran ahead", count)
    return count
