"""The knowledge base in the weekly summary: the articles that answered most, and the
questions customers kept asking that no article covers yet (issue 18).

"Frequent questions without an article" are clusters of similar subjects among the
week's new conversations that are linked to no article: subjects are reduced to
their folded words (no reply prefixes, numbers or filler words) and grouped when
they share most of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from supportdesk.models import Conversation
from supportdesk.models.kb import KbArticle, KbArticleLink, KbUse
from supportdesk.store.search import fold

_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|sv|vs|ответ|отв|varðar)\s*(\[\d+\])?\s*:\s*)+",
                     re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_FILLER_WORDS = (
    "the and for with from your our you not can cannot does this that after before again "
    "please help issue problem question urgent hello about into have has was are "
    "как что это для при после или уже нет мой моя мне все "
    "ekki það með til frá eftir fyrir hjá"
)
_FILLER = frozenset(_FILLER_WORDS.split())
MAX_CONVERSATIONS = 5000


@dataclass(frozen=True)
class ArticleCount:
    """An article and how often it went into replies in the period."""

    title: str
    language: str
    uses: int
    conversations: int


@dataclass(frozen=True)
class QuestionCluster:
    """Similar subjects with no article: ``subject`` is the most common one."""

    subject: str
    conversations: int
    words: tuple[str, ...]


def top_articles(session: Session, start: datetime, end: datetime,
                 limit: int = 10) -> list[ArticleCount]:
    """The articles used most in the period, most first."""
    rows = session.execute(
        select(KbArticle.title, KbArticle.language, func.count(KbUse.id),
               func.count(func.distinct(KbUse.conversation_id)))
        .join(KbArticle, KbArticle.id == KbUse.article_id)
        .where(KbUse.created_at >= start, KbUse.created_at < end)
        .group_by(KbArticle.id)
        .order_by(func.count(KbUse.id).desc(), KbArticle.title)
        .limit(limit)).all()
    return [ArticleCount(t, lang, int(n), int(c)) for t, lang, n, c in rows]


def subject_words(subject: str) -> frozenset[str]:
    """What a subject is about: its folded words without prefixes, numbers and filler."""
    text = fold(_PREFIX.sub("", subject))
    return frozenset(w for w in _WORD.findall(text) if w not in _FILLER)


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= 0.5


def questions_without_article(session: Session, start: datetime, end: datetime,
                              min_count: int = 2, limit: int = 10) -> list[QuestionCluster]:
    """Clusters of similar subjects, new in the period, that no article is linked to."""
    linked = select(KbArticleLink.conversation_id)
    subjects = session.scalars(
        select(Conversation.subject)
        .where(Conversation.created_at >= start, Conversation.created_at < end,
               Conversation.id.not_in(linked))
        .order_by(Conversation.created_at).limit(MAX_CONVERSATIONS)).all()
    clusters: list[tuple[frozenset[str], list[str]]] = []
    for subject in subjects:
        words = subject_words(subject or "")
        if not words:
            continue
        for i, (seed, members) in enumerate(clusters):
            if _similar(seed, words):
                members.append(subject)
                clusters[i] = (seed, members)
                break
        else:
            clusters.append((words, [subject]))
    out = []
    for seed, members in clusters:
        if len(members) < min_count:
            continue
        tidy = [_PREFIX.sub("", m).strip() for m in members]
        common = max(tidy, key=tidy.count)  # ties: the one asked first
        out.append(QuestionCluster(common, len(members), tuple(sorted(seed))))
    out.sort(key=lambda c: (-c.conversations, c.subject))
    return out[:limit]
