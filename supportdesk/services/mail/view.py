"""What the conversation view needs to show mail: safe HTML, files, notes, send state.

HTML is sanitised here on every read (``channels.email.sanitize``), so a
better sanitiser applies to mail already stored. Inline ``cid:`` images
point at their files in the blob store; remote images stay blocked unless
the rep allowed them for the sender.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from supportdesk.channels.email.filenames import safe_filename
from supportdesk.channels.email.sanitize import sanitize_html
from supportdesk.models import Attachment, MailRemoteImageSender, Message, MessageKind, utcnow
from supportdesk.services.customers import normalize_email
from supportdesk.services.mail.sender import OutboxItem, outgoing_by_message
from supportdesk.store import UnitOfWork
from supportdesk.store.blobs import BlobStore

_REMOTE_IMG = re.compile(r"""<img\b[^>]*?\bsrc="(https?://[^"]+)\"""", re.IGNORECASE)
MAX_REMOTE_IMAGES = 30


@dataclass(frozen=True)
class MailFile:
    """An attachment, with where its bytes are on this device (None: not here)."""

    id: str
    filename: str
    mime_type: str
    size: int
    sha256: str
    content_id: str | None
    inline: bool
    path: Path | None


@dataclass(frozen=True)
class MailView:
    """One mail as the timeline shows it."""

    row_id: str
    sender: str
    html: str | None
    blocked_remote: int
    remote_allowed: bool
    remote_images: tuple[str, ...]
    files: tuple[MailFile, ...]
    problems: tuple[str, ...]
    is_auto: bool
    auto_reason: str | None
    to: tuple[str, ...]
    cc: tuple[str, ...]
    outgoing: OutboxItem | None
    raw_sha256: str | None
    #: the raw original is in this device's blob store (False while it is still
    #: on its way from the device that received the mail: it comes with a sync)
    raw_available: bool

    @property
    def raw_waiting(self) -> bool:
        """The mail has an original that has not reached this computer yet."""
        return bool(self.raw_sha256) and not self.raw_available


def _addresses(meta: dict[str, Any], key: str) -> tuple[str, ...]:
    out = []
    for person in meta.get(key) or ():
        if isinstance(person, dict) and person.get("address"):
            name = str(person.get("name") or "")
            address = str(person["address"])
            out.append(f"{name} <{address}>" if name else address)
    return tuple(out)


def remote_allowed_senders(session: Session, senders: set[str]) -> set[str]:
    """Which of these senders the rep allowed remote images for."""
    if not senders:
        return set()
    return set(
        session.scalars(
            select(MailRemoteImageSender.address).where(
                MailRemoteImageSender.address.in_(sorted(senders))
            )
        )
    )


def allow_remote_images(uow: UnitOfWork, sender: str, allow: bool = True) -> None:
    """Allow (or block again) remote images in mail from ``sender`` (device-local)."""
    address = normalize_email(sender)
    if not address:
        return
    session = uow.session
    if allow:
        if session.get(MailRemoteImageSender, address) is None:
            session.add(MailRemoteImageSender(address=address, allowed_at=utcnow()))
    else:
        session.execute(
            delete(MailRemoteImageSender).where(MailRemoteImageSender.address == address)
        )
    session.flush()
    uow.changes.add("mail_remote_image_senders", address)


def mail_views(session: Session, blobs: BlobStore, row_ids: list[str]) -> dict[str, MailView]:
    """The mail among these messages, ready to show."""
    if not row_ids:
        return {}
    messages = list(
        session.scalars(
            select(Message).where(
                Message.id.in_(row_ids),
                Message.kind.in_([MessageKind.EMAIL_IN, MessageKind.EMAIL_OUT]),
            )
        )
    )
    if not messages:
        return {}
    ids = [m.id for m in messages]
    files: dict[str, list[MailFile]] = {}
    for a in session.scalars(
        select(Attachment).where(Attachment.message_id.in_(ids)).order_by(Attachment.id)
    ):
        path = blobs.path_for(a.sha256) if blobs.has(a.sha256) else None
        files.setdefault(a.message_id, []).append(
            MailFile(a.id, a.filename, a.mime_type, a.size, a.sha256, a.content_id, a.inline,
                     path)
        )  # fmt: skip
    senders = {
        str((m.meta or {}).get("from", {}).get("address") or "")
        for m in messages
        if isinstance((m.meta or {}).get("from"), dict)
    }
    allowed = remote_allowed_senders(session, senders)
    sending = outgoing_by_message(session, [m.id for m in messages if m.kind == "email_out"])
    out: dict[str, MailView] = {}
    for m in messages:
        meta = dict(m.meta or {})
        person = meta.get("from")
        sender = str(person.get("address") or "") if isinstance(person, dict) else ""
        mail_files = tuple(files.get(m.id, ()))
        html = None
        blocked = 0
        remote: tuple[str, ...] = ()
        if m.body_html:
            cid_map = {
                f.content_id: f.path.as_uri()
                for f in mail_files
                if f.content_id and f.path is not None and f.mime_type.startswith("image/")
            }
            remote_ok = sender in allowed
            clean = sanitize_html(m.body_html, allow_remote=remote_ok, cid_map=cid_map)
            html, blocked = clean.html, clean.blocked_remote
            if remote_ok:
                found = dict.fromkeys(unescape(u) for u in _REMOTE_IMG.findall(html))
                remote = tuple(found)[:MAX_REMOTE_IMAGES]
        raw_ok = bool(m.raw_sha256) and blobs.has(m.raw_sha256 or "")
        out[m.id] = MailView(
            row_id=m.id,
            sender=sender,
            html=html,
            blocked_remote=blocked,
            remote_allowed=sender in allowed,
            remote_images=remote,
            files=mail_files,
            problems=tuple(str(p) for p in meta.get("problems") or ()),
            is_auto=bool(meta.get("is_auto")),
            auto_reason=meta.get("auto_reason"),
            to=_addresses(meta, "to"),
            cc=_addresses(meta, "cc"),
            outgoing=sending.get(m.id),
            raw_sha256=m.raw_sha256,
            raw_available=raw_ok,
        )
    return out


def attachment_file(session: Session, blobs: BlobStore, attachment_id: str) -> MailFile | None:
    """One attachment by id (for open and save)."""
    a = session.get(Attachment, attachment_id)
    if a is None:
        return None
    path = blobs.path_for(a.sha256) if blobs.has(a.sha256) else None
    return MailFile(a.id, a.filename, a.mime_type, a.size, a.sha256, a.content_id, a.inline, path)


@dataclass(frozen=True)
class MailOriginal:
    """A mail's raw RFC 822 original (to save as ``.eml``)."""

    row_id: str
    #: a file name for it, safe on every desktop (from the subject)
    filename: str
    #: where its bytes are on this device; None: not here yet (it comes with a sync)
    path: Path | None


def mail_original(session: Session, blobs: BlobStore, row_id: str) -> MailOriginal | None:
    """A mail's original, or None when the message has none (a note, a typed-in mail)."""
    m = session.scalar(select(Message).where(Message.id == row_id))
    if m is None or not m.raw_sha256:
        return None
    path = blobs.path_for(m.raw_sha256) if blobs.has(m.raw_sha256) else None
    name = safe_filename(f"{(m.subject or '').strip()[:80] or 'message'}.eml")
    return MailOriginal(m.id, name, path)
