"""OAuth2 sign-in for a mailbox: the provider's app settings, then the browser or a device code.

`OAuthSignInDialog` only collects settings and shows progress; `OAuthFlow`
saves them, runs the sign-in on a worker and answers the dialogs.
"""

from __future__ import annotations

import threading
import webbrowser
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supportdesk.channels.email import oauth
from supportdesk.channels.email.oauth import OAuthError, OAuthProvider
from supportdesk.services.mail.mailboxes import MailboxInfo, get_mailbox, save_mailbox
from supportdesk.services.mail.oauth import (
    OAuthSettings,
    get_oauth,
    save_oauth,
    sign_in_with_browser,
    sign_in_with_device_code,
)
from supportdesk.store import UnitOfWork

if TYPE_CHECKING:
    from supportdesk.ui.mail.controller import MailController
    from supportdesk.ui.mail.settings import MailboxSettingsDialog


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def preset(key: str) -> OAuthProvider:
    """The provider preset for 'google', 'microsoft', or an empty generic one."""
    if key == "google":
        return oauth.google()
    if key == "microsoft":
        return oauth.microsoft()
    return OAuthProvider(
        key="generic", name=_t("OAuth2 provider"), authorization_endpoint="", token_endpoint=""
    )


class OAuthSignInDialog(QDialog):
    """Collects the app registration (client id, and for other providers the endpoints)."""

    browser_requested = Signal(object)  # OAuthProvider
    device_requested = Signal(object)  # OAuthProvider
    cancel_requested = Signal()

    def __init__(
        self, provider: OAuthProvider, address: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.provider = provider
        self.setWindowTitle(_t("Sign in with {0}").format(provider.name))
        self.setMinimumWidth(560)
        intro = QLabel(_t(
            "SupportDesk signs in to {0} through your browser and keeps only a token, in the "
            "system keyring. Your organisation registers SupportDesk as an app once and "
            "enters its client id here (the README explains how)."
        ).format(address))  # fmt: skip
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.client_id = QLineEdit(provider.client_id)
        self.client_secret = QLineEdit(provider.client_secret)
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.client_secret.setPlaceholderText(_t("Only if the provider gave one (Google does)"))
        self.tenant = QLineEdit("organizations")
        self.tenant.setToolTip(_t("Your directory (tenant) id or domain, or 'organizations'"))
        self.authorization = QLineEdit(provider.authorization_endpoint)
        self.token = QLineEdit(provider.token_endpoint)
        self.device = QLineEdit(provider.device_endpoint)
        self.scopes = QLineEdit(" ".join(provider.scopes))
        form = QFormLayout()
        form.addRow(_t("Client id"), self.client_id)
        form.addRow(_t("Client secret"), self.client_secret)
        if provider.key == "microsoft":
            form.addRow(_t("Tenant"), self.tenant)
        if provider.key == "generic":
            form.addRow(_t("Authorization endpoint"), self.authorization)
            form.addRow(_t("Token endpoint"), self.token)
            form.addRow(_t("Device-code endpoint"), self.device)
            form.addRow(_t("Scopes"), self.scopes)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.browser_button = QPushButton(_t("Sign in with the browser"))
        self.browser_button.setDefault(True)
        self.browser_button.clicked.connect(lambda: self._go(self.browser_requested))
        self.device_button = QPushButton(_t("Use a code on another device"))
        self.device_button.clicked.connect(lambda: self._go(self.device_requested))
        cancel = QPushButton(_t("Cancel"))
        cancel.clicked.connect(self._cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.browser_button)
        buttons.addWidget(self.device_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def chosen(self) -> OAuthProvider:
        """The provider with what was typed."""
        base = self.provider
        if base.key == "microsoft":
            base = oauth.microsoft(tenant=self.tenant.text())
        elif base.key == "generic":
            base = replace(
                base,
                authorization_endpoint=self.authorization.text().strip(),
                token_endpoint=self.token.text().strip(),
                device_endpoint=self.device.text().strip(),
                scopes=tuple(self.scopes.text().split()),
            )
        return oauth.with_client(base, self.client_id.text(), self.client_secret.text())

    def _go(self, signal: Any) -> None:
        provider = self.chosen()
        try:
            oauth.check_provider(provider, device=signal is self.device_requested)
        except OAuthError as exc:
            self.show_error(exc.user_message)
            return
        self.busy(True)
        self.status.setText(_t("Waiting for the sign-in…"))
        signal.emit(provider)

    def _cancel(self) -> None:
        self.cancel_requested.emit()
        self.reject()

    def busy(self, on: bool) -> None:
        """Disable the sign-in buttons while one runs."""
        self.browser_button.setEnabled(not on)
        self.device_button.setEnabled(not on)

    def show_code(self, device: oauth.DeviceCode) -> None:
        """Tell the rep where to go and which code to type."""
        self.status.setText(_t("Open {0} on any device and enter the code {1}").format(
            device.verification_uri, device.user_code))  # fmt: skip

    def show_error(self, message: str) -> None:
        """The sign-in did not complete."""
        self.busy(False)
        self.status.setText("⚠ " + message)


class OAuthFlow(QObject):
    """Runs a mailbox's OAuth2 sign-in for the Mailboxes dialog."""

    _code = Signal(object)  # DeviceCode, from the worker

    def __init__(self, controller: MailController) -> None:
        super().__init__(controller)
        self.controller = controller
        self._code.connect(self.show_code)
        self.dialog: OAuthSignInDialog | None = None
        self._cancel = threading.Event()

    def start(self, settings: MailboxSettingsDialog, info: MailboxInfo, key: str) -> None:
        """Save the mailbox (it needs an id), then ask for the app registration."""
        controller = self.controller

        def opened(mailbox_id: str) -> None:
            with controller.store.read() as session:
                stored = get_mailbox(session, mailbox_id)
                current = get_oauth(session, mailbox_id)
            if stored is None:
                return
            settings.saved(stored)
            base = preset(key)
            if current is not None and current.provider == base.key:
                base = replace(
                    current.provider_for(base.name), key=base.key  # keep what was typed before
                )
            dialog = OAuthSignInDialog(base, stored.address, settings)
            dialog.browser_requested.connect(lambda p: self._sign_in(settings, stored, p, True))
            dialog.device_requested.connect(lambda p: self._sign_in(settings, stored, p, False))
            dialog.cancel_requested.connect(self._cancel.set)
            self.dialog = dialog
            dialog.open()

        controller.write(lambda uow: save_mailbox(uow, info), opened,
                         lambda error: settings.show_error(str(error)))  # fmt: skip

    def _sign_in(
        self, settings: MailboxSettingsDialog, box: MailboxInfo, provider: OAuthProvider,
        browser: bool,
    ) -> None:  # fmt: skip
        controller, dialog = self.controller, self.dialog
        self._cancel = cancel = threading.Event()
        with controller.store.read() as session:
            before = get_oauth(session, box.id)
        chosen = OAuthSettings.from_provider(provider)

        def work() -> str | None:
            controller.store.write(lambda uow: save_oauth(uow, box.id, chosen))
            try:
                if browser:
                    return sign_in_with_browser(
                        controller.tokens, box.id, client_secret=provider.client_secret,
                        login_hint=box.username, open_url=webbrowser.open, cancel=cancel,
                    )  # fmt: skip
                return sign_in_with_device_code(
                    controller.tokens, box.id, self._code.emit,
                    client_secret=provider.client_secret, cancel=cancel,
                )  # fmt: skip
            except BaseException:
                controller.store.write(lambda uow: self._restore(uow, box.id, before))
                raise

        def done(warning: str | None) -> None:
            with controller.store.read() as session:
                stored = get_mailbox(session, box.id)
            if dialog is not None:
                dialog.accept()
            if stored is not None:
                settings.saved(stored, _t("Signed in with {0}.").format(provider.name)
                               + (" " + warning if warning else ""))  # fmt: skip
            controller.restart_watcher(box.id)
            controller.update_status()

        def failed(error: BaseException) -> None:
            text = error.user_message if isinstance(error, OAuthError) else str(error)
            if dialog is not None:
                dialog.show_error(text)

        controller.run(work, done, failed)

    @staticmethod
    def _restore(uow: UnitOfWork, mailbox_id: str, before: OAuthSettings | None) -> None:
        save_oauth(uow, mailbox_id, before)

    def show_code(self, device: oauth.DeviceCode) -> None:
        """On the GUI thread: show the device code in the open dialog."""
        if self.dialog is not None:
            self.dialog.show_code(device)
