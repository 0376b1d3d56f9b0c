"""The mailbox settings dialog against real servers: which step failed, in plain words."""

from __future__ import annotations

import imaplib
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QWidget

from supportdesk.config import Settings
from supportdesk.services.mail.mailboxes import list_mailboxes
from supportdesk.services.mail.passwords import KeyringStatus, PasswordBook
from supportdesk.store import Store
from supportdesk.ui.mail.controller import MailController
from supportdesk.ui.mail.settings import MailboxSettingsDialog
from supportdesk.ui.mainwindow import MainWindow
from tests.servers import require
from tests.servers.dovecot import (
    DovecotServer,
    MailUser,
    free_port,
)
from tests.servers.smtpd import SmtpServer, smtpd_problem
from tests.servers.tlsca import TlsFiles


@pytest.fixture
def servers(
    dovecot: DovecotServer, tls_files: TlsFiles
) -> Iterator[tuple[DovecotServer, MailUser, SmtpServer, SmtpServer]]:
    """Dovecot, a user, an SMTP server with STARTTLS and one that offers no TLS."""
    require(smtpd_problem())
    user = dovecot.add_user()
    good = SmtpServer(tls_files, "starttls")
    plain = SmtpServer(None, "plain")
    for server in (good, plain):
        server.add_user(user.name, user.password)
        server.start()
    yield dovecot, user, good, plain
    good.stop()
    plain.stop()


def open_dialog(
    qtbot: QtBot, store: Store, profile: Path
) -> tuple[MainWindow, MailController, MailboxSettingsDialog]:
    window = MainWindow(store, Settings(profile))
    qtbot.addWidget(window)
    status = KeyringStatus(False, "test", "No keyring here.")
    controller = MailController(window, passwords=PasswordBook(status))
    controller.auto_ask_passwords = False
    dialog = controller.open_settings()
    qtbot.addWidget(dialog)
    return window, controller, dialog


def fill(
    dialog: MailboxSettingsDialog,
    dovecot: DovecotServer,
    user: MailUser,
    smtp: SmtpServer,
    tls_files: TlsFiles,
    *,
    password: str | None = None,
) -> None:
    dialog.name.setText("Support")
    dialog.address.setText(f"{user.name}@example.com")
    dialog.username.setText(user.name)
    dialog.password.setText(user.password if password is None else password)
    dialog.imap_host.setText("127.0.0.1")
    dialog.imap_port.setValue(dovecot.imaps_port)
    dialog.imap_security.setCurrentIndex(dialog.imap_security.findData("tls"))
    dialog.smtp_host.setText("127.0.0.1")
    dialog.smtp_port.setValue(smtp.port)
    dialog.smtp_security.setCurrentIndex(dialog.smtp_security.findData("starttls"))
    dialog.ca_file.setText(str(tls_files.ca_cert))
    dialog.enabled.setChecked(False)


def screenshot(widget: QWidget, name: str) -> None:
    """Save a picture when SUPPORTDESK_SCREENSHOTS names a folder (to look at by eye)."""
    folder = os.environ.get("SUPPORTDESK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def run_test(qtbot: QtBot, dialog: MailboxSettingsDialog) -> str:
    dialog.outcome.clear()
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled() and "Testing" not in
                    dialog.outcome.text(), timeout=30000)  # fmt: skip
    return dialog.outcome.text()


def test_test_connection_names_the_step_that_failed(
    qtbot: QtBot,
    store: Store,
    profile: Path,
    servers: tuple[DovecotServer, MailUser, SmtpServer, SmtpServer],
    tls_files: TlsFiles,
) -> None:
    dovecot, user, good, plain = servers
    window, _controller, dialog = open_dialog(qtbot, store, profile)
    fill(dialog, dovecot, user, good, tls_files)

    ok = run_test(qtbot, dialog)
    dialog.resize(860, 660)
    screenshot(dialog, "settings-ok")
    assert "✓ Receiving works" in ok and "✓ Sending works" in ok

    dialog.imap_host.setText("no-such-host.invalid")
    assert "Server name not found (DNS)" in run_test(qtbot, dialog)
    dialog.imap_host.setText("127.0.0.1")

    dialog.smtp_port.setValue(free_port())
    refused = run_test(qtbot, dialog)
    assert "✓ Receiving works" in refused and "Connection refused or unreachable" in refused
    dialog.smtp_port.setValue(good.port)

    dialog.ca_file.clear()  # the system's authorities do not know the test CA
    untrusted = run_test(qtbot, dialog)
    screenshot(dialog, "settings-certificate")
    assert untrusted.count("Certificate not trusted") == 2
    assert "before your password was sent" in untrusted
    dialog.ca_file.setText(str(tls_files.ca_cert))

    dialog.password.setText("wrong password")
    assert run_test(qtbot, dialog).count("Sign-in refused") == 2
    dialog.password.setText(user.password)

    dialog.smtp_port.setValue(plain.port)
    no_tls = run_test(qtbot, dialog)
    dialog.resize(860, 660)
    screenshot(dialog, "settings-no-starttls")
    assert "STARTTLS not offered" in no_tls and "does not offer STARTTLS" in no_tls
    assert plain.auth_attempts == []  # the password never went out in the clear
    window.close()


def test_save_keeps_settings_and_the_password_for_the_session(
    qtbot: QtBot,
    store: Store,
    profile: Path,
    servers: tuple[DovecotServer, MailUser, SmtpServer, SmtpServer],
    tls_files: TlsFiles,
) -> None:
    dovecot, user, good, _plain = servers
    window, controller, dialog = open_dialog(qtbot, store, profile)
    dialog.name.setText("")
    dialog.save_button.click()
    assert "Give the mailbox a name" in dialog.outcome.text()
    fill(dialog, dovecot, user, good, tls_files)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "Saved." in dialog.outcome.text(), timeout=5000)
    assert "No keyring here." in dialog.outcome.text()  # says it is kept for this session only
    with store.read() as session:
        [box] = list_mailboxes(session)
    assert box.address == f"{user.name}@example.com" and box.imap_port == dovecot.imaps_port
    assert controller.passwords.get(box.id) == user.password
    assert dialog.list.count() == 1
    # The password is not written anywhere in the profile.
    stored = b"".join(p.read_bytes() for p in profile.rglob("*") if p.is_file())
    assert user.password.encode() not in stored
    window.close()


def test_the_window_fetches_shows_and_answers_mail_end_to_end(
    qtbot: QtBot,
    store: Store,
    profile: Path,
    servers: tuple[DovecotServer, MailUser, SmtpServer, SmtpServer],
    tls_files: TlsFiles,
) -> None:
    from email.utils import format_datetime

    from supportdesk.services.mail.mailboxes import MailboxInfo, save_mailbox
    from supportdesk.services.mail.sender import outbox

    dovecot, user, good, _plain = servers
    info = MailboxInfo(
        id="", name="Support", address=f"{user.name}@example.com", display_name="Acme Support",
        username=user.name, imap_host="127.0.0.1", imap_port=dovecot.imaps_port,
        imap_security="tls", smtp_host="127.0.0.1", smtp_port=good.port,
        smtp_security="starttls", ca_file=str(tls_files.ca_cert),
    )  # fmt: skip
    mailbox_id = store.write(lambda uow: save_mailbox(uow, info))
    now = format_datetime(datetime.now(UTC))
    dovecot.append(user, (
        f"From: Dana <dana@example.org>\r\nTo: {info.address}\r\nSubject: Printer on fire\r\n"
        f"Message-ID: <fire@example.org>\r\nDate: {now}\r\n\r\nIt is really burning.\r\n"
    ).encode())  # fmt: skip

    window = MainWindow(store, Settings(profile))
    qtbot.addWidget(window)
    passwords = PasswordBook(KeyringStatus(False, "test", "No keyring here."))
    passwords.set(mailbox_id, user.password, remember=False)
    controller = MailController(window, passwords=passwords)
    controller.auto_ask_passwords = False
    window.show()

    qtbot.waitUntil(lambda: "Printer on fire" in [r.subject for r in window.inbox_model.rows],
                    timeout=15000)  # fmt: skip
    qtbot.waitUntil(lambda: controller.status.text() == "Mail: up to date", timeout=15000)
    row = [r.subject for r in window.inbox_model.rows].index("Printer on fire")
    window.select_row(row)
    assert "It is really burning." in window.pane.browser.toPlainText()

    composer = controller.compose("reply")
    assert composer is not None
    qtbot.addWidget(composer)
    composer.body.setPlainText("Please leave the building.")
    composer.request_send()
    qtbot.waitUntil(lambda: len(good.messages) == 1, timeout=15000)
    assert good.messages[0].rcpt_tos == ["dana@example.org"]
    qtbot.waitUntil(lambda: "✓ Sent" in window.pane.browser.toPlainText(), timeout=15000)
    def filed() -> bool:
        try:  # the Sent folder is created with the first copy filed, a moment after sending
            return len(dovecot.messages(user, "Sent")) == 1
        except imaplib.IMAP4.error:
            return False

    qtbot.waitUntil(filed, timeout=15000)
    with store.read() as session:
        [item] = outbox(session)
    assert item.status == "sent"
    window.close()
    assert all(not t.is_alive() for t in controller.threads.values())


def test_switching_auto_ack_on_pins_the_team_calendar(
    qtbot: QtBot,
    store: Store,
    profile: Path,
    servers: tuple[DovecotServer, MailUser, SmtpServer, SmtpServer],
    tls_files: TlsFiles,
) -> None:
    """The acknowledgement and `sla preview` must promise from one calendar on every device."""
    from supportdesk.config import TEAM_TIMEZONE
    from supportdesk.services.workflow.team import default_team, load_team

    Settings(profile).set(TEAM_TIMEZONE, "Asia/Kolkata")
    dovecot, user, good, _plain = servers
    window, _controller, dialog = open_dialog(qtbot, store, profile)
    with store.read() as session:
        assert not load_team(session).stored
    fill(dialog, dovecot, user, good, tls_files)
    dialog.auto_ack.setChecked(True)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "Saved." in dialog.outcome.text(), timeout=5000)
    with store.read() as session:
        team = load_team(session)
    assert team.stored and team.tz.key == "Asia/Kolkata"
    assert team.week_text == default_team().week_text  # Mon-Fri 09:00-17:00
    window.close()
