"""``supportdesk import`` recognises mail by its content, whatever the file is called."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supportdesk.cli import main
from supportdesk.services.chat_import import looks_like_mail
from tests.services.chat_exports import EXPORTS, whatsapp_txt


def message(n: int) -> bytes:
    return (
        f"From: Ana <ana@example.org>\r\nTo: help@shop.example\r\n"
        f"Subject: Order {n}\r\nDate: Mon, 15 Jan 2024 09:0{n}:00 +0000\r\n"
        f"Message-ID: <order-{n}@example.org>\r\n\r\nWhere is order {n}?\r\n"
    ).encode()


def imported(capsys: pytest.CaptureFixture[str], path: Path, profile: Path) -> dict[str, int]:
    assert main(["import", str(path), "--profile", str(profile), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["failed"] == [], data
    return {"added": data["added"], "duplicates": data["skipped_duplicates"]}


def test_txt_and_extensionless_mail_in_a_folder_then_one_by_one(
    tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "saved mail"
    folder.mkdir()
    files = [folder / "order 1.txt", folder / "order2", folder / "order-3.eml"]
    (folder / "order 1.txt").write_bytes(b"\xef\xbb\xbf" + message(1))  # Notepad's BOM
    (folder / "order2").write_bytes(message(2))
    (folder / "order-3.eml").write_bytes(message(3))
    mbox = tmp_path / "archive.txt"
    mbox.write_bytes(b"From ana@example.org Mon Jan 15 09:00:00 2024\n" + message(4)
                     + b"\nFrom ana@example.org Mon Jan 15 09:05:00 2024\n" + message(5))
    assert all(looks_like_mail(p) for p in (folder, *files, mbox))
    assert imported(capsys, folder, profile) == {"added": 3, "duplicates": 0}
    assert imported(capsys, mbox, profile) == {"added": 2, "duplicates": 0}
    # The same mail again, as a folder or file by file: nothing new.
    assert imported(capsys, folder, profile) == {"added": 0, "duplicates": 3}
    for path in files:
        assert imported(capsys, path, profile) == {"added": 0, "duplicates": 1}
    copy = tmp_path / "copy-of-order-1"
    copy.write_bytes(message(1))
    assert imported(capsys, copy, profile) == {"added": 0, "duplicates": 1}


def test_chat_exports_saved_as_txt_stay_chat(tmp_path: Path) -> None:
    assert not looks_like_mail(whatsapp_txt(tmp_path))
    for name in ("whatsapp", "telegram", "slack", "csv", "discord"):
        build, _ = EXPORTS[name]
        target = tmp_path / name
        target.mkdir()
        assert not looks_like_mail(build(target)), name
    notes = tmp_path / "notes.txt"
    notes.write_text("Subject: not mail, just notes\nremember to call Ana\n")
    assert not looks_like_mail(notes)
