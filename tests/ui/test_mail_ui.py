"""Mail in the window, offscreen: timeline HTML, remote images, composer, outbox, split, files."""

from __future__ import annotations

import base64
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from PySide6.QtCore import QBuffer, QByteArray, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from supportdesk.config import Settings
from supportdesk.models import MailOutgoing, MailRemoteImageSender, Message
from supportdesk.services.mail.ingest import ingest_raw
from supportdesk.services.mail.mailboxes import MailboxInfo, save_mailbox
from supportdesk.services.mail.passwords import KeyringStatus, PasswordBook
from supportdesk.store import Store
from supportdesk.ui.mail.controller import MailController
from supportdesk.ui.mainwindow import MainWindow

SUPPORT = "support@acme.example"


def png_bytes() -> bytes:
    """A real 2x2 PNG."""
    image = QImage(2, 2, QImage.Format.Format_RGB32)
    image.fill(0x2B6CB0)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


class ImageServer:
    """A plain local HTTP server that serves one PNG and counts requests."""

    def __init__(self) -> None:
        hits: list[str] = []
        png = png_bytes()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(png)))
                self.end_headers()
                self.wfile.write(png)

            def log_message(self, *args: object) -> None:
                pass

        self.hits = hits
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def image_server(qapp: object) -> Iterator[ImageServer]:
    server = ImageServer()
    yield server
    server.close()


def html_mail(image_url: str) -> bytes:
    png = base64.encodebytes(png_bytes()).decode()
    return f"""From: Jokull <jokull@example.is>
To: Support <{SUPPORT}>
Subject: Invoice 4471
Message-ID: <inv@example.is>
Date: Tue, 17 Nov 2026 09:12:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="mix"

--mix
Content-Type: multipart/related; boundary="rel"

--rel
Content-Type: text/html; charset=utf-8

<html><head><script>alert(1)</script></head><body>
<p>The <b>VAT</b> is wrong.</p><img src="cid:logo@x"><img src="{image_url}">
<form action="https://evil.example"><input name="q"></form><p onclick="x()">Bye</p>
</body></html>
--rel
Content-Type: image/png
Content-ID: <logo@x>
Content-Transfer-Encoding: base64

{png}
--rel--
--mix
Content-Type: application/pdf
Content-Disposition: attachment; filename="../../etc/invoice.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--mix--
""".replace("\n", "\r\n").encode()


def screenshot(widget: QWidget, name: str) -> None:
    """Save a picture when SUPPORTDESK_SCREENSHOTS names a folder (to look at by eye)."""
    folder = os.environ.get("SUPPORTDESK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def make_window(qtbot: QtBot, store: Store, profile: Path) -> tuple[MainWindow, MailController]:
    window = MainWindow(store, Settings(profile))
    qtbot.addWidget(window)
    status = KeyringStatus(False, "test", "No keyring in this test.")
    controller = MailController(window, passwords=PasswordBook(status))
    controller.auto_ask_passwords = False
    window.resize(1300, 850)
    window.show()
    return window, controller


def add_mailbox(store: Store) -> str:
    info = MailboxInfo(
        id="", name="Support", address=SUPPORT, display_name="Acme Support", username=SUPPORT,
        imap_host="127.0.0.1", imap_port=9, imap_security="tls", smtp_host="127.0.0.1",
        smtp_port=9, smtp_security="starttls", enabled=False,
    )  # fmt: skip
    return store.write(lambda uow: save_mailbox(uow, info))


def test_html_mail_is_sanitised_and_remote_images_wait_for_permission(
    qtbot: QtBot, store: Store, profile: Path, image_server: ImageServer
) -> None:
    remote = f"{image_server.url}/banner.png"
    outcome = ingest_raw(store, html_mail(remote))
    window, controller = make_window(qtbot, store, profile)
    window.open_conversation(outcome.conversation_id)
    browser = window.pane.browser
    text = browser.toPlainText()
    assert "The VAT is wrong." in text
    assert "1 remote images were blocked" in text
    screenshot(window, "window-images-blocked")
    assert "alert(1)" not in text
    html = browser.toHtml()
    assert remote not in html and "evil.example" not in html and "onclick" not in html
    assert image_server.hits == []  # nothing was fetched
    # The inline (cid:) image is served from the blob store, and nothing outside it.
    [view] = controller.views(window.pane.detail).values()  # type: ignore[arg-type]
    [logo] = [f for f in view.files if f.content_id == "logo@x"]
    assert logo.path is not None
    image = controller.load_resource(2, QUrl.fromLocalFile(str(logo.path)))
    assert isinstance(image, QImage) and image.width() == 2
    assert controller.load_resource(2, QUrl.fromLocalFile("/etc/passwd")) is None
    assert controller.load_resource(2, QUrl(remote)) is None

    controller.on_anchor(QUrl("sdmail:images?s=jokull%40example.is"))
    qtbot.waitUntil(lambda: "Images from jokull@example.is are shown" in browser.toPlainText(),
                    timeout=5000)  # fmt: skip
    with store.read() as session:
        assert session.scalars(select(MailRemoteImageSender.address)).all() == [
            "jokull@example.is"
        ]
    qtbot.waitUntil(lambda: remote in controller.images, timeout=10000)
    assert image_server.hits == ["/banner.png"]
    screenshot(window, "window-images-allowed")
    shown = controller.load_resource(2, QUrl(remote))
    assert isinstance(shown, QImage) and not shown.isNull()
    assert remote in browser.toHtml()

    # Text view and back.
    controller.on_anchor(QUrl(f"sdmail:text?m={outcome.row_id}"))
    assert "Show formatted" in browser.toPlainText()
    controller.on_anchor(QUrl(f"sdmail:html?m={outcome.row_id}"))
    assert "Show as text" in browser.toPlainText()
    window.close()


def test_reply_from_the_composer_is_stored_and_waits_in_the_outbox(
    qtbot: QtBot, store: Store, profile: Path
) -> None:
    add_mailbox(store)
    outcome = ingest_raw(store, html_mail("https://cdn.example/x.png"))
    window, controller = make_window(qtbot, store, profile)
    window.open_conversation(outcome.conversation_id)
    composer = controller.compose("reply")
    assert composer is not None
    qtbot.addWidget(composer)
    assert composer.to.text() == "Jokull <jokull@example.is>"
    assert composer.subject.text().startswith("Re: Invoice 4471 [SD-")
    assert "> The VAT is wrong." in composer.body.toPlainText()
    composer.to.clear()
    composer.request_send()
    assert composer.isVisible() and "recipient" in composer.error.text()
    composer.resize(700, 560)
    screenshot(composer, "composer-no-recipient")
    composer.to.setText("Jokull <jokull@example.is>")
    composer.body.setPlainText("We fixed the VAT.")
    composer.request_send()
    qtbot.waitUntil(lambda: not composer.isVisible(), timeout=5000)
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(MailOutgoing)) == 1
        kinds = session.scalars(select(Message.kind).order_by(Message.created_at)).all()
    assert kinds == ["email_in", "email_out"]
    qtbot.waitUntil(lambda: "Waiting in the outbox" in window.pane.browser.toPlainText(),
                    timeout=5000)  # fmt: skip
    qtbot.waitUntil(lambda: "waiting to send" in controller.status.text(), timeout=5000)
    outbox = controller.open_outbox()
    qtbot.addWidget(outbox)
    assert outbox.table.rowCount() == 1
    assert outbox.table.item(0, 1).text() == "jokull@example.is"
    assert outbox.retry.isEnabled()
    window.close()


def test_split_move_and_save_attachment(
    qtbot: QtBot, store: Store, profile: Path, tmp_path: Path
) -> None:
    first = ingest_raw(store, html_mail("https://cdn.example/x.png"))
    raw = (
        b"From: jokull@example.is\r\nTo: support@acme.example\r\nSubject: Re: Invoice 4471\r\n"
        b"Message-ID: <r2@example.is>\r\nReferences: <inv@example.is>\r\n"
        b"Date: Tue, 17 Nov 2026 10:00:00 +0000\r\n\r\nAnother question entirely\r\n"
    )
    second = ingest_raw(store, raw)
    window, controller = make_window(qtbot, store, profile)
    window.open_conversation(first.conversation_id)
    assert "joined by References" in window.pane.browser.toPlainText()
    controller.split(second.row_id, confirm=False)
    qtbot.waitUntil(lambda: window.current_id not in (None, first.conversation_id),
                    timeout=5000)  # fmt: skip
    assert "joined by a rep's choice" in window.pane.browser.toPlainText()
    split_id = window.current_id
    assert split_id is not None

    window.open_conversation(split_id)
    dialog = controller.move(second.row_id)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.query.setText("Invoice")
    dialog._search("Invoice")
    ids = [dialog.list.item(i).data(256) for i in range(dialog.list.count())]
    assert first.conversation_id in ids
    dialog.list.setCurrentRow(ids.index(first.conversation_id))
    dialog.accept()
    qtbot.waitUntil(lambda: window.current_id == first.conversation_id, timeout=5000)
    with store.read() as session:
        moved = session.scalar(select(Message.conversation_id).where(Message.id == second.row_id))
    assert moved == first.conversation_id

    [view] = [v for v in controller.views(window.pane.detail).values() if v.files]  # type: ignore[arg-type]
    [pdf] = [f for f in view.files if f.mime_type == "application/pdf"]
    assert pdf.filename == "invoice.pdf"
    saved = controller.save_attachment(pdf.id, tmp_path / pdf.filename)
    assert saved is not None and saved.read_bytes() == b"%PDF-1.4\n"
    window.close()


def test_damaged_mail_shows_a_visible_note(qtbot: QtBot, store: Store, profile: Path) -> None:
    raw = (
        b"From: x@example.net\r\nSubject: =?x-unknown?Q?caf=E9?=\r\nMessage-ID: <d@x>\r\n"
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n'
        b"Content-Type: text/plain; charset=x-unknown\r\n\r\ncaf\xe9\r\n"
    )
    outcome = ingest_raw(store, raw)
    window, _controller = make_window(qtbot, store, profile)
    window.open_conversation(outcome.conversation_id)
    text = window.pane.browser.toPlainText()
    assert "Read with problems:" in text and "unknown charset" in text
    window.close()


def test_password_dialog_says_why_it_asks(qtbot: QtBot, store: Store, profile: Path) -> None:
    mailbox_id = add_mailbox(store)
    window, controller = make_window(qtbot, store, profile)
    dialog = controller.ask_password(mailbox_id)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.reason)))
    assert "No keyring in this test." in texts and SUPPORT in texts
    dialog.password.setText("pw")
    dialog.accept()
    qtbot.waitUntil(lambda: controller.passwords.get(mailbox_id) == "pw", timeout=5000)
    window.close()
