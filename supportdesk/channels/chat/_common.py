"""Helpers shared by the format parsers: options, safe JSON access, times, mime."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any, Literal

from supportdesk.channels.chat.model import ChatAttachment, ChatLine, Participant

if TYPE_CHECKING:
    from supportdesk.channels.chat.generic_csv import CsvMapping

DateOrder = Literal["dmy", "mdy", "ymd"]


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """What the caller may tell a parser.

    Attributes:
        tz: zone for naive times (they become aware in it).
        limit: stop after this many lines in all (for previews).
        csv_mapping: which CSV columns hold what (generic CSV only).
        date_order: force day/month order for WhatsApp text.
    """

    tz: tzinfo | None = None
    limit: int | None = None
    csv_mapping: CsvMapping | None = None
    date_order: DateOrder | None = None


# -- safe access to parsed JSON ---------------------------------------------


def as_dict(value: Any) -> dict[str, Any]:
    """The value if it is a JSON object, else an empty dict."""
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    """The value if it is a JSON array, else an empty list."""
    return value if isinstance(value, list) else []


def as_str(value: Any, default: str = "") -> str:
    """A JSON string or number as text; anything else gives ``default``."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return default
    if isinstance(value, int | float):
        return str(value)
    return default


def opt_str(value: Any) -> str | None:
    """A non-empty JSON string or number as text, else None."""
    text = as_str(value)
    return text or None


def dig(obj: Any, path: str) -> Any:
    """Follow a dotted path through nested objects; None when it breaks."""
    for part in path.split("."):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(part)
    return obj


# -- times --------------------------------------------------------------------

_MIN_EPOCH = -2_208_988_800  # 1900-01-01
_MAX_EPOCH = 4_102_444_800  # 2100-01-01
_FRACTION = re.compile(r"(\.\d{6})\d+")


def from_epoch(value: Any, unit: float = 1.0) -> datetime | None:
    """Seconds (or ``unit`` fractions of them) since 1970 as aware UTC, or None."""
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    seconds = value / unit
    if not _MIN_EPOCH <= seconds <= _MAX_EPOCH:
        return None
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def parse_iso(value: Any) -> datetime | None:
    """An ISO 8601 date-time (``Z``, offsets, 1-9 digit fractions) or None."""
    if not isinstance(value, str) or not 10 <= len(value) <= 40:
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    if "." in text:
        text = _FRACTION.sub(r"\1", text)
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        return None
    if not 1900 <= dt.year <= 2100:
        return None
    return dt


def localize(dt: datetime, tz: tzinfo | None) -> datetime:
    """Attach ``tz`` to a naive time; aware times are left alone."""
    if tz is not None and dt.tzinfo is None:
        return dt.replace(tzinfo=tz)
    return dt


# -- attachments --------------------------------------------------------------

_MIME = {
    "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif",
    "webp": "image/webp", "heic": "image/heic", "bmp": "image/bmp", "svg": "image/svg+xml",
    "mp4": "video/mp4", "mov": "video/quicktime", "3gp": "video/3gpp", "webm": "video/webm",
    "mkv": "video/x-matroska", "avi": "video/x-msvideo",
    "mp3": "audio/mpeg", "m4a": "audio/mp4", "aac": "audio/aac", "wav": "audio/wav",
    "ogg": "audio/ogg", "opus": "audio/ogg", "oga": "audio/ogg", "amr": "audio/amr",
    "pdf": "application/pdf", "zip": "application/zip", "txt": "text/plain",
    "csv": "text/csv", "json": "application/json", "md": "text/markdown",
    "vcf": "text/vcard", "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "js": "text/javascript", "html": "text/html", "xml": "application/xml",
}  # fmt: skip


def guess_mime(name: str) -> str | None:
    """A mime type from the file extension (a fixed table, same on every OS)."""
    dot = name.rfind(".")
    if dot < 0:
        return None
    return _MIME.get(name[dot + 1 :].lower())


def basename(path: str) -> str:
    """Last component of a path or URL, whatever its slashes."""
    path = path.replace("\\", "/").split("?", 1)[0].split("#", 1)[0].rstrip("/")
    return posixpath.basename(path) or path


def is_url(text: str) -> bool:
    """True for http(s) and other scheme URLs."""
    return bool(re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", text))


def relative_member(doc_member: str, rel: str) -> str | None:
    """Resolve ``rel`` against the folder of ``doc_member``; None if it escapes."""
    rel = rel.replace("\\", "/")
    if not rel or rel.startswith("/") or is_url(rel) or re.match(r"[A-Za-z]:/", rel):
        return None
    base = posixpath.dirname(doc_member)
    joined = posixpath.normpath(posixpath.join(base, rel))
    if joined.startswith("../") or joined == "..":
        return None
    return joined


def local_attachment(
    src_has: Any, doc_member: str, ref: str, name: str | None = None, mime: str | None = None
) -> ChatAttachment:
    """An attachment named by a path relative to the document (or a URL).

    ``src_has`` is the source's ``has`` method; the attachment is missing when
    the reference is a URL or the file is not in the export.
    """
    member = relative_member(doc_member, ref)
    present = member is not None and bool(src_has(member))
    shown = name or basename(ref) or "attachment"
    return ChatAttachment(
        name=shown,
        member=member if present else None,
        mime=mime or guess_mime(shown),
        missing=not present,
    )


# -- chats ------------------------------------------------------------------------


class People:
    """Collects participants in order of first appearance."""

    def __init__(self) -> None:
        self._by_key: dict[str, Participant] = {}

    def add(self, person: Participant) -> Participant:
        """Register a participant unless the key is known; return the kept one."""
        known = self._by_key.get(person.key)
        if known is None:
            self._by_key[person.key] = person
            return person
        return known

    def get(self, key: str) -> Participant | None:
        """The participant with this key, if any."""
        return self._by_key.get(key)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def all(self) -> tuple[Participant, ...]:
        """Everyone, in order of first appearance."""
        return tuple(self._by_key.values())


def drop_duplicate_ids(lines: list[ChatLine], title: str, warnings: list[str]) -> list[ChatLine]:
    """Keep the first line for each source id, warning about the others."""
    seen: set[str] = set()
    out: list[ChatLine] = []
    dupes: list[ChatLine] = []
    for line in lines:
        sid = line.source_id
        if sid is not None:
            if sid in seen:
                dupes.append(line)
                continue
            seen.add(sid)
        out.append(line)
    if dupes:
        where = _where(dupes)
        warnings.append(
            f"{title}: {len(dupes)} message(s) repeated an id already seen{where}; "
            "kept the first of each"
        )
    return out


def _where(lines: list[ChatLine], most: int = 5) -> str:
    """`` (line 12, 40, …)`` for lines that know where they were, else ``""``."""
    numbers = [str(ln.line_no) for ln in lines if ln.line_no is not None]
    if not numbers:
        ids = [ln.source_id for ln in lines[:most] if ln.source_id]
        return f" (id {', '.join(ids)}{', …' if len(lines) > most else ''})" if ids else ""
    more = ", …" if len(numbers) > most else ""
    return f" (line {', '.join(numbers[:most])}{more})"


class Budget:
    """Counts lines against the preview limit shared by all chats of an export."""

    def __init__(self, limit: int | None) -> None:
        self.left = limit
        self.cut = False

    def take(self) -> bool:
        """Consume one line; False when the limit is reached."""
        if self.left is None:
            return True
        if self.left <= 0:
            self.cut = True
            return False
        self.left -= 1
        return True

    def note(self, warnings: list[str]) -> None:
        """Say in the warnings that the preview stopped early."""
        if self.cut:
            warnings.append("preview: only the first lines were read")


def sort_by_time(lines: list[ChatLine]) -> list[ChatLine]:
    """Lines in time order (stable), comparing naive and aware times safely."""

    def key(line: ChatLine) -> float:
        t = line.time
        if t.tzinfo is None:
            t = t.replace(tzinfo=UTC)
        return t.timestamp()

    return sorted(lines, key=key)
