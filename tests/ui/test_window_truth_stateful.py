"""A rep's random hour against the real window (offscreen), with writes arriving from
outside: after every step the window and a fresh read of the database agree.

Bounded (few examples, short runs, one seeded profile copied per run) so it stays
well under a minute; waits are for conditions, never fixed sleeps.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import select

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from supportdesk.config import Settings
from supportdesk.models import Conversation, Priority, Status, new_id, utcnow
from supportdesk.services import actions, demo, inbox
from supportdesk.services.mail.ingest import ingest_raw
from supportdesk.store import Store, UnitOfWork
from supportdesk.store.hlc import HybridClock
from supportdesk.sync import apply
from supportdesk.sync.client import _announce
from supportdesk.sync.merge import Mutation
from supportdesk.ui.mainwindow import MainWindow
from tests.conftest import DEMO_NOW
from tests.ui.truth import differences, quiet

VIEWS = [inbox.MY_OPEN, inbox.UNASSIGNED, inbox.ALL_OPEN, inbox.PENDING, inbox.OVERDUE,
         inbox.ViewKey("channel", "email"), inbox.ViewKey("tag", "billing")]
TAGS = ["billing", "vip", "follow-up"]


def _wait(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if condition():
            return True
        QTest.qWait(5)
    return condition()


def _mail(n: int) -> bytes:
    return (
        f"From: Walk In <walkin{n}@example.org>\nTo: support@example.com\n"
        f"Subject: Stateful {n}\nMessage-ID: <stateful-{n}-{time.time_ns()}@example.org>\n"
        f"Date: Tue, 17 Nov 2026 09:12:00 +0000\n\nHello {n}\n"
    ).encode()


class WindowTruth(RuleBasedStateMachine):
    template: Path
    root: Path
    runs = 0

    def __init__(self) -> None:
        super().__init__()
        WindowTruth.runs += 1
        self.profile = self.root / f"run{WindowTruth.runs}"
        shutil.copytree(self.template, self.profile)
        self.store = Store.open(self.profile)
        self.other = Store.open(self.profile)  # "the CLI": its commits are not announced
        self.window = MainWindow(self.store, Settings(self.profile))
        self.window.resize(1300, 800)
        self.window.show()
        self.window.select_view(inbox.ALL_OPEN)
        self.remote = HybridClock("another-laptop")
        self.mails = 0
        self.pulled: list[str] = []

    def teardown(self) -> None:
        self.window.close()
        self.window.deleteLater()
        QCoreApplication.processEvents()
        self.other.close()
        self.store.close()

    # -- helpers ----------------------------------------------------------------------

    def _pick(self, data: st.DataObject) -> str | None:
        with self.store.read() as session:
            ids = list(session.scalars(select(Conversation.id).order_by(Conversation.id)))
        return data.draw(st.sampled_from(ids)) if ids else None

    def _settled(self) -> None:
        assert _wait(lambda: quiet(self.window)), "the window never caught up"

    # -- the rep -----------------------------------------------------------------------

    @rule(key=st.sampled_from([Qt.Key.Key_J, Qt.Key.Key_K]), shift=st.booleans())
    def move(self, key: Qt.Key, shift: bool) -> None:
        self.window.table.setFocus()
        mods = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
        QTest.keyClick(self.window.table, key, mods)

    @rule(row=st.integers(0, 30))
    def open_row(self, row: int) -> None:
        self.window.select_row(row)

    @rule(view=st.sampled_from(VIEWS))
    def switch_view(self, view: inbox.ViewKey) -> None:
        self.window.select_view(view)

    @rule()
    def select_all(self) -> None:
        self.window.select_all()

    @rule()
    def pin(self) -> None:
        self.window.act_pin.trigger()

    @rule(who=st.integers(0, 3))
    def assign(self, who: int) -> None:
        agents = [None] + [a.id for a in self.window.agents]
        self.window.assign(agents[who % len(agents)])

    @rule(status=st.sampled_from(list(Status)))
    def status(self, status: Status) -> None:
        self.window.set_status(status)

    @rule(priority=st.sampled_from(list(Priority)))
    def priority(self, priority: Priority) -> None:
        self.window.set_priority(priority)

    @rule(tag=st.sampled_from(TAGS), on=st.booleans())
    def tag(self, tag: str, on: bool) -> None:
        self.window.tag(tag, on)

    @rule()
    def undo(self) -> None:
        self.window.act_undo.trigger()

    # -- the world outside the window -----------------------------------------------------

    @rule(data=st.data(), status=st.sampled_from(list(Status)))
    def another_store_writes(self, data: st.DataObject, status: Status) -> None:
        cid = self._pick(data)
        if cid is not None:
            self.other.write(lambda uow: actions.set_status(uow, cid, status))
            self.window.check_outside()

    @rule()
    def mail_arrives(self) -> None:
        self.mails += 1
        ingest_raw(self.store, _mail(self.mails))

    @rule(data=st.data(), priority=st.sampled_from(list(Priority)),
          status=st.sampled_from(list(Status)))
    def sync_pull(self, data: st.DataObject, priority: Priority, status: Status) -> None:
        """Another laptop's work arrives: a new conversation, or a change to one that
        came the same way (the demo's rows were never synced, so the server has none)."""
        if not self.pulled or data.draw(st.booleans()):
            cid = new_id()
            at = utcnow().isoformat()
            fields = {
                "id": cid, "subject": f"Pulled {len(self.pulled)}", "customer_id": None,
                "channel": "chat", "status": "open", "priority": priority.value,
                "assignee_id": None, "unread": True, "snippet": "from the team",
                "message_count": 0, "created_at": at, "last_activity_at": at,
            }
            mutation = Mutation("conversations", cid, "insert", fields, self.remote.now())
            self.pulled.append(cid)
        else:
            cid = data.draw(st.sampled_from(self.pulled))
            mutation = Mutation("conversations", cid, "update",
                                {"priority": priority.value, "status": status.value},
                                self.remote.now())

        def pull(uow: UnitOfWork) -> Any:
            out = apply.apply_mutations(uow.session, [mutation])
            _announce(uow, out)

        self.store.write(pull)

    # -- one truth ----------------------------------------------------------------------

    @invariant()
    def window_agrees_with_the_database(self) -> None:
        self._settled()
        problems: list[str] = []

        def agree() -> bool:
            nonlocal problems
            if not quiet(self.window):
                return False
            problems = differences(self.window)
            return not problems

        assert _wait(agree), problems


@pytest.mark.usefixtures("qapp")
def test_the_window_always_tells_the_truth(tmp_path: Path, qapp: QApplication) -> None:
    template = tmp_path / "template"
    seed = Store.open(template)
    demo.generate(seed, 40, seed=3, now=DEMO_NOW)
    seed.close()
    WindowTruth.template = template
    WindowTruth.root = tmp_path
    run_state_machine_as_test(
        WindowTruth,
        settings=settings(
            max_examples=5, stateful_step_count=12, deadline=None, derandomize=True,
            suppress_health_check=list(HealthCheck), database=None,
        ),
    )
