"""Articles: drafting from a conversation, edits with versions, revert, delete, search."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from supportdesk.models.kb import KbArticle, KbArticleVersion
from supportdesk.services.kb import articles, draft, search
from supportdesk.store import Store
from supportdesk.store import search as search_index
from tests.services.kb.helpers import make_conversation


def test_draft_takes_the_question_and_the_answer_without_contact_details(store: Store) -> None:
    setup = make_conversation(store)
    with store.read() as session:
        d = draft.draft_from_conversation(session, setup.conversation)
    assert d.title == "Password reset link expired"
    assert "<h2>Question</h2>" in d.body_html and "<h2>Answer</h2>" in d.body_html
    assert "reset link says it expired" in d.body_html
    assert "Reset links last 30 minutes" in d.body_html
    assert "olivia@example.com" not in d.body_html and "7946" not in d.body_html
    assert "old quoted text" not in d.body_html and "Alex</p>" not in d.body_html
    assert d.language == "en"
    # Drafting stores nothing.
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(KbArticle)) == 0


def test_lifecycle_keeps_every_version_and_reverts(store: Store) -> None:
    setup = make_conversation(store)
    with store.read() as session:
        d = draft.draft_from_conversation(session, setup.conversation)
    art = store.write(lambda uow: articles.create_article(
        uow, title=d.title, body_html=d.body_html + '<script>alert(1)</script>'
        '<img src="https://tracker.test/x.png">', language=d.language, tags=["Login", "login"],
        conversation_ids=[d.conversation_id], agent_name="Alex Morgan"))
    assert not art.published and art.visibility == "internal"
    assert "<script" not in art.body_html and "tracker.test" not in art.body_html
    assert art.tags == ["login"]
    changed = store.write(lambda uow: articles.update_article(
        uow, art.id, agent_name="Priya Raman", title="Reset link expired",
        visibility="public"))
    assert changed == {"title", "visibility"}
    assert store.write(lambda uow: articles.update_article(uow, art.id, title="Reset link expired")
                       ) == set()  # nothing changed: no version
    with pytest.raises(articles.ArticleError):  # no title
        store.write(lambda uow: articles.update_article(uow, art.id, title="  "))
    store.write(lambda uow: articles.set_published(uow, art.id, True, "Priya Raman"))
    with store.read() as session:
        history = articles.versions(session, art.id)
        info = articles.get_article(session, art.id)
    assert [(v.number, v.action, v.agent_name) for v in history] == [
        (3, "published", "Priya Raman"), (2, "edited", "Priya Raman"),
        (1, "created", "Alex Morgan")]
    assert history[1].changed == ("title", "visibility")
    assert info is not None and info.published and info.conversation_ids == (setup.conversation,)
    first = history[-1]
    store.write(lambda uow: articles.revert(uow, art.id, first.id, "Alex Morgan"))
    with store.read() as session:
        info = articles.get_article(session, art.id)
        history = articles.versions(session, art.id)
    assert info is not None
    assert (info.title, info.visibility, info.published, info.version) == (
        "Password reset link expired", "internal", False, 4)
    assert history[0].action == "reverted to 1"
    store.write(lambda uow: articles.delete_article(uow, art.id, "Alex Morgan"))
    with store.read() as session:
        assert articles.get_article(session, art.id) is None
        assert session.scalar(select(func.count()).select_from(KbArticleVersion)) == 5
        assert search.search(session, "expired") == []


def test_an_internal_article_cannot_be_published(store: Store) -> None:
    art = store.write(lambda uow: articles.create_article(uow, title="Staff only",
                                                          body_html="<p>x</p>"))
    with pytest.raises(articles.ArticleError, match="public"):
        store.write(lambda uow: articles.set_published(uow, art.id, True))


def test_search_folds_like_conversation_search(store: Store,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    store.write(lambda uow: articles.create_article(
        uow, title="Оплата по счёту", body_html="<p>Как оплатить <b>счёт</b></p>",
        language="ru"))
    store.write(lambda uow: articles.create_article(
        uow, title="Endurgreiðslan", body_html="<p>Hvernig endurgreiðsla virkar</p>",
        language="is", tags=["Greiðslur"]))
    with store.read() as session:
        assert [h.article.title for h in search.search(session, "СЧЕТУ")] == ["Оплата по счёту"]
        assert [h.article.title for h in search.search(session, "счёт")] == ["Оплата по счёту"]
        assert [h.article.language for h in search.search(session, "ENDURGREIÐSLAN")] == ["is"]
        assert search.search(session, "greiðslur")[0].article.title == "Endurgreiðslan"
        assert search.search(session, "") == []

    # The index and the query fold through store.search.fold, so a folding the
    # conversation search learns (ð -> d) reaches articles too, once rebuilt.
    original = search_index.fold
    monkeypatch.setattr(search_index, "fold",
                        lambda text: original(text).replace("ð", "d").replace("þ", "th"))
    store.write(lambda uow: search.rebuild_index(uow.session))
    with store.read() as session:
        assert [h.article.language for h in search.search(session, "endurgreidslan")] == ["is"]
        assert [h.article.language for h in search.search(session, "endurgreiðslan")] == ["is"]


def test_uses_are_counted_and_link_the_conversation(store: Store) -> None:
    setup = make_conversation(store)
    art = store.write(lambda uow: articles.create_article(uow, title="Reset links",
                                                          body_html="<p>30 minutes</p>"))
    for kind in ("text", "link", "text"):
        store.write(lambda uow, kind=kind: articles.record_use(uow, art.id, setup.conversation,
                                                                kind))
    with store.read() as session:
        info = articles.get_article(session, art.id)
        assert info is not None and info.uses == 3
        assert info.conversation_ids == (setup.conversation,)
        assert articles.articles_of_conversation(session, setup.conversation) == [art.id]
