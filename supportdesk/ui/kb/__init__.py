"""The knowledge base in the window: Tools → Knowledge base…, the suggestion pane beside
the conversation with Insert, "Turn into article…", publishing the help site, and
@mentions (View → Mentions).

``install(window)`` is called once by ``app.install_extensions``; the controllers are
then ``window.kb`` and ``window.mentions``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QTextCursor
from PySide6.QtWidgets import QInputDialog, QPlainTextEdit, QSplitter, QWidget

from supportdesk.config import Setting
from supportdesk.services.kb import articles, draft, publish, search
from supportdesk.store import ChangeSet
from supportdesk.ui.kb.editor import KnowledgeBaseWindow
from supportdesk.ui.kb.history import HistoryController
from supportdesk.ui.kb.mentions import MentionsController
from supportdesk.ui.kb.pane import SuggestionPane

SHORTCUT = "Ctrl+Shift+K"
SITE_URL = Setting("kb_site_url", str, "", "address of the published help site")
SITE_FOLDER = Setting("kb_site_folder", str, "", "folder the help site was published to")
SITE_TITLE = Setting("kb_site_title", str, "Help centre", "name of the published help site")
_KB_TABLES = {"kb_articles", "kb_uses", "kb_article_links"}


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def _to_front(widget: QWidget) -> None:
    # The offscreen platform (tests, screenshots) cannot raise windows and says so.
    if QGuiApplication.platformName() != "offscreen":
        widget.raise_()
        widget.activateWindow()


class KnowledgeBaseController(QObject):
    """The knowledge base of one main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.store = window.store
        self.kb_window: KnowledgeBaseWindow | None = None
        self.pane = SuggestionPane()
        # Beside the conversation, under the customer's card: the column is shared, so
        # the window needs no more width than before.
        side = window.pane.splitter
        column = QSplitter(Qt.Orientation.Vertical)
        column.setObjectName("kbColumn")
        sizes = side.sizes()
        side.insertWidget(side.indexOf(window.pane.customer), column)
        column.addWidget(window.pane.customer)  # moves it out of the row
        side.setSizes(sizes)
        column.addWidget(self.pane)
        # The card first: its wrapped lines (addresses, phones) must not be squashed.
        column.setStretchFactor(0, 3)
        column.setStretchFactor(1, 2)
        column.setChildrenCollapsible(False)
        self.pane.insert_text.connect(lambda aid: self.insert(aid, "text"))
        self.pane.insert_link.connect(lambda aid: self.insert(aid, "link"))
        self.pane.open_article.connect(self.open_article)
        self.pane.turn_into_article.connect(self.turn_into_article)

        self.act_window = QAction(_t("Knowledge base…"), window)
        self.act_window.setShortcut(QKeySequence(SHORTCUT))
        self.act_window.setStatusTip(_t("Articles: write, search, publish the help site"))
        self.act_window.triggered.connect(lambda _c=False: self.open_window())
        window.addAction(self.act_window)
        window.tools_menu.addAction(self.act_window)
        self.act_turn = QAction(_t("Turn into article…"), window)
        self.act_turn.triggered.connect(lambda _c=False: self.turn_into_article())
        window.conversation_menu.addAction(self.act_turn)

        self._shown: str | None = ""
        self._check = QTimer(self, interval=500)
        self._check.timeout.connect(self._follow)
        self._check.start()
        window.table.selectionModel().selectionChanged.connect(lambda *_a: self._follow())
        window.bridge.changed.connect(self._on_changes)
        self.refresh()

    # -- suggestions ---------------------------------------------------------------------

    def _follow(self) -> None:
        if self.window.current_id != self._shown:
            self.refresh()

    def _on_changes(self, changes: ChangeSet) -> None:
        if _KB_TABLES & set(changes.ids):
            self.refresh()
            if self.kb_window is not None and self.kb_window.isVisible():
                self.kb_window.reload()

    def refresh(self) -> None:
        """Suggest the articles that match the open conversation."""
        cid = self.window.current_id
        self._shown = cid
        if cid is None:
            self.pane.show_hits(None)
            return
        with self.store.read() as session:
            hits = search.suggest(session, cid)
        self.pane.show_hits(hits)

    # -- insert --------------------------------------------------------------------------

    def reply_editor(self) -> QPlainTextEdit:
        """Where Insert writes: an open reply's body, else the note composer."""
        for editor in self.window.findChildren(QPlainTextEdit, "mailBody"):
            if editor.isVisible():
                return editor
        return self.window.pane.composer

    def insert(self, article_id: str, kind: str) -> str | None:
        """Put an article's text or public link into the reply; counts one use.

        Returns:
            The inserted text, or None when nothing was inserted.
        """
        with self.store.read() as session:
            art = articles.get_article(session, article_id)
        if art is None:
            return None
        if kind == "link":
            if not art.published:
                self.window.statusBar().showMessage(
                    _t("Only published articles have a public link."), 6000)
                return None
            base = self.site_url()
            if not base:
                return None
            text = publish.public_link(base, art)
        else:
            text = art.body_text
        editor = self.reply_editor()
        cursor = editor.textCursor()
        if cursor.position() > 0 and not editor.toPlainText()[:cursor.position()].endswith("\n"):
            text = "\n" + text
        cursor.insertText(text)
        editor.setTextCursor(cursor)
        editor.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
        cid = self.window.current_id
        self.window.ops.write(lambda uow: articles.record_use(uow, article_id, cid, kind))
        return text

    def site_url(self) -> str:
        """The help site's address; asks once when it is not known yet."""
        url = self.window.settings.get(SITE_URL).strip()
        if url:
            return str(url)
        url, ok = QInputDialog.getText(
            self.window, _t("Help site address"),
            _t("Where is the help site published (e.g. https://help.example.com)?"))
        url = url.strip()
        if not ok or not url.startswith(("https://", "http://")):
            return ""
        self.window.settings.set(SITE_URL, url)
        return str(url)

    # -- the window ----------------------------------------------------------------------

    def open_window(self) -> KnowledgeBaseWindow:
        """Show the knowledge base window (one per main window)."""
        if self.kb_window is None:
            self.kb_window = KnowledgeBaseWindow(self, self.window)
            self.kb_window.closed.connect(self._window_closed)
            self.kb_window.reload()
        self.kb_window.show()
        _to_front(self.kb_window)
        return self.kb_window

    def _window_closed(self) -> None:
        if self.kb_window is not None:
            self.kb_window.deleteLater()
        self.kb_window = None

    def open_article(self, article_id: str) -> KnowledgeBaseWindow:
        """The window, with an article in the editor."""
        kb = self.open_window()
        kb.query.clear()
        kb.reload(select_id=article_id)
        return kb

    def turn_into_article(self) -> KnowledgeBaseWindow | None:
        """Draft an article from the open conversation, for the rep to edit and save."""
        cid = self.window.current_id
        if cid is None:
            self.window.statusBar().showMessage(_t("Select a conversation first."), 4000)
            return None
        try:
            with self.store.read() as session:
                proposed = draft.draft_from_conversation(session, cid,
                                                         (_t("Question"), _t("Answer")))
        except ValueError as exc:
            self.window.show_error(str(exc))
            return None
        kb = self.open_window()
        kb.show_draft(proposed)
        return kb

    def _write(self, work: Any, select_id: str | None = None) -> None:
        # A refused change (ArticleError) rolls back and is shown by the window's
        # error handler, in the service's words.
        def done(result: Any) -> None:
            if self.kb_window is not None:
                chosen = select_id or getattr(result, "id", None)
                self.kb_window.reload(select_id=chosen if isinstance(chosen, str) else None)
            self.refresh()

        self.window.ops.write(work, done)

    def save_article(self, article_id: str | None, values: dict[str, Any],
                     conversation_id: str | None) -> None:
        """Create an article or save an edit (a new version)."""
        name = self.window._my_name()
        if article_id is None:
            links = [conversation_id] if conversation_id else []
            self._write(lambda uow: articles.create_article(
                uow, agent_name=name, conversation_ids=links, **values))
        else:
            self._write(lambda uow: articles.update_article(uow, article_id, agent_name=name,
                                                            **values), article_id)

    def set_published(self, article_id: str, published: bool) -> None:
        """Publish (the rep's click) or withdraw an article."""
        name = self.window._my_name()
        self._write(lambda uow: articles.set_published(uow, article_id, published, name),
                    article_id)

    def delete_article(self, article_id: str) -> None:
        """Delete an article (its history stays)."""
        name = self.window._my_name()
        if self.kb_window is not None:
            self.kb_window.current = None
        self._write(lambda uow: articles.delete_article(uow, article_id, name))

    def revert(self, article_id: str, version_id: str) -> None:
        """Bring an article back to a version."""
        name = self.window._my_name()
        self._write(lambda uow: articles.revert(uow, article_id, version_id, name), article_id)

    # -- publishing ----------------------------------------------------------------------

    def site_folder(self) -> str:
        """The folder the site went to last time."""
        return str(self.window.settings.get(SITE_FOLDER))

    def publish_site(self, folder: Path) -> publish.PublishResult | None:
        """Write the help site to a folder (incrementally); says what it did."""
        with self.store.read() as session:
            arts = articles.list_articles(session, public_only=True, published_only=True)
        try:
            result = publish.publish(arts, folder, title=self.window.settings.get(SITE_TITLE))
        except publish.PublishError as exc:
            if self.kb_window is not None:
                self.kb_window.show_error(str(exc))
            self.window.statusBar().showMessage(str(exc), 10_000)
            return None
        self.window.settings.set(SITE_FOLDER, str(folder))
        self.window.statusBar().showMessage(
            _t("{0} articles published to {1}: {2} files written, {3} removed.").format(
                result.articles, folder, len(result.written), len(result.removed)), 10_000)
        return result


def install(window: Any) -> KnowledgeBaseController:
    """Add the knowledge base to the window."""
    controller = KnowledgeBaseController(window)
    window.kb = controller
    window.mentions = MentionsController(window)
    window.history_lines = HistoryController(window)
    return controller
