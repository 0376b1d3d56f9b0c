"""DiscordChatExporter JSON and CSV exports."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from supportdesk.channels.chat import ChatImportError, detect_format, parse_export

NAME = "Acme - Support - help [1012224565567721552]"


def _author(uid: str, name: str, nick: str | None = None, disc: str = "0000") -> dict[str, Any]:
    return {"id": uid, "name": name, "discriminator": disc, "nickname": nick or name,
            "isBot": False}  # fmt: skip


def _msg(mid: str, stamp: str, author: dict[str, Any], content: str, **extra: Any) -> Any:
    return {"id": mid, "type": "Default", "timestamp": stamp, "timestampEdited": None,
            "isPinned": False, "content": content, "author": author, "attachments": [],
            "embeds": [], "stickers": [], "reactions": [], "mentions": [], **extra}  # fmt: skip


ANA = _author("111", "ana", "Ana (Acme)", "7077")
BEN = _author("222", "ben")
DOC = {
    "guild": {"id": "748545324524575035", "name": "Acme"},
    "channel": {"id": "1012224565567721552", "type": "GuildTextChat", "category": "Support",
                "name": "help", "topic": None},
    "dateRange": {"after": None, "before": None},
    "messages": [
        _msg("1", "2023-01-06T14:03:03.853+00:00", BEN, "Joined the server.",
             type="GuildMemberJoin"),
        _msg("2", "2023-01-06T14:05:00.1234567+02:00", BEN, "My export crashes"),
        _msg("3", "2023-01-06T14:06:00+00:00", ANA, "Send a screenshot please",
             type="Reply", reference={"messageId": "2", "channelId": "1012224565567721552"}),
        _msg("4", "2023-01-06T14:07:00+00:00", BEN, "",
             attachments=[{"id": "9", "url": f"{NAME}.json_Files\\crash-662EF.png",
                           "fileName": "crash.png", "fileSizeBytes": 42900},
                          {"id": "10", "url": "https://cdn.discordapp.com/a/10/log.txt",
                           "fileName": "log.txt", "fileSizeBytes": 10}]),
    ],
    "messageCount": 4,
}  # fmt: skip


def _write(tmp_path: Path, doc: Any) -> Path:
    path = tmp_path / f"{NAME}.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_json_messages_replies_and_system(tmp_path: Path) -> None:
    t = parse_export(_write(tmp_path, DOC))
    assert t.format == "discord" and not t.needs_timezone
    (chat,) = t.chats
    assert (chat.source_chat_id, chat.title) == ("1012224565567721552", "Acme / #help")
    join, question, answer, files = chat.lines
    assert join.kind == "system" and join.author_name == "ben"
    # Seven fraction digits (.NET) and an offset are both understood.
    plus_two = timezone(timedelta(hours=2))
    assert question.time == datetime(2023, 1, 6, 14, 5, 0, 123456, tzinfo=plus_two)
    assert answer.reply_to == "2" and answer.author_name == "Ana (Acme)"
    ana = next(p for p in chat.participants if p.key == "111")
    assert ana.handle == "ana#7077" and ana.is_agent is None
    assert [a.name for a in files.attachments] == ["crash.png", "log.txt"]
    assert all(a.missing for a in files.attachments)


def test_downloaded_assets_are_found_with_windows_paths(tmp_path: Path) -> None:
    assets = tmp_path / f"{NAME}.json_Files"
    assets.mkdir()
    (assets / "crash-662EF.png").write_bytes(b"PNG")
    path = _write(tmp_path, DOC)
    # nothing beside a single file is read unless the rep names the folder
    assert all(a.missing for a in parse_export(path).chats[0].lines[3].attachments)
    t = parse_export(path, attachments_from=tmp_path)
    crash, log = t.chats[0].lines[3].attachments
    assert crash.member == f"{NAME}.json_Files/crash-662EF.png" and not crash.missing
    assert t.open_attachment(crash) == b"PNG"
    assert log.missing and log.member is None


def test_csv_export(tmp_path: Path) -> None:
    path = tmp_path / f"{NAME}.csv"
    path.write_text(
        "AuthorID,Author,Date,Content,Attachments,Reactions\n"
        '"222","ben#0001","2023-01-06T14:05:00.0000000+00:00","My export crashes","",""\n'
        '"111","ana#7077","2023-01-06T14:06:00.0000000+00:00","Line one\nline two",'
        '"https://cdn.discordapp.com/a/1/x.png,https://cdn.discordapp.com/a/2/y.txt","👍 (2)"\n',
        encoding="utf-8",
    )
    assert detect_format(path) == "discord_csv"
    t = parse_export(path)
    (chat,) = t.chats
    assert chat.source_chat_id == "1012224565567721552"
    first, second = chat.lines
    assert first.time == datetime(2023, 1, 6, 14, 5, tzinfo=UTC)
    assert (second.author_key, second.author_name) == ("111", "ana#7077")
    assert second.text == "Line one\nline two" and second.line_no == 3
    assert [a.name for a in second.attachments] == ["x.png", "y.txt"]


def test_legacy_csv_dates_are_local_and_naive(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_text(
        "AuthorID,Author,Date,Content,Attachments,Reactions\n"
        '"4562","Deleted User#0000","01-Jan-20 01:33 PM","Hello World","",""\n',
        encoding="utf-8",
    )
    t = parse_export(path)
    assert t.chats[0].lines[0].time == datetime(2020, 1, 1, 13, 33)
    assert t.needs_timezone


def test_csv_bad_date_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        'AuthorID,Author,Date,Content,Attachments,Reactions\n"1","a","yesterday","x","",""\n',
        encoding="utf-8",
    )
    with pytest.raises(ChatImportError) as err:
        parse_export(path)
    assert err.value.line == 2 and "yesterday" in str(err.value)
