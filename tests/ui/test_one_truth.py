"""One truth on screen: list rows, sidebar counts and the pane move together, whoever
writes; undo; many at once; a keyboard map without clashes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from supportdesk.app import install_extensions
from supportdesk.config import Settings
from supportdesk.models import Conversation, OutboxEntry, Priority, Status, utcnow
from supportdesk.models.workflow import SlaTracking, sla_tracking_id
from supportdesk.services import actions, demo, inbox
from supportdesk.store import Store, UnitOfWork
from supportdesk.ui.mainwindow import MainWindow
from supportdesk.ui.models import COL_DUE
from tests.conftest import DEMO_NOW
from tests.ui.truth import assert_truth, settle


@pytest.fixture
def seeded(profile: Path) -> Path:
    seed = Store.open(profile)
    demo.generate(seed, 60, seed=5, now=DEMO_NOW)
    seed.close()
    return profile


@pytest.fixture
def window(qtbot: QtBot, seeded: Path) -> Iterator[MainWindow]:
    store = Store.open(seeded)
    w = MainWindow(store, Settings(seeded))
    qtbot.addWidget(w)
    w.resize(1400, 860)
    w.show()
    yield w
    w.close()
    store.close()


def _open_view(window: MainWindow, key: inbox.ViewKey) -> None:
    window.select_view(key)
    assert window.inbox_model.rowCount() >= 3


def test_pane_and_selection_move_together_when_the_open_row_leaves(
    qtbot: QtBot, window: MainWindow
) -> None:
    _open_view(window, inbox.ALL_OPEN)
    window.select_row(1)
    leaving = window.current_id
    assert leaving is not None
    following = window.inbox_model.rows[2].id

    window.set_status(Status.PENDING)
    qtbot.waitUntil(lambda: window.inbox_model.row_of(leaving) < 0, timeout=5000)
    # The row that took its place is selected and open, nothing else.
    assert window.current_id == following
    assert window.selected_ids() == [following]
    assert window.pane.detail is not None and window.pane.detail.row.id == following
    assert "Pending" in window.notice.text()
    assert window.notice.button.text() == "Open"
    window.notice.button.click()
    assert window.current_id == leaving
    settle(qtbot, window)
    assert_truth(window)


def test_pinned_pane_stays(qtbot: QtBot, window: MainWindow) -> None:
    _open_view(window, inbox.ALL_OPEN)
    window.select_row(0)
    pinned = window.current_id
    window.act_pin.trigger()
    assert window.pinned
    window.step(1)
    assert window.current_id == pinned
    assert window.selected_ids() != [pinned]
    window.act_pin.trigger()
    assert window.current_id == window.selected_ids()[0]


def test_rows_read_with_j_lose_their_bold(qtbot: QtBot, window: MainWindow) -> None:
    _open_view(window, inbox.ALL_OPEN)
    unread = [i for i, r in enumerate(window.inbox_model.rows) if r.unread]
    assert unread, "the demo has unread conversations"
    window.select_row(unread[0] - 1 if unread[0] > 0 else 0)
    if unread[0] > 0:
        window.table.setFocus()
        qtbot.keyClick(window.table, Qt.Key.Key_J)
    cid = window.inbox_model.rows[unread[0]].id
    assert window.current_id == cid

    def plain() -> bool:
        row = window.inbox_model.row_of(cid)
        return row >= 0 and window.inbox_model.index(row, 1).data(Qt.ItemDataRole.FontRole) is None

    qtbot.waitUntil(plain, timeout=5000)
    settle(qtbot, window)
    assert_truth(window)


def test_due_column_follows_sla_tracking_written_later(qtbot: QtBot, window: MainWindow) -> None:
    """The SLA follower writes tracking in its own unit of work, after the call or the
    status change: the row's due cell must follow it (it stayed "-4 h" in red before)."""
    _open_view(window, inbox.ALL_OPEN)
    cid = window.inbox_model.rows[0].id
    soon = utcnow().replace(microsecond=0)

    def move_due(uow: UnitOfWork) -> None:
        tr = uow.session.get(SlaTracking, sla_tracking_id(cid))
        assert tr is not None
        uow.update(tr, resolution_due=soon + timedelta(hours=8),
                   next_due_at=soon + timedelta(hours=8), warn_at=soon + timedelta(hours=6),
                   breached_at=None, first_response_due=None, next_response_due=None,
                   first_response_at=soon)

    window.store.write(move_due)
    settle(qtbot, window)
    assert_truth(window)  # (the due cell equals a fresh reading of the tracking)
    row = window.inbox_model.row_of(cid)
    assert row >= 0
    due = window.inbox_model.index(row, COL_DUE).data()
    assert due and not due.startswith("-")  # (business hours: the count may be less than 8 h)


def test_writes_from_another_store_show_in_rows_and_counts(
    qtbot: QtBot, window: MainWindow, seeded: Path
) -> None:
    _open_view(window, inbox.ALL_OPEN)
    before = window.inbox_model.total
    victim = window.inbox_model.rows[0].id
    other = Store.open(seeded)  # as the CLI would: its commits are not announced here
    try:
        other.write(lambda uow: actions.set_status(uow, victim, Status.SOLVED))
    finally:
        other.close()
    window.check_outside()
    qtbot.waitUntil(lambda: window.inbox_model.row_of(victim) < 0, timeout=5000)
    settle(qtbot, window)
    assert window.inbox_model.total == before - 1
    assert window.sidebar_model.count_of(inbox.ALL_OPEN) == before - 1
    assert_truth(window)


def test_undo_goes_several_steps_back_and_syncs(qtbot: QtBot, window: MainWindow) -> None:
    _open_view(window, inbox.ALL_OPEN)
    window.select_row(0)
    cid = window.current_id
    assert cid is not None
    window.set_pinned(True)  # the pane stays on it while it moves between views
    with window.store.read() as session:
        start = session.scalars(select(Conversation).where(Conversation.id == cid)).one()
        assert start is not None
        old_priority, old_assignee = start.priority, start.assignee_id
    new_priority = Priority.URGENT if old_priority != Priority.URGENT else Priority.LOW
    window.set_priority(new_priority, [cid])
    qtbot.waitUntil(lambda: len(window.undo_stack) == 1, timeout=5000)
    window.assign(None if old_assignee else window.store.agent_id, [cid])
    qtbot.waitUntil(lambda: len(window.undo_stack) == 2, timeout=5000)
    window.set_status(Status.PENDING, [cid])
    qtbot.waitUntil(lambda: len(window.undo_stack) == 3, timeout=5000)
    assert window.notice.text() == "Set to Pending"
    assert window.notice.button.text() == "Undo"
    window.tag("vip-customer", True, [cid])
    qtbot.waitUntil(lambda: len(window.undo_stack) == 4, timeout=5000)
    with window.store.read() as session:
        outbox_before = session.scalar(select(func.max(OutboxEntry.seq)))

    for _ in range(4):
        window.act_undo.trigger()
    qtbot.waitUntil(lambda: not window.ops.busy and not window.undo_stack, timeout=5000)
    with window.store.read() as session:
        conv = session.scalars(select(Conversation).where(Conversation.id == cid)).one()
        assert conv is not None
        assert (conv.status, conv.priority, conv.assignee_id) == (
            Status.OPEN, old_priority, old_assignee)
        assert "vip-customer" not in inbox.conversation(session, cid).tags  # type: ignore[union-attr]
        undone = session.execute(
            select(OutboxEntry.entity, OutboxEntry.op).where(OutboxEntry.seq > outbox_before)
        ).all()
    # Undo is a normal write: it travels in the outbox like the change it undid.
    assert ("conversations", "update") in undone
    assert ("conversation_tags", "tag_remove") in undone
    settle(qtbot, window)
    assert_truth(window)


def test_bulk_change_is_one_unit_of_work_and_one_undo_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    _open_view(window, inbox.ALL_OPEN)
    window.select_row(0)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.table, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    chosen = window.selected_ids()
    assert len(chosen) == 3
    commits: list[set[str]] = []  # (opening rows marks them read meanwhile: not counted)
    window.store.on_change(lambda c: commits.append(set(c.ids.get("conversations", ())))
                           if "priority" in c.fields.get("conversations", ()) else None)
    with window.store.read() as session:
        mark = inbox.outbox_mark(session)
        before = {c.id: c.priority for c in session.scalars(
            select(Conversation).where(Conversation.id.in_(chosen)))}
    target = Priority.URGENT if Priority.URGENT not in before.values() else Priority.LOW
    window.set_priority(target)
    qtbot.waitUntil(lambda: len(window.undo_stack) == 1, timeout=5000)
    assert commits == [set(chosen)]  # one unit of work for all three
    with window.store.read() as session:
        entries = [eid for eid, payload in session.execute(
            select(OutboxEntry.entity_id, OutboxEntry.payload).where(
                OutboxEntry.seq > mark, OutboxEntry.entity == "conversations")
        ) if "priority" in payload]
    assert sorted(entries) == sorted(chosen)  # one outbox entry per row
    settle(qtbot, window)
    assert set(window.selected_ids()) == set(chosen)  # the selection survives the change
    assert_truth(window)

    window.act_undo.trigger()
    qtbot.waitUntil(lambda: not window.undo_stack and not window.ops.busy, timeout=5000)
    with window.store.read() as session:
        after = {c.id: c.priority for c in session.scalars(
            select(Conversation).where(Conversation.id.in_(chosen)))}
    assert after == before
    settle(qtbot, window)
    assert_truth(window)


def test_ctrl_a_selects_the_list_and_bulk_tag(qtbot: QtBot, window: MainWindow) -> None:
    _open_view(window, inbox.PENDING)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(window.selected_ids()) == window.inbox_model.rowCount()
    window.tag("Follow Up", True)
    qtbot.waitUntil(lambda: len(window.undo_stack) == 1, timeout=5000)
    settle(qtbot, window)
    with window.store.read() as session:
        tagged = inbox.count(session, inbox.ViewKey("tag", "follow-up"), None)
    assert window.sidebar_model.count_of(inbox.ViewKey("tag", "follow-up")) == tagged
    assert_truth(window)


def _shortcut_owners(window: MainWindow) -> dict[tuple[str, int, int], list[str]]:
    """Every (key, context, scope widget) with the actions bound to it."""
    owners: dict[tuple[str, int, int], list[str]] = {}
    for action in window.findChildren(QAction):
        if not action.isEnabled() and not action.isVisible():
            continue
        context = action.shortcutContext()
        scope = action.parent()
        scope_id = id(window) if (
            context == Qt.ShortcutContext.WindowShortcut or not isinstance(scope, QWidget)
        ) else id(scope)
        if context == Qt.ShortcutContext.ApplicationShortcut:
            scope_id = 0
        for seq in action.shortcuts():
            key = seq.toString(QKeySequence.SequenceFormat.PortableText)
            owners.setdefault((key, int(context.value), scope_id), []).append(action.text())
    return owners


def test_no_two_actions_share_a_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    install_extensions(window)
    clashes = {k: v for k, v in _shortcut_owners(window).items() if len(v) > 1}
    assert not clashes, f"shortcuts bound twice: {clashes}"
    f5 = [a for a in window.findChildren(QAction) if QKeySequence("F5") in a.shortcuts()]
    assert [a.text() for a in f5] == ["Refresh"]


def test_f5_refreshes_once_and_runs_the_capabilities(qtbot: QtBot, window: MainWindow) -> None:
    ran: list[str] = []
    window.on_refresh(lambda: ran.append("fetch"))
    window.on_refresh(lambda: ran.append("sync"))
    window.act_refresh.trigger()
    assert ran == ["fetch", "sync"]
    settle(qtbot, window)
    assert_truth(window)


def test_merge_into_one_and_undo(qtbot: QtBot, window: MainWindow) -> None:
    _open_view(window, inbox.ALL_OPEN)
    window.select_row(0)
    window.step(1, extend=True)
    chosen = window.selected_ids()
    target = window.current_id
    assert len(chosen) == 2 and target in chosen
    other = next(i for i in chosen if i != target)
    with window.store.read() as session:
        counts = {c: inbox.conversation(session, c).row.message_count  # type: ignore[union-attr]
                  for c in chosen}
    window.merge_selected()
    qtbot.waitUntil(lambda: len(window.undo_stack) == 1, timeout=5000)
    with window.store.read() as session:
        merged = inbox.conversation(session, target)  # type: ignore[arg-type]
        emptied = inbox.conversation(session, other)
        assert merged is not None and emptied is not None
        assert merged.row.message_count == counts[target] + counts[other]  # type: ignore[index]
        assert emptied.row.message_count == 0 and emptied.row.status == "solved"
    settle(qtbot, window)
    assert_truth(window)
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: not window.undo_stack and not window.ops.busy, timeout=5000)
    with window.store.read() as session:
        for c in chosen:
            back = inbox.conversation(session, c)
            assert back is not None and back.row.message_count == counts[c]
            assert back.row.status == "open"
    settle(qtbot, window)
    assert_truth(window)
