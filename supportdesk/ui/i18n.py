"""Translated texts with a count, in the plural form each language needs.

``_n("%n conversations", "", n)`` looks the text up in the catalogue's plural
forms (English two, Icelandic two, Russian three: 1 обращение, 2 обращения,
5 обращений) and puts ``n`` in place of ``%n`` (``%Ln``: with the locale's digit
grouping). lupdate finds it (``-tr-function-alias tr+=_n``: a ``tr`` with a
count); the English forms come from the English catalogue, which holds the
plural texts only. Never build a plural by appending "s".
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime


def _n(text: str, disambiguation: str, n: int) -> str:
    """``text`` translated for the count ``n``, with ``%n`` (or ``%Ln``) replaced by it."""
    return QCoreApplication.translate("", text, disambiguation or None, n)


#: how dates and times are written, as QLocale patterns (day and month names in the
#: window's language, 24-hour clock)
DATE_FORMATS = {
    "time": "HH:mm",
    "weekday_time": "ddd HH:mm",
    "day_month": "d MMM",
    "day_month_time": "d MMM HH:mm",
    "weekday_day_month_time": "ddd d MMM HH:mm",
    "full": "ddd d MMM yyyy, HH:mm",
    "date": "yyyy-MM-dd",
}


def local_when(at: datetime, style: str = "full", *, convert: bool = True) -> str:
    """``at`` in this computer's zone (as it is when ``convert`` is False or it has no
    zone), written the window's language's way (``пт 4 дек. 2026, 09:12``)."""
    local = at.astimezone() if convert and at.tzinfo is not None else at
    stamp = QDateTime(QDate(local.year, local.month, local.day),
                      QTime(local.hour, local.minute, local.second))
    return QLocale().toString(stamp, DATE_FORMATS[style])


def duration_text(minutes: int, *, seconds: int | None = None, sign: bool = False) -> str:
    """A span of time in the window's language: ``2 h 15 min``, ``2 ч 15 мин``, ``-40 min``;
    with ``seconds`` (and under an hour): ``4 min 05 s``. Whole hours from 24 on."""
    neg = "-" if sign and minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    if hours >= 24:
        return neg + QCoreApplication.translate("", "{0} h").format(hours)
    if hours:
        return neg + QCoreApplication.translate("", "{0} h {1} min").format(hours, rest)
    if seconds is not None:
        return neg + QCoreApplication.translate("", "{0} min {1:02d} s").format(rest, seconds)
    return neg + QCoreApplication.translate("", "{0} min").format(rest)
