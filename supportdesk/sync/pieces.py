"""Big JSON answers parsed a value at a time, so the window keeps drawing meanwhile."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from supportdesk.sync.protocol import ProtocolError, loads

#: answers bigger than this are parsed a value at a time (see ``loads_in_pieces``)
PIECEWISE_BYTES = 64 * 1024
#: how many array elements are parsed between two calls of ``step``
PIECES_PER_STEP = 16
_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def loads_in_pieces(raw: bytes, step: Callable[[], None] | None = None) -> Any:
    """Parse JSON like ``protocol.loads``, but a big object's arrays one element at a time.

    One ``json.loads`` of a page of a few megabytes holds the interpreter lock
    for tens of milliseconds, and the window cannot draw meanwhile; parsed
    element by element, other threads get their turn between two rows. The
    result is the same as ``json.loads`` gives.

    Args:
        step: called every ``PIECES_PER_STEP`` elements (the store's foreground pause).

    Raises:
        ProtocolError: it is not JSON.
    """
    if len(raw) < PIECEWISE_BYTES:
        return loads(raw)
    try:
        return _parse_object(raw.decode("utf-8"), step or _no_step)
    except (ValueError, IndexError) as exc:  # JSONDecodeError and UnicodeDecodeError included
        raise ProtocolError(f"not JSON: {exc}") from exc


def _skip(text: str, at: int) -> int:
    match = _SPACE.match(text, at)
    return match.end() if match else at


def _no_step() -> None:
    pass


def _parse_object(text: str, step: Callable[[], None]) -> Any:
    at = _skip(text, 0)
    if text[at] != "{":
        return _DECODER.decode(text)
    out: dict[str, Any] = {}
    at = _skip(text, at + 1)
    if text[at] != "}":
        while True:
            key, at = _DECODER.raw_decode(text, at)
            if not isinstance(key, str):
                raise ValueError(f"an object key that is not a string at {at}")
            at = _skip(text, at)
            if text[at] != ":":
                raise ValueError(f"expected ':' at {at}")
            at = _skip(text, at + 1)
            if text[at] == "[":
                out[key], at = _parse_array(text, at + 1, step)
            else:
                out[key], at = _DECODER.raw_decode(text, at)
            at = _skip(text, at)
            if text[at] == "}":
                break
            if text[at] != ",":
                raise ValueError(f"expected ',' or '}}' at {at}")
            at = _skip(text, at + 1)
    if _skip(text, at + 1) != len(text):
        raise ValueError(f"extra data at {at + 1}")
    return out


def _parse_array(text: str, at: int, step: Callable[[], None]) -> tuple[list[Any], int]:
    items: list[Any] = []
    at = _skip(text, at)
    if text[at] == "]":
        return items, at + 1
    while True:
        item, at = _DECODER.raw_decode(text, at)
        items.append(item)
        if len(items) % PIECES_PER_STEP == 0:
            step()
        at = _skip(text, at)
        if text[at] == "]":
            return items, at + 1
        if text[at] != ",":
            raise ValueError(f"expected ',' or ']' at {at}")
        at = _skip(text, at + 1)
