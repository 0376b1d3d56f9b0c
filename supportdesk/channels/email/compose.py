"""Build outgoing mail (replies, forwards, new messages) as bytes ready for SMTP.

Every value that came from incoming mail (names, addresses, subject,
Message-IDs) passes through ``strip_crlf`` or ``normalise_message_id`` before
it reaches a header: Python 3.11/3.12 can still emit an injected header from
an encoded word holding CR/LF (CVE-2024-6923). Bcc recipients go only into
``OutgoingEmail.recipients``, never into a header.

Forwards carry References (not In-Reply-To) to the original, so a third
party's answer threads back into the same conversation.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Protocol

from supportdesk.channels.email.headers import clean_line, normalise_message_id, strip_crlf
from supportdesk.channels.email.parse import ParsedEmail, safe_filename
from supportdesk.channels.email.threads import strip_subject_prefixes, ticket_tag_in

MAX_OUTGOING_REFERENCES = 20
"""References kept in outgoing mail: the root plus the newest ones."""

Recipient = tuple[str, str] | str
"""``(display name, address)`` or a bare address."""

_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOMAIN = re.compile(rf"{_LABEL}(?:\.{_LABEL})*")
_SAFE_ID = re.compile(r"[!-;=?-~]+")  # printable ASCII without < and >
_MIME_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")


class AttachmentLike(Protocol):
    """Anything with the fields of an attachment (``ParsedAttachment`` fits)."""

    @property
    def filename(self) -> str: ...
    @property
    def mime_type(self) -> str: ...
    @property
    def data(self) -> bytes: ...
    @property
    def content_id(self) -> str | None: ...
    @property
    def inline(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class OutgoingAttachment:
    """A file to send; inline ones with a content_id are referenced from HTML as cid:."""

    filename: str
    mime_type: str
    data: bytes = field(repr=False)
    content_id: str | None = None
    inline: bool = False


@dataclass(frozen=True, slots=True)
class OutgoingEmail:
    """A message ready for SMTP, with what the store needs to thread it."""

    raw: bytes = field(repr=False)
    message_id: str
    recipients: list[str]
    subject: str
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()


def _address(recipient: Recipient, problems: list[str]) -> Address | None:
    """Return a clean ``Address``, or None (with a note) when it cannot be sent to."""
    name, addr = ("", recipient) if isinstance(recipient, str) else recipient
    addr = "".join(strip_crlf(addr).split())
    local, at, domain = addr.rpartition("@")
    if at and not domain.isascii():
        try:
            domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            domain = ""
    if not (at and _LOCAL.fullmatch(local) and _DOMAIN.fullmatch(domain) and len(addr) <= 254):
        problems.append(f"left out '{clean_line(addr)[:80]}': not an address mail can go to")
        return None
    return Address(display_name=clean_line(name), username=local, domain=domain.lower())


def _addresses(
    recipients: Sequence[Recipient], skip: set[str], problems: list[str]
) -> list[Address]:
    """Clean, de-duplicate and filter recipients; ``skip`` grows with what is used."""
    out: list[Address] = []
    for recipient in recipients:
        address = _address(recipient, problems)
        if address is None or address.addr_spec.lower() in skip:
            continue
        skip.add(address.addr_spec.lower())
        out.append(address)
    return out


def _tag(ticket_tag: str) -> str:
    """Return a canonical ticket tag or raise ValueError."""
    tag = ticket_tag_in(f"[{ticket_tag.strip().strip('[]')}]")
    if tag is None:
        raise ValueError(f"not a ticket tag: {clean_line(ticket_tag)[:40]!r}")
    return tag


def _subject(prefix: str, subject: str, ticket_tag: str | None) -> str:
    """Return ``prefix + subject + [tag]`` with old prefixes and tags removed once."""
    base = strip_subject_prefixes(subject)
    parts = [prefix, base, f"[{_tag(ticket_tag)}]" if ticket_tag else ""]
    return " ".join(part for part in parts if part)


def _safe_ids(ids: Sequence[str]) -> list[str]:
    """Normalise Message-IDs and keep only those safe inside angle brackets."""
    out: list[str] = []
    for value in ids:
        mid = normalise_message_id(value)
        if mid and _SAFE_ID.fullmatch(mid) and mid not in out:
            out.append(mid)
    return out


def _references(original: ParsedEmail) -> list[str]:
    """Original's References plus its Message-ID, capped but keeping the root."""
    chain = _safe_ids([*original.references, original.message_id])
    if len(chain) > MAX_OUTGOING_REFERENCES:
        chain = chain[:1] + chain[-(MAX_OUTGOING_REFERENCES - 1) :]
    return chain


def _new_message_id(message_id_domain: str, message_id: str | None) -> str:
    """Return the given id normalised, or a fresh random one at ``message_id_domain``."""
    if message_id is not None:
        ids = _safe_ids([message_id])
        if not ids:
            raise ValueError("message_id is not a usable Message-ID")
        return ids[0]
    domain = strip_crlf(message_id_domain).lower()
    if not _DOMAIN.fullmatch(domain):
        raise ValueError(f"not a domain for Message-IDs: {clean_line(message_id_domain)[:60]!r}")
    return f"{uuid.uuid4().hex}@{domain}"


def _mime_parts(mime_type: str) -> tuple[str, str]:
    """Split a MIME type, falling back to application/octet-stream."""
    mime = mime_type.strip().lower()
    if not _MIME_TYPE.fullmatch(mime) or mime.startswith(("multipart/", "message/")):
        mime = "application/octet-stream"
    maintype, _, subtype = mime.partition("/")
    return maintype, subtype


def _build(
    *,
    from_name: str,
    from_addr: str,
    to: list[Address],
    cc: list[Address],
    bcc: list[Address],
    subject: str,
    body_text: str,
    body_html: str | None,
    attachments: Sequence[AttachmentLike],
    message_id: str,
    date: datetime | None,
    in_reply_to: str | None,
    references: list[str],
    problems: list[str],
) -> OutgoingEmail:
    """Assemble the MIME message and serialise it with ``policy.SMTP``."""
    sender = _address((from_name, from_addr), [])
    if sender is None:
        raise ValueError(f"not a sender address: {clean_line(from_addr)[:80]!r}")
    if not to:
        to, cc = cc[:1], cc[1:]
    if not to and not bcc:
        raise ValueError("the message has no recipients")
    subject = clean_line(subject)
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = sender
    if to:
        msg["To"] = to
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = subject
    msg["Date"] = format_datetime((date or datetime.now(UTC)).astimezone(UTC))
    msg["Message-ID"] = f"<{message_id}>"
    if in_reply_to:
        msg["In-Reply-To"] = f"<{in_reply_to}>"
    if references:
        msg["References"] = " ".join(f"<{mid}>" for mid in references)
    msg.set_content(body_text.replace("\r\n", "\n").replace("\r", "\n"))
    related = [a for a in attachments if a.inline and a.content_id] if body_html else []
    related_ids = {id(a) for a in related}
    if body_html is not None:
        msg.add_alternative(body_html, subtype="html")
        html_part = list(msg.iter_parts())[-1]
        for item in related:
            maintype, subtype = _mime_parts(item.mime_type)
            cid = "".join(strip_crlf(item.content_id or "").split()).strip("<>")
            html_part.add_related(
                item.data, maintype, subtype, cid=f"<{cid}>",
                filename=safe_filename(item.filename), disposition="inline",
            )  # fmt: skip
    for item in attachments:
        if id(item) in related_ids:
            continue
        maintype, subtype = _mime_parts(item.mime_type)
        msg.add_attachment(item.data, maintype, subtype, filename=safe_filename(item.filename))
    return OutgoingEmail(
        raw=msg.as_bytes(policy=policy.SMTP),
        message_id=message_id,
        recipients=[a.addr_spec for a in (*to, *cc, *bcc)],
        subject=subject,
        in_reply_to=in_reply_to,
        references=tuple(references),
        problems=tuple(dict.fromkeys(problems)),
    )


def build_reply(
    original: ParsedEmail,
    *,
    from_name: str,
    from_addr: str,
    body_text: str,
    body_html: str | None = None,
    reply_all: bool,
    ticket_tag: str,
    own_addresses: Collection[str],
    attachments: Sequence[AttachmentLike] = (),
    message_id_domain: str,
    date: datetime | None = None,
    message_id: str | None = None,
) -> OutgoingEmail:
    """Reply to ``original``: to Reply-To (else From), plus To/Cc with ``reply_all``.

    Our own addresses never receive the reply; replying to a message we sent
    goes to its recipients. Raises ValueError when nobody is left to send to.
    """
    problems: list[str] = []
    skip = {a.strip().lower() for a in own_addresses} | {from_addr.strip().lower()}
    from_us = original.from_addr.lower() in skip
    sender = [(original.from_name, original.from_addr)] if original.from_addr else []
    primary = list(original.to) if from_us else list(original.reply_to or sender)
    to = _addresses(primary, skip, problems)
    others = (list(original.cc) if from_us else [*original.to, *original.cc]) if reply_all else []
    cc = _addresses(others, skip, problems)
    return _build(
        from_name=from_name,
        from_addr=from_addr,
        to=to,
        cc=cc,
        bcc=[],
        subject=_subject("Re:", original.subject, ticket_tag),
        body_text=body_text,
        body_html=body_html,
        attachments=attachments,
        message_id=_new_message_id(message_id_domain, message_id),
        date=date,
        in_reply_to=next(iter(_safe_ids([original.message_id])), None),
        references=_references(original),
        problems=problems,
    )


def forwarded_text(original: ParsedEmail) -> str:
    """Return the plain-text block quoting ``original`` below a forward note."""
    name, addr = clean_line(original.from_name), clean_line(original.from_addr)
    sender = f"{name} <{addr}>" if name else addr
    lines = [
        "---------- Forwarded message ----------",
        f"From: {sender}",
        f"Date: {format_datetime(original.date)}",
        f"Subject: {clean_line(original.subject)}",
        "To: " + ", ".join(clean_line(addr) for _, addr in original.to),
        "",
        original.text,
    ]
    return "\n".join(lines)


def build_forward(
    original: ParsedEmail,
    *,
    from_name: str,
    from_addr: str,
    to: Sequence[Recipient],
    cc: Sequence[Recipient] = (),
    body_text: str,
    body_html: str | None = None,
    ticket_tag: str,
    attachments: Sequence[AttachmentLike] = (),
    include_original_attachments: bool = True,
    message_id_domain: str,
    date: datetime | None = None,
    message_id: str | None = None,
) -> OutgoingEmail:
    """Forward ``original`` with the rep's note on top and its text quoted below."""
    problems: list[str] = []
    skip: set[str] = set()
    files = [*attachments, *(original.attachments if include_original_attachments else ())]
    return _build(
        from_name=from_name,
        from_addr=from_addr,
        to=_addresses(to, skip, problems),
        cc=_addresses(cc, skip, problems),
        bcc=[],
        subject=_subject("Fwd:", original.subject, ticket_tag),
        body_text=f"{body_text.rstrip()}\n\n{forwarded_text(original)}",
        body_html=body_html,
        attachments=files,
        message_id=_new_message_id(message_id_domain, message_id),
        date=date,
        in_reply_to=None,
        references=_references(original),
        problems=problems,
    )


def build_new(
    *,
    from_name: str,
    from_addr: str,
    to: Sequence[Recipient],
    cc: Sequence[Recipient] = (),
    bcc: Sequence[Recipient] = (),
    subject: str,
    body_text: str,
    body_html: str | None = None,
    ticket_tag: str | None = None,
    attachments: Sequence[AttachmentLike] = (),
    message_id_domain: str,
    date: datetime | None = None,
    message_id: str | None = None,
) -> OutgoingEmail:
    """Start a new thread; Bcc addresses are only in ``recipients``."""
    problems: list[str] = []
    skip: set[str] = set()
    tagged = clean_line(subject)
    if ticket_tag and ticket_tag_in(tagged) != _tag(ticket_tag):
        tagged = f"{tagged} [{_tag(ticket_tag)}]".strip()
    return _build(
        from_name=from_name,
        from_addr=from_addr,
        to=_addresses(to, skip, problems),
        cc=_addresses(cc, skip, problems),
        bcc=_addresses(bcc, skip, problems),
        subject=tagged,
        body_text=body_text,
        body_html=body_html,
        attachments=attachments,
        message_id=_new_message_id(message_id_domain, message_id),
        date=date,
        in_reply_to=None,
        references=[],
        problems=problems,
    )
