"""The window's side of a redirected mailbox (issue 13, finding 2): say so, ask again."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from supportdesk.config import Settings
from supportdesk.models import Agent, Mailbox
from supportdesk.services.mail.passwords import KeyringStatus, PasswordBook
from supportdesk.store import Store, UnitOfWork
from supportdesk.ui.mail.controller import MailController
from supportdesk.ui.mainwindow import MainWindow
from tests.services.mail.helpers import add_mailbox


def test_a_changed_mailbox_asks_again_naming_the_new_servers(
    qtbot: QtBot, store: Store, profile: Path,
) -> None:
    box = add_mailbox(store)
    window = MainWindow(store, Settings(profile))
    qtbot.addWidget(window)
    controller = MailController(window, passwords=PasswordBook(
        KeyringStatus(False, "test", "No keyring here.")))
    controller.auto_ask_passwords = False
    controller.passwords.set(box.id, "secret")
    assert controller.passwords.get(box.id) == "secret"

    def redirect(uow: UnitOfWork) -> None:
        row = uow.session.scalars(select(Mailbox).where(Mailbox.id == box.id)).one()
        uow.update(row, imap_host="mail.attacker.example")

    store.write(redirect)
    assert controller.passwords.get(box.id) is None
    dialog = controller.ask_password(box.id)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert "mail.attacker.example" in dialog.reason.text() and dialog.reason.isVisibleTo(dialog)

    # only an owner may change where a mailbox connects
    agent_id = "agent-1"
    store.write(lambda uow: uow.add(Agent(id=agent_id, name="Mallory", email=None, role="agent",
                                          active=True, created_at=datetime.now(UTC))))
    store.set_agent(agent_id)
    assert not controller.may_change_servers()
    settings = controller.open_settings()
    qtbot.addWidget(settings)
    errors: list[str] = []
    settings.show_error = errors.append  # type: ignore[method-assign]
    from dataclasses import replace

    from supportdesk.ui.mail.mailbox_settings import save_settings

    save_settings(controller, settings, replace(box, imap_host="evil.example"), "", False)
    assert errors and "Only an owner" in errors[0]
    controller.shutdown()
