"""Writing exports to files: one conversation, or a customer's whole history."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from supportdesk.services.export import mail as mail_export
from supportdesk.services.export.timeline import (
    ExportError,
    conversation_html,
    customer_conversations,
    html_document,
    load_conversation,
)
from supportdesk.store import Store
from supportdesk.store.atomic import replace_file

FORMATS = ("pdf", "html", "eml", "mbox")
HISTORY_FORMATS = ("pdf", "zip")


def export_conversation(store: Store, conversation_id: str, fmt: str, out: Path, *,
                        notes: bool = True) -> Path:
    """Write one conversation as ``fmt``; ``eml`` writes a folder of .eml files.

    Raises:
        ExportError: unknown format, no such conversation, or no mail to export.
    """
    if fmt not in FORMATS:
        raise ExportError(f"Unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
    with store.read() as session:
        conv = load_conversation(session, conversation_id, notes=notes)
    if fmt == "html":
        return replace_file(out, html_document(conv.subject, conversation_html(conv)).encode())
    if fmt == "pdf":
        from supportdesk.reports.render_export import html_to_pdf

        return html_to_pdf(html_document(conv.subject, conversation_html(conv)), out)
    items = mail_export.mails(conv, store.blobs)
    if not items:
        raise ExportError("This conversation has no e-mails to export; export it as PDF or "
                          "HTML instead.")
    if fmt == "mbox":
        return replace_file(out, mail_export.mbox_bytes(items))
    out.mkdir(parents=True, exist_ok=True)
    for n, (entry, raw) in enumerate(items, start=1):
        replace_file(out / mail_export.eml_name(n, entry), raw)
    return out


def export_customer(store: Store, customer_id: str, fmt: str, out: Path, *,
                    notes: bool = False) -> Path:
    """Write a customer's whole history (every conversation, every channel) as one PDF or
    a zip (an HTML page per conversation and one for all, the mails as mbox, the files).

    Raises:
        ExportError: unknown format or customer.
    """
    if fmt not in HISTORY_FORMATS:
        raise ExportError(f"Unknown format {fmt!r}; use pdf or zip.")
    with store.read() as session:
        conv_ids = customer_conversations(session, customer_id)
        convs = [load_conversation(session, c, notes=notes) for c in conv_ids]
    if not convs:
        raise ExportError("This customer has no conversations to export.")
    name = convs[0].customer_name or "customer"
    title = f"History of {name}"
    sections = [f"<h1>{title}</h1><p>{len(convs)} conversation(s).</p>"] + [
        "<div style='page-break-before: always'>" + conversation_html(c, heading=2) + "</div>"
        for c in convs]
    whole = html_document(title, "\n".join(sections))
    if fmt == "pdf":
        from supportdesk.reports.render_export import html_to_pdf

        return html_to_pdf(whole, out)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("history.html", whole)
        for n, c in enumerate(convs, start=1):
            slug = re.sub(r"[^\w.-]+", "-", c.subject or "conversation").strip("-")[:40]
            folder = f"{n:03d}-{c.channel}-{slug or 'conversation'}"
            zf.writestr(f"{folder}/conversation.html",
                        html_document(c.subject, conversation_html(c)))
            items = mail_export.mails(c, store.blobs)
            if items:
                zf.writestr(f"{folder}/mails.mbox", mail_export.mbox_bytes(items))
            seen: set[str] = set()
            for entry in c.entries:
                for a in entry.attachments:
                    if not store.blobs.has(a.sha256):
                        continue
                    fname = re.sub(r"[^\w. -]+", "_", a.filename).strip() or a.sha256[:12]
                    while fname in seen:
                        fname = f"_{fname}"
                    seen.add(fname)
                    zf.writestr(f"{folder}/attachments/{fname}", store.blobs.get(a.sha256))
    return replace_file(out, buf.getvalue())
