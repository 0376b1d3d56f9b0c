"""Chat exports told apart by content: WhatsApp lines that start with "[", phone calendars,
non-Latin digits with direction marks, Messenger without participants, and a clear failure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supportdesk.channels.chat import ChatImportError, detect_format
from supportdesk.cli import main

RLM = "\u200f"
ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def run_import(path: Path, profile: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    code = main(["import", str(path), "--profile", str(profile), "--json", "--tz", "UTC"])
    data = json.loads(capsys.readouterr().out)
    assert (code == 0) == data["ok"]
    return data


def stored_times(profile: Path) -> list[str]:
    from sqlalchemy import select

    from supportdesk.models import Message
    from supportdesk.store import Store

    store = Store.open(profile)
    try:
        with store.read() as session:
            return sorted(m.created_at.strftime("%Y-%m-%d %H:%M") for m in
                          session.scalars(select(Message)))  # fmt: skip
    finally:
        store.close()


def test_whatsapp_lines_starting_with_a_bracket_are_not_json(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("[15/03/2024, 10:15:22] Ana: [brackets] in text\n[15/03/2024, 10:16:01] "
                    "Acme: ok\n", encoding="utf-8")  # fmt: skip
    assert detect_format(chat) == "whatsapp"
    listed = tmp_path / "list.json"
    listed.write_text('[{"sender_name": "Ana"}]', encoding="utf-8")
    with pytest.raises(ChatImportError):  # a JSON list is still read as JSON
        detect_format(listed)


def test_arabic_indic_digits_with_direction_marks(
    tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chat = tmp_path / "WhatsApp Chat with Ana.txt"
    lines = [f"{RLM}[{'15/03/2024 10:15:22'.translate(ARABIC)}] Ana: marhaba",
             f"{RLM}[{'15/03/2024 10:16:01'.translate(ARABIC)}] Acme: ahlan"]  # fmt: skip
    chat.write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = run_import(chat, profile, capsys)
    assert data["format"] == "whatsapp" and data["added"] == 2
    assert stored_times(profile) == ["2024-03-15 10:15", "2024-03-15 10:16"]


def test_buddhist_era_years_are_read_as_gregorian(
    tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chat = tmp_path / "WhatsApp Chat with Somchai.txt"
    chat.write_text("[15/03/2567 10:15:22] Somchai: sawasdee\n[15/03/2567 10:16:01] Acme: hi\n",
                    encoding="utf-8")  # fmt: skip
    assert run_import(chat, profile, capsys)["added"] == 2
    assert stored_times(profile) == ["2024-03-15 10:15", "2024-03-15 10:16"]


def test_another_calendar_is_a_clear_error(
    tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chat = tmp_path / "WhatsApp Chat with Reza.txt"
    chat.write_text("[15/03/1403 10:15:22] Reza: salam\n", encoding="utf-8")
    data = run_import(chat, profile, capsys)
    assert not data["ok"] and "another calendar" in data["error"]["message"]
    assert "Gregorian" in data["error"]["message"]


def test_messenger_without_participants(
    tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = {"title": "Ana", "messages": [
        {"sender_name": "Ana", "timestamp_ms": 1700000060000, "content": "thanks"},
        {"sender_name": "Acme", "timestamp_ms": 1700000000000, "content": "hello"},
    ]}  # fmt: skip
    path = tmp_path / "message_1.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    data = run_import(path, profile, capsys)
    assert data["format"] == "messenger" and data["added"] == 2


def test_failure_says_what_was_tried_and_why(
    tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "notes.txt"
    odd.write_text("[draft] call Ana back\nabout the invoice\n", encoding="utf-8")
    message = run_import(odd, profile, capsys)["error"]["message"]
    for part in ("WhatsApp:", "does not start with a date", "JSON", "CSV:"):
        assert part in message, message
    other = tmp_path / "export.json"
    other.write_text('{"foo": [1, 2]}', encoding="utf-8")
    message = run_import(other, profile, capsys)["error"]["message"]
    assert "Messenger/Instagram" in message and "Telegram" in message and "Discord" in message
