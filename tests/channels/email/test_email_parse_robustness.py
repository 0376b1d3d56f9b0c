"""Hostile and broken mail: parse_message answers quickly, with a note, and never raises."""

from __future__ import annotations

import time
from email import policy
from email.message import EmailMessage

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportdesk.channels.email.parse import MAX_DEPTH, MAX_PARTS, ParsedEmail, parse_message

TIME_LIMIT = 2.0


def timed(raw: bytes) -> ParsedEmail:
    """Parse and check the 2-second budget."""
    started = time.perf_counter()
    parsed = parse_message(raw)
    assert time.perf_counter() - started < TIME_LIMIT
    return parsed


def nested(depth: int) -> bytes:
    body = b"Content-Type: text/plain\r\n\r\nleaf\r\n"
    for level in range(depth):
        boundary = b"b%d" % level
        body = (
            b'Content-Type: multipart/mixed; boundary="' + boundary + b'"\r\n\r\n--' + boundary
            + b"\r\n" + body + b"\r\n--" + boundary + b"--\r\n"
        )  # fmt: skip
    return b"From: a@example.com\r\n" + body


def test_nesting_1000_deep_stops_at_the_cap() -> None:
    m = timed(nested(1000))
    assert f"part nesting deeper than {MAX_DEPTH} levels was not read" in m.problems
    assert m.text == ""


def test_nesting_within_the_cap_is_read() -> None:
    assert timed(nested(MAX_DEPTH - 1)).text == "leaf"


def test_3000_parts_are_capped() -> None:
    parts = b"".join(
        b"--XX\r\nContent-Type: application/octet-stream\r\n\r\npart %d\r\n" % i
        for i in range(3000)
    )
    raw = b"Content-Type: multipart/mixed; boundary=XX\r\n\r\n" + parts + b"--XX--\r\n"
    m = timed(raw)
    assert len(m.attachments) == MAX_PARTS - 1  # the container counts as one part
    assert f"message has more than {MAX_PARTS} parts; the rest were not read" in m.problems


def test_header_with_16000_semicolons() -> None:
    raw = (
        b"From: a@example.com\r\nContent-Type: text/plain" + b";" * 16_000 + b"\r\n"
        b"Content-Disposition: inline" + b";" * 16_000 + b"\r\n\r\nhello"
    )
    assert timed(raw).text == "hello"


def test_filename_with_16000_semicolons() -> None:
    raw = (
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
        b'Content-Disposition: attachment; filename="a' + b";" * 16_000 + b'.txt"\r\n\r\nx\r\n--b--'
    )
    [attachment] = timed(raw).attachments
    assert attachment.filename.endswith(";.txt")
    assert len(attachment.filename.encode()) <= 200


@pytest.mark.parametrize(
    "raw",
    [
        b"Subject: " + b"x" * 2_000_000 + b"\r\n\r\nbody",
        b"From: a@example.com\r\n" + b"X-A: y\r\n" * 100_000 + b"\r\nbody",
        b"Subject: a\r\n" + b" folded\r\n" * 200_000 + b"\r\nbody",
    ],
    ids=["2MB-header", "100k-headers", "200k-folds"],
)
def test_huge_headers_are_cut_with_a_note(raw: bytes) -> None:
    m = timed(raw)
    assert m.problems
    assert len(m.subject) <= 70_000


def test_bad_base64_and_qp() -> None:
    raw = (
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
        b"Content-Transfer-Encoding: base64\r\nContent-Type: application/pdf; name=x.pdf\r\n\r\n"
        b"JVBERi0x%%%LjQK=====A\r\n--b\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        b"broken =ZZ soft=\r\nbreak =E9\r\n--b--\r\n"
    )
    m = timed(raw)
    assert m.attachments[0].data.startswith(b"%PDF-1")
    assert any("damaged base64" in p for p in m.problems)
    assert m.text.startswith("broken =ZZ softbreak")


def test_missing_boundaries() -> None:
    no_param = b"Content-Type: multipart/mixed\r\n\r\njust text"
    m = timed(no_param)
    assert m.text == "just text" and any("no readable parts" in p for p in m.problems)
    unclosed = (
        b"Content-Type: multipart/mixed; boundary=q\r\n\r\n--q\r\n\r\nfirst\r\n--q\r\n\r\ncut off"
    )
    m = timed(unclosed)
    assert m.text == "first\n\ncut off"
    assert "the message ends before its last part was closed" in m.problems


def test_hostile_filenames_are_made_safe() -> None:
    raw = (
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\n"
        b'--b\r\nContent-Disposition: attachment; filename="../../x"\r\n\r\n1\r\n'
        b"--b\r\nContent-Disposition: attachment; filename*=utf-8''evil%00.exe\r\n\r\n2\r\n--b--"
    )
    m = timed(raw)
    assert [a.filename for a in m.attachments] == ["x", "evil_.exe"]
    assert "attachment name '../../x' made safe" in m.problems


def test_address_headers_that_crash_the_stdlib() -> None:
    raw = b"From: " + b"(" * 16_000 + b"\r\nTo: " + b":" * 16_000 + b"\r\n\r\nx"
    m = timed(raw)
    assert m.from_addr == "" and m.to == ()


def test_empty_and_garbage_input() -> None:
    for raw in (b"", b"\r\n", b"\x00" * 100, b"--\r\n--", bytes(range(256)) * 10):
        m = timed(raw)
        assert m.message_id.endswith("@synthesised.invalid")


def _template() -> bytes:
    msg = EmailMessage()
    msg["From"] = "Ann <ann@example.com>"
    msg["Subject"] = "=?utf-8?q?caf=C3=A9?="
    msg.set_content("Hello there\n" * 5)
    msg.add_alternative("<p>Hello <img src='cid:x'></p>", subtype="html")
    msg.add_attachment(b"data" * 10, "application", "pdf", filename="a.pdf")
    return msg.as_bytes(policy=policy.SMTP)


TEMPLATE = _template()


@settings(
    database=None, max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    st.lists(
        st.tuples(st.integers(0, len(TEMPLATE)), st.integers(0, 40), st.binary(max_size=40)),
        max_size=8,
    )
)
def test_mutated_mail_never_raises(edits: list[tuple[int, int, bytes]]) -> None:
    raw = bytearray(TEMPLATE)
    for position, cut, insert in edits:
        raw[position : position + cut] = insert
    m = parse_message(bytes(raw))
    assert isinstance(m.text, str) and m.date.tzinfo is not None


@settings(database=None, max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(raw: bytes) -> None:
    assert parse_message(raw).message_id
