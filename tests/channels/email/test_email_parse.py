"""parse_message on well-formed and everyday-odd mail."""

from __future__ import annotations

from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportdesk.channels.email.parse import EPOCH, parse_message, safe_filename


def build(
    *,
    subject: str = "Printer on fire",
    sender: str = "Jörg Müller <Joerg@Example.DE>",
    text: str | None = "Hello,\nthe printer is on fire.\n",
    html: str | None = None,
    attachments: tuple[tuple[str, str, bytes], ...] = (),
    headers: tuple[tuple[str, str], ...] = (),
) -> bytes:
    """A message made by the stdlib, as a mail client would send it."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "Support <support@desk.example>, Ann <ann@example.com>"
    msg["Cc"] = "boss@example.com"
    msg["Subject"] = subject
    msg["Date"] = "Tue, 01 Jul 2025 10:52:37 +0200"
    msg["Message-ID"] = "<msg.1@Mail.Example.DE>"
    for name, value in headers:
        msg[name] = value
    if text is not None:
        msg.set_content(text)
    if html is not None:
        if text is None:
            msg.set_content(html, subtype="html")
        else:
            msg.add_alternative(html, subtype="html")
    for filename, mime, data in attachments:
        maintype, subtype = mime.split("/")
        msg.add_attachment(data, maintype, subtype, filename=filename)
    return msg.as_bytes(policy=policy.SMTP)


def test_everyday_multipart_message() -> None:
    raw = build(
        html="<p>Hello,</p><p>the printer is <b>on fire</b>.</p>",
        attachments=(("photo.png", "image/png", b"\x89PNG..."),),
        headers=(("Reply-To", "Desk Replies <replies@example.de>"),),
    )
    m = parse_message(raw)
    assert m.message_id == "msg.1@mail.example.de"
    assert m.subject == "Printer on fire"
    assert (m.from_name, m.from_addr) == ("Jörg Müller", "joerg@example.de")
    assert m.to == (("Support", "support@desk.example"), ("Ann", "ann@example.com"))
    assert m.cc == (("", "boss@example.com"),)
    assert m.reply_to == (("Desk Replies", "replies@example.de"),)
    assert m.date == datetime(2025, 7, 1, 8, 52, 37, tzinfo=UTC)
    assert m.text == "Hello,\nthe printer is on fire."
    assert m.html is not None and "<b>on fire</b>" in m.html
    [photo] = m.attachments
    assert (photo.filename, photo.mime_type, photo.data, photo.size) == (
        "photo.png", "image/png", b"\x89PNG...", 7,
    )  # fmt: skip
    assert not photo.inline and photo.content_id is None
    assert m.language is None
    assert not m.is_auto and m.problems == ()


def test_content_language_hint() -> None:
    raw = b"From: a@example.com\r\nContent-Language: de-DE, en\r\n\r\nHallo"
    assert parse_message(raw).language == "de-de"
    raw = (
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\n"
        b"--b\r\nContent-Language: fr\r\n\r\nSalut\r\n--b--"
    )
    assert parse_message(raw).language == "fr"
    assert parse_message(b"Content-Language: <script>\r\n\r\nx").language is None


def test_html_only_mail_gets_plain_text() -> None:
    html = (
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<p>Dear&nbsp;team,</p><ul><li>one</li><li>two</li></ul><script>x()</script>"
        "<p>Bye</p></body></html>"
    )
    m = parse_message(build(text=None, html=html))
    assert m.html == html + "\n"
    assert m.text == "Dear team,\n\n- one\n- two\n\nBye"


def test_inline_image_in_related_part() -> None:
    msg = EmailMessage()
    msg["From"] = "a@example.com"
    msg["Subject"] = "logo"
    msg.set_content("see logo")
    msg.add_alternative('<p><img src="cid:logo.1@example.com"></p>', subtype="html")
    html_part = list(msg.iter_parts())[-1]
    html_part.add_related(b"GIF89a", "image", "gif", cid="<logo.1@example.com>")
    m = parse_message(msg.as_bytes())
    [logo] = m.attachments
    assert logo.content_id == "logo.1@example.com"
    assert logo.inline and logo.filename == "attachment-1.gif"
    assert m.text == "see logo"


def test_other_renderings_in_alternatives_are_not_files() -> None:
    raw = (
        b"From: a@example.com\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: text/plain\r\n\r\nplain\r\n"
        b"--b\r\nContent-Type: text/x-amp-html\r\n\r\n<html amp4email></html>\r\n"
        b"--b\r\nContent-Type: text/html\r\n\r\n<p>rich</p>\r\n"
        b"--b\r\nContent-Type: text/calendar; method=REQUEST\r\n\r\nBEGIN:VCALENDAR\r\n--b--\r\n"
    )
    m = parse_message(raw)
    assert (m.text, m.html) == ("plain", "<p>rich</p>")
    assert [(a.filename, a.mime_type) for a in m.attachments] == [
        ("attachment-1.ics", "text/calendar")
    ]


def test_threading_headers() -> None:
    refs = " ".join(f"<r{i}@x.example>" for i in range(300))
    raw = build(headers=(("In-Reply-To", "<r299@X.example> (Ann's mail)"), ("References", refs)))
    m = parse_message(raw)
    assert m.in_reply_to == "r299@x.example"
    assert len(m.references) == 200
    assert m.references[0] == "r0@x.example"  # the root survives the cap
    assert m.references[-1] == "r299@x.example"


def test_missing_message_id_is_synthesised_from_the_bytes() -> None:
    raw = b"From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n"
    first, second = parse_message(raw), parse_message(raw)
    assert first.message_id == second.message_id
    assert first.message_id.endswith("@synthesised.invalid") and first.message_id_synthesised
    assert parse_message(raw + b"x").message_id != first.message_id
    assert "no Message-ID" in " ".join(first.problems)


def test_date_fallbacks_are_noted() -> None:
    received = b"Received: from a by b; Wed, 02 Jul 2025 12:00:00 +0000\r\n"
    m = parse_message(received + b"From: a@example.com\r\nDate: someday\r\n\r\nx")
    assert m.date == datetime(2025, 7, 2, 12, tzinfo=UTC)
    assert any("mail server received it" in p for p in m.problems)
    fetched = datetime(2025, 7, 3, 9, tzinfo=UTC)
    m = parse_message(b"From: a@example.com\r\n\r\nx", fallback_date=fetched)
    assert m.date == fetched and any("fetched" in p for p in m.problems)
    m = parse_message(b"From: a@example.com\r\n\r\nx")
    assert m.date == EPOCH and any("1970-01-01" in p for p in m.problems)
    m = parse_message(b"Date: Tue, 1 Jul 2025 10:52:37 -0000\r\n\r\nx")
    assert m.date.tzinfo is UTC


def test_subject_is_decoded_and_put_on_one_line() -> None:
    raw = b"Subject: =?utf-8?q?Re:_caf=C3=A9?=\r\n\t=?utf-8?q?_au_lait?=\x07 \r\n\r\nx"
    assert parse_message(raw).subject == "Re: café au lait"


@pytest.mark.parametrize(
    ("header", "reason_part"),
    [
        ("Auto-Submitted: auto-replied", "Auto-Submitted"),
        ("Precedence: bulk", "Precedence: bulk"),
        ("Precedence: auto_reply", "auto_reply"),
        ("List-Id: <support.lists.example.com>", "List-Id"),
        ("X-Autoreply: yes", "x-autoreply"),
        ("X-Auto-Response-Suppress: All", "X-Auto-Response-Suppress"),
        ("Return-Path: <>", "empty Return-Path"),
    ],
)
def test_machine_mail_is_flagged(header: str, reason_part: str) -> None:
    m = parse_message(f"From: a@example.com\r\n{header}\r\n\r\nI am away.\r\n".encode())
    assert m.is_auto and m.auto_reason is not None and reason_part in m.auto_reason


def test_people_mail_is_not_flagged() -> None:
    m = parse_message(b"From: a@example.com\r\nAuto-Submitted: no\r\n\r\nhi")
    assert not m.is_auto and m.auto_reason is None


def test_bounce_from_mailer_daemon_is_flagged() -> None:
    raw = (
        b"From: MAILER-DAEMON@mx.example\r\nContent-Type: multipart/report; "
        b"report-type=delivery-status; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
        b"Delivery failed.\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n"
        b"Status: 5.1.1\r\n--b--\r\n"
    )
    m = parse_message(raw)
    assert m.is_auto and "delivery-status" in (m.auto_reason or "")
    assert m.text == "Delivery failed."
    assert [a.mime_type for a in m.attachments] == ["message/delivery-status"]


def test_forwarded_message_becomes_an_eml_attachment() -> None:
    inner = b"From: x@example.com\r\nSubject: Original / question\r\n\r\nWhat?\r\n"
    raw = (
        b"From: a@example.com\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n"
        b"--zz\r\nContent-Type: text/plain\r\n\r\nSee below.\r\n"
        b"--zz\r\nContent-Type: message/rfc822\r\n\r\n" + inner + b"--zz--\r\n"
    )
    m = parse_message(raw)
    [eml] = m.attachments
    assert eml.filename == "Original _ question.eml"
    assert eml.data.rstrip(b"\r\n") == inner.rstrip(b"\r\n")
    assert m.text == "See below."


def test_charsets_in_bodies() -> None:
    raw = b"Content-Type: text/plain; charset=ISO-2022-JP\r\n\r\n" + "すみません。".encode(
        "iso-2022-jp"
    )
    assert parse_message(raw).text == "すみません。"
    raw = b"Content-Type: text/plain; charset=x-foo\r\n\r\ncaf\xe9"
    m = parse_message(raw)
    assert m.text == "café" and "unknown charset x-foo; shown as Latin-1" in m.problems
    raw = b"Content-Type: text/plain; charset=ks_c_5601-1987\r\n\r\n" + "안녕".encode("cp949")
    assert parse_message(raw).text == "안녕"


def test_transfer_encodings() -> None:
    qp = b"Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/plain; charset=utf-8"
    m = parse_message(qp + b"\r\n\r\ncaf=C3=A9 au=\r\n lait")
    assert m.text == "café au lait"
    b64 = b"Content-Transfer-Encoding: base64\r\n\r\naGVsbG8gd29y!!bGQ"
    m = parse_message(b64)
    assert m.text.startswith("hello wor")
    assert any("damaged base64" in p for p in m.problems)
    odd = parse_message(b"Content-Transfer-Encoding: 8-bit\r\n\r\nplain")
    assert odd.text == "plain"
    assert not any("transfer encoding" in p for p in odd.problems)
    weird = parse_message(b"Content-Transfer-Encoding: x-rot13\r\n\r\nuryyb")
    assert weird.text == "uryyb" and any("x-rot13" in p for p in weird.problems)


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../x", "x"),
        ("..\\..\\windows\\system32\\evil.dll", "evil.dll"),
        ("report\x00.pdf.exe", "report_.pdf.exe"),
        ("invoice\u202egpj.exe", "invoicegpj.exe"),
        (".bashrc", "bashrc"),
        ("CON.txt", "_CON.txt"),
        ("lpt1", "_lpt1"),
        ('a<b>:"c"|?*.txt', "a_b___c____.txt"),
        ("Übersicht – März.pdf", "Übersicht – März.pdf"),
        ("trailing. . ", "trailing"),
        ("", "attachment"),
        ("...", "attachment"),
        ("/", "attachment"),
    ],
)
def test_safe_filename(name: str, safe: str) -> None:
    assert safe_filename(name) == safe


def test_safe_filename_caps_length_and_keeps_extension() -> None:
    name = safe_filename("ü" * 300 + ".pdf")
    assert name.endswith(".pdf") and len(name.encode("utf-8")) <= 200


def test_unsafe_attachment_names_are_reported() -> None:
    raw = build(attachments=(("../../etc/passwd", "application/octet-stream", b"x"),))
    m = parse_message(raw)
    assert m.attachments[0].filename == "passwd"
    assert "attachment name '../../etc/passwd' made safe" in m.problems


_words = (
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
        min_size=1,
        max_size=30,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


@settings(
    database=None, max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    subject=_words,
    name=_words,
    body=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=300),
    filename=_words,
    data=st.binary(max_size=200),
)
def test_agrees_with_stdlib_on_well_formed_mail(
    subject: str, name: str, body: str, filename: str, data: bytes
) -> None:
    msg = EmailMessage()
    display_name = " ".join(name.replace("\\", "").replace('"', "").split())
    msg["From"] = f'"{display_name}" <who@example.com>'
    msg["Subject"] = subject
    msg.set_content(body + "\n")
    msg.add_attachment(data, "application", "octet-stream", filename=filename)
    raw = msg.as_bytes(policy=policy.SMTP)
    ref = BytesParser(policy=policy.default).parsebytes(raw)
    mine = parse_message(raw)
    # Headers are checked against what was sent: the stdlib's own reading of
    # long encoded display names sometimes inserts a space between words.
    assert mine.subject == subject
    assert mine.from_name == display_name
    body_part = ref.get_body(("plain",))
    assert body_part is not None
    expected = body_part.get_content().replace("\r\n", "\n").strip("\n")
    assert mine.text == (expected if expected.strip() else "")  # blank parts are dropped
    [attachment] = mine.attachments
    [ref_attachment] = list(ref.iter_attachments())
    assert attachment.data == ref_attachment.get_content()
    assert attachment.filename == safe_filename(ref_attachment.get_filename() or "")
