"""Acknowledge new customer conversations by mail, in the unit of work that stored them.

``ingest_prepared`` calls :func:`acknowledge_new` after it wrote a batch, with
the conversations that batch created and the mail that created each. A
conversation gets one acknowledgement, queued in the outgoing mail like a
rep's reply, when:

- its mail came in through a mailbox whose auto-acknowledgement is on, and was
  sent after acknowledging began (the mailbox was added, or the switch turned
  on, on this device): the first fetch of 90 days of history stays silent;
- the mail is a person's (not Auto-Submitted, X-Autoreply, Precedence
  bulk/junk/list, List-Id, List-Unsubscribe, an empty Return-Path, a mail
  server, a no-reply address) and not from one of our own mailboxes;
- ``workflow.autoack.auto_ack_decision`` agrees (nobody answered yet, not
  acknowledged before) and records the promise on the SLA tracking.

Because all of it happens in the ingest's unit of work, a crash loses the
mail and its acknowledgement together or keeps both; the same mail fetched
again is a duplicate and creates no conversation, so it is never
acknowledged twice. The acknowledgement's Message-ID is derived from the
conversation, so two devices make the same row.

The text is in the customer's language (their language on file, the mail's
Content-Language, Cyrillic or Icelandic letters in it, else English) and
states the promise on the customer's clock when the mail's Date header says
which UTC offset they write from, else on the team's.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from typing import Any

from sqlalchemy import select

from supportdesk.channels.email.parse import ParsedEmail
from supportdesk.models import Mailbox, utcnow
from supportdesk.services.mail.mailboxes import (
    MailboxInfo,
    auto_ack_since,
    get_mailbox,
    mark_auto_ack,
)
from supportdesk.services.mail.outgoing import build_auto_reply, queue_auto_reply
from supportdesk.services.mail.rows import PreparedMail, mailbox_key_for, own_addresses
from supportdesk.services.workflow.autoack import auto_ack_decision, language_of_text
from supportdesk.store import UnitOfWork
from supportdesk.store.blobs import BlobStore

log = logging.getLogger(__name__)

_NO_REPLY = re.compile(
    r"(?:no|do[-_.]?not)[-_.]?reply|bounces?|mailer[-_.]?daemon|postmaster|auto[-_.]?reply",
)
_DATE = re.compile(rb"^date:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)
_HEADER_END = re.compile(rb"\r?\n\r?\n")


@dataclass(frozen=True)
class AckOutcome:
    """What became of one new conversation: acknowledged, or why not."""

    conversation_id: str
    sent: bool
    reason: str
    outgoing_id: str | None = None


def unanswerable(address: str, own: frozenset[str]) -> str | None:
    """Why mail must not be answered automatically at ``address``, or None."""
    if not address or "@" not in address:
        return "no sender address"
    if address in own:
        return "sent from one of our own mailboxes"
    local = address.rpartition("@")[0].split("+")[0]
    if _NO_REPLY.fullmatch(local):
        return f"a no-reply address ({address})"
    return None


def sender_offset(raw: bytes) -> tzinfo | None:
    """The UTC offset of the mail's Date header (where the sender's clock is), if it has one.

    ``-0000`` says "unknown" (RFC 5322) and gives None.
    """
    end = _HEADER_END.search(raw, 0, 256 * 1024)
    found = _DATE.search(raw, 0, end.start() if end else min(len(raw), 256 * 1024))
    if found is None:
        return None
    try:
        parsed = parsedate_to_datetime(found.group(1).decode("ascii", "replace").strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    offset = parsed.utcoffset()
    if offset is None or abs(offset) >= timedelta(hours=24):
        return None
    return timezone(offset) if offset else UTC


def _language(p: ParsedEmail) -> str | None:
    return p.language or language_of_text(f"{p.subject}\n{p.text}")


def _acking_mailboxes(uow: UnitOfWork, now: datetime) -> dict[str, tuple[MailboxInfo, datetime]]:
    """Mailboxes with acknowledging on, by mailbox key, each with the time it began here."""
    session = uow.session
    found: dict[str, tuple[MailboxInfo, datetime]] = {}
    for row in session.scalars(
        select(Mailbox).where(Mailbox.auto_ack.is_(True), Mailbox.enabled.is_(True))
    ):
        box = get_mailbox(session, row.id)
        if box is None:  # pragma: no cover - read in the same transaction
            continue
        since = auto_ack_since(session, row.id)
        if since is None:
            # Switched on elsewhere (the settings sync): acknowledging starts now here.
            mark_auto_ack(session, row.id, True, now)
            since = now
        found[mailbox_key_for(box.address)] = (box, max(since, row.created_at))
    return found


def acknowledge_new(
    uow: UnitOfWork,
    blobs: BlobStore,
    created: Sequence[tuple[str, PreparedMail]],
    now: datetime | None = None,
) -> list[AckOutcome]:
    """Queue the acknowledgement of each conversation a batch of mail created.

    Args:
        created: (conversation id, the customer mail that created it).
        now: when the acknowledgement is written (its Date; the ETA is counted from it).
    """
    if not created:
        return []
    now = (now or utcnow()).replace(microsecond=0)
    boxes = _acking_mailboxes(uow, now)
    if not boxes:
        return []
    own = own_addresses(uow.session)
    out: list[AckOutcome] = []
    for conversation_id, mail in created:
        outcome = _acknowledge(uow, blobs, boxes, own, conversation_id, mail, now)
        if outcome is not None:
            log.debug("auto-ack %s: %s", conversation_id, outcome.reason or "queued")
            out.append(outcome)
    return out


def _acknowledge(
    uow: UnitOfWork,
    blobs: BlobStore,
    boxes: dict[str, tuple[MailboxInfo, datetime]],
    own: frozenset[str],
    conversation_id: str,
    mail: PreparedMail,
    now: datetime,
) -> AckOutcome | None:
    found = boxes.get(mail.mailbox_key)
    if found is None:
        return None
    box, since = found

    def skip(reason: str) -> AckOutcome:
        return AckOutcome(conversation_id, False, reason)

    p = mail.parsed
    if p.date < since:
        return skip("sent before automatic acknowledgement began")
    if p.is_auto:
        return skip(f"an automatic message ({p.auto_reason})")
    for address in dict.fromkeys([p.from_addr, *(a for _n, a in p.reply_to)]):
        why = unanswerable(address, own)
        if why is not None:
            return skip(why)
    try:  # an address mail cannot go to fails here, before anything is claimed
        build_auto_reply(uow.session, box, p, conversation_id, "-", now)
    except ValueError as exc:
        return skip(f"cannot be answered by mail: {exc}")
    raw = blobs.get(mail.raw_sha256) if blobs.has(mail.raw_sha256) else b""
    meta: dict[str, Any] = {"mailbox": mail.mailbox_key, "is_auto": p.is_auto}
    language = _language(p)
    if language:
        meta["language"] = language
    decision = auto_ack_decision(
        uow, conversation_id, meta, now, customer_tz=sender_offset(raw)
    )
    if not decision.send or decision.eta is None:
        return skip(decision.reason)
    out = build_auto_reply(uow.session, box, p, conversation_id, decision.body, now)
    promised = decision.eta.promised_at.astimezone(UTC)
    queued = queue_auto_reply(
        uow, blobs, box, out, conversation_id,
        {"eta": promised.isoformat(), "language": decision.language,
         "basis": decision.eta.basis},
        now,
    )  # fmt: skip
    if queued is None:
        return skip("already queued")
    return AckOutcome(conversation_id, True, "", queued.outgoing_id)
