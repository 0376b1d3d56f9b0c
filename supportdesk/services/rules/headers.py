"""The headers rules may look at, read from a raw message with a size cap."""

from __future__ import annotations

import contextlib
import re
from email.header import decode_header, make_header

#: Only the header block's first bytes are read; a longer block is cut there.
MAX_HEADER_BLOCK = 64 * 1024
MAX_HEADERS = 200
MAX_VALUE = 500

_END = re.compile(rb"\r?\n\r?\n")
_LINE = re.compile(rb"^([!-9;-~]{1,76})[ \t]*:(.*)$")


def _decode(value: bytes) -> str:
    text = value.decode("utf-8", "replace")
    with contextlib.suppress(ValueError, LookupError, UnicodeError):
        text = str(make_header(decode_header(text)))
    return " ".join(text.split())[:MAX_VALUE]


def read_headers(raw: bytes) -> tuple[tuple[str, str], ...]:
    """(lower-case name, decoded one-line value) of each header, in order."""
    block = raw[:MAX_HEADER_BLOCK]
    end = _END.search(block)
    if end is not None:
        block = block[: end.start()]
    out: list[tuple[str, str]] = []
    name: bytes | None = None
    parts: list[bytes] = []

    def flush() -> None:
        if name is not None and len(out) < MAX_HEADERS:
            out.append((name.decode("ascii").lower(), _decode(b" ".join(parts))))

    for line in block.split(b"\n"):
        line = line.rstrip(b"\r")
        if line[:1] in (b" ", b"\t"):
            if name is not None:
                parts.append(line.strip())
            continue
        flush()
        match = _LINE.match(line)
        name, parts = (match.group(1), [match.group(2).strip()]) if match else (None, [])
    flush()
    return tuple(out)
