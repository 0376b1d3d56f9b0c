"""Signatures, sending preferences and the folders to fetch, per mailbox and per agent.

A new mail, reply or forward starts with the agent's signature and then the
mailbox's, below the usual "-- " line, with the same placeholders as canned
answers ({customer_name}, {ticket}, {agent}, {eta}, {contract_balance}).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from supportdesk.channels.email.connection import no_crlf
from supportdesk.models import ticket_ref, utcnow
from supportdesk.models.mail_oauth import MailPrefs
from supportdesk.services.actions import ActionError
from supportdesk.services.workflow.canned import fill_placeholders, placeholder_values
from supportdesk.services.workflow.team import WorkflowError
from supportdesk.store import UnitOfWork

DEFAULT_LIMIT_MB = 25
MAX_SIGNATURE = 4000
SEPARATOR = "-- "


@dataclass(frozen=True)
class Prefs:
    """How mail is written for one mailbox or agent."""

    signature: str = ""
    plain_text_only: bool = False
    attachment_limit_mb: int = DEFAULT_LIMIT_MB
    #: folders fetched besides INBOX (mailboxes only)
    folders: tuple[str, ...] = ()

    @property
    def attachment_limit(self) -> int:
        """The limit in bytes."""
        return self.attachment_limit_mb * 1024 * 1024


def mailbox_owner(mailbox_id: str) -> str:
    """The preferences key of a mailbox."""
    return f"mailbox:{mailbox_id}"


def agent_owner(agent_name: str) -> str:
    """The preferences key of an agent (by the name they write under)."""
    return f"agent:{agent_name.strip().lower()}"


def get_prefs(session: Session, owner: str) -> Prefs:
    """The stored preferences, or the defaults."""
    row = session.get(MailPrefs, owner)
    if row is None:
        return Prefs()
    folders = tuple(f for f in (row.folders or "").splitlines() if f.strip())
    return Prefs(row.signature, row.plain_text_only, row.attachment_limit_mb, folders)


def save_prefs(uow: UnitOfWork, owner: str, prefs: Prefs) -> None:
    """Store preferences (device-local).

    Raises:
        ActionError: a limit out of range or an overlong signature.
    """
    if not 1 <= prefs.attachment_limit_mb <= 500:
        raise ActionError("The attachment limit must be between 1 and 500 MB.")
    if len(prefs.signature) > MAX_SIGNATURE:
        raise ActionError(f"A signature can be at most {MAX_SIGNATURE} characters.")
    row = uow.session.get(MailPrefs, owner)
    if row is None:
        row = MailPrefs(owner=owner)
        uow.session.add(row)
    row.signature = prefs.signature.replace("\r\n", "\n").strip("\n")
    row.plain_text_only = prefs.plain_text_only
    row.attachment_limit_mb = prefs.attachment_limit_mb
    names = [no_crlf(f).strip() for f in prefs.folders]
    row.folders = "\n".join(dict.fromkeys(f for f in names if f and f.upper() != "INBOX"))
    uow.changes.add("mail_prefs", owner)


def signature_text(
    session: Session,
    mailbox_id: str,
    agent_name: str,
    conversation_id: str | None,
    now: datetime | None = None,
) -> str:
    """The agent's and the mailbox's signatures, placeholders filled where known ("" if none)."""
    parts = [get_prefs(session, agent_owner(agent_name)).signature if agent_name else "",
             get_prefs(session, mailbox_owner(mailbox_id)).signature]  # fmt: skip
    text = "\n".join(p for p in parts if p.strip())
    if not text:
        return ""
    values: dict[str, str | None] = {"agent": agent_name.strip() or None}
    if conversation_id:
        values["ticket"] = ticket_ref(conversation_id)
        # A conversation not stored yet: the ticket and the agent are enough.
        with contextlib.suppress(WorkflowError):
            values = placeholder_values(session, conversation_id, agent_name, "en",
                                        now or utcnow())  # fmt: skip
    return fill_placeholders(text, values)


def with_signature(body: str, signature: str) -> str:
    """`body` with the signature block on top of any quoted text."""
    if not signature:
        return body
    return f"\n\n{SEPARATOR}\n{signature}{body if body.startswith(chr(10)) else chr(10) + body}"
