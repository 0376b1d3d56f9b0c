"""Hypothesis over every chat parser with hostile zips (issue 13, findings 3 and 4).

Member names that climb out (``..``, absolute paths), lines that name files outside,
markup, NUL, RTL overrides and huge numbers: every parser either reads the export
or says why in a ChatImportError, and no attachment it finds points outside the
export. With the caps set small, a zip over them is refused before any parser runs.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import PurePosixPath

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportdesk.channels.chat import FORMATS, ChatImportError, _io
from supportdesk.channels.chat._common import ParseOptions
from supportdesk.channels.chat._io import Source
from supportdesk.channels.chat.importer import PARSERS

ESCAPES = ["../secret.txt", "/etc/passwd", "a/../../b.jpg", "..\\..\\win.ini", "~/.ssh/id_rsa",
           ".ssh/id_rsa", "photo.jpg"]
NAMES = ["_chat.txt", "result.json", "users.json", "channels.json", "general/2024-01-02.json",
         "inbox/a/message_1.json", "messages.csv", "x.json", *ESCAPES]
HOSTILE = ['<img src="/dev/zero">', "\u202etxt.exe", "a\x00b", "1e400", "NaN", "<b>" * 50,
           "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace")]


def _line(text: str, ref: str) -> str:
    return f"[16/01/2024, 10:00:05] Mallory: {text} <attached: {ref}>"


def _json_doc(text: str, ref: str) -> str:
    return json.dumps({"name": "c", "type": "personal_chat", "id": 1, "messages": [
        {"id": 1, "type": "message", "date": "2024-01-02T10:00:00", "from": text,
         "text": text, "photo": ref, "file": ref}],
        "participants": [{"name": text}], "title": text, "thread_path": "inbox/a"})


members = st.dictionaries(
    st.sampled_from(NAMES),
    st.builds(lambda kind, text, ref: _line(text, ref) if kind else _json_doc(text, ref),
              st.booleans(), st.sampled_from(HOSTILE) | st.text(max_size=20),
              st.sampled_from(ESCAPES)),
    min_size=1, max_size=5,
)

_settings = settings(max_examples=80, deadline=None, database=None,
                     suppress_health_check=[HealthCheck.too_slow])


def _zip(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return out.getvalue()


@_settings
@given(fmt=st.sampled_from(FORMATS), files=members)
def test_hostile_zips_stay_inside(fmt: str, files: dict[str, str]) -> None:
    try:
        with Source.from_bytes(_zip(files), "export.zip") as src:
            transcript = PARSERS[fmt](src, ParseOptions())
    except ChatImportError:
        return
    for chat in transcript.chats:
        for line in chat.lines:
            for att in line.attachments:
                if att.member is None:
                    continue
                parts = PurePosixPath(att.member).parts
                assert not att.member.startswith(("/", "\\")) and ".." not in parts, att


@settings(max_examples=40, deadline=None, database=None)
@given(fmt=st.sampled_from(FORMATS), sizes=st.lists(st.integers(0, 3000), min_size=1,
                                                     max_size=6))
def test_caps_refuse_a_zip_before_any_parser_reads_it(fmt: str, sizes: list[int]) -> None:
    files = {f"m{i}.bin": "x" * n for i, n in enumerate(sizes)}
    files["_chat.txt"] = "[16/01/2024, 10:00:05] Ana: hi"
    total = sum(len(v) for v in files.values())
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_io, "MAX_TOTAL_BYTES", 4096)
        mp.setattr(_io, "MAX_MEMBERS", 5)
        try:
            with Source.from_bytes(_zip(files), "export.zip") as src:
                PARSERS[fmt](src, ParseOptions())
        except ChatImportError as exc:
            if len(files) > 5:
                assert "lists" in str(exc) and "export.zip" in str(exc)
            elif total > 4096:
                assert "unpacks to" in str(exc) and "export.zip" in str(exc)
            return
        assert total <= 4096 and len(files) <= 5
