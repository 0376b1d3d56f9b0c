"""Helpers for the mail service tests: small messages and mailboxes on 127.0.0.1."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

from supportdesk.services.mail.mailboxes import MailboxInfo, get_mailbox, save_mailbox
from supportdesk.store import Store

SUPPORT = "support@example.com"


def mail(
    subject: str,
    *,
    sender: str = "Ann Customer <ann@example.net>",
    to: str = f"Support <{SUPPORT}>",
    message_id: str | None = None,
    references: str | None = None,
    in_reply_to: str | None = None,
    date: datetime | None = None,
    body: str = "Hello",
    extra: str = "",
) -> bytes:
    """A small RFC 5322 message."""
    lines = [f"From: {sender}", f"To: {to}", f"Subject: {subject}"]
    if message_id is not None:
        lines.append(f"Message-ID: <{message_id}>")
    if references:
        lines.append(f"References: {references}")
    if in_reply_to:
        lines.append(f"In-Reply-To: {in_reply_to}")
    lines.append(f"Date: {format_datetime(date or datetime(2024, 6, 1, 12, tzinfo=UTC))}")
    if extra:
        lines.append(extra.rstrip("\r\n"))
    return ("\r\n".join(lines) + "\r\n\r\n" + body + "\r\n").encode()


def add_mailbox(
    store: Store,
    *,
    address: str = SUPPORT,
    username: str = "support",
    imap_port: int = 9,
    smtp_port: int = 9,
    smtp_security: str = "starttls",
    ca_file: str | None = None,
    sent_folder: str | None = None,
    window_days: int = 90,
) -> MailboxInfo:
    """Save a mailbox on 127.0.0.1 and return it as stored."""
    info = MailboxInfo(
        id="", name="Support", address=address, display_name="Acme Support",
        username=username, imap_host="127.0.0.1", imap_port=imap_port, imap_security="tls",
        smtp_host="127.0.0.1", smtp_port=smtp_port, smtp_security=smtp_security,
        sent_folder=sent_folder, ca_file=ca_file, fetch_window_days=window_days,
    )  # fmt: skip
    mailbox_id = store.write(lambda uow: save_mailbox(uow, info))
    with store.read() as session:
        stored = get_mailbox(session, mailbox_id)
    assert stored is not None
    return stored
