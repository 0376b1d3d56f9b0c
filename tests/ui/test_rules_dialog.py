"""Tools → Rules… (offscreen): ordered list with counts, switch off, edit, try on a message."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from PySide6.QtCore import Qt

from supportdesk.config import Settings
from supportdesk.models import Conversation
from supportdesk.models.rules import Rule
from supportdesk.services.mail.ingest import ingest_raw
from supportdesk.services.rules.starter import URGENT_RULE_ID
from supportdesk.store import Store
from supportdesk.ui import rules as rules_ui
from supportdesk.ui.mainwindow import MainWindow
from supportdesk.ui.rules.dialog import RULE_ID, RulesDialog
from supportdesk.ui.rules.text import parse_actions, parse_conditions
from tests.services.rules.mails import mail


@pytest.fixture
def window(qtbot: QtBot, profile: Path) -> Iterator[MainWindow]:
    store = Store.open(profile)
    w = MainWindow(store, Settings(profile))
    qtbot.addWidget(w)
    rules_ui.install(w)
    w.show()
    yield w
    w.close()
    store.close()


def _names(dialog: RulesDialog) -> list[str]:
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def test_rules_dialog_lists_switches_edits_and_tries(qtbot: QtBot, window: MainWindow) -> None:
    store = window.store
    out = ingest_raw(store, mail("URGENT: site down", msgid="<ui@x>"), mailbox_key="s@x.test")
    action = next(a for a in window.tools_menu.actions() if a.objectName() == "rulesAction")
    action.trigger()
    dialog = window.rules.dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, RulesDialog)
    qtbot.addWidget(dialog)
    assert _names(dialog) == ["Mailing lists and auto-replies (fired 0)", "Urgent mail (fired 1)"]
    dialog.list.setCurrentRow(1)
    assert dialog.name.text() == "Urgent mail"
    assert "header:x-priority matches" in dialog.conditions.toPlainText()
    assert dialog.fired.text().startswith("Fired 1 times")

    # Try it on the open conversation and on a pasted message.
    window.current_id = out.conversation_id  # type: ignore[attr-defined]
    dialog.test_open.click()
    assert "Rule 'Urgent mail': set priority Urgent" in dialog.outcome_view.toPlainText()
    dialog.paste.setPlainText(mail("Срочно!", msgid="<p@x>").decode())
    dialog.test_paste.click()
    assert "Priority: urgent" in dialog.outcome_view.toPlainText()
    dialog.paste.setPlainText("")
    dialog.test_paste.click()
    assert dialog.outcome_view.toPlainText() == "The message is empty."

    # Switch the starter rule off: a row with its id is written, and it no longer fires.
    dialog.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    def switched_off() -> bool:
        with store.read() as s:
            row = s.get(Rule, URGENT_RULE_ID)
            return row is not None and not row.enabled
    qtbot.waitUntil(switched_off, timeout=5000)
    dialog.paste.setPlainText(mail("URGENT again", msgid="<p2@x>").decode())
    dialog.test_paste.click()
    assert "No rule would fire." in dialog.outcome_view.toPlainText()

    # A new rule, written as lines, saved, and moved to the top.
    dialog.new.click()
    dialog.name.setText("Billing")
    dialog.conditions.setPlainText("subject contains invoice\nsender_domain in [\"b.test\"]")
    dialog.then_edit.setPlainText("add_tag billing\nassign")
    dialog.save.click()
    qtbot.waitUntil(lambda: any(n.startswith("Billing") for n in _names(dialog)), timeout=5000)
    dialog.up.click()
    dialog.up.click()
    qtbot.waitUntil(lambda: _names(dialog)[0].startswith("Billing"), timeout=5000)
    out2 = ingest_raw(store, mail("Invoice 12", sender="x@b.test", msgid="<inv@x>"),
                      mailbox_key="s@x.test")
    with store.read() as s:
        assert s.scalars(select(Conversation.priority).where(
            Conversation.id == out2.conversation_id)).one() == "normal"
    dialog.reload()
    assert _names(dialog)[0] == "Billing (fired 1)"
    # A line that is not a condition is refused in words, nothing saved.
    dialog.conditions.setPlainText("subject")
    dialog.save.click()
    assert "Line 1" in dialog.error.text()
    assert dialog.list.item(0).data(RULE_ID) != URGENT_RULE_ID


def test_rule_lines_round_trip() -> None:
    conds = parse_conditions('header:x-priority matches ^\\s*1\nage_minutes gt 240\n'
                             '{"any": [{"field": "tag", "op": "is", "value": "vip"}]}')
    assert conds == [{"field": "header:x-priority", "op": "matches", "value": "^\\s*1"},
                     {"field": "age_minutes", "op": "gt", "value": 240},
                     {"any": [{"field": "tag", "op": "is", "value": "vip"}]}]
    assert parse_actions("set_priority urgent\nstop\nassign") == [
        {"type": "set_priority", "value": "urgent"}, {"type": "stop", "value": None},
        {"type": "assign", "value": ""}]


def test_the_timeline_shows_what_rules_and_pages_did_as_plain_text(profile: Path) -> None:
    from supportdesk.services import inbox
    from supportdesk.services.rules import service
    from supportdesk.ui.timeline import render

    store = Store.open(profile)
    try:
        store.write(lambda uow: service.save_rule(
            uow, name="<b>Loud</b>", conditions=[], actions=[{"type": "add_tag", "value": "x"}]))
        out = ingest_raw(store, mail("URGENT: down", msgid="<tl@x>"), mailbox_key="s@x.test")
        with store.read() as s:
            detail = inbox.conversation(s, out.conversation_id)
        assert detail is not None
        html = render(detail, dark=False)
        assert "Rule &#x27;Urgent mail&#x27; set priority Urgent" in html
        assert "&lt;b&gt;Loud&lt;/b&gt;" in html and "<b>Loud</b>" not in html
    finally:
        store.close()
