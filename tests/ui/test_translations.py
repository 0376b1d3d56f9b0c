"""The catalogues: complete, current, placeholders kept, plurals per language."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from supportdesk.ui.i18n import _n
from tests.ui.translations import (
    FOLDER,
    LANGUAGES,
    compile_all,
    installed,
    placeholders,
    read,
    sources_in_tree,
)


@pytest.fixture(scope="module")
def in_tree(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    return sources_in_tree(tmp_path_factory.mktemp("lupdate"))


@pytest.mark.parametrize("lang", ["ru", "is"])
def test_every_text_in_the_code_is_in_the_catalogue_and_nothing_else(
    lang: str, in_tree: set[tuple[str, str]]
) -> None:
    have = {(e.context, e.source) for e in read(FOLDER / f"supportdesk_{lang}.ts")}
    missing = sorted(in_tree - have)
    stale = sorted(have - in_tree)
    assert not missing, f"not in supportdesk_{lang}.ts (run make translations): {missing[:10]}"
    assert not stale, f"obsolete in supportdesk_{lang}.ts (run make translations): {stale[:10]}"


def test_the_english_catalogue_holds_every_plural(in_tree: set[tuple[str, str]]) -> None:
    have = {(e.context, e.source) for e in read(FOLDER / "supportdesk_en.ts")}
    plural = {(c, s) for c, s in in_tree if "%n" in s or "%Ln" in s}
    assert plural and plural == have


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_entry_is_finished_with_its_placeholders(lang: str) -> None:
    problems = []
    for e in read(FOLDER / f"supportdesk_{lang}.ts"):
        if e.kind:
            problems.append(f"{e.kind}: {e.source!r}")
            continue
        want = placeholders(e.source)
        if e.numerus and len(e.forms) != LANGUAGES[lang]:
            problems.append(f"{len(e.forms)} plural forms, not {LANGUAGES[lang]}: {e.source!r}")
        for form in e.forms:
            if not form.strip():
                problems.append(f"empty: {e.source!r}")
            elif placeholders(form) != want:
                problems.append(f"placeholders {placeholders(form)} != {want}: {form!r}")
    assert not problems, "\n".join(problems[:20])


def test_the_placeholder_check_sees_what_it_must() -> None:
    assert placeholders("{0}: %Ln conversations") == ["%Ln", "{0}"]
    assert placeholders("Hi {customer_name}, {{literal}} %1") == ["%1", "{customer_name}"]
    assert placeholders("Next run: {0:%a %d %b}") == placeholders("Далее: {0:%d.%m}")
    assert placeholders("%n mails") != placeholders("писем")


@pytest.mark.parametrize(
    ("lang", "counts"),
    [
        ("ru", {1: "обращение", 2: "обращения", 5: "обращений", 21: "обращение",
                22: "обращения", 11: "обращений"}),
        ("is", {1: "erindi", 2: "erindi"}),
        ("en", {1: "conversation", 2: "conversations", 0: "conversations"}),
    ],
)
def test_plurals_follow_the_language(
    qtbot: QtBot, tmp_path: Path, lang: str, counts: dict[int, str]
) -> None:
    folder = compile_all(tmp_path)
    with installed(lang, folder):
        for n, word in counts.items():
            assert _n("{0}: %Ln conversations", "", n).format("X") == f"X: {n} {word}"
        if lang == "ru":
            assert _n("%n mails sent.", "", 3) == "Отправлено 3 письма."
            assert _n("%Ln changes waiting", "", 12345).startswith("12\xa0345 изменений")
        if lang == "is":
            assert _n("%n customers", "", 1) == "1 viðskiptavinur"
            assert _n("%n customers", "", 4) == "4 viðskiptavinir"


def test_qt_standard_buttons_speak_icelandic(qtbot: QtBot, tmp_path: Path) -> None:
    # Qt ships no Icelandic for its own buttons; qtextra_is fills them in.
    from PySide6.QtWidgets import QDialogButtonBox

    assert all(not e.kind for e in read(FOLDER / "qtextra_is.ts"))
    folder = compile_all(tmp_path)
    with installed("is", folder):
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        texts = {b.text() for b in box.buttons()}
    assert texts == {"Vista", "Hætta við"}


@pytest.mark.parametrize(
    ("lang", "when", "span", "short"),
    [
        ("ru", "пт 4 дек. 2026, 09:12", "2 ч 15 мин", "-40 мин"),
        ("is", "fös. 4 des. 2026, 09:12", "2 klst. 15 mín.", "-40 mín."),
    ],
)
def test_dates_and_durations_follow_the_language(
    qtbot: QtBot, tmp_path: Path, lang: str, when: str, span: str, short: str
) -> None:
    from datetime import datetime

    from supportdesk.ui.i18n import duration_text, local_when

    with installed(lang, compile_all(tmp_path)):
        assert local_when(datetime(2026, 12, 4, 9, 12), "full").casefold() == when.casefold()
        assert duration_text(135) == span
        assert duration_text(-40, sign=True) == short
        assert duration_text(30 * 60).startswith("30 ")


#: key glossary terms (docs/glossary.md): an English word in a source -> a stem every
#: translation of it must contain (Russian and Icelandic inflect, hence stems)
GLOSSARY = {
    "ru": {"conversation": r"обращени", "customer": r"клиент", "canned": r"шаблон",
           "tag": r"метк", "mailbox": r"ящик", "escalat": r"(выше|эскалац)"},
    "is": {"conversation": r"erind", "customer": r"viðskiptavin", "canned": r"(staðl|stöðl)",
           "tag": r"merk", "mailbox": r"pósthólf", "escalat": r"(vís|stigm)"},
}


@pytest.mark.parametrize("lang", list(GLOSSARY))
def test_the_catalogue_follows_the_glossary(lang: str) -> None:
    import re

    off = []
    for e in read(FOLDER / f"supportdesk_{lang}.ts"):
        words = re.sub(r"\{[^{}]*\}", "", e.source).lower()  # placeholder names are not words
        for term, stem in GLOSSARY[lang].items():
            if term in words and not all(re.search(stem, f.lower()) for f in e.forms):
                off.append(f"{term}: {e.source!r} -> {e.forms[0]!r}")
    assert not off, "\n".join(off[:20])
