"""WhatsApp "Export chat" text (.txt, or .zip with media), Android and iOS.

Android writes ``12/07/2017, 22:35 - Name: text``; iOS writes
``[20.06.19, 15:58:47] Name: text``. The date order (day/month, month/day or
year first) is inferred from every date in the file, and 12-hour clocks
("PM", "p. m.", with U+202F or no-break spaces) are read per line. Times are
the phone's wall clock, so they stay naive unless the caller gives a zone.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime, tzinfo

from supportdesk.channels.chat._common import (
    DateOrder,
    ParseOptions,
    People,
    guess_mime,
    relative_member,
)
from supportdesk.channels.chat._io import Source
from supportdesk.channels.chat.model import (
    ChatAttachment,
    ChatLine,
    ChatThread,
    Participant,
    Transcript,
)

FORMAT = "whatsapp"

# One compiled pattern per line: optional bidi marks, "[" for iOS, the date,
# the time with optional seconds and AM/PM, then "] " (iOS) or " - " (Android).
HEADER = re.compile(
    r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]*(\[)?"
    r"(\d{1,4}[./-]\d{1,2}[./-]\d{1,4})\.?,?\s+"
    r"(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[aApP]\.?\s?[mM]\.?)?)"
    r"(?(1)\]\s?|\s[-\u2013]\s)"
)
#: Years a phone set to the Buddhist calendar writes (Gregorian + 543).
BUDDHIST_ERA = (2443, 2743)
BUDDHIST_OFFSET = 543
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s?([aApP]))?")
_DATE_PARTS = re.compile(r"(\d+)([./-])(\d+)[./-](\d+)")
_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_STRIP_MARKS = str.maketrans("", "", _MARKS)

# iOS system notices are written as if the chat's name said them.
_IOS_SYSTEM = re.compile(
    r"end-to-end|security code|changed (?:the|this) group|created (?:the )?group|joined using"
    r"|disappearing messages|changed their phone number|blocked this contact|is a contact"
    r"|extremo a extremo|Ende-zu-Ende|ponta a ponta|de bout en bout|Sicherheitsnummer"
    r"|código de seguridad|beveiligingscode",
    re.IGNORECASE,
)
_QUOTES = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb", "'")
_YOU = ("You ", "Du ", "Tú ", "Usted ", "Vous ", "Você ", "Jij ", "U ", "Tu ", "Sie ")

_ATTACHED = re.compile(r"<([^<>:\n/]{2,40}):\s?([^<>\n/][^<>\n]*?)>")
_FILE_ATTACHED = re.compile(r"(.+?\.[A-Za-z0-9]{1,8}) \(([^()\n]{3,40})\)")
_FILE_WORDS = frozenset(
    {
        "file attached", "bestand bijgevoegd", "datei angehängt", "archivo adjunto",
        "fichier joint", "arquivo anexado", "ficheiro anexado", "file allegato",
        "plik załączony", "dosya ekli", "файл прикреплен", "файл прикреплён",
    }
)  # fmt: skip
_OMITTED_BRACKET = re.compile(r"<([^<>\n]{3,40})>")
_MEDIA_STEMS = ("media", "medien", "mídia", "multimedia", "médias", "медиа", "archivo omitido")
_IOS_OMITTED = re.compile(
    r"(?:(.+?) )?(image|video|audio|sticker|GIF|Contact card|document|imagen|vídeo|documento"
    r"|Bild|Video|Dokument|afbeelding|imagem|Kontaktkarte|tarjeta de contacto) "
    r"(omitted|omitida|omitido|weggelassen|weggelaten|ocultad[oa])",
    re.IGNORECASE,
)
_OMIT_ENDINGS = ("omitted", "omitida", "omitido", "weggelassen", "weggelaten", "ocultado",
                 "ocultada")  # fmt: skip
_PHONE = re.compile(r"\+?[\d\s().\-\u00a0\u202f]{6,}")
_TITLE = re.compile(
    r"WhatsApp[ _-]?(?:Chat|Chatverlauf|Unterhaltung)?\s*(?:with|mit|met|con|com|avec|-|–)\s*(.+)",
    re.IGNORECASE,
)


def sniff(head: str) -> bool:
    """True when the first non-empty line starts like a WhatsApp message."""
    for line in head.lstrip("\ufeff").splitlines():
        if line.strip():
            return HEADER.match(line) is not None
    return False


def find_chat_member(src: Source) -> str | None:
    """The chat text inside a zip or folder (``_chat.txt`` or the only .txt)."""
    texts = [m for m in src.members() if m.lower().endswith(".txt")]
    for m in texts:
        if posixpath.basename(m) == "_chat.txt":
            return m
    named = [m for m in texts if "whatsapp" in posixpath.basename(m).lower()]
    if len(named) == 1:
        return named[0]
    return texts[0] if len(texts) == 1 else None


def parse(src: Source, opts: ParseOptions) -> Transcript:
    """Parse a WhatsApp export (text file, zip or folder)."""
    member, scan, ymd, warnings = _prepare(src, opts)
    people = People()
    lines = list(_lines(src, member, scan, ymd, opts.tz, people))
    title = _title(src, member)
    chat = ChatThread(source_chat_id=None, title=title, participants=people.all(), lines=lines)
    return Transcript(
        format=FORMAT,
        source_path=src.path,
        chats=[chat],
        needs_timezone=opts.tz is None and bool(lines),
        warnings=warnings,
        media=src.media(),
    )


def iter_lines(
    src: Source, opts: ParseOptions, warnings: list[str] | None = None
) -> tuple[ChatThread, Iterator[ChatLine], int]:
    """Stream a big export: the chat (with its participants, no lines), its lines, their count.

    The file is read twice (once for dates, clocks and authors, once for
    lines) and memory stays flat however long the chat is. Every date and time
    of day is checked in the first pass, so bad input fails before the first
    line is yielded. ``warnings`` (when given) receives the parse warnings.
    """
    member, scan, ymd, found = _prepare(src, opts)
    if warnings is not None:
        warnings.extend(found)
    people = People()
    for name in scan.counts:
        if not (name in scan.singles and _is_system_sentence(name, scan.authors)):
            people.add(_participant(_clean_name(name)))
    thread = ChatThread(None, _title(src, member), people.all(), [])
    return thread, _lines(src, member, scan, ymd, opts.tz, People()), scan.messages


def _prepare(
    src: Source, opts: ParseOptions
) -> tuple[str, _Scan, dict[str, tuple[int, int, int]], list[str]]:
    if src.kind == "file":
        member = src.main
    else:
        found = find_chat_member(src)
        if found is None:
            raise src.error(None, "this export has no WhatsApp chat text file (_chat.txt)")
        member = found
    warnings: list[str] = []
    scan = _scan(src, member, opts.limit)
    order = _date_order(src, member, scan.dates, opts.date_order, warnings)
    ymd = _resolve_dates(src, member, scan.dates, order)
    for token, line_no in scan.clocks.items():
        _clock(src, member, line_no, token)  # a bad time fails now, not half-way through
    if scan.cut:
        warnings.append("preview: only the first lines were read")
    return member, scan, ymd, warnings


class _Scan:
    """What the first pass learns: dates, clocks, author counts, how many messages."""

    __slots__ = ("authors", "clocks", "counts", "cut", "dates", "known", "messages", "singles")

    def __init__(
        self,
        dates: dict[str, int],
        clocks: dict[str, int],
        counts: dict[str, int],
        messages: int,
        cut: bool,
    ):
        self.dates = dates
        self.clocks = clocks
        self.counts = counts
        self.messages = messages
        self.cut = cut
        self.authors = sorted((n for n, c in counts.items() if c > 1), key=len, reverse=True)
        self.known = sorted(counts, key=len, reverse=True)
        self.singles = {n for n, c in counts.items() if c == 1}


def _scan(src: Source, member: str, limit: int | None) -> _Scan:
    """First pass: message count, every distinct date and clock, how often each name writes."""
    match = HEADER.match
    dates: dict[str, int] = {}
    clocks: dict[str, int] = {}
    counts: defaultdict[str, int] = defaultdict(int)
    last_date = ""
    line_no = 0
    found = 0
    cap = limit if limit is not None else -1
    for block in src.line_blocks(member):
        for raw in block:
            line_no += 1
            m = match(raw)
            if m is None:
                if not found and raw.strip():
                    raise src.error(
                        line_no,
                        "this does not look like a WhatsApp export: "
                        "no date at the start of the line",
                        member,
                    )
                continue
            if found == cap:
                return _Scan(dates, clocks, dict(counts), found, True)
            found += 1
            date, clock = m.group(2, 3)
            if date != last_date:
                last_date = date
                if date not in dates:
                    dates[date] = line_no
            if clock not in clocks:
                clocks[clock] = line_no
            end = m.end()
            idx = raw.find(": ", end)
            if idx > end:
                counts[raw[end:idx]] += 1
    if not found:
        raise src.error(None, "the file is empty", member)
    return _Scan(dates, clocks, dict(counts), found, False)


def _split_date(token: str) -> tuple[str, str, str, str]:
    m = _DATE_PARTS.fullmatch(token)
    assert m is not None
    return m.group(1), m.group(3), m.group(4), m.group(2)


def _date_order(
    src: Source,
    member: str,
    dates: dict[str, int],
    forced: DateOrder | None,
    warnings: list[str],
) -> DateOrder:
    """Infer day/month order from every date in the file."""
    if forced is not None:
        return forced
    parts = [_split_date(tok) for tok in dates]
    if all(len(a) == 4 for a, _, _, _ in parts):
        return "ymd"
    first_big = any(int(a) > 12 for a, _, _, _ in parts)
    second_big = any(int(b) > 12 for _, b, _, _ in parts)
    if first_big and second_big:
        raise src.error(
            None,
            "the dates in this file mix day/month and month/day order; "
            "choose the date order by hand",
            member,
        )
    if first_big:
        return "dmy"
    if second_big:
        return "mdy"
    if parts and all(sep == "." for _, _, _, sep in parts):
        return "dmy"
    dmy_back = _backward_steps(parts, "dmy")
    mdy_back = _backward_steps(parts, "mdy")
    if mdy_back < dmy_back:
        return "mdy"
    if len(parts) > 1 and dmy_back == mdy_back:
        warnings.append(
            "could not tell whether dates are day/month or month/day; assumed day/month"
        )
    return "dmy"


def _backward_steps(parts: list[tuple[str, str, str, str]], order: DateOrder) -> int:
    """How often the date goes back in time under an order (fewer is likelier)."""
    prev = (0, 0, 0)
    back = 0
    for a, b, c, _ in parts:
        y = int(c)
        key = (y, int(a), int(b)) if order == "mdy" else (y, int(b), int(a))
        if key < prev:
            back += 1
        prev = key
    return back


def _resolve_dates(
    src: Source, member: str, dates: dict[str, int], order: DateOrder
) -> dict[str, tuple[int, int, int]]:
    out: dict[str, tuple[int, int, int]] = {}
    for tok, line_no in dates.items():
        a, b, c, _ = _split_date(tok)
        if order == "ymd":
            y, mo, d = int(a), int(b), int(c)
        elif order == "mdy":
            y, mo, d = int(c), int(a), int(b)
        else:
            y, mo, d = int(c), int(b), int(a)
        if y < 100:
            y += 2000
        elif BUDDHIST_ERA[0] <= y <= BUDDHIST_ERA[1]:
            y -= BUDDHIST_OFFSET  # a phone set to the Buddhist calendar (Thailand): 2567 = 2024
        elif y < 1900 or y > 2200:
            raise src.error(line_no, (
                f"{tok}: the year {y} is from another calendar than the Gregorian one (the "
                "phone's Islamic, Persian, Hebrew or Japanese calendar); set the phone's "
                "calendar to Gregorian and export the chat again"), member)  # fmt: skip
        try:
            datetime(y, mo, d)
        except ValueError:
            raise src.error(line_no, f"{tok} is not a real date", member) from None
        out[tok] = (y, mo, d)
    return out


def _lines(
    src: Source,
    member: str,
    scan: _Scan,
    ymd: dict[str, tuple[int, int, int]],
    tz: tzinfo | None,
    people: People,
) -> Iterator[ChatLine]:
    """Second pass: read the file again and yield finished lines."""
    match = HEADER.match
    clocks: dict[str, tuple[int, int, int]] = {}
    names: dict[str, str] = {}
    left = scan.messages
    line_no = 0
    head: tuple[int, datetime, str] | None = None  # line_no, time, rest of the first line
    more: list[str] = []
    last_date = last_tok = ""
    when = datetime(2000, 1, 1)
    for block in src.line_blocks(member):
        for raw in block:
            line_no += 1
            m = match(raw)
            if m is None:
                if head is not None:
                    more.append(raw)
                continue
            if head is not None:
                yield _finish(src, member, scan, head, more, names, people)
                more = []
            if not left:
                return
            left -= 1
            date, tok = m.group(2, 3)
            if tok != last_tok or date != last_date:
                last_date, last_tok = date, tok
                clock = clocks.get(tok)
                if clock is None:
                    clock = clocks[tok] = _clock(src, member, line_no, tok)
                y, mo, d = ymd[date]
                when = datetime(y, mo, d, clock[0], clock[1], clock[2], tzinfo=tz)
            head = (line_no, when, raw[m.end() :])
    if head is not None:
        yield _finish(src, member, scan, head, more, names, people)


def _finish(
    src: Source,
    member: str,
    scan: _Scan,
    head: tuple[int, datetime, str],
    more: list[str],
    names: dict[str, str],
    people: People,
) -> ChatLine:
    """Turn one message's lines into a ChatLine (author, system, attachments)."""
    line_no, when, rest = head
    idx = rest.find(": ")
    name: str | None = None
    text = rest
    if idx > 0:
        name, text = rest[:idx], rest[idx + 2 :]
        if name in scan.singles and _is_system_sentence(name, scan.authors):
            name, text = None, rest
    else:
        name, text = _known_author(rest, scan.known)
    if more:
        text = text + "\n" + "\n".join(more)
    if name is None:
        if "\u200e" in text:
            text = text.translate(_STRIP_MARKS)
        return ChatLine(None, when, None, "", text, "system", (), None, None, line_no)
    if text and text[0] in _MARKS and _IOS_SYSTEM.search(text[:200]):
        text = text.translate(_STRIP_MARKS)
        return ChatLine(None, when, None, "", text, "system", (), None, None, line_no)
    if "\u200e" in text or "\u200f" in text:
        text = text.translate(_STRIP_MARKS)
    atts: tuple[ChatAttachment, ...] = ()
    if text and (text[0] == "<" or text[-1] == ")" or "\n" in text or text.endswith(_OMIT_ENDINGS)):
        text, atts = _media(src, member, text)
    key = names.get(name)
    if key is None:
        key = names[name] = _clean_name(name)
        people.add(_participant(key))
    return ChatLine(None, when, key, key, text, "message", atts, None, None, line_no)


def _clock(src: Source, member: str, line_no: int, token: str) -> tuple[int, int, int]:
    """Hours, minutes and seconds of a time token such as ``9:05\u202fp. m.``."""
    m = _CLOCK.match(token)
    assert m is not None
    hh, mm, ss, ap = m.groups()
    h, mi, s = int(hh), int(mm), int(ss) if ss else 0
    if ap is not None:
        if h > 12:
            raise src.error(line_no, f"{token} is not a 12-hour time", member)
        h = h % 12 + (12 if ap in "pP" else 0)
    if h > 23 or mi > 59 or s > 59:
        raise src.error(line_no, f"{token} is not a time of day", member)
    return h, mi, s


def _is_system_sentence(name: str, authors: list[str]) -> bool:
    """A one-off "author" that is really a notice containing ": "."""
    if len(name) > 80:
        return True
    wordy = name.count(" ") >= 3 or any(q in name for q in _QUOTES)
    if not wordy:
        return False
    return name.startswith(_YOU) or any(name.startswith(a + " ") for a in authors)


def _known_author(text: str, authors: list[str]) -> tuple[str | None, str]:
    """Split ``Name:text`` lines that lack the space after the colon."""
    if ":" not in text:
        return None, text
    for a in authors:
        if text.startswith(a) and text[len(a) : len(a) + 1] == ":":
            return a, text[len(a) + 1 :].lstrip(" ")
    return None, text


def _clean_name(name: str) -> str:
    if "\u200e" in name or "\u202a" in name:
        return name.translate(_STRIP_MARKS).strip()
    return name


def _participant(name: str) -> Participant:
    phone = None
    if name[:1] in "+0123456789" and _PHONE.fullmatch(name):
        digits = "".join(ch for ch in name if ch.isdigit())
        if len(digits) >= 6:
            phone = ("+" if name.startswith("+") else "") + digits
    return Participant(key=name, name=name, handle=None, phone=phone, is_agent=None)


def _media(src: Source, member: str, text: str) -> tuple[str, tuple[ChatAttachment, ...]]:
    """Turn attachment markers on the first line into attachments."""
    nl = text.find("\n")
    first = text if nl < 0 else text[:nl]
    rest = "" if nl < 0 else text[nl + 1 :]
    c0 = first[:1]
    att: ChatAttachment | None = None
    if c0 == "<":
        m = _ATTACHED.fullmatch(first)
        if m is not None:
            att = _file(src, member, m.group(2).strip())
        else:
            m = _OMITTED_BRACKET.fullmatch(first)
            if m is not None and any(s in m.group(1).lower() for s in _MEDIA_STEMS):
                att = ChatAttachment("media", None, None, True)
    elif first.endswith(")"):
        m = _FILE_ATTACHED.fullmatch(first)
        if m is not None:
            candidate = _file(src, member, m.group(1).strip())
            if m.group(2).strip().lower() in _FILE_WORDS or not candidate.missing:
                att = candidate
    elif first.endswith(_OMIT_ENDINGS):
        m = _IOS_OMITTED.fullmatch(first)
        if m is not None:
            doc = (m.group(1) or "").split(" • ")[0].strip()
            shown = doc or m.group(2)
            att = ChatAttachment(shown, None, guess_mime(doc) if doc else None, True)
    if att is None:
        return text, ()
    return rest, (att,)


def _file(src: Source, member: str, name: str) -> ChatAttachment:
    rel = relative_member(member, name) if src.kind != "file" else name
    present = rel is not None and src.has(rel)
    return ChatAttachment(
        name=name,
        member=rel if present else None,
        mime=guess_mime(name),
        missing=not present,
    )


def _title(src: Source, member: str) -> str:
    stem = posixpath.basename(member).rsplit(".", 1)[0]
    if src.kind != "file" and not _TITLE.match(stem):
        stem = src.path.name.rsplit(".", 1)[0] if src.kind == "zip" else src.path.name
    m = _TITLE.match(stem)
    return m.group(1).strip() if m else stem
