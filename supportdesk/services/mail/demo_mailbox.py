"""The demo workspace's pretend mailbox: replies can be written and queued, never sent.

A new user trying the demo can press R, write, send (and undo); the mail is
stored in its conversation and kept in the outbox marked "demo: not sent".
"""

from __future__ import annotations

from sqlalchemy import select

from supportdesk.models import Mailbox
from supportdesk.services.mail.mailboxes import MailboxInfo, save_mailbox
from supportdesk.store import UnitOfWork

#: the pretend servers' host (``.invalid`` never resolves: RFC 2606)
DEMO_HOST = "mail.demo.invalid"
DEMO_ADDRESS = "support@demo.invalid"
DEMO_NOT_SENT = "demo: not sent (the demo workspace's mailbox is pretend)"


def is_demo_host(host: str) -> bool:
    """Whether a mailbox's server is the demo's pretend one."""
    return host.strip().lower() == DEMO_HOST


def ensure_demo_mailbox(uow: UnitOfWork) -> str | None:
    """Add the pretend mailbox to a demo workspace that has no mailbox; returns its id."""
    if uow.session.scalar(select(Mailbox.id).limit(1)) is not None:
        return None
    info = MailboxInfo(
        id="", name="Demo support (pretend)", address=DEMO_ADDRESS,
        display_name="Acme Support (demo)", username=DEMO_ADDRESS, imap_host=DEMO_HOST,
        imap_port=993, imap_security="tls", smtp_host=DEMO_HOST, smtp_port=587,
        smtp_security="starttls", enabled=False,
    )  # fmt: skip
    return save_mailbox(uow, info)
