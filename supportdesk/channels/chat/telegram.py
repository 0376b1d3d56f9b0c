"""Telegram Desktop JSON export (``result.json``): one chat or the whole account.

Repairs two known Telegram Desktop bugs before giving up on the JSON: control
characters written as ``\\xNN`` (invalid JSON escapes) and unquoted
``document_id`` values of custom emoji.
"""

from __future__ import annotations

import json
import posixpath
import re
from typing import Any

from supportdesk.channels.chat._common import (
    Budget,
    ParseOptions,
    People,
    as_dict,
    as_list,
    as_str,
    drop_duplicate_ids,
    from_epoch,
    local_attachment,
    localize,
    opt_str,
    parse_iso,
)
from supportdesk.channels.chat._io import Source
from supportdesk.channels.chat.model import (
    ChatAttachment,
    ChatLine,
    ChatThread,
    Participant,
    Transcript,
)

FORMAT = "telegram"

CHAT_TYPES = frozenset(
    {
        "personal_chat", "private_group", "private_supergroup", "public_supergroup",
        "private_channel", "public_channel", "saved_messages", "bot_chat", "replies",
        "verification_codes",
    }
)  # fmt: skip
_HEX_RUN = re.compile(r"(?<!\\)((?:\\\\)*)((?:\\x[0-9A-Fa-f]{2})+)")
_BARE_DOC_ID = re.compile(r'("document_id"\s*:\s*)([^"\s\-\d\[{tfn][^\n]*?)(\s*\n)')
_NOT_INCLUDED = "(File not included"
_MEDIA_KEYS = ("photo", "file")


def repair(text: str) -> str:
    """Fix Telegram Desktop's invalid JSON: ``\\xNN`` escapes, bare document ids."""
    if "\\x" in text:
        text = _HEX_RUN.sub(_hex_to_json, text)
    if '"document_id"' in text:
        text = _BARE_DOC_ID.sub(lambda m: m.group(1) + json.dumps(m.group(2)) + m.group(3), text)
    return text


def _hex_to_json(m: re.Match[str]) -> str:
    raw = bytes(int(h, 16) for h in m.group(2).split("\\x")[1:])
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        decoded = raw.decode("latin-1")
    return m.group(1) + json.dumps(decoded)[1:-1]


def looks_like(obj: Any) -> bool:
    """True for a parsed Telegram single-chat or whole-account export."""
    if not isinstance(obj, dict):
        return False
    if isinstance(obj.get("chats"), dict) and "list" in obj["chats"]:
        return True
    messages = obj.get("messages")
    if not isinstance(messages, list):
        return False
    if as_str(obj.get("type")) in CHAT_TYPES:
        return True
    first = messages[0] if messages and isinstance(messages[0], dict) else {}
    return first.get("type") in ("message", "service") and (
        "date" in first or "date_unixtime" in first
    )


def find_result(src: Source) -> str | None:
    """The ``result.json`` inside a folder or zip (shallowest wins)."""
    found = [m for m in src.members() if posixpath.basename(m).lower() == "result.json"]
    return min(found, key=lambda m: m.count("/")) if found else None


def parse(src: Source, opts: ParseOptions) -> Transcript:
    """Parse a Telegram Desktop export (result.json, its folder, or a zip)."""
    member = src.main if src.kind == "file" else find_result(src) or src.only(".json")
    if member is None:
        raise src.error(None, "this export has no Telegram result.json")
    data = src.json(member, repair=repair)
    if not looks_like(data):
        raise src.error(
            None, 'this does not look like a Telegram export: no "messages" list', member
        )
    root = as_dict(data)
    raw_chats: list[Any]
    if isinstance(root.get("chats"), dict):
        raw_chats = as_list(as_dict(root["chats"]).get("list"))
        raw_chats += as_list(as_dict(root.get("left_chats")).get("list"))
    else:
        raw_chats = [root]
    warnings: list[str] = []
    budget = Budget(opts.limit)
    chats: list[ChatThread] = []
    naive = False
    for raw in raw_chats:
        chat = as_dict(raw)
        if not chat:
            continue
        thread, chat_naive = _chat(src, member, chat, opts, budget, warnings)
        naive = naive or chat_naive
        chats.append(thread)
    budget.note(warnings)
    return Transcript(
        format=FORMAT,
        source_path=src.path,
        chats=chats,
        needs_timezone=naive,
        warnings=warnings,
        media=src.media(),
    )


def _chat(
    src: Source,
    member: str,
    chat: dict[str, Any],
    opts: ParseOptions,
    budget: Budget,
    warnings: list[str],
) -> tuple[ChatThread, bool]:
    chat_id = opt_str(chat.get("id"))
    title = as_str(chat.get("name")) or (
        "Saved Messages" if chat.get("type") == "saved_messages" else f"Telegram chat {chat_id}"
    )
    people = People()
    lines: list[ChatLine] = []
    naive = False
    skipped = 0
    for raw in as_list(chat.get("messages")):
        msg = as_dict(raw)
        if not msg:
            continue
        when = from_epoch(msg.get("date_unixtime"))
        if when is None:
            when = parse_iso(msg.get("date"))
            if when is None:
                skipped += 1
                continue
            when = localize(when, opts.tz)
            naive = naive or when.tzinfo is None
        if not budget.take():
            break
        lines.append(_line(src, member, msg, when, people))
    if skipped:
        warnings.append(f"{title}: {skipped} message(s) without a readable date were skipped")
    lines = drop_duplicate_ids(lines, title, warnings)
    thread = ChatThread(source_chat_id=chat_id, title=title, participants=people.all(), lines=lines)
    return thread, naive


def _user_key(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return f"user{value}"
    return opt_str(value)


def _line(src: Source, member: str, msg: dict[str, Any], when: Any, people: People) -> ChatLine:
    service = msg.get("type") == "service"
    name_field, id_field = ("actor", "actor_id") if service else ("from", "from_id")
    name = as_str(msg.get(name_field))
    key = _user_key(msg.get(id_field)) or (name or None)
    if key is not None:
        people.add(Participant(key=key, name=name or key))
    text = flatten_text(msg.get("text"))
    if not text:
        text = _describe_action(msg, name) if service else _extra_text(msg)
    return ChatLine(
        source_id=opt_str(msg.get("id")),
        time=when,
        author_key=key,
        author_name=name,
        text=text,
        kind="system" if service else "message",
        attachments=_attachments(src, member, msg),
        reply_to=opt_str(msg.get("reply_to_message_id")),
        thread_key=None,
        line_no=None,
    )


def flatten_text(value: Any) -> str:
    """Telegram ``text``: a string, or a list of strings and ``{type, text}`` parts."""
    if isinstance(value, str):
        return value
    parts: list[str] = []
    for part in as_list(value):
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict):
            parts.append(as_str(part.get("text")))
    return "".join(parts)


def _describe_action(msg: dict[str, Any], actor: str) -> str:
    action = as_str(msg.get("action")).replace("_", " ")
    bits = [b for b in (actor, action) if b]
    title = as_str(msg.get("title"))
    if title:
        bits.append(f'"{title}"')
    members = [as_str(m) for m in as_list(msg.get("members")) if as_str(m)]
    if members:
        bits.append(", ".join(members))
    return " ".join(bits)


def _extra_text(msg: dict[str, Any]) -> str:
    poll = as_dict(msg.get("poll"))
    if poll:
        answers = [as_str(as_dict(a).get("text")) for a in as_list(poll.get("answers"))]
        return "\n".join([as_str(poll.get("question")), *[f"- {a}" for a in answers if a]])
    contact = as_dict(msg.get("contact_information"))
    if contact:
        who = " ".join(as_str(contact.get(k)) for k in ("first_name", "last_name")).strip()
        return f"{who} {as_str(contact.get('phone_number'))}".strip()
    place = as_dict(msg.get("location_information"))
    if place:
        return f"location: {as_str(place.get('latitude'))}, {as_str(place.get('longitude'))}"
    return ""


def _attachments(src: Source, member: str, msg: dict[str, Any]) -> tuple[ChatAttachment, ...]:
    out: list[ChatAttachment] = []
    for key in _MEDIA_KEYS:
        ref = msg.get(key)
        if not isinstance(ref, str) or not ref:
            continue
        name = opt_str(msg.get("file_name")) if key == "file" else None
        mime = opt_str(msg.get("mime_type")) if key == "file" else None
        if ref.startswith(_NOT_INCLUDED) or ref.startswith("(File unavailable"):
            shown = name or opt_str(msg.get("media_type")) or key
            out.append(ChatAttachment(shown, None, mime, True))
            continue
        out.append(local_attachment(src.has, member, ref, name, mime))
    return tuple(out)
