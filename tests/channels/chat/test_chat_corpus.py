"""Every real export in the shared corpus parses (skipped when the corpus is absent).

The corpus is read where it lies (``$SUPPORTDESK_CORPUS/chat`` or
``<repo>/../shared/corpus/chat``), never copied into the project.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from supportdesk.channels.chat import detect_format, parse_export

pytestmark = pytest.mark.corpus


def _chat_corpus() -> Path | None:
    env = os.environ.get("SUPPORTDESK_CORPUS")
    root = Path(env) if env else Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
    folder = root / "chat"
    return folder if folder.is_dir() else None


CORPUS = _chat_corpus()
FILES = (
    sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "SOURCES.txt")
    if CORPUS
    else []
)
needs_corpus = pytest.mark.skipif(
    CORPUS is None, reason="no chat corpus (set SUPPORTDESK_CORPUS or add ../shared/corpus)"
)


def _file(name: str) -> Path:
    assert CORPUS is not None
    matches = [p for p in FILES if p.name == name]
    if not matches:
        pytest.skip(f"{name} is not in this corpus")
    return matches[0]


@needs_corpus
def test_every_file_parses_and_report_counts() -> None:
    assert FILES, "the chat corpus folder is empty"
    report = []
    for path in FILES:
        fmt = detect_format(path)
        t = parse_export(path)
        assert t.format == fmt
        assert t.line_count > 0, path.name
        for chat in t.chats:
            for line in chat.lines:
                assert line.kind in ("message", "system")
                assert line.kind == "system" or line.author_name or line.author_key
        report.append(
            f"{path.relative_to(CORPUS)}: {fmt}, {len(t.chats)} chat(s), "
            f"{t.line_count} line(s), {len(t.warnings)} warning(s)"
        )
    print("\nchat corpus:\n  " + "\n  ".join(report))


@needs_corpus
def test_whatsapp_corpus_dates_and_clocks() -> None:
    es = parse_export(_file("android_mmddyyyy_12h_es_am_pm__chatminer.txt")).chats[0]
    assert es.lines[2].time == datetime(2019, 1, 30, 20, 49)  # "08:49 p. m."
    assert es.lines[2].text.endswith("\nconsectetur adipiscing elit. Duis libero.")
    ios = parse_export(_file("ios_en_mdyy_omitted__whats_json.txt")).chats[0]
    assert ios.lines[1].time == datetime(2022, 3, 27, 21, 41, 35)
    assert ios.lines[0].kind == "system"
    nl = parse_export(_file("android_nl_ddmmyyyy_nocomma_media__whats_json.txt")).chats[0]
    opus = next(ln for ln in nl.lines if any(a.name.endswith(".opus") for a in ln.attachments))
    assert opus.attachments[0].missing and opus.time == datetime(2022, 3, 18, 15, 12)


@needs_corpus
def test_other_corpus_formats_spot_checks() -> None:
    slack = parse_export(_file("slack_official_export_2016__slack_export_viewer.zip"))
    assert [c.title for c in slack.chats] == ["enrique", "traveling-sailor"]
    tg = parse_export(_file("result_full_account_chats_list__chatminer.json")).chats[0]
    assert tg.lines[1].text == "Link:https://telegram.org/"
    fb = parse_export(_file("messenger_message_1_bom_media__chat_analytics.json")).chats[0]
    assert [ln.text for ln in fb.lines][-3:] == ["you what", "Whats up!", "Hello"]
    comment = next(ln for ln in slack.chats[1].lines if "commented on" in ln.text)
    assert comment.author_name == "Hermione Granger"
    dce = parse_export(_file("dce_guild_text_general_2023__dcef.json")).chats[0]
    assert sum(ln.kind == "system" for ln in dce.lines) == 4
