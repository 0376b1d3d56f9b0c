"""Small chat exports of every supported format, written for the import tests.

Each builder writes an export under a folder and returns its path; every
export holds a word found nowhere else (``WORDS``) so a test can check that
the import made it searchable.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tests.channels.chat.gen import FIXTURES, write_zip

PNG = b"\x89PNG\r\n\x1a\n" + b"fake image bytes for the import tests"
PDF = b"%PDF-1.4 fake receipt"


def wa_lines(start: int, stop: int, *, base: datetime | None = None) -> str:
    """Android WhatsApp lines numbered start..stop-1, one minute apart, two authors."""
    base = base or datetime(2024, 1, 15, 9, 0)
    out = []
    for i in range(start, stop):
        when = base + timedelta(minutes=i)
        who = "Acme Support" if i % 3 == 0 else "Ana Souza"
        out.append(f"{when:%d/%m/%Y, %H:%M} - {who}: message number {i} about the marmalade\n")
    return "".join(out)


def whatsapp_txt(folder: Path) -> Path:
    """A 1:1 Android export, "WhatsApp Chat with Ana Souza.txt", 24 h, with a system line."""
    path = folder / "WhatsApp Chat with Ana Souza.txt"
    path.write_text(
        "15/01/2024, 08:59 - Messages and calls are end-to-end encrypted. No one outside of this "
        "chat can read them.\n"
        "15/01/2024, 09:00 - Ana Souza: Hello, my blender arrived broken 🥲\n"
        "15/01/2024, 09:02 - Acme Support: Sorry to hear! Can you send a photo?\n"
        "15/01/2024, 09:03 - Ana Souza: <Media omitted>\n"
        "15/01/2024, 09:05 - Ana Souza: Here it is, the lid is cracked\n"
        "and the motor rattles (zebrafish noise)\n"
        "15/01/2024, 09:07 - Acme Support: A replacement is on its way.\n",
        encoding="utf-8",
    )
    return path


def whatsapp_zip(folder: Path) -> Path:
    """An iOS export zip with a photo included and a video left out."""
    chat = (
        "[16/01/2024, 10:00:05] Bruno Lima: Good morning, the kettle whistles like a narwhal\r\n"
        "[16/01/2024, 10:01:10] Bruno Lima: <attached: 00000001-PHOTO-2024-01-16-10-01-10.jpg>\r\n"
        "[16/01/2024, 10:01:42] Bruno Lima: <attached: 00000002-VIDEO-2024-01-16-10-01-42.mp4>\r\n"
        "[16/01/2024, 10:03:00] Acme Support: Thanks, we will swap it\r\n"
    )
    return write_zip(
        folder / "WhatsApp Chat - Bruno Lima.zip",
        {"_chat.txt": chat, "00000001-PHOTO-2024-01-16-10-01-10.jpg": PNG},
    )


def telegram_folder(folder: Path) -> Path:
    """A Telegram Desktop single-chat export folder: result.json and photos/."""
    root = folder / "ChatExport_2024-02-01"
    (root / "photos").mkdir(parents=True)
    (root / "photos" / "photo_1@01-02-2024_10-03-00.jpg").write_bytes(PNG)
    messages = [
        {"id": 1, "type": "service", "date": "2024-02-01T10:00:00", "date_unixtime": "1706781600",
         "actor": "Olga Agent", "actor_id": "user11", "action": "invite_members",
         "members": ["Sam Client"], "text": ""},
        {"id": 2, "type": "message", "date": "2024-02-01T10:01:00", "date_unixtime": "1706781660",
         "from": "Sam Client", "from_id": "user22", "text": "My order of quokka plush never came"},
        {"id": 3, "type": "message", "date": "2024-02-01T10:02:00", "date_unixtime": "1706781720",
         "from": "Olga Agent", "from_id": 11, "reply_to_message_id": 2,
         "text": ["Sorry! ", {"type": "bold", "text": "Tracking"}, ": T-88"]},
        {"id": 4, "type": "message", "date": "2024-02-01T10:03:00", "date_unixtime": "1706781780",
         "from": "Sam Client", "from_id": "user22",
         "photo": "photos/photo_1@01-02-2024_10-03-00.jpg", "text": "the empty box"},
    ]  # fmt: skip
    doc = {"name": "Acme Support", "type": "private_supergroup", "id": 4242,
           "messages": messages}  # fmt: skip
    (root / "result.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return root


def telegram_account(folder: Path) -> Path:
    """A whole-account result.json with two chats."""
    def chat(cid: int, name: str, who: str, uid: str, text: str) -> dict[str, Any]:
        return {"id": cid, "name": name, "type": "personal_chat", "messages": [
            {"id": 1, "type": "message", "date": "2024-03-01T09:00:00",
             "date_unixtime": "1709283600", "from": who, "from_id": uid, "text": text},
            {"id": 2, "type": "message", "date": "2024-03-01T09:01:00",
             "date_unixtime": "1709283660", "from": "Acme", "from_id": "user1",
             "text": "We are on it"},
        ]}  # fmt: skip

    doc = {"about": "x", "chats": {"about": "y", "list": [
        chat(501, "Kim Park", "Kim Park", "user501", "Printer prints only axolotl pictures"),
        chat(502, "Lou Reed", "Lou Reed", "user502", "Password reset loops forever"),
    ]}}  # fmt: skip
    path = folder / "result.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


HOME, OTHER = "T0HOME", "T0CUST"


def slack_zip(folder: Path) -> Path:
    """A Slack export with an internal channel and a shared (Slack Connect) one with a file."""
    users = [
        {"id": "U1", "team_id": HOME, "name": "olga", "real_name": "Olga Agent",
         "profile": {"real_name": "Olga Agent", "team": HOME}, "is_bot": False},
        {"id": "U9", "team_id": OTHER, "name": "carla", "real_name": "Carla Customer",
         "profile": {"real_name": "Carla Customer", "team": OTHER, "phone": "+1 415 555 0199"},
         "is_bot": False},
    ]  # fmt: skip
    channels = [
        {"id": "C1", "name": "general", "members": ["U1"]},
        {"id": "C2", "name": "ext-acme", "is_ext_shared": True, "members": ["U1", "U9"]},
    ]
    general = [{"type": "message", "ts": "1704189660.000200", "user": "U1",
                "text": "Team lunch at noon"}]  # fmt: skip
    acme = [
        {"type": "message", "ts": "1704200000.000100", "user": "U9", "user_team": OTHER,
         "text": "Our invoices mention a wombat surcharge", "thread_ts": "1704200000.000100"},
        {"type": "message", "ts": "1704200060.000200", "user": "U1", "user_team": HOME,
         "text": "Looking at it, <@U9>", "thread_ts": "1704200000.000100"},
        {"type": "message", "ts": "1704200120.000300", "user": "U9", "user_team": OTHER,
         "text": "here", "files": [{"id": "F1", "name": "invoice.pdf",
                                    "mimetype": "application/pdf"}]},
    ]  # fmt: skip
    return write_zip(folder / "Acme Slack export.zip", {
        "users.json": json.dumps(users), "channels.json": json.dumps(channels),
        "general/2024-01-02.json": json.dumps(general),
        "ext-acme/2024-01-02.json": json.dumps(acme),
        "__uploads/F1/invoice.pdf": PDF,
    })  # fmt: skip


DISCORD_NAME = "Acme - Support - help [1012224565567721552]"


def discord_json(folder: Path) -> Path:
    """A DiscordChatExporter JSON with a downloaded attachment beside it."""
    def author(uid: str, name: str) -> dict[str, Any]:
        return {"id": uid, "name": name, "discriminator": "0000", "nickname": name,
                "isBot": False}  # fmt: skip

    def msg(mid: str, stamp: str, who: dict[str, Any], content: str, **extra: Any) -> Any:
        return {"id": mid, "type": "Default", "timestamp": stamp, "content": content,
                "author": who, "attachments": [], "embeds": [], "stickers": [],
                "reactions": [], "mentions": [], **extra}  # fmt: skip

    files = folder / f"{DISCORD_NAME}.json_Files"
    files.mkdir(parents=True)
    (files / "crash-662EF.png").write_bytes(PNG)
    ben, ana = author("222", "ben"), author("111", "ana")
    doc = {
        "guild": {"id": "748545324524575035", "name": "Acme"},
        "channel": {"id": "1012224565567721552", "type": "GuildTextChat", "name": "help"},
        "messages": [
            msg("1", "2023-01-06T14:05:00+00:00", ben, "My export crashes with a platypus error"),
            msg("2", "2023-01-06T14:06:00+00:00", ana, "Send a screenshot please"),
            msg("3", "2023-01-06T14:07:00+00:00", ben, "", attachments=[
                {"id": "9", "url": f"{DISCORD_NAME}.json_Files/crash-662EF.png",
                 "fileName": "crash.png", "fileSizeBytes": len(PNG)}]),
        ],
    }  # fmt: skip
    path = folder / f"{DISCORD_NAME}.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def discord_csv(folder: Path) -> Path:
    """A DiscordChatExporter CSV."""
    path = folder / f"{DISCORD_NAME}.csv"
    path.write_text(
        "AuthorID,Author,Date,Content,Attachments,Reactions\n"
        '"222","ben#0001","2023-01-06T14:05:00.0000000+00:00","The ocelot theme is broken","",""\n'
        '"111","ana#7077","2023-01-06T14:06:00.0000000+00:00","Line one\nline two","",""\n',
        encoding="utf-8",
    )
    return path


def _mojibake(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def messenger_json(folder: Path) -> Path:
    """A Messenger message_1.json with Facebook's mojibake and a BOM."""
    doc = {
        "participants": [{"name": _mojibake("Zoë Müller")}, {"name": "Acme Shop"}],
        "messages": [
            {"sender_name": "Acme Shop", "timestamp_ms": 1700000300000,
             "content": "Refund sent", "type": "Generic"},
            {"sender_name": _mojibake("Zoë Müller"), "timestamp_ms": 1700000100000,
             "content": _mojibake("Où est ma commande de pangolin? 📦"), "type": "Generic"},
        ],
        "title": _mojibake("Zoë Müller"),
        "thread_path": "inbox/zoe_abc123",
    }  # fmt: skip
    path = folder / "inbox" / "zoe_abc123" / "message_1.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc, indent=2).encode("ascii"))
    return path


def widget(name: str) -> Callable[[Path], Path]:
    """One of the parsers' widget fixtures, copied (so its original is never touched)."""

    def build(folder: Path) -> Path:
        target = folder / name
        target.write_bytes((FIXTURES / name).read_bytes())
        return target

    return build


def generic_csv(folder: Path) -> Path:
    """A helpdesk CSV with conversation and role columns (naive times)."""
    path = folder / "chats.csv"
    path.write_text(
        "timestamp,sender,message,conversation,role\n"
        "2024-05-01 09:00:00,Kim,Printer is jammed with a lemur sticker,T-1,customer\n"
        '2024-05-01 09:01:00,Ravi,"Try this:\nopen tray 2",T-1,agent\n'
        "2024-05-01 10:00:00,Lou,Password reset please,T-2,customer\n",
        encoding="utf-8",
    )
    return path


#: format -> (builder, a word only that export contains)
EXPORTS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "whatsapp": (whatsapp_txt, "zebrafish"),
    "whatsapp_zip": (whatsapp_zip, "narwhal"),
    "telegram": (telegram_folder, "quokka"),
    "telegram_account": (telegram_account, "axolotl"),
    "slack": (slack_zip, "wombat"),
    "discord": (discord_json, "platypus"),
    "discord_csv": (discord_csv, "ocelot"),
    "messenger": (messenger_json, "pangolin"),
    "tawkto": (widget("tawkto_transcript.json"), "VAT"),
    "livechat": (widget("livechat_archives.json"), "Windows"),
    "crisp": (widget("crisp_messages.json"), "SSO"),
    "csv": (generic_csv, "lemur"),
}
