"""WhatsApp text exports: Android and iOS, locales, media, zips, errors."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from supportdesk.channels.chat import ChatImportError, parse_export, preview, stream_whatsapp
from tests.channels.chat.gen import generate_whatsapp, write_zip

LRM = "\u200e"
NNBSP = "\u202f"


def _write(tmp_path: Path, text: str, name: str = "WhatsApp Chat with Acme Support.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _lines(tmp_path: Path, text: str, **kw: object):  # type: ignore[no-untyped-def]
    t = parse_export(_write(tmp_path, text), **kw)  # type: ignore[arg-type]
    assert t.format == "whatsapp"
    return t.chats[0].lines


def test_android_24h_messages_multiline_and_system(tmp_path: Path) -> None:
    text = (
        "12/07/2017, 22:35 - Messages to this group are now secured with end-to-end encryption.\n"
        "12/07/2017, 22:35 - Johannes Gruber: <Media omitted>\n"
        "13/07/2017, 09:12 - Maria: It's fun doing text analysis with R\n"
        "isn't it?\n"
        "13/07/2017, 09:16 - Johannes Gruber: Haha: it sure is\n"
    )
    t = parse_export(_write(tmp_path, text))
    chat = t.chats[0]
    assert chat.title == "Acme Support"
    assert [p.name for p in chat.participants] == ["Johannes Gruber", "Maria"]
    assert all(p.is_agent is None for p in chat.participants)
    first, media, multi, colon = chat.lines
    assert first.kind == "system" and first.author_key is None
    assert media.text == "" and media.attachments[0].missing
    assert multi.text == "It's fun doing text analysis with R\nisn't it?"
    assert multi.time == datetime(2017, 7, 13, 9, 12)
    assert multi.line_no == 3 and colon.line_no == 5
    assert colon.text == "Haha: it sure is"
    assert t.needs_timezone is True


def test_ios_with_seconds_brackets_and_bidi_marks(tmp_path: Path) -> None:
    text = (
        f"[3/18/22, 14:56:01] Elon Musk: {LRM}Messages and calls are end-to-end encrypted.\r\n"
        "[3/27/22, 21:41:35] Dmitry S: Hello World\r\n"
        f"{LRM}[3/27/22, 21:41:55] Dmitry S: {LRM}image omitted\r\n"
        f"{LRM}[3/27/22, 21:50:25] Dmitry S: Resume.pdf • {LRM}2 pages {LRM}document omitted\r\n"
        f"[4/28/22, 20:17:30] Elon Musk: {LRM}{LRM}Your security code with Elon changed.\r\n"
    )
    lines = _lines(tmp_path, text)
    assert [ln.kind for ln in lines] == ["system", "message", "message", "message", "system"]
    assert lines[1].time == datetime(2022, 3, 27, 21, 41, 35)  # month/day: 27 > 12
    assert lines[2].attachments[0].name == "image" and lines[2].text == ""
    assert lines[3].attachments[0].name == "Resume.pdf"
    assert lines[3].attachments[0].mime == "application/pdf"
    assert LRM not in lines[4].text


def test_date_order_is_inferred_from_the_whole_file(tmp_path: Path) -> None:
    # The first dates are ambiguous; only the last line proves month/day order.
    text = (
        "01/02/2023, 10:00 - Ana: first\n"
        "01/03/2023, 10:00 - Ana: second\n"
        "01/25/2023, 10:00 - Ana: third\n"
    )
    lines = _lines(tmp_path, text)
    assert [ln.time.date().isoformat() for ln in lines] == [
        "2023-01-02",
        "2023-01-03",
        "2023-01-25",
    ]


def test_day_first_when_a_day_exceeds_twelve_anywhere(tmp_path: Path) -> None:
    text = "05/04/2023, 10:00 - Ana: a\n06/04/2023, 10:00 - Ana: b\n30/04/2023, 10:00 - Ana: c\n"
    lines = _lines(tmp_path, text)
    assert lines[0].time == datetime(2023, 4, 5, 10, 0)


def test_ambiguous_order_uses_chronology_then_warns(tmp_path: Path) -> None:
    # Read as day/month these go backwards (Feb 1 -> Jan 2); month/day is steady.
    chrono = "02/01/2023, 10:00 - Ana: a\n01/02/2023, 10:00 - Ana: b\n"
    assert _lines(tmp_path, chrono)[0].time.month == 1
    t = parse_export(_write(tmp_path, "03/04/2023, 10:00 - Ana: only one date\n"))
    assert t.chats[0].lines[0].time == datetime(2023, 4, 3, 10, 0)
    both = "03/04/2023, 10:00 - Ana: a\n04/04/2023, 10:00 - Ana: b\n04/03/2023, 10:00 - Ana: c\n"
    warned = parse_export(_write(tmp_path, both, "other.txt"))
    assert any("day/month" in w for w in warned.warnings)


def test_date_order_can_be_forced(tmp_path: Path) -> None:
    path = _write(tmp_path, "03/04/2023, 10:00 - Ana: a\n")
    t = parse_export(path, date_order="mdy")
    assert t.chats[0].lines[0].time == datetime(2023, 3, 4, 10, 0)


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        (f"1/7/23, 11:32{NNBSP}PM", (23, 32)),
        ("1/7/23, 11:32\u00a0AM", (11, 32)),
        ("1/7/23, 12:05 AM", (0, 5)),
        ("1/7/23, 12:05 PM", (12, 5)),
        ("01/07/2023, 08:49 p. m.", (20, 49)),
        ("01/07/2023, 00:08 a. m.", (0, 8)),
        ("01/07/2023, 9:15 a.m.", (9, 15)),
    ],
)
def test_twelve_hour_clock_variants(tmp_path: Path, stamp: str, expected: tuple[int, int]) -> None:
    lines = _lines(tmp_path, f"{stamp} - Bea: hola\n")
    assert (lines[0].time.hour, lines[0].time.minute) == expected
    assert lines[0].text == "hola" and lines[0].author_name == "Bea"


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("2019/01/30, 20:49 - Jo: x", datetime(2019, 1, 30, 20, 49)),
        ("23-03-2022 13:31 - Jo: x", datetime(2022, 3, 23, 13, 31)),
        ("[20.06.19, 15:58:47] Jo: x", datetime(2019, 6, 20, 15, 58, 47)),
        ("20.06.19, 15:58 - Jo: x", datetime(2019, 6, 20, 15, 58)),
        ("[2019-06-20 15:58:47] Jo: x", datetime(2019, 6, 20, 15, 58, 47)),
    ],
)
def test_locale_date_layouts(tmp_path: Path, line: str, when: datetime) -> None:
    assert _lines(tmp_path, line + "\n")[0].time == when


def test_system_line_containing_colon_is_not_an_author(tmp_path: Path) -> None:
    text = (
        "01/02/2023, 10:00 - Ana Lima: hello\n"
        "01/02/2023, 10:01 - Ana Lima: are you there\n"
        '01/02/2023, 10:02 - Ana Lima changed the subject to "Order: 1234"\n'
        "01/02/2023, 10:03 - Ana Lima Souza: a real one-off author\n"
    )
    lines = _lines(tmp_path, text)
    assert lines[2].kind == "system" and lines[2].text.startswith("Ana Lima changed")
    assert lines[3].kind == "message" and lines[3].author_name == "Ana Lima Souza"


def test_author_without_space_after_colon(tmp_path: Path) -> None:
    text = "01/20/2019, 11:23 - John Doe:.\n01/21/2019, 11:23 - John Doe: hi\n"
    lines = _lines(tmp_path, text)
    assert (lines[0].author_name, lines[0].text) == ("John Doe", ".")


def test_phone_number_authors_get_a_phone(tmp_path: Path) -> None:
    t = parse_export(_write(tmp_path, "01/02/2023, 10:00 - +44 7700 900123: hi\n"))
    (person,) = t.chats[0].participants
    assert person.phone == "+447700900123"


def test_zip_attachments_present_and_missing(tmp_path: Path) -> None:
    chat = (
        "[20.06.19, 16:00:15] Loris: <attached: 00000001-PHOTO-2019-06-20-16-00-15.jpg>\r\n"
        "[20.06.19, 16:01:42] Loris: <attached: 00000002-VIDEO-2019-06-20-16-01-42.mp4>\r\n"
        f"[20.06.19, 16:02:00] Emily: {LRM}IMG-20190620-WA0001.jpg (file attached)\r\n"
        "look at this\r\n"
    )
    photo = b"\xff\xd8\xff\xe0fake-jpeg"
    path = write_zip(
        tmp_path / "WhatsApp Chat - Team.zip",
        {
            "_chat.txt": chat,
            "00000001-PHOTO-2019-06-20-16-00-15.jpg": photo,
            "IMG-20190620-WA0001.jpg": b"second",
        },
    )
    t = parse_export(path)
    assert t.chats[0].title == "Team"
    photo_line, video_line, caption_line = t.chats[0].lines
    (att,) = photo_line.attachments
    assert (att.member, att.missing, att.mime) == (
        "00000001-PHOTO-2019-06-20-16-00-15.jpg",
        False,
        "image/jpeg",
    )
    assert t.open_attachment(att) == photo
    assert video_line.attachments[0].missing and video_line.attachments[0].member is None
    assert t.open_attachment(video_line.attachments[0]) is None
    assert caption_line.text == "look at this"
    assert t.open_attachment(caption_line.attachments[0]) == b"second"


def test_txt_with_media_beside_it(tmp_path: Path) -> None:
    (tmp_path / "PTT-20220323-WA0000.opus").write_bytes(b"OggS")
    path = _write(
        tmp_path, f"18-03-2022 15:12 - Dmitry: {LRM}PTT-20220323-WA0000.opus (bestand bijgevoegd)\n"
    )
    assert parse_export(path).chats[0].lines[0].attachments[0].missing
    t = parse_export(path, attachments_from=tmp_path)
    (att,) = t.chats[0].lines[0].attachments
    assert not att.missing and att.mime == "audio/ogg"
    assert t.open_attachment(att) == b"OggS"


def test_folder_with_chat_txt(tmp_path: Path) -> None:
    folder = tmp_path / "WhatsApp Chat with Bob"
    folder.mkdir()
    (folder / "_chat.txt").write_text("[01/02/2023, 10:00:00] Bob: hi\n", encoding="utf-8")
    t = parse_export(folder)
    assert t.format == "whatsapp" and t.chats[0].title == "Bob"


def test_timezone_makes_times_aware(tmp_path: Path) -> None:
    zone = ZoneInfo("Europe/Berlin")
    t = parse_export(_write(tmp_path, "01/07/2023, 10:00 - Ana: hi\n"), tz=zone)
    assert t.chats[0].lines[0].time == datetime(2023, 7, 1, 10, 0, tzinfo=zone)
    assert t.needs_timezone is False


def test_utf8_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes("\ufeff01/02/2023, 10:00 - Ana: olá\r\nmais\r\n".encode())
    (line,) = parse_export(path).chats[0].lines
    assert line.text == "olá\nmais"


def test_not_whatsapp_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "\nhello there\n01/02/2023, 10:00 - Ana: hi\n", "notes.txt")
    with pytest.raises(ChatImportError) as err:
        parse_export(path, fmt="whatsapp")
    assert err.value.line == 2
    assert str(err.value) == (
        "notes.txt: line 2: this does not look like a WhatsApp export: "
        "no date at the start of the line"
    )


def test_impossible_date_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "2023/01/02, 10:00 - Ana: a\n2023/02/30, 10:00 - Ana: b\n")
    with pytest.raises(ChatImportError) as err:
        parse_export(path)
    assert err.value.line == 2 and "not a real date" in str(err.value)


def test_mixed_day_orders_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "13/01/2023, 10:00 - Ana: a\n01/13/2023, 10:00 - Ana: b\n")
    with pytest.raises(ChatImportError, match="mix day/month"):
        parse_export(path)


def test_preview_reads_only_the_first_lines(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    total = generate_whatsapp(5_000, path)
    assert total > 1_000
    t = preview(path, limit=50)
    assert t.line_count == 50
    assert any("preview" in w for w in t.warnings)
    assert t.chats[0].lines[:50] == parse_export(path).chats[0].lines[:50]


def test_generator_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "gen.txt"
    count = generate_whatsapp(2_000, path, style="ios", twelve_hour=True)
    assert path.read_text(encoding="utf-8").count("\n") == 2_000
    t = parse_export(path)
    assert t.line_count == count
    times = [ln.time for ln in t.chats[0].lines]
    assert times == sorted(times)


def test_streaming_gives_the_same_lines_as_parsing(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Big Customer.txt"
    generate_whatsapp(3_000, path)
    full = parse_export(path).chats[0]
    with stream_whatsapp(path) as (thread, lines):
        streamed = list(lines)
    assert thread.title == "Big Customer"
    assert streamed == full.lines
    assert set(thread.participants) == set(full.participants)


def test_streaming_reports_bad_input_as_chat_import_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "01/02/2023, 10:00 - Ana: hi\n01/02/2023, 25:00 - Ana: late\n")
    with pytest.raises(ChatImportError) as err, stream_whatsapp(path) as (_, lines):
        list(lines)
    assert err.value.line == 2 and "not a time of day" in str(err.value)
