"""Slack workspace exports: channels, threads, subtypes, files, Slack Connect sides."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from supportdesk.channels.chat import ChatImportError, parse_export
from tests.channels.chat.gen import write_zip

HOME, OTHER = "T0HOME", "T0CUST"
USERS = [
    {"id": "U1", "team_id": HOME, "name": "olga", "real_name": "Olga Agent",
     "profile": {"real_name": "Olga Agent", "display_name": "olga", "phone": "+1 555 0100",
                 "team": HOME}, "is_bot": False, "is_admin": True},
    {"id": "U2", "team_id": HOME, "name": "sam", "real_name": "Sam Support",
     "profile": {"real_name": "Sam Support", "team": HOME}, "is_bot": False},
    {"id": "U9", "team_id": OTHER, "name": "carla", "real_name": "Carla Customer",
     "profile": {"real_name": "Carla Customer", "team": OTHER}, "is_bot": False},
    {"id": "UBOT", "team_id": HOME, "name": "deploybot", "profile": {"real_name": "Deploy Bot"},
     "is_bot": True},
]  # fmt: skip
CHANNELS = [
    {"id": "C1", "name": "general", "members": ["U1", "U2"]},
    {"id": "C2", "name": "ext-acme", "is_ext_shared": True, "members": ["U1", "U9"]},
]


def _msg(ts: str, user: str | None, text: str, **extra: Any) -> dict[str, Any]:
    msg: dict[str, Any] = {"type": "message", "ts": ts, "text": text, **extra}
    if user:
        msg["user"] = user
    return msg


GENERAL_DAY = [
    _msg("1704189600.000100", "U1", "<@U1> has joined the channel", subtype="channel_join"),
    _msg("1704189660.000200", "U2",
         "Deploy at 5? See <https://wiki.example/d|the runbook> &amp; <#C2|ext-acme>"),
    _msg("1704189700.000300", None, "", subtype="bot_message", bot_id="B1", username="deploybot",
         attachments=[{"fallback": "Deploy finished", "pretext": "Deploy finished",
                       "text": "v1.2"}]),
    _msg("1704189800.000400", "U1", "This message was deleted.", subtype="tombstone"),
]  # fmt: skip
ACME_DAY = [
    _msg("1704200000.000100", "U9", "Our invoices are wrong", thread_ts="1704200000.000100",
         user_team=OTHER, reply_count=1),
    _msg("1704200060.000200", "U1", "Looking at it, <@U9>", thread_ts="1704200000.000100",
         parent_user_id="U9", user_team=HOME),
    _msg("1704200120.000300", "U9", "here", user_team=OTHER,
         files=[{"id": "F1", "name": "invoice.pdf", "mimetype": "application/pdf",
                 "url_private": "https://files.slack.com/F1/invoice.pdf"},
                {"id": "F2", "name": "screen.png", "mimetype": "image/png"}]),
]  # fmt: skip


def _export(tmp_path: Path, *, extra: dict[str, bytes | str] | None = None) -> Path:
    members: dict[str, bytes | str] = {
        "users.json": json.dumps(USERS),
        "channels.json": json.dumps(CHANNELS),
        "general/2024-01-02.json": json.dumps(GENERAL_DAY),
        "ext-acme/2024-01-02.json": json.dumps(ACME_DAY[:2]),
        "ext-acme/2024-01-03.json": json.dumps(ACME_DAY[2:]),
        "__uploads/F1/invoice.pdf": b"%PDF-1.4",
    }
    members.update(extra or {})
    return write_zip(tmp_path / "Acme Slack export Jan 2 2024.zip", members)


def test_channels_authors_and_system_lines(tmp_path: Path) -> None:
    t = parse_export(_export(tmp_path))
    assert t.format == "slack" and not t.needs_timezone
    general, acme = t.chats
    assert (general.source_chat_id, general.title) == ("C1", "general")
    join, deploy, bot = general.lines
    assert join.kind == "system" and join.author_name == "Olga Agent"
    assert join.text == "@Olga Agent has joined the channel"
    assert deploy.time == datetime(2024, 1, 2, 10, 1, 0, 200, tzinfo=UTC)
    assert deploy.text == "Deploy at 5? See the runbook (https://wiki.example/d) & #ext-acme"
    assert (bot.kind, bot.author_name, bot.text) == ("system", "deploybot", "Deploy finished\nv1.2")
    assert "skipped 1 deleted messages (tombstones)" in t.warnings
    assert acme.title == "ext-acme" and len(acme.lines) == 3


def test_internal_channel_does_not_guess_sides(tmp_path: Path) -> None:
    general = parse_export(_export(tmp_path)).chats[0]
    assert {p.key: p.is_agent for p in general.participants} == {"U1": None, "U2": None}
    olga = general.participants[0]
    assert (olga.handle, olga.phone) == ("olga", "+1 555 0100")


def test_shared_channel_marks_customer_side(tmp_path: Path) -> None:
    acme = parse_export(_export(tmp_path)).chats[1]
    sides = {p.name: p.is_agent for p in acme.participants}
    assert sides == {"Carla Customer": False, "Olga Agent": True}


def test_threads_and_replies(tmp_path: Path) -> None:
    root, reply, files = parse_export(_export(tmp_path)).chats[1].lines
    assert root.thread_key == "1704200000.000100" and root.reply_to is None
    assert reply.thread_key == root.thread_key and reply.reply_to == root.source_id
    assert reply.text == "Looking at it, @Carla Customer"
    assert files.thread_key is None


def test_files_in_zip_and_missing(tmp_path: Path) -> None:
    t = parse_export(_export(tmp_path))
    invoice, screen = t.chats[1].lines[2].attachments
    assert (invoice.name, invoice.member, invoice.missing) == (
        "invoice.pdf",
        "__uploads/F1/invoice.pdf",
        False,
    )
    assert t.open_attachment(invoice) == b"%PDF-1.4"
    assert (screen.name, screen.missing, screen.mime) == ("screen.png", True, "image/png")


def test_unpacked_folder_works_like_the_zip(tmp_path: Path) -> None:
    root = tmp_path / "export"
    for rel, data in {
        "users.json": json.dumps(USERS),
        "channels.json": json.dumps(CHANNELS),
        "general/2024-01-02.json": json.dumps(GENERAL_DAY),
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(data, encoding="utf-8")
    t = parse_export(root)
    assert [c.title for c in t.chats] == ["general"] and len(t.chats[0].lines) == 3


def test_duplicate_ts_are_dropped(tmp_path: Path) -> None:
    dup = json.dumps([GENERAL_DAY[1], {**GENERAL_DAY[1], "text": "copy"}])
    t = parse_export(_export(tmp_path, extra={"general/2024-01-05.json": dup}))
    texts = [ln.text for ln in t.chats[0].lines]
    assert texts.count("copy") == 0 and len(texts) == 3
    assert any("repeated an id" in w for w in t.warnings)


def test_single_day_file_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "2024-01-02.json"
    path.write_text(json.dumps(GENERAL_DAY), encoding="utf-8")
    with pytest.raises(ChatImportError, match="choose the whole Slack export"):
        parse_export(path, fmt="slack")
