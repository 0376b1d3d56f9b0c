"""Mailbox settings: add, edit, remove, and test the connection step by step."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from supportdesk.channels.email.connection import ConnectionReport, StepResult
from supportdesk.services.mail.mailboxes import MailboxInfo, problems
from supportdesk.services.mail.passwords import KeyringStatus
from supportdesk.services.mail.signatures import Prefs
from supportdesk.ui.plain import PlainLabel, escaped_rich


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def stage_title(stage: str | None) -> str:
    """Which step of a connection failed, in a few words."""
    return {
        "dns": _t("Server name not found (DNS)"),
        "connect": _t("Connection refused or unreachable"),
        "timeout": _t("No answer from the server"),
        "tls": _t("Secure connection failed"),
        "certificate": _t("Certificate not trusted"),
        "starttls": _t("STARTTLS not offered"),
        "login": _t("Sign-in refused"),
        "command": _t("The server refused a request"),
        "token": _t("Token renewal"),
        "consent": _t("Consent missing"),
        "sasl": _t("OAuth2 sign-in not offered"),
    }.get(stage or "", _t("Failed"))


SECURITY = (("tls", "SSL/TLS"), ("starttls", "STARTTLS"))


def _security_box() -> QComboBox:
    box = QComboBox()
    for value, label in SECURITY:
        box.addItem(label, value)
    return box


class MailboxSettingsDialog(QDialog):
    """Add, edit and remove mailboxes.

    Signals carry plain data; the controller stores it and runs the test in
    the background, then calls ``show_report`` / ``saved`` / ``show_error``.
    """

    save_requested = Signal(object, str, bool)  # MailboxInfo, password ("" keeps it), remember
    remove_requested = Signal(str)
    test_requested = Signal(object, str)  # MailboxInfo, password ("" uses the stored one)
    oauth_requested = Signal(object, str)  # MailboxInfo, provider: google, microsoft, generic

    def __init__(
        self,
        mailboxes: list[MailboxInfo],
        status: KeyringStatus,
        has_password: Callable[[str], bool],
        parent: QWidget | None = None,
        sign_in_problem: Callable[[str], str | None] = lambda _id: None,
        load_prefs: Callable[[str], Prefs] = lambda _id: Prefs(),
    ) -> None:
        super().__init__(parent)
        self.sign_in_problem = sign_in_problem
        self.load_prefs = load_prefs
        self.setWindowTitle(_t("Mailboxes"))
        self.setMinimumSize(820, 600)
        self.mailboxes = list(mailboxes)
        self.has_password = has_password
        self.current_id = ""
        self.current_auth = "password"

        self.list = QListWidget()
        self.list.setMinimumWidth(200)
        self.list.currentRowChanged.connect(self._picked)
        add = QPushButton(_t("Add mailbox"))
        add.clicked.connect(self.new_mailbox)
        self.remove = QPushButton(_t("Remove"))
        self.remove.clicked.connect(self._remove)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.remove)
        left.addLayout(row)

        self.name = QLineEdit()
        self.name.setPlaceholderText(_t("Support"))
        self.address = QLineEdit()
        self.address.setPlaceholderText("support@example.com")
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(_t("Acme Support (shown as the sender)"))
        self.username = QLineEdit()
        self.username.setPlaceholderText(_t("Usually the email address"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(_t("Remember the password in the system keyring"))
        self.remember.setChecked(status.usable)
        self.remember.setEnabled(status.usable)
        keyring_note = PlainLabel(status.reason)
        keyring_note.setWordWrap(True)
        keyring_note.setObjectName("muted" if status.usable else "error")
        account = QFormLayout()
        account.addRow(_t("Name"), self.name)
        account.addRow(_t("Email address"), self.address)
        account.addRow(_t("Sender name"), self.display_name)
        account.addRow(_t("User name"), self.username)
        account.addRow(_t("Password"), self.password)
        account.addRow("", self.remember)
        oauth_row = QHBoxLayout()
        for key, label in (("google", _t("Sign in with Google")),
                           ("microsoft", _t("Sign in with Microsoft")),
                           ("generic", _t("Other OAuth2 provider…"))):  # fmt: skip
            button = QPushButton(label)
            button.clicked.connect(lambda _c=False, k=key: self._oauth(k))
            oauth_row.addWidget(button)
        oauth_row.addStretch(1)
        account.addRow(_t("Or"), oauth_row)
        self.auth_note = PlainLabel()
        self.auth_note.setWordWrap(True)
        account.addRow("", self.auth_note)
        self.keyring_note = keyring_note

        self.imap_host = QLineEdit()
        self.imap_host.setPlaceholderText("imap.example.com")
        self.imap_port = QSpinBox()
        self.imap_port.setRange(1, 65535)
        self.imap_port.setValue(993)
        self.imap_security = _security_box()
        self.smtp_host = QLineEdit()
        self.smtp_host.setPlaceholderText("smtp.example.com")
        self.smtp_port = QSpinBox()
        self.smtp_port.setRange(1, 65535)
        self.smtp_port.setValue(587)
        self.smtp_security = _security_box()
        self.smtp_security.setCurrentIndex(1)
        self.imap_security.activated.connect(
            lambda _i: self._default_port(self.imap_port, self.imap_security, 993, 143)
        )
        self.smtp_security.activated.connect(
            lambda _i: self._default_port(self.smtp_port, self.smtp_security, 465, 587)
        )
        servers = QFormLayout()
        servers.addRow(_t("Incoming (IMAP)"), self._server_row(
            self.imap_host, self.imap_port, self.imap_security))  # fmt: skip
        servers.addRow(_t("Outgoing (SMTP)"), self._server_row(
            self.smtp_host, self.smtp_port, self.smtp_security))  # fmt: skip

        self.sent_folder = QLineEdit()
        self.sent_folder.setPlaceholderText(_t("Found automatically"))
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(_t("The system's certificate authorities"))
        browse = QPushButton(_t("Browse…"))
        browse.clicked.connect(self._browse_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        self.window_days = QSpinBox()
        self.window_days.setRange(1, 3650)
        self.window_days.setValue(90)
        self.window_days.setSuffix(_t(" days"))
        self.enabled = QCheckBox(_t("Fetch and send mail for this mailbox"))
        self.enabled.setChecked(True)
        self.auto_ack = QCheckBox(
            _t("Acknowledge new conversations automatically with an expected answer time")
        )
        self.auto_ack.setToolTip(_t(
            "Each new customer conversation gets one reply, in the customer's language, "
            "saying when a person will answer: worked out from the SLA, business hours and "
            "the queue. Auto-replies, mailing lists and mail from before this is switched on "
            "never get one.\n\nCheck the promise first: supportdesk sla preview "
            "--priority normal --received 2026-11-20T16:00"
        ))  # fmt: skip
        self.signature = QPlainTextEdit()
        self.signature.setMaximumHeight(70)
        self.signature.setPlaceholderText(_t(
            "Below replies and new mail; {customer_name}, {ticket}, {agent} work as in canned "
            "answers"))  # fmt: skip
        self.plain_text_only = QCheckBox(_t("Send plain text only (no formatting)"))
        self.attachment_limit = QSpinBox()
        self.attachment_limit.setRange(1, 500)
        self.attachment_limit.setValue(25)
        self.attachment_limit.setSuffix(" MB")
        self.folders = QLineEdit()
        self.folders.setPlaceholderText(_t("Other folders to fetch, e.g. Archive, Support/VIP"))
        more = QFormLayout()
        more.addRow(_t("Also fetch"), self.folders)
        more.addRow(_t("Signature"), self.signature)
        more.addRow("", self.plain_text_only)
        more.addRow(_t("Attachments up to"), self.attachment_limit)
        more.addRow(_t("Sent folder"), self.sent_folder)
        more.addRow(_t("Trusted certificate"), ca_row)
        more.addRow(_t("First fetch reaches back"), self.window_days)
        more.addRow("", self.enabled)
        more.addRow(self.auto_ack)  # the whole width: the sentence stays on one line

        self.test_button = QPushButton(_t("Test connection"))
        self.test_button.clicked.connect(self._test)
        self.save_button = QPushButton(_t("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._save)
        close = QPushButton(_t("Close"))
        close.clicked.connect(self.accept)
        self.outcome = escaped_rich(PlainLabel())
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.setMinimumHeight(48)
        self.outcome.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        right = QVBoxLayout()
        account_box = QVBoxLayout()
        account_box.addLayout(account)
        account_box.addWidget(keyring_note)
        for title, inner in ((_t("Account"), account_box), (_t("Servers"), servers),
                             (_t("More"), more)):  # fmt: skip
            group = QGroupBox(title)
            group.setLayout(inner)
            right.addWidget(group)
        right.addWidget(self.outcome)
        right.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        right.addLayout(buttons)

        outer = QHBoxLayout(self)
        outer.addLayout(left)
        outer.addLayout(right, 1)
        self._fill_list()
        if self.mailboxes:
            self.list.setCurrentRow(0)
        else:
            self.new_mailbox()

    # -- layout helpers -----------------------------------------------------------------

    @staticmethod
    def _server_row(host: QLineEdit, port: QSpinBox, security: QComboBox) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(host, 1)
        row.addWidget(PlainLabel(_t("port")))
        row.addWidget(port)
        row.addWidget(security)
        return box

    @staticmethod
    def _default_port(port: QSpinBox, security: QComboBox, tls: int, starttls: int) -> None:
        if port.value() in (tls, starttls):
            port.setValue(tls if security.currentData() == "tls" else starttls)

    def _browse_ca(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, _t("Certificate authority (PEM)"), "", _t("Certificates (*.pem *.crt)")
        )
        if name:
            self.ca_file.setText(name)

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for box in self.mailboxes:
            problem = self.sign_in_problem(box.id) if box.auth == "oauth2" else None
            suffix = "\n⚠ " + _t("Sign in again") if problem else ""
            item = QListWidgetItem(f"{box.name}\n{box.address}{suffix}")
            item.setData(Qt.ItemDataRole.UserRole, box.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.remove.setEnabled(bool(self.mailboxes))

    # -- the form ------------------------------------------------------------------------

    def _picked(self, row: int) -> None:
        if 0 <= row < len(self.mailboxes):
            self.show_mailbox(self.mailboxes[row])

    def show_mailbox(self, box: MailboxInfo) -> None:
        """Fill the form with a mailbox's settings."""
        self.current_id = box.id
        self.name.setText(box.name)
        self.address.setText(box.address)
        self.display_name.setText(box.display_name)
        self.username.setText(box.username)
        self.password.clear()
        self.password.setPlaceholderText(
            _t("Stored; type to change it") if box.id and self.has_password(box.id)
            else _t("Needed to fetch and send")
        )  # fmt: skip
        self.imap_host.setText(box.imap_host)
        self.imap_port.setValue(box.imap_port)
        self.imap_security.setCurrentIndex(max(0, self.imap_security.findData(box.imap_security)))
        self.smtp_host.setText(box.smtp_host)
        self.smtp_port.setValue(box.smtp_port)
        self.smtp_security.setCurrentIndex(max(0, self.smtp_security.findData(box.smtp_security)))
        self.sent_folder.setText(box.sent_folder or "")
        self.ca_file.setText(box.ca_file or "")
        self.window_days.setValue(box.fetch_window_days)
        self.enabled.setChecked(box.enabled)
        self.auto_ack.setChecked(box.auto_ack)
        self._show_auth(box)
        prefs = self.load_prefs(box.id) if box.id else Prefs()
        self.signature.setPlainText(prefs.signature)
        self.plain_text_only.setChecked(prefs.plain_text_only)
        self.attachment_limit.setValue(prefs.attachment_limit_mb)
        self.folders.setText(", ".join(prefs.folders))
        self.outcome.clear()

    def prefs(self) -> Prefs:
        """Signature and sending preferences as typed."""
        folders = tuple(f.strip() for f in self.folders.text().split(",") if f.strip())
        return Prefs(self.signature.toPlainText(), self.plain_text_only.isChecked(),
                     self.attachment_limit.value(), folders)  # fmt: skip

    def _show_auth(self, box: MailboxInfo) -> None:
        """Say whether the mailbox signs in with OAuth2, and whether it must sign in again."""
        self.current_auth = box.auth
        self.password.setEnabled(box.auth != "oauth2")
        if box.auth == "oauth2":
            problem = self.sign_in_problem(box.id)
            self.auth_note.setText(problem or _t("Signs in with OAuth2; no password is used."))
            self.auth_note.setObjectName("error" if problem else "muted")
        else:
            self.auth_note.clear()

    def new_mailbox(self) -> None:
        """An empty form for a new mailbox."""
        self.list.clearSelection()
        self.show_mailbox(MailboxInfo(
            id="", name="", address="", display_name="", username="", imap_host="",
            imap_port=993, imap_security="tls", smtp_host="", smtp_port=587,
            smtp_security="starttls",
        ))  # fmt: skip
        self.name.setFocus()

    def form(self) -> MailboxInfo:
        """The settings as typed."""
        return MailboxInfo(
            id=self.current_id,
            name=self.name.text().strip(),
            address=self.address.text().strip(),
            display_name=self.display_name.text().strip(),
            username=self.username.text().strip() or self.address.text().strip(),
            imap_host=self.imap_host.text().strip(),
            imap_port=self.imap_port.value(),
            imap_security=str(self.imap_security.currentData()),
            smtp_host=self.smtp_host.text().strip(),
            smtp_port=self.smtp_port.value(),
            smtp_security=str(self.smtp_security.currentData()),
            sent_folder=self.sent_folder.text().strip() or None,
            ca_file=self.ca_file.text().strip() or None,
            fetch_window_days=self.window_days.value(),
            enabled=self.enabled.isChecked(),
            auto_ack=self.auto_ack.isChecked(),
            auth=self.current_auth,
        )

    def _checked_form(self) -> MailboxInfo | None:
        info = self.form()
        found = problems(info)
        if found:
            self.show_error(" ".join(found))
            return None
        return info

    def _test(self) -> None:
        info = self._checked_form()
        if info is None:
            return
        if info.auth != "oauth2" and not self.password.text() and not (
            info.id and self.has_password(info.id)
        ):
            self.show_error(_t("Type the password first."))
            return
        self.test_button.setEnabled(False)
        self.outcome.setText(_escape(_t("Testing… signing in to {0} and {1}.").format(
            info.imap_host, info.smtp_host)))  # fmt: skip
        self.test_requested.emit(info, self.password.text())

    def _oauth(self, key: str) -> None:
        """Fill in the preset's servers (when empty) and ask the controller to sign in."""
        from supportdesk.ui.mail.signin import preset

        chosen = preset(key)
        if chosen.imap_host and not self.imap_host.text().strip():
            self.imap_host.setText(chosen.imap_host)
            self.imap_port.setValue(chosen.imap_port)
            self.imap_security.setCurrentIndex(0 if chosen.imap_security == "tls" else 1)
        if chosen.smtp_host and not self.smtp_host.text().strip():
            self.smtp_host.setText(chosen.smtp_host)
            self.smtp_port.setValue(chosen.smtp_port)
            self.smtp_security.setCurrentIndex(0 if chosen.smtp_security == "tls" else 1)
        if not self.username.text().strip():
            self.username.setText(self.address.text().strip())
        info = self._checked_form()
        if info is not None:
            self.oauth_requested.emit(info, key)

    def _save(self) -> None:
        info = self._checked_form()
        if info is not None:
            self.save_requested.emit(info, self.password.text(), self.remember.isChecked())

    def _remove(self) -> None:
        if self.current_id:
            self.remove_requested.emit(self.current_id)

    # -- answers from the controller ----------------------------------------------------

    def show_report(self, report: ConnectionReport) -> None:
        """Show what the connection test found, step by step."""
        self.test_button.setEnabled(True)
        steps = [*report.before, report.imap, report.smtp]
        self.outcome.setText("<br>".join(_step_html(step) for step in steps))

    def show_error(self, message: str) -> None:
        """Show a problem with the settings or with saving them."""
        self.test_button.setEnabled(True)
        self.outcome.setText(f'<span style="color:#c0392b">⚠ {_escape(message)}</span>')

    def saved(self, info: MailboxInfo, note: str = "") -> None:
        """The mailbox was stored; refresh the list."""
        self.current_id = info.id
        self._show_auth(info)
        found = [i for i, b in enumerate(self.mailboxes) if b.id == info.id]
        if found:
            self.mailboxes[found[0]] = info
        else:
            self.mailboxes.append(info)
        self._fill_list()
        self.list.blockSignals(True)
        self.list.setCurrentRow(next(i for i, b in enumerate(self.mailboxes) if b.id == info.id))
        self.list.blockSignals(False)
        self.password.clear()
        self.password.setPlaceholderText(_t("Stored; type to change it"))
        text = "✓ " + _t("Saved.")
        self.outcome.setText(_escape(text + (" " + note if note else "")))

    def removed(self, mailbox_id: str) -> None:
        """The mailbox is gone."""
        self.mailboxes = [b for b in self.mailboxes if b.id != mailbox_id]
        self._fill_list()
        if self.mailboxes:
            self.list.setCurrentRow(0)
        else:
            self.new_mailbox()



def _escape(text: str) -> str:
    return html.escape(text)


def _step_html(step: StepResult) -> str:
    if step.ok:
        return f'<span style="color:#2e7d32">✓ {_escape(step.message)}</span>'
    return (
        f'<span style="color:#c0392b">✗ <b>{_escape(stage_title(step.stage))}</b> — '
        f"{_escape(step.message)}</span>"
    )
