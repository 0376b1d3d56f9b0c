"""Tools → Knowledge base: the list of articles, the editor, history with revert, publish."""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from supportdesk.services.kb import articles, search
from supportdesk.services.kb.articles import ArticleInfo, VersionInfo
from supportdesk.services.kb.draft import ArticleDraft

ROLE_ID = Qt.ItemDataRole.UserRole
MAX_IMAGE_BYTES = 1024 * 1024
_DATA_SRC = re.compile(r'src="(data:image/(?:png|gif|jpeg|webp);base64,[A-Za-z0-9+/=]+)"')
_IMAGE_MAGIC = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF8", "gif"),
                (b"RIFF", "webp"))


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def visibility_title(value: str) -> str:
    """The visibility as the rep reads it."""
    return _t("Public (help site)") if value == "public" else _t("Internal (team only)")


class KnowledgeBaseWindow(QWidget):
    """Every article: search, edit, publish, history and revert.

    The window only shows and collects; ``controller`` reads and writes the store.
    """

    closed = Signal()

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self.setObjectName("knowledgeBase")
        self.setWindowTitle(_t("Knowledge base"))
        self.current: ArticleInfo | None = None
        #: a "Turn into article" draft not saved yet: the conversation it came from
        self.draft_conversation: str | None = None

        self.query = QLineEdit()
        self.query.setObjectName("kbSearch")
        self.query.setPlaceholderText(_t("Search articles (folded like conversations)"))
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName(_t("Search articles"))
        self.query.textChanged.connect(lambda _t_: self.reload())
        self.list = QListWidget()
        self.list.setObjectName("kbList")
        self.list.setAccessibleName(_t("Articles"))
        self.list.currentItemChanged.connect(lambda cur, _prev: self._picked(cur))
        new = QPushButton(_t("New article"))
        new.clicked.connect(self.new_article)
        self.publish_button = QPushButton(_t("Publish help site…"))
        self.publish_button.setObjectName("kbPublish")
        self.publish_button.clicked.connect(self.choose_site_folder)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.query)
        lv.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(new)
        row.addWidget(self.publish_button)
        lv.addLayout(row)

        self.title = QLineEdit()
        self.title.setAccessibleName(_t("Title"))
        self.language = QComboBox()
        self.language.setAccessibleName(_t("Language"))
        for code in articles.LANGUAGES:
            self.language.addItem(code, code)
        self.tags = QLineEdit()
        self.tags.setAccessibleName(_t("Tags"))
        self.tags.setPlaceholderText(_t("comma-separated, e.g. billing, refund"))
        self.visibility = QComboBox()
        self.visibility.setAccessibleName(_t("Visibility"))
        for value in ("internal", "public"):
            self.visibility.addItem(visibility_title(value), value)
        self.published = QCheckBox(_t("Published on the help site"))
        self.published.setEnabled(False)
        self.body = QTextEdit()
        self.body.setObjectName("kbBody")
        self.body.setAccessibleName(_t("Article text"))
        self.body.setAcceptRichText(True)
        self.info = QLabel()
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setWordWrap(True)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e")
        self.error.hide()
        self.save_button = QPushButton(_t("Save"))
        self.save_button.clicked.connect(self.save)
        self.publish_toggle = QPushButton(_t("Publish"))
        self.publish_toggle.clicked.connect(self.toggle_published)
        self.image_button = QPushButton(_t("Insert image…"))
        self.image_button.clicked.connect(self.choose_image)
        self.delete_button = QPushButton(_t("Delete"))
        self.delete_button.clicked.connect(self.delete)
        self.history = QListWidget()
        self.history.setObjectName("kbHistory")
        self.history.setAccessibleName(_t("Versions of this article"))
        self.history.setMaximumHeight(120)
        self.revert_button = QPushButton(_t("Revert to this version"))
        self.revert_button.clicked.connect(self.revert)

        form = QFormLayout()
        form.addRow(_t("Title"), self.title)
        form.addRow(_t("Language"), self.language)
        form.addRow(_t("Tags"), self.tags)
        form.addRow(_t("Visibility"), self.visibility)
        form.addRow("", self.published)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(form)
        rv.addWidget(self.body, 1)
        rv.addWidget(self.info)
        rv.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.publish_toggle)
        buttons.addWidget(self.image_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        rv.addLayout(buttons)
        rv.addWidget(QLabel(_t("History")))
        rv.addWidget(self.history)
        rv.addWidget(self.revert_button, 0, Qt.AlignmentFlag.AlignLeft)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([280, 560])
        outer = QVBoxLayout(self)
        outer.addWidget(split)
        self.resize(900, 620)
        self.show_article(None)

    # -- reading -----------------------------------------------------------------------

    def reload(self, select_id: str | None = None) -> None:
        """Fill the list (search results when a query is typed), keeping the selection."""
        keep = select_id or (self.current.id if self.current else None)
        query = self.query.text().strip()
        with self.controller.store.read() as session:
            if query:
                arts = [h.article for h in search.search(session, query)]
            else:
                arts = articles.list_articles(session)
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for a in arts:
            state = _t("published") if a.published else visibility_title(a.visibility)
            item = QListWidgetItem(f"{a.title}\n{a.language} · {state} · "
                                   + _t("{0} uses").format(a.uses))
            item.setData(ROLE_ID, a.id)
            self.list.addItem(item)
            if a.id == keep:
                chosen = item
        self.list.blockSignals(False)
        if chosen is not None:
            self.list.setCurrentItem(chosen)
            self._picked(chosen)

    def titles(self) -> list[str]:
        """The listed articles' titles (for tests and screen readers)."""
        return [self.list.item(i).text().split("\n")[0] for i in range(self.list.count())]

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        with self.controller.store.read() as session:
            art = articles.get_article(session, item.data(ROLE_ID))
            history = articles.versions(session, art.id) if art else []
        self.show_article(art, history)

    def show_article(self, art: ArticleInfo | None, history: list[VersionInfo] | None = None,
                     ) -> None:
        """Put an article (or an empty new one) in the editor."""
        self.current = art
        self.draft_conversation = None
        self.error.hide()
        self.title.setText(art.title if art else "")
        self.language.setCurrentIndex(max(0, self.language.findData(art.language if art
                                                                      else "en")))
        self.tags.setText(", ".join(art.tags) if art else "")
        self.visibility.setCurrentIndex(self.visibility.findData(art.visibility if art
                                                                 else "internal"))
        self.published.setChecked(bool(art and art.published))
        self.set_body(art.body_html if art else "")
        self.publish_toggle.setText(_t("Withdraw") if art and art.published else _t("Publish"))
        self.publish_toggle.setEnabled(art is not None)
        self.delete_button.setEnabled(art is not None)
        self.history.clear()
        for v in history or []:
            changed = ", ".join(v.changed)
            item = QListWidgetItem(f"{v.number} · {v.created_at:%Y-%m-%d %H:%M} · "
                                   f"{v.agent_name or '—'} · {v.action}"
                                   + (f" ({changed})" if changed else ""))
            item.setData(ROLE_ID, v.id)
            self.history.addItem(item)
        self.revert_button.setEnabled(art is not None)
        if art is None:
            self.info.setText(_t("A new article: it stays internal until you make it public "
                                 "and publish it."))
        else:
            self.info.setText(_t("Version {0}, by {1}. Used {2} times; linked to {3} "
                                 "conversations.").format(art.version, art.updated_by_name
                                                          or "—", art.uses,
                                                          len(art.conversation_ids)))

    def show_draft(self, draft: ArticleDraft) -> None:
        """A drafted article from a conversation, for the rep to edit and save."""
        self.list.clearSelection()
        self.show_article(None)
        self.title.setText(draft.title)
        self.language.setCurrentIndex(max(0, self.language.findData(draft.language)))
        self.tags.setText(", ".join(draft.tags))
        self.set_body(draft.body_html)
        self.draft_conversation = draft.conversation_id
        self.info.setText(_t("Drafted from the conversation: edit it, then save. Nothing is "
                             "published until you click Publish."))

    def set_body(self, html: str) -> None:
        """Show a body; its inline (data:) images are handed to the editor to draw."""
        for src in _DATA_SRC.findall(html):
            self._register(src)
        self.body.setHtml(html)

    def _register(self, src: str) -> bool:
        image = QImage.fromData(QByteArray.fromBase64(src.split(",", 1)[1].encode("ascii")))
        if image.isNull():
            return False
        self.body.document().addResource(QTextDocument.ResourceType.ImageResource, QUrl(src),
                                         image)
        return True

    def insert_image(self, path: Path) -> str | None:
        """Put an image file into the body, inline; returns why not, or None."""
        try:
            size = path.stat().st_size
            if size > MAX_IMAGE_BYTES:
                return _t("{0} is larger than 1 MB; use a smaller image.").format(path.name)
            data = path.read_bytes()
        except OSError as exc:
            return _t("{0} could not be read ({1}).").format(path.name, exc.strerror or exc)
        kind = next((k for magic, k in _IMAGE_MAGIC if data.startswith(magic)), None)
        if kind is None or (kind == "webp" and data[8:12] != b"WEBP"):
            return _t("{0} is not a PNG, JPEG, GIF or WebP image.").format(path.name)
        src = f"data:image/{kind};base64,{base64.b64encode(data).decode('ascii')}"
        if not self._register(src):
            return _t("{0} could not be read as an image.").format(path.name)
        self.body.textCursor().insertHtml(f'<img src="{src}" alt="">')
        return None

    def choose_image(self) -> None:
        """Pick an image file to insert at the cursor."""
        name, _f = QFileDialog.getOpenFileName(self, _t("Insert an image"), "",
                                               _t("Images (*.png *.jpg *.jpeg *.gif *.webp)"))
        if name:
            problem = self.insert_image(Path(name))
            if problem:
                self.show_error(problem)

    # -- writing -----------------------------------------------------------------------

    def show_error(self, text: str) -> None:
        """A problem with the last action, in the window."""
        self.error.setText(text)
        self.error.show()

    def values(self) -> dict[str, Any]:
        """The editor's fields as the service takes them."""
        return {"title": self.title.text(), "body_html": self.body.toHtml(),
                "language": self.language.currentData(),
                "tags": [t for t in self.tags.text().split(",") if t.strip()],
                "visibility": self.visibility.currentData()}

    def save(self) -> None:
        """Create the article, or save the edit as a new version."""
        self.error.hide()
        values = self.values()
        if not values["title"].strip():
            self.show_error(_t("An article needs a title."))
            return
        self.controller.save_article(self.current.id if self.current else None, values,
                                     self.draft_conversation)

    def new_article(self) -> None:
        """Start an empty article."""
        self.list.clearSelection()
        self.show_article(None)
        self.title.setFocus()

    def toggle_published(self) -> None:
        """Publish or withdraw the article shown (a click, never automatic)."""
        if self.current is not None:
            self.controller.set_published(self.current.id, not self.current.published)

    def delete(self) -> None:
        """Delete the article shown, after asking."""
        if self.current is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, _t("Delete the article"),
                          _t("Delete “{0}”? Its history is kept.").format(self.current.title),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the title may come from anywhere
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.controller.delete_article(self.current.id)

    def revert(self) -> None:
        """Bring the article back to the chosen version."""
        item = self.history.currentItem()
        if self.current is None or item is None:
            self.show_error(_t("Choose a version in the history first."))
            return
        self.controller.revert(self.current.id, item.data(ROLE_ID))

    def choose_site_folder(self) -> None:
        """Ask where the help site goes, then publish it."""
        start = self.controller.site_folder()
        folder = QFileDialog.getExistingDirectory(self, _t("Publish the help site to"), start)
        if folder:
            self.controller.publish_site(Path(folder))

    def closeEvent(self, event: Any) -> None:
        """Tell the controller, which keeps no closed window."""
        self.closed.emit()
        super().closeEvent(event)
