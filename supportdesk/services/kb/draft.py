"""“Turn into article”: a draft from a conversation's question and the team's answers.

The draft is only text for the rep to edit; nothing is stored until they save
it, and a saved article stays unpublished until someone publishes it. The
customer's contact details (addresses, phone numbers) are masked, and quoted
earlier mail and signatures are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.models import Conversation, ConversationTag, Customer, Message, MessageKind
from supportdesk.services.kb.articles import LANGUAGES

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d\s().-]{6,}\d")
_REPLY_PREFIX = re.compile(r"^\s*((re|fwd?|aw|sv|vs|ответ)\s*:\s*)+", re.IGNORECASE)
_QUOTE_HEAD = re.compile(
    r"^(On .+ wrote:|.+ написал\(а\):|.+ skrifaði:|-----Original Message-----)$")
MAX_PART = 4000


@dataclass(frozen=True)
class ArticleDraft:
    """What "Turn into article" proposes."""

    title: str
    body_html: str
    language: str
    tags: tuple[str, ...]
    conversation_id: str


def _clean(text: str) -> str:
    """A message without quoted mail, signature or contact details."""
    kept: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(">") or _QUOTE_HEAD.match(stripped):
            break
        if stripped in ("--", "-- "):
            break
        kept.append(line.rstrip())
    body = "\n".join(kept).strip()[:MAX_PART]
    body = _EMAIL.sub("[email]", body)
    return _PHONE.sub("[phone]", body)


def guess_language(text: str) -> str:
    """en, ru or is from the letters a text uses."""
    cyrillic = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    if cyrillic > len(text) / 10:
        return "ru"
    if any(ch in "ðþæÐÞÆ" for ch in text):
        return "is"
    return "en"


def _paragraphs(text: str) -> str:
    parts = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join("<p>" + escape(p).replace("\n", "<br>") + "</p>" for p in parts)


def draft_from_conversation(session: Session, conversation_id: str,
                            labels: tuple[str, str] = ("Question", "Answer")) -> ArticleDraft:
    """A draft article: the customer's question, then what the team answered.

    Args:
        labels: the section headings, in the rep's language.

    Raises:
        ValueError: the conversation is not here.
    """
    conv = session.scalars(select(Conversation).where(
        Conversation.id == conversation_id)).one_or_none()
    if conv is None:
        raise ValueError("That conversation no longer exists on this device.")
    msgs = session.scalars(
        select(Message).where(Message.conversation_id == conversation_id)
        .order_by(Message.created_at)).all()
    question = next((m for m in msgs if m.author_customer_id is not None), None)
    answers = [m for m in msgs if m.author_agent_id is not None and m.kind != MessageKind.NOTE]
    parts: list[str] = []
    if question is not None:
        parts.append(f"<h2>{escape(labels[0])}</h2>{_paragraphs(_clean(question.body_text))}")
    if answers:
        body = "".join(_paragraphs(_clean(m.body_text)) for m in answers)
        parts.append(f"<h2>{escape(labels[1])}</h2>{body}")
    language = guess_language(" ".join([conv.subject] + [m.body_text[:500] for m in msgs]))
    if conv.customer_id:
        lang = session.scalar(select(Customer.language).where(Customer.id == conv.customer_id))
        if lang and lang[:2] in LANGUAGES:
            language = lang[:2]
    tags = tuple(session.scalars(
        select(ConversationTag.tag).where(ConversationTag.conversation_id == conv.id)))
    title = _REPLY_PREFIX.sub("", conv.subject).strip() or "Untitled"
    return ArticleDraft(title=title[:300], body_html="".join(parts), language=language,
                        tags=tags, conversation_id=conv.id)

