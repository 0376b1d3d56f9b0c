"""Format detection over files, zips and folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supportdesk.channels.chat import FORMATS, ChatImportError, detect_format
from tests.channels.chat.gen import FIXTURES, write_zip

ANDROID = "12/07/2017, 22:35 - Ana: hi\n"
TELEGRAM = {"name": "x", "type": "personal_chat", "id": 1, "messages": []}
DISCORD = {"guild": {"id": "1", "name": "g"}, "channel": {"id": "2", "name": "c"}, "messages": []}
MESSENGER = {"participants": [{"name": "A"}], "messages": [
    {"sender_name": "A", "timestamp_ms": 1, "content": "x"}], "title": "A"}  # fmt: skip


def _file(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("WhatsApp Chat with Ana.txt", ANDROID, "whatsapp"),
        ("chat.txt", "[20.06.19, 15:58:47] Loris: hi\n", "whatsapp"),
        ("result.json", json.dumps(TELEGRAM), "telegram"),
        ("general [2].json", json.dumps(DISCORD), "discord"),
        ("message_1.json", json.dumps(MESSENGER), "messenger"),
        ("x.csv", "AuthorID,Author,Date,Content,Attachments,Reactions\n", "discord_csv"),
        ("export.csv", "time;author;text\n2024-01-01 10:00;a;b\n", "csv"),
        ("export.txt", "time,author,text\n2024-01-01 10:00,a,b\n", "csv"),
    ],
)
def test_single_files(tmp_path: Path, name: str, data: str, expected: str) -> None:
    assert detect_format(_file(tmp_path, name, data)) == expected


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("tawkto_transcript.json", "tawkto"),
        ("livechat_archives.json", "livechat"),
        ("crisp_messages.json", "crisp"),
    ],
)
def test_widget_fixtures(fixture: str, expected: str) -> None:
    assert detect_format(FIXTURES / fixture) == expected


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        ({"_chat.txt": ANDROID, "IMG-1.jpg": b"x"}, "whatsapp"),
        ({"WhatsApp Chat with Ana.txt": ANDROID}, "whatsapp"),
        ({"users.json": "[]", "channels.json": "[]", "general/2024-01-02.json": "[]"}, "slack"),
        ({"export/users.json": "[]", "export/general/2024-01-02.json": "[]"}, "slack"),
        ({"ChatExport_2024-01-01/result.json": json.dumps(TELEGRAM)}, "telegram"),
        ({"messages/inbox/a_1/message_1.json": json.dumps(MESSENGER)}, "messenger"),
        ({"channel.json": json.dumps(DISCORD), "channel.json_Files/a.png": b"x"}, "discord"),
    ],
)
def test_zips_and_folders(tmp_path: Path, members: dict[str, str | bytes], expected: str) -> None:
    assert detect_format(write_zip(tmp_path / "export.zip", members)) == expected
    folder = tmp_path / "unpacked"
    for rel, data in members.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode() if isinstance(data, str) else data)
    assert detect_format(folder) == expected


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("notes.txt", "Dear team,\nplease find attached.\n"),
        ("data.json", json.dumps({"hello": "world"})),
        ("list.json", "[1, 2, 3]"),
        ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00"),
    ],
)
def test_unknown_files_are_refused_plainly(tmp_path: Path, name: str, data: str | bytes) -> None:
    with pytest.raises(ChatImportError) as err:
        detect_format(_file(tmp_path, name, data))
    assert str(err.value).startswith(f"{name}: cannot tell what kind of export this is")


def test_unknown_zip_and_empty_folder(tmp_path: Path) -> None:
    photos = write_zip(tmp_path / "photos.zip", {"a.jpg": b"x", "b.jpg": b"y"})
    with pytest.raises(ChatImportError, match="cannot tell what kind of export"):
        detect_format(photos)
    (tmp_path / "empty").mkdir()
    with pytest.raises(ChatImportError, match="empty"):
        detect_format(tmp_path / "empty")


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ChatImportError, match="cannot open this file"):
        detect_format(tmp_path / "nope.txt")


def test_every_format_name_is_listed() -> None:
    assert set(FORMATS) == {
        "whatsapp", "telegram", "slack", "discord", "discord_csv", "messenger",
        "tawkto", "livechat", "crisp", "csv",
    }  # fmt: skip
