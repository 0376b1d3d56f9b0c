"""The workflow in the mail composer and the timeline (offscreen): canned answers from the
manager to the reply, the send check, the cover warning, work and escalations in the timeline."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from PySide6.QtWidgets import QDialogButtonBox

from supportdesk.config import Settings
from supportdesk.models import Conversation, Customer, MailOutgoing
from supportdesk.models.workflow import CannedResponse
from supportdesk.services.mail.ingest import ingest_raw
from supportdesk.services.mail.mailboxes import MailboxInfo, save_mailbox
from supportdesk.services.mail.passwords import KeyringStatus, PasswordBook
from supportdesk.services.workflow import canned, escalation
from supportdesk.store import Store, UnitOfWork
from supportdesk.ui import workflow as workflow_ui
from supportdesk.ui.mail.composer import CANNED_KEYS, ComposerDialog
from supportdesk.ui.mail.controller import MailController
from supportdesk.ui.mainwindow import MainWindow
from supportdesk.ui.workflow.canned_dialog import COL_LANGUAGE, COL_USES, CannedAnswersDialog
from supportdesk.ui.workflow.controller import WorkflowController
from tests.services.workflow.helpers import Team, add_message, at, make_team

SUPPORT = "support@acme.example"


def mail(subject: str = "Printer offline", body: str = "The printer says {E42}.",
         message_id: str = "<p1@example.ru>", extra: str = "") -> bytes:
    return (
        f"From: Anna Ivanova <anna@example.ru>\r\nTo: Support <{SUPPORT}>\r\n"
        f"Subject: {subject}\r\nMessage-ID: {message_id}\r\n{extra}"
        "Date: Mon, 16 Nov 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{body}\r\n"
    ).encode()


@dataclass
class Desk:
    window: MainWindow
    workflow: WorkflowController
    mail: MailController
    store: Store
    ids: Team
    cid: str


@pytest.fixture
def desk(qtbot: QtBot, profile: Path) -> Iterator[Desk]:
    store = Store.open(profile)
    ids = make_team(store)
    info = MailboxInfo(
        id="", name="Support", address=SUPPORT, display_name="Acme Support", username=SUPPORT,
        imap_host="127.0.0.1", imap_port=9, imap_security="tls", smtp_host="127.0.0.1",
        smtp_port=9, smtp_security="starttls", enabled=False,
    )
    store.write(lambda uow: save_mailbox(uow, info))
    cid = ingest_raw(store, mail()).conversation_id

    def russian(uow: UnitOfWork) -> None:
        conv = uow.session.scalars(select(Conversation).where(Conversation.id == cid)).one()
        customer = uow.session.scalars(
            select(Customer).where(Customer.id == conv.customer_id)).one()
        uow.update(customer, name="Анна Иванова", language="ru")

    store.write(russian)
    window = MainWindow(store, Settings(profile))
    qtbot.addWidget(window)
    workflow = workflow_ui.install(window)
    workflow.notifier.sound = lambda: None
    mail_controller = MailController(
        window, passwords=PasswordBook(KeyringStatus(False, "test", "No keyring here.")))
    mail_controller.auto_ask_passwords = False
    window.resize(1300, 850)
    window.show()
    window._flush_changes()
    window.open_conversation(cid)
    yield Desk(window, workflow, mail_controller, store, ids, cid)
    window.close()
    store.close()


def _outgoing(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(MailOutgoing)) or 0)


def _reply(qtbot: QtBot, d: Desk) -> ComposerDialog:
    composer = d.mail.compose("reply")
    assert composer is not None
    qtbot.addWidget(composer)
    return composer


def _new_answer(qtbot: QtBot, dialog: CannedAnswersDialog, title: str, shortcut: str,
                language: str, body: str) -> None:
    dialog.new_button.click()
    dialog.title.setText(title)
    dialog.shortcut.setText(shortcut)
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    dialog.body.setPlainText(body)
    assert dialog.save_button.isEnabled(), dialog.problem.text()
    count = len(dialog.answers)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(dialog.answers) == count + 1, timeout=3000)


def test_answer_written_in_the_manager_is_inserted_filled_from_the_composer(
    qtbot: QtBot, desk: Desk
) -> None:
    d = desk
    manager = d.workflow.manage.open_canned_manager()
    qtbot.addWidget(manager)
    _new_answer(qtbot, manager, "Greeting", "/hi", "en", "Hi ")
    # The owner writes the Russian text of the same shortcut, with the placeholder menu.
    manager.translate_button.click()
    assert (manager.title.text(), manager.shortcut.text()) == ("Greeting", "hi")
    assert manager.language_code() != "en"  # a language /hi has no answer in yet
    manager.language.setCurrentIndex(manager.language.findData("ru"))
    manager.body.setPlainText("Здравствуйте, ")
    manager.body.moveCursor(manager.body.textCursor().MoveOperation.End)
    manager.placeholder_actions["customer_name"].trigger()
    manager.body.insertPlainText("! Ваше обращение {ticket}. {agent}")
    manager.save_button.click()
    qtbot.waitUntil(lambda: manager.table.rowCount() == 2, timeout=3000)
    languages = sorted(manager.table.item(r, COL_LANGUAGE).text() for r in range(2))
    assert languages == ["en", "ru"]

    composer = _reply(qtbot, d)
    assert composer.canned_button.isVisible()
    assert CANNED_KEYS in composer.canned_button.toolTip()
    composer.body.moveCursor(composer.body.textCursor().MoveOperation.Start)
    composer.canned_button.click()
    picker = d.workflow.canned_picker
    assert picker is not None and picker.isVisible()
    qtbot.addWidget(picker)
    picker.query.setText("/hi")
    picker.refresh()
    # Both languages match the shortcut; the customer writes Russian, so that comes first.
    assert picker.results.count() == 2
    assert picker.results.item(0).text().endswith("·  ru")
    picker.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not picker.isVisible(), timeout=3000)
    text = composer.body.toPlainText()
    assert text.startswith("Здравствуйте, Анна Иванова! Ваше обращение SD-")
    assert "Alex Morgan" in text.splitlines()[0]
    assert "> The printer says {E42}." in text  # the quote stays below the inserted answer

    # The use is counted, and the owner sees it in the manager.
    def uses() -> int:
        with d.store.read() as s:
            return sum(canned.usage_counts(s).values())

    qtbot.waitUntil(lambda: uses() == 1, timeout=3000)
    manager.reload()
    used = {manager.table.item(r, COL_LANGUAGE).text(): manager.table.item(r, COL_USES).text()
            for r in range(manager.table.rowCount())}
    assert used == {"ru": "1", "en": "0"}

    # Braces in the quoted customer mail do not block the reply; it is queued.
    composer.request_send()
    qtbot.waitUntil(lambda: _outgoing(d.store) == 1, timeout=5000)


def test_the_manager_refuses_unknown_and_malformed_placeholders_and_retires_answers(
    qtbot: QtBot, desk: Desk
) -> None:
    d = desk
    manager = d.workflow.manage.open_canned_manager()
    qtbot.addWidget(manager)
    manager.new_button.click()
    manager.title.setText("Order")
    manager.shortcut.setText("order")
    manager.body.setPlainText("Hi {custmer_name}, which order?")
    assert not manager.save_button.isEnabled()
    assert "{custmer_name}" in manager.problem.text()
    assert "{customer_name}" in manager.problem.text()  # says what it can fill
    manager.body.setPlainText("Hi {customer name}, which order?")
    manager.allow_gaps.setChecked(True)
    assert not manager.save_button.isEnabled() and "{customer name}" in manager.problem.text()
    # A gap for the rep is allowed when the owner says so.
    manager.body.setPlainText("Hi {customer_name}, which order? {order_number}")
    assert manager.save_button.isEnabled()
    manager.shortcut.setText("two words")
    assert not manager.save_button.isEnabled()
    manager.shortcut.setText("order")
    manager.save_button.click()
    qtbot.waitUntil(lambda: manager.table.rowCount() == 1, timeout=3000)
    # The service refuses the same when the author did not allow gaps.
    with pytest.raises(canned.WorkflowError, match="cannot fill"):
        d.store.write(lambda uow: canned.save_canned(
            uow, title="x", body="{order_number}", allow_unknown=False))
    # The same shortcut in the same language is taken; in another language it is not.
    manager.new_button.click()
    manager.title.setText("Order again")
    manager.shortcut.setText("/order")
    manager.body.setPlainText("Which order?")
    assert not manager.save_button.isEnabled() and "/order" in manager.problem.text()
    manager.language.setCurrentIndex(manager.language.findData("is"))
    assert manager.save_button.isEnabled()

    manager.select(manager.answers[0].id)
    manager._ask = lambda _p, _title, text: "Order" in text
    manager.delete_button.click()
    qtbot.waitUntil(lambda: manager.table.rowCount() == 0, timeout=3000)
    with d.store.read() as s:
        row = s.scalars(select(CannedResponse)).one()
        assert row.active is False  # a tombstone that syncs, not a hard delete
        assert canned.list_canned(s) == []


def test_switching_answers_asks_before_dropping_unsaved_edits(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    d = desk
    for title in ("Alpha", "Beta"):
        d.store.write(lambda uow, t=title: canned.save_canned(uow, title=t, body=f"{t} text"))
    manager = d.workflow.manage.open_canned_manager()
    qtbot.addWidget(manager)
    qtbot.waitUntil(lambda: manager.table.rowCount() == 2, timeout=3000)
    manager.table.selectRow(0)
    first = manager.current_id
    manager.body.setPlainText("An edit not saved yet")
    asked: list[str] = []

    def keep(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", keep)
    manager.table.selectRow(1)
    assert asked and "not saved" in asked[0]
    assert manager.current_id == first and manager.body.toPlainText() == "An edit not saved yet"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: QMessageBox.StandardButton.Discard)
    manager.table.selectRow(1)
    assert manager.current_id != first and manager.body.toPlainText().endswith("text")


def test_a_reply_with_an_unfilled_placeholder_is_not_queued(qtbot: QtBot, desk: Desk) -> None:
    d = desk
    composer = _reply(qtbot, d)
    composer.body.setPlainText("Which order is it? {order_number}")
    composer.send.click()
    assert composer.isVisible()
    assert "{order_number}" in composer.error.text()
    assert composer.send.isEnabled()
    assert composer.body.toPlainText() == "Which order is it? {order_number}"
    qtbot.wait(50)
    assert _outgoing(d.store) == 0


def test_a_message_that_arrives_while_writing_is_shown_before_sending(
    qtbot: QtBot, desk: Desk
) -> None:
    d = desk
    composer = _reply(qtbot, d)
    composer.body.setPlainText("We are on it.")
    asked: list[str] = []

    def say_no(_parent: object, text: str) -> bool:
        asked.append(text)
        return False

    d.workflow.ask_new_messages = say_no
    d.store.write(lambda uow: add_message(uow, d.cid, at(16, 9, 40), customer_id=d.ids.customer,
                                          text="Never mind, it works again"))
    composer.send.click()
    assert asked and "Never mind, it works again" in asked[0]
    assert "Send your reply anyway?" in asked[0]
    # Cancelled: nothing is queued and the reply is still there to change.
    assert composer.isVisible() and composer.body.toPlainText() == "We are on it."
    assert "Not sent" in composer.error.text()
    assert _outgoing(d.store) == 0
    # The rep has read it now; sending again does not ask about the same message.
    composer.body.setPlainText("Glad it works again.")
    composer.send.click()
    assert len(asked) == 1
    qtbot.waitUntil(lambda: _outgoing(d.store) == 1, timeout=5000)


def test_the_composer_warns_before_work_on_a_customer_without_cover(
    qtbot: QtBot, desk: Desk
) -> None:
    composer = _reply(qtbot, desk)
    assert composer.notice.isVisibleTo(composer)
    assert "No support contract" in composer.notice.text()


def test_vendor_time_work_time_and_escalations_are_drawn_in_the_timeline(
    qtbot: QtBot, desk: Desk
) -> None:
    d = desk
    w = d.workflow
    dialog = w.make_time_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.vendor.setChecked(True)
    dialog.vendor_name.setText("Contoso Printers")
    dialog.vendor_case.setText("CP-1")
    dialog.minutes.setValue(40)
    dialog.phone_minutes.setValue(25)
    dialog.note.setText("Firmware bug confirmed")
    w.save_time(dialog)

    def text() -> str:
        d.window._flush_changes()
        return d.window.pane.browser.toPlainText()

    qtbot.waitUntil(lambda: "Contoso Printers" in text(), timeout=3000)
    shown = text()
    assert "Vendor support · Alex Morgan" in shown
    assert "their case CP-1 · 40 min (25 min on the phone) · billable" in shown
    assert "Firmware bug confirmed" in shown

    work = w.make_time_dialog()
    assert work is not None
    qtbot.addWidget(work)
    work.minutes.setValue(75)
    work.billable.setChecked(False)
    w.save_time(work)
    qtbot.waitUntil(lambda: "Time logged · Alex Morgan" in text(), timeout=3000)
    assert "1 h 15 min · not billable" in text()

    d.store.write(lambda uow: escalation.escalate(
        uow, d.cid, reason="Needs the firmware team", tried="Power cycle",
        to_agent_id=d.ids.expert, to_tier="Tier 3"))
    qtbot.waitUntil(lambda: "Escalated to Дмитрий Соколов (Tier 3)" in text(), timeout=3000)
    assert "Why Needs the firmware team" in text() and "Tried Power cycle" in text()
    d.store.write(lambda uow: escalation.de_escalate(uow, d.cid, reason="Fixed in 2.1"))
    qtbot.waitUntil(lambda: "Why Fixed in 2.1" in text(), timeout=3000)
    assert "De-escalated" in text() or "Handed back to" in text()
    # The customer's mail is still the first item; the work follows in order.
    assert text().index("The printer says") < text().index("Contoso Printers") < text().index(
        "Time logged") < text().index("Escalated to")
