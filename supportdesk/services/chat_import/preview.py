"""What the import dialog shows before anything is written: format, chats, people, lines."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.channels.chat import (
    PREVIEW_LINES,
    ChatLine,
    ChatThread,
    CsvMapping,
    DateOrder,
    Participant,
    StreamInfo,
    Transcript,
    detect_format,
    parse_export,
    preview,
    stream_whatsapp,
)
from supportdesk.models import Conversation
from supportdesk.services.chat_import.people import PeopleResolver, suggest_us
from supportdesk.services.chat_import.run import conversation_id_for
from supportdesk.services.chat_import.summary import FORMAT_LABELS


@dataclass(frozen=True)
class ChatInfo:
    """One chat in the export and the conversation it will go into."""

    title: str
    conversation_id: str
    lines: int
    participants: tuple[Participant, ...]
    #: the conversation is already there (a re-import or a later export extends it)
    exists: bool = False


@dataclass(frozen=True)
class PersonInfo:
    """A participant, what the import guesses about them, and whom they match."""

    participant: Participant
    suggested_us: bool
    customer_id: str | None = None
    customer_name: str = ""
    #: "phone", "handle", "email", "name" or "" (nobody matched: a new customer)
    matched_by: str = ""


@dataclass(frozen=True)
class ExportPreview:
    """An export read far enough to show it and ask the rep what they need to decide.

    ``transcript`` is the whole parsed export when the format is read in one go
    (everything but WhatsApp text, which is streamed); pass it to
    ``import_chat_export`` so the file is not parsed twice.
    """

    path: Path
    format: str
    chats: list[ChatInfo]
    people: list[PersonInfo]
    lines: list[tuple[str, ChatLine]]
    total_lines: int
    needs_timezone: bool
    warnings: list[str] = field(default_factory=list)
    transcript: Transcript | None = None

    @property
    def label(self) -> str:
        """The format's name for people (WhatsApp, Slack, …)."""
        return FORMAT_LABELS.get(self.format, self.format)


def inspect_export(
    path: Path,
    *,
    fmt: str | None = None,
    csv_mapping: CsvMapping | None = None,
    date_order: DateOrder | None = None,
    limit: int = PREVIEW_LINES,
    attachments_from: Path | None = None,
) -> ExportPreview:
    """Read an export for the dialog (no store needed).

    Raises:
        ChatImportError: the export cannot be read; the message names file and line.
    """
    path = Path(path)
    fmt = fmt or detect_format(path)
    transcript: Transcript | None
    if fmt == "whatsapp":
        info = StreamInfo()
        with stream_whatsapp(path, date_order=date_order, info=info,
                             attachments_from=attachments_from) as (thread, _lines):
            pass
        head = preview(path, fmt=fmt, date_order=date_order, limit=limit,
                       attachments_from=attachments_from)
        chats = [ChatThread(thread.source_chat_id, thread.title, thread.participants, [])]
        counts = [info.messages]
        first = [(thread.title, line) for c in head.chats for line in c.lines]
        warnings = list(info.warnings)
        total, needs_tz, transcript = info.messages, True, None
    else:
        transcript = parse_export(path, fmt=fmt, csv_mapping=csv_mapping, date_order=date_order,
                                  attachments_from=attachments_from)
        chats = transcript.chats
        counts = [len(c.lines) for c in chats]
        first = []
        for c in chats:
            for line in c.lines[: limit - len(first)]:
                first.append((c.title, line))
        warnings = list(transcript.warnings)
        total, needs_tz = transcript.line_count, transcript.needs_timezone
    infos = [
        ChatInfo(c.title, conversation_id_for(fmt, c), n, c.participants)
        for c, n in zip(chats, counts, strict=True)
    ]
    people: dict[str, PersonInfo] = {}
    for c in chats:
        us = suggest_us(fmt, c)
        for p in c.participants:
            if p.key not in people:
                people[p.key] = PersonInfo(p, p.key in us)
    return ExportPreview(
        path=path,
        format=fmt,
        chats=infos,
        people=list(people.values()),
        lines=first,
        total_lines=total,
        needs_timezone=needs_tz,
        warnings=warnings,
        transcript=transcript,
    )


def match_people(session: Session, found: ExportPreview, default_region: str) -> ExportPreview:
    """The preview with each participant's matching customer and which chats exist."""
    resolver = PeopleResolver(session, found.format, default_region)
    people = []
    for person in found.people:
        plan = resolver.plan(person.participant, "customer")
        matched = plan.matched if plan.matched != "new" else ""
        people.append(
            PersonInfo(
                person.participant,
                person.suggested_us,
                plan.customer_id if matched else None,
                plan.customer_name if matched else "",
                matched,
            )
        )
    ids = [c.conversation_id for c in found.chats]
    existing = set(session.scalars(select(Conversation.id).where(Conversation.id.in_(ids))))
    chats = [
        ChatInfo(c.title, c.conversation_id, c.lines, c.participants, c.conversation_id in existing)
        for c in found.chats
    ]
    return ExportPreview(
        path=found.path,
        format=found.format,
        chats=chats,
        people=people,
        lines=found.lines,
        total_lines=found.total_lines,
        needs_timezone=found.needs_timezone,
        warnings=found.warnings,
        transcript=found.transcript,
    )


def import_time(line: ChatLine, zone: tzinfo) -> datetime:
    """The instant a line will be stored at, given the zone chosen for naive times."""
    return line.time if line.time.tzinfo is not None else line.time.replace(tzinfo=zone)


def csv_headers(path: Path) -> list[str]:
    """The header row of a CSV export, for choosing which column holds what.

    Returns an empty list when the file has no readable header.
    """
    import csv

    try:
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
            first = fh.readline(64 * 1024)
    except OSError:
        return []
    if not first.strip():
        return []
    try:
        dialect = csv.Sniffer().sniff(first, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    row = next(csv.reader([first], delimiter=delimiter), [])
    return [cell.strip() for cell in row if cell.strip()]


def parse_columns(spec: str) -> CsvMapping:
    """A mapping from ``time=When,author=Who,text=Said[,date=Day][,id=Id][,role=Side]``.

    Raises:
        ValueError: a part is not ``key=column`` or time/author/text are missing.
    """
    keys = {
        "time": "time_col", "author": "author_col", "text": "text_col", "date": "date_col",
        "id": "id_col", "chat": "chat_col", "attachments": "attachment_col", "role": "role_col",
    }
    values: dict[str, str] = {}
    agents: frozenset[str] | None = None
    for part in spec.split(","):
        key, sep, column = part.partition("=")
        key, column = key.strip().lower(), column.strip()
        if not sep or not column:
            raise ValueError(f"'{part.strip()}' is not KEY=COLUMN")
        if key == "agents":
            agents = frozenset(v.strip() for v in column.split("|") if v.strip())
        elif key in keys:
            values[keys[key]] = column
        else:
            raise ValueError(f"unknown key '{key}'; use {', '.join([*keys, 'agents'])}")
    missing = [k for k in ("time", "author", "text") if keys[k] not in values]
    if missing:
        raise ValueError("say which columns hold " + ", ".join(missing))
    mapping = CsvMapping(**values)  # type: ignore[arg-type]
    return replace(mapping, agent_values=agents) if agents else mapping
