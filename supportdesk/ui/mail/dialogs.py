"""Small mail dialogs: a mailbox password for this session, moving a message."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from supportdesk.services.inbox import InboxRow
from supportdesk.services.mail.mailboxes import MailboxInfo
from supportdesk.services.mail.passwords import KeyringStatus
from supportdesk.ui.plain import PlainLabel


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


class PasswordDialog(QDialog):
    """Ask for a mailbox's password, saying why and where it will be kept."""

    def __init__(
        self,
        mailbox: MailboxInfo,
        status: KeyringStatus,
        reason: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.mailbox = mailbox
        self.setWindowTitle(_t("Mailbox password"))
        self.setMinimumWidth(440)
        intro = PlainLabel(
            _t("SupportDesk needs the password of {0} ({1}) to fetch and send mail.").format(
                mailbox.name, mailbox.address
            )
        )
        intro.setWordWrap(True)
        self.reason = PlainLabel(reason)
        self.reason.setWordWrap(True)
        self.reason.setObjectName("error")
        self.reason.setVisible(bool(reason))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_t("Password for {0}").format(mailbox.username))
        self.remember = QCheckBox(_t("Remember it in the system keyring"))
        self.remember.setChecked(status.usable)
        self.remember.setEnabled(status.usable)
        where = PlainLabel(
            status.reason
            if not status.usable
            else _t("Without the keyring, SupportDesk asks again next time.")
        )
        where.setWordWrap(True)
        where.setObjectName("muted")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addSpacing(4)
        layout.addWidget(self.password)
        layout.addWidget(self.remember)
        layout.addWidget(where)
        layout.addSpacing(6)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Only with a password typed."""
        if self.password.text():
            super().accept()


class MoveDialog(QDialog):
    """Choose the conversation a message moves to."""

    def __init__(
        self,
        candidates: list[InboxRow],
        search: Callable[[str], list[InboxRow]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Move the message to…"))
        self.setMinimumSize(520, 380)
        self.search = search
        self.chosen: str | None = None
        hint = PlainLabel(
            _t("Choose the conversation this message belongs to. The customer's other "
               "conversations are listed; type to search all.")
        )  # fmt: skip
        hint.setWordWrap(True)
        self.query = QLineEdit()
        self.query.setPlaceholderText(_t("Search by subject, customer or ticket number"))
        self.query.textEdited.connect(self._search)
        self.list = QListWidget()
        self.list.itemActivated.connect(lambda _item: self.accept())
        self._fill(candidates)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_t("Move here"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.query)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def _fill(self, rows: list[InboxRow]) -> None:
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.ticket}  ·  {row.subject}  ·  {row.customer_name}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
        if rows:
            self.list.setCurrentRow(0)

    def _search(self, text: str) -> None:
        if text.strip():
            self._fill(self.search(text))

    def accept(self) -> None:
        """Close with the highlighted conversation chosen."""
        if self.list.currentRow() < 0:
            return
        self.chosen = self.list.currentItem().data(Qt.ItemDataRole.UserRole)
        super().accept()
