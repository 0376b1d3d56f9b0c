"""Full-text search over the FTS5 indexes the migrations create.

The index folds case and removes diacritics (unicode61, remove_diacritics 2),
so "Jokull" finds "Jökull" and "ПРИВЕТ" finds "привет". A rep's words are
turned into a safe FTS5 query: every word is quoted and prefix-matched, and
all words must match.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case and strip combining marks, as the index does."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression for what a rep typed, or None when it has no words.

    Every word becomes a quoted prefix term (``"word"*``) so no FTS5 syntax in
    the input (quotes, ``NEAR``, ``-``, ``:``) can change the query's meaning.
    """
    words = _WORD.findall(text)
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words[:16])


def phone_digits(text: str) -> str | None:
    """The digits of a query that looks like (part of) a phone number."""
    stripped = text.strip()
    if not stripped or re.fullmatch(r"[+\d\s().-]+", stripped) is None:
        return None
    digits = re.sub(r"\D", "", stripped)
    return digits if len(digits) >= 4 else None
