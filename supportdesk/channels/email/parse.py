"""Parse raw RFC 5322 / MIME mail into a ``ParsedEmail``.

A small MIME reader of our own, working on offsets into the raw bytes,
instead of ``email.parser``: it is several times faster than
``policy.default``, and it lets us cap nesting depth, part count and header
sizes, where the stdlib parser recurses once per nesting level (and fails at
about 1,000) and reads parameters in quadratic time. Header words, addresses
and dates are still decoded with ``email.header``-compatible rules and
``email.utils``.

``parse_message`` never raises on bad input. What it had to guess, cut or
repair is listed in plain words in ``ParsedEmail.problems``.

Normalisation decisions:

- Message-IDs lose their angle brackets and whitespace; the domain part is
  lowercased, the local part keeps its case (see ``normalise_message_id``).
  A message without one gets ``<sha256 of the raw bytes>@synthesised.invalid``,
  so the same bytes always get the same id.
- Addresses are lowercased whole; display names are decoded and put on one line.
- ``is_auto`` is set for Auto-Submitted (not "no"), X-Autoreply and kin,
  Precedence bulk/junk/list/auto_reply, X-Auto-Response-Suppress All/OOF/
  AutoReply, List-Id, List-Unsubscribe, an empty Return-Path, delivery
  reports and MAILER-DAEMON/postmaster senders. Note: a support address run
  as a Google Group adds List-Id to every customer mail.
- ``html`` is the raw HTML (LF line ends), never sanitised here.
- ``date`` is aware UTC. Without a readable Date header it falls back to the
  newest Received header, then to ``fallback_date`` (e.g. the IMAP
  INTERNALDATE), then to 1970-01-01 UTC; each fallback adds a note.
"""

from __future__ import annotations

import binascii
import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from supportdesk.channels.email.filenames import safe_filename as safe_filename
from supportdesk.channels.email.headers import (
    clean_line,
    decode_text,
    decode_words,
    header_text,
    lenient_base64,
    message_ids_in,
    normalise_message_id,
    parse_addresses,
    parse_params,
    shown,
)
from supportdesk.channels.email.htmltext import html_to_text

MAX_MESSAGE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 50
MAX_PARTS = 1000
MAX_HEADERS = 1000
MAX_HEADER_BYTES = 64 * 1024
MAX_BODY_CHARS = 2_000_000
MAX_REFERENCES = 200
MAX_PROBLEMS = 50
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

Headers = dict[bytes, list[bytes]]

_BLANK_LINE = re.compile(rb"\n\r?\n")
_HEADER_NAME = re.compile(rb"[!-9;-~]+")
_LOOSE_BOUNDARY = re.compile(r'boundary\s*=\s*(?:"([^"]*)"|([^\s;"]+))', re.IGNORECASE)
_MIME_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")
_LANGUAGE = re.compile(r"[a-z]{1,8}(?:-[a-z0-9]{1,8})*")
_EXTENSIONS = {
    "text/plain": ".txt",
    "text/html": ".html",
    "text/calendar": ".ics",
    "text/csv": ".csv",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "application/pdf": ".pdf",
    "application/zip": ".zip",
    "application/pgp-signature": ".asc",
    "application/pkcs7-signature": ".p7s",
    "application/pkcs7-mime": ".p7m",
    "message/rfc822": ".eml",
    "message/delivery-status": ".txt",
    "text/rfc822-headers": ".txt",
}
_PRECEDENCE_AUTO = frozenset({"bulk", "junk", "list", "auto_reply"})
_BODY_TYPES = ("text/plain", "text/html")
_IDENTITY_ENCODINGS = frozenset({"", "7bit", "8bit", "binary", "7bits", "8bits", "6bit", "plain"})


@dataclass(frozen=True, slots=True)
class ParsedAttachment:
    """One attachment or inline part, decoded."""

    filename: str
    mime_type: str
    size: int
    data: bytes = field(repr=False)
    content_id: str | None = None
    inline: bool = False


@dataclass(frozen=True, slots=True)
class ParsedEmail:
    """A parsed message; every text field is decoded, one-line fields are cleaned."""

    message_id: str
    in_reply_to: str | None
    references: tuple[str, ...]
    subject: str
    from_name: str
    from_addr: str
    to: tuple[tuple[str, str], ...]
    cc: tuple[tuple[str, str], ...]
    reply_to: tuple[tuple[str, str], ...]
    date: datetime
    text: str
    html: str | None
    attachments: tuple[ParsedAttachment, ...]
    is_auto: bool
    auto_reason: str | None
    language: str | None
    problems: tuple[str, ...]
    message_id_synthesised: bool = False


def _read_headers(data: bytes, start: int, end: int, notes: list[str]) -> tuple[Headers, int]:
    """Read one header block; return headers (lowercased names) and body offset."""
    headers: Headers = {}
    if start >= end:
        return headers, end
    if data.startswith(b"\n", start) or data.startswith(b"\r\n", start):
        return headers, start + (1 if data[start] == 0x0A else 2)
    match = _BLANK_LINE.search(data, start, end)
    block_end, body_start = (match.start() + 1, match.end()) if match else (end, end)
    offset = start
    name = b""
    chunks: list[bytes] = []
    size = 0
    count = 0

    def flush() -> None:
        if name:
            headers.setdefault(name, []).append(b"".join(chunks))

    for line in data[start:block_end].split(b"\n"):
        line_start = offset
        offset += len(line) + 1
        if line.endswith(b"\r"):
            line = line[:-1]
        if line[:1] in (b" ", b"\t"):
            if name and size <= MAX_HEADER_BYTES:
                size += len(line)
                if size <= MAX_HEADER_BYTES:
                    chunks.append(line)
                else:
                    notes.append(f"header {shown(name.decode('latin-1'), 40)} was too long; cut")
            continue
        colon = line.find(b":")
        raw_name = line[:colon].rstrip(b" \t") if colon > 0 else b""
        if raw_name and _HEADER_NAME.fullmatch(raw_name):
            flush()
            count += 1
            if count > MAX_HEADERS:
                if count == MAX_HEADERS + 1:
                    notes.append(f"more than {MAX_HEADERS} header lines; the rest were skipped")
                name = b""
                continue
            name = raw_name.lower()
            value = line[colon + 1 :]
            if len(value) > MAX_HEADER_BYTES:
                notes.append(f"header {shown(name.decode('latin-1'), 40)} was too long; cut")
                value = value[:MAX_HEADER_BYTES]
            chunks = [value]
            size = len(value)
        elif not line or (line_start == start and line.startswith(b"From ")):
            continue
        else:
            flush()
            return headers, line_start
    flush()
    return headers, body_start


def _split_multipart(
    data: bytes, start: int, end: int, boundary: bytes
) -> tuple[list[tuple[int, int]], bool, bool]:
    """Find the parts of a multipart body.

    Returns:
        ``(part ranges, boundary found, closing boundary found)``.
    """
    delimiter = b"--" + boundary
    parts: list[tuple[int, int]] = []
    part_start = -1
    pos = start
    found = closed = False
    while True:
        idx = data.find(delimiter, pos, end)
        if idx < 0:
            break
        pos = idx + len(delimiter)
        if idx != start and data[idx - 1] != 0x0A:
            continue
        newline = data.find(b"\n", pos, end)
        line_end = end if newline < 0 else newline
        is_close = data.startswith(b"--", pos, line_end)
        if data[pos + 2 * is_close : line_end].strip():
            continue  # a longer boundary that merely starts with ours
        if part_start >= 0:
            stop = idx
            if stop > part_start and data[stop - 1] == 0x0A:
                stop -= 1
                if stop > part_start and data[stop - 1] == 0x0D:
                    stop -= 1
            parts.append((part_start, stop))
            if len(parts) > MAX_PARTS:
                return parts, True, False
        found = True
        if is_close:
            closed = True
            break
        part_start = end if newline < 0 else newline + 1
        pos = part_start
    if found and not closed and part_start >= 0:
        parts.append((part_start, end))
    return parts, found, closed


class _Walker:
    """Walks the MIME tree once, collecting body text, HTML and attachments."""

    def __init__(self, data: bytes, notes: list[str], fallback_charset: str | None) -> None:
        self.data = data
        self.notes = notes
        self.fallback_charset = fallback_charset
        self.texts: list[str] = []
        self.htmls: list[str] = []
        self.attachments: list[ParsedAttachment] = []
        self.parts = 0
        self.language: str | None = None
        self.report_type: str | None = None
        self.in_alternative = False

    def get(self, headers: Headers, name: bytes) -> str | None:
        """Return the first value of a header as text, or None."""
        values = headers.get(name)
        if not values:
            return None
        return header_text(values[0], self.fallback_charset).strip()

    def content_type(self, headers: Headers, default: str) -> tuple[str, dict[str, str]]:
        """Return a valid lowercased MIME type and its parameters."""
        raw = self.get(headers, b"content-type")
        if raw is None:
            return default, {}
        mime, params = parse_params(raw)
        mime = mime.split(None, 1)[0] if mime else mime
        if not _MIME_TYPE.fullmatch(mime):
            return "text/plain", params
        return mime, params

    def walk(
        self,
        start: int,
        end: int,
        depth: int,
        default_type: str,
        read: tuple[Headers, int] | None = None,
    ) -> None:
        """Read the entity at ``data[start:end]`` (headers already ``read``, maybe)."""
        self.parts += 1
        if self.parts == MAX_PARTS + 1:
            self.notes.append(f"message has more than {MAX_PARTS} parts; the rest were not read")
        if self.parts > MAX_PARTS:
            return
        headers, body = read or _read_headers(self.data, start, end, self.notes)
        mime, params = self.content_type(headers, default_type)
        if self.language is None and mime in _BODY_TYPES:
            self.language = _language(self.get(headers, b"content-language"))
        if not mime.startswith("multipart/"):
            self.leaf(headers, body, end, mime, params)
            return
        if depth >= MAX_DEPTH:
            self.notes.append(f"part nesting deeper than {MAX_DEPTH} levels was not read")
            return
        if mime == "multipart/report":
            self.report_type = params.get("report-type", "").lower()
        text = params.get("boundary") or _loose_boundary(self.get(headers, b"content-type"))
        boundary = text[:200].encode("utf-8", "replace")
        ranges: list[tuple[int, int]] = []
        found = closed = False
        if boundary:
            ranges, found, closed = _split_multipart(self.data, body, end, boundary)
        if not found:
            self.notes.append("a multipart section had no readable parts; shown as plain text")
            self.leaf(headers, body, end, "text/plain", {})
            return
        if not closed and len(ranges) <= MAX_PARTS:
            self.notes.append("the message ends before its last part was closed")
        child_type = "message/rfc822" if mime == "multipart/digest" else "text/plain"
        if mime != "multipart/alternative":
            for part_start, part_end in ranges:
                self.walk(part_start, part_end, depth + 1, child_type)
            return
        # Alternatives: keep the last (richest) plain and HTML versions only.
        texts, htmls, outer = self.texts, self.htmls, self.in_alternative
        best_text: list[str] = []
        best_html: list[str] = []
        self.in_alternative = True
        for part_start, part_end in ranges:
            self.texts, self.htmls = [], []
            self.walk(part_start, part_end, depth + 1, child_type)
            best_text = self.texts or best_text
            best_html = self.htmls or best_html
        self.texts, self.htmls = texts + best_text, htmls + best_html
        self.in_alternative = outer

    def leaf(
        self, headers: Headers, body: int, end: int, mime: str, params: dict[str, str]
    ) -> None:
        """Handle a single part: body text, HTML or attachment."""
        disposition_raw = self.get(headers, b"content-disposition") or ""
        disposition, dparams = parse_params(disposition_raw)
        raw_name = dparams.get("filename") or params.get("name") or ""
        if "=?" in raw_name:
            raw_name = decode_words(raw_name, self.notes)
        payload = self.payload(headers, body, end)
        if mime in _BODY_TYPES and disposition != "attachment" and not raw_name:
            text, note = decode_text(payload, params.get("charset"))
            if note:
                self.notes.append(note)
            if len(text) > MAX_BODY_CHARS:
                self.notes.append("a very long text part was cut")
                text = text[:MAX_BODY_CHARS]
            text = text.replace("\x00", "")
            if text.strip():
                (self.htmls if mime == "text/html" else self.texts).append(text)
            return
        # Other renderings of the same body (text/enriched, AMP) are not files.
        calendar = mime == "text/calendar"
        if self.in_alternative and mime.startswith("text/") and not calendar and not raw_name:
            return
        content_id = self.get(headers, b"content-id")
        if content_id is not None:
            content_id = "".join(clean_line(content_id).split()).strip("<>")[:250] or None
        filename = self.attachment_name(raw_name, mime, body, end)
        self.attachments.append(
            ParsedAttachment(
                filename=filename,
                mime_type=mime,
                size=len(payload),
                data=payload,
                content_id=content_id,
                inline=disposition == "inline" or (not disposition and content_id is not None),
            )
        )

    def attachment_name(self, raw_name: str, mime: str, body: int, end: int) -> str:
        """Return a safe file name for an attachment, noting any change."""
        if raw_name:
            name = safe_filename(raw_name)
            if name != raw_name.strip():
                self.notes.append(f"attachment name '{shown(raw_name)}' made safe")
            return name
        if mime == "message/rfc822":
            inner, _ = _read_headers(self.data, body, end, [])
            subject = clean_line(decode_words(self.get(inner, b"subject") or ""))
            stem = re.sub(r"[/\\]", "_", subject[:80]) or "message"
            return safe_filename(f"{stem}.eml")
        return f"attachment-{len(self.attachments) + 1}{_EXTENSIONS.get(mime, '.bin')}"

    def payload(self, headers: Headers, start: int, end: int) -> bytes:
        """Return the part body with its transfer encoding undone."""
        raw = self.data[start:end]
        label = (self.get(headers, b"content-transfer-encoding") or "").lower()
        encoding = re.sub(r"[\s_-]+", "", label.split(";")[0])
        if encoding in _IDENTITY_ENCODINGS:
            return raw
        if encoding == "base64":
            data, repaired = lenient_base64(raw)
            if repaired:
                self.notes.append("a part had damaged base64 data; some bytes may be missing")
            return data
        if encoding in ("quotedprintable", "qp"):
            return binascii.a2b_qp(raw)
        if encoding in ("xuuencode", "uuencode", "xuue"):
            return _uudecode(raw)
        self.notes.append(f"unknown transfer encoding {shown(label, 30)}; part shown undecoded")
        return raw


def _loose_boundary(content_type: str | None) -> str:
    """Find ``boundary=`` in a Content-Type that lacks the ``;`` before it."""
    match = _LOOSE_BOUNDARY.search(content_type or "")
    return (match.group(1) or match.group(2) or "") if match else ""


def _uudecode(raw: bytes) -> bytes:
    """Decode a uuencoded body, skipping lines that do not decode."""
    out = bytearray()
    for line in raw.splitlines():
        if not line or line.startswith((b"begin ", b"end")):
            continue
        try:
            out += binascii.a2b_uu(line)
        except binascii.Error:
            continue
    return bytes(out)


def _lf(text: str) -> str:
    """Use LF line ends."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _language(value: str | None) -> str | None:
    """Return the first language tag of a Content-Language value, lowercased."""
    if not value:
        return None
    tag = value.split(",")[0].strip().lower()
    return tag if _LANGUAGE.fullmatch(tag) else None


def _parse_date(value: str | None) -> datetime | None:
    """Parse an RFC 5322 date into aware UTC, or None."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        parsed = parsed.astimezone(UTC)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return parsed if parsed.year >= 1970 else None


def _auto_reason(walker: _Walker, headers: Headers, mime: str, from_addr: str) -> str | None:
    """Return why a message looks machine-sent, or None for a person's mail."""
    get = walker.get
    submitted = get(headers, b"auto-submitted")
    if submitted and submitted.split(";")[0].strip().lower() != "no":
        return f"Auto-Submitted: {shown(submitted, 40)}"
    for name in (b"x-autoreply", b"x-autorespond", b"x-autoresponder"):
        if name in headers:
            return f"{name.decode('ascii')} header present"
    precedence = (get(headers, b"precedence") or "").lower()
    if precedence in _PRECEDENCE_AUTO:
        return f"Precedence: {precedence}"
    suppress = (get(headers, b"x-auto-response-suppress") or "").lower()
    if {"all", "oof", "autoreply"} & set(re.split(r"[\s,]+", suppress)):
        return f"X-Auto-Response-Suppress: {shown(suppress, 40)}"
    if b"list-id" in headers:
        return "mailing list (List-Id)"
    if b"list-unsubscribe" in headers:
        return "bulk mail (List-Unsubscribe)"
    if (get(headers, b"return-path") or "x").replace(" ", "") == "<>":
        return "bounce (empty Return-Path)"
    if mime == "multipart/report" or b"x-failed-recipients" in headers:
        return f"delivery or read report ({walker.report_type or 'report'})"
    if from_addr.split("@")[0] in ("mailer-daemon", "postmaster"):
        return "sent by a mail server (MAILER-DAEMON)"
    return None


def _addresses(walker: _Walker, headers: Headers, name: bytes) -> tuple[tuple[str, str], ...]:
    """Parse every occurrence of an address header."""
    values = headers.get(name, [])
    found: list[tuple[str, str]] = []
    for raw in values[:10]:
        found += parse_addresses(header_text(raw, walker.fallback_charset), walker.notes)
    return tuple(found)


def parse_message(raw: bytes, *, fallback_date: datetime | None = None) -> ParsedEmail:
    """Parse raw message bytes; never raises on malformed mail.

    Args:
        raw: the message as fetched (CRLF or LF line ends).
        fallback_date: used when neither Date nor Received holds a readable
            date, e.g. the IMAP INTERNALDATE.
    """
    notes: list[str] = []
    data = raw
    if len(data) > MAX_MESSAGE_BYTES:
        notes.append(f"message is over {MAX_MESSAGE_BYTES >> 20} MB; only the start was read")
        data = data[:MAX_MESSAGE_BYTES]
    top = _read_headers(data, 0, len(data), notes)
    headers = top[0]
    top_mime, top_params = _Walker(data, notes, None).content_type(headers, "text/plain")
    walker = _Walker(data, notes, top_params.get("charset"))
    walker.walk(0, len(data), 0, "text/plain", top)
    get = walker.get

    subject = clean_line(decode_words(get(headers, b"subject") or "", notes))
    senders = _addresses(walker, headers, b"from") or _addresses(walker, headers, b"sender")
    from_name, from_addr = senders[0] if senders else ("", "")
    if not from_addr:
        notes.append("message has no sender address")

    own_id = normalise_message_id(get(headers, b"message-id") or "")
    synthesised = not own_id
    if synthesised:
        own_id = f"{hashlib.sha256(raw).hexdigest()[:40]}@synthesised.invalid"
        notes.append("message has no Message-ID; using one made from its content")
    references = [r for r in message_ids_in(get(headers, b"references") or "") if r != own_id]
    if len(references) > MAX_REFERENCES:
        references = references[:1] + references[-(MAX_REFERENCES - 1) :]
    reply_ids = [r for r in message_ids_in(get(headers, b"in-reply-to") or "", 5) if r != own_id]

    date = _parse_date(get(headers, b"date"))
    if date is None:
        received = headers.get(b"received", [b""])[0]
        date = _parse_date(header_text(received).rpartition(";")[2].strip())
        if date is not None:
            notes.append("no readable Date header; used the time a mail server received it")
        elif fallback_date is not None:
            date = (
                fallback_date.astimezone(UTC)
                if fallback_date.tzinfo
                else fallback_date.replace(tzinfo=UTC)
            )
            notes.append("no readable date in the message; used the time it was fetched")
        else:
            date = EPOCH
            notes.append("no readable date in the message; shown as 1970-01-01")

    html = "\n".join(_lf(h) for h in walker.htmls) if walker.htmls else None
    text = "\n\n".join(_lf(t) for t in walker.texts)
    if not text.strip() and html:
        text = html_to_text(html)
    reason = _auto_reason(walker, headers, top_mime, from_addr)
    language = _language(get(headers, b"content-language")) or walker.language
    to = _addresses(walker, headers, b"to")
    cc = _addresses(walker, headers, b"cc")
    reply_to = _addresses(walker, headers, b"reply-to")
    problems = tuple(dict.fromkeys(notes))[:MAX_PROBLEMS]
    return ParsedEmail(
        message_id=own_id,
        in_reply_to=reply_ids[0] if reply_ids else None,
        references=tuple(references),
        subject=subject,
        from_name=from_name,
        from_addr=from_addr,
        to=to,
        cc=cc,
        reply_to=reply_to,
        date=date,
        text=text.strip("\n"),
        html=html,
        attachments=tuple(walker.attachments),
        is_auto=reason is not None,
        auto_reason=reason,
        language=language,
        problems=problems,
        message_id_synthesised=synthesised,
    )
