"""Text from data is shown as text, never as markup.

Qt guesses: a QLabel, a tooltip or a message box whose text *looks* like HTML
(``Qt::mightBeRichText``) renders it, images and tables included. Text from mail,
chat exports and synced rows is hostile, so every widget that shows it goes
through this module:

- ``PlainLabel`` is a QLabel fixed to plain text before it ever sees a string.
- ``literal`` turns any text into a tooltip or message-box text that Qt shows
  literally.
- ``notification_safe`` keeps desktop notifications (which some servers render
  as markup) free of tags.

tests/ui/test_hostile_text.py walks the real window with hostile data and fails
on any label that is not plain text; tests/test_architecture.py fails on a
``QLabel(...)`` built from anything but a literal without ``setTextFormat``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

#: a label's dynamic property set by code that chose rich text on purpose and
#: escapes every value it puts in (checked by the hostile-text test)
ESCAPED_RICH = "supportdeskEscapedRich"


class PlainLabel(QLabel):
    """A label that shows its text literally (no HTML, no images, no links)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        if text:
            self.setText(text)


def escaped_rich(label: QLabel) -> QLabel:
    """Mark a label whose rich text is made by code that escapes every value."""
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setProperty(ESCAPED_RICH, True)
    return label


LITERAL_START = '<p style="white-space:pre-wrap">'


def literal(text: str) -> str:
    """Text for a tooltip, a message box or a list cell's tooltip that Qt shows literally.

    Qt treats such text as rich when it looks like HTML; wrapped and escaped here, it is
    always rich text that says exactly ``text`` (spaces and line breaks kept).
    """
    if not text:
        return ""
    return LITERAL_START + html.escape(text, quote=False) + "</p>"


def notification_safe(text: str) -> str:
    """Text for a desktop notification: no ``<`` or ``&`` a server could render."""
    return text.replace("&", "\uff06").replace("<", "\u2039").replace(">", "\u203a")
