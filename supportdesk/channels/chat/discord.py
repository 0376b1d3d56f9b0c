"""DiscordChatExporter exports: JSON (``guild``/``channel``/``messages``) and CSV.

JSON attachments are URLs or, with "download assets", paths relative to the
JSON file (Windows backslashes allowed). The CSV has the columns
``AuthorID,Author,Date,Content,Attachments,Reactions``; its dates are ISO 8601
in recent versions and local ``dd-MMM-yy hh:mm tt`` in old ones.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from supportdesk.channels.chat._common import (
    Budget,
    ParseOptions,
    People,
    as_dict,
    as_list,
    as_str,
    drop_duplicate_ids,
    local_attachment,
    localize,
    opt_str,
    parse_iso,
)
from supportdesk.channels.chat._io import Source, csv_rows
from supportdesk.channels.chat.model import (
    ChatAttachment,
    ChatLine,
    ChatThread,
    LineKind,
    Participant,
    Transcript,
)

FORMAT = "discord"
FORMAT_CSV = "discord_csv"
CSV_HEADER = ["AuthorID", "Author", "Date", "Content", "Attachments", "Reactions"]

_MESSAGE_TYPES = frozenset({"Default", "Reply", "ChatInputCommand", "ContextMenuCommand"})
_CHANNEL_ID = re.compile(r"\[(\d{5,})\]")
_LEGACY_FORMATS = (
    "%d-%b-%y %I:%M %p", "%d-%b-%y %H:%M", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %I:%M:%S %p",
    "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M",
)  # fmt: skip


def looks_like(obj: Any) -> bool:
    """True for a parsed DiscordChatExporter JSON document."""
    return (
        isinstance(obj, dict)
        and isinstance(obj.get("channel"), dict)
        and isinstance(obj.get("messages"), list)
        and ("guild" in obj or "exportedAt" in obj)
    )


def is_csv_header(row: list[str]) -> bool:
    """True for the DiscordChatExporter CSV header row."""
    return [c.strip().lstrip("\ufeff") for c in row[:6]] == CSV_HEADER


def parse(src: Source, opts: ParseOptions) -> Transcript:
    """Parse a DiscordChatExporter JSON file."""
    member = src.single(".json")
    data = src.json(member)
    if not looks_like(data):
        raise src.error(
            None,
            'this does not look like a DiscordChatExporter export: no "channel" and "messages"',
            member,
        )
    guild = as_dict(data.get("guild"))
    channel = as_dict(data.get("channel"))
    title = _title(guild, channel)
    warnings: list[str] = []
    budget = Budget(opts.limit)
    people = People()
    lines: list[ChatLine] = []
    skipped = 0
    for raw in as_list(data.get("messages")):
        msg = as_dict(raw)
        when = parse_iso(msg.get("timestamp"))
        if when is None:
            skipped += 1
            continue
        if not budget.take():
            break
        lines.append(_line(src, member, msg, localize(when, opts.tz), people))
    if skipped:
        warnings.append(f"{title}: {skipped} message(s) without a readable time were skipped")
    budget.note(warnings)
    chat = ChatThread(
        source_chat_id=opt_str(channel.get("id")),
        title=title,
        participants=people.all(),
        lines=drop_duplicate_ids(lines, title, warnings),
    )
    return Transcript(
        format=FORMAT,
        source_path=src.path,
        chats=[chat],
        needs_timezone=any(line.time.tzinfo is None for line in lines),
        warnings=warnings,
        media=src.media(),
    )


def _title(guild: dict[str, Any], channel: dict[str, Any]) -> str:
    name = as_str(channel.get("name")) or as_str(channel.get("id")) or "Discord channel"
    gname = as_str(guild.get("name"))
    if gname and gname != "Direct Messages":
        return f"{gname} / #{name}"
    return name


def _line(
    src: Source, member: str, msg: dict[str, Any], when: datetime, people: People
) -> ChatLine:
    author = as_dict(msg.get("author"))
    key = as_str(author.get("id")) or None
    name = as_str(author.get("nickname")) or as_str(author.get("name"))
    if key is not None:
        handle = as_str(author.get("name")) or None
        disc = as_str(author.get("discriminator"))
        if handle and disc and disc.strip("0"):
            handle = f"{handle}#{disc}"
        people.add(Participant(key=key, name=name or key, handle=handle))
    kind: LineKind = "message" if as_str(msg.get("type"), "Default") in _MESSAGE_TYPES else "system"
    atts: list[ChatAttachment] = []
    for raw in as_list(msg.get("attachments")):
        a = as_dict(raw)
        ref = as_str(a.get("url"))
        if ref:
            atts.append(local_attachment(src.has, member, ref, opt_str(a.get("fileName"))))
    for raw in as_list(msg.get("stickers")):
        s = as_dict(raw)
        ref = as_str(s.get("sourceUrl"))
        if ref:
            ext = as_str(s.get("format")).lower().replace("apng", "png").replace("lottie", "json")
            label = f"{as_str(s.get('name'), 'sticker')}.{ext or 'png'}"
            atts.append(local_attachment(src.has, member, ref, label))
    ref_id = opt_str(as_dict(msg.get("reference")).get("messageId"))
    return ChatLine(
        source_id=opt_str(msg.get("id")),
        time=when,
        author_key=key,
        author_name=name,
        text=as_str(msg.get("content")),
        kind=kind,
        attachments=tuple(atts),
        reply_to=ref_id,
        thread_key=None,
        line_no=None,
    )


def parse_csv(src: Source, opts: ParseOptions) -> Transcript:
    """Parse a DiscordChatExporter CSV file."""
    member = src.single(".csv")
    rows = csv_rows(src, member, ",")
    _, header = next(rows)
    if not is_csv_header(header):
        raise src.error(
            1, "this does not look like a DiscordChatExporter CSV: unexpected column names", member
        )
    warnings: list[str] = []
    budget = Budget(opts.limit)
    people = People()
    lines: list[ChatLine] = []
    fmt_cache: list[str] = []
    for line_no, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 4:
            raise src.error(line_no, "this row has fewer than 4 columns", member)
        if not budget.take():
            break
        author_id, author, date, content = row[0], row[1], row[2], row[3]
        when = _csv_time(date, fmt_cache)
        if when is None:
            raise src.error(line_no, f"cannot read the date {date[:40]!r}", member)
        when = localize(when, opts.tz)
        key = author_id or author or None
        if key is not None:
            people.add(Participant(key=key, name=author or key, handle=author or None))
        atts = tuple(
            local_attachment(src.has, member, url.strip())
            for url in (row[4].split(",") if len(row) > 4 else [])
            if url.strip()
        )
        lines.append(
            ChatLine(None, when, key, author, content, "message", atts, None, None, line_no)
        )
    budget.note(warnings)
    stem = src.path.name if src.kind == "file" else member.rsplit("/", 1)[-1]
    found = _CHANNEL_ID.search(stem)
    chat = ChatThread(
        source_chat_id=found.group(1) if found else None,
        title=stem.rsplit(".", 1)[0],
        participants=people.all(),
        lines=lines,
    )
    return Transcript(
        format=FORMAT_CSV,
        source_path=src.path,
        chats=[chat],
        needs_timezone=any(line.time.tzinfo is None for line in lines),
        warnings=warnings,
        media=src.media(),
    )


def _csv_time(text: str, fmt_cache: list[str]) -> datetime | None:
    text = text.strip()
    iso = parse_iso(text)
    if iso is not None:
        return iso
    for fmt in fmt_cache + [f for f in _LEGACY_FORMATS if f not in fmt_cache]:
        try:
            when = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if fmt not in fmt_cache:
            fmt_cache.insert(0, fmt)
        return when
    return None
