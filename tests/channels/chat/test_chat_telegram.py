"""Telegram Desktop result.json: single chat, whole account, repairs, media."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from supportdesk.channels.chat import ChatImportError, parse_export
from supportdesk.channels.chat.telegram import repair
from tests.channels.chat.gen import write_zip


def _chat(messages: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"name": "Acme Support", "type": "private_supergroup", "id": 4242, **extra,
            "messages": messages}  # fmt: skip


def _write(folder: Path, data: Any, name: str = "result.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


MESSAGES: list[dict[str, Any]] = [
    {"id": 1, "type": "service", "date": "2024-01-02T10:00:00", "date_unixtime": "1704189600",
     "actor": "Olga", "actor_id": "user11", "action": "invite_members", "members": ["Sam"],
     "text": ""},
    {"id": 2, "type": "message", "date": "2024-01-02T10:01:00", "date_unixtime": "1704189660",
     "from": "Sam", "from_id": "user22", "text": "My order #88 never arrived"},
    {"id": 3, "type": "message", "date": "2024-01-02T10:02:00", "date_unixtime": "1704189720",
     "from": "Olga", "from_id": 11, "reply_to_message_id": 2,
     "text": ["Sorry! ", {"type": "bold", "text": "Tracking"}, ": ",
              {"type": "link", "text": "https://t.example/88"}]},
    {"id": 4, "type": "message", "date": "2024-01-02T10:03:00", "date_unixtime": "1704189780",
     "from": "Sam", "from_id": "user22", "photo": "photos/photo_1@02-01-2024_10-03-00.jpg",
     "width": 800, "height": 600, "text": "the box"},
    {"id": 5, "type": "message", "date": "2024-01-02T10:04:00", "date_unixtime": "1704189840",
     "from": "Sam", "from_id": "user22",
     "file": "(File not included. Change data exporting settings to download.)",
     "file_name": "receipt.pdf", "mime_type": "application/pdf", "text": ""},
]  # fmt: skip


def test_single_chat_authors_texts_and_times(tmp_path: Path) -> None:
    t = parse_export(_write(tmp_path, _chat(MESSAGES)))
    assert t.format == "telegram" and not t.needs_timezone
    (chat,) = t.chats
    assert (chat.source_chat_id, chat.title) == ("4242", "Acme Support")
    assert [p.key for p in chat.participants] == ["user11", "user22"]
    service, question, answer, photo, receipt = chat.lines
    assert service.kind == "system" and service.text == "Olga invite members Sam"
    assert question.author_name == "Sam" and question.author_key == "user22"
    assert question.time == datetime(2024, 1, 2, 10, 1, tzinfo=UTC)
    # An integer from_id (older exports) keys the same way as "user11".
    assert answer.author_key == "user11" and answer.reply_to == "2"
    assert answer.text == "Sorry! Tracking: https://t.example/88"
    assert photo.text == "the box" and photo.attachments[0].missing
    assert (receipt.attachments[0].name, receipt.attachments[0].mime) == (
        "receipt.pdf",
        "application/pdf",
    )
    assert receipt.attachments[0].missing


def test_attachments_beside_result_json_are_found(tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "photo_1@02-01-2024_10-03-00.jpg").write_bytes(b"JPEG")
    path = _write(tmp_path, _chat(MESSAGES))
    assert parse_export(path).chats[0].lines[3].attachments[0].missing
    t = parse_export(path, attachments_from=tmp_path)
    att = t.chats[0].lines[3].attachments[0]
    assert (att.member, att.missing) == ("photos/photo_1@02-01-2024_10-03-00.jpg", False)
    assert t.open_attachment(att) == b"JPEG"


def test_export_folder_and_zip(tmp_path: Path) -> None:
    folder = tmp_path / "ChatExport_2024-01-03"
    folder.mkdir()
    _write(folder, _chat(MESSAGES))
    assert parse_export(folder).line_count == 5
    path = write_zip(
        tmp_path / "telegram.zip",
        {
            "ChatExport_2024-01-03/result.json": json.dumps(_chat(MESSAGES)),
            "ChatExport_2024-01-03/photos/photo_1@02-01-2024_10-03-00.jpg": b"JPEG",
        },
    )
    t = parse_export(path)
    att = t.chats[0].lines[3].attachments[0]
    assert att.member == "ChatExport_2024-01-03/photos/photo_1@02-01-2024_10-03-00.jpg"
    assert t.open_attachment(att) == b"JPEG"


def test_whole_account_export_lists_every_chat(tmp_path: Path) -> None:
    data = {
        "about": "Here is the data you requested.",
        "chats": {
            "about": "This page lists all chats from this export.",
            "list": [
                _chat(MESSAGES[:2]),
                {"name": "Sam", "type": "personal_chat", "id": 22, "messages": [
                    {"id": 9, "type": "message", "date_unixtime": "1704190000",
                     "from": "Sam", "from_id": "user22", "text": "ping"}]},
            ],
        },
        "left_chats": {"list": [{"name": "Old group", "type": "private_group", "id": 7,
                                 "messages": []}]},
    }  # fmt: skip
    t = parse_export(_write(tmp_path, data))
    assert [c.title for c in t.chats] == ["Acme Support", "Sam", "Old group"]
    assert [len(c.lines) for c in t.chats] == [2, 1, 0]


def test_naive_dates_without_unixtime_need_a_zone(tmp_path: Path) -> None:
    msgs = [{"id": 1, "type": "message", "date": "2020-11-12T12:54:07", "from": "test",
             "from_id": "channel1292077344", "text": "hi"}]  # fmt: skip
    path = _write(tmp_path, _chat(msgs, type="private_channel"))
    assert parse_export(path).needs_timezone
    zone = ZoneInfo("Asia/Tokyo")
    t = parse_export(path, tz=zone)
    assert t.chats[0].lines[0].time == datetime(2020, 11, 12, 12, 54, 7, tzinfo=zone)
    assert not t.needs_timezone


def test_repairs_hex_escapes_telegram_writes(tmp_path: Path) -> None:
    msg = {"id": 1, "type": "message", "date_unixtime": "1704189600", "from": "Sam",
           "from_id": "user22", "text": "PLACEHOLDER"}  # fmt: skip
    raw = json.dumps(_chat([msg]))
    # Telegram Desktop writes control characters as \xNN, which json.loads rejects;
    # an escaped backslash before "x" must stay a backslash.
    broken = raw.replace("PLACEHOLDER", r"tab\x09form\x0Cend \\x41 caf\xC3\xA9")
    path = tmp_path / "result.json"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(json.JSONDecodeError):
        json.loads(broken)
    (line,) = parse_export(path).chats[0].lines
    assert line.text == "tab\tform\x0cend \\x41 café"


def test_repairs_unquoted_custom_emoji_document_id() -> None:
    broken = (
        '{"text": [\n {\n  "type": "custom_emoji",\n  "text": "x",\n'
        '  "document_id": video_files/sticker (2).webm\n }\n]}'
    )
    assert json.loads(repair(broken))["text"][0]["document_id"] == "video_files/sticker (2).webm"


def test_duplicate_ids_are_dropped_with_a_warning(tmp_path: Path) -> None:
    msgs = [MESSAGES[1], {**MESSAGES[1], "text": "again"}, MESSAGES[2]]
    t = parse_export(_write(tmp_path, _chat(msgs)))
    assert [ln.source_id for ln in t.chats[0].lines] == ["2", "3"]
    assert t.chats[0].lines[0].text == "My order #88 never arrived"
    assert any("repeated an id" in w for w in t.warnings)


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text('{\n "name": "x",\n "messages": [\n  {"id": 1,,}\n ]\n}', encoding="utf-8")
    with pytest.raises(ChatImportError) as err:
        parse_export(path, fmt="telegram")
    assert err.value.line == 4 and "not valid JSON" in str(err.value)


def test_not_telegram_json_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, {"hello": "world"}, "data.json")
    with pytest.raises(ChatImportError, match="does not look like a Telegram export"):
        parse_export(path, fmt="telegram")


def test_zip_with_a_differently_named_json(tmp_path: Path) -> None:
    members = {"backup/chat-2024.json": json.dumps(_chat(MESSAGES))}
    path = write_zip(tmp_path / "backup.zip", members)
    t = parse_export(path)
    assert t.format == "telegram" and t.line_count == 5
