"""House rules a machine can check (ARCHITECTURE.md, "Layers")."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "supportdesk"
QT_MODULES = ("PySide6", "shiboken6", "qasync")
# Only these may import Qt: the widgets, the composition root, and the PDF/chart renderer.
QT_ALLOWED = ("ui/", "app.py", "reports/pdf", "reports/render", "reports/charts")

# Which layers each layer may import (ARCHITECTURE.md's arrows).
LAYERS = {
    "models": {"models"},
    "store": {"models", "store"},
    "channels": {"models", "store", "channels"},
    "sync": {"models", "store", "sync"},
    "reports": {"models", "store", "reports", "services"},
    "services": {"models", "store", "services", "channels", "sync", "reports"},
    "server": {"models", "store", "sync", "server"},
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _sources() -> list[tuple[str, Path]]:
    return [(p.relative_to(PACKAGE).as_posix(), p) for p in sorted(PACKAGE.rglob("*.py"))]


def test_qt_only_in_ui_and_app() -> None:
    offenders = []
    for rel, path in _sources():
        if rel.startswith(QT_ALLOWED):
            continue
        for name in _imports(path):
            if name.split(".")[0] in QT_MODULES:
                offenders.append(f"{rel} imports {name}")
    assert offenders == [], "Qt outside ui/ and app.py:\n" + "\n".join(offenders)


def test_the_rule_itself_catches_a_qt_import(tmp_path: Path) -> None:
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text("def f():\n    from PySide6.QtCore import QObject\n    return QObject\n")
    assert "PySide6.QtCore" in _imports(sneaky)


def test_layers_import_only_downwards() -> None:
    offenders = []
    for rel, path in _sources():
        layer = rel.split("/")[0]
        allowed = LAYERS.get(layer)
        if allowed is None:
            continue
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != "supportdesk" or len(parts) < 2:
                continue
            target = parts[1]
            if target in LAYERS and target not in allowed:
                offenders.append(f"{rel} imports {name}")
    assert offenders == [], "layer rule broken:\n" + "\n".join(offenders)


# -- hostile text (issue 13): Qt must never guess that data is HTML ----------------------

MESSAGE_BOXES = {"warning", "question", "information", "critical"}


def _is_static_text(node: ast.expr) -> bool:
    """A string literal, or ``_t("literal")`` (a translation of one)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in {"_t", "tr"} and len(node.args) == 1
            and _is_static_text(node.args[0]))


def _called(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        inner = func.value.id if isinstance(func.value, ast.Name) else ""
        return f"{inner}.{func.attr}"
    return ""


def text_format_offenders(path: Path, rel: str) -> list[str]:
    """QLabels that may show data in Qt's guessing mode, and message boxes given raw text.

    A ``QLabel(...)`` is fine when it shows a literal, or when the file sets the text
    format of what it was assigned to; anything else uses ``PlainLabel``. A message box's
    text is a literal or goes through ``literal()``.
    """
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    found: list[str] = []
    assigned: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            assigned[id(node.value)] = ast.unparse(node.targets[0])
        if (isinstance(node, ast.ClassDef)
                and any(ast.unparse(b).endswith("QLabel") for b in node.bases)
                and "setTextFormat" not in ast.unparse(node)):
                found.append(f"{rel}:{node.lineno} class {node.name} never sets its text format")
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _called(node)
        if name.split(".")[-1] == "QLabel":
            target = assigned.get(id(node))
            if target and f"{target}.setTextFormat(" in source:
                continue
            if node.args and all(_is_static_text(a) for a in node.args[:1]):
                continue
            found.append(f"{rel}:{node.lineno} QLabel without a text format (use PlainLabel)")
        elif name.startswith("QMessageBox.") and name.split(".")[1] in MESSAGE_BOXES:
            if len(node.args) < 3:
                continue
            text = node.args[2]
            if _is_static_text(text) or (isinstance(text, ast.Call) and _called(text) == "literal"):
                continue
            found.append(f"{rel}:{node.lineno} message box text not through literal()")
    return found


def test_no_label_or_message_box_guesses_that_data_is_html() -> None:
    found: list[str] = []
    for rel, path in _sources():
        found.extend(text_format_offenders(path, rel))
    assert found == [], "Qt would render data as HTML here:\n" + "\n".join(found)


def test_the_text_format_rule_catches_a_label_and_a_box(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "def f(subject, w):\n"
        "    a = QLabel(subject)\n"
        "    w.title = QLabel()\n"
        "    ok = QLabel(_t('Status'))\n"
        "    w.fine = QLabel()\n"
        "    w.fine.setTextFormat(Qt.TextFormat.PlainText)\n"
        "    QMessageBox.warning(w, 't', subject)\n"
        "    QMessageBox.warning(w, 't', literal(subject))\n"
        "class L(QLabel):\n"
        "    pass\n"
    )
    found = text_format_offenders(bad, "bad.py")
    assert [f.split(" ", 1)[0] for f in found] == [
        "bad.py:9", "bad.py:2", "bad.py:3", "bad.py:7"], found


# -- import cycles (issue 13): none inside the server or the sync UI ---------------------

NO_CYCLES = ("server/", "ui/sync/")


def _module_name(rel: str) -> str:
    name = "supportdesk." + rel[:-3].replace("/", ".")
    return name.removesuffix(".__init__")


def import_cycles(prefixes: tuple[str, ...]) -> list[list[str]]:
    """Cycles among modules under ``prefixes``, counting every import (lazy and
    type-checking ones too: they tie the modules together just the same)."""
    graph: dict[str, set[str]] = {}
    for rel, _path in _sources():
        if not rel.startswith(prefixes):
            continue
        graph[_module_name(rel)] = set()
    for rel, path in _sources():
        me = _module_name(rel)
        if me not in graph:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            graph[me].update(n for n in names if n in graph and n != me)
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return cycles


def test_no_import_cycles_in_the_server_or_the_sync_ui() -> None:
    cycles = import_cycles(NO_CYCLES)
    assert cycles == [], "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_the_cycle_rule_finds_a_cycle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, c = tmp_path / "a.py", tmp_path / "b.py", tmp_path / "c.py"
    a.write_text("from supportdesk.server.b import x\n")
    b.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                 "    from supportdesk.server import a\n")
    c.write_text("import supportdesk.server.a\n")
    fake = [("server/a.py", a), ("server/b.py", b), ("server/c.py", c)]
    monkeypatch.setattr(sys.modules[__name__], "_sources", lambda: fake)
    assert import_cycles(("server/",)) == [
        ["supportdesk.server.a", "supportdesk.server.b", "supportdesk.server.a"]]
