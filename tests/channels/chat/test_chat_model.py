"""Dedupe keys, error messages and attachment reading."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from supportdesk.channels.chat import (
    ChatAttachment,
    ChatImportError,
    ChatLine,
    line_key,
    line_keys,
    parse_export,
)
from tests.channels.chat.gen import write_zip


def _line(text: str = "hi", sid: str | None = None, minute: int = 0) -> ChatLine:
    return ChatLine(sid, datetime(2024, 1, 2, 10, minute), "ana", "Ana", text)


def test_line_key_prefers_the_transcripts_own_id() -> None:
    a = line_key("telegram:42", _line("first", sid="7"))
    b = line_key("telegram:42", _line("edited later", sid="7", minute=5))
    assert a == b and len(a) == 64
    assert line_key("telegram:43", _line(sid="7")) != a


def test_line_key_hashes_channel_time_author_text() -> None:
    base = line_key("wa:acme", _line())
    assert base == line_key("wa:acme", _line())
    assert base != line_key("wa:acme", _line("hi!"))
    assert base != line_key("wa:acme", _line(minute=1))
    assert base != line_key("wa:other", _line())


def test_line_keys_number_identical_lines() -> None:
    keys = line_keys("wa:acme", [_line("ok"), _line("ok"), _line("other")])
    assert len(set(keys)) == 3
    assert keys[0] == line_key("wa:acme", _line("ok"))


def test_overlapping_exports_share_keys(tmp_path: Path) -> None:
    early = "01/02/2023, 10:00 - Ana: a\n01/02/2023, 10:01 - Bo: b\n"
    later = early + "01/02/2023, 10:05 - Ana: c\nmore\n"
    (tmp_path / "1.txt").write_text(early, encoding="utf-8")
    (tmp_path / "2.txt").write_text(later, encoding="utf-8")
    k1 = line_keys("wa:x", parse_export(tmp_path / "1.txt").chats[0].lines)
    k2 = line_keys("wa:x", parse_export(tmp_path / "2.txt").chats[0].lines)
    assert k2[:2] == k1 and len(set(k2)) == 3


def test_keys_do_not_depend_on_the_chosen_zone(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text("01/02/2023, 10:00 - Ana: a\n", encoding="utf-8")
    naive = parse_export(path).chats[0].lines[0]
    zoned = parse_export(path, tz=ZoneInfo("America/Lima")).chats[0].lines[0]
    assert line_key("wa", naive) == line_key("wa", zoned)


def test_error_message_names_file_member_and_line() -> None:
    err = ChatImportError(Path("/x/export.zip"), 12, "something is off", member="_chat.txt")
    assert str(err) == "export.zip (_chat.txt): line 12: something is off"
    assert (err.line, err.reason, err.path) == (12, "something is off", Path("/x/export.zip"))
    assert str(ChatImportError(None, None, "plain")) == "plain"


def test_open_attachment_refuses_paths_outside_the_export(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("no", encoding="utf-8")
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "_chat.txt").write_text("01/02/2023, 10:00 - Ana: hi\n", encoding="utf-8")
    t = parse_export(folder)
    sneaky = ChatAttachment("secret.txt", "../secret.txt", None, False)
    assert t.open_attachment(sneaky) is None


def test_open_attachment_size_cap(tmp_path: Path) -> None:
    path = write_zip(
        tmp_path / "c.zip",
        {"_chat.txt": "[01/02/2023, 10:00:00] Ana: <attached: big.bin>\n", "big.bin": b"x" * 5000},
    )
    t = parse_export(path)
    att = t.chats[0].lines[0].attachments[0]
    assert t.open_attachment(att) == b"x" * 5000
    assert t.open_attachment(att, max_bytes=100) is None


def test_transcript_line_count_and_aware_times(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("time,author,text\n2024-01-02T10:00:00Z,a,b\n", encoding="utf-8")
    t = parse_export(path)
    assert t.line_count == 1
    assert t.chats[0].lines[0].time == datetime(2024, 1, 2, 10, tzinfo=UTC)
