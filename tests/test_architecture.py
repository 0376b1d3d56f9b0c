"""House rules a machine can check (ARCHITECTURE.md, "Layers")."""

from __future__ import annotations

import ast
from pathlib import Path

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
