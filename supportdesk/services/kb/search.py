"""Finding articles: the search box, and suggestions for the conversation on screen.

The index (migration 0014) holds each article's title, plain text and tags
folded by ``store.search.fold``, the function a conversation search folds
with; queries are folded by the same function, so whatever folding the
conversation search learns, article search learns too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from supportdesk.models import Conversation, Message
from supportdesk.services.kb.articles import ArticleInfo, articles_by_id
from supportdesk.store import search as search_index
from supportdesk.store.search import fold, fts_query

MAX_HITS = 100
#: title counts most, then tags, then the body
_RANK = "bm25(kb_articles_fts, 6.0, 1.0, 3.0)"
_WORD = re.compile(r"\w+", re.UNICODE)
#: words too common to say what a conversation is about (en, ru, is), folded
_STOP_WORDS = """
the and for with you your this that have has are was were not but can could would
from hello thanks thank please regards best dear when what how why does did just
our there their they them about into also any all get got been will hi
это как что для при или так уже мне меня нас вас все его она они был была было
если есть нет спасибо здравствуйте добрый день пожалуйста когда почему
og að ekki það þetta með fyrir við þið hann hún þeir var er eru hæ takk kveðja góðan daginn
"""
_STOP = frozenset(fold(w) for w in _STOP_WORDS.split())


@dataclass(frozen=True)
class ArticleHit:
    """An article that matched, best first."""

    article: ArticleInfo
    rank: float


_SQL = f"""
SELECT a.id, {_RANK} AS rank FROM kb_articles_fts
JOIN kb_articles a ON a.n = kb_articles_fts.rowid
WHERE kb_articles_fts MATCH :q {{extra}}
ORDER BY rank LIMIT :limit
"""


def _run(session: Session, match: str, limit: int, *, language: str | None = None,
         public_only: bool = False) -> list[ArticleHit]:
    extra = ""
    params: dict[str, object] = {"q": match, "limit": limit}
    if language:
        extra += " AND a.language = :lang"
        params["lang"] = language
    if public_only:
        extra += " AND a.visibility = 'public'"
    rows = session.execute(text(_SQL.format(extra=extra)), params).all()
    infos = articles_by_id(session, [r[0] for r in rows])
    return [ArticleHit(infos[r[0]], float(r[1])) for r in rows if r[0] in infos]


def search(session: Session, query: str, limit: int = MAX_HITS, *,
           language: str | None = None) -> list[ArticleHit]:
    """Articles with every word of the query (prefix-matched, folded), best first."""
    q = fts_query(search_index.fold(query))
    if q is None:
        return []
    return _run(session, q, limit, language=language)


def topic_words(subject: str, body: str, limit: int = 24) -> list[str]:
    """The distinct words that say what a conversation is about (folded)."""
    words: list[str] = []
    for raw in _WORD.findall(search_index.fold(f"{subject} {subject} {body[:2000]}")):
        if len(raw) < 3 or raw.isdigit() or raw in _STOP or raw in words:
            continue
        words.append(raw)
        if len(words) >= limit:
            break
    return words


def similar(session: Session, subject: str, body: str, limit: int = 5) -> list[ArticleHit]:
    """Articles sharing the most telling words with a subject and a message, best first."""
    words = topic_words(subject, body)
    if not words:
        return []
    # A short stem matches other forms of a word (счёт, счёта, счету).
    terms = {f'"{w[:6] if len(w) > 7 else w}"*' for w in words}
    return _run(session, " OR ".join(sorted(terms)), limit)


def suggest(session: Session, conversation_id: str, limit: int = 5) -> list[ArticleHit]:
    """Articles that may answer a conversation: FTS over its subject and first message."""
    subject = session.scalar(select(Conversation.subject).where(
        Conversation.id == conversation_id))
    if subject is None:
        return []
    first = session.scalar(
        select(Message.body_text).where(Message.conversation_id == conversation_id,
                                        Message.kind != "note")
        .order_by(Message.created_at).limit(1))
    return similar(session, subject, first or "", limit)


def rebuild_index(session: Session) -> None:
    """Fill the article index again from the articles (after ``fold`` changed)."""
    session.execute(text("INSERT INTO kb_articles_fts(kb_articles_fts) VALUES ('rebuild')"))
