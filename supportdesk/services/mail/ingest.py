"""Store incoming mail: the entry points that fetching and importing use.

``Ingestor`` parses on the calling (worker) thread and writes batches on the
store's writer with ``ingest_prepared``, which also acknowledges the new
conversations of mailboxes that ask for it (``services.mail.autoack``). The
row writing itself is ``services.mail.rows``; its names are re-exported here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from supportdesk.channels.email.threads import DEFAULT_WINDOW_DAYS
from supportdesk.services.mail.autoack import acknowledge_new
from supportdesk.services.mail.blobs import BlobBatch
from supportdesk.services.mail.rows import (
    DEFAULT_BATCH,
    MAILBOX_IMPORT,
    MAX_ADDRESS,
    MAX_CONTENT_ID,
    MAX_MIME,
    MAX_NAME,
    MAX_SUBJECT,
    AfterBatch,
    BatchLookup,
    IngestOutcome,
    PreparedMail,
    StoredFile,
    content_hash,
    ensure_email_customer,
    mailbox_key_for,
    own_addresses,
    prepare,
    write_prepared,
)
from supportdesk.store import Store, UnitOfWork
from supportdesk.store.blobs import BlobStore

__all__ = [
    "DEFAULT_BATCH", "DEFAULT_WINDOW_DAYS", "MAILBOX_IMPORT", "MAX_ADDRESS", "MAX_CONTENT_ID",
    "MAX_MIME", "MAX_NAME", "MAX_SUBJECT", "BatchLookup", "IngestOutcome", "Ingestor",
    "PreparedMail", "StoredFile", "content_hash", "ensure_email_customer", "ingest_all",
    "ingest_prepared", "ingest_raw", "mailbox_key_for", "own_addresses", "prepare",
]  # fmt: skip


def ingest_prepared(
    uow: UnitOfWork,
    mails: Sequence[PreparedMail],
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    dedupe_message_ids: bool = True,
    auto_ack: BlobStore | None = None,
    now: datetime | None = None,
) -> list[IngestOutcome]:
    """Store a batch of prepared mail in this unit of work (run it on the writer).

    Args:
        mails: in the order they should be threaded (oldest first is best).
        window_days: the "same sender and subject" threading window.
        dedupe_message_ids: also skip a message whose Message-ID, sender and
            date are already stored from another mailbox or an import.
        auto_ack: the blob store, to acknowledge the new conversations of
            mailboxes that ask for it (``services.mail.autoack``); None: never.
        now: the time acknowledgements are written (default: now).
    """
    if not mails:
        return []
    after: AfterBatch | None = None
    if auto_ack is not None:
        blobs = auto_ack

        def after(
            uow: UnitOfWork, created: list[tuple[str, PreparedMail]], at: datetime | None
        ) -> None:
            acknowledge_new(uow, blobs, created, at)

    return write_prepared(
        uow, mails, window_days=window_days, dedupe_message_ids=dedupe_message_ids,
        after_batch=after, now=now, blobs=auto_ack,
    )  # fmt: skip


class Ingestor:
    """Feeds raw mail to the store in batches: parse here, write on the writer.

    Use it from a worker thread (fetching, importing); never from the writer.
    """

    def __init__(
        self,
        store: Store,
        *,
        batch_size: int = DEFAULT_BATCH,
        window_days: int = DEFAULT_WINDOW_DAYS,
        dedupe_message_ids: bool = True,
    ) -> None:
        self.store = store
        self.batch_size = max(1, batch_size)
        self.window_days = window_days
        self.dedupe_message_ids = dedupe_message_ids
        self.blobs = BlobBatch(store.blobs)
        self._batch: list[PreparedMail] = []

    def add(
        self,
        raw: bytes,
        *,
        mailbox_key: str,
        fallback_date: datetime | None = None,
        source: str = "",
    ) -> list[IngestOutcome]:
        """Queue one message; returns outcomes when this filled a batch (else [])."""
        self._batch.append(
            prepare(raw, mailbox_key=mailbox_key, blobs=self.blobs,
                    fallback_date=fallback_date, source=source)
        )  # fmt: skip
        if len(self._batch) >= self.batch_size:
            return self.flush()
        return []

    def flush(self) -> list[IngestOutcome]:
        """Write what is queued (files made durable first); returns the outcomes."""
        if not self._batch:
            return []
        batch, self._batch = self._batch, []
        self.blobs.sync()
        window, dedupe, blobs = self.window_days, self.dedupe_message_ids, self.store.blobs
        return self.store.write(
            lambda uow: ingest_prepared(
                uow, batch, window_days=window, dedupe_message_ids=dedupe, auto_ack=blobs
            )
        )

    @property
    def queued(self) -> int:
        """Messages waiting for the next flush."""
        return len(self._batch)


def ingest_raw(
    store: Store,
    raw: bytes,
    *,
    mailbox_key: str = MAILBOX_IMPORT,
    fallback_date: datetime | None = None,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> IngestOutcome:
    """Store one message now (tests, small tools); see ``Ingestor`` for many."""
    ingestor = Ingestor(store, batch_size=1, window_days=window_days)
    [outcome] = ingestor.add(raw, mailbox_key=mailbox_key, fallback_date=fallback_date)
    return outcome


def ingest_all(
    store: Store,
    raws: Iterable[bytes],
    *,
    mailbox_key: str = MAILBOX_IMPORT,
    batch_size: int = DEFAULT_BATCH,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> list[IngestOutcome]:
    """Store many messages in batches, in the given order."""
    ingestor = Ingestor(store, batch_size=batch_size, window_days=window_days)
    out: list[IngestOutcome] = []
    for raw in raws:
        out += ingestor.add(raw, mailbox_key=mailbox_key)
    out += ingestor.flush()
    return out
