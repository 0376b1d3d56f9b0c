"""Bad input, batches, cancel, interruption, and the shared corpus."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import supportdesk.services.chat_import.run as run_module
from supportdesk.channels.chat import (
    ChatImportError,
    StreamInfo,
    detect_format,
    parse_export,
    stream_whatsapp,
)
from supportdesk.models import Conversation, Message
from supportdesk.services.chat_import import (
    ChatImportInterruptedError,
    ChatImportRefusedError,
    ImportOptions,
    UnknownZoneError,
    import_chat_export,
    zone_named,
)
from supportdesk.store import Store
from tests.channels.chat.gen import generate_whatsapp, write_zip
from tests.conftest import corpus_dir
from tests.services.chat_exports import wa_lines, whatsapp_txt
from tests.services.test_chat_import import counts


@pytest.fixture
def seeded(store: Store, tmp_path: Path) -> Store:
    """A store that already holds one imported chat (so "untouched" means something)."""
    folder = tmp_path / "seed"
    folder.mkdir()
    import_chat_export(store, whatsapp_txt(folder))
    return store


def _bad_utf8(tmp_path: Path) -> Path:
    path = tmp_path / "WhatsApp Chat with Bad.txt"
    path.write_bytes(
        b"01/02/2023, 10:00 - Ana: ok\n01/02/2023, 10:01 - Ana: fine\n"
        b"01/02/2023, 10:02 - Ana: caf\xe9 au lait\n"
    )
    return path


def _huge_line(tmp_path: Path) -> Path:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.write(b"01/02/2023, 10:00 - Ana: ")
        block = b"a" * (1 << 20)
        for _ in range(100):
            fh.write(block)
    return path


def _truncated_zip(tmp_path: Path) -> Path:
    good = write_zip(tmp_path / "good.zip", {"_chat.txt": "01/02/2023, 10:00 - Ana: hi\n" * 500})
    cut = tmp_path / "WhatsApp Chat.zip"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    good.unlink()
    return cut


def _late_bad_time(tmp_path: Path) -> Path:
    path = tmp_path / "WhatsApp Chat with Late.txt"
    path.write_text(wa_lines(0, 300) + "15/01/2024, 25:61 - Ana Souza: when?\n", encoding="utf-8")
    return path


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return path


def _unknown(tmp_path: Path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text("Dear diary,\ntoday nothing happened.\n", encoding="utf-8")
    return path


BAD: dict[str, tuple[Any, int | None, str]] = {
    # name: (builder, line named in the error, words in it)
    "empty": (_empty, None, "empty"),
    "undetectable": (_unknown, None, "cannot tell what kind of export"),
    "invalid utf-8": (_bad_utf8, 3, "not UTF-8"),
    "100 MB line": (_huge_line, 1, "longer than"),
    "truncated zip": (_truncated_zip, None, "damaged or incomplete"),
    "bad time late in the file": (_late_bad_time, 301, "not a time of day"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_refused_naming_the_file_and_leaves_the_store_alone(
    seeded: Store, tmp_path: Path, name: str
) -> None:
    build, line, words = BAD[name]
    path = build(tmp_path)
    before = counts(seeded)
    blobs_before = sorted(p.name for p in seeded.blobs.root.rglob("*") if p.is_file())
    with pytest.raises(ChatImportError) as err:
        import_chat_export(seeded, path, ImportOptions(batch_size=50))
    assert str(err.value).startswith(f"{path.name}: ")
    assert words in str(err.value)
    assert err.value.line == line
    assert counts(seeded) == before
    assert sorted(p.name for p in seeded.blobs.root.rglob("*") if p.is_file()) == blobs_before


def test_duplicate_ids_are_imported_once_with_a_warning(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "chats.csv"
    path.write_text(
        "id,timestamp,sender,message\n"
        "m1,2024-05-01T09:00:00Z,Kim,first\n"
        "m2,2024-05-01T09:01:00Z,Kim,second\n"
        "m1,2024-05-01T09:02:00Z,Kim,first again\n",
        encoding="utf-8",
    )
    summary = import_chat_export(store, path)
    assert summary.added == 2
    (warning,) = [w for w in summary.warnings if "repeated an id already seen" in w]
    assert "(line 4)" in warning  # names the line a rep can look at


def test_formula_cells_are_kept_as_text_with_a_warning(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "chats.csv"
    path.write_text(
        "timestamp,sender,message\n"
        '2024-05-01T09:00:00Z,Kim,"=HYPERLINK(""http://evil.example"",""click"")"\n'
        "2024-05-01T09:01:00Z,+44 7700 900123,@everyone hello\n",
        encoding="utf-8",
    )
    summary = import_chat_export(store, path)
    assert summary.added == 2
    assert any("formula" in w and "never evaluated" in w for w in summary.warnings)
    with store.read() as session:
        bodies = sorted(session.scalars(select(Message.body_text)))
    assert bodies == ['=HYPERLINK("http://evil.example","click")', "@everyone hello"]


def test_us_naming_nobody_is_refused_before_anything_is_written(
    seeded: Store, tmp_path: Path
) -> None:
    before = counts(seeded)
    path = tmp_path / "other" / "WhatsApp Chat with Ana Souza.txt"
    path.parent.mkdir()
    path.write_text(wa_lines(0, 5), encoding="utf-8")
    refused = pytest.raises(ChatImportRefusedError, match='nobody in this export is called "Bob"')
    with refused as err:
        import_chat_export(seeded, path, ImportOptions(us=("Bob",)))
    assert "Acme Support, Ana Souza" in str(err.value)
    assert counts(seeded) == before


def test_an_unknown_zone_name_says_what_to_type() -> None:
    assert zone_named("europe/berlin").key == "Europe/Berlin"
    with pytest.raises(UnknownZoneError, match="Europe/Berlin"):
        zone_named("Mars/Olympus")


# -- batches, progress, cancel -------------------------------------------------------------


def _big(tmp_path: Path, n: int = 1_000) -> tuple[Path, int]:
    path = tmp_path / "WhatsApp Chat with Big Customer.txt"
    return path, generate_whatsapp(n, path, seed=5)


def test_large_export_goes_in_batches_with_progress(store: Store, tmp_path: Path) -> None:
    path, total = _big(tmp_path)
    seen: list[tuple[int, int]] = []
    summary = import_chat_export(
        store, path, ImportOptions(batch_size=100), progress=lambda d, t: seen.append((d, t))
    )
    assert summary.added == total and summary.batches == -(-total // 100)
    assert seen and seen[-1] == (total, total)
    assert all(t == total for _, t in seen)
    assert [d for d, _ in seen if d] == sorted(d for d, _ in seen if d)
    with store.read() as session:
        conv = session.scalars(select(Conversation)).one()
        stored = session.scalar(select(func.count()).select_from(Message))
    assert conv.message_count == stored == total


def test_cancel_between_batches_keeps_whole_batches_and_a_rerun_finishes(
    store: Store, tmp_path: Path
) -> None:
    path, total = _big(tmp_path)
    committed: list[int] = []

    def progress(done: int, _total: int) -> None:
        committed.append(done)

    summary = import_chat_export(
        store, path, ImportOptions(batch_size=100), progress=progress,
        cancel=lambda: len(committed) >= 3,
    )  # fmt: skip
    assert summary.cancelled
    assert 0 < summary.added < total and summary.added % 100 == 0
    assert counts(store)["messages"] == summary.added
    rest = import_chat_export(store, path, ImportOptions(batch_size=100))
    assert not rest.cancelled
    assert (rest.added, rest.skipped_duplicates) == (total - summary.added, summary.added)
    with store.read() as session:
        conv = session.scalars(select(Conversation)).one()
    assert conv.message_count == total == counts(store)["messages"]


def test_cancel_of_a_one_batch_import_leaves_nothing(store: Store, tmp_path: Path) -> None:
    path, _ = _big(tmp_path, 300)
    summary = import_chat_export(store, path, ImportOptions(batch_size=10_000), cancel=lambda: True)
    assert summary.cancelled and summary.added == 0
    assert counts(store)["messages"] == counts(store)["conversations"] == 0


def test_cancel_at_the_last_moment_rolls_the_one_transaction_back(
    store: Store, tmp_path: Path
) -> None:
    path, _ = _big(tmp_path, 300)

    def cancel() -> bool:
        # the rep clicks Cancel while the one transaction is being written
        return threading.current_thread().name.startswith("store-writer")

    summary = import_chat_export(store, path, ImportOptions(batch_size=10_000), cancel=cancel)
    assert summary.cancelled and summary.added == 0
    assert counts(store)["messages"] == 0


def test_a_failure_after_some_batches_says_what_was_saved_and_a_rerun_finishes(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, total = _big(tmp_path)
    real = run_module.write_batch
    calls: list[int] = []

    def flaky(uow: Any, batch: Any) -> Any:
        calls.append(1)
        if len(calls) == 3:
            raise OSError("disk unplugged")
        return real(uow, batch=batch)

    monkeypatch.setattr(run_module, "write_batch", flaky)
    with pytest.raises(ChatImportInterruptedError, match="import the export again") as err:
        import_chat_export(store, path, ImportOptions(batch_size=100))
    saved = err.value.summary.added
    assert saved == 200 == counts(store)["messages"]
    monkeypatch.setattr(run_module, "write_batch", real)
    rest = import_chat_export(store, path, ImportOptions(batch_size=100))
    assert rest.added == total - saved and counts(store)["messages"] == total


def test_streaming_reports_count_warnings_and_checks_times_first(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with X.txt"
    path.write_text("01/01/2023, 10:00 - Ana: a\n02/02/2023, 10:00 - Ana: b\n", encoding="utf-8")
    info = StreamInfo()
    with stream_whatsapp(path, info=info) as (_thread, lines):
        assert info.messages == 2
        assert any("day/month" in w for w in info.warnings)
        assert len(list(lines)) == 2
    bad = _late_bad_time(tmp_path)
    with pytest.raises(ChatImportError) as err, stream_whatsapp(bad):
        pytest.fail("the bad time should fail before the first line")
    assert err.value.line == 301


# -- the shared corpus ------------------------------------------------------------------------

CORPUS = corpus_dir("chat")


@pytest.mark.corpus
@pytest.mark.skipif(CORPUS is None, reason="no chat corpus (set SUPPORTDESK_CORPUS)")
def test_every_corpus_export_imports_and_reimports_nothing(tmp_path: Path) -> None:
    assert CORPUS is not None
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "SOURCES.txt")
    assert files
    report = []
    for n, path in enumerate(files):
        store = Store.open(tmp_path / f"profile-{n}")
        try:
            expected = parse_export(path).line_count
            first = import_chat_export(store, path, ImportOptions(tz=zone_named("UTC")))
            again = import_chat_export(store, path, ImportOptions(tz=zone_named("UTC")))
            with store.read() as session:
                stored = session.scalar(select(func.count()).select_from(Message))
        finally:
            store.close()
        assert first.added == expected == stored, path.name
        assert again.added == 0 and again.skipped_duplicates == expected, path.name
        report.append(
            f"{path.relative_to(CORPUS)}: {detect_format(path)}, {len(first.conversations)} "
            f"conversation(s), {first.added} message(s), {first.attachments_stored} file(s) "
            f"stored, {first.attachments_missing} missing, {len(first.warnings)} warning(s)"
        )
    print("\nchat corpus imported:\n  " + "\n  ".join(report))
    if os.environ.get("SUPPORTDESK_CORPUS_REPORT"):
        Path(os.environ["SUPPORTDESK_CORPUS_REPORT"]).write_text("\n".join(report) + "\n")
