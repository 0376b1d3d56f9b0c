"""Hostile and broken mail goes into the store with a visible note, never a crash."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from supportdesk.models import Attachment, Message
from supportdesk.services import inbox
from supportdesk.services.mail.ingest import ingest_raw
from supportdesk.store import Store

HEAD = b"From: x@example.net\r\nTo: support@example.com\r\nSubject: %s\r\nMessage-ID: <%s>\r\n"


def nested(depth: int) -> bytes:
    parts = [HEAD % (b"deep", b"deep@example.net"), b"MIME-Version: 1.0\r\n"]
    parts.append(b'Content-Type: multipart/mixed; boundary="b0"\r\n\r\n')
    for level in range(1, depth):
        parts.append(b"--b%d\r\nContent-Type: multipart/mixed; boundary=\"b%d\"\r\n\r\n"
                     % (level - 1, level))  # fmt: skip
    parts.append(b"--b%d\r\nContent-Type: text/plain\r\n\r\nbottom\r\n" % (depth - 1))
    return b"".join(parts)


def many_parts(count: int) -> bytes:
    parts = [HEAD % (b"many", b"many@example.net"), b"MIME-Version: 1.0\r\n"]
    parts.append(b'Content-Type: multipart/mixed; boundary="p"\r\n\r\n')
    for n in range(count):
        parts.append(
            b"--p\r\nContent-Type: application/octet-stream\r\n"
            b'Content-Disposition: attachment; filename="f%d.bin"\r\n\r\nx\r\n' % n
        )
    parts.append(b"--p--\r\n")
    return b"".join(parts)


CASES = {
    "nesting 1000 deep": nested(1000),
    "3,000 parts": many_parts(3000),
    "16,000 semicolons": HEAD % (b"semi", b"semi@example.net")
    + b"Content-Type: text/plain; " + b";" * 16000 + b"charset=utf-8\r\n\r\nbody\r\n",
    "unknown charset": HEAD % (b"=?x-unknown-42?Q?caf=E9?=", b"cs@example.net")
    + b"Content-Type: text/plain; charset=x-unknown-42\r\n\r\ncaf\xe9 au lait\r\n",
    "path in a filename": HEAD % (b"path", b"path@example.net")
    + b'Content-Type: multipart/mixed; boundary="q"\r\n\r\n--q\r\n'
    b'Content-Type: text/plain\r\nContent-Disposition: attachment; filename="../../x"\r\n\r\n'
    b"data\r\n--q--\r\n",
    "NUL in a filename": HEAD % (b"nul", b"nul@example.net")
    + b'Content-Type: multipart/mixed; boundary="q"\r\n\r\n--q\r\n'
    b"Content-Type: application/octet-stream\r\n"
    b"Content-Disposition: attachment; filename*=utf-8''evil%00.exe%00.txt\r\n\r\n"
    b"data\r\n--q--\r\n",
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_is_stored_with_a_visible_note(store: Store, name: str) -> None:
    raw = CASES[name]
    outcome = ingest_raw(store, raw)
    assert outcome.status == "added"
    with store.read() as session:
        msg = session.scalars(select(Message).where(Message.id == outcome.row_id)).one()
        files = session.scalars(
            select(Attachment.filename).where(Attachment.message_id == msg.id)
        ).all()
        detail = inbox.conversation(session, outcome.conversation_id)
    assert store.blobs.get(msg.raw_sha256 or "") == raw
    problems = msg.meta["problems"]
    assert problems, f"{name}: no note was recorded"
    for filename in files:
        assert "/" not in filename and "\\" not in filename and "\x00" not in filename
        assert not filename.startswith(".")
    assert detail is not None
    [entry] = detail.entries
    assert entry.meta["problems"] == problems  # what the timeline shows as a note
    if name == "3,000 parts":
        assert len(files) <= 1000
    if name == "unknown charset":
        assert "caf" in msg.body_text
