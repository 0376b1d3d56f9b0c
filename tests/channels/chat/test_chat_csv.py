"""Generic CSV with a column mapping."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from supportdesk.channels.chat import ChatImportError, CsvMapping, guess_mapping, parse_export


def _write(tmp_path: Path, text: str, name: str = "chats.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_guess_mapping_from_common_headers() -> None:
    m = guess_mapping(["\ufeffTimestamp", "Sender", "Message", "Conversation ID", "Role"])
    assert m is not None
    assert (m.time_col, m.author_col, m.text_col) == ("\ufeffTimestamp", "Sender", "Message")
    assert (m.chat_col, m.role_col) == ("Conversation ID", "Role")
    split = guess_mapping(["Date", "Time", "From", "Text"])
    assert split is not None and (split.date_col, split.time_col) == ("Date", "Time")
    assert guess_mapping(["a", "b", "c"]) is None


def test_guessed_mapping_roles_chats_and_iso_times(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "timestamp,sender,message,conversation,role\n"
        "2024-05-01T09:00:00Z,Kim,Printer is jammed,T-1,customer\n"
        '2024-05-01T09:01:00Z,Ravi,"Try this:\nopen tray 2",T-1,agent\n'
        "2024-05-01T10:00:00Z,Lou,Password reset please,T-2,customer\n",
    )
    t = parse_export(path)
    assert t.format == "csv" and not t.needs_timezone
    assert [c.title for c in t.chats] == ["T-1", "T-2"]
    first, second = t.chats[0].lines
    assert first.time == datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    assert second.text == "Try this:\nopen tray 2" and second.line_no == 3
    assert {p.name: p.is_agent for p in t.chats[0].participants} == {"Kim": False, "Ravi": True}


def test_explicit_mapping_and_time_format(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "Quando;Chi;Cosa\n03/04/2024 14.05;Giulia;Ciao\n",
    )
    mapping = CsvMapping(
        time_col="quando", author_col="chi", text_col="cosa", time_format="%d/%m/%Y %H.%M"
    )
    t = parse_export(path, fmt="csv", csv_mapping=mapping)
    (line,) = t.chats[0].lines
    assert line.time == datetime(2024, 4, 3, 14, 5)
    assert (line.author_name, line.text) == ("Giulia", "Ciao")
    assert t.needs_timezone


def test_time_format_inferred_over_the_whole_column(tmp_path: Path) -> None:
    # "04/05" is ambiguous, "25/05" is not: the whole column decides day/month.
    path = _write(
        tmp_path,
        "time,author,text\n04/05/2024 10:00,A,x\n25/05/2024 10:00,B,y\n",
    )
    lines = parse_export(path).chats[0].lines
    assert [ln.time for ln in lines] == [datetime(2024, 5, 4, 10), datetime(2024, 5, 25, 10)]


def test_epoch_times(tmp_path: Path) -> None:
    path = _write(tmp_path, "time,author,text\n1704189600,A,x\n1704189600500,B,y\n")
    a, b = parse_export(path).chats[0].lines
    assert a.time == datetime(2024, 1, 2, 10, 0, tzinfo=UTC)
    assert b.time == datetime(2024, 1, 2, 10, 0, 0, 500000, tzinfo=UTC)


def test_formula_cells_stay_literal_and_are_reported(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "time,author,text\n"
        '2024-05-01 09:00,@mallory,"=HYPERLINK(""http://evil.example"",""click"")"\n'
        "2024-05-01 09:01,Bob,+1 555 0100\n"
        "2024-05-01 09:02,Bob,- a list item\n"
        "2024-05-01 09:03,Bob,plain\n",
    )
    t = parse_export(path)
    texts = [ln.text for ln in t.chats[0].lines]
    assert texts[0] == '=HYPERLINK("http://evil.example","click")'
    assert t.chats[0].lines[0].author_name == "@mallory"
    assert texts[1:] == ["+1 555 0100", "- a list item", "plain"]
    (warning,) = [w for w in t.warnings if "formula" in w]
    assert warning.startswith("chats.csv: 4 cell(s)") and "never evaluated" in warning
    assert "line 2, 3, 4" in warning  # the file and lines a rep can check


def test_missing_column_lists_the_real_ones(tmp_path: Path) -> None:
    path = _write(tmp_path, "when,who,what\n2024-01-01 10:00,a,b\n")
    mapping = CsvMapping(time_col="when", author_col="author", text_col="what")
    with pytest.raises(ChatImportError) as err:
        parse_export(path, fmt="csv", csv_mapping=mapping)
    assert err.value.line == 1 and "when, who, what" in str(err.value)


def test_unknown_headers_ask_for_a_mapping(tmp_path: Path) -> None:
    path = _write(tmp_path, "a,b,c\n1,2,3\n")
    with pytest.raises(ChatImportError, match="choose them in the import dialog"):
        parse_export(path, fmt="csv")


def test_unreadable_time_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "time,author,text\n2024-01-01 10:00,a,b\nsoon,a,c\n")
    with pytest.raises(ChatImportError) as err:
        parse_export(path)
    assert err.value.line == 3 and '"soon"' in str(err.value)
