"""import_mail_path on .eml files, folders and mbox files, with duplicates and broken input."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

from sqlalchemy import func, select

from supportdesk.models import Message
from supportdesk.services.mail import import_mail_path
from supportdesk.store import Store
from tests.services.mail.helpers import mail


def count_messages(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(Message)) or 0)


def mbox_of(*raws: bytes) -> bytes:
    """An mboxrd file: lines starting with >*From  get one more >."""
    out = b""
    for raw in raws:
        out += b"From sender@example.net Sat Jun  1 12:00:00 2024\n"
        body = re.sub(rb"(?m)^(>*From )", rb">\1", raw.replace(b"\r\n", b"\n"))
        out += body + b"\n"
    return out


def test_single_eml_then_again_is_a_duplicate(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "one.eml"
    path.write_bytes(mail("One", message_id="one@example.net"))
    first = import_mail_path(store, path)
    second = import_mail_path(store, path)
    assert (first.added, first.duplicates, first.failed) == (1, 0, [])
    assert (second.added, second.duplicates, second.failed) == (0, 1, [])
    assert len(first.conversations) == 1
    assert json.loads(json.dumps(second.as_json())) == {
        "added": 0, "skipped_duplicates": 1, "failed": [], "with_problems": 0,
        "conversations": 0, "cancelled": False,
    }  # fmt: skip


def test_folder_with_eml_mbox_a_duplicate_and_broken_files(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.eml").write_bytes(mail("A", message_id="a@example.net"))
    (folder / "sub" / "b.eml").write_bytes(mail("B", message_id="b@example.net"))
    (folder / "copy-of-a.eml").write_bytes(mail("A", message_id="a@example.net"))
    (folder / "archive.mbox").write_bytes(mbox_of(
        mail("C", message_id="c@example.net", body="From here on it is quoted"),
        mail("Re: C", message_id="c2@example.net", references="<c@example.net>",
             body=">From the first line"),
    ))  # fmt: skip
    (folder / "empty.eml").write_bytes(b"")
    (folder / "notes.txt").write_bytes(b"just some notes\nnot mail at all\n")
    (folder / "image.eml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    damaged = (
        b"From: d@example.net\r\nSubject: damaged\r\nMessage-ID: <d@example.net>\r\n"
        b'Content-Type: multipart/mixed; boundary="zz"\r\n\r\n--zz\r\n'
        b"Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"SGVsbG8gd29y!!bGQ\r\n"
    )
    (folder / "damaged.eml").write_bytes(damaged)
    (folder / ".hidden.eml").write_bytes(mail("Hidden", message_id="h@example.net"))

    summary = import_mail_path(store, folder)

    assert summary.added == 5  # a, b, c, c2, damaged
    assert summary.duplicates == 1
    assert summary.with_problems == 1
    reasons = {Path(item).name: reason for item, reason in summary.failed}
    assert set(reasons) == {"empty.eml", "notes.txt", "image.eml"}
    assert reasons["empty.eml"] == "the file is empty"
    assert "not an email message" in reasons["notes.txt"]
    assert "binary data" in reasons["image.eml"]
    assert "kept as blob" in reasons["image.eml"]
    assert count_messages(store) == 5
    with store.read() as session:
        bodies = dict(session.execute(select(Message.subject, Message.body_text)).all())
        raw_sha = session.scalar(select(Message.raw_sha256).where(Message.subject == "damaged"))
        problems = session.scalar(select(Message.meta).where(Message.subject == "damaged"))
    # mbox >From quoting undone, one level
    assert (bodies["C"], bodies["Re: C"]) == ("From here on it is quoted", ">From the first line")
    assert store.blobs.get(raw_sha or "") == damaged  # the raw is kept exactly
    assert problems["problems"]


def test_mbox_threads_and_reports_progress_and_cancel(store: Store, tmp_path: Path) -> None:
    raws = [mail(f"M{n}", message_id=f"m{n}@example.net") for n in range(450)]
    path = tmp_path / "big.mbox"
    path.write_bytes(mbox_of(*raws))
    seen: list[tuple[int, int]] = []
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done > 0:
            cancel.set()

    summary = import_mail_path(store, path, progress=progress, cancel=cancel)
    assert summary.cancelled
    assert 0 < summary.added < 450
    assert seen[0] == (0, path.stat().st_size)
    rest = import_mail_path(store, path)
    assert rest.added + summary.added == 450
    assert rest.duplicates == summary.added
    assert count_messages(store) == 450


def test_missing_path_and_unreadable_file(store: Store, tmp_path: Path) -> None:
    missing = import_mail_path(store, tmp_path / "nope.mbox")
    assert missing.failed == [(str(tmp_path / "nope.mbox"), "there is no such file or folder")]
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    assert import_mail_path(store, empty).failed == [(str(empty), "the folder holds no files")]
