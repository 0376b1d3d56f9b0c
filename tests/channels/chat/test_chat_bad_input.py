"""Bad input: every failure is a ChatImportError naming the file (and line)."""

from __future__ import annotations

import io
import json
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportdesk.channels.chat import FORMATS, ChatImportError, parse_export, preview
from supportdesk.channels.chat._common import ParseOptions
from supportdesk.channels.chat._io import Source
from supportdesk.channels.chat.importer import PARSERS
from tests.channels.chat.gen import write_zip

NAMES = {
    "whatsapp": "chat.txt", "telegram": "result.json", "slack": "export.zip",
    "discord": "channel.json", "discord_csv": "channel.csv", "messenger": "message_1.json",
    "tawkto": "tawk.json", "livechat": "livechat.json", "crisp": "crisp.json", "csv": "x.csv",
}  # fmt: skip


@pytest.mark.parametrize("fmt", [None, *FORMATS])
def test_empty_file(tmp_path: Path, fmt: str | None) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ChatImportError) as err:
        parse_export(path, fmt=fmt)
    assert str(err.value).startswith("empty.txt: ")


def test_invalid_utf8_says_where(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(
        b"01/02/2023, 10:00 - Ana: ok\n01/02/2023, 10:01 - Ana: fine\n"
        b"01/02/2023, 10:02 - Ana: caf\xe9 au lait\n"
    )
    with pytest.raises(ChatImportError) as err:
        parse_export(path)
    assert err.value.line == 3
    assert "not UTF-8" in str(err.value) and "0xe9 at position 29" in str(err.value)


def test_invalid_utf8_deep_in_a_big_file(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    good = b"01/02/2023, 10:00 - Ana: " + b"x" * 60 + b"\n"
    path.write_bytes(good * 50_000 + b"01/02/2023, 10:00 - Ana: \xff\n")
    with pytest.raises(ChatImportError) as err:
        parse_export(path, fmt="whatsapp")
    assert err.value.line == 50_001


def test_invalid_utf8_in_json_and_csv(tmp_path: Path) -> None:
    js = tmp_path / "result.json"
    js.write_bytes(b'{\n "name": "x",\n "messages": ["\xc3\x28"]\n}')
    with pytest.raises(ChatImportError) as err:
        parse_export(js, fmt="telegram")
    assert err.value.line == 3
    csv = tmp_path / "x.csv"
    csv.write_bytes(b"time,author,text\n2024-01-01 10:00,a,ok\n2024-01-01 10:00,\x80,b\n")
    with pytest.raises(ChatImportError) as err:
        parse_export(csv)
    assert err.value.line == 3


@pytest.mark.parametrize("fmt", [None, "whatsapp", "csv", "discord_csv", "telegram", "crisp"])
def test_a_100_mb_single_line_fails_fast_in_bounded_memory(tmp_path: Path, fmt: str | None) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        block = b"a" * (1 << 20)
        for _ in range(100):
            fh.write(block)
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(ChatImportError) as err:
            parse_export(path, fmt=fmt)
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 10.0  # fails at the first oversized line, not after reading it all
    assert peak < 32 << 20, f"peak {peak / 2**20:.0f} MiB"
    assert str(err.value).startswith("huge.txt: ")


def test_truncated_zip(tmp_path: Path) -> None:
    good = write_zip(tmp_path / "good.zip", {"_chat.txt": "01/02/2023, 10:00 - Ana: hi\n" * 500})
    cut = tmp_path / "WhatsApp Chat.zip"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(ChatImportError) as err:
        parse_export(cut)
    assert "damaged or incomplete" in str(err.value)
    assert str(err.value).startswith("WhatsApp Chat.zip: ")


def test_zip_member_with_corrupt_data(tmp_path: Path) -> None:
    text = "01/02/2023, 10:00 - Ana: hi there\n" * 200
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("_chat.txt", text)
    data = bytearray(buf.getvalue())
    at = data.find(b"hi there", 2000)
    data[at : at + 2] = b"HO"  # stored data no longer matches its CRC
    path = tmp_path / "chat.zip"
    path.write_bytes(bytes(data))
    with pytest.raises(ChatImportError) as err:
        parse_export(path)
    assert "damaged" in str(err.value) and "_chat.txt" in str(err.value)


def test_oversized_json_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("supportdesk.channels.chat._io.MAX_JSON_BYTES", 1 << 16)
    path = write_zip(tmp_path / "t.zip", {"result.json": "[" + " " * (1 << 17) + "]"})
    with pytest.raises(ChatImportError, match="larger than"):
        parse_export(path, fmt="telegram")


def test_deeply_nested_json(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    with pytest.raises(ChatImportError):
        parse_export(path)


def test_preview_of_bad_input_is_also_a_chat_import_error(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"messages": 5}', encoding="utf-8")
    with pytest.raises(ChatImportError):
        preview(path)


def test_unknown_format_name(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(ChatImportError, match='unknown format "icq"'):
        parse_export(path, fmt="icq")


# -- property: arbitrary input never raises anything but ChatImportError --------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from([
            "messages", "text", "date", "date_unixtime", "from_id", "type", "chats", "list",
            "participants", "sender_name", "timestamp_ms", "content", "photos", "uri", "guild",
            "channel", "author", "timestamp", "attachments", "id", "chat", "sender", "t", "msg",
            "time", "users", "thread", "events", "author_id", "created_at", "data",
            "session_id", "from", "fingerprint", "user", "files", "file", "name", "title",
            "reference", "messageId", "stickers", "visitor", "media", "senderName",
        ]),
        inner, max_size=6),
    max_leaves=30,
)  # fmt: skip

_text_lines = st.lists(
    st.one_of(
        st.text(max_size=40),
        st.builds(
            "{}, {} - {}".format,
            st.sampled_from(["12/07/2017", "31/02/2020", "2019/01/30", "99-99-9999", "1/7/23"]),
            st.sampled_from(["22:35", "11:32\u202fPM", "25:61", "00:08 a. m.", "13:00 PM"]),
            st.text(max_size=30),
        ),
    ),
    max_size=8,
).map("\n".join)


def _check(fmt: str, data: bytes) -> None:
    """Run one parser directly (no safety net); only ChatImportError may escape."""
    try:
        with Source.from_bytes(data, NAMES[fmt]) as src:
            PARSERS[fmt](src, ParseOptions())
    except ChatImportError:
        pass


_settings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(fmt=st.sampled_from(FORMATS), data=st.binary(max_size=600))
def test_arbitrary_bytes(fmt: str, data: bytes) -> None:
    _check(fmt, data)


@_settings
@given(fmt=st.sampled_from(FORMATS), text=_text_lines)
def test_arbitrary_text_lines(fmt: str, text: str) -> None:
    _check(fmt, text.encode("utf-8", "surrogatepass"))


@_settings
@given(fmt=st.sampled_from(FORMATS), value=_json_values)
def test_arbitrary_json(fmt: str, value: object) -> None:
    _check(fmt, json.dumps(value).encode())


@_settings
@given(
    fmt=st.sampled_from(["slack", "whatsapp", "telegram", "messenger", "discord"]),
    members=st.dictionaries(
        st.sampled_from([
            "users.json", "channels.json", "general/2024-01-02.json", "_chat.txt",
            "result.json", "a/message_1.json", "a/message_2.json", "x.json", "dms.json",
        ]),
        st.one_of(_json_values.map(json.dumps), _text_lines),
        max_size=4,
    ),
)  # fmt: skip
def test_arbitrary_zips(fmt: str, members: dict[str, str]) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in members.items():
            zf.writestr(name, text.encode("utf-8", "surrogatepass"))
    _check(fmt, buf.getvalue())
