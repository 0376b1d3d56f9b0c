"""Suggestions beside a conversation, on the demo workspace."""

from __future__ import annotations

from sqlalchemy import func, select

from supportdesk.models import Conversation
from supportdesk.models.kb import KbArticle, KbArticleLink
from supportdesk.services.kb import articles, search
from supportdesk.services.kb.demo import ARTICLES
from supportdesk.store import Store


def test_demo_workspace_has_a_dozen_linked_articles(demo_store: Store) -> None:
    with demo_store.read() as s:
        arts = s.scalars(select(KbArticle)).all()
        assert len(arts) == 12
        assert {a.language for a in arts} == {"en", "ru", "is"}
        assert {a.visibility for a in arts} == {"public", "internal"}
        assert all(a.published == (a.visibility == "public") for a in arts)
        linked = set(s.scalars(select(KbArticleLink.article_id)))
        assert len(linked) >= 10
        assert s.scalar(select(func.count()).select_from(KbArticleLink)) >= 20


def test_a_conversation_gets_the_article_that_covers_it_first(demo_store: Store) -> None:
    checked = 0
    with demo_store.read() as s:
        for _lang, title, _p, _tags, _vis, subject in ARTICLES:
            ids = s.scalars(select(Conversation.id).where(Conversation.subject == subject)
                            .limit(3)).all()
            for cid in ids:
                hits = search.suggest(s, cid)
                assert hits, subject
                assert hits[0].article.title == title, (subject, [h.article.title for h in hits])
                checked += 1
        assert checked >= 20
        # A topic with no article gets no billing or login article first.
        dark = s.scalar(select(Conversation.id).where(
            Conversation.subject == "Feature request: dark mode"))
        if dark is not None:
            assert all("Password" not in h.article.title for h in search.suggest(s, dark)[:1])


def test_typed_search_and_counts_on_the_demo(demo_store: Store) -> None:
    with demo_store.read() as s:
        hits = search.search(s, "LYKILORÐ")  # case-folded prefix of lykilorðinu
        assert [h.article.language for h in hits] == ["is"]
        listed = articles.list_articles(s)
        assert sum(a.uses for a in listed) > 0
