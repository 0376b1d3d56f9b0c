"""Attachment files by content hash: upload what the server lacks, fetch what this device lacks.

Rows travel in the outbox; the files they name travel here, after the rows.
Two lists in the profile's ``meta`` table say what is still to move, so an
interrupted sync picks up where it stopped and a sync with nothing to move
makes no extra request:

- to upload: the sha256 of every attachment row the server acknowledged from
  this device (recorded in the same transaction as the acknowledgement);
- to download: the sha256 of every attachment row pulled whose file is not
  here (recorded in the same transaction as the pulled page).

Each list is first sent to ``POST /blobs/missing``, which answers which of
those hashes the server lacks; only those are uploaded, only the others can
be downloaded. A file the server does not have yet (its author has not synced
it) stays on the list for the next sync and blocks nothing else. A downloaded
file whose sha256 is not the one its row names is refused and not kept.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from supportdesk.models import Meta
from supportdesk.store import Store, UnitOfWork
from supportdesk.sync.merge import Mutation

log = logging.getLogger(__name__)

TO_UPLOAD = "sync_blobs_to_upload"
TO_DOWNLOAD = "sync_blobs_to_download"
#: hashes per ``/blobs/missing`` question (the server's limit)
ASK_BATCH = 1000
_HEX = frozenset("0123456789abcdef")


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


def attachment_hashes(mutations: Iterable[Mutation]) -> set[str]:
    """The file hashes named by attachment inserts."""
    return {
        str(m.fields["sha256"]) for m in mutations
        if m.entity == "attachments" and m.op == "insert" and is_sha256(m.fields.get("sha256"))
    }


def row_hashes(rows: Iterable[object]) -> set[str]:
    """The file hashes named by attachment rows of a snapshot page."""
    out = set()
    for row in rows:
        if isinstance(row, dict) and row.get("entity") == "attachments":
            fields = row.get("fields")
            if isinstance(fields, dict) and is_sha256(fields.get("sha256")):
                out.add(str(fields["sha256"]))
    return out


def _read(session: Session, key: str) -> set[str]:
    row = session.get(Meta, key)
    if row is None:
        return set()
    try:
        return {h for h in json.loads(row.value) if is_sha256(h)}
    except ValueError:
        log.warning("meta %s is unreadable; starting it over", key)
        return set()


def _write(session: Session, key: str, hashes: set[str]) -> None:
    row = session.get(Meta, key)
    if not hashes:
        if row is not None:
            session.delete(row)
        return
    value = json.dumps(sorted(hashes))
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value


def note(session: Session, key: str, hashes: Iterable[str]) -> None:
    """Add hashes to a list (inside the writer's transaction)."""
    new = set(hashes)
    if new:
        current = _read(session, key)
        if not new <= current:
            _write(session, key, current | new)


def pending(store: Store, key: str) -> set[str]:
    """The hashes on a list."""
    with store.read() as session:
        return _read(session, key)


def _done(store: Store, key: str, hashes: set[str]) -> None:
    if not hashes:
        return

    def run(uow: UnitOfWork) -> None:
        _write(uow.session, key, _read(uow.session, key) - hashes)

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
    """Upload the files of pushed attachments that the server lacks."""
    todo = pending(store, TO_UPLOAD)
    if not todo:
        return
    lacking = _server_lacks(send, sorted(todo))
    finished = todo - lacking
    for digest in sorted(lacking):
        if not store.blobs.has(digest):
            # This device never had the file (it came by sync, or was removed): another
            # device that has it will upload it.
            finished.add(digest)
            continue
        data = store.blobs.get(digest)
        status, _body = send("PUT", f"/blobs/{digest}", data, "application/octet-stream")
        if status in (200, 201):
            result.uploaded += 1
            finished.add(digest)
        elif status == 413:
            result.problems.append(
                f"An attachment of {len(data) // (1024 * 1024)} MiB is larger than the server "
                "takes; the others can still see that it exists but cannot open it."
            )
            finished.add(digest)
        else:
            result.problems.append(
                f"The server did not take an attachment (HTTP {status}); it is sent again "
                "at the next sync."
            )
    _done(store, TO_UPLOAD, finished)
    result.waiting += len(todo - finished)


def download(store: Store, send: Send, result: BlobResult) -> None:
    """Fetch the files of pulled attachments that this device lacks, checking each one."""
    todo = {h for h in pending(store, TO_DOWNLOAD)}
    if not todo:
        return
    finished = {h for h in todo if store.blobs.has(h)}
    wanted = sorted(todo - finished)
    on_server = set(wanted) - _server_lacks(send, wanted) if wanted else set()
    for digest in sorted(on_server):
        status, body = send("GET", f"/blobs/{digest}", None, "")
        if status == 404:
            continue  # gone since we asked; the next sync tries again
        if status != 200:
            result.problems.append(
                f"An attachment could not be fetched (HTTP {status}); it is tried again at "
                "the next sync."
            )
            continue
        try:
            verified_put(store, digest, body)
        except BlobError as exc:
            result.problems.append(str(exc))
            continue
        result.downloaded += 1
        finished.add(digest)
    _done(store, TO_DOWNLOAD, finished)
    result.waiting += len(todo - finished)


def verified_put(store: Store, digest: str, data: bytes) -> None:
    """Keep a downloaded file only when its content has the sha256 its row names.

    Raises:
        BlobError: the content does not match; nothing was written.
    """
    actual = hashlib.sha256(data).hexdigest()
    if actual != digest:
        raise BlobError(
            f"A downloaded attachment was damaged or altered on the way (expected sha256 "
            f"{digest[:12]}…, got {actual[:12]}…); it was not kept and is fetched again at "
            "the next sync."
        )
    store.blobs.put(data)
