"""A rule's "send a canned answer": queued like the automatic acknowledgement.

The answer is filled for the conversation, built as a reply to the customer's
mail (its sender only), marked as an automatic reply, and queued in the same
unit of work as the mail that triggered it. Its Message-ID derives from the
firing, so two devices that ingest the same mail make the same message row.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from supportdesk.channels.email.compose import build_reply
from supportdesk.channels.email.parse import ParsedEmail
from supportdesk.models import ticket_ref
from supportdesk.services.mail.autoack import unanswerable
from supportdesk.services.mail.ingest import mailbox_key_for, own_addresses
from supportdesk.services.mail.mailboxes import list_mailboxes
from supportdesk.services.mail.outgoing import AUTO_REPLY_HEADERS, queue_auto_reply
from supportdesk.services.workflow.canned import fill_for_conversation
from supportdesk.services.workflow.team import WorkflowError
from supportdesk.store import UnitOfWork
from supportdesk.store.blobs import BlobStore


def send_canned(
    uow: UnitOfWork, blobs: BlobStore, parsed: ParsedEmail, mailbox_key: str,
    conversation_id: str, canned_id: str, firing: str, now: datetime,
) -> str:
    """Queue the canned answer; returns '' when queued, else why not (in words)."""
    session = uow.session
    box = next((b for b in list_mailboxes(session)
                if mailbox_key_for(b.address) == mailbox_key), None)  # fmt: skip
    if box is None:
        return "the mail did not come through a mailbox that can send"
    if parsed.is_auto:
        return f"an automatic message ({parsed.auto_reason})"
    own = own_addresses(session)
    why = unanswerable(parsed.from_addr, own)
    if why is not None:
        return why
    try:
        filled = fill_for_conversation(session, canned_id, conversation_id,
                                       box.display_name or box.name, now)
        out = build_reply(
            parsed, from_name=box.display_name or box.name, from_addr=box.address,
            body_text=filled.text, reply_all=False, ticket_tag=ticket_ref(conversation_id),
            own_addresses=own, message_id_domain=box.domain, date=now,
            message_id=f"rule.{firing}@{box.domain}",
        )  # fmt: skip
    except (WorkflowError, ValueError) as exc:
        return str(exc)
    out = dataclasses.replace(out, raw=AUTO_REPLY_HEADERS + out.raw)
    queued = queue_auto_reply(uow, blobs, box, out, conversation_id,
                              {"rule_firing": firing, "canned_id": canned_id}, now)
    return "" if queued is not None else "already queued"
