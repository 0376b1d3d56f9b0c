"""Full-text search over the FTS5 indexes the migrations create.

The index folds case and removes diacritics (unicode61, remove_diacritics 2),
so "Jokull" finds "Jökull" and "ПРИВЕТ" finds "привет". A few letters the
tokenizer keeps as they are are folded before they reach it, in the index
(the triggers pass each indexed column through :func:`fold_sql`) and in the
query (:func:`fold_letters`) alike: ё→е, ð→d, þ→th, æ→ae, so "счету" finds
"счёту", "thorsson" finds "Þórsson" and "aegir" finds "Ægir"; й stays й.
Every replacement turns letters into letters, so a text has the same words
in the same order folded or not, and FTS5's highlight, which re-reads the
original row, marks the original spelling.

A rep's words are turned into a safe FTS5 query: every word is quoted and
prefix-matched, and all words must match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping

from sqlalchemy import Connection

_WORD = re.compile(r"\w+", re.UNICODE)

#: letters the tokenizer leaves alone, and what the index holds for them
FOLDED_LETTERS: Mapping[str, str] = {
    "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "æ": "ae", "Æ": "Ae", "ё": "е", "Ё": "Е",
}
_TABLE = str.maketrans(dict(FOLDED_LETTERS))
#: letters whose marks are part of the letter (й is not и)
_KEEP_MARKS = frozenset("йЙ")

#: the full-text indexes: name -> (content table, indexed columns)
FTS_TABLES: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "messages_fts": ("messages", ("subject", "body_text", "author_name")),
    "conversations_fts": ("conversations", ("subject",)),
    "customers_fts": ("customers", ("name", "organization", "notes")),
    "identities_fts": ("identities", ("display",)),
}
#: rows per statement when an index is rebuilt
REBUILD_BATCH = 2000

Progress = Callable[[int, int], None]


def fold_letters(text: str) -> str:
    """``text`` with the letters of :data:`FOLDED_LETTERS` replaced (as the index holds them)."""
    return text.translate(_TABLE)


def fold_sql(expr: str) -> str:
    """A SQL expression: ``expr`` with the letters of :data:`FOLDED_LETTERS` replaced.

    Most texts hold none of them: a scan for each letter (``instr``) costs next to
    nothing, while the replacements copy the text once per letter, which made
    indexing twice as slow when done on every row.
    """
    out = expr
    for src, dst in FOLDED_LETTERS.items():
        out = f"replace({out}, '{src}', '{dst}')"
    found = " OR ".join(f"instr({expr}, '{src}')" for src in FOLDED_LETTERS)
    return f"CASE WHEN {found} THEN {out} ELSE {expr} END"


def fold(text: str) -> str:
    """Lower-case, fold the letters above and strip combining marks, as the index does."""
    out = []
    for ch in fold_letters(text.casefold()):
        if ch in _KEEP_MARKS:
            out.append(ch)
            continue
        out.extend(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return "".join(out)


def trigger_sql(name: str, table: str, cols: tuple[str, ...]) -> list[str]:
    """The statements creating the triggers that keep index ``name`` in step with ``table``."""
    collist = ", ".join(cols)
    new = ", ".join(fold_sql(f"new.{c}") for c in cols)
    old = ", ".join(fold_sql(f"old.{c}") for c in cols)
    return [
        f"CREATE TRIGGER {name}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {name}(rowid, {collist}) VALUES (new.n, {new}); END",
        f"CREATE TRIGGER {name}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {name}({name}, rowid, {collist}) VALUES ('delete', old.n, {old}); END",
        f"CREATE TRIGGER {name}_au AFTER UPDATE OF {collist} ON {table} BEGIN "
        f"INSERT INTO {name}({name}, rowid, {collist}) VALUES ('delete', old.n, {old}); "
        f"INSERT INTO {name}(rowid, {collist}) VALUES (new.n, {new}); END",
    ]


def rebuild_index(
    conn: Connection,
    names: list[str] | None = None,
    progress: Progress | None = None,
) -> int:
    """Index every row again, folded as the triggers fold (FTS5's own ``rebuild``
    would index the rows unfolded).

    Args:
        conn: a connection inside the transaction that should hold the work.
        names: the indexes to rebuild (default: all of :data:`FTS_TABLES`); a name
            not listed there is rebuilt by FTS5 itself.
        progress: called with (rows done, rows in all) after each batch; the
            caller's step hook (background work steps aside for the GUI here).

    Returns:
        How many rows were indexed.
    """
    names = list(FTS_TABLES) if names is None else names
    total = 0
    for name in names:
        if name in FTS_TABLES:
            total += int(conn.exec_driver_sql(
                f"SELECT count(*) FROM {FTS_TABLES[name][0]}").scalar() or 0)
    done = 0
    if progress is not None:
        progress(0, total)
    for name in names:
        if name not in FTS_TABLES:
            conn.exec_driver_sql(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
            continue
        table, cols = FTS_TABLES[name]
        collist = ", ".join(cols)
        folded = ", ".join(fold_sql(c) for c in cols)
        conn.exec_driver_sql(f"INSERT INTO {name}({name}) VALUES ('delete-all')")
        last = -(2**63)
        while True:
            top = conn.exec_driver_sql(
                f"SELECT max(n), count(*) FROM (SELECT n FROM {table} WHERE n > ? "
                f"ORDER BY n LIMIT ?)", (last, REBUILD_BATCH)).one()
            if not top[1]:
                break
            conn.exec_driver_sql(
                f"INSERT INTO {name}(rowid, {collist}) SELECT n, {folded} FROM {table} "
                "WHERE n > ? AND n <= ?", (last, top[0]))
            last = int(top[0])
            done += int(top[1])
            if progress is not None:
                progress(done, total)
    return done


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression for what a rep typed, or None when it has no words.

    Every word becomes a quoted prefix term (``"word"*``) so no FTS5 syntax in
    the input (quotes, ``NEAR``, ``-``, ``:``) can change the query's meaning.
    Its letters are folded as the index's are.
    """
    words = _WORD.findall(fold_letters(text))
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
