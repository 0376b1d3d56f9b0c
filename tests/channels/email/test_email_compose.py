"""Outgoing mail: recipients, subjects, threading headers and header injection."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

import pytest

from supportdesk.channels.email.compose import (
    MAX_OUTGOING_REFERENCES,
    OutgoingAttachment,
    OutgoingEmail,
    build_forward,
    build_new,
    build_reply,
)
from supportdesk.channels.email.parse import ParsedEmail, parse_message
from supportdesk.channels.email.threads import thread_message

TAG = "SD-7K3M9Q2X"
OWN = {"support@desk.example", "help@desk.example"}
WHEN = datetime(2025, 7, 2, 8, 0, tzinfo=UTC)


def incoming(*extra: str, subject: str = "Printer broken") -> ParsedEmail:
    lines = [
        "From: Ann Customer <Ann@Customer.example>",
        "To: Support <support@desk.example>, Bob <bob@customer.example>",
        "Cc: carol@customer.example, help@desk.example",
        f"Subject: {subject}",
        "Message-ID: <m2@customer.example>",
        "References: <m0@desk.example> <m1@customer.example>",
        "Date: Tue, 01 Jul 2025 10:00:00 +0000",
        *extra,
    ]
    return parse_message(("\r\n".join(lines) + "\r\n\r\nIt is broken.\r\n").encode())


def reply(original: ParsedEmail, **overrides: object) -> OutgoingEmail:
    arguments: dict[str, object] = {
        "from_name": "Desk",
        "from_addr": "support@desk.example",
        "body_text": "We are on it.",
        "reply_all": False,
        "ticket_tag": TAG,
        "own_addresses": OWN,
        "message_id_domain": "desk.example",
        "date": WHEN,
    }
    arguments.update(overrides)
    return build_reply(original, **arguments)  # type: ignore[arg-type]


def read(raw: bytes) -> EmailMessage:
    return BytesParser(policy=policy.default).parsebytes(raw)


def test_reply_headers() -> None:
    out = reply(incoming())
    msg = read(out.raw)
    assert msg["From"] == "Desk <support@desk.example>"
    assert msg["To"] == "Ann Customer <ann@customer.example>"
    assert msg["Cc"] is None
    assert msg["Subject"] == f"Re: Printer broken [{TAG}]" == out.subject
    assert msg["In-Reply-To"] == "<m2@customer.example>"
    assert msg["References"] == "<m0@desk.example> <m1@customer.example> <m2@customer.example>"
    assert msg["Message-ID"] == f"<{out.message_id}>" and out.message_id.endswith("@desk.example")
    assert msg["Date"] == "Wed, 02 Jul 2025 08:00:00 +0000"
    assert out.recipients == ["ann@customer.example"]
    assert parse_message(out.raw).text == "We are on it."
    assert b"\r\n" in out.raw and b"\n" not in out.raw.replace(b"\r\n", b"")


def test_reply_all_leaves_out_our_own_addresses() -> None:
    out = reply(incoming(), reply_all=True)
    assert out.recipients == [
        "ann@customer.example", "bob@customer.example", "carol@customer.example",
    ]  # fmt: skip
    assert read(out.raw)["Cc"] == "Bob <bob@customer.example>, carol@customer.example"


def test_reply_goes_to_reply_to() -> None:
    out = reply(incoming("Reply-To: Tickets <tickets@customer.example>"))
    assert out.recipients == ["tickets@customer.example"]


def test_replying_to_our_own_message_goes_to_its_recipients() -> None:
    ours = replace(incoming(), from_name="Desk", from_addr="help@desk.example")
    assert reply(ours).recipients == ["bob@customer.example"]


def test_reply_without_recipients_is_refused() -> None:
    lonely = replace(incoming(), from_addr="support@desk.example", to=(), cc=())
    with pytest.raises(ValueError, match="no recipients"):
        reply(lonely, reply_all=True)


@pytest.mark.parametrize(
    "subject",
    [
        "Printer broken",
        "Re: Printer broken",
        "RE: AW: Printer broken",
        f"Re: Printer broken [{TAG}]",
        f"[{TAG}] Fwd: Printer broken",
        "Re: Printer broken [SD-0000OTHR]",
    ],
)
def test_subject_gets_one_re_and_one_tag(subject: str) -> None:
    assert reply(incoming(subject=subject)).subject == f"Re: Printer broken [{TAG}]"


def test_bad_ticket_tag_is_refused() -> None:
    with pytest.raises(ValueError, match="ticket tag"):
        reply(incoming(), ticket_tag="SD-1")


def test_long_references_keep_the_root() -> None:
    refs = tuple(f"r{i}@x.example" for i in range(60))
    out = reply(replace(incoming(), references=refs))
    assert len(out.references) == MAX_OUTGOING_REFERENCES
    assert out.references[0] == "r0@x.example"
    assert out.references[-1] == "m2@customer.example"
    assert out.references[-2] == "r59@x.example"


INJECTIONS = [
    "hi\r\nBcc: evil@attacker.example",
    "hi\nBcc: evil@attacker.example",
    "hi\rBcc: evil@attacker.example",
    "hi\x85Bcc: evil@attacker.example",
    "hi\u2028Bcc: evil@attacker.example",
]


def assert_no_injection(out: OutgoingEmail) -> None:
    for parsed in (read(out.raw), parse_message(out.raw)):
        if isinstance(parsed, EmailMessage):
            assert parsed["Bcc"] is None
            assert not any(key.lower() == "bcc" for key in parsed.keys())  # noqa: SIM118
        else:
            assert all("attacker" not in addr for _, addr in (*parsed.to, *parsed.cc))
    header_block = out.raw.split(b"\r\n\r\n", 1)[0]
    assert not any(line.lower().startswith(b"bcc") for line in header_block.split(b"\r\n"))
    assert "evil@attacker.example" not in out.recipients


def test_encoded_subject_with_crlf_does_not_inject_a_header() -> None:
    raw = (
        b"From: ann@customer.example\r\nSubject: =?utf-8?q?hi=0D=0ABcc:_evil@attacker.example?=\r\n"
        b"Message-ID: <m@x>\r\n\r\nbody"
    )
    original = parse_message(raw)
    out = reply(original)
    assert_no_injection(out)
    assert out.subject == f"Re: hi Bcc: evil@attacker.example [{TAG}]"


@pytest.mark.parametrize("evil", INJECTIONS)
def test_raw_control_characters_in_any_incoming_field_are_stripped(evil: str) -> None:
    original = replace(
        incoming(),
        subject=evil,
        from_name=evil,
        to=((evil, "bob@customer.example"),),
        cc=(("x", "carol@customer.example\r\nBcc: evil@attacker.example"),),
        message_id="m2@customer.example>\r\nBcc: evil@attacker.example",
        references=("m0@desk.example\r\nBcc: evil@attacker.example",),
    )
    out = reply(original, reply_all=True)
    assert_no_injection(out)
    forward = build_forward(
        original,
        from_name="Desk\r\nBcc: evil@attacker.example",
        from_addr="support@desk.example",
        to=[(evil, "vendor@vendor.example")],
        body_text="FYI",
        ticket_tag=TAG,
        message_id_domain="desk.example",
    )
    assert_no_injection(forward)


def test_invalid_addresses_are_left_out_with_a_note() -> None:
    original = replace(incoming(), cc=(("", "not an address"), ("", "x@[1.2.3.4]")))
    out = reply(original, reply_all=True)
    assert "not an address" not in " ".join(out.recipients)
    assert any("not an address" in p for p in out.problems)


def test_non_ascii_names_and_idn_domains() -> None:
    original = replace(incoming(), from_name="Jörg Müller", from_addr="joerg@bücher.example")
    out = reply(original)
    assert out.recipients == ["joerg@xn--bcher-kva.example"]
    assert read(out.raw)["To"].addresses[0].display_name == "Jörg Müller"


def test_reply_with_html_and_inline_image_round_trips() -> None:
    logo = OutgoingAttachment(
        "logo.png", "image/png", b"\x89PNG", content_id="logo@desk", inline=True
    )
    report = OutgoingAttachment("../../report.pdf", "application/pdf", b"%PDF-1.4")
    out = reply(
        incoming(), body_html='<p>On it <img src="cid:logo@desk"></p>', attachments=[logo, report]
    )
    back = parse_message(out.raw)
    assert back.text == "We are on it."
    assert back.html is not None and "cid:logo@desk" in back.html
    assert [(a.filename, a.inline, a.content_id) for a in back.attachments] == [
        ("logo.png", True, "logo@desk"),
        ("report.pdf", False, None),
    ]


def test_a_reply_threads_back_into_its_conversation() -> None:
    original = incoming()
    out = reply(original)

    class Lookup:
        def conversation_for_message_ids(self, ids: object) -> tuple[str, str] | None:
            return ("conv-1", "m2@customer.example") if "m2@customer.example" in ids else None  # type: ignore[operator]

        def conversation_for_ticket_tag(self, tag: str) -> str | None:
            return None

        def open_conversation_for_sender(self, *args: object) -> str | None:
            return None

    decision = thread_message(parse_message(out.raw), Lookup())
    assert (decision.conversation_id, decision.rule) == ("conv-1", "references")


def test_forward_quotes_and_attaches_the_original() -> None:
    raw = (
        b"From: Ann <ann@customer.example>\r\nTo: support@desk.example\r\nSubject: Invoice\r\n"
        b"Message-ID: <inv@customer.example>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        b"--b\r\n\r\nPlease check.\r\n--b\r\nContent-Type: application/pdf\r\n"
        b"Content-Disposition: attachment; filename=inv.pdf\r\n\r\n%PDF\r\n--b--\r\n"
    )
    out = build_forward(
        parse_message(raw),
        from_name="Desk",
        from_addr="support@desk.example",
        to=["vendor@vendor.example", ("Vendor Two", "Vendor@Vendor.example")],
        body_text="Can you look at this?",
        ticket_tag=TAG,
        message_id_domain="desk.example",
        date=WHEN,
    )
    msg = read(out.raw)
    assert out.subject == f"Fwd: Invoice [{TAG}]"
    assert out.recipients == ["vendor@vendor.example"]
    assert msg["In-Reply-To"] is None and msg["References"] == "<inv@customer.example>"
    back = parse_message(out.raw)
    assert back.text.startswith("Can you look at this?\n\n---------- Forwarded message ----------")
    assert "From: Ann <ann@customer.example>" in back.text and back.text.endswith("Please check.")
    assert [(a.filename, a.data) for a in back.attachments] == [("inv.pdf", b"%PDF")]


def test_new_message_keeps_bcc_out_of_the_headers() -> None:
    out = build_new(
        from_name="Desk",
        from_addr="support@desk.example",
        to=[("Ann", "ann@customer.example")],
        bcc=["audit@desk.example"],
        subject="Your ticket",
        body_text="Hello",
        ticket_tag=TAG,
        message_id_domain="desk.example",
        message_id="<fixed.1@desk.example>",
    )
    msg = read(out.raw)
    assert out.recipients == ["ann@customer.example", "audit@desk.example"]
    assert b"audit@desk.example" not in out.raw and msg["Bcc"] is None
    assert (
        out.message_id == "fixed.1@desk.example" and msg["Message-ID"] == "<fixed.1@desk.example>"
    )
    assert out.subject == f"Your ticket [{TAG}]"
    assert msg["In-Reply-To"] is None and msg["References"] is None


def test_bad_sender_or_domain_is_refused() -> None:
    with pytest.raises(ValueError, match="sender"):
        reply(incoming(), from_addr="support@desk.example\r\nBcc: x@y")
    with pytest.raises(ValueError, match="domain"):
        reply(incoming(), message_id_domain="desk.example>\r\nBcc: x@y")
