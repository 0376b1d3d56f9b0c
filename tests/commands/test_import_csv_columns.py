"""A generic CSV whose columns cannot be guessed: the rep says which is which."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from supportdesk.cli import main
from supportdesk.config import Settings
from supportdesk.services.chat_import import csv_headers, parse_columns
from supportdesk.services.search import search
from supportdesk.store import Store
from supportdesk.ui.chatimport_dialog import ChatImportDialog

ROWS = (
    "Wann;Wer;Gesagt;Seite\n"
    "2026-03-02 09:15;Jörg Müller;Der Drucker im Büro druckt nicht;kunde\n"
    "2026-03-02 09:17;Anna (Support);Haben Sie ihn neu gestartet?;support\n"
    "2026-03-02 09:20;Jörg Müller;=Ja, zweimal;kunde\n"
)


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "widget-export.csv"
    path.write_text(ROWS, encoding="utf-8")
    return path


def test_without_columns_the_import_says_what_to_do(
    tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["import", str(_csv(tmp_path)), "--profile", str(profile), "--format", "csv"])
    _, err = capsys.readouterr()
    assert code == 1
    assert "could not tell which columns hold the time, the author and the text" in err


def test_columns_given_on_the_command_line(
    tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([
        "import", str(_csv(tmp_path)), "--profile", str(profile), "--format", "csv",
        "--tz", "Europe/Berlin", "--columns", "time=Wann,author=Wer,text=Gesagt,role=Seite,"
        "agents=support",
    ])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "3 message(s) added" in out
    store = Store.open(profile)
    try:
        with store.read() as session:
            assert search(session, "drucker")
            (hit,) = search(session, "zweimal")
            assert "=Ja" in hit.excerpt.replace("\x02", "").replace("\x03", "")  # kept as text
    finally:
        store.close()


def test_bad_column_specs_are_explained(
    tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["import", str(_csv(tmp_path)), "--profile", str(profile), "--format", "csv",
                 "--columns", "time=Wann,author=Wer"])  # fmt: skip
    assert code == 1 and "say which columns hold text" in capsys.readouterr().err
    with pytest.raises(ValueError, match="unknown key"):
        parse_columns("time=a,author=b,text=c,colour=d")


def test_headers_are_read_with_the_sniffed_delimiter(tmp_path: Path) -> None:
    assert csv_headers(_csv(tmp_path)) == ["Wann", "Wer", "Gesagt", "Seite"]


def test_the_dialog_lets_the_rep_pick_the_columns(
    qtbot: QtBot, tmp_path: Path, store: Store, profile: Path
) -> None:
    path = _csv(tmp_path)
    dialog = ChatImportDialog(store, Settings(profile), path)
    qtbot.addWidget(dialog)
    dialog.resize(980, 720)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state in ("ready", "failed"), timeout=10_000)
    assert dialog.state == "failed"  # nothing to guess from
    assert dialog.columns_box.isVisible()
    assert [dialog.text_column.itemText(i) for i in range(dialog.text_column.count())] == [
        "Wann", "Wer", "Gesagt", "Seite",
    ]
    dialog.time_column.setCurrentText("Wann")
    dialog.author_column.setCurrentText("Wer")
    dialog.text_column.setCurrentText("Gesagt")
    qtbot.mouseClick(dialog.columns_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state in ("ready", "failed"), timeout=10_000)
    assert dialog.state == "ready"
    assert dialog.found is not None and dialog.found.total_lines == 3
    options = dialog.options()
    assert options.csv_mapping is not None and options.csv_mapping.text_col == "Gesagt"
    dialog.wait_idle()
