"""The knowledge base in the window, offscreen, on the demo workspace: suggestions beside
the conversation, Insert with use counts, Turn into article, edit/revert, publish."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QVBoxLayout

from supportdesk.config import Settings
from supportdesk.models import Conversation
from supportdesk.services.kb import articles, publish
from supportdesk.services.kb.demo import ARTICLES
from supportdesk.store import Store
from supportdesk.ui import kb
from supportdesk.ui.mainwindow import MainWindow


@pytest.fixture
def app(qtbot: QtBot, demo_store: Store, profile: Path
        ) -> Iterator[tuple[MainWindow, kb.KnowledgeBaseController]]:
    window = MainWindow(demo_store, Settings(profile))
    qtbot.addWidget(window)
    controller = kb.install(window)
    window.resize(1400, 800)
    window.show()
    yield window, controller
    window.close()


def _conversation(store: Store, subject: str) -> str:
    with store.read() as s:
        cid = s.scalar(select(Conversation.id).where(Conversation.subject == subject).limit(1))
    assert cid is not None, subject
    return cid


def _article(store: Store, title: str) -> articles.ArticleInfo:
    with store.read() as s:
        return next(a for a in articles.list_articles(s) if a.title == title)


def test_pane_suggests_the_covering_article_and_insert_counts_a_use(
        qtbot: QtBot, app: tuple[MainWindow, kb.KnowledgeBaseController],
        demo_store: Store) -> None:
    window, controller = app
    assert controller.pane.titles() == []
    _lang, title, _p, _tags, _vis, subject = next(a for a in ARTICLES
                                                        if a[4] == "public")
    window.open_conversation(_conversation(demo_store, subject))
    qtbot.waitUntil(lambda: controller.pane.titles()[:1] == [title], timeout=10_000)
    art = _article(demo_store, title)

    controller.pane.text_button.click()
    composer = window.pane.composer
    assert art.body_text in composer.toPlainText()
    qtbot.waitUntil(lambda: _article(demo_store, title).uses == art.uses + 1, timeout=10_000)

    # The link: to the published site, into an open reply when there is one.
    window.settings.set(kb.SITE_URL, "https://help.example.com/kb/")
    dialog = QDialog(window)
    body = QPlainTextEdit(dialog)
    body.setObjectName("mailBody")
    QVBoxLayout(dialog).addWidget(body)
    dialog.show()
    qtbot.waitUntil(body.isVisible)
    assert controller.pane.link_button.isEnabled()
    controller.pane.link_button.click()
    assert body.toPlainText() == publish.public_link("https://help.example.com/kb", art)
    assert body.toPlainText().startswith("https://help.example.com/kb/a/")
    qtbot.waitUntil(lambda: _article(demo_store, title).uses == art.uses + 2, timeout=10_000)
    # The pane shows the new count once the write lands.
    qtbot.waitUntil(lambda: f"{art.uses + 2}" in controller.pane.list.item(0).text(),
                    timeout=10_000)
    dialog.close()


def test_turn_into_article_edit_revert_and_publish(
        qtbot: QtBot, app: tuple[MainWindow, kb.KnowledgeBaseController],
        demo_store: Store, tmp_path: Path) -> None:
    window, controller = app
    cid = _conversation(demo_store, "Feature request: dark mode")
    window.open_conversation(cid)
    kbw = controller.turn_into_article()
    assert kbw is not None
    assert kbw.title.text() == "Feature request: dark mode"
    assert kbw.draft_conversation == cid
    kbw.title.setText("Is there a dark mode?")
    kbw.save()
    qtbot.waitUntil(lambda: kbw.current is not None
                    and kbw.current.title == "Is there a dark mode?", timeout=10_000)
    made = kbw.current
    assert made is not None
    assert made.conversation_ids == (cid,)
    assert made.visibility == "internal" and not made.published  # nothing published unasked

    # Edit: a new version; make it public and publish it with a click.
    kbw.body.setPlainText("Yes: View → Toggle dark theme, or Ctrl+Shift+D.")
    # An image goes in inline (the site stays self-contained); other files are refused.
    picture = QImage(24, 16, QImage.Format.Format_RGB32)
    picture.fill(QColor("#1f5fbf"))
    assert picture.save(str(tmp_path / "menu.png"))
    (tmp_path / "notes.txt").write_text("not an image")
    assert kbw.insert_image(tmp_path / "notes.txt") is not None
    assert kbw.insert_image(tmp_path / "menu.png") is None
    kbw.visibility.setCurrentIndex(kbw.visibility.findData("public"))
    kbw.save()
    qtbot.waitUntil(lambda: kbw.current is not None and kbw.current.version == 2,
                    timeout=10_000)
    kbw.publish_toggle.click()
    qtbot.waitUntil(lambda: kbw.current is not None and kbw.current.published,
                    timeout=10_000)
    assert kbw.history.count() == 3

    site = tmp_path / "site"
    result = controller.publish_site(site)
    assert result is not None
    assert publish.article_path(kbw.current) in result.written
    page = (site / publish.article_path(kbw.current)).read_text()
    assert "Toggle dark theme" in page
    assert '<img src="data:image/png;base64,' in kbw.current.body_html
    assert re.search(r'<img [^>]*src="data:image/png;base64,', page)

    # Revert to the first version: the draft text and internal again (so off the site).
    first = next(i for i in range(kbw.history.count())
                 if kbw.history.item(i).text().startswith("1 ·"))
    kbw.history.setCurrentRow(first)
    kbw.revert()
    qtbot.waitUntil(lambda: kbw.current is not None and kbw.current.version == 4,
                    timeout=10_000)
    assert "Toggle dark theme" not in kbw.current.body_text
    assert kbw.current.visibility == "internal" and not kbw.current.published
    again = controller.publish_site(site)
    assert again is not None and publish.article_path(made) in again.removed

    # The window's search folds like conversations.
    kbw.query.setText("LYKILORÐ")
    assert kbw.titles() and all(
        _article(demo_store, t).language == "is" for t in kbw.titles())

    # A refused change is shown, and nothing is half-saved.
    kbw.query.clear()
    kbw.reload(select_id=made.id)
    kbw.title.setText("   ")
    kbw.save()
    assert kbw.error.isVisible()
    assert _article(demo_store, "Is there a dark mode?").version == 4
