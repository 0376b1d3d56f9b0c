"""Tools → Mailboxes: open the settings dialog and carry out what it asks (test, save, remove).

Functions of the mail controller, kept apart from it so it stays small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from supportdesk.channels.email.connection import test_connection
from supportdesk.config import TEAM_TIMEZONE
from supportdesk.services.mail.mailboxes import (
    MailboxInfo,
    get_mailbox,
    list_mailboxes,
    remove_mailbox,
    save_mailbox,
)
from supportdesk.services.mail.oauth import oauth_connection_test
from supportdesk.services.mail.passwords import endpoint
from supportdesk.services.mail.signatures import Prefs, get_prefs, mailbox_owner, save_prefs
from supportdesk.services.workflow import team
from supportdesk.store import UnitOfWork
from supportdesk.ui.mail.settings import MailboxSettingsDialog

if TYPE_CHECKING:
    from supportdesk.ui.mail.controller import MailController


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t



def open_mailbox_settings(self: MailController) -> MailboxSettingsDialog:
    """The mailbox settings (non-blocking); returns the dialog."""
    with self.store.read() as session:
        boxes = list_mailboxes(session)
    known = {b.id for b in boxes if self.passwords.get(b.id) is not None}
    dialog = MailboxSettingsDialog(boxes, self.passwords.status, known.__contains__,
                                   self.window, self.credentials.sign_in_problem,
                                   lambda mailbox_id: _prefs(self, mailbox_id))  # fmt: skip
    dialog.oauth_requested.connect(lambda info, key: self.oauth.start(dialog, info, key))
    dialog.test_requested.connect(lambda info, pw: test_settings(self, dialog, info, pw))
    dialog.save_requested.connect(lambda info, pw, keep: save_settings(self,
        dialog, info, pw, keep))  # fmt: skip
    dialog.remove_requested.connect(lambda mid: remove_settings(self, dialog, mid))
    self.settings_dialog = dialog
    dialog.open()
    return dialog



def _prefs(self: MailController, mailbox_id: str) -> Prefs:
    with self.store.read() as session:
        return get_prefs(session, mailbox_owner(mailbox_id))


def test_settings(
    self: MailController, dialog: MailboxSettingsDialog, info: MailboxInfo, password: str
) -> None:
    """Sign in to both servers in a worker and show what failed, step by step."""
    if not password and info.id:
        # the stored password only for the servers it was typed for
        password = self.passwords.get_for(info.id, endpoint(info)) or ""
    test = (lambda: oauth_connection_test(self.tokens, info)) if info.auth == "oauth2" else (
        lambda: test_connection(info.config(), password))  # fmt: skip
    self.run(test, dialog.show_report,
             lambda error: dialog.show_error(str(error)))  # fmt: skip



def save_settings(
    self: MailController, dialog: MailboxSettingsDialog, info: MailboxInfo, password: str,
    remember: bool,
) -> None:
    """Store the settings (and the password in the keyring), then reconnect.

    Only an owner may change a mailbox's servers, user name or CA file; a stored
    password is not sent to changed servers until it is typed again.
    """
    if not self.may_change_servers():
        before = self._servers_of(info.id) if info.id else None
        if before != endpoint(info):
            dialog.show_error(_t(
                "Only an owner of the team can add a mailbox or change its servers, "
                "user name or certificate file."))
            return

    def saved(mailbox_id: str) -> None:
        with self.store.read() as session:
            stored = get_mailbox(session, mailbox_id)
        if stored is None:
            return
        note = ""
        if password:
            note = self.passwords.set(mailbox_id, password, remember=remember) or ""
            if not note and not self.passwords.status.usable:
                note = self.passwords.status.reason
        elif self.passwords.get(mailbox_id) is None and self.passwords.changed(mailbox_id):
            note = _t("The servers changed: type the password again to use them.")
        dialog.saved(stored, note)
        self.restart_watcher(mailbox_id)
        self.update_status()

    fallback = team.fallback_zone(self.window.settings.get(TEAM_TIMEZONE))
    prefs = dialog.prefs()

    def save(uow: UnitOfWork) -> str:
        if info.auto_ack:  # the promise and `sla preview` must use one calendar
            team.pin_team(uow, fallback)
        mailbox_id = save_mailbox(uow, info)
        save_prefs(uow, mailbox_owner(mailbox_id), prefs)
        return mailbox_id

    self.write(save, saved, lambda error: dialog.show_error(str(error)))



def remove_settings(self: MailController, dialog: MailboxSettingsDialog, mailbox_id: str) -> None:
    """Remove a mailbox (its mail stays in the conversations)."""

    def removed(_r: object) -> None:
        self._stop_watcher(mailbox_id)
        self.run(lambda: self.passwords.forget(mailbox_id))
        dialog.removed(mailbox_id)
        self.update_status()

    self.write(lambda uow: remove_mailbox(uow, mailbox_id), removed,
               lambda error: dialog.show_error(str(error)))  # fmt: skip

