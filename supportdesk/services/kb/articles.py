"""Articles: create, edit, publish, revert and delete, each a unit of work with a version.

Every change that alters what an article says or who may read it appends a
``kb_article_versions`` row naming the agent, the action and the fields that
changed, so the team can see who changed what and go back to any version.
The body is sanitised HTML (the mail sanitiser, no remote resources; images
travel inside it as ``data:image`` URIs); its plain text is kept beside it for
search and for inserting into a reply.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from supportdesk.channels.email.htmltext import html_to_text
from supportdesk.channels.email.sanitize import sanitize_html
from supportdesk.models import Agent, Conversation, new_id, utcnow
from supportdesk.models.kb import (
    KbArticle,
    KbArticleLink,
    KbArticleVersion,
    KbUse,
    Visibility,
    link_id,
)
from supportdesk.store import UnitOfWork

#: a body larger than this (images included) is refused before it is parsed
MAX_BODY_BYTES = 4_000_000
MAX_TITLE = 300
MAX_TAGS = 20
#: the fields a version records and a revert restores
CONTENT_FIELDS = ("title", "body_html", "language", "tags", "visibility", "published")
LANGUAGES = ("en", "ru", "is", "de", "es")
_TAG_RE = re.compile(r"[^\w\- ]+", re.UNICODE)


class ArticleError(ValueError):
    """A request about an article that cannot be carried out; the message says why."""


@dataclass(frozen=True)
class ArticleInfo:
    """An article as the UI and the site generator see it."""

    id: str
    title: str
    body_html: str
    body_text: str
    language: str
    tags: tuple[str, ...]
    visibility: str
    published: bool
    version: int
    updated_at: datetime
    updated_by_name: str
    uses: int
    conversation_ids: tuple[str, ...]


@dataclass(frozen=True)
class VersionInfo:
    """One entry of an article's history."""

    id: str
    number: int
    action: str
    agent_name: str
    created_at: datetime
    changed: tuple[str, ...]
    title: str


def clean_body(html: str) -> tuple[str, str]:
    """The sanitised HTML of an article body and its plain text.

    Raises:
        ArticleError: the body is too large.
    """
    if len(html.encode("utf-8", "replace")) > MAX_BODY_BYTES:
        raise ArticleError("The article is too large (images included, at most 4 MB).")
    safe = sanitize_html(html, allow_remote=False, cid_map={}).html
    return safe, html_to_text(safe).strip()


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags as stored: trimmed, lower-case, no punctuation, no duplicates, in order."""
    seen: list[str] = []
    for raw in tags:
        tag = " ".join(_TAG_RE.sub(" ", raw).split()).lower()[:80]
        if tag and tag not in seen:
            seen.append(tag)
    return seen[:MAX_TAGS]


def _check(title: str, language: str, visibility: str) -> None:
    if not title.strip():
        raise ArticleError("An article needs a title.")
    if len(title) > MAX_TITLE:
        raise ArticleError("The title is too long (at most 300 characters).")
    if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", language):
        raise ArticleError(f"{language!r} is not a language code such as en, ru or is.")
    if visibility not in tuple(Visibility):
        raise ArticleError("Visibility is internal or public.")


def _article(uow: UnitOfWork, article_id: str) -> KbArticle:
    art = uow.session.scalars(select(KbArticle).where(KbArticle.id == article_id)).one_or_none()
    if art is None:
        raise ArticleError("That article no longer exists on this device.")
    return art


def _version(uow: UnitOfWork, art: KbArticle, action: str, changed: Sequence[str],
             agent_name: str) -> None:
    uow.add(KbArticleVersion(
        id=new_id(), article_id=art.id, number=art.version, action=action,
        agent_id=uow.agent_id, agent_name=agent_name, title=art.title,
        body_html=art.body_html, language=art.language, tags=list(art.tags),
        visibility=art.visibility, published=art.published, changed=list(changed),
        created_at=utcnow(),
    ))


def create_article(
    uow: UnitOfWork,
    *,
    title: str,
    body_html: str,
    language: str = "en",
    tags: Iterable[str] = (),
    visibility: str = Visibility.INTERNAL,
    conversation_ids: Iterable[str] = (),
    agent_name: str = "",
    article_id: str | None = None,
    published: bool = False,
) -> KbArticle:
    """A new article (a draft unless ``published``), linked to its conversations."""
    title = title.strip()
    _check(title, language, visibility)
    html, text = clean_body(body_html)
    now = utcnow()
    art = uow.add(KbArticle(
        id=article_id or new_id(), title=title, body_html=html, body_text=text,
        language=language, tags=clean_tags(tags), visibility=visibility,
        published=published, version=1, created_by=uow.agent_id, updated_by=uow.agent_id,
        created_at=now, updated_at=now,
    ))
    _version(uow, art, "created", CONTENT_FIELDS, agent_name)
    for cid in conversation_ids:
        link_conversation(uow, art.id, cid)
    return art


def update_article(uow: UnitOfWork, article_id: str, *, agent_name: str = "",
                   action: str = "edited", **values: Any) -> set[str]:
    """Change an article's content fields; a new version records what changed.

    Returns:
        The names of the fields that changed (empty: nothing was saved).
    """
    unknown = set(values) - set(CONTENT_FIELDS)
    if unknown:
        raise ArticleError(f"An article has no field(s) {', '.join(sorted(unknown))}.")
    art = _article(uow, article_id)
    new: dict[str, Any] = dict(values)
    if "title" in new:
        new["title"] = str(new["title"]).strip()
    if "tags" in new:
        new["tags"] = clean_tags(new["tags"])
    _check(new.get("title", art.title), new.get("language", art.language),
           new.get("visibility", art.visibility))
    if "body_html" in new:
        new["body_html"], new["body_text"] = clean_body(new["body_html"])
    if new.get("visibility", art.visibility) != Visibility.PUBLIC:
        new["published"] = False  # only public articles go on the site
    changed = uow.update(art, **new)
    changed.discard("body_text")
    if not changed:
        return set()
    uow.update(art, version=art.version + 1, updated_by=uow.agent_id, updated_at=utcnow())
    _version(uow, art, action, sorted(changed), agent_name)
    return changed


def set_published(uow: UnitOfWork, article_id: str, published: bool,
                  agent_name: str = "") -> set[str]:
    """Publish (the rep's click) or withdraw an article; only public ones publish.

    Raises:
        ArticleError: publishing an internal article.
    """
    art = _article(uow, article_id)
    if published and art.visibility != Visibility.PUBLIC:
        raise ArticleError("Only public articles can be published; make it public first.")
    return update_article(uow, article_id, agent_name=agent_name,
                          action="published" if published else "unpublished",
                          published=published)


def revert(uow: UnitOfWork, article_id: str, version_id: str, agent_name: str = "") -> set[str]:
    """Bring an article back to what a version said (a new version records the revert)."""
    old = uow.session.get(KbArticleVersion, version_id)
    if old is None or old.article_id != article_id:
        raise ArticleError("That version is not in this article's history.")
    values = {name: getattr(old, name) for name in CONTENT_FIELDS}
    return update_article(uow, article_id, agent_name=agent_name,
                          action=f"reverted to {old.number}", **values)


def delete_article(uow: UnitOfWork, article_id: str, agent_name: str = "") -> None:
    """Delete an article; its versions stay, so the deletion shows in its history."""
    art = _article(uow, article_id)
    uow.update(art, version=art.version + 1)
    _version(uow, art, "deleted", (), agent_name)
    uow.delete(art)


def link_conversation(uow: UnitOfWork, article_id: str, conversation_id: str) -> bool:
    """Link an article to a conversation it answers; False when already linked."""
    key = link_id(article_id, conversation_id)
    if uow.session.get(KbArticleLink, key) is not None:
        return False
    if uow.session.scalar(select(Conversation.id).where(
            Conversation.id == conversation_id)) is None:
        raise ArticleError("That conversation no longer exists on this device.")
    uow.add(KbArticleLink(id=key, article_id=article_id, conversation_id=conversation_id,
                          created_at=utcnow()))
    return True


def record_use(uow: UnitOfWork, article_id: str, conversation_id: str | None,
               kind: str = "text") -> KbUse:
    """Count one use of an article in a reply (its text or its public link)."""
    if kind not in ("text", "link"):
        raise ArticleError("A use is of the article's text or of its link.")
    _article(uow, article_id)
    if conversation_id is not None:
        link_conversation_quietly(uow, article_id, conversation_id)
    return uow.add(KbUse(id=new_id(), article_id=article_id, conversation_id=conversation_id,
                         agent_id=uow.agent_id, kind=kind, created_at=utcnow()))


def link_conversation_quietly(uow: UnitOfWork, article_id: str, conversation_id: str) -> None:
    """Link when the conversation exists; a use is counted either way."""
    with contextlib.suppress(ArticleError):
        link_conversation(uow, article_id, conversation_id)


# -- reading ------------------------------------------------------------------------------


def use_counts(session: Session, article_ids: Sequence[str] | None = None) -> dict[str, int]:
    """How often each article went into a reply."""
    q = select(KbUse.article_id, func.count()).group_by(KbUse.article_id)
    if article_ids is not None:
        q = q.where(KbUse.article_id.in_(article_ids))
    return {aid: int(n) for aid, n in session.execute(q)}


def _infos(session: Session, arts: Sequence[KbArticle]) -> list[ArticleInfo]:
    ids = [a.id for a in arts]
    counts = use_counts(session, ids)
    links: dict[str, list[str]] = {}
    for aid, cid in session.execute(
            select(KbArticleLink.article_id, KbArticleLink.conversation_id)
            .where(KbArticleLink.article_id.in_(ids)).order_by(KbArticleLink.created_at)):
        links.setdefault(aid, []).append(cid)
    names = dict(session.execute(select(Agent.id, Agent.name)).tuples().all())
    return [
        ArticleInfo(
            id=a.id, title=a.title, body_html=a.body_html, body_text=a.body_text,
            language=a.language, tags=tuple(a.tags or ()), visibility=a.visibility,
            published=a.published, version=a.version, updated_at=a.updated_at,
            updated_by_name=names.get(a.updated_by or "", ""), uses=counts.get(a.id, 0),
            conversation_ids=tuple(links.get(a.id, ())),
        )
        for a in arts
    ]


def get_article(session: Session, article_id: str) -> ArticleInfo | None:
    """One article, or None when it is not (or no longer) here."""
    art = session.scalars(select(KbArticle).where(KbArticle.id == article_id)).one_or_none()
    return _infos(session, [art])[0] if art is not None else None


def list_articles(session: Session, *, public_only: bool = False,
                  published_only: bool = False) -> list[ArticleInfo]:
    """Every article, by title."""
    q = select(KbArticle).order_by(func.lower(KbArticle.title))
    if public_only:
        q = q.where(KbArticle.visibility == Visibility.PUBLIC)
    if published_only:
        q = q.where(KbArticle.published.is_(True))
    return _infos(session, session.scalars(q).all())


def articles_by_id(session: Session, ids: Sequence[str]) -> dict[str, ArticleInfo]:
    """Articles by id (missing ones left out)."""
    arts = session.scalars(select(KbArticle).where(KbArticle.id.in_(ids))).all()
    return {i.id: i for i in _infos(session, arts)}


def versions(session: Session, article_id: str) -> list[VersionInfo]:
    """An article's history, newest first."""
    rows = session.scalars(
        select(KbArticleVersion).where(KbArticleVersion.article_id == article_id)
        .order_by(KbArticleVersion.created_at.desc(), KbArticleVersion.number.desc())
    ).all()
    return [VersionInfo(v.id, v.number, v.action, v.agent_name, v.created_at,
                        tuple(v.changed or ()), v.title) for v in rows]


def articles_of_conversation(session: Session, conversation_id: str) -> list[str]:
    """Ids of the articles linked to a conversation."""
    return list(session.scalars(select(KbArticleLink.article_id).where(
        KbArticleLink.conversation_id == conversation_id)))
