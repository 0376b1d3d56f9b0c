"""Safe file names for attachments."""

from __future__ import annotations

import re
import unicodedata

MAX_FILENAME_BYTES = 200

_FILENAME_BAD = re.compile(
    r'[\x00-\x1f\x7f-\x9f<>:"/\\|?*\u2028\u2029]|[\u200e\u200f\u202a-\u202e\u2066-\u2069]'
)
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)


def safe_filename(name: str) -> str:
    """Return a file name safe on every desktop OS; keeps Unicode, never empty.

    Drops any path, NUL and control characters, bidi overrides, characters
    Windows forbids, leading dots and trailing dots/spaces; renames reserved
    Windows device names; caps the length (keeping the extension).
    """
    name = unicodedata.normalize("NFC", name)
    name = re.split(r"[/\\]", name)[-1]
    name = _FILENAME_BAD.sub(lambda m: "" if m.group() > "\u2000" else "_", name)
    name = name.strip().lstrip(".").rstrip(". ")
    if name.partition(".")[0].strip().lower() in _WINDOWS_RESERVED:
        name = f"_{name}"
    if len(name.encode("utf-8")) > MAX_FILENAME_BYTES:
        stem, dot, ext = name.rpartition(".")
        if not dot or len(ext) > 16:
            stem, ext = name, ""
        keep = MAX_FILENAME_BYTES - len(ext.encode("utf-8")) - 1
        stem = stem.encode("utf-8")[:keep].decode("utf-8", "ignore").rstrip(". ")
        name = f"{stem}.{ext}" if ext else stem
    return name or "attachment"
