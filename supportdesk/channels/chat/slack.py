"""Slack workspace export (zip or its folder): users.json, channels.json, day files.

Each channel folder holds one JSON array per day (``general/2024-01-02.json``).
Threads map ``thread_ts`` to ``thread_key``; join/leave/topic notices and bot
posts become system lines; tombstones and edits-in-place are skipped with a
warning. In Slack Connect (shared) channels, members of the exporting
workspace are agents and people from other teams are customers.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections import Counter
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
    guess_mime,
    opt_str,
)
from supportdesk.channels.chat._io import Source
from supportdesk.channels.chat.model import (
    ChatAttachment,
    ChatLine,
    ChatThread,
    Participant,
    Transcript,
)

FORMAT = "slack"

_DAY_FILE = re.compile(r"(?:.*/)?([^/]+)/(\d{4}-\d{2}-\d{2})\.json")
_LISTS = (("channels.json", "name"), ("groups.json", "name"), ("mpims.json", "name"),
          ("dms.json", "id"))  # fmt: skip
_SYSTEM = frozenset(
    {
        "channel_join", "channel_leave", "channel_topic", "channel_purpose", "channel_name",
        "channel_archive", "channel_unarchive", "group_join", "group_leave", "group_topic",
        "group_purpose", "group_name", "group_archive", "group_unarchive", "bot_add",
        "bot_remove", "pinned_item", "unpinned_item", "channel_convert_to_private",
        "reminder_add", "sh_room_created", "huddle_thread", "bot_message",
        "channel_posting_permissions", "bot_enable", "bot_disable",
    }
)  # fmt: skip
_SKIP = {
    "tombstone": "deleted messages (tombstones)",
    "message_changed": "edit records",
    "message_deleted": "deletion records",
    "message_replied": "reply notices",
}
_MENTION = re.compile(r"<([@#!])([^>|]+)(?:\|([^>]*))?>|<([^>|]+)(?:\|([^>]*))?>")


def find_root(src: Source) -> str | None:
    """The folder prefix ("" or "name/") holding users.json or channels.json."""
    prefixes = {
        posixpath.dirname(m)
        for m in src.members()
        if posixpath.basename(m) in ("users.json", "channels.json")
    }
    if not prefixes:
        return None
    best = min(prefixes, key=lambda p: p.count("/") if p else -1)
    return f"{best}/" if best else ""


def parse(src: Source, opts: ParseOptions) -> Transcript:
    """Parse a Slack export zip or folder."""
    if src.kind == "file":
        raise src.error(
            None,
            "this is a single file; choose the whole Slack export (the .zip or its folder)",
        )
    root = find_root(src)
    if root is None:
        raise src.error(None, "this does not look like a Slack export: no users.json")
    warnings: list[str] = []
    users = _load_list(src, root + "users.json")
    user_map = {as_str(u.get("id")): u for u in users if as_str(u.get("id"))}
    home = _home_team(users)
    meta = _channel_meta(src, root)
    days = _day_files(src, root)
    budget = Budget(opts.limit)
    skipped: Counter[str] = Counter()
    chats: list[ChatThread] = []
    rank = {folder: i for i, folder in enumerate(meta)}
    for folder in sorted(days, key=lambda f: (rank.get(f, len(rank)), f)):
        info = meta.get(folder, {})
        messages: list[dict[str, Any]] = []
        for member in sorted(days[folder]):
            messages.extend(as_dict(m) for m in as_list(src.json(member)) if isinstance(m, dict))
        messages.sort(key=_ts_key)
        chats.append(
            _channel(src, root, folder, info, messages, user_map, home, budget, skipped, warnings)
        )
    for subtype, n in sorted(skipped.items()):
        warnings.append(f"skipped {n} {_SKIP.get(subtype, subtype)}")
    budget.note(warnings)
    return Transcript(
        format=FORMAT,
        source_path=src.path,
        chats=chats,
        needs_timezone=False,
        warnings=warnings,
        media=src.media(),
    )


def _load_list(src: Source, member: str) -> list[dict[str, Any]]:
    if not src.has(member):
        return []
    return [as_dict(x) for x in as_list(src.json(member)) if isinstance(x, dict)]


def _home_team(users: list[dict[str, Any]]) -> str | None:
    teams = Counter(
        _team(u) for u in users if not u.get("is_bot") and not u.get("is_stranger") and _team(u)
    )
    return teams.most_common(1)[0][0] if teams else None


def _team(user: dict[str, Any]) -> str | None:
    return opt_str(user.get("team_id")) or opt_str(as_dict(user.get("profile")).get("team"))


def _channel_meta(src: Source, root: str) -> dict[str, dict[str, Any]]:
    meta: dict[str, dict[str, Any]] = {}
    for name, folder_key in _LISTS:
        for item in _load_list(src, root + name):
            folder = as_str(item.get(folder_key))
            if folder:
                meta[folder] = item
    return meta


def _day_files(src: Source, root: str) -> dict[str, list[str]]:
    days: dict[str, list[str]] = {}
    for member in src.members():
        if not member.startswith(root):
            continue
        m = _DAY_FILE.fullmatch(member[len(root) :])
        if m is not None:
            days.setdefault(m.group(1), []).append(member)
    return days


def _ts_key(msg: dict[str, Any]) -> tuple[int, int]:
    sec, _, frac = as_str(msg.get("ts")).partition(".")
    return (int(sec) if sec.isdigit() else 0, int(frac[:6].ljust(6, "0")) if frac.isdigit() else 0)


def _channel(
    src: Source,
    root: str,
    folder: str,
    info: dict[str, Any],
    messages: list[dict[str, Any]],
    user_map: dict[str, dict[str, Any]],
    home: str | None,
    budget: Budget,
    skipped: Counter[str],
    warnings: list[str],
) -> ChatThread:
    teams = {opt_str(m.get("user_team")) for m in messages} - {None}
    shared = (
        bool(info.get("is_shared") or info.get("is_ext_shared") or info.get("is_org_shared"))
        or len(teams) > 1
    )
    people = People()
    names = {uid: _display_name(u) for uid, u in user_map.items()}

    def person(uid: str, fallback: dict[str, Any]) -> Participant:
        known = people.get(uid)
        if known is not None:
            return known
        user = user_map.get(uid, {})
        profile = as_dict(user.get("profile")) or as_dict(fallback.get("user_profile"))
        team = _team(user) or opt_str(fallback.get("user_team")) or opt_str(profile.get("team"))
        is_agent: bool | None = None
        if shared and home is not None and team is not None and not user.get("is_bot"):
            is_agent = team == home
        name = names.get(uid) or _display_name({"profile": profile}) or uid
        return people.add(
            Participant(
                key=uid,
                name=name,
                handle=opt_str(user.get("name")) or opt_str(profile.get("display_name")),
                phone=opt_str(profile.get("phone")),
                is_agent=is_agent,
            )
        )

    lines: list[ChatLine] = []
    for msg in messages:
        subtype = as_str(msg.get("subtype"))
        if subtype in _SKIP or msg.get("hidden") is True:
            skipped[subtype or "hidden"] += 1
            continue
        when = from_epoch(msg.get("ts"))
        if when is None or msg.get("type", "message") != "message":
            skipped["unreadable"] += 1
            continue
        if not budget.take():
            break
        # old file comments name their author only inside "comment"
        uid = as_str(msg.get("user")) or as_str(as_dict(msg.get("comment")).get("user"))
        if uid:
            author = person(uid, msg)
            key: str | None = author.key
            name = author.name
        else:
            key = None
            bot = as_str(msg.get("bot_id"))
            name = (
                as_str(msg.get("username"))
                or as_str(as_dict(msg.get("bot_profile")).get("name"))
                or (f"bot {bot}" if bot else "")
            )
        text = render_text(as_str(msg.get("text")), names)
        if not text and msg.get("attachments"):
            text = _attachment_text(msg, names)
        ts = as_str(msg.get("ts"))
        thread_ts = opt_str(msg.get("thread_ts"))
        lines.append(
            ChatLine(
                source_id=ts or None,
                time=when,
                author_key=key,
                author_name=name,
                text=text,
                kind="system" if subtype in _SYSTEM else "message",
                attachments=_files(src, root, folder, msg),
                reply_to=thread_ts if thread_ts and thread_ts != ts else None,
                thread_key=thread_ts,
                line_no=None,
            )
        )
    for uid in as_list(info.get("members")):
        if isinstance(uid, str) and uid:
            person(uid, {})
    title = as_str(info.get("name")) or folder
    return ChatThread(
        source_chat_id=opt_str(info.get("id")) or folder,
        title=title,
        participants=people.all(),
        lines=drop_duplicate_ids(lines, title, warnings),
    )


def _display_name(user: dict[str, Any]) -> str:
    profile = as_dict(user.get("profile"))
    return (
        as_str(profile.get("real_name"))
        or as_str(user.get("real_name"))
        or as_str(profile.get("display_name"))
        or as_str(user.get("name"))
    )


def render_text(text: str, names: dict[str, str]) -> str:
    """Slack mrkdwn to plain text: ``<@U1>`` to ``@Name``, links to ``label (url)``."""
    if "<" in text:
        text = _MENTION.sub(lambda m: _link(m, names), text)
    if "&" in text:
        text = html.unescape(text)
    return text


def _link(m: re.Match[str], names: dict[str, str]) -> str:
    sigil, target, label, url, url_label = m.groups()
    if sigil == "@":
        return "@" + (label or names.get(target or "", target or ""))
    if sigil == "#":
        return "#" + (label or target or "")
    if sigil == "!":
        return "@" + (label or (target or "").split("^")[0])
    url = url or ""
    if url_label and url_label != url:
        return f"{url_label} ({url})"
    return url


def _attachment_text(msg: dict[str, Any], names: dict[str, str]) -> str:
    parts: list[str] = []
    for att in as_list(msg.get("attachments")):
        a = as_dict(att)
        pieces = [as_str(a.get("pretext")), as_str(a.get("text"))]
        if not any(pieces):
            pieces = [as_str(a.get("fallback"))]
        parts.extend(render_text(piece, names) for piece in pieces if piece)
    return "\n".join(parts)


def _files(src: Source, root: str, folder: str, msg: dict[str, Any]) -> tuple[ChatAttachment, ...]:
    raw = as_list(msg.get("files"))
    if not raw and isinstance(msg.get("file"), dict):
        raw = [msg["file"]]
    out: list[ChatAttachment] = []
    for item in raw:
        f = as_dict(item)
        if not f:
            continue
        fid = as_str(f.get("id"))
        name = as_str(f.get("name")) or as_str(f.get("title")) or fid or "file"
        member = None
        for candidate in (
            f"{root}__uploads/{fid}/{name}",
            f"{root}{folder}/attachments/{fid}-{name}",
            f"{root}attachments/{fid}-{name}",
        ):
            if fid and src.has(candidate):
                member = candidate
                break
        mime = opt_str(f.get("mimetype")) or guess_mime(name)
        out.append(ChatAttachment(name, member, mime, member is None))
    return tuple(out)
