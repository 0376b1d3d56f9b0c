"""History in the timeline: each kind of change appears once, in order, with the actor;
the lines can be hidden; the owner's Activity view lists one agent's changes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from supportdesk.config import Settings
from supportdesk.models import Activity, Message, MessageKind, Priority, Status, new_id, utcnow
from supportdesk.services import actions
from supportdesk.services.mail import manage
from supportdesk.services.sla import DEFAULT_TARGETS
from supportdesk.services.workflow import contracts, team
from supportdesk.store import Store, UnitOfWork
from supportdesk.ui import kb
from supportdesk.ui.mainwindow import MainWindow
from tests.services.kb.helpers import Setup, make_conversation

EXPECTED = [
    "Alex Morgan set Pending",
    "Alex Morgan set priority High",
    "Alex Morgan assigned Priya Raman",
    "Priya Raman added #billing",
    "Priya Raman removed #billing",
    "Priya Raman moved a message to another conversation (split)",
    "Rule “Urgent words” applied",
    "Alex Morgan set the SLA policy “Gold”",
    "Priya Raman set Open",
]


def _changes(store: Store, setup: Setup) -> None:
    cid = setup.conversation
    store.write(lambda uow: actions.set_status(uow, cid, Status.PENDING))
    store.write(lambda uow: actions.set_priority(uow, cid, Priority.HIGH))
    store.write(lambda uow: actions.assign(uow, cid, setup.other_agent))
    store.write(lambda uow: actions.set_status(uow, cid, Status.PENDING))  # no change: no line
    store.set_agent(setup.other_agent)
    store.write(lambda uow: actions.add_tag(uow, cid, "billing"))
    store.write(lambda uow: actions.remove_tag(uow, cid, "billing"))
    with store.read() as s:
        answer = s.scalar(select(Message.id).where(Message.conversation_id == cid,
                                                   Message.kind == MessageKind.EMAIL_OUT))
    assert answer is not None
    store.write(lambda uow: manage.split_message(uow, answer))

    def rule(uow: UnitOfWork) -> None:  # a rule acts with no agent
        uow.add(Activity(id=new_id(), conversation_id=cid, agent_id=None, kind="rule_applied",
                         detail={"name": "Urgent words"}, created_at=utcnow()))

    store.write(rule)
    store.set_agent(setup.agent)
    # The customer's contract gets another SLA policy: a line in each open conversation.
    gold = store.write(lambda uow: team.save_policy(uow, name="Gold", targets=DEFAULT_TARGETS)).id
    store.write(lambda uow: contracts.save_contract(
        uow, name="Support", kind="per_incident", starts_on=date(2026, 1, 1),
        customer_id=setup.customer, sla_policy_id=gold))
    store.set_agent(setup.other_agent)
    store.write(lambda uow: actions.set_status(uow, cid, Status.OPEN))
    store.set_agent(setup.agent)


@pytest.fixture
def app(qtbot: QtBot, store: Store, profile: Path) -> Iterator[tuple[MainWindow, Setup]]:
    setup = make_conversation(store)
    _changes(store, setup)
    window = MainWindow(store, Settings(profile))
    qtbot.addWidget(window)
    kb.install(window)
    window.reload_agents()
    window.show()
    yield window, setup
    window.close()


def _history(window: MainWindow) -> list[str]:
    text = window.pane.browser.toPlainText()
    return [line.split(" · ")[0] for line in text.splitlines()
            if " · " in line and any(line.startswith(w) for w in ("Alex", "Priya", "Rule"))]


def test_each_change_appears_once_in_order_with_the_actor(
        qtbot: QtBot, app: tuple[MainWindow, Setup]) -> None:
    window, setup = app
    window.open_conversation(setup.conversation)
    qtbot.waitUntil(lambda: bool(_history(window)), timeout=10_000)
    assert _history(window) == EXPECTED
    # Between the messages at their moment: the customer's question comes first.
    text = window.pane.browser.toPlainText()
    assert text.index("the password reset link says it expired") < text.index(EXPECTED[0])

    # Hidden and shown again; the choice is remembered.
    window.history_lines.act_lines.setChecked(False)
    assert _history(window) == []
    assert window.settings.get(kb.history.SHOW_LINES) is False
    window.history_lines.act_lines.setChecked(True)
    assert _history(window) == EXPECTED


def test_the_owner_sees_each_agents_activity(
        qtbot: QtBot, app: tuple[MainWindow, Setup], store: Store) -> None:
    window, setup = app
    view = window.history_lines.open_view()
    assert view is not None
    view.agent.setCurrentIndex(view.agent.findData(setup.other_agent))
    priya = [line for line in EXPECTED if line.startswith("Priya")]
    assert [line for line in view.lines() if line in EXPECTED] == priya[::-1]  # newest first
    # Someone who is not the owner is told so.
    store.set_agent(setup.other_agent)
    view.close()
    window.history_lines.view = None
    assert window.history_lines.open_view() is None
    assert "owner" in window.statusBar().currentMessage()
