"""The pane beside a conversation: the articles that match it, best first, with Insert."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supportdesk.services.kb.search import ArticleHit
from supportdesk.ui.plain import PlainLabel

ROLE_ID = Qt.ItemDataRole.UserRole


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


class SuggestionPane(QFrame):
    """Suggested articles for the open conversation."""

    insert_text = Signal(str)  # article id
    insert_link = Signal(str)  # article id
    open_article = Signal(str)  # article id
    turn_into_article = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kbSuggestions")
        self.setFrameShape(QFrame.Shape.NoFrame)
        heading = PlainLabel(_t("Knowledge base"))
        heading.setStyleSheet("font-weight: 600")
        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("kbSuggestionList")
        self.list.setAccessibleName(_t("Suggested articles"))
        self.list.setAccessibleDescription(
            _t("Knowledge base articles that match the open conversation, best first"))
        self.list.setWordWrap(True)
        self.list.itemDoubleClicked.connect(
            lambda item: self.open_article.emit(item.data(ROLE_ID)))
        self.list.currentItemChanged.connect(lambda *_a: self._enable())
        self.text_button = QPushButton(_t("Insert text"))
        self.text_button.setToolTip(_t("Put the article's text into the reply"))
        self.text_button.clicked.connect(lambda: self._emit(self.insert_text))
        self.link_button = QPushButton(_t("Insert link"))
        self.link_button.setToolTip(_t("Put the article's address on the help site into the "
                                       "reply"))
        self.link_button.clicked.connect(lambda: self._emit(self.insert_link))
        self.turn_button = QPushButton(_t("Turn into article…"))
        self.turn_button.clicked.connect(self.turn_into_article.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        # Stacked, so the pane stays narrow beside the conversation.
        for button in (self.text_button, self.link_button, self.turn_button):
            button.setMinimumWidth(0)
            layout.addWidget(button)
        self.list.setMinimumWidth(0)
        heading.setMinimumWidth(0)
        self.hint.setMinimumWidth(0)
        self.public: dict[str, bool] = {}
        self.show_hits(None)

    def show_hits(self, hits: list[ArticleHit] | None) -> None:
        """The suggestions for the open conversation (None: no conversation open)."""
        self.list.clear()
        self.public = {}
        for hit in hits or []:
            a = hit.article
            suffix = _t("public") if a.published else _t("internal")
            item = QListWidgetItem(f"{a.title}\n{a.language} · {suffix} · "
                                   + _t("{0} uses").format(a.uses))
            item.setData(ROLE_ID, a.id)
            # escaped inside <p>: Qt would take a tooltip that looks like HTML as HTML
            item.setToolTip(f"<p>{escape(a.body_text[:400])}</p>")
            self.list.addItem(item)
            self.public[a.id] = a.published
        if self.list.count():
            self.list.setCurrentRow(0)
        self.hint.setText(_t("Open a conversation to see matching articles.") if hits is None
                          else _t("Articles that match this conversation, best first.")
                          if hits else _t("No article matches this conversation yet."))
        self.turn_button.setEnabled(hits is not None)
        self._enable()

    def titles(self) -> list[str]:
        """The suggested titles, best first."""
        return [self.list.item(i).text().split("\n")[0] for i in range(self.list.count())]

    def selected_id(self) -> str | None:
        """The chosen suggestion's article."""
        item = self.list.currentItem()
        return str(item.data(ROLE_ID)) if item is not None else None

    def _enable(self) -> None:
        chosen = self.selected_id()
        self.text_button.setEnabled(chosen is not None)
        self.link_button.setEnabled(chosen is not None and self.public.get(chosen, False))

    def _emit(self, signal: SignalInstance) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            signal.emit(chosen)
