"""A conversation's mails as .eml files or one mbox (mboxrd, the original bytes when kept)."""

from __future__ import annotations

import re
from datetime import UTC
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from supportdesk.services.export.timeline import ConversationExport, ExportEntry
from supportdesk.store.blobs import BlobStore

MAIL_KINDS = ("email_in", "email_out")
_FROM_LINE = re.compile(rb"^(>*From )", re.MULTILINE)


def mail_bytes(entry: ExportEntry, blobs: BlobStore) -> bytes:
    """The mail as it was received or sent (its kept original), else rebuilt from the row."""
    if entry.raw_sha256 and blobs.has(entry.raw_sha256):
        return blobs.get(entry.raw_sha256)
    msg = EmailMessage()
    meta = entry.meta
    sender = str(meta.get("from") or entry.author or "unknown@invalid")
    msg["From"] = sender
    to = meta.get("to")
    if to:
        msg["To"] = ", ".join(map(str, to)) if isinstance(to, list) else str(to)
    msg["Subject"] = entry.subject
    msg["Date"] = format_datetime(entry.at.astimezone(UTC))
    msg["Message-ID"] = str(meta.get("message_id") or make_msgid(idstring=entry.id))
    msg.set_content(entry.body)
    for a in entry.attachments:
        if blobs.has(a.sha256):
            main, _sep, sub = a.mime_type.partition("/")
            msg.add_attachment(blobs.get(a.sha256), maintype=main or "application",
                               subtype=sub or "octet-stream", filename=a.filename)
    return bytes(msg)


def mails(conv: ConversationExport, blobs: BlobStore) -> list[tuple[ExportEntry, bytes]]:
    """Every mail of the conversation with its bytes, oldest first."""
    return [(e, mail_bytes(e, blobs)) for e in conv.entries if e.kind in MAIL_KINDS]


def mbox_bytes(items: list[tuple[ExportEntry, bytes]]) -> bytes:
    """One mbox (mboxrd quoting: a line starting ``>*From `` gets one more ``>``)."""
    out = bytearray()
    for entry, raw in items:
        stamp = entry.at.astimezone(UTC).strftime("%a %b %d %H:%M:%S %Y")
        out += f"From supportdesk-export {stamp}\n".encode()
        body = _FROM_LINE.sub(rb">\1", raw)
        out += body
        if not body.endswith(b"\n"):
            out += b"\n"
        out += b"\n"
    return bytes(out)


def eml_name(n: int, entry: ExportEntry) -> str:
    """A safe file name for one exported mail."""
    subject = re.sub(r"[^\w.-]+", "-", entry.subject or "mail", flags=re.UNICODE).strip("-")
    return f"{n:03d}-{entry.at:%Y%m%d-%H%M}-{subject[:40] or 'mail'}.eml"
