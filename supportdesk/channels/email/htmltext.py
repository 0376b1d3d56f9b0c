"""Plain text from HTML mail, for previews and the search index.

Regex based and linear in the input (no pattern can backtrack over the whole
document), so hostile HTML costs no more than friendly HTML. The result is
for reading and searching, not a faithful rendering.
"""

from __future__ import annotations

import html
import re

MAX_HTML_CHARS = 2_000_000
"""Longer HTML is cut before conversion."""

_DROP_OPEN = re.compile(r"<(script|style|head|title|template)\b", re.IGNORECASE)
_DROP_CLOSE = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE)
    for name in ("script", "style", "head", "title", "template")
}
_LIST_ITEM = re.compile(r"<li\b[^<>]*>", re.IGNORECASE)
_BLOCK = re.compile(
    r"<br\b[^<>]*>|</?(?:p|div|tr|h[1-6]|ul|ol|dl|dt|dd|table|blockquote|pre|hr|section|article"
    r"|header|footer|center)\b[^<>]*>",
    re.IGNORECASE,
)
_CELL = re.compile(r"</t[dh]\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n(?:\s*\n)+")


def _drop_blocks(source: str) -> str:
    """Remove comments and script/style/head/title blocks, with their contents."""
    out: list[str] = []
    pos = 0
    comment = source.find("<!--")
    block = _DROP_OPEN.search(source)
    while True:
        # Search again only when the last hit was consumed, so this stays linear.
        if 0 <= comment < pos:
            comment = source.find("<!--", pos)
        if block is not None and block.start() < pos:
            block = _DROP_OPEN.search(source, pos)
        if comment < 0 and block is None:
            break
        if block is None or (0 <= comment < block.start()):
            out.append(source[pos:comment])
            end = source.find("-->", comment + 4)
            if end < 0:
                return "".join(out)
            pos = end + 3
            continue
        out.append(source[pos : block.start()])
        close = _DROP_CLOSE[block.group(1).lower()].search(source, block.end())
        if close is None:
            return "".join(out)
        pos = max(close.end(), block.end())
    out.append(source[pos:])
    return "".join(out)


def html_to_text(source: str) -> str:
    """Return readable plain text for an HTML body."""
    text = _drop_blocks(source[:MAX_HTML_CHARS])
    text = _LIST_ITEM.sub("\n- ", text)
    text = _CELL.sub(" ", text)
    text = _BLOCK.sub("\n", text)
    text = _TAG.sub("", text)
    text = html.unescape(text).replace("\r", "")
    text = _SPACES.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
