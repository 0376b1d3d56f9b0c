"""Exports: the PDF holds the conversation's text, the mbox re-imports to the same
messages, a customer's history spans all their channels."""

from __future__ import annotations

import subprocess
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import select

from supportdesk.models import Channel, Conversation, Message, MessageKind
from supportdesk.services import actions
from supportdesk.services import customer_merge as cm
from supportdesk.services.customers import find_customer_id
from supportdesk.services.export import ExportError
from supportdesk.services.export.files import export_conversation, export_customer
from supportdesk.services.mail.importer import import_mail_path
from supportdesk.store import Store, UnitOfWork

MARK = "Vatnajokull"


def _mails(folder: Path) -> None:
    first = EmailMessage()
    first["From"] = "Sigrun <sigrun@example.com>"
    first["To"] = "support@team.example"
    first["Subject"] = f"Printer {MARK} jammed"
    first["Date"] = "Mon, 16 Nov 2026 09:00:00 +0000"
    first["Message-ID"] = "<first-1@example.com>"
    first.set_content(f"Hello,\nthe {MARK} printer is jammed.\nFrom the office\n")
    first.add_attachment(b"%PDF-1.4 fake scan", maintype="application", subtype="pdf",
                         filename="scan.pdf")
    reply = EmailMessage()
    reply["From"] = "Sigrun <sigrun@example.com>"
    reply["To"] = "support@team.example"
    reply["Subject"] = f"Re: Printer {MARK} jammed"
    reply["Date"] = "Mon, 16 Nov 2026 11:30:00 +0000"
    reply["Message-ID"] = "<second-2@example.com>"
    reply["In-Reply-To"] = "<first-1@example.com>"
    reply["References"] = "<first-1@example.com>"
    reply.set_content("Still jammed.\n>From what I see, it is the tray.\n")
    folder.mkdir()
    (folder / "1.eml").write_bytes(bytes(first))
    (folder / "2.eml").write_bytes(bytes(reply))


def _conversation(store: Store) -> str:
    with store.read() as session:
        return session.scalars(select(Conversation.id)).one()


def _messages(store: Store) -> list[tuple[str, str, str, str]]:
    with store.read() as session:
        return [(m.id, m.subject, m.body_text, m.conversation_id) for m in session.scalars(
            select(Message).order_by(Message.created_at))]


def test_mbox_reimports_to_the_same_messages(store: Store, tmp_path: Path) -> None:
    _mails(tmp_path / "in")
    assert import_mail_path(store, tmp_path / "in").added == 2
    conv = _conversation(store)
    out = export_conversation(store, conv, "mbox", tmp_path / "out.mbox")
    emls = export_conversation(store, conv, "eml", tmp_path / "emls")
    assert len(list(emls.glob("*.eml"))) == 2
    fresh = Store.open(tmp_path / "fresh")
    try:
        summary = import_mail_path(fresh, out)
        assert (summary.added, summary.failed) == (2, [])
        assert _messages(fresh) == _messages(store)
        again = Store.open(tmp_path / "from-eml")
        try:
            assert import_mail_path(again, emls).added == 2
            assert _messages(again) == _messages(store)
        finally:
            again.close()
    finally:
        fresh.close()


def test_pdf_and_html_hold_the_timeline(store: Store, tmp_path: Path) -> None:
    _mails(tmp_path / "in")
    import_mail_path(store, tmp_path / "in")
    conv = _conversation(store)
    html = export_conversation(store, conv, "html", tmp_path / "c.html").read_text()
    assert f"the {MARK} printer is jammed" in html and "scan.pdf" in html
    pdf = export_conversation(store, conv, "pdf", tmp_path / "c.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert f"Printer {MARK} jammed" in text
    assert "Still jammed." in text and "scan.pdf" in text  # attachments listed
    with pytest.raises(ExportError, match="Unknown format"):
        export_conversation(store, conv, "docx", tmp_path / "x")


def test_customer_history_spans_every_channel(store: Store, tmp_path: Path) -> None:
    _mails(tmp_path / "in")
    import_mail_path(store, tmp_path / "in")
    with store.read() as session:
        mail_customer = find_customer_id(session, "email", "sigrun@example.com")
    assert mail_customer

    def phone_and_chat(uow: UnitOfWork) -> str:
        from supportdesk.models import Customer

        other = uow.add(Customer(name="Sigrun on the phone"))
        call = actions.create_conversation(uow, channel=Channel.PHONE, customer_id=other.id,
                                           subject="Called about the tray")
        uow.add(Message(conversation_id=call.id, kind=MessageKind.CALL,
                        body_text=f"Call: the {MARK} tray is cracked"))
        chat = actions.create_conversation(uow, channel=Channel.CHAT, customer_id=mail_customer,
                                           subject="Chat about toner")
        uow.add(Message(conversation_id=chat.id, kind=MessageKind.CHAT,
                        author_customer_id=mail_customer, body_text="Toner is low"))
        uow.add(Message(conversation_id=chat.id, kind=MessageKind.NOTE,
                        body_text="internal: order toner"))
        return str(other.id)

    other = store.write(phone_and_chat)
    store.write(lambda uow: cm.merge(uow, mail_customer, [other]))
    out = export_customer(store, other, "zip", tmp_path / "history.zip")
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        history = zf.read("history.html").decode()
    assert sum(n.endswith("conversation.html") for n in names) == 3
    assert any(n.endswith("mails.mbox") for n in names)
    assert any(n.endswith("attachments/scan.pdf") for n in names)
    for text in (f"Printer {MARK} jammed", f"the {MARK} tray is cracked", "Toner is low"):
        assert text in history
    assert "internal: order toner" not in history  # notes only when asked for
    pdf = export_customer(store, mail_customer, "pdf", tmp_path / "history.pdf", notes=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for needle in (f"Printer {MARK} jammed", f"the {MARK} tray is cracked", "Toner is low",
                   "internal: order toner"):
        assert needle in text
