"""Parse every message of the shared real-mail corpus (read in place, never copied).

The corpus folder is ``$SUPPORTDESK_CORPUS/email`` or ``<repo>/../shared/corpus/email``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from supportdesk.channels.email.parse import parse_message
from supportdesk.channels.email.sanitize import sanitize_html

pytestmark = pytest.mark.corpus


def corpus_dir() -> Path | None:
    """Return the corpus email folder, or None when it is not on this machine."""
    configured = os.environ.get("SUPPORTDESK_CORPUS")
    base = (
        Path(configured)
        if configured
        else Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
    )
    folder = base / "email"
    return folder if folder.is_dir() else None


def corpus_files() -> list[Path]:
    folder = corpus_dir()
    if folder is None:
        return []
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and path.name != "SOURCES.txt" and not path.name.startswith(".")
    )


def test_every_corpus_message_parses(capsys: pytest.CaptureFixture[str]) -> None:
    files = corpus_files()
    if not files:
        pytest.skip("mail corpus not found: set SUPPORTDESK_CORPUS to a folder containing email/")
    parsed = with_problems = with_html = with_attachments = 0
    elapsed = 0.0
    for path in files:
        raw = path.read_bytes()
        started = time.perf_counter()
        message = parse_message(raw)
        elapsed += time.perf_counter() - started
        parsed += 1
        with_problems += bool(message.problems)
        with_html += message.html is not None
        with_attachments += bool(message.attachments)
        assert message.date.tzinfo is not None, path.name
        assert "\n" not in message.subject and "\r" not in message.subject, path.name
        if message.html is not None:
            sanitize_html(message.html, allow_remote=False, cid_map={})
    assert parsed == len(files)
    with capsys.disabled():
        print(
            f"\ncorpus: {parsed} parsed, {with_problems} with problems, {with_html} with html, "
            f"{with_attachments} with attachments; {elapsed / parsed * 1e6:.0f} µs/message"
        )


def test_known_corpus_messages_read_correctly() -> None:
    folder = corpus_dir()
    if folder is None:
        pytest.skip("mail corpus not found: set SUPPORTDESK_CORPUS to a folder containing email/")
    japanese = parse_message(
        (folder / "mikel-mail" / "multi_charset_japanese_iso_2022.eml").read_bytes()
    )
    assert japanese.subject == "まみむめも"
    eudora = parse_message((folder / "stalwart-mail-parser" / "legacy_050.eml").read_bytes())
    assert eudora.subject == "Die Hasen und die Frösche"
    assert [a.filename for a in eudora.attachments] == ["2aa658b6.png", "2aa658c0.png"]
    bounce = parse_message(
        (folder / "mikel-mail" / "multipart_report_emails_report_530.eml").read_bytes()
    )
    assert bounce.is_auto
