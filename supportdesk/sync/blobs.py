"""Files by content hash: upload what the server lacks, fetch what this device lacks.

Rows travel in the outbox; the files they name travel here, after the rows.
Two kinds of file travel: attachments (``attachments.sha256``) and the raw
RFC 822 original of every ingested or sent mail (``messages.raw_sha256``).
The table ``sync_blob_queue`` says what is still to move, one row per file
and direction, so an interrupted sync picks up where it stopped and a sync
with nothing to move makes no extra request:

- ``upload``: every file named by a row the server acknowledged from this
  device (recorded in the same transaction as the acknowledgement);
- ``download``: every file named by a pulled row that is not here (recorded
  in the same transaction as the pulled page).

The queue is worked through in batches of ``ASK_BATCH`` hashes. Each batch is
first sent to ``POST /blobs/missing``, which answers which of those hashes the
server lacks; only those are uploaded, only the others can be downloaded. A
file the server does not have yet (its author has not synced it) stays queued
for the next sync and blocks nothing else. A downloaded file whose sha256 is
not the one its row names is refused and not kept. A failed try is counted in
the row (``attempts``, ``last_error``) and tried again at the next sync.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from supportdesk.models import SyncBlobQueue, utcnow
from supportdesk.store import Store, UnitOfWork
from supportdesk.sync.merge import Mutation

log = logging.getLogger(__name__)

#: the two directions of ``sync_blob_queue``
TO_UPLOAD = "upload"
TO_DOWNLOAD = "download"
#: hashes per ``/blobs/missing`` question (the server's limit), and per queue batch
ASK_BATCH = 1000
#: synced tables whose rows name a file in the blob store, and the field naming it
FILE_FIELDS = {"attachments": "sha256", "messages": "raw_sha256"}
_HEX = frozenset("0123456789abcdef")
_CHUNK = 500


class BlobError(Exception):
    """A file could not be moved; the message says why in a rep's words."""


@dataclass
class BlobResult:
    """What one round of file transfers did."""

    uploaded: int = 0
    downloaded: int = 0
    #: files still to move (the server or this device does not have them yet)
    waiting: int = 0
    problems: list[str] = field(default_factory=list)


def is_sha256(value: object) -> bool:
    """Whether ``value`` is a lower-case hex sha256."""
    return isinstance(value, str) and len(value) == 64 and set(value) <= _HEX


def file_hashes(mutations: Iterable[Mutation]) -> set[str]:
    """The file hashes named by inserts (attachments' files, mails' raw originals)."""
    out = set()
    for m in mutations:
        name = FILE_FIELDS.get(m.entity)
        if name is not None and m.op == "insert" and is_sha256(m.fields.get(name)):
            out.add(str(m.fields[name]))
    return out


def row_hashes(rows: Iterable[object]) -> set[str]:
    """The file hashes named by the rows of a snapshot page."""
    out = set()
    for row in rows:
        if not isinstance(row, dict):
            continue
        name = FILE_FIELDS.get(str(row.get("entity")))
        fields = row.get("fields")
        if name is not None and isinstance(fields, dict) and is_sha256(fields.get(name)):
            out.add(str(fields[name]))
    return out


def note(session: Session, direction: str, hashes: Iterable[str]) -> None:
    """Queue files to move (inside the writer's transaction); queued ones stay as they are."""
    new = sorted({h for h in hashes if is_sha256(h)})
    if new:
        now = utcnow()
        session.execute(
            sqlite_insert(SyncBlobQueue).on_conflict_do_nothing(),
            [{"direction": direction, "sha256": h, "added_at": now, "attempts": 0}
             for h in new],
        )


def pending(store: Store, direction: str) -> set[str]:
    """The hashes queued in one direction."""
    with store.read() as session:
        return set(session.scalars(
            select(SyncBlobQueue.sha256).where(SyncBlobQueue.direction == direction)))


def count(store: Store, direction: str) -> int:
    """How many files are queued in one direction."""
    with store.read() as session:
        return int(session.scalar(
            select(func.count()).select_from(SyncBlobQueue)
            .where(SyncBlobQueue.direction == direction)) or 0)


def _batch(store: Store, direction: str, after: str) -> list[str]:
    with store.read() as session:
        return list(session.scalars(
            select(SyncBlobQueue.sha256)
            .where(SyncBlobQueue.direction == direction, SyncBlobQueue.sha256 > after)
            .order_by(SyncBlobQueue.sha256)
            .limit(ASK_BATCH)
        ))


def _batches(store: Store, direction: str) -> Iterable[list[str]]:
    """The queue in batches, by hash; each batch is read after the previous one was settled."""
    after = ""
    while batch := _batch(store, direction, after):
        yield batch
        after = batch[-1]


def _settle(store: Store, direction: str, done: set[str], failed: dict[str, str]) -> None:
    """Take moved files off the queue and count the failed tries, in one transaction."""
    if not done and not failed:
        return

    def run(uow: UnitOfWork) -> None:
        q = SyncBlobQueue
        finished = sorted(done)
        for start in range(0, len(finished), _CHUNK):
            uow.session.execute(delete(q).where(
                q.direction == direction, q.sha256.in_(finished[start : start + _CHUNK])))
        for digest, error in failed.items():
            uow.session.execute(
                update(q).where(q.direction == direction, q.sha256 == digest)
                .values(attempts=q.attempts + 1, last_error=error[:2000]))

    store.write(run)


# What the client gives this module: one authenticated request to the server.
Send = Callable[[str, str, bytes | None, str], tuple[int, bytes]]


def _server_lacks(send: Send, hashes: Sequence[str]) -> set[str]:
    lacking: set[str] = set()
    for start in range(0, len(hashes), ASK_BATCH):
        chunk = list(hashes[start : start + ASK_BATCH])
        status, body = send("POST", "/blobs/missing", json.dumps({"sha256": chunk}).encode(),
                            "application/json")
        if status != 200:
            raise BlobError(f"The server could not say which files it lacks (HTTP {status}).")
        answer = json.loads(body).get("missing", [])
        lacking.update(h for h in answer if h in chunk)
    return lacking


def upload(store: Store, send: Send, result: BlobResult) -> None:
    """Upload the queued files that the server lacks."""
    for batch in _batches(store, TO_UPLOAD):
        lacking = _server_lacks(send, batch)
        finished = set(batch) - lacking
        failed: dict[str, str] = {}
        for digest in sorted(lacking):
            if not store.blobs.has(digest):
                # This device never had the file (it came by sync, or was removed):
                # another device that has it will upload it.
                finished.add(digest)
                continue
            data = store.blobs.get(digest)
            status, _body = send("PUT", f"/blobs/{digest}", data, "application/octet-stream")
            if status in (200, 201):
                result.uploaded += 1
                finished.add(digest)
            elif status == 413:
                result.problems.append(
                    f"A file of {len(data) // (1024 * 1024)} MiB is larger than the server "
                    "takes; the others can still see that it exists but cannot open it."
                )
                finished.add(digest)
            else:
                failed[digest] = (
                    f"The server did not take a file (HTTP {status}); it is sent again "
                    "at the next sync."
                )
                result.problems.append(failed[digest])
        _settle(store, TO_UPLOAD, finished, failed)
        result.waiting += len(batch) - len(finished)


def download(store: Store, send: Send, result: BlobResult) -> None:
    """Fetch the queued files this device lacks, checking each one."""
    for batch in _batches(store, TO_DOWNLOAD):
        finished = {h for h in batch if store.blobs.has(h)}
        wanted = sorted(set(batch) - finished)
        on_server = set(wanted) - _server_lacks(send, wanted) if wanted else set()
        failed: dict[str, str] = {}
        for digest in sorted(on_server):
            status, body = send("GET", f"/blobs/{digest}", None, "")
            if status == 404:
                continue  # gone since we asked; the next sync tries again
            if status != 200:
                failed[digest] = (
                    f"A file could not be fetched (HTTP {status}); it is tried again at "
                    "the next sync."
                )
                result.problems.append(failed[digest])
                continue
            try:
                verified_put(store, digest, body)
            except BlobError as exc:
                failed[digest] = str(exc)
                result.problems.append(str(exc))
                continue
            result.downloaded += 1
            finished.add(digest)
        _settle(store, TO_DOWNLOAD, finished, failed)
        result.waiting += len(batch) - len(finished)


def verified_put(store: Store, digest: str, data: bytes) -> None:
    """Keep a downloaded file only when its content has the sha256 its row names.

    Raises:
        BlobError: the content does not match; nothing was written.
    """
    actual = hashlib.sha256(data).hexdigest()
    if actual != digest:
        raise BlobError(
            f"A downloaded file was damaged or altered on the way (expected sha256 "
            f"{digest[:12]}…, got {actual[:12]}…); it was not kept and is fetched again at "
            "the next sync."
        )
    store.blobs.put(data)
