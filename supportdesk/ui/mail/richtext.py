"""The composer's text: bold, italic, lists and links, and files dropped on it become attachments.

Whatever the rep formats is sent as the text/html alternative of the plain
text (sanitised by the mail service); a mail with no formatting goes out as
plain text only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QUrl, Signal
from PySide6.QtGui import QFont, QKeySequence, QTextCharFormat, QTextListFormat
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QTextEdit, QToolButton, QWidget

_SCHEMES = ("http", "https", "mailto")


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def _local_files(mime: QMimeData) -> list[Path]:
    """The local files a drag carries (empty when it carries anything else)."""
    if not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]


class RichBody(QTextEdit):
    """A rich-text editor; files dropped on it go to ``files_dropped``, not into the text."""

    files_dropped = Signal(list)  # [Path]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)

    # -- drops ---------------------------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return bool(_local_files(source)) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        files = _local_files(source)
        if files:
            self.files_dropped.emit(files)
            return
        super().insertFromMimeData(source)

    # -- formatting ----------------------------------------------------------------------

    def toggle_bold(self) -> None:
        """Bold on or off for the selection (or what is typed next)."""
        fmt = QTextCharFormat()
        bold = self.fontWeight() <= QFont.Weight.Normal
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        """Italic on or off."""
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.fontItalic())
        self.mergeCurrentCharFormat(fmt)

    def bullet_list(self) -> None:
        """Make the current paragraphs a bulleted list."""
        self.textCursor().createList(QTextListFormat.Style.ListDisc)

    def numbered_list(self) -> None:
        """Make the current paragraphs a numbered list."""
        self.textCursor().createList(QTextListFormat.Style.ListDecimal)

    def insert_link(self, url: str | None = None, text: str | None = None) -> bool:
        """Link the selection (or `text`) to `url` (asked when None); http(s), mailto only."""
        if url is None:
            url, ok = QInputDialog.getText(self, _t("Insert link"), _t("Address (https://…)"))
            if not ok:
                return False
        link = QUrl(url.strip())
        if not link.isValid() or link.scheme().lower() not in _SCHEMES:
            return False
        cursor = self.textCursor()
        shown = text or cursor.selectedText() or link.toString()
        fmt = QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(link.toString())
        fmt.setFontUnderline(True)
        cursor.insertText(shown, fmt)
        cursor.setCharFormat(QTextCharFormat())
        self.setTextCursor(cursor)
        return True

    def has_formatting(self) -> bool:
        """True when anything is bold, italic, a list or a link (then HTML is worth sending)."""
        block = self.document().begin()
        while block.isValid():
            if block.textList() is not None:
                return True
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                if fmt.fontWeight() > QFont.Weight.Normal or fmt.fontItalic() or fmt.isAnchor():
                    return True
                it += 1
            block = block.next()
        return False

    def format_bar(self) -> QWidget:
        """Buttons for bold, italic, lists and links."""
        bar = QWidget(self.parentWidget())
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        for label, tip, keys, action in (
            (_t("B"), _t("Bold"), "Ctrl+B", self.toggle_bold),
            (_t("I"), _t("Italic"), "Ctrl+I", self.toggle_italic),
            (_t("• List"), _t("Bulleted list"), "", self.bullet_list),
            (_t("1. List"), _t("Numbered list"), "", self.numbered_list),
            (_t("Link…"), _t("Insert a link"), "Ctrl+K", self.insert_link),
        ):
            button = QToolButton(bar)
            button.setText(label)
            button.setToolTip(f"{tip} ({keys})" if keys else tip)
            if keys:
                button.setShortcut(QKeySequence(keys))
            button.clicked.connect(lambda _c=False, act=action: act())
            row.addWidget(button)
        row.addStretch(1)
        return bar
