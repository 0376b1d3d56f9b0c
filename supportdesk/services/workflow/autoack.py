"""The automatic acknowledgement: an honest promise, once, never to robots.

:func:`auto_ack_decision` is a *claim*: when it says send, it has already
recorded the acknowledgement on the conversation's SLA tracking
(``ack_sent_at``, ``ack_eta``: what the weekly report's "promises kept"
counts) in the caller's unit of work, so queueing the mail in the same unit
of work makes "never twice" hold even if two fetches race. The mail code
(``services.mail.autoack``) queues the text it returns and marks the outgoing
message ``meta["auto_ack"] = {"eta": ..., ...}`` so it does not count as a
person's answer.

The promise names a date, a time and the UTC offset it is on ("by Tuesday 24
November, 13:00 (UTC+01:00)"): the customer may read it tomorrow, and "13:00
your time" would be a guess when all we know is the team's zone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import select

from supportdesk.models import Conversation, Customer, Status, ticket_ref, utcnow
from supportdesk.models.locale import TEAM_LOCALE_ID, TeamLocale
from supportdesk.services.sla import LANGUAGES, Eta, ack_text, to_utc
from supportdesk.services.sla.eta import (
    _EN_DAYS,
    _EN_MONTHS,
    _IS_DAY_DEF,
    _IS_MONTHS,
    _RU_MONTHS_GEN,
    _RU_ON_DAY,
)
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


def customer_language(
    customer_language: str | None, message_language: str | None, team_language: str | None = None
) -> str:
    """en, ru or is: the customer's known language, else the message's, else the team's
    (its language for reports and acknowledgements), else English."""
    for raw in (customer_language, message_language, team_language):
        primary = (raw or "").strip().lower().replace("_", "-").split("-")[0]
        if primary in LANGUAGES:
            return primary
    return "en"


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ICELANDIC = re.compile(r"[þÞðÐ]")


def language_of_text(text: str) -> str | None:
    """ru or is when the text plainly is (Cyrillic letters; þ or ð), else None.

    A cheap guess for mail without Content-Language: enough to choose one of
    the acknowledgement's languages, not a language detector.
    """
    sample = text[:4000]
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if cyrillic and 2 * cyrillic >= latin:  # product names in Latin letters are common
        return "ru"
    if _ICELANDIC.search(sample):
        return "is"
    return None


def offset_label(moment: datetime) -> str:
    """``UTC+01:00``, ``UTC-05:30`` or ``UTC`` for an aware time."""
    offset = moment.utcoffset() or timedelta(0)
    if not offset:
        return "UTC"
    minutes = abs(int(offset.total_seconds())) // 60
    sign = "+" if offset > timedelta(0) else "-"
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def promise_phrase(eta_at: datetime, tz: tzinfo, language: str, now: datetime) -> str:
    """The promised time as the acknowledgement states it, in ``tz``.

    Always the weekday, the date, the time and the UTC offset (the year only
    when it is not this year), e.g. ``by Tuesday 24 November, 13:00
    (UTC+01:00)``, ``во вторник, 24 ноября, до 13:00 (UTC+01:00)``, ``fyrir
    kl. 13:00 þriðjudaginn 24. nóvember (UTC+01:00)``.
    """
    local = eta_at.astimezone(tz)
    hm, zone = f"{local:%H:%M}", offset_label(local)
    wd, day, month = local.weekday(), local.day, local.month - 1
    other_year = local.year != now.astimezone(tz).year
    if language == "ru":
        year = f" {local.year} г." if other_year else ""
        return f"{_RU_ON_DAY[wd]}, {day} {_RU_MONTHS_GEN[month]}{year}, до {hm} ({zone})"
    year = f" {local.year}" if other_year else ""
    if language == "is":
        return f"fyrir kl. {hm} {_IS_DAY_DEF[wd]} {day}. {_IS_MONTHS[month]}{year} ({zone})"
    return f"by {_EN_DAYS[wd]} {day} {_EN_MONTHS[month]}{year}, {hm} ({zone})"


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
    customer_tz: tzinfo | None = None,
    team: TeamConfig | None = None,
) -> AckDecision:
    """Decide (and, when sending, record) the automatic acknowledgement.

    Args:
        message_meta: the new message's meta (``is_auto``, ``language``,
            optional raw ``headers``); ``mailbox`` there feeds the queue.
        enabled: the mailbox's auto-acknowledgement switch.
        customer_tz: the customer's zone (or UTC offset) when known; the
            team's otherwise.

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
    team_locale = session.get(TeamLocale, TEAM_LOCALE_ID)
    language = customer_language(
        customer.language if customer else None, lang_hint if isinstance(lang_hint, str) else None,
        team_locale.language if team_locale else None,
    )
    eta = eta_for(session, conversation_id, now, team)
    if eta is None:  # pragma: no cover - refresh made the tracking row above
        return AckDecision(False, "no SLA tracking for this conversation")
    phrase = promise_phrase(eta.promised_at, customer_tz or team.tz, language, now)
    # A customer made from a bare address is named after it: greet neutrally instead.
    name = customer.name if customer and "@" not in customer.name else None
    subject, body = ack_text(
        language, name, ticket_ref(conversation_id), phrase, team_name=team.team_name or None
    )
    uow.update(tr, ack_sent_at=now, ack_eta=to_utc(eta.promised_at))
    uow.log_activity(conversation_id, "auto_ack", language=language,
                     eta=to_utc(eta.promised_at), basis=eta.basis)
    return AckDecision(True, "", language, subject, body, eta)
