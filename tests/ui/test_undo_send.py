"""Undo send in the window, against a real aiosmtpd: Undo brings the mail back unsent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from supportdesk.config import UNDO_SEND_SECONDS, Settings
from supportdesk.models import utcnow
from supportdesk.services.mail.ingest import ingest_raw
from supportdesk.services.mail.mailboxes import MailboxInfo, save_mailbox
from supportdesk.services.mail.passwords import KeyringStatus, PasswordBook
from supportdesk.services.mail.sender import outbox_counts, send_due
from supportdesk.store import Store
from supportdesk.ui import drafts, undo_send
from supportdesk.ui.mail.controller import MailController
from supportdesk.ui.mainwindow import MainWindow
from tests.servers.smtpd import SmtpServer
from tests.servers.tlsca import TlsFiles

MakeSmtp = Callable[..., SmtpServer]
SUPPORT = "support@acme.example"
PASSWORD = "pw-for-smtp"
MAIL = (
    b"From: Jokull <jokull@example.is>\r\nTo: Support <support@acme.example>\r\n"
    b"Subject: Invoice 4471\r\nMessage-ID: <inv@example.is>\r\n"
    b"Date: Tue, 17 Nov 2026 09:12:00 +0000\r\n\r\nThe VAT is wrong.\r\n"
)


def test_undo_send_brings_the_mail_back_and_nothing_reaches_the_server(
    qtbot: QtBot, store: Store, profile: Path, make_smtp: MakeSmtp, tls_files: TlsFiles
) -> None:
    server = make_smtp("starttls", {SUPPORT: PASSWORD})
    info = MailboxInfo(
        id="", name="Support", address=SUPPORT, display_name="Acme Support", username=SUPPORT,
        imap_host="127.0.0.1", imap_port=9, imap_security="tls", smtp_host="127.0.0.1",
        smtp_port=server.port, smtp_security="starttls", ca_file=str(tls_files.ca_cert),
        enabled=False,
    )  # fmt: skip
    mailbox_id = store.write(lambda uow: save_mailbox(uow, info))
    conversation_id = ingest_raw(store, MAIL).conversation_id
    settings = Settings(profile)
    settings.set(UNDO_SEND_SECONDS, 60)
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    book = PasswordBook(KeyringStatus(False, "test", "No keyring here."))
    book.set(mailbox_id, PASSWORD, remember=False)
    controller = MailController(window, passwords=book)
    controller.auto_ask_passwords = False
    window.mail = controller  # type: ignore[attr-defined]
    drafts.install(window)
    undo = undo_send.install(window)
    window.show()
    window.open_conversation(conversation_id)

    composer = controller.compose("reply")
    assert composer is not None
    qtbot.addWidget(composer)
    composer.body.setPlainText("Refund sent to the wrong account, sorry")
    composer.request_send()
    qtbot.waitUntil(lambda: not composer.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: undo.button.isVisible(), timeout=5000)
    assert "Undo" in undo.button.text()
    controller.send_now()  # a send round within the delay leaves it alone
    qtbot.waitUntil(lambda: not controller._sending, timeout=15000)
    assert server.messages == []

    undo.button.click()
    qtbot.waitUntil(lambda: isinstance(window.findChild(type(composer), None), type(composer))
                    and any(d.isVisible() and d is not composer
                            for d in window.findChildren(type(composer))), timeout=5000)
    again = next(d for d in window.findChildren(type(composer))
                 if d.isVisible() and d is not composer)
    qtbot.addWidget(again)
    assert again.body.toPlainText().startswith("Refund sent to the wrong account, sorry")
    assert not undo.button.isVisible()
    # Long after the delay, nothing leaves.
    report = send_due(store, book, now=utcnow() + timedelta(hours=2))
    assert report.sent == 0 and server.messages == []
    with store.read() as session:
        assert outbox_counts(session) == {"cancelled": 1}

    # Sent again with a one-second delay and not undone: it arrives by itself.
    settings.set(UNDO_SEND_SECONDS, 1)
    again.body.setPlainText("Refund sent to your account.")
    again.request_send()
    qtbot.waitUntil(lambda: len(server.messages) == 1, timeout=20000)
    assert b"Refund sent to your account." in server.messages[0].content
    window.close()
