"""Write mail: reply, reply to all, forward, new. Stored at once, sent when possible.

``draft_for`` fills a composer (recipients, subject with the ticket tag, the
quoted original); ``queue_draft`` builds the exact bytes with
``channels.email.compose`` (every value from incoming mail stripped of CR/LF
there), stores an ``email_out`` message in the conversation and puts the
mail in the outgoing queue, in the same unit of work. Writing mail works
offline; ``sender.send_due`` takes it out when the network is there.
"""

from __future__ import annotations

import dataclasses
import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.channels.email.compose import (
    OutgoingAttachment,
    OutgoingEmail,
    build_forward,
    build_new,
    build_reply,
    forwarded_text,
)
from supportdesk.channels.email.headers import clean_line, parse_addresses, strip_crlf
from supportdesk.channels.email.ids import conversation_id_for_root, message_row_id
from supportdesk.channels.email.parse import ParsedAttachment, ParsedEmail, parse_message
from supportdesk.channels.email.sanitize import sanitize_html
from supportdesk.channels.email.threads import strip_subject_prefixes
from supportdesk.models import (
    Attachment,
    Channel,
    Conversation,
    Identity,
    IdentityKind,
    MailOutgoing,
    Message,
    MessageKind,
    OutgoingStatus,
    derived_id,
    new_id,
    ticket_ref,
    utcnow,
)
from supportdesk.services.actions import ActionError, create_conversation, touch
from supportdesk.services.mail.mailboxes import MailboxInfo, get_mailbox, list_mailboxes
from supportdesk.services.mail.rows import (
    MAX_NAME,
    MAX_SUBJECT,
    content_hash,
    ensure_email_customer,
    mailbox_key_for,
    own_addresses,
)
from supportdesk.services.mail.signatures import (
    DEFAULT_LIMIT_MB,
    get_prefs,
    mailbox_owner,
    signature_text,
    with_signature,
)
from supportdesk.store import UnitOfWork
from supportdesk.store.blobs import BlobStore

Mode = Literal["reply", "reply_all", "forward", "new"]
MODES: tuple[Mode, ...] = ("reply", "reply_all", "forward", "new")
MAX_QUOTED_LINES = 400
#: Attachments of one mail may add up to this much unless the mailbox says otherwise.
ATTACHMENT_LIMIT = DEFAULT_LIMIT_MB * 1024 * 1024


@dataclass(frozen=True)
class Draft:
    """A mail being written; addresses are ``Name <addr>`` or bare ``addr`` strings."""

    mode: Mode
    mailbox_id: str
    conversation_id: str | None = None
    original_row_id: str | None = None
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()
    subject: str = ""
    body_text: str = ""
    attachments: tuple[OutgoingAttachment, ...] = field(default=(), repr=False)
    author_name: str = ""
    #: chosen up front so a new conversation's ticket tag is known while writing
    message_id: str = ""
    #: the same content with formatting (bold, lists, links); sent sanitised as the
    #: text/html alternative of ``body_text``. None: plain text only.
    body_html: str | None = None


@dataclass(frozen=True)
class QueuedMail:
    """What ``queue_draft`` stored."""

    message_row_id: str
    conversation_id: str
    outgoing_id: str
    message_id: str
    recipients: tuple[str, ...]
    problems: tuple[str, ...]


def _message(session: Session, row_id: str) -> Message:
    msg = session.scalars(select(Message).where(Message.id == row_id)).one_or_none()
    if msg is None:
        raise ActionError("That message no longer exists on this device.")
    if msg.kind not in (MessageKind.EMAIL_IN, MessageKind.EMAIL_OUT):
        raise ActionError("Only email can be answered or forwarded by email.")
    return msg


def _pairs(meta: dict[str, Any], key: str) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for person in meta.get(key) or ():
        if isinstance(person, dict):
            out.append((str(person.get("name") or ""), str(person.get("address") or "")))
    return tuple(out)


def parsed_original(session: Session, blobs: BlobStore, msg: Message) -> ParsedEmail:
    """The message as parsed from its raw source, or rebuilt from its row when the raw is absent.

    Mail that came through sync may have no raw file on this device.
    """
    if msg.raw_sha256 and blobs.has(msg.raw_sha256):
        return parse_message(blobs.get(msg.raw_sha256), fallback_date=msg.created_at)
    meta = dict(msg.meta or {})
    found = meta.get("from")
    sender: dict[str, Any] = found if isinstance(found, dict) else {}
    files = []
    for a in session.scalars(select(Attachment).where(Attachment.message_id == msg.id)):
        if blobs.has(a.sha256):
            files.append(
                ParsedAttachment(a.filename, a.mime_type, a.size, blobs.get(a.sha256),
                                 a.content_id, a.inline)
            )  # fmt: skip
    address = str(sender.get("address") or "")
    if not address and msg.author_customer_id:
        # Mail without its headers (e.g. made elsewhere): answer the customer's address.
        address = session.scalar(
            select(Identity.value).where(
                Identity.customer_id == msg.author_customer_id,
                Identity.kind == IdentityKind.EMAIL,
            )
        ) or ""
    return ParsedEmail(
        message_id=str(meta.get("message_id") or f"{msg.id}@row.supportdesk.invalid"),
        in_reply_to=meta.get("in_reply_to"),
        references=tuple(str(r) for r in meta.get("references") or ()),
        subject=msg.subject,
        from_name=str(sender.get("name") or msg.author_name),
        from_addr=address,
        to=_pairs(meta, "to"),
        cc=_pairs(meta, "cc"),
        reply_to=_pairs(meta, "reply_to"),
        date=msg.created_at,
        text=msg.body_text,
        html=msg.body_html,
        attachments=tuple(files),
        is_auto=bool(meta.get("is_auto")),
        auto_reason=meta.get("auto_reason"),
        language=meta.get("language"),
        problems=(),
    )


def latest_email(session: Session, conversation_id: str) -> str | None:
    """The newest mail in a conversation (preferring the customer's), for Reply."""
    for kinds in ((MessageKind.EMAIL_IN,), (MessageKind.EMAIL_IN, MessageKind.EMAIL_OUT)):
        found = session.scalar(
            select(Message.id)
            .where(Message.conversation_id == conversation_id, Message.kind.in_(kinds))
            .order_by(Message.created_at.desc(), Message.n.desc())
            .limit(1)
        )
        if found is not None:
            return found
    return None


def _shown(name: str, address: str) -> str:
    name = clean_line(name).replace('"', "'")
    if not name or name.lower() == address:
        return address
    if any(c in name for c in ',;<>@:()[]\\'):
        return f'"{name}" <{address}>'
    return f"{name} <{address}>"


def _targets(
    pairs: list[tuple[str, str]], own: frozenset[str], taken: set[str]
) -> tuple[str, ...]:
    out: list[str] = []
    for name, address in pairs:
        address = "".join(strip_crlf(address).split()).lower()
        if not address or address in own or address in taken:
            continue
        taken.add(address)
        out.append(_shown(name, address))
    return tuple(out)


def _quote(original: ParsedEmail) -> str:
    who = clean_line(original.from_name) or original.from_addr
    when = original.date.astimezone().strftime("%a %d %b %Y, %H:%M")
    lines = original.text.splitlines()[:MAX_QUOTED_LINES]
    quoted = "\n".join(f"> {line}" if line else ">" for line in lines)
    return f"\n\nOn {when}, {who} wrote:\n{quoted}\n"


def _choose_mailbox(session: Session, mailbox_id: str | None, original: Message | None) -> str:
    boxes = list_mailboxes(session)
    if not boxes:
        raise ActionError("Add a support mailbox first (Tools → Mailboxes…).")
    if mailbox_id and any(b.id == mailbox_id for b in boxes):
        return mailbox_id
    if original is not None:
        key = str((original.meta or {}).get("mailbox") or "")
        for box in boxes:
            if mailbox_key_for(box.address) == key:
                return box.id
    return boxes[0].id


def new_message_id(mailbox: MailboxInfo) -> str:
    """A fresh Message-ID at the mailbox's domain."""
    return f"{uuid.uuid4().hex}@{mailbox.domain}"


def draft_for(
    session: Session,
    blobs: BlobStore,
    mode: Mode,
    *,
    conversation_id: str | None = None,
    original_row_id: str | None = None,
    mailbox_id: str | None = None,
    author_name: str = "",
) -> Draft:
    """A composer's starting point: recipients, subject with the ticket tag, signature, quote.

    The agent's and the mailbox's signatures (``services.mail.signatures``)
    go above the quoted text.
    """
    draft = _draft_for(
        session, blobs, mode, conversation_id=conversation_id, original_row_id=original_row_id,
        mailbox_id=mailbox_id, author_name=author_name,
    )  # fmt: skip
    signature = signature_text(session, draft.mailbox_id, author_name, draft.conversation_id)
    if not signature:
        return draft
    return dataclasses.replace(draft, body_text=with_signature(draft.body_text, signature))


def _draft_for(
    session: Session,
    blobs: BlobStore,
    mode: Mode,
    *,
    conversation_id: str | None = None,
    original_row_id: str | None = None,
    mailbox_id: str | None = None,
    author_name: str = "",
) -> Draft:
    """A composer's starting point: recipients, subject with the ticket tag, quoted text.

    For reply and forward without ``original_row_id`` the newest mail of the
    conversation is used. Raises ActionError when there is nothing to answer
    or no mailbox.
    """
    if mode not in MODES:
        raise ActionError(f"Unknown way to write mail: {mode!r}.")
    own = own_addresses(session)
    if mode != "new" and original_row_id is None and conversation_id:
        original_row_id = latest_email(session, conversation_id)
    if mode != "new" and original_row_id is None:
        raise ActionError("This conversation has no email to answer or forward.")
    msg = _message(session, original_row_id) if original_row_id else None
    box_id = _choose_mailbox(session, mailbox_id, msg)
    box = get_mailbox(session, box_id)
    assert box is not None
    if msg is not None:
        conversation_id = msg.conversation_id
        original = parsed_original(session, blobs, msg)
        tag = ticket_ref(msg.conversation_id)
        base = strip_subject_prefixes(original.subject)
        taken: set[str] = set()
        if mode == "forward":
            return Draft(
                mode, box_id, conversation_id, original_row_id, (), (), (),
                f"Fwd: {base} [{tag}]".replace("  ", " "), "", (), author_name,
                new_message_id(box),
            )  # fmt: skip
        from_us = original.from_addr in own
        sender = [(original.from_name, original.from_addr)] if original.from_addr else []
        primary = list(original.to) if from_us else list(original.reply_to or sender)
        to = _targets(primary, own, taken)
        others = list(original.cc) if from_us else [*original.to, *original.cc]
        cc = _targets(others, own, taken) if mode == "reply_all" else ()
        return Draft(
            mode, box_id, conversation_id, original_row_id, to, cc, (),
            f"Re: {base} [{tag}]" if base else f"Re: [{tag}]", _quote(original), (),
            author_name, new_message_id(box),
        )  # fmt: skip
    to = ()
    subject = ""
    if conversation_id:
        conv = session.scalars(
            select(Conversation).where(Conversation.id == conversation_id)
        ).one_or_none()
        if conv is None:
            raise ActionError("That conversation no longer exists on this device.")
        subject = f"{strip_subject_prefixes(conv.subject)} [{ticket_ref(conv.id)}]".strip()
        if conv.customer_id:
            address = session.scalar(
                select(Identity.value).where(
                    Identity.customer_id == conv.customer_id, Identity.kind == IdentityKind.EMAIL
                )
            )
            if address:
                to = (address,)
    return Draft("new", box_id, conversation_id, None, to, (), (), subject, "", (), author_name,
                 new_message_id(box))  # fmt: skip


def safe_html(html: str) -> str:
    """The rep's formatted text as it may leave: sanitised, no remote or local resources.

    Sanitised twice: the second pass settles what re-parsing changes (a newline
    after ``<pre>``), so the receiving side's sanitiser finds nothing to change.
    """
    once = sanitize_html(html, allow_remote=False, cid_map={}).html
    return sanitize_html(once, allow_remote=False, cid_map={}).html


def _forwarded_html(original: ParsedEmail) -> str:
    lines = (escape(line) for line in forwarded_text(original).splitlines())
    return "<br><blockquote>" + "<br>".join(lines) + "</blockquote>"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def parse_recipients(values: tuple[str, ...]) -> list[tuple[str, str]]:
    """Addresses typed by a rep (commas, semicolons, names) as (name, address) pairs."""
    text = ", ".join(v for v in values if v.strip()).replace(";", ",")
    return [(name, addr) for name, addr in parse_addresses(text) if addr]


def _build(
    session: Session,
    blobs: BlobStore,
    draft: Draft,
    box: MailboxInfo,
    conversation_id: str,
    date: datetime,
) -> tuple[OutgoingEmail, ParsedEmail | None]:
    own = own_addresses(session)
    to = parse_recipients(draft.to)
    cc = parse_recipients(draft.cc)
    html = safe_html(draft.body_html) if draft.body_html else None
    common: dict[str, Any] = {
        "from_name": box.display_name or box.name,
        "from_addr": box.address,
        "body_text": draft.body_text,
        "body_html": html,
        "attachments": draft.attachments,
        "message_id_domain": box.domain,
        "message_id": draft.message_id or None,
        "date": date,
    }
    tag = ticket_ref(conversation_id)
    if draft.mode in ("reply", "reply_all", "forward"):
        assert draft.original_row_id is not None
        original = parsed_original(session, blobs, _message(session, draft.original_row_id))
        if draft.mode == "forward":
            if html is not None:
                common["body_html"] = html + _forwarded_html(original)
            out = build_forward(original, to=to, cc=cc, ticket_tag=tag, **common)
            return out, original
        # compose picks recipients from the original; present it as asking for
        # replies to exactly the addresses the rep left in the composer.
        target = dataclasses.replace(
            original,
            from_name="",
            from_addr="",
            reply_to=tuple(to),
            to=(),
            cc=tuple(cc),
            subject=draft.subject or original.subject,
        )
        out = build_reply(target, reply_all=True, ticket_tag=tag, own_addresses=own, **common)
        return out, original
    out = build_new(
        to=to, cc=cc, bcc=parse_recipients(draft.bcc), subject=draft.subject,
        ticket_tag=tag, **common,
    )  # fmt: skip
    return out, None


def _content_of(raw: bytes, blobs: BlobStore) -> str:
    """``content_hash`` of the mail as it will be read back (a fetched copy matches)."""
    parsed = parse_message(raw)
    files = [hashlib.sha256(a.data).hexdigest() for a in parsed.attachments]
    return content_hash(parsed.subject[:MAX_SUBJECT], parsed.text, files)


def queue_draft(
    uow: UnitOfWork, blobs: BlobStore, draft: Draft, *, now: datetime | None = None
) -> QueuedMail:
    """Store the mail in its conversation and queue it for sending, in one unit of work.

    Raises:
        ActionError: no recipients, an address mail cannot go to, no mailbox.
    """
    session = uow.session
    # Whole seconds, as in the Date header, so a copy fetched back matches this row.
    now = (now or utcnow()).replace(microsecond=0)
    box = get_mailbox(session, draft.mailbox_id)
    if box is None:
        raise ActionError("That mailbox was removed; choose another one.")
    if not parse_recipients(draft.to + draft.cc + draft.bcc):
        raise ActionError("Add at least one recipient.")
    prefs = get_prefs(session, mailbox_owner(box.id))
    attached = sum(len(a.data) for a in draft.attachments)
    if attached > prefs.attachment_limit:
        raise ActionError(
            f"The attachments add up to {_megabytes(attached)}; a mail from {box.address} may "
            f"carry at most {_megabytes(prefs.attachment_limit)}. Nothing was queued: remove "
            "some files, or share them by a link."
        )
    if prefs.plain_text_only:
        draft = dataclasses.replace(draft, body_html=None)
    message_id = draft.message_id or new_message_id(box)
    draft = dataclasses.replace(draft, message_id=message_id)
    if draft.mode != "new":
        if draft.original_row_id is None:
            raise ActionError("Choose the message to answer or forward.")
        conversation_id = _message(session, draft.original_row_id).conversation_id
    else:
        conversation_id = draft.conversation_id or conversation_id_for_root(message_id)
    try:
        out, _original = _build(session, blobs, draft, box, conversation_id, now)
    except ValueError as exc:
        raise ActionError(f"The mail cannot be sent as written: {exc}.") from exc
    conv = session.scalars(
        select(Conversation).where(Conversation.id == conversation_id)
    ).one_or_none()
    if conv is None:
        first = parse_recipients(draft.to) or parse_recipients(draft.cc)
        customer_id = ensure_email_customer(uow, *first[0]) if first else None
        conv = create_conversation(
            uow,
            channel=Channel.EMAIL,
            customer_id=customer_id,
            subject=strip_subject_prefixes(out.subject)[:MAX_SUBJECT],
            conversation_id=conversation_id,
            created_at=now,
        )
    row_id = message_row_id(mailbox_key_for(box.address), out.message_id)
    raw_sha = blobs.put(out.raw)

    def people(values: tuple[str, ...]) -> list[dict[str, str]]:
        return [{"name": n, "address": a} for n, a in parse_recipients(values)]

    message = Message(
        id=row_id,
        conversation_id=conv.id,
        kind=MessageKind.EMAIL_OUT,
        created_at=now,
        author_agent_id=uow.agent_id,
        author_customer_id=None,
        author_name=(draft.author_name or box.display_name or box.name)[:MAX_NAME],
        subject=out.subject[:MAX_SUBJECT],
        body_text=draft.body_text,
        body_html=safe_html(draft.body_html) if draft.body_html else None,
        meta={
            "message_id": out.message_id,
            "in_reply_to": out.in_reply_to,
            "references": list(out.references),
            "from": {"name": box.display_name or box.name, "address": box.address},
            "to": people(draft.to),
            "cc": people(draft.cc),
            "bcc": people(draft.bcc),
            "mailbox": mailbox_key_for(box.address),
            "outgoing": True,
            "composed": draft.mode,
            "problems": list(out.problems),
            "content": _content_of(out.raw, blobs),
        },
        raw_sha256=raw_sha,
    )
    uow.add(message)
    for index, item in enumerate(draft.attachments):
        uow.add(
            Attachment(
                id=derived_id("attachment", row_id, str(index)),
                message_id=row_id,
                filename=item.filename[:300],
                mime_type=item.mime_type[:120],
                size=len(item.data),
                sha256=blobs.put(item.data),
                content_id=item.content_id,
                inline=item.inline,
            )
        )
    touch(uow, conv, message)
    return _enqueue(uow, box, out, new_id(), row_id, conv.id, raw_sha, now)


# -- automatic replies -------------------------------------------------------------------

#: Headers of every automatic reply (RFC 3834; Exchange's own switch): other
#: robots see it is one and do not answer it, so two auto-responders never loop.
AUTO_REPLY_HEADERS = b"Auto-Submitted: auto-replied\r\nX-Auto-Response-Suppress: All\r\n"


def auto_reply_message_id(conversation_id: str, box: MailboxInfo) -> str:
    """The Message-ID of a conversation's automatic acknowledgement.

    Made from the conversation, so two devices that acknowledge the same
    conversation make the same message row (and the customer's mail program
    sees one message).
    """
    return f"auto-ack.{conversation_id}@{box.domain}"


def build_auto_reply(
    session: Session,
    box: MailboxInfo,
    original: ParsedEmail,
    conversation_id: str,
    body_text: str,
    date: datetime,
) -> OutgoingEmail:
    """The bytes of an automatic reply to ``original`` (its sender only, never Cc).

    Threading headers and the ticket tag come from ``build_reply`` (every value
    from the incoming mail stripped of CR/LF there), then the auto-reply
    headers are put on top.

    Raises:
        ValueError: the customer's address is not one mail can go to.
    """
    out = build_reply(
        original,
        from_name=box.display_name or box.name,
        from_addr=box.address,
        body_text=body_text,
        reply_all=False,
        ticket_tag=ticket_ref(conversation_id),
        own_addresses=own_addresses(session),
        message_id_domain=box.domain,
        date=date,
        message_id=auto_reply_message_id(conversation_id, box),
    )
    return dataclasses.replace(out, raw=AUTO_REPLY_HEADERS + out.raw)


def queue_auto_reply(
    uow: UnitOfWork,
    blobs: BlobStore,
    box: MailboxInfo,
    out: OutgoingEmail,
    conversation_id: str,
    auto_ack: dict[str, Any],
    now: datetime,
) -> QueuedMail | None:
    """Store an automatic reply in its conversation and queue it, in this unit of work.

    The message carries ``meta["auto_ack"]`` (what was promised), so SLA
    tracking never takes it for a person's answer; it leaves the
    conversation's snippet and last activity to the customer's mail. Ids are
    derived from the Message-ID: a second call for the same conversation
    queues nothing and returns None.
    """
    session = uow.session
    key = mailbox_key_for(box.address)
    row_id = message_row_id(key, out.message_id)
    outgoing_id = derived_id("mail_outgoing", row_id)
    if session.get(MailOutgoing, outgoing_id) is not None or session.scalar(
        select(Message.id).where(Message.id == row_id)
    ):
        return None
    conv = session.scalars(select(Conversation).where(Conversation.id == conversation_id)).one()
    raw_sha = blobs.put(out.raw)
    to = [{"name": "", "address": a} for a in out.recipients]
    uow.add(
        Message(
            id=row_id,
            conversation_id=conversation_id,
            kind=MessageKind.EMAIL_OUT,
            created_at=now,
            author_agent_id=None,
            author_customer_id=None,
            author_name=(box.display_name or box.name)[:MAX_NAME],
            subject=out.subject[:MAX_SUBJECT],
            body_text=parse_message(out.raw).text,
            body_html=None,
            meta={
                "message_id": out.message_id,
                "in_reply_to": out.in_reply_to,
                "references": list(out.references),
                "from": {"name": box.display_name or box.name, "address": box.address},
                "to": to,
                "cc": [],
                "mailbox": key,
                "outgoing": True,
                "composed": "auto_ack",
                "auto_ack": auto_ack,
                "problems": list(out.problems),
                "content": _content_of(out.raw, blobs),
            },
            raw_sha256=raw_sha,
        )
    )
    uow.update(conv, message_count=conv.message_count + 1)
    return _enqueue(uow, box, out, outgoing_id, row_id, conversation_id, raw_sha, now)


def _enqueue(
    uow: UnitOfWork, box: MailboxInfo, out: OutgoingEmail, outgoing_id: str, row_id: str,
    conversation_id: str, raw_sha: str, now: datetime,
) -> QueuedMail:
    """Put a written message in the send queue (device-local: the sender picks it up)."""
    outgoing = MailOutgoing(
        id=outgoing_id,
        mailbox_id=box.id,
        message_row_id=row_id,
        conversation_id=conversation_id,
        status=OutgoingStatus.QUEUED,
        attempts=0,
        next_attempt_at=now,
        last_error=None,
        raw_sha256=raw_sha,
        mail_from=box.address,
        recipients=list(out.recipients),
        subject=out.subject[:MAX_SUBJECT],
        created_at=now,
        sent_copy_pending=False,
    )
    uow.session.add(outgoing)
    uow.session.flush()
    uow.changes.add("mail_outgoing", outgoing.id)
    return QueuedMail(
        row_id, conversation_id, outgoing.id, out.message_id, tuple(out.recipients), out.problems
    )
