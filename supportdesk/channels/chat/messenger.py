"""Facebook Messenger / Instagram "Download your information" JSON.

Handles the classic ``message_1.json`` (``sender_name``, ``timestamp_ms``,
``content``, ``photos``...), its Latin-1 mojibake (UTF-8 bytes written as
``\\u00c3\\u00a9``), a UTF-8 BOM, newest-first order, and the newer camelCase
variant (``senderName``, ``timestamp``, ``text``, ``media``). A folder or zip
may hold many threads, each split over ``message_1.json``, ``message_2.json``...
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

from supportdesk.channels.chat._common import (
    Budget,
    ParseOptions,
    People,
    as_dict,
    as_list,
    as_str,
    basename,
    from_epoch,
    guess_mime,
    opt_str,
    relative_member,
    sort_by_time,
)
from supportdesk.channels.chat._io import Source
from supportdesk.channels.chat.model import (
    ChatAttachment,
    ChatLine,
    ChatThread,
    LineKind,
    MediaLocator,
    Participant,
    Transcript,
)

FORMAT = "messenger"

_PART = re.compile(r"(?:^|/)message_\d+\.json$")
_MEDIA_LISTS = ("photos", "videos", "audio_files", "files", "gifs", "media")
_SYSTEM_TYPES = frozenset({"Subscribe", "Unsubscribe", "Call"})


def fix_mojibake(text: str) -> str:
    """Undo Facebook's UTF-8-as-Latin-1 escaping, only when it round-trips."""
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def looks_like(obj: Any) -> bool:
    """True for a parsed Messenger/Instagram thread file."""
    if not isinstance(obj, dict) or not isinstance(obj.get("messages"), list):
        return False
    first = as_dict(obj["messages"][0]) if obj["messages"] else {}
    if not isinstance(obj.get("participants"), list):
        # Some exports (and hand-trimmed files) leave the participants out: the
        # messages' own sender and millisecond time still say what this is.
        return bool(first) and ("sender_name" in first or "senderName" in first) and (
            "timestamp_ms" in first or "timestamp" in first
        )
    if first:
        return any(k in first for k in ("sender_name", "senderName", "timestamp_ms"))
    return "title" in obj or "threadName" in obj or "thread_path" in obj


def thread_members(src: Source) -> dict[str, list[str]]:
    """``message_N.json`` members grouped by their folder (one thread each)."""
    threads: dict[str, list[str]] = {}
    for m in src.members():
        if _PART.search(m):
            threads.setdefault(posixpath.dirname(m), []).append(m)
    return threads


def parse(src: Source, opts: ParseOptions) -> Transcript:
    """Parse one thread file, or every thread in a folder or zip."""
    if src.kind == "file":
        groups = {"": [src.main]}
    else:
        groups = thread_members(src)
        lone = src.only(".json")
        if not groups and lone is not None:
            groups = {"": [lone]}
        if not groups:
            raise src.error(None, "this export has no Messenger message_1.json files")
    warnings: list[str] = []
    budget = Budget(opts.limit)
    chats: list[ChatThread] = []
    media = src.media()
    for folder in sorted(groups):
        parts = sorted(groups[folder], key=_part_no)
        docs = [(m, src.json(m)) for m in parts]
        for m, doc in docs:
            if not looks_like(doc):
                raise src.error(
                    None,
                    'this does not look like a Messenger export: no "messages" with '
                    '"sender_name" and "timestamp_ms"',
                    m,
                )
        resolver = _Resolver(src, docs[0][0], docs[0][1])
        if resolver.root is not None:
            media = MediaLocator("dir", resolver.root)
        chats.append(_thread(docs, resolver, budget))
    budget.note(warnings)
    return Transcript(
        format=FORMAT,
        source_path=src.path,
        chats=chats,
        needs_timezone=False,
        warnings=warnings,
        media=media,
    )


def _part_no(member: str) -> int:
    digits = re.findall(r"\d+", posixpath.basename(member))
    return int(digits[-1]) if digits else 0


class _Resolver:
    """Finds media URIs, which are relative to the export's top folder."""

    def __init__(self, src: Source, member: str, doc: Any) -> None:
        self.src = src
        self.member = member
        self.root: Path | None = None
        if src.kind == "file" and src.media().kind == "dir":
            self.root = self._disk_root(doc)

    def _disk_root(self, doc: Any) -> Path | None:
        uri = next(iter(_uris(doc)), None)
        if uri is None:
            return None
        base = self.src.attachments_from  # the folder the rep confirmed, nothing else
        if base is None:
            return None
        try:
            return base if (base / uri).resolve().is_relative_to(base.resolve()) else None
        except (OSError, ValueError):
            return None

    def attachment(self, uri: str) -> ChatAttachment:
        name = basename(uri) or "attachment"
        member = self._find(uri)
        return ChatAttachment(name, member, guess_mime(name), member is None)

    def _find(self, uri: str) -> str | None:
        uri = uri.replace("\\", "/")
        if self.root is not None:
            rel = relative_member("", uri)
            if rel is not None and (self.root / rel).is_file():
                return rel
            return None
        rel = relative_member(self.member, uri)
        if rel is not None and self.src.has(rel):
            return rel
        folder = posixpath.dirname(self.member)
        while folder:
            folder = posixpath.dirname(folder)
            cand = relative_member(folder + "/x" if folder else "x", uri)
            if cand is not None and self.src.has(cand):
                return cand
        return None


def _uris(doc: Any) -> list[str]:
    out: list[str] = []
    for msg in as_list(as_dict(doc).get("messages"))[:200]:
        m = as_dict(msg)
        for key in _MEDIA_LISTS:
            for item in as_list(m.get(key)):
                uri = as_str(as_dict(item).get("uri"))
                if uri and "://" not in uri:
                    out.append(uri.replace("\\", "/").lstrip("/"))
    return out


def _thread(docs: list[tuple[str, Any]], resolver: _Resolver, budget: Budget) -> ChatThread:
    head = as_dict(docs[0][1])
    people = People()
    for p in as_list(head.get("participants")):
        name = fix_mojibake(as_str(p) or as_str(as_dict(p).get("name")))
        if name:
            people.add(Participant(key=name, name=name))
    lines: list[ChatLine] = []
    for _, doc in docs:
        for raw in as_list(as_dict(doc).get("messages")):
            msg = as_dict(raw)
            line = _line(msg, resolver, people)
            if line is not None:
                lines.append(line)
    lines = sort_by_time(lines)
    kept: list[ChatLine] = []
    for line in lines:
        if not budget.take():
            break
        kept.append(line)
    title = fix_mojibake(as_str(head.get("title")) or as_str(head.get("threadName")))
    return ChatThread(
        source_chat_id=opt_str(head.get("thread_path")),
        title=title or ", ".join(p.name for p in people.all()) or "Messenger chat",
        participants=people.all(),
        lines=kept,
    )


def _line(msg: dict[str, Any], resolver: _Resolver, people: People) -> ChatLine | None:
    when = from_epoch(msg.get("timestamp_ms"), 1000.0)
    if when is None:
        when = from_epoch(msg.get("timestamp"), 1000.0)
    if when is None:
        return None
    name = fix_mojibake(as_str(msg.get("sender_name")) or as_str(msg.get("senderName")))
    key = name or None
    if key is not None:
        people.add(Participant(key=key, name=name))
    text = fix_mojibake(as_str(msg.get("content")) or as_str(msg.get("text")))
    share = as_dict(msg.get("share"))
    link = as_str(share.get("link"))
    if link and link not in text:
        text = f"{text}\n{link}" if text else link
    atts: list[ChatAttachment] = []
    for key_name in _MEDIA_LISTS:
        for item in as_list(msg.get(key_name)):
            uri = as_str(as_dict(item).get("uri"))
            if uri:
                atts.append(resolver.attachment(uri))
    sticker = as_str(as_dict(msg.get("sticker")).get("uri"))
    if sticker:
        atts.append(resolver.attachment(sticker))
    kind: LineKind = "message"
    if msg.get("is_unsent") is True or msg.get("isUnsent") is True:
        kind, text = "system", text or "This message was unsent."
    elif as_str(msg.get("type")) in _SYSTEM_TYPES:
        kind = "system"
    return ChatLine(
        source_id=None,
        time=when,
        author_key=key,
        author_name=name,
        text=text,
        kind=kind,
        attachments=tuple(atts),
        reply_to=None,
        thread_key=None,
        line_no=None,
    )
