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


def looks_like_mail(path: Path) -> bool:
    """Whether a path holds email (.eml, mbox, a folder of them) rather than a chat export."""
    if path.is_dir():
        if (path / "cur").is_dir() and (path / "new").is_dir():
            return True  # a Maildir
        mail = 0
        for n, child in enumerate(path.rglob("*")):
            if n >= _WALK_LIMIT:
                break
            name = child.name.lower()
            if name in CHAT_MARKERS:
                return False
            mail += name.endswith(MAIL_SUFFIXES)
        return mail > 0
    suffix = path.suffix.lower()
    if suffix in MAIL_SUFFIXES:
        return True
    if suffix in (".zip", ".json", ".csv", ".txt"):
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192)
    except OSError:
        return False
    if head.startswith(b"From "):
        return True  # an mbox
    lower = b"\n" + head.lower()
    return _HEADER.match(head) is not None and sum(h in lower for h in _MAIL_HEADERS) >= 2
