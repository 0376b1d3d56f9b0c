"""Any CSV of chat lines, read through a column mapping.

Cells are kept as literal text: a cell starting with ``=``, ``+``, ``-`` or
``@`` (a spreadsheet formula) is never evaluated, and a warning says how many
there were, so whoever exports them again knows to neutralise them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from supportdesk.channels.chat._common import (
    Budget,
    ParseOptions,
    People,
    drop_duplicate_ids,
    from_epoch,
    local_attachment,
    localize,
    parse_iso,
)
from supportdesk.channels.chat._io import Source, csv_rows
from supportdesk.channels.chat.model import ChatLine, ChatThread, Participant, Transcript

FORMAT = "csv"
FORMULA_START = ("=", "+", "-", "@")

_TIME_NAMES = ("timestamp", "datetime", "date_time", "date/time", "time", "date", "created_at",
               "created", "sent_at", "sent", "when", "fecha", "datum", "zeit", "heure")  # fmt: skip
_DATE_ONLY = ("date", "day", "fecha", "datum")
_CLOCK_ONLY = ("time", "hour", "hora", "uhrzeit", "heure")
_AUTHOR_NAMES = ("author", "sender", "sender_name", "from", "user", "username", "name",
                 "who", "speaker", "nickname", "autor", "absender")  # fmt: skip
_TEXT_NAMES = ("text", "message", "content", "body", "msg", "message_text", "nachricht",
               "mensaje", "comment")  # fmt: skip
_ID_NAMES = ("id", "message_id", "msg_id", "messageid")
_CHAT_NAMES = ("chat", "chat_id", "conversation", "conversation_id", "channel", "thread")
_ATTACH_NAMES = ("attachment", "attachments", "file", "files", "media")
_ROLE_NAMES = ("role", "sender_type", "author_type", "type", "direction")
_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M",
    "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M",
    "%d/%m/%Y %I:%M %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %I:%M:%S %p", "%d/%m/%Y %I:%M:%S %p",
    "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M",
    "%d/%m/%y %H:%M", "%m/%d/%y %H:%M", "%d-%b-%y %I:%M %p", "%b %d, %Y %I:%M %p",
    "%d %b %Y %H:%M", "%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y",
)  # fmt: skip
_EPOCH = re.compile(r"\d{9,13}(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class CsvMapping:
    """Which columns (by header name, any case) hold what.

    Attributes:
        time_col: the time, or the time of day when ``date_col`` is set.
        author_col: who wrote the line.
        text_col: the message text.
        time_format: a ``strptime`` format; None infers one from the whole column.
        date_col: a separate date column, joined before ``time_col``.
        id_col: the message's own id (used for dedupe keys).
        chat_col: split rows into chats by this column.
        attachment_col: file names or URLs, separated by ``,`` or ``|``.
        role_col: a column telling agents from customers.
        agent_values: values of ``role_col`` that mean "agent" (any case).
        delimiter: the cell separator; None sniffs it from the header.
    """

    time_col: str
    author_col: str
    text_col: str
    time_format: str | None = None
    date_col: str | None = None
    id_col: str | None = None
    chat_col: str | None = None
    attachment_col: str | None = None
    role_col: str | None = None
    agent_values: frozenset[str] = frozenset({"agent", "operator", "staff", "support", "outbound"})
    delimiter: str | None = None


def _norm(name: str) -> str:
    return name.strip().lstrip("\ufeff").strip().lower().replace(" ", "_")


def _pick(headers: Sequence[str], names: Sequence[str], taken: set[str]) -> str | None:
    normed = {_norm(h): h for h in headers if h.strip()}
    for name in names:
        hit = normed.get(name)
        if hit is not None and hit not in taken:
            taken.add(hit)
            return hit
    return None


def guess_mapping(headers: Sequence[str]) -> CsvMapping | None:
    """A mapping from common header names, or None when time/author/text are unclear."""
    taken: set[str] = set()
    text = _pick(headers, _TEXT_NAMES, taken)
    author = _pick(headers, _AUTHOR_NAMES, taken)
    time = _pick(headers, _TIME_NAMES, taken)
    if text is None or author is None or time is None:
        return None
    date = None
    if _norm(time) in _DATE_ONLY:
        other = _pick(headers, _CLOCK_ONLY, taken)
        if other is not None:
            date, time = time, other
    elif _norm(time) in _CLOCK_ONLY:
        date = _pick(headers, _DATE_ONLY, taken)
    return CsvMapping(
        time_col=time,
        author_col=author,
        text_col=text,
        date_col=date,
        id_col=_pick(headers, _ID_NAMES, taken),
        chat_col=_pick(headers, _CHAT_NAMES, taken),
        attachment_col=_pick(headers, _ATTACH_NAMES, taken),
        role_col=_pick(headers, _ROLE_NAMES, taken),
    )


def parse(src: Source, opts: ParseOptions) -> Transcript:
    """Parse a CSV with ``opts.csv_mapping`` (or a guessed one)."""
    member = src.single(".csv")
    mapping = opts.csv_mapping
    rows = csv_rows(src, member, mapping.delimiter if mapping else None)
    _, header = next(rows)
    if mapping is None:
        mapping = guess_mapping(header)
        if mapping is None:
            raise src.error(
                1,
                "could not tell which columns hold the time, the author and the text; "
                "choose them in the import dialog",
                member,
            )
    cols = _columns(src, member, header, mapping)
    warnings: list[str] = []
    budget = Budget(opts.limit)
    raw: list[tuple[int, list[str]]] = []
    for line_no, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if not budget.take():
            break
        raw.append((line_no, row))
    times = _times(src, member, raw, cols, mapping, warnings)
    chats: dict[str, tuple[People, list[ChatLine]]] = {}
    formulas = 0
    formula_lines: list[int] = []
    for (line_no, row), when in zip(raw, times, strict=True):
        cell = _Cell(row, cols)
        text, author = cell("text"), cell("author")
        found = text.startswith(FORMULA_START) + author.startswith(FORMULA_START)
        if found:
            formulas += found
            formula_lines.append(line_no)
        chat_name = cell("chat")
        people, lines = chats.setdefault(chat_name, (People(), []))
        key = author or None
        if key is not None:
            people.add(Participant(key=key, name=author, is_agent=_agent(cell("role"), mapping)))
        refs = [r.strip() for r in re.split(r"[,|]", cell("attach")) if r.strip()]
        atts = tuple(local_attachment(src.has, member, r) for r in refs)
        sid = cell("id") or None
        lines.append(
            ChatLine(sid, localize(when, opts.tz), key, author, text, "message", atts, None,
                     None, line_no)
        )  # fmt: skip
    if formulas:
        shown = ", ".join(str(n) for n in formula_lines[:5]) + (
            ", …" if len(formula_lines) > 5 else ""
        )
        warnings.append(
            f"{src.path.name}: {formulas} cell(s) start with =, +, - or @ (spreadsheet "
            f"formula characters; line {shown}); they were kept as plain text and never "
            "evaluated"
        )
    budget.note(warnings)
    stem = (src.path.name if src.kind == "file" else member).rsplit("/", 1)[-1].rsplit(".", 1)[0]
    threads = [
        ChatThread(
            source_chat_id=name or None,
            title=name or stem,
            participants=people.all(),
            lines=drop_duplicate_ids(lines, name or stem, warnings),
        )
        for name, (people, lines) in chats.items()
    ]
    return Transcript(
        format=FORMAT,
        source_path=src.path,
        chats=threads,
        needs_timezone=any(ln.time.tzinfo is None for t in threads for ln in t.lines),
        warnings=warnings,
        media=src.media(),
    )


def _columns(src: Source, member: str, header: list[str], mapping: CsvMapping) -> dict[str, int]:
    index = {_norm(h): i for i, h in reversed(list(enumerate(header)))}
    wanted = {
        "time": mapping.time_col, "author": mapping.author_col, "text": mapping.text_col,
        "date": mapping.date_col, "id": mapping.id_col, "chat": mapping.chat_col,
        "attach": mapping.attachment_col, "role": mapping.role_col,
    }  # fmt: skip
    cols: dict[str, int] = {}
    for role, name in wanted.items():
        if name is None:
            continue
        i = index.get(_norm(name))
        if i is None:
            shown = ", ".join(h.strip() for h in header if h.strip())[:300]
            raise src.error(1, f'there is no column "{name}"; the columns are: {shown}', member)
        cols[role] = i
    return cols


class _Cell:
    """Looks cells up by role, giving "" for short rows and unmapped roles."""

    __slots__ = ("cols", "row")

    def __init__(self, row: list[str], cols: dict[str, int]) -> None:
        self.row = row
        self.cols = cols

    def __call__(self, role: str) -> str:
        i = self.cols.get(role)
        if i is None or i >= len(self.row):
            return ""
        return self.row[i].strip() if role != "text" else self.row[i]


def _agent(value: str, mapping: CsvMapping) -> bool | None:
    if mapping.role_col is None or not value:
        return None
    return value.strip().lower() in {v.lower() for v in mapping.agent_values}


def _times(
    src: Source,
    member: str,
    raw: list[tuple[int, list[str]]],
    cols: dict[str, int],
    mapping: CsvMapping,
    warnings: list[str],
) -> list[datetime]:
    values: list[str] = []
    for _, row in raw:
        cell = _Cell(row, cols)
        value = cell("time")
        if "date" in cols:
            value = f"{cell('date')} {value}".strip()
        values.append(value)
    if mapping.time_format is not None:
        fmt = mapping.time_format
    else:
        fmt = _infer_format(values, warnings)
    out: list[datetime] = []
    cache: dict[str, datetime] = {}
    for (line_no, _), text in zip(raw, values, strict=True):
        parsed = cache.get(text)
        if parsed is None:
            parsed = _parse_time(text, fmt)
            if parsed is None:
                hint = f' with the format "{fmt}"' if fmt not in ("iso", "epoch") else ""
                raise src.error(line_no, f'cannot read the time "{text[:40]}"{hint}', member)
            cache[text] = parsed
        out.append(parsed)
    return out


def _parse_time(text: str, fmt: str) -> datetime | None:
    if fmt == "iso":
        return parse_iso(text)
    if fmt == "epoch":
        if not _EPOCH.fullmatch(text):
            return None
        number = float(text)
        return from_epoch(number, 1000.0 if number > 1e11 else 1.0)
    try:
        return datetime.strptime(text, fmt)
    except ValueError:
        return None


def _infer_format(values: list[str], warnings: list[str]) -> str:
    """The first format that reads every value (checked over the whole column)."""
    sample = [v for v in dict.fromkeys(values) if v]
    if not sample:
        return "iso"
    for fmt in ("iso", "epoch", *_FORMATS):
        if all(_parse_time(v, fmt) is not None for v in sample):
            if "%d/%m" in fmt and all(
                _parse_time(v, fmt.replace("%d/%m", "%m/%d")) is not None for v in sample
            ):
                warnings.append(
                    "could not tell whether dates are day/month or month/day; assumed day/month"
                )
            return fmt
    return "iso"
