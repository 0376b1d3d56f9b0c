"""Knowledge-base articles and mentions travel between two profiles through the server."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from supportdesk.models import new_id
from supportdesk.models.kb import KbArticleVersion
from supportdesk.services.kb import articles, draft, search
from supportdesk.sync.client import SyncClient
from tests.services.kb.helpers import make_agents, make_conversation

Rows = Callable[..., dict[tuple[str, str], dict[str, object]]]


def test_article_lifecycle_syncs_between_two_profiles(
    make_client: Callable[..., SyncClient], server: TestClient, local_rows: Rows,
    server_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    me, other = new_id(), new_id()
    setup = make_conversation(a.store, ids=(me, other))
    b.store.set_agent(other)
    with a.store.read() as session:
        d = draft.draft_from_conversation(session, setup.conversation)
    art = a.store.write(lambda uow: articles.create_article(
        uow, title=d.title, body_html=d.body_html, language=d.language, tags=["login"],
        conversation_ids=[setup.conversation], agent_name="Alex Morgan"))
    a.sync()
    b.sync()
    with b.store.read() as session:
        info = articles.get_article(session, art.id)
        assert info is not None and info.conversation_ids == (setup.conversation,)
        # The pulled article is in Bob's search index.
        assert [h.article.id for h in search.search(session, "expired")] == [art.id]

    # Bob edits on his laptop; Alice sees the edit and who made it.
    b.store.write(lambda uow: articles.update_article(
        uow, art.id, agent_name="Priya Raman",
        body_html="<p>Reset links last thirty minutes; ask for a fresh one.</p>"))
    b.sync()
    a.sync()
    with a.store.read() as session:
        info = articles.get_article(session, art.id)
        history = articles.versions(session, art.id)
        assert info is not None and "thirty minutes" in info.body_text
        assert info.updated_by_name == "Priya Raman"
        assert [(v.number, v.action, v.agent_name) for v in history] == [
            (2, "edited", "Priya Raman"), (1, "created", "Alex Morgan")]
        assert search.search(session, "thirty")[0].article.id == art.id
        assert search.search(session, "Ask for a new one") == []

    # Alice reverts to version 1; Bob gets the old text back.
    a.store.write(lambda uow: articles.revert(uow, art.id, history[-1].id, "Alex Morgan"))
    a.sync()
    b.sync()
    with b.store.read() as session:
        info = articles.get_article(session, art.id)
        assert info is not None and "30 minutes" in info.body_text and info.version == 3
        assert search.search(session, "thirty") == []

    # Bob deletes it; it is gone from Alice's list and search, its history stays.
    b.store.write(lambda uow: articles.delete_article(uow, art.id, "Priya Raman"))
    b.sync()
    a.sync()
    with a.store.read() as session:
        assert articles.get_article(session, art.id) is None
        assert search.search(session, "expired") == []
        assert session.scalar(select(func.count()).select_from(KbArticleVersion)) == 4
    assert local_rows(a.store) == local_rows(b.store) == server_rows(server.app.state.engine)


def test_a_new_device_gets_articles_searchable_from_its_snapshot(
    make_client: Callable[..., SyncClient],
) -> None:
    a = make_client("alice")
    a.store.write(lambda uow: make_agents(uow, new_id(), new_id()))
    for n in range(45):  # more than a snapshot page
        a.store.write(lambda uow, n=n: articles.create_article(
            uow, title=f"Счёт номер {n}", body_html=f"<p>article body {n}</p>", language="ru"))
    a.sync()
    b = make_client("bob")
    b.sync()
    with b.store.read() as session:
        assert len(search.search(session, "счет", limit=100)) == 45
        assert [h.article.title for h in search.search(session, "номер 7")] == ["Счёт номер 7"]
