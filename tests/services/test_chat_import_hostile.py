"""Hostile chat exports (issue 13, findings 3 and 4): files beside the export, escapes, bombs.

An import reads only what the export contains: a single file's attachments come from a
folder only when the rep names it, a folder's only from inside it (symlinks and ``..``
resolved), a zip's only from the zip. Zips that unpack too big, list too many files or
pack like a bomb are refused before they are read, with the file named; the bomb is
built here and imported in a child process under a memory limit.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from supportdesk.channels.chat import ChatImportError, _io, importer, parse_export
from supportdesk.cli import main
from supportdesk.models import Attachment
from supportdesk.services.chat_import import ImportOptions, import_chat_export
from supportdesk.store import Store
from tests.services.chat_exports import PNG

ROOT = Path(__file__).resolve().parents[2]
SECRET = b"-----BEGIN OPENSSH PRIVATE KEY----- the rep's own key, never to be uploaded"
CHAT = (
    "[16/01/2024, 10:00:05] Mallory: hello\r\n"
    "[16/01/2024, 10:01:10] Mallory: <attached: .ssh/id_rsa>\r\n"
    "[16/01/2024, 10:01:20] Mallory: <attached: ../secret.txt>\r\n"
    "[16/01/2024, 10:01:30] Mallory: <attached: photo.jpg>\r\n"
    "[16/01/2024, 10:02:00] Acme Support: thanks\r\n"
)


def _stored_bytes(store: Store) -> list[bytes]:
    with store.read() as session:
        shas = list(session.scalars(select(Attachment.sha256)))
    return [store.blobs.get(sha) or b"" for sha in shas]


def _home_with_secrets(tmp_path: Path) -> Path:
    """A downloads folder holding the export next to a private key and other files."""
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_rsa").write_bytes(SECRET)
    (home / "photo.jpg").write_bytes(SECRET)
    (tmp_path / "secret.txt").write_bytes(SECRET)
    (home / "_chat.txt").write_text(CHAT, encoding="utf-8")
    return home / "_chat.txt"


def test_a_single_file_never_reads_its_neighbours(store: Store, tmp_path: Path) -> None:
    path = _home_with_secrets(tmp_path)
    summary = import_chat_export(store, path, ImportOptions(us=("Acme Support",)))
    assert summary.attachments_stored == 0 and summary.attachments_missing == 3
    assert _stored_bytes(store) == []
    blobs = b"".join(p.read_bytes() for p in store.profile.rglob("*") if p.is_file())
    assert SECRET not in blobs


def test_the_cli_reads_attachments_only_from_the_folder_it_is_given(
    tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    path = _home_with_secrets(tmp_path)
    media = tmp_path / "media"
    media.mkdir()
    (media / "photo.jpg").write_bytes(PNG)
    code = main(["import", str(path), "--profile", str(profile), "--json",
                 "--attachments-from", str(media)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["attachments"] == {"stored": 1, "missing": 2}
    store = Store.open(profile)
    try:
        assert _stored_bytes(store) == [PNG]
    finally:
        store.close()
    code = main(["import", str(path), "--profile", str(profile),
                 "--attachments-from", str(tmp_path / "nowhere")])
    assert code != 0 and "is not a folder" in capsys.readouterr().err


def test_a_folder_export_cannot_reach_out_by_symlink_or_dots(store: Store, tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_bytes(SECRET)
    export = tmp_path / "WhatsApp Chat - Mallory"
    (export / ".ssh").mkdir(parents=True)
    (export / ".ssh" / "id_rsa").symlink_to(outside)
    (export / "photo.jpg").symlink_to(outside)
    (export / "_chat.txt").write_text(CHAT, encoding="utf-8")
    transcript = parse_export(export)
    files = [a for c in transcript.chats for line in c.lines for a in line.attachments]
    assert len(files) == 3 and all(transcript.open_attachment(a) is None for a in files)
    summary = import_chat_export(store, export, ImportOptions(us=("Acme Support",)))
    assert summary.attachments_stored == 0
    assert SECRET not in b"".join(_stored_bytes(store))


def test_a_zip_export_reads_only_its_own_members(store: Store, tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(SECRET)
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("_chat.txt", CHAT)
        zf.writestr(".ssh/id_rsa", PNG)
    summary = import_chat_export(store, path, ImportOptions(us=("Acme Support",)))
    assert summary.attachments_stored == 1 and _stored_bytes(store) == [PNG]


# -- bombs and caps ----------------------------------------------------------------------


def _bomb(path: Path, inner: str, size: int) -> Path:
    """A zip whose one member is ``size`` bytes of JSON whitespace (packs ~1000:1)."""
    chunk = b" " * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, zf.open(inner, "w") as fh:
        fh.write(b'{"name": "x", "type": "personal_chat", "id": 1, "messages": [')
        for _ in range(size >> 20):
            fh.write(chunk)
        fh.write(b"]}")
    return path


CHILD = textwrap.dedent("""
    import resource, sys, time
    limit = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from pathlib import Path
    from supportdesk.channels.chat import ChatImportError, parse_export
    start = time.monotonic()
    try:
        parse_export(Path(sys.argv[1]))
        print("PARSED")
    except ChatImportError as exc:
        print("REFUSED", exc)
    # VmHWM, not ru_maxrss: the latter keeps the parent's high-water mark across exec
    status = open("/proc/self/status").read().split("VmHWM:")[1].split()[0]
    print(f"PEAK_MIB {int(status) // 1024} SECONDS {time.monotonic() - start:.2f}")
""")


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_AS"), reason="needs RLIMIT_AS (POSIX)")
def test_a_zip_bomb_is_refused_unread_in_bounded_memory(tmp_path: Path) -> None:
    path = _bomb(tmp_path / "telegram.zip", "ChatExport/result.json", 300 << 20)
    assert path.stat().st_size < 2 << 20  # a 300 MiB JSON in well under 2 MiB
    limit = 1 << 30
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", CHILD, str(path), str(limit)], env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "REFUSED" in run.stdout and "telegram.zip" in run.stdout, run.stdout
    assert "zip bomb" in run.stdout and "result.json" in run.stdout
    peak = int(run.stdout.split("PEAK_MIB ")[1].split()[0])
    seconds = float(run.stdout.split("SECONDS ")[1].split()[0])
    assert peak < 200 and seconds < 5, run.stdout  # refused before anything was inflated


def test_a_zip_that_unpacks_too_big_or_lists_too_much_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as zf:  # stored, not compressed: no bomb ratio
        zf.writestr("_chat.txt", CHAT)
        for i in range(12):
            zf.writestr(f"media/{i}.bin", os.urandom(2048))
    monkeypatch.setattr(_io, "MAX_TOTAL_BYTES", 16 * 1024)
    with pytest.raises(ChatImportError, match=r"unpacks to .* more than") as err:
        parse_export(path)
    assert "export.zip" in str(err.value)
    monkeypatch.setattr(_io, "MAX_TOTAL_BYTES", 2 << 30)
    monkeypatch.setattr(_io, "MAX_MEMBERS", 10)
    with pytest.raises(ChatImportError, match="lists 13 files"):
        parse_export(path)


def test_a_text_stream_and_a_message_count_are_capped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "WhatsApp Chat with Ana.txt"
    line = "15/01/2024, 09:00 - Ana: " + "x" * 1000 + "\n"
    path.write_text(line * 4000, encoding="utf-8")  # about 4 MiB
    monkeypatch.setattr(_io, "MAX_TOTAL_BYTES", 2 << 20)
    with pytest.raises(ChatImportError, match="larger than 2 MiB") as err:
        parse_export(path)
    assert path.name in str(err.value)
    monkeypatch.setattr(_io, "MAX_TOTAL_BYTES", 2 << 30)
    monkeypatch.setattr(importer, "MAX_MESSAGES", 3999)
    with pytest.raises(ChatImportError, match="4,000 messages"):
        parse_export(path)
    with pytest.raises(ChatImportError, match="4,000 messages"), importer.stream_whatsapp(path):
        pass
    started = time.monotonic()
    monkeypatch.setattr(importer, "MAX_MESSAGES", 4000)
    assert parse_export(path).line_count == 4000
    assert time.monotonic() - started < 30
