"""services/mail modules do not import each other in a circle (top-level or inside functions)."""

from __future__ import annotations

import ast
from pathlib import Path

import supportdesk.services.mail as mail_pkg

PACKAGE = "supportdesk.services.mail"


def imports_of(path: Path) -> set[str]:
    """Modules of this package that `path` imports anywhere in its code."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(PACKAGE):
            found.add(node.module.removeprefix(PACKAGE + ".").split(".")[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(PACKAGE + "."):
                    found.add(alias.name.removeprefix(PACKAGE + ".").split(".")[0])
    return found


def test_no_import_cycles_in_services_mail() -> None:
    folder = Path(mail_pkg.__file__).parent
    graph = {p.stem: imports_of(p) - {p.stem} for p in folder.glob("*.py") if p.stem != "__init__"}
    assert {"autoack", "ingest", "outgoing", "rows"} <= set(graph)

    def cycle_from(start: str) -> list[str] | None:
        stack: list[tuple[str, list[str]]] = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in graph.get(node, ()):
                if nxt == start:
                    return [*path, start]
                if nxt not in path:
                    stack.append((nxt, [*path, nxt]))
        return None

    cycles = [c for c in (cycle_from(name) for name in sorted(graph)) if c]
    assert cycles == [], cycles
