"""The composer writes formatted replies: bold, a list, a link, a dropped file, sent through
a real aiosmtpd as text/plain + sanitised text/html."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QTextCursor

from supportdesk.config import Settings
from supportdesk.services.mail.ingest import ingest_raw
from supportdesk.services.mail.mailboxes import MailboxInfo, save_mailbox
from supportdesk.services.mail.passwords import KeyringStatus, PasswordBook
from supportdesk.store import Store
from supportdesk.ui.mail.controller import MailController
from supportdesk.ui.mainwindow import MainWindow
from tests.servers.fixtures import MakeSmtp
from tests.servers.tlsca import TlsFiles
from tests.services.mail.helpers import SUPPORT, mail

PASSWORD = "pw-for-smtp"


def test_formatted_reply_with_a_dropped_file(
    qtbot: QtBot, store: Store, profile: Path, tmp_path: Path, make_smtp: MakeSmtp,
    tls_files: TlsFiles,
) -> None:  # fmt: skip
    smtp = make_smtp("starttls", {SUPPORT: PASSWORD})
    info = MailboxInfo(
        id="", name="Support", address=SUPPORT, display_name="Acme Support", username=SUPPORT,
        imap_host="127.0.0.1", imap_port=9, imap_security="tls", smtp_host="127.0.0.1",
        smtp_port=smtp.port, smtp_security="starttls", ca_file=str(tls_files.ca_cert),
        enabled=False,
    )  # fmt: skip
    mailbox_id = store.write(lambda uow: save_mailbox(uow, info))
    outcome = ingest_raw(store, mail("Broken", message_id="b1@example.net", body="It broke."))
    window = MainWindow(store, Settings(profile))
    qtbot.addWidget(window)
    passwords = PasswordBook(KeyringStatus(False, "test", "No keyring here."))
    passwords.set(mailbox_id, PASSWORD, remember=False)
    controller = MailController(window, passwords=passwords)
    controller.auto_ask_passwords = False
    window.open_conversation(outcome.conversation_id)
    composer = controller.compose("reply")
    assert composer is not None
    qtbot.addWidget(composer)
    body = composer.body
    assert "wrote:" in body.toPlainText() and not body.has_formatting()

    cursor = body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    body.setTextCursor(cursor)
    body.insertPlainText("Fixed now")
    cursor = body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock,
                        QTextCursor.MoveMode.KeepAnchor)  # fmt: skip
    body.setTextCursor(cursor)
    body.toggle_bold()
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    body.setTextCursor(cursor)
    body.insertPlainText(". See ")
    assert body.insert_link("https://status.example.com/incident", "the status page")
    assert not body.insert_link("javascript:alert(1)", "bad")
    body.textCursor().insertBlock()
    body.bullet_list()
    body.insertPlainText("restart the app")
    assert body.has_formatting()

    log = tmp_path / "crash log.txt"
    log.write_bytes(b"line 1\r\nline 2\x00\xff binary tail")
    drop = QMimeData()
    drop.setUrls([QUrl.fromLocalFile(str(log))])
    body.insertFromMimeData(drop)
    assert [a.filename for a in composer.attachments] == ["crash log.txt"]
    assert "crash log" not in body.toPlainText()  # a file, not text

    composer.request_send()
    qtbot.waitUntil(lambda: len(smtp.messages) == 1, timeout=20000)
    msg = message_from_bytes(smtp.messages[0].content, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    plain, html = msg.get_body(("plain",)), msg.get_body(("html",))
    assert plain is not None and html is not None
    text, markup = plain.get_content(), html.get_content()
    assert text.startswith("Fixed now. See the status page") and "> It broke." in text
    assert '<span style="font-weight: 700">Fixed now' in markup
    assert 'href="https://status.example.com/incident"' in markup
    assert "<li" in markup and "restart the app</li>" in markup and "javascript" not in markup
    [attached] = list(msg.iter_attachments())
    assert attached.get_payload(decode=True) == log.read_bytes()  # byte for byte
    controller.shutdown()
    window.close()


def test_mailbox_signature_and_sending_preferences_are_kept(
    qtbot: QtBot, store: Store, profile: Path
) -> None:
    from supportdesk.services.mail.signatures import get_prefs, mailbox_owner

    window = MainWindow(store, Settings(profile))
    qtbot.addWidget(window)
    controller = MailController(
        window, passwords=PasswordBook(KeyringStatus(False, "test", "No keyring here."))
    )
    controller.auto_ask_passwords = False
    dialog = controller.open_settings()
    qtbot.addWidget(dialog)
    dialog.name.setText("Support")
    dialog.address.setText(SUPPORT)
    dialog.imap_host.setText("127.0.0.1")
    dialog.smtp_host.setText("127.0.0.1")
    dialog.enabled.setChecked(False)
    dialog.signature.setPlainText("Acme Support\nTicket {ticket}")
    dialog.plain_text_only.setChecked(True)
    dialog.attachment_limit.setValue(10)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "Saved." in dialog.outcome.text(), timeout=10000)
    with store.read() as session:
        prefs = get_prefs(session, mailbox_owner(dialog.current_id))
    assert prefs.signature == "Acme Support\nTicket {ticket}"
    assert prefs.plain_text_only and prefs.attachment_limit_mb == 10
    again = controller.open_settings()
    qtbot.addWidget(again)
    assert again.signature.toPlainText() == "Acme Support\nTicket {ticket}"
    assert again.plain_text_only.isChecked() and again.attachment_limit.value() == 10
    controller.shutdown()
    window.close()
