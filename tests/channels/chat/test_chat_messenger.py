"""Facebook Messenger / Instagram "Download your information" JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from supportdesk.channels.chat import detect_format, parse_export
from supportdesk.channels.chat.messenger import fix_mojibake
from tests.channels.chat.gen import write_zip


def _mojibake(text: str) -> str:
    """What Facebook writes: UTF-8 bytes shown as Latin-1 characters."""
    return text.encode("utf-8").decode("latin-1")


LEGACY: dict[str, Any] = {
    "participants": [{"name": _mojibake("Zoë Müller")}, {"name": "Acme Shop"}],
    "messages": [  # newest first, as Facebook writes them
        {"sender_name": "Acme Shop", "timestamp_ms": 1700000300000, "content": "Refund sent",
         "type": "Generic"},
        {"sender_name": _mojibake("Zoë Müller"), "timestamp_ms": 1700000200000,
         "photos": [{"uri": "messages/inbox/zoe_abc123/photos/123.jpg",
                     "creation_timestamp": 1700000200}], "type": "Generic"},
        {"sender_name": _mojibake("Zoë Müller"), "timestamp_ms": 1700000100000,
         "content": _mojibake("Où est ma commande? 📦"), "type": "Generic"},
        {"sender_name": "Acme Shop", "timestamp_ms": 1700000150000, "is_unsent": True,
         "type": "Generic"},
    ],
    "title": _mojibake("Zoë Müller"),
    "is_still_participant": True,
    "thread_type": "Regular",
    "thread_path": "inbox/zoe_abc123",
}  # fmt: skip


def _write(path: Path, doc: Any, bom: bool = True) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(doc, indent=2).encode("ascii")  # \u00c3 escapes, like Facebook
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def test_legacy_thread_fixes_mojibake_and_orders_by_time(tmp_path: Path) -> None:
    path = _write(tmp_path / "message_1.json", LEGACY)
    assert detect_format(path) == "messenger"
    t = parse_export(path)
    (chat,) = t.chats
    assert chat.title == "Zoë Müller" and chat.source_chat_id == "inbox/zoe_abc123"
    assert [p.name for p in chat.participants] == ["Zoë Müller", "Acme Shop"]
    question, unsent, photo, refund = chat.lines
    assert question.text == "Où est ma commande? 📦" and question.author_name == "Zoë Müller"
    assert question.time == datetime(2023, 11, 14, 22, 15, tzinfo=UTC)
    assert unsent.kind == "system" and "unsent" in unsent.text
    assert photo.attachments[0].name == "123.jpg" and photo.attachments[0].missing
    assert refund.text == "Refund sent"
    assert all(ln.source_id is None for ln in chat.lines)


def test_mojibake_fix_only_when_it_round_trips() -> None:
    assert fix_mojibake(_mojibake("café")) == "café"
    assert fix_mojibake("café") == "café"  # real Latin-1 text stays as it is
    assert fix_mojibake("日本") == "日本"


def test_media_found_from_the_export_root(tmp_path: Path) -> None:
    root = tmp_path / "facebook-zoe"
    photo = root / "messages/inbox/zoe_abc123/photos/123.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"JPEG")
    path = _write(root / "messages/inbox/zoe_abc123/message_1.json", LEGACY)
    assert parse_export(path).chats[0].lines[2].attachments[0].missing
    t = parse_export(path, attachments_from=root)
    att = t.chats[0].lines[2].attachments[0]
    assert not att.missing and t.open_attachment(att) == b"JPEG"


def test_zip_with_threads_split_over_parts(tmp_path: Path) -> None:
    welcome = {"sender_name": "Acme Shop", "timestamp_ms": 1600000000000, "content": "Welcome!"}
    older = {**LEGACY, "messages": [welcome]}
    other = {"participants": [{"name": "Bo"}], "title": "Bo", "thread_path": "inbox/bo_1",
             "messages": [{"sender_name": "Bo", "timestamp_ms": 1700000000000,
                           "content": "hej"}]}  # fmt: skip
    path = write_zip(
        tmp_path / "facebook.zip",
        {
            "messages/inbox/zoe_abc123/message_1.json": json.dumps(LEGACY),
            "messages/inbox/zoe_abc123/message_2.json": json.dumps(older),
            "messages/inbox/zoe_abc123/photos/123.jpg": b"JPEG",
            "messages/inbox/bo_1/message_1.json": json.dumps(other),
        },
    )
    t = parse_export(path)
    assert [c.title for c in t.chats] == ["Bo", "Zoë Müller"]
    zoe = t.chats[1]
    assert zoe.lines[0].text == "Welcome!" and len(zoe.lines) == 5
    att = zoe.lines[3].attachments[0]
    assert att.member == "messages/inbox/zoe_abc123/photos/123.jpg"
    assert t.open_attachment(att) == b"JPEG"


def test_camel_case_variant(tmp_path: Path) -> None:
    doc = {
        "participants": ["Lena Park", "Acme Store"],
        "threadName": "Lena Park",
        "messages": [
            {"isUnsent": False, "media": [{"uri": "./media/img_1.jpg"}], "reactions": [],
             "senderName": "Lena Park", "text": "", "timestamp": 1710000060000, "type": "media"},
            {"isUnsent": False, "media": [], "reactions": [], "senderName": "Lena Park",
             "text": "Is the blue one back in stock?", "timestamp": 1710000000000,
             "type": "text"},
        ],
    }  # fmt: skip
    t = parse_export(_write(tmp_path / "lena_park_123.json", doc, bom=False))
    assert t.format == "messenger"
    question, media = t.chats[0].lines
    assert question.text == "Is the blue one back in stock?"
    assert question.time == datetime(2024, 3, 9, 16, 0, tzinfo=UTC)
    assert media.attachments[0].name == "img_1.jpg"
    assert [p.name for p in t.chats[0].participants] == ["Lena Park", "Acme Store"]
