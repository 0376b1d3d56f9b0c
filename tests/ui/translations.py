"""Helpers for the catalogue tests: read catalogues, compile them, install them."""

from __future__ import annotations

import os
import re
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "supportdesk" / "resources" / "translations"
#: language -> plural forms its catalogue must give
LANGUAGES = {"ru": 3, "is": 2, "en": 2}
_PERCENT = re.compile(r"%L?(?:\d{1,2}|n)")


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    numerus: bool
    kind: str  # "" when finished, else the translation's type
    forms: tuple[str, ...]


def read(path: Path) -> list[Entry]:
    """Every message of a .ts file."""
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            assert tr is not None, f"{path.name}: {msg.findtext('source')!r} has no translation"
            numerus = msg.get("numerus") == "yes"
            forms = tuple(f.text or "" for f in tr.iter("numerusform")) if numerus else (
                tr.text or "",)
            out.append(Entry(name, msg.findtext("source") or "", numerus, tr.get("type", ""),
                             forms))
    return out


def tool(name: str) -> str:
    """A Qt tool of the venv (pyside6-lupdate, pyside6-lrelease); skips loudly if missing."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing (it comes with PySide6)")
        pytest.skip(f"{name} is missing (it comes with PySide6)")
    return found


def sources_in_tree(tmp: Path) -> set[tuple[str, str]]:
    """(context, source) of every translatable text in the code, by lupdate."""
    fresh = tmp / "fresh.ts"
    files = sorted(str(p) for p in (ROOT / "supportdesk" / "ui").rglob("*.py"))
    files.append(str(ROOT / "supportdesk" / "app.py"))
    subprocess.run([tool("pyside6-lupdate"), "-tr-function-alias", "tr+=_t,tr+=_n", *files,
                    "-ts", str(fresh)], check=True, capture_output=True, timeout=120)
    return {(e.context, e.source) for e in read(fresh)}


def placeholders(text: str) -> list[str]:
    """The placeholders of a text, sorted: %1, %n, %L1 and {name} / {0} fields (the field
    names only: a translation may change a format spec, such as a date's)."""
    fields: list[str] = []
    try:
        for _lit, field, _spec, _conv in string.Formatter().parse(text):
            if field is not None:
                fields.append("{" + field + "}")
    except ValueError:
        fields = ["{" + f + "}" for f in re.findall(r"\{(\w*)[^{}]*\}", text)]
    outside = re.sub(r"\{[^{}]*\}", "", text)
    return sorted(fields + _PERCENT.findall(outside))


def compile_all(tmp: Path) -> Path:
    """The catalogues compiled into ``tmp`` (what ``make`` puts beside them)."""
    lrelease = tool("pyside6-lrelease")
    for ts in FOLDER.glob("*.ts"):
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(tmp / f"{ts.stem}.qm")],
                       check=True, capture_output=True, timeout=120)
    return tmp


@contextmanager
def installed(language: str, folder: Path) -> Iterator[list[QTranslator]]:
    """The app's translations for ``language`` (Qt's own, SupportDesk's from ``folder``)
    installed as ``app.install_translations`` does at start, and removed afterwards."""
    from supportdesk.app import install_translations

    app = QCoreApplication.instance()
    assert isinstance(app, QApplication)
    before = QLocale()
    translators = install_translations(app, language, folder)
    assert any(t.filePath().endswith(f"supportdesk_{language}.qm") for t in translators)
    try:
        yield translators
    finally:
        for t in translators:
            app.removeTranslator(t)
        QLocale.setDefault(before)
