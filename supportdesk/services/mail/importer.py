"""Import mail from files: single messages (.eml, .txt, no extension), folders, Maildirs, mbox.

``import_mail_path`` is what ``supportdesk import`` calls for mail. Every
message that looks like mail is stored (with notes when it was damaged) and
its raw bytes kept; items that are not mail at all are listed as failed with
the reason, and their bytes are kept in the blob store too. Importing the
same files again adds nothing: ids come from the Message-ID.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from supportdesk.services.mail.ingest import MAILBOX_IMPORT, Ingestor, IngestOutcome
from supportdesk.store import Store

#: ``progress(done, total)``: bytes of input read so far, and in all.
Progress = Callable[[int, int], None]

MBOX_SUFFIXES = frozenset({".mbox", ".mbx", ".mbs"})
MAX_MESSAGE_BYTES = 64 * 1024 * 1024

_BOM = b"\xef\xbb\xbf"
_HEADER_LINE = re.compile(rb"[!-9;-~]+[ \t]*:")
_QUOTED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)


@dataclass
class ImportSummary:
    """What an import did.

    Attributes:
        added: messages stored now.
        duplicates: messages skipped because they were already stored.
        failed: ``(item, reason)`` for each file or mbox entry not stored.
        with_problems: stored messages that carry a note about damage.
        conversations: conversations that received mail.
        cancelled: the import was stopped before the end.
    """

    added: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    with_problems: int = 0
    conversations: set[str] = field(default_factory=set)
    cancelled: bool = False

    def as_json(self) -> dict[str, Any]:
        """A machine-readable summary (for ``--json``)."""
        return {
            "added": self.added,
            "skipped_duplicates": self.duplicates,
            "failed": [{"item": item, "reason": reason} for item, reason in self.failed],
            "with_problems": self.with_problems,
            "conversations": len(self.conversations),
            "cancelled": self.cancelled,
        }


def not_mail_reason(raw: bytes) -> str | None:
    """Why ``raw`` is not an email message at all, or None when it looks like one."""
    if not raw.strip():
        return "the file is empty"
    start = 0
    if raw.startswith(b"From "):
        start = raw.find(b"\n") + 1 or len(raw)
    head = raw[start : start + 8192].lstrip(b"\r\n")
    if b"\x00" in head[:2048]:
        return (
            "this is not an email message: it holds binary data where mail headers "
            "should be"
        )
    if not _HEADER_LINE.match(head):
        return (
            "this is not an email message: it does not start with mail header lines "
            "(such as From: or Subject:)"
        )
    return None


def _mbox_messages(fh: BinaryIO) -> Iterator[tuple[bytes, int]]:
    """Split an mbox file into messages; yields (raw, bytes consumed so far)."""
    current: list[bytes] = []
    size = 0
    consumed = 0
    previous_blank = True
    for line in fh:
        consumed += len(line)
        if line.startswith(b"From ") and previous_blank:
            if current:
                yield _finish_mbox_message(current), consumed - len(line)
            current, size, previous_blank = [], 0, False
            continue
        previous_blank = line in (b"\n", b"\r\n")
        if size <= MAX_MESSAGE_BYTES:
            current.append(line)
            size += len(line)
    if current:
        yield _finish_mbox_message(current), consumed


def _finish_mbox_message(lines: list[bytes]) -> bytes:
    """Drop the blank line that separates mbox entries and undo >From quoting."""
    if lines and lines[-1] in (b"\n", b"\r\n"):
        lines = lines[:-1]
    raw = b"".join(lines)
    if b">From " in raw:
        raw = _QUOTED_FROM.sub(rb"\1", raw)
    return raw


def _is_mbox(path: Path, head: bytes) -> bool:
    return head.startswith(b"From ") or path.suffix.lower() in MBOX_SUFFIXES


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(
            p
            for p in path.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
    return [path]


class _Run:
    def __init__(
        self, store: Store, progress: Progress | None, cancel: threading.Event | None
    ) -> None:
        self.store = store
        self.summary = ImportSummary()
        self.progress = progress
        self.cancel = cancel
        self.ingestor = Ingestor(store)
        self.done = 0
        self.total = 0

    def cancelled(self) -> bool:
        if self.cancel is not None and self.cancel.is_set():
            self.summary.cancelled = True
        return self.summary.cancelled

    def tell(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.total)

    def count(self, outcomes: list[IngestOutcome]) -> None:
        for outcome in outcomes:
            if outcome.status == "duplicate":
                self.summary.duplicates += 1
            else:
                self.summary.added += 1
                self.summary.with_problems += outcome.problems > 0
                self.summary.conversations.add(outcome.conversation_id)

    def message(self, raw: bytes, item: str) -> None:
        if raw.startswith(_BOM):  # mail saved by an editor as "UTF-8 with BOM"
            raw = raw[len(_BOM) :]
        reason = not_mail_reason(raw)
        if reason is not None:
            if raw.strip():
                kept = self.store.blobs.put(raw)
                reason += f" (its bytes were kept as blob {kept[:12]})"
            self.summary.failed.append((item, reason))
            return
        self.count(self.ingestor.add(raw, mailbox_key=MAILBOX_IMPORT, source=item))

    def file(self, path: Path) -> None:
        item = str(path)
        try:
            size = path.stat().st_size
            with path.open("rb") as fh:
                head = fh.read(5)
                fh.seek(0)
                if size and _is_mbox(path, head):
                    self.mbox(fh, item)
                elif size > MAX_MESSAGE_BYTES:
                    self.summary.failed.append(
                        (item, f"the file is larger than {MAX_MESSAGE_BYTES >> 20} MB")
                    )
                else:
                    self.message(fh.read(), item)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            self.summary.failed.append((item, f"the file could not be read ({reason})"))
            size = 0
        self.done += size
        self.tell()

    def mbox(self, fh: BinaryIO, item: str) -> None:
        start = self.done
        for number, (raw, consumed) in enumerate(_mbox_messages(fh), start=1):
            if self.cancelled():
                return
            self.message(raw, f"{item} #{number}")
            if number % 200 == 0 and self.progress is not None:
                self.progress(start + consumed, self.total)


def import_mail_path(
    store: Store,
    path: Path,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ImportSummary:
    """Import .eml files, folders of them (searched recursively) or mbox files.

    Blocking: run it in a worker thread, never on the store's writer or the
    GUI thread.

    Args:
        store: the profile's store.
        path: a file or a folder.
        progress: called with (bytes read, total bytes) as the import goes.
        cancel: set it to stop; what was read so far is kept.

    Returns:
        Counts of added and duplicate messages, and each failed item with the
        reason in plain words. A missing path is one failed item.
    """
    path = Path(path)
    run = _Run(store, progress, cancel)
    if not path.exists():
        run.summary.failed.append((str(path), "there is no such file or folder"))
        return run.summary
    files = _files(path)
    for file in files:
        try:
            run.total += file.stat().st_size
        except OSError:
            continue
    run.tell()
    try:
        for file in files:
            if run.cancelled():
                break
            run.file(file)
    finally:
        run.count(run.ingestor.flush())
    if path.is_dir() and not files:
        run.summary.failed.append((str(path), "the folder holds no files"))
    return run.summary

