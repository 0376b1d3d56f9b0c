"""Website chat widgets: tawk.to, LiveChat and Crisp presets."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from supportdesk.channels.chat import ChatImportError, detect_format, parse_export
from tests.channels.chat.gen import FIXTURES


def test_tawkto_transcript_marks_agent_and_visitor() -> None:
    path = FIXTURES / "tawkto_transcript.json"
    assert detect_format(path) == "tawkto"
    t = parse_export(path)
    (chat,) = t.chats
    assert chat.source_chat_id == "0e5a4a10-dae1-11ee-9c6a-2d8f7b3a1f11"
    assert chat.title == "Priya Raman"
    people = {p.name: (p.is_agent, p.handle) for p in chat.participants}
    assert people == {"Priya Raman": (False, "priya@example.org"), "Marco Bellini": (True, None)}
    kinds = [ln.kind for ln in chat.lines]
    assert kinds == ["system", "message", "message", "message", "message", "system"]
    question = chat.lines[1]
    assert question.author_name == "Priya Raman" and question.text.startswith("Hi, my invoice")
    assert question.time == datetime(2024, 3, 5, 10, 2, 30, 512000, tzinfo=UTC)
    (pdf,) = chat.lines[3].attachments
    assert (pdf.name, pdf.mime, pdf.missing) == ("invoice-2024-03.pdf", "application/pdf", True)
    assert chat.lines[3].text == ""


def test_livechat_archive_uses_users_for_names_and_sides() -> None:
    path = FIXTURES / "livechat_archives.json"
    assert detect_format(path) == "livechat"
    t = parse_export(path)
    (chat,) = t.chats
    assert (chat.source_chat_id, chat.title) == ("PJ0MRSHTDG", "Jordan Lee")
    assert {p.name: p.is_agent for p in chat.participants} == {
        "Jordan Lee": False,
        "Agent Smith": True,
    }
    texts = [(ln.kind, ln.author_name, ln.text) for ln in chat.lines]
    assert texts[0] == ("system", "", "Chat assigned to Agent Smith")
    assert texts[3] == ("message", "Agent Smith", "Thanks Jordan, which version are you on?")
    assert chat.lines[2].attachments[0].name == "crash.png"
    assert len(chat.lines) == 5  # the filled form is not a chat line
    assert any("skipped 1" in w for w in t.warnings)


def test_crisp_messages_grouped_by_session() -> None:
    path = FIXTURES / "crisp_messages.json"
    assert detect_format(path) == "crisp"
    (chat,) = parse_export(path).chats
    assert chat.source_chat_id == "session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"
    assert chat.title == "Lena Fischer"
    assert {p.name: p.is_agent for p in chat.participants} == {
        "Lena Fischer": False,
        "Baptiste": True,
    }
    first = chat.lines[0]
    assert first.source_id == "163408913"
    assert first.time == datetime(2024, 3, 5, 10, 20, 0, 123000, tzinfo=UTC)
    assert chat.lines[1].attachments[0].name == "login-error.png"
    assert (chat.lines[-1].kind, chat.lines[-1].text) == ("system", "Conversation resolved")


def test_crisp_flat_list_with_two_sessions(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "crisp_messages.json").read_text(encoding="utf-8"))["data"]
    other = {**data[0], "session_id": "session_b", "fingerprint": 1,
             "user": {"nickname": "Omar"}, "content": "second visitor"}  # fmt: skip
    path = tmp_path / "crisp.json"
    path.write_text(json.dumps([*data, other]), encoding="utf-8")
    t = parse_export(path, fmt="crisp")
    assert [c.source_chat_id for c in t.chats] == [
        "session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881",
        "session_b",
    ]
    assert t.chats[1].lines[0].text == "second visitor"


def test_wrong_preset_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ChatImportError, match="does not look like a livechat transcript"):
        parse_export(FIXTURES / "crisp_messages.json", fmt="livechat")
