"""The automatic acknowledgement: an honest promise, once, never to robots.

:func:`auto_ack_decision` is a *claim*: when it says send, it has already
recorded the acknowledgement on the conversation in the caller's unit of
work, so queueing the mail in the same unit of work makes "never twice"
hold even if two fetches race. The mail code queues the text it returns and
marks the outgoing message ``meta["auto_ack"] = True`` so it does not count
as a person's answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from supportdesk.models import Conversation, Customer, Status, ticket_ref, utcnow
from supportdesk.services.sla import LANGUAGES, Eta, ack_text, format_eta, to_utc
from supportdesk.services.workflow.due import eta_for
from supportdesk.services.workflow.team import TeamConfig, load_team
from supportdesk.services.workflow.tracking import refresh
from supportdesk.store import UnitOfWork

_LIST_PRECEDENCE = frozenset({"bulk", "list", "junk", "auto_reply"})


def automated_reason(meta: Mapping[str, Any]) -> str | None:
    """Why a message must not get an automatic reply, or None.

    Reads the parsed mail's ``is_auto``/``auto_reason`` and, when present, raw
    header values under ``meta["headers"]`` (Auto-Submitted, Precedence,
    List-Id, List-Unsubscribe).
    """
    if meta.get("is_auto"):
        return str(meta.get("auto_reason") or "automatic message")
    raw = meta.get("headers")
    headers = {str(k).lower(): str(v) for k, v in raw.items()} if isinstance(raw, Mapping) else {}
    auto = headers.get("auto-submitted", "").strip().lower()
    if auto and auto != "no":
        return f"Auto-Submitted: {auto}"
    precedence = headers.get("precedence", "").strip().lower()
    if precedence in _LIST_PRECEDENCE:
        return f"Precedence: {precedence}"
    for name in ("list-id", "list-unsubscribe", "list-post"):
        if headers.get(name, "").strip():
            return f"mailing list ({name})"
    return None


def customer_language(customer_language: str | None, message_language: str | None) -> str:
    """en, ru or is: the customer's known language, else the message's, else English."""
    for raw in (customer_language, message_language):
        primary = (raw or "").strip().lower().replace("_", "-").split("-")[0]
        if primary in LANGUAGES:
            return primary
    return "en"


@dataclass(frozen=True)
class AckDecision:
    """Whether to acknowledge, and if so the text to send."""

    send: bool
    reason: str
    language: str = "en"
    subject_suffix: str = ""
    body: str = ""
    eta: Eta | None = None


def auto_ack_decision(
    uow: UnitOfWork,
    conversation_id: str,
    message_meta: Mapping[str, Any],
    now: datetime | None = None,
    *,
    enabled: bool = True,
    customer_tz: ZoneInfo | None = None,
    team: TeamConfig | None = None,
) -> AckDecision:
    """Decide (and, when sending, record) the automatic acknowledgement.

    Args:
        message_meta: the new message's meta (``is_auto``, ``language``,
            optional raw ``headers``); ``mailbox`` there feeds the queue.
        enabled: the mailbox's auto-acknowledgement switch.
        customer_tz: the customer's zone when known; the team's otherwise.

    Returns:
        ``send=False`` with a reason, or the subject suffix and body in the
        customer's language (en/ru/is) with the promised ETA.
    """
    now = to_utc(now or utcnow())
    if not enabled:
        return AckDecision(False, "automatic acknowledgement is off for this mailbox")
    robot = automated_reason(message_meta)
    if robot is not None:
        return AckDecision(False, f"not acknowledged: {robot}")
    session = uow.session
    team = team or load_team(session)
    mailbox = message_meta.get("mailbox")
    tr = refresh(uow, conversation_id, now, team=team,
                 mailbox=str(mailbox) if isinstance(mailbox, str) else None)
    if tr is None:
        return AckDecision(False, "no customer message to acknowledge")
    if tr.ack_sent_at is not None:
        return AckDecision(False, "already acknowledged once")
    if tr.first_response_at is not None:
        return AckDecision(False, "a person has already answered")
    conv = session.scalars(select(Conversation).where(Conversation.id == conversation_id)).one()
    if conv.status == Status.SOLVED:
        return AckDecision(False, "the conversation is solved")
    customer = (
        session.scalars(select(Customer).where(Customer.id == conv.customer_id)).first()
        if conv.customer_id
        else None
    )
    lang_hint = message_meta.get("language")
    language = customer_language(
        customer.language if customer else None, lang_hint if isinstance(lang_hint, str) else None
    )
    eta = eta_for(session, conversation_id, now, team)
    if eta is None:  # pragma: no cover - refresh made the tracking row above
        return AckDecision(False, "no SLA tracking for this conversation")
    phrase = format_eta(eta.promised_at, customer_tz or team.tz, language, now)
    subject, body = ack_text(
        language, customer.name if customer else None, ticket_ref(conversation_id), phrase,
        team_name=team.team_name or None,
    )
    uow.update(tr, ack_sent_at=now, ack_eta=to_utc(eta.promised_at))
    uow.log_activity(conversation_id, "auto_ack", language=language,
                     eta=to_utc(eta.promised_at), basis=eta.basis)
    return AckDecision(True, "", language, subject, body, eta)
