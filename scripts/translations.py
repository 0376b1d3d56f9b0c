"""Fill and inspect the translation catalogues (supportdesk/resources/translations/*.ts).

    python scripts/translations.py todo ru > todo-ru.json    # unfinished entries, to translate
    python scripts/translations.py fill ru done-ru.json      # put translations in
    python scripts/translations.py stats                     # finished / unfinished per catalogue

A JSON file maps each source text to its translation; a plural entry (``%n``)
maps to a list of forms (Russian: one, few, many; Icelandic and English: one,
other). ``fill`` only touches entries whose source it has, marks them
finished, and leaves the rest as they are, so it can run again after the
catalogues are refreshed with ``make translations``; obsolete entries
(``vanished``/``obsolete``: the source is gone from the code) are dropped.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[1] / "supportdesk" / "resources" / "translations"
GONE = {"vanished", "obsolete"}


def catalogue(lang: str) -> Path:
    return FOLDER / f"supportdesk_{lang}.ts"


def _write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def todo(lang: str) -> dict[str, object]:
    out: dict[str, object] = {}
    root = ET.parse(catalogue(lang)).getroot()  # noqa: S314 (our own files)
    for msg in root.iter("message"):
        tr = msg.find("translation")
        if tr is None or tr.get("type") not in {"unfinished"}:
            continue
        src = msg.findtext("source") or ""
        out[src] = [""] if msg.get("numerus") == "yes" else ""
    return out


def fill(lang: str, data: dict[str, object]) -> tuple[int, int]:
    path = catalogue(lang)
    tree = ET.parse(path)  # noqa: S314 (our own files)
    root = tree.getroot()
    done = dropped = 0
    for ctx in root.iter("context"):
        for msg in list(ctx.iter("message")):
            tr = msg.find("translation")
            assert tr is not None
            if tr.get("type") in GONE:
                ctx.remove(msg)
                dropped += 1
                continue
            src = msg.findtext("source") or ""
            if src not in data or not data[src]:
                continue
            value = data[src]
            for child in list(tr):
                tr.remove(child)
            if msg.get("numerus") == "yes":
                forms = value if isinstance(value, list) else [value]
                tr.text = None
                for form in forms:
                    ET.SubElement(tr, "numerusform").text = str(form)
            else:
                tr.text = value if isinstance(value, str) else str(value[0])
            tr.attrib.pop("type", None)
            done += 1
    _write(tree, path)
    return done, dropped


def stats() -> None:
    for path in sorted(FOLDER.glob("*.ts")):
        root = ET.parse(path).getroot()  # noqa: S314 (our own files)
        kinds: dict[str, int] = {}
        for tr in root.iter("translation"):
            kind = tr.get("type", "finished")
            kinds[kind] = kinds.get(kind, 0) + 1
        print(path.name, kinds)


def main(argv: list[str]) -> int:
    if argv[:1] == ["todo"] and len(argv) == 2:
        json.dump(todo(argv[1]), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if argv[:1] == ["fill"] and len(argv) >= 3:
        data: dict[str, object] = {}
        for name in argv[2:]:
            data.update(json.loads(Path(name).read_text(encoding="utf-8")))
        done, dropped = fill(argv[1], data)
        print(f"{catalogue(argv[1]).name}: {done} filled, {dropped} obsolete dropped")
        return 0
    if argv[:1] == ["stats"]:
        stats()
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
