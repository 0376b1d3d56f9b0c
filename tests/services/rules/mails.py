"""A small mail corpus for the rules tests, built here (no real customer mail)."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime


def mail(
    subject: str, *, sender: str = "olga@example.ru", to: str = "support@acme.test",
    body: str = "Hello,\n\nplease look.\n", msgid: str = "", headers: dict[str, str] | None = None,
    date: datetime | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date or datetime(2026, 12, 8, 3, 0, tzinfo=UTC))
    msg["Message-ID"] = msgid or f"<{abs(hash((subject, sender, body)))}@example.test>"
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body)
    return msg.as_bytes()


#: (name, raw mail, expected priority, expected tags)
CORPUS: list[tuple[str, bytes, str, tuple[str, ...]]] = [
    ("english urgent", mail("URGENT: site down", msgid="<en@x>"), "urgent", ()),
    ("russian urgent", mail("Срочно: сайт не работает", msgid="<ru@x>"), "urgent", ()),
    ("icelandic urgent", mail("Áríðandi: vefurinn liggur niðri", sender="jon@example.is",
                              msgid="<is@x>"), "urgent", ()),
    ("x-priority 1", mail("Invoice question", sender="a@b.test", msgid="<xp@x>",
                          headers={"X-Priority": "1 (Highest)"}), "urgent", ()),
    ("importance high", mail("Printer", sender="c@d.test", msgid="<imp@x>",
                             headers={"Importance": "high"}), "urgent", ()),
    ("plain", mail("How do I export?", sender="e@f.test", msgid="<plain@x>"), "normal", ()),
    ("not a word", mail("Insurgents in the game", sender="g@h.test", msgid="<word@x>"),
     "normal", ()),
    ("mailing list", mail("URGENT: [users] weekly digest", sender="list@lists.test",
                          msgid="<list@x>", headers={"List-Id": "<users.lists.test>"}),
     "normal", ("no-ack", "no-sla")),
    ("auto-reply", mail("Out of office: urgent matters", sender="i@j.test", msgid="<ooo@x>",
                        headers={"Auto-Submitted": "auto-replied"}), "normal",
     ("no-ack", "no-sla")),
]
