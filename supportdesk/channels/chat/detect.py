"""Tell which exporter made a file, zip or folder."""

from __future__ import annotations

import posixpath
import re
from typing import Any

from supportdesk.channels.chat import discord, messenger, slack, telegram, whatsapp, widgets
from supportdesk.channels.chat._io import HEAD_BYTES, Source, csv_rows, sniff_delimiter
from supportdesk.channels.chat.model import ChatImportError

FORMATS = (
    "whatsapp", "telegram", "slack", "discord", "discord_csv", "messenger",
    "tawkto", "livechat", "crisp", "csv",
)  # fmt: skip

#: JSON up to this size is parsed whole to be sure of its shape.
_FULL_PARSE_BYTES = 16 << 20
_HINTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("discord", re.compile(r'^\s*\{\s*"guild"\s*:\s*\{')),
    ("telegram", re.compile(r'"date_unixtime"\s*:|"from_id"\s*:\s*"?(?:user|channel)?\d')),
    ("messenger", re.compile(r'"sender_name"\s*:|"timestamp_ms"\s*:|"senderName"\s*:')),
    ("tawkto", re.compile(r'"chat:transcript_created"|"sender"\s*:\s*\{\s*"t"\s*:')),
    ("crisp", re.compile(r'"session_id"\s*:.*"fingerprint"\s*:', re.S)),
    ("livechat", re.compile(r'"author_id"\s*:.*"created_at"\s*:', re.S)),
)


def detect_source(src: Source) -> str:
    """The format name for an opened source, or ChatImportError."""
    if src.kind == "file":
        return _detect_document(src, src.main)
    members = src.members()
    if not members:
        raise src.error(None, "this folder or zip is empty")
    names = {posixpath.basename(m).lower() for m in members}
    if slack.find_root(src) is not None:
        return "slack"
    if "_chat.txt" in names:
        return "whatsapp"
    if telegram.find_result(src) is not None:
        return "telegram"
    if messenger.thread_members(src):
        return "messenger"
    texts = [m for m in members if m.lower().endswith(".txt")]
    chat = whatsapp.find_chat_member(src)
    if chat is not None and whatsapp.sniff(_head_text(src, chat)):
        return "whatsapp"
    docs = [m for m in members if m.lower().endswith((".json", ".csv"))]
    if len(docs) == 1:
        return _detect_document(src, docs[0])
    if not docs and len(texts) == 1:
        return _detect_document(src, texts[0])
    if len(docs) > 1:
        raise _unknown(src, f"it holds {len(docs)} .json/.csv files; choose one of them")
    raise _unknown(src, "no file in it looks like a chat export")


def _unknown(src: Source, why: str, member: str | None = None) -> ChatImportError:
    return src.error(
        None,
        f"cannot tell what kind of export this is ({why}); supported: WhatsApp .txt/.zip, "
        "Telegram result.json, Slack export .zip, DiscordChatExporter .json/.csv, Messenger "
        "message_1.json, tawk.to/LiveChat/Crisp .json, or a CSV with chosen columns",
        member,
    )


def _head_text(src: Source, member: str) -> str:
    head = src.head(member, HEAD_BYTES)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    return head.decode("utf-8", errors="replace").lstrip("\ufeff")


def _detect_document(src: Source, member: str) -> str:
    head = _head_text(src, member)
    if not head.strip():
        raise src.error(None, "the file is empty", member)
    if whatsapp.sniff(head):
        return "whatsapp"
    start = head.lstrip()
    if start[:1] == "{" or _JSON_ARRAY.match(start):
        return _detect_json(src, member, head)
    first_line = head.split("\n", 1)[0]
    if member.lower().endswith(".csv") or _csv_like(first_line):
        _, header = next(csv_rows(src, member, sniff_delimiter(first_line)))
        return "discord_csv" if discord.is_csv_header(header) else "csv"
    shown = first_line.strip()[:60]
    raise _unknown(src, (
        f'tried each format: WhatsApp: the first line "{shown}" does not start with a date '
        "and time; JSON exports (Telegram, Discord, Messenger, chat widgets): it does not "
        "start with { or a JSON list; CSV: the first line has no separated columns"
    ), member)  # fmt: skip


#: A JSON list: "[" then a value (a WhatsApp line starts "[date, time]" instead).
_JSON_ARRAY = re.compile(r'\[\s*(?:[{\["\]]|-?\d+\s*[,\]]|true|false|null)')


_JSON_TRIED = (
    "tried each JSON format: Discord: no channel with messages that have an author; "
    'Messenger/Instagram: no "messages" with "sender_name" and "timestamp_ms"; Telegram: no '
    '"messages" with "from" and "date"; tawk.to/LiveChat/Crisp: none of their fields'
)


def _csv_like(line: str) -> bool:
    delim = sniff_delimiter(line)
    return line.count(delim) >= 2 and len(line) < 2000


def _detect_json(src: Source, member: str, head: str) -> str:
    if src.size(member) <= _FULL_PARSE_BYTES:
        fmt = classify_json(src.json(member, repair=telegram.repair))
        if fmt is None:
            raise _unknown(src, _JSON_TRIED, member)
        return fmt
    for name, pattern in _HINTS:
        if pattern.search(head):
            return name
    if '"messages"' in head and '"type"' in head:
        return "telegram"
    raise _unknown(src, "the start of the JSON has none of the expected fields", member)


def classify_json(obj: Any) -> str | None:
    """The format of a parsed JSON document, or None."""
    if discord.looks_like(obj):
        return "discord"
    if messenger.looks_like(obj):
        return "messenger"
    if telegram.looks_like(obj):
        return "telegram"
    found = widgets.detect(obj)
    if found is not None:
        return found
    return None
