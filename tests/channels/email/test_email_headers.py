"""Header decoding, Message-ID and parameter helpers."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from supportdesk.channels.email.headers import (
    clean_line,
    codec_for,
    decode_text,
    decode_words,
    message_ids_in,
    normalise_message_id,
    parse_addresses,
    parse_params,
    strip_crlf,
)


def test_strip_crlf_removes_line_breaks_and_controls() -> None:
    assert strip_crlf("hi\r\nBcc: evil@x") == "hi Bcc: evil@x"
    assert "\n" not in strip_crlf("a\u2028b\x85c\x00d")
    assert strip_crlf("  keep  inner  spaces ") == "keep  inner  spaces"
    assert clean_line(" a \t\r\n b ") == "a b"


def test_encoded_words_decode_and_join_split_characters() -> None:
    # "ö" is split across two encoded words; the bytes must be joined first.
    assert decode_words("=?utf-8?q?J=C3?= =?utf-8?q?=B6rg?=") == "Jörg"
    assert decode_words("=?ISO-8859-1?Q?caf=E9?= ok") == "café ok"
    assert decode_words("=?utf-8?b?w6RiYw==?=") == "äbc"
    assert decode_words("plain =?utf-8?q?x?=") == "plain x"
    assert decode_words("no words here") == "no words here"


def test_unknown_charset_in_header_is_noted() -> None:
    notes: list[str] = []
    assert decode_words("=?x-foo?q?caf=E9?=", notes) == "café"
    assert notes == ["unknown charset x-foo; shown as Latin-1"]


def test_decode_text_handles_stateful_and_refused_codecs() -> None:
    japanese = "すみません".encode("iso-2022-jp")
    assert decode_text(japanese, "ISO-2022-JP") == ("すみません", None)
    assert codec_for("zlib") is None  # bytes-to-bytes codecs are not charsets
    text, note = decode_text("é".encode(), "zlib")
    assert text == "é" and note is not None
    assert decode_text("\u00e9".encode("cp1252"), "us-ascii")[0] == "é"
    assert decode_text(b"\xff\xfe", "utf-8")[1] is not None


def test_message_id_normalisation() -> None:
    assert normalise_message_id(" <Abc.1@Mail.Example.ORG> ") == "Abc.1@mail.example.org"
    assert normalise_message_id("<a\r\n b@x>") == "ab@x"
    long_id = normalise_message_id("<" + "x" * 400 + "@y>")
    assert len(long_id) < 100 and long_id == normalise_message_id(long_id)


@settings(database=None, max_examples=200)
@given(st.text())
def test_message_id_normalisation_is_idempotent(value: str) -> None:
    once = normalise_message_id(value)
    assert normalise_message_id(once) == once
    assert not any(ch in once for ch in "<>\r\n\t ")


def test_message_ids_in_keeps_order_and_drops_duplicates() -> None:
    value = "<a@x> <b@x>\r\n <a@x> (comment) <c@X>"
    assert message_ids_in(value) == ["a@x", "b@x", "c@x"]
    assert message_ids_in("a@x b@y") == ["a@x", "b@y"]


def test_params_quoted_and_rfc2231() -> None:
    mime, params = parse_params('Text/Plain; charset="utf-8"; name="a;b.txt"')
    assert mime == "text/plain" and params == {"charset": "utf-8", "name": "a;b.txt"}
    _, params = parse_params("attachment; filename*=utf-8''%E2%82%AC%20rates.pdf")
    assert params["filename"] == "€ rates.pdf"
    _, params = parse_params("attachment; filename*0*=utf-8''caf%C3%A9; filename*1=\" menu.pdf\"")
    assert params["filename"] == "café menu.pdf"


def test_params_with_16000_semicolons_are_fast() -> None:
    started = time.perf_counter()
    mime, params = parse_params("text/plain" + ";" * 16_000 + "; charset=utf-8")
    assert time.perf_counter() - started < 2  # the bound for hostile input
    assert mime == "text/plain" and params["charset"] == "utf-8"


def test_addresses_with_specials_inside_encoded_words() -> None:
    value = (
        "=?utf-8?q?Evil=0D=0ABcc:_x@evil.test?= <Cust@Example.org>, "
        '"=?utf-8?b?QSwgQg==?=" <ab@x.de>'
    )
    assert parse_addresses(value) == [
        ("Evil Bcc: x@evil.test", "cust@example.org"),
        ("A, B", "ab@x.de"),
    ]


def test_broken_address_lists_fall_back_to_plain_addresses() -> None:
    assert parse_addresses("tim@a.example concierge@a.example") == [
        ("", "tim@a.example"),
        ("", "concierge@a.example"),
    ]
    started = time.perf_counter()
    assert parse_addresses("(" * 16_000 + "a@b.example") == [("", "a@b.example")]
    assert parse_addresses(":" * 16_000) == []
    assert time.perf_counter() - started < 2
