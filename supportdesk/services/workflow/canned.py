"""Canned answers: searchable by title or shortcut, filled per conversation, counted.

Placeholders are ``{name}`` words. The five known ones are filled from the
conversation: ``{customer_name}``, ``{ticket}``, ``{agent}``, ``{eta}`` and
``{contract_balance}``. Anything left in braces, known or made up by the
author (``{order_number}``), is an *unfilled* placeholder, and a reply that
still holds one cannot be sent (:func:`unfilled_placeholders`).

Use is counted with append-only rows, so counts from several devices add up.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from supportdesk.models import Conversation, Customer, new_id, ticket_ref, utcnow
from supportdesk.models.workflow import CannedResponse, CannedUsage
from supportdesk.services.sla import format_eta, to_utc
from supportdesk.services.workflow.contracts import balance_text, coverage
from supportdesk.services.workflow.due import eta_for
from supportdesk.services.workflow.team import TeamConfig, WorkflowError, load_team
from supportdesk.store import UnitOfWork

PLACEHOLDERS = ("customer_name", "ticket", "agent", "eta", "contract_balance")
PLACEHOLDER_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


#: Something in braces that looks meant as a placeholder but cannot be one: ``{customer name}``.
MALFORMED_RE = re.compile(r"(?<!\{)\{([^{}\n]{1,40})\}(?!\})")


def unfilled_placeholders(text: str) -> list[str]:
    """Placeholders still in a text, like ``["{eta}", "{order_number}"]``, in order, once each."""
    return list(dict.fromkeys(f"{{{m[1]}}}" for m in PLACEHOLDER_RE.finditer(text)))


def unquoted(text: str) -> str:
    """A reply without its quoted lines (``> ...``): what the rep wrote."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))


def unfilled_in_reply(text: str) -> list[str]:
    """Placeholders left in the part of a reply the rep wrote (quoted mail is not checked)."""
    return unfilled_placeholders(unquoted(text))


def unknown_placeholders(text: str) -> list[str]:
    """Placeholders SupportDesk cannot fill, e.g. ``["{order_number}"]``: the rep must."""
    known = {f"{{{name}}}" for name in PLACEHOLDERS}
    return [p for p in unfilled_placeholders(text) if p not in known]


def malformed_placeholders(text: str) -> list[str]:
    """Braced words that are no placeholder at all, e.g. ``["{customer name}"]``."""
    out = [m[0] for m in MALFORMED_RE.finditer(text) if not PLACEHOLDER_RE.fullmatch(m[0])]
    return list(dict.fromkeys(out))


def placeholder_problem(text: str, *, allow_unknown: bool = False) -> str:
    """Why a canned answer's text cannot be saved as it is ("" when it can).

    Args:
        allow_unknown: accept placeholders SupportDesk cannot fill (gaps the
            rep fills in before sending).
    """
    known = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    bad = malformed_placeholders(text)
    if bad:
        return (f"{', '.join(bad)} is not a placeholder: use one word with underscores, "
                f"like {{customer_name}}.")
    unknown = unknown_placeholders(text)
    if unknown and not allow_unknown:
        return (f"SupportDesk cannot fill {', '.join(unknown)}. Use one of {known}, "
                f"or allow gaps that the rep fills in before sending.")
    return ""


def fill_placeholders(text: str, values: Mapping[str, str | None]) -> str:
    """Replace known placeholders that have a non-empty value; leave the rest for the rep."""

    def sub(match: re.Match[str]) -> str:
        value = values.get(match[1])
        return value if value else match[0]

    return PLACEHOLDER_RE.sub(sub, text)


@dataclass(frozen=True)
class CannedInfo:
    """A canned answer with how often it was used."""

    id: str
    title: str
    shortcut: str
    language: str
    body: str
    uses: int


@dataclass(frozen=True)
class FilledAnswer:
    """A canned answer filled for one conversation."""

    canned_id: str
    text: str
    unfilled: tuple[str, ...]


def usage_counts(session: Session) -> dict[str, int]:
    """How many times each canned answer was used."""
    stmt = select(CannedUsage.canned_id, func.count()).group_by(CannedUsage.canned_id)
    return {cid: int(n) for cid, n in session.execute(stmt).tuples()}


def list_canned(session: Session, *, include_inactive: bool = False) -> list[CannedInfo]:
    """Every canned answer, most used first."""
    counts = usage_counts(session)
    stmt = select(CannedResponse)
    if not include_inactive:
        stmt = stmt.where(CannedResponse.active.is_(True))
    rows = [
        CannedInfo(r.id, r.title, r.shortcut, r.language, r.body, counts.get(r.id, 0))
        for r in session.scalars(stmt)
    ]
    return sorted(rows, key=lambda c: (-c.uses, c.title.casefold(), c.id))


def search_canned(
    session: Session, query: str, language: str | None = None, limit: int = 50
) -> list[CannedInfo]:
    """Canned answers whose title or shortcut matches ``query`` (any case, any script).

    A shortcut typed exactly (with or without its leading ``/``) comes first,
    then shortcut prefixes, then title matches; the conversation's language
    (when given) before others; more used before less.
    """
    q = query.strip().casefold().lstrip("/")
    words = q.split()
    scored: list[tuple[tuple[int, int, int, str], CannedInfo]] = []
    for c in list_canned(session):
        shortcut = c.shortcut.casefold().lstrip("/")
        title = c.title.casefold()
        if not q:
            rank = 3
        elif shortcut == q:
            rank = 0
        elif shortcut.startswith(q):
            rank = 1
        elif all(w in title or w in shortcut for w in words):
            rank = 2
        else:
            continue
        lang_rank = 0 if language is None or c.language == language else 1
        scored.append(((rank, lang_rank, -c.uses, c.title.casefold()), c))
    scored.sort(key=lambda item: item[0])
    return [c for _key, c in scored[:limit]]


def customer_language(session: Session, conversation_id: str) -> str | None:
    """The language of a conversation's customer, when known (``ru``, ``is`` ...)."""
    language = session.scalar(
        select(Customer.language)
        .join(Conversation, Conversation.customer_id == Customer.id)
        .where(Conversation.id == conversation_id)
    )
    return language.strip().lower() if language and language.strip() else None


def placeholder_values(
    session: Session,
    conversation_id: str,
    agent_name: str,
    language: str,
    now: datetime,
    team: TeamConfig | None = None,
) -> dict[str, str | None]:
    """The values of the known placeholders for a conversation (None when unknown)."""
    team = team or load_team(session)
    conv = session.scalars(select(Conversation).where(Conversation.id == conversation_id)).first()
    if conv is None:
        raise WorkflowError("That conversation no longer exists on this device.")
    name = None
    if conv.customer_id:
        name = session.scalar(select(Customer.name).where(Customer.id == conv.customer_id))
    eta = eta_for(session, conversation_id, now, team)
    eta_text = format_eta(eta.promised_at, team.tz, language, now) if eta else None
    cover = coverage(session, team, now, conversation_id=conversation_id)
    balance = balance_text(cover.balance, language) if cover.contract else None
    return {
        "customer_name": name,
        "ticket": ticket_ref(conversation_id),
        "agent": agent_name.strip() or None,
        "eta": eta_text,
        "contract_balance": balance,
    }


def fill_for_conversation(
    session: Session,
    canned_id: str,
    conversation_id: str,
    agent_name: str,
    now: datetime,
    team: TeamConfig | None = None,
) -> FilledAnswer:
    """A canned answer filled for a conversation (nothing is recorded)."""
    row = session.get(CannedResponse, canned_id)
    if row is None:
        raise WorkflowError("That canned answer no longer exists on this device.")
    lang = row.language if row.language in ("en", "ru", "is") else "en"
    values = placeholder_values(session, conversation_id, agent_name, lang, now, team)
    text = fill_placeholders(row.body, values)
    return FilledAnswer(canned_id, text, tuple(unfilled_placeholders(text)))


def record_use(
    uow: UnitOfWork, canned_id: str, conversation_id: str | None, now: datetime | None = None
) -> CannedUsage:
    """Count one use of a canned answer."""
    if uow.session.get(CannedResponse, canned_id) is None:
        raise WorkflowError("That canned answer no longer exists on this device.")
    return uow.add(CannedUsage(id=new_id(), canned_id=canned_id, conversation_id=conversation_id,
                               agent_id=uow.agent_id, used_at=to_utc(now or utcnow())))


def use_canned(
    uow: UnitOfWork, canned_id: str, conversation_id: str, agent_name: str,
    now: datetime | None = None,
) -> FilledAnswer:
    """Fill a canned answer for a conversation and count the use."""
    now = to_utc(now or utcnow())
    filled = fill_for_conversation(uow.session, canned_id, conversation_id, agent_name, now)
    record_use(uow, canned_id, conversation_id, now)
    return filled


def save_canned(
    uow: UnitOfWork,
    *,
    title: str,
    body: str,
    shortcut: str = "",
    language: str = "en",
    canned_id: str | None = None,
    allow_unknown: bool = True,
) -> CannedResponse:
    """Create or change a canned answer.

    One shortcut may be used once per language, so ``/hi`` can have an
    English, a Russian and an Icelandic text; the composer offers the one in
    the customer's language first.

    Args:
        allow_unknown: accept placeholders SupportDesk cannot fill (the
            management dialog asks the author to say so).

    Raises:
        WorkflowError: no title or body, a shortcut another answer in that
            language uses, a malformed or (unless allowed) unknown placeholder.
    """
    title, body = title.strip(), body.strip()
    shortcut = shortcut.strip().lstrip("/").lower()
    language = language.strip().lower() or "en"
    if not title or not body:
        raise WorkflowError("A canned answer needs a title and a text.")
    if len(title) > 200 or len(shortcut) > 40 or len(language) > 16:
        raise WorkflowError("The title, shortcut or language is too long.")
    if any(ch.isspace() for ch in shortcut):
        raise WorkflowError("A shortcut is one word, like /refund.")
    problem = placeholder_problem(body, allow_unknown=allow_unknown)
    if problem:
        raise WorkflowError(problem)
    if shortcut:
        clash = uow.session.scalars(
            select(CannedResponse.id).where(
                CannedResponse.shortcut == shortcut,
                CannedResponse.language == language,
                CannedResponse.active.is_(True),
            )
        ).first()
        if clash is not None and clash != canned_id:
            raise WorkflowError(
                f"The shortcut /{shortcut} is taken by another answer in {language}.")
    values = {"title": title, "body": body, "shortcut": shortcut,
              "language": language, "active": True}
    row = uow.session.get(CannedResponse, canned_id) if canned_id else None
    now = utcnow()
    if row is None:
        return uow.add(CannedResponse(id=canned_id or new_id(), created_at=now, updated_at=now,
                                      **values))
    if uow.update(row, **values):
        uow.update(row, updated_at=now)
    return row


def retire_canned(uow: UnitOfWork, canned_id: str) -> None:
    """Hide a canned answer (its uses stay counted)."""
    row = uow.session.get(CannedResponse, canned_id)
    if row is not None:
        uow.update(row, active=False, updated_at=utcnow())


def canned_languages(session: Session) -> list[str]:
    """The languages canned answers are written in, plus en, ru and is."""
    found = set(session.scalars(
        select(CannedResponse.language).where(CannedResponse.active.is_(True))).all())
    return sorted(found | {"en", "ru", "is"})
