"""Mailboxes dialog: "Other OAuth2 provider…" signs in through the browser, against real servers.

The browser is the test's: it follows the authorization address and the
redirect as a browser would. Dovecot and aiosmtpd check the token by
introspection with the Authlib server.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from pytestqt.qtbot import QtBot

from supportdesk.config import Settings
from supportdesk.services.mail.passwords import PasswordBook
from supportdesk.store import Store
from supportdesk.ui.mail import signin
from supportdesk.ui.mail.controller import MailController
from supportdesk.ui.mail.signin import OAuthSignInDialog
from supportdesk.ui.mainwindow import MainWindow
from tests.channels.email.test_oauth import Browser
from tests.servers.dovecot import DovecotServer
from tests.servers.fixtures import MakeSmtp
from tests.servers.oauth import PUBLIC_CLIENT, SCOPES, OAuthTestServer
from tests.services.mail.test_mail_settings import MemoryKeyring


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def test_sign_in_from_the_mailboxes_dialog_then_sign_in_again(
    qtbot: QtBot, store: Store, profile: Path, ring: MemoryKeyring,
    oauth_server: OAuthTestServer, oauth_dovecot: DovecotServer, make_smtp: MakeSmtp,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    user = oauth_dovecot.add_user()
    smtp = make_smtp(introspect=oauth_server.introspect)
    oauth_server.signed_in_user = user.name
    monkeypatch.setattr(signin.webbrowser, "open", Browser(oauth_server))
    window = MainWindow(store, Settings(profile))
    qtbot.addWidget(window)
    controller = MailController(window, passwords=PasswordBook())
    controller.auto_ask_passwords = False
    dialog = controller.open_settings()
    qtbot.addWidget(dialog)
    dialog.name.setText("Shop")
    dialog.address.setText(f"{user.name}@example.com")
    dialog.username.setText(user.name)
    dialog.imap_host.setText("127.0.0.1")
    dialog.imap_port.setValue(oauth_dovecot.imaps_port)
    dialog.smtp_host.setText("127.0.0.1")
    dialog.smtp_port.setValue(smtp.port)
    dialog.smtp_security.setCurrentIndex(dialog.smtp_security.findData("starttls"))
    dialog.ca_file.setText(str(oauth_server.tls.ca_cert))
    [other] = [b for b in dialog.findChildren(signin.QPushButton)
               if b.text() == "Other OAuth2 provider…"]  # fmt: skip
    other.click()
    qtbot.waitUntil(lambda: controller.oauth.dialog is not None, timeout=10000)
    sign_in = controller.oauth.dialog
    assert isinstance(sign_in, OAuthSignInDialog)
    sign_in.client_id.setText(PUBLIC_CLIENT)
    sign_in.authorization.setText(oauth_server.authorization_endpoint)
    sign_in.token.setText(oauth_server.token_endpoint)
    sign_in.scopes.setText(" ".join(SCOPES))
    sign_in.browser_button.click()
    qtbot.waitUntil(lambda: "Signed in with" in dialog.outcome.text(), timeout=20000)
    assert len(ring.secrets) == 1
    assert dialog.auth_note.text() == "Signs in with OAuth2; no password is used."
    assert not dialog.password.isEnabled()

    dialog.test_button.click()
    qtbot.waitUntil(lambda: "Sending works" in dialog.outcome.text()
                    or "✗" in dialog.outcome.text(), timeout=20000)  # fmt: skip
    text = dialog.outcome.text()
    assert "Token renewed" in text and "SASL OAUTHBEARER" in text and "✗" not in text

    # The provider revokes the sign-in: the status bar and the dialog say "Sign in again".
    qtbot.waitUntil(lambda: "up to date" in controller.status.text(), timeout=20000)
    oauth_server.revoke_user(user.name)
    oauth_dovecot.kick(user)
    controller.fetch_now()  # no need to wait out the reconnect delay
    qtbot.waitUntil(lambda: "Sign in again" in controller.status.text(), timeout=30000)
    second = controller.open_settings()
    qtbot.addWidget(second)
    assert "Sign in again" in second.list.item(0).text()
    assert second.auth_note.text().startswith("Sign in again")
    controller.shutdown()
    window.close()
