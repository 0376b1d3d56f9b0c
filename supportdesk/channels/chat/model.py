"""Plain data produced by the chat-export parsers (no I/O beyond attachments)."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

LineKind = Literal["message", "system"]

#: Largest attachment :meth:`Transcript.open_attachment` reads, unless told otherwise.
MAX_ATTACHMENT_BYTES = 256 * 1024 * 1024


class ChatImportError(Exception):
    """An export that cannot be read, explained in plain words for a support rep.

    Attributes:
        path: the file or folder the rep picked (None for in-memory data).
        line: 1-based line in the text or JSON where the problem is, when known.
        member: the file inside a zip or folder that holds the problem, if any.
        reason: the explanation without the location.
    """

    def __init__(
        self,
        path: Path | str | None,
        line: int | None,
        reason: str,
        *,
        member: str | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.line = line
        self.member = member
        self.reason = reason
        super().__init__(self._render())

    def _render(self) -> str:
        parts: list[str] = []
        where = self.path.name if self.path is not None else ""
        if self.member and self.member != where:
            where = f"{where} ({self.member})" if where else self.member
        if where:
            parts.append(where)
        if self.line is not None:
            parts.append(f"line {self.line}")
        parts.append(self.reason)
        return ": ".join(parts)


@dataclass(frozen=True, slots=True)
class ChatAttachment:
    """A file a message refers to.

    ``member`` is the path of the file inside the export (zip member or path
    relative to the export folder); ``missing`` is True when the export only
    names the file (``<Media omitted>``, a URL that is never fetched, a file
    left out of the zip).
    """

    name: str
    member: str | None
    mime: str | None
    missing: bool


@dataclass(frozen=True, slots=True)
class Participant:
    """Someone who wrote in a chat; ``is_agent`` is None unless the format says."""

    key: str
    name: str
    handle: str | None = None
    phone: str | None = None
    is_agent: bool | None = None


@dataclass(frozen=True, slots=True)
class ChatLine:
    """One message or system notice.

    ``time`` is timezone-aware when the export carries an offset or an epoch,
    naive (the sender's wall clock) otherwise. ``line_no`` is the 1-based line
    of the message's first line in text formats, None for JSON formats.
    """

    source_id: str | None
    time: datetime
    author_key: str | None
    author_name: str
    text: str
    kind: LineKind = "message"
    attachments: tuple[ChatAttachment, ...] = ()
    reply_to: str | None = None
    thread_key: str | None = None
    line_no: int | None = None


@dataclass(frozen=True, slots=True)
class ChatThread:
    """One conversation (a WhatsApp chat, a Slack channel, a widget session)."""

    source_chat_id: str | None
    title: str
    participants: tuple[Participant, ...]
    lines: list[ChatLine]


@dataclass(frozen=True, slots=True)
class MediaLocator:
    """Where attachment members live: inside a zip, under a folder, or nowhere."""

    kind: Literal["zip", "dir", "none"]
    container: Path | None = None


NO_MEDIA = MediaLocator("none")


@dataclass(frozen=True, slots=True)
class Transcript:
    """Everything one export yielded.

    ``needs_timezone`` is True when some times are naive, so the import dialog
    should ask which zone the phone or exporter was in.
    """

    format: str
    source_path: Path
    chats: list[ChatThread]
    needs_timezone: bool
    warnings: list[str] = field(default_factory=list)
    media: MediaLocator = NO_MEDIA

    @property
    def line_count(self) -> int:
        """Number of lines over all chats."""
        return sum(len(chat.lines) for chat in self.chats)

    def open_attachment(
        self, att: ChatAttachment, *, max_bytes: int = MAX_ATTACHMENT_BYTES
    ) -> bytes | None:
        """Return the attachment's bytes, or None when the export lacks them."""
        if att.missing or att.member is None or self.media.container is None:
            return None
        if self.media.kind == "zip":
            return _read_zip_member(self.media.container, att.member, max_bytes)
        if self.media.kind == "dir":
            return _read_dir_member(self.media.container, att.member, max_bytes)
        return None


def _read_zip_member(container: Path, member: str, max_bytes: int) -> bytes | None:
    try:
        with zipfile.ZipFile(container) as zf:
            info = zf.getinfo(member)
            if info.file_size > max_bytes:
                return None
            with zf.open(info) as fh:
                return fh.read(max_bytes + 1)[:max_bytes]
    except (OSError, KeyError, zipfile.BadZipFile, ValueError, EOFError, RuntimeError):
        return None


def _read_dir_member(container: Path, member: str, max_bytes: int) -> bytes | None:
    try:
        root = container.resolve()
        target = (root / member).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            return None
        if target.stat().st_size > max_bytes:
            return None
        return target.read_bytes()
    except (OSError, ValueError):
        return None


def _digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def line_key(channel_key: str, line: ChatLine, occurrence: int = 0) -> str:
    """Stable dedupe key for a line (64 hex digits).

    The transcript's own id when it has one; otherwise a hash of the channel,
    the wall-clock time as the export wrote it, the author's name and the text,
    so a re-import or an overlapping later export yields the same keys.
    ``occurrence`` tells apart identical lines (same minute, author and text);
    :func:`line_keys` counts it for you.
    """
    if line.source_id is not None:
        return _digest("id", channel_key, line.source_id)
    wall = line.time.replace(tzinfo=None).isoformat()
    parts = ["line", channel_key, wall, line.author_name, line.text]
    if occurrence:
        parts.append(str(occurrence))
    return _digest(*parts)


def line_keys(channel_key: str, lines: Iterable[ChatLine]) -> list[str]:
    """Keys for a chat's lines, numbering repeats of identical id-less lines."""
    seen: dict[str, int] = {}
    keys: list[str] = []
    for line in lines:
        base = line_key(channel_key, line)
        if line.source_id is None:
            n = seen.get(base, 0)
            seen[base] = n + 1
            if n:
                base = line_key(channel_key, line, n)
        keys.append(base)
    return keys
