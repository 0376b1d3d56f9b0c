"""Translated texts with a count, in the plural form each language needs.

``_n("%n conversations", "", n)`` looks the text up in the catalogue's plural
forms (English two, Icelandic two, Russian three: 1 обращение, 2 обращения,
5 обращений) and puts ``n`` in place of ``%n`` (``%Ln``: with the locale's digit
grouping). lupdate finds it (``-tr-function-alias tr+=_n``: a ``tr`` with a
count); the English forms come from the English catalogue, which holds the
plural texts only. Never build a plural by appending "s".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _n(text: str, disambiguation: str, n: int) -> str:
    """``text`` translated for the count ``n``, with ``%n`` (or ``%Ln``) replaced by it."""
    return QCoreApplication.translate("", text, disambiguation or None, n)
