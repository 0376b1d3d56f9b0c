"""Website chat widgets (tawk.to, LiveChat, Crisp) through one small JSON mapper.

A :class:`WidgetPreset` says where a product's JSON keeps chats, messages,
authors, roles, times and files, using dotted paths: ``a.b`` walks objects,
``a[]`` walks every item of a list, ``""`` is the object itself, and a tuple
of paths means "the first that gives a value". Roles mark agent vs visitor.

Shapes follow each product's documented export/API objects:

- tawk.to: the ``chat:transcript_created`` webhook payload (or its ``chat``),
  ``messages[].sender.t`` is ``a``/``v``/``s``, ``msg``, ISO ``time``.
- LiveChat: Agent Chat API chats (``list_archives``/``get_chat``) with
  ``users[].type`` agent/customer and ``thread(s).events[]``.
- Crisp: REST conversation messages (``data[]``), ``from`` operator/user,
  ``timestamp`` in ms, ``fingerprint`` ids, file content objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from supportdesk.channels.chat._common import (
    Budget,
    ParseOptions,
    People,
    as_dict,
    as_list,
    as_str,
    basename,
    drop_duplicate_ids,
    from_epoch,
    guess_mime,
    localize,
    opt_str,
    parse_iso,
)
from supportdesk.channels.chat._io import Source
from supportdesk.channels.chat.model import (
    ChatAttachment,
    ChatLine,
    ChatThread,
    LineKind,
    Participant,
    Transcript,
)

Paths = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WidgetPreset:
    """Where one widget product keeps each piece of a transcript."""

    name: str
    chats: Paths
    messages: Paths
    chat_id: Paths = ("id",)
    chat_title: Paths = ()
    group_by: str | None = None
    users: str | None = None
    user_id: str = "id"
    user_name: str = "name"
    user_role: str = "type"
    user_email: str = "email"
    visitor: str | None = None
    msg_id: Paths = ("id",)
    msg_time: Paths = ("time",)
    time_unit: Literal["iso", "ms", "s"] = "iso"
    author_id: Paths = ()
    author_name: Paths = ()
    author_role: Paths = ()
    msg_type: Paths = ("type",)
    text: Paths = ("text",)
    agent_roles: frozenset[str] = frozenset()
    visitor_roles: frozenset[str] = frozenset()
    system_roles: frozenset[str] = frozenset()
    system_types: frozenset[str] = frozenset()
    skip_types: frozenset[str] = frozenset()
    files: Paths = ()
    file_name: Paths = ("name",)
    file_url: Paths = ("url",)
    file_mime: Paths = ("content_type", "type", "mimeType")


TAWKTO = WidgetPreset(
    name="tawkto",
    chats=("chat", "[].chat", "chats[]", "[]", ""),
    messages=("messages",),
    chat_title=("visitor.name",),
    visitor="visitor",
    msg_id=("id", "_id"),
    msg_time=("time", "createdOn"),
    author_id=("sender.id",),
    author_name=("sender.n", "sender.name"),
    author_role=("sender.t", "sender.type"),
    text=("msg", "message", "text"),
    agent_roles=frozenset({"a", "agent"}),
    visitor_roles=frozenset({"v", "visitor"}),
    system_roles=frozenset({"s", "system"}),
    system_types=frozenset({"webrtc-call"}),
    files=("attchs[]", "attachments[]", "file"),
)

LIVECHAT = WidgetPreset(
    name="livechat",
    chats=("chats[]", "chat", "[]", ""),
    messages=("thread.events", "threads[].events[]", "events"),
    users="users",
    msg_time=("created_at",),
    author_id=("author_id",),
    text=("text", "elements[].title"),
    agent_roles=frozenset({"agent"}),
    visitor_roles=frozenset({"customer"}),
    system_types=frozenset({"system_message"}),
    skip_types=frozenset({"filled_form", "custom"}),
    files=("",),
    file_mime=("content_type",),
)

CRISP = WidgetPreset(
    name="crisp",
    chats=("conversations[]", "data", "[]", ""),
    messages=("messages",),
    chat_id=("session_id",),
    group_by="session_id",
    msg_id=("fingerprint",),
    msg_time=("timestamp",),
    time_unit="ms",
    author_id=("user.user_id",),
    author_name=("user.nickname",),
    author_role=("from",),
    text=("content", "content.text"),
    agent_roles=frozenset({"operator"}),
    visitor_roles=frozenset({"user"}),
    system_types=frozenset({"event"}),
    files=("content",),
    file_mime=("type",),
)

PRESETS = {p.name: p for p in (TAWKTO, LIVECHAT, CRISP)}
_FILE_TYPES = frozenset({"file", "animation", "audio"})


def collect(obj: Any, path: str) -> list[Any]:
    """Every value a path reaches (``[]`` fans out over list items)."""
    values = [obj]
    if not path:
        return values
    for part in path.split("."):
        fan = part.endswith("[]")
        key = part[:-2] if fan else part
        nxt: list[Any] = []
        for v in values:
            got = v if not key else (v.get(key) if isinstance(v, dict) else None)
            if fan:
                nxt.extend(as_list(got))
            elif got is not None:
                nxt.append(got)
        values = nxt
    return values


def first(obj: Any, paths: Paths) -> Any:
    """The first value any of the paths reaches, or None."""
    for path in paths:
        found = collect(obj, path)
        if found:
            return found[0]
    return None


def detect(obj: Any) -> str | None:
    """Which widget preset fits a parsed JSON document, if any."""
    for preset in PRESETS.values():
        for chat in _chats(obj, preset)[:3]:
            if any(_fits(msg, preset) for msg in _messages(chat, preset)[:5]):
                return preset.name
    return None


def _fits(msg: Any, preset: WidgetPreset) -> bool:
    if not isinstance(msg, dict):
        return False
    if preset is TAWKTO:
        return isinstance(msg.get("sender"), dict) and ("msg" in msg or "message" in msg)
    if preset is LIVECHAT:
        return "author_id" in msg and "created_at" in msg
    return "from" in msg and "timestamp" in msg and ("fingerprint" in msg or "session_id" in msg)


def _chats(obj: Any, preset: WidgetPreset) -> list[dict[str, Any]]:
    for path in preset.chats:
        found = collect(obj, path)
        chats = [c for c in found if isinstance(c, dict) and _messages(c, preset)]
        if chats:
            return chats
        if preset.group_by:
            lists = [x for x in found if isinstance(x, list)]
            grouped = [g for lst in lists for g in _group(lst, preset.group_by)]
            if grouped:
                return grouped
    return []


def _group(items: list[Any], key: str) -> list[dict[str, Any]]:
    groups: dict[str, list[Any]] = {}
    for item in items:
        if isinstance(item, dict) and key in item:
            groups.setdefault(as_str(item.get(key)), []).append(item)
    return [{key: k, "messages": v} for k, v in groups.items()]


def _messages(chat: dict[str, Any], preset: WidgetPreset) -> list[Any]:
    for path in preset.messages:
        if not path:
            continue
        found = collect(chat, path)
        if len(found) == 1 and isinstance(found[0], list):
            found = found[0]
        msgs = [m for m in found if isinstance(m, dict)]
        if msgs:
            return msgs
    return []


def parse(src: Source, opts: ParseOptions, preset_name: str) -> Transcript:
    """Parse a widget transcript JSON with the named preset."""
    preset = PRESETS[preset_name]
    member = src.single(".json")
    data = src.json(member)
    chats_raw = _chats(data, preset)
    if not chats_raw:
        raise src.error(
            None, f"this does not look like a {preset.name} transcript: no messages found", member
        )
    warnings: list[str] = []
    budget = Budget(opts.limit)
    chats = [_chat(raw, preset, opts, budget, warnings) for raw in chats_raw]
    budget.note(warnings)
    return Transcript(
        format=preset.name,
        source_path=src.path,
        chats=chats,
        needs_timezone=any(ln.time.tzinfo is None for c in chats for ln in c.lines),
        warnings=warnings,
        media=src.media(),
    )


def _role(value: Any, preset: WidgetPreset) -> bool | Literal["system"] | None:
    role = as_str(value).lower()
    if role in preset.agent_roles:
        return True
    if role in preset.visitor_roles:
        return False
    if role in preset.system_roles:
        return "system"
    return None


def _chat(
    raw: dict[str, Any],
    preset: WidgetPreset,
    opts: ParseOptions,
    budget: Budget,
    warnings: list[str],
) -> ChatThread:
    people = People()
    users: dict[str, Participant] = {}
    for u in collect(raw, f"{preset.users}[]") if preset.users else []:
        user = as_dict(u)
        uid = as_str(user.get(preset.user_id))
        if uid:
            role = _role(user.get(preset.user_role), preset)
            users[uid] = Participant(
                key=uid,
                name=as_str(user.get(preset.user_name)) or uid,
                handle=opt_str(user.get(preset.user_email)),
                is_agent=role if isinstance(role, bool) else None,
            )
    visitor = as_dict(first(raw, (preset.visitor,))) if preset.visitor else {}
    visitor_name = as_str(visitor.get("name"))
    lines: list[ChatLine] = []
    skipped = 0
    for msg in _messages(raw, preset):
        line = _line(msg, preset, opts, users, people, visitor, visitor_name)
        if line is None:
            skipped += 1
            continue
        if not budget.take():
            break
        lines.append(line)
    title = as_str(first(raw, preset.chat_title)) or _guess_title(people, users)
    chat_id = opt_str(first(raw, preset.chat_id))
    if skipped:
        warnings.append(f"{title or chat_id}: skipped {skipped} event(s) that are not messages")
    for person in users.values():
        people.add(person)
    return ChatThread(
        source_chat_id=chat_id,
        title=title or f"{preset.name} chat {chat_id or ''}".strip(),
        participants=people.all(),
        lines=drop_duplicate_ids(lines, title or preset.name, warnings),
    )


def _guess_title(people: People, users: dict[str, Participant]) -> str:
    for person in [*users.values(), *people.all()]:
        if person.is_agent is False:
            return person.name
    return ""


def _line(
    msg: dict[str, Any],
    preset: WidgetPreset,
    opts: ParseOptions,
    users: dict[str, Participant],
    people: People,
    visitor: dict[str, Any],
    visitor_name: str,
) -> ChatLine | None:
    mtype = as_str(first(msg, preset.msg_type))
    if mtype in preset.skip_types:
        return None
    raw_time = first(msg, preset.msg_time)
    if preset.time_unit == "iso":
        when = parse_iso(raw_time)
    else:
        when = from_epoch(raw_time, 1000.0 if preset.time_unit == "ms" else 1.0)
    if when is None:
        return None
    when = localize(when, opts.tz)
    role = _role(first(msg, preset.author_role), preset)
    aid = as_str(first(msg, preset.author_id))
    person = users.get(aid) if aid else None
    if person is not None:
        role = person.is_agent if role is None else role
    name = person.name if person else as_str(first(msg, preset.author_name))
    if not name and role is False:
        name = visitor_name
    kind: LineKind = "system" if role == "system" or mtype in preset.system_types else "message"
    key: str | None = None
    if kind == "message" and (aid or name):
        key = aid or name
        is_agent = role if isinstance(role, bool) else None
        handle = opt_str(visitor.get("email")) if role is False else None
        shown = person or Participant(key=key, name=name or key, handle=handle, is_agent=is_agent)
        people.add(shown)
    atts = _files(msg, preset, mtype)
    text = _text(msg, preset)
    if len(atts) == 1 and text.strip() == atts[0].name:
        text = ""
    return ChatLine(
        source_id=opt_str(first(msg, preset.msg_id)),
        time=when,
        author_key=key,
        author_name=name,
        text=text,
        kind=kind,
        attachments=atts,
        reply_to=None,
        thread_key=None,
        line_no=None,
    )


def _text(msg: dict[str, Any], preset: WidgetPreset) -> str:
    for path in preset.text:
        values = [v for v in collect(msg, path) if isinstance(v, str) and v]
        if values:
            return "\n".join(values)
    return ""


def _files(msg: dict[str, Any], preset: WidgetPreset, mtype: str) -> tuple[ChatAttachment, ...]:
    if preset is not TAWKTO and mtype not in _FILE_TYPES:
        return ()
    out: list[ChatAttachment] = []
    for path in preset.files:
        for item in collect(msg, path):
            f = as_dict(item)
            url = as_str(first(f, preset.file_url))
            name = as_str(first(f, preset.file_name)) or (basename(url) if url else "")
            if not name:
                continue
            mime = opt_str(first(f, preset.file_mime))
            if mime is not None and "/" not in mime:
                mime = None
            out.append(ChatAttachment(name, None, mime or guess_mime(name), True))
    return tuple(out)
