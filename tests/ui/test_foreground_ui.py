"""The window tells its store when it has work handed to it, and when that is done."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from supportdesk.config import Settings
from supportdesk.models import Priority
from supportdesk.services import actions, inbox
from supportdesk.store import Store
from supportdesk.ui.mainwindow import MainWindow


def test_the_window_is_the_foreground_while_open_and_every_hand_over_is_done(
    qtbot: QtBot, demo_store: Store
) -> None:
    front = demo_store.foreground
    pokes: list[str] = []
    poke = front.poke

    def counted() -> None:
        pokes.append(threading.current_thread().name.rstrip("_0123456789"))
        poke()

    front.poke = counted  # type: ignore[method-assign]
    window = MainWindow(demo_store, Settings(demo_store.profile))
    qtbot.addWidget(window)
    window.show()
    assert front.thread == threading.get_ident()
    cid = window.inbox_model.rows[0].id

    # A write through the window (its result is handed back), the commit it causes
    # (handed over by the bridge), and the reads that refresh the lists.
    window.ops.write(lambda uow: actions.set_priority(uow, cid, Priority.URGENT))
    qtbot.waitUntil(lambda: window.inbox_model.rows[0].priority == "urgent"
                    or window.inbox_model.row_of(cid) == -1, timeout=3000)
    window.select_view(inbox.SOLVED)
    qtbot.waitUntil(lambda: window.reads.pending == 0 and not window.ops.busy, timeout=3000)
    qtbot.waitUntil(lambda: not front.busy, timeout=3000)  # every poke was matched
    assert {"store-writer", "ui-reader"} <= set(pokes)

    window.close()
    assert front.thread is None and not front.busy  # what closes is waited for at full speed
