"""Telling email files from chat exports, for the one ``import`` command and dialog."""

from __future__ import annotations

import re
from pathlib import Path

MAIL_SUFFIXES = (".eml", ".mbox", ".mbx", ".mbs")
#: Files that only chat exports hold (a folder holding one is never a mail folder).
CHAT_MARKERS = frozenset({"_chat.txt", "result.json", "users.json", "channels.json",
                          "message_1.json"})  # fmt: skip
_HEADER = re.compile(rb"[A-Za-z][A-Za-z0-9-]*:[ \t]")
_MAIL_HEADERS = (b"\nfrom:", b"\nmessage-id:", b"\nsubject:", b"\ndate:", b"\nreceived:")
_WALK_LIMIT = 5_000
#: Files whose content is not looked at when telling mail from chat: chat exports' own kinds.
_CHAT_SUFFIXES = frozenset({".zip", ".json", ".csv", ".html", ".htm"})
#: At most this many files of a folder are opened to tell mail from chat.
_SNIFF_LIMIT = 200


def looks_like_mail(path: Path) -> bool:
    """Whether a path holds email (.eml, mbox, a folder of them) rather than a chat export."""
    if path.is_dir():
        if (path / "cur").is_dir() and (path / "new").is_dir():
            return True  # a Maildir
        mail = other = 0
        for n, child in enumerate(path.rglob("*")):
            if n >= _WALK_LIMIT:
                break
            name = child.name.lower()
            if name in CHAT_MARKERS:
                return False
            if name.startswith(".") or not child.is_file():
                continue
            if name.endswith(MAIL_SUFFIXES):
                mail += 1
            elif child.suffix.lower() in _CHAT_SUFFIXES or mail + other >= _SNIFF_LIMIT:
                other += 1
            elif _mail_content(child):  # .txt, no extension, anything else: by content
                mail += 1
            else:
                other += 1
        return mail > 0 and mail >= other
    suffix = path.suffix.lower()
    if suffix in MAIL_SUFFIXES:
        return True
    if suffix in _CHAT_SUFFIXES:
        return False
    return _mail_content(path)


def _mail_content(path: Path) -> bool:
    """Whether a file starts like an mbox or an RFC 822 message, whatever its name."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192)
    except OSError:
        return False
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if head.startswith(b"From ") and b"\n" in head:
        first, _, rest = head.partition(b"\n")
        return b"@" in first or _looks_like_headers(rest)  # an mbox
    return _looks_like_headers(head)


def _looks_like_headers(head: bytes) -> bool:
    lower = b"\n" + head.lower()
    return _HEADER.match(head) is not None and sum(h in lower for h in _MAIL_HEADERS) >= 2
