"""Qt models: qtmodeltester, lazy paging, and in-place updates."""

from __future__ import annotations

import sys

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from PySide6.QtWidgets import QApplication, QListView, QTableView

from supportdesk.models import Conversation, Status
from supportdesk.services import actions, inbox
from supportdesk.store import ChangeSet, Store
from supportdesk.ui.models import (
    COL_CUSTOMER,
    COL_PRIORITY,
    COL_SUBJECT,
    FILL_FIRST,
    ROLE_ID,
    HistoryModel,
    InboxModel,
    SidebarModel,
    priority_title,
)


def test_sidebar_model_passes_modeltester(
    qapp: QApplication, qtmodeltester: ModelTester, demo_store: Store
) -> None:
    model = SidebarModel(demo_store)
    model.refresh()
    qtmodeltester.check(model, force_py=True)
    assert model.count_of(inbox.ALL_OPEN) > 0


def test_inbox_model_passes_modeltester_and_pages(
    qapp: QApplication, qtmodeltester: ModelTester, demo_store: Store
) -> None:
    model = InboxModel(demo_store, page_size=10)
    model.set_view(inbox.SOLVED)
    assert model.rowCount() == 10 and model.total > 10
    qtmodeltester.check(model, force_py=True)  # the tester fetches pages itself
    # Paging on its own (the tester re-enters fetchMore from its signal handlers).
    model = InboxModel(demo_store, page_size=10)
    model.set_view(inbox.SOLVED)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total
    assert len({r.id for r in model.rows}) == model.total


def test_history_model_passes_modeltester(
    qapp: QApplication, qtmodeltester: ModelTester, demo_store: Store
) -> None:
    model = HistoryModel()
    with demo_store.read() as s:
        model.set_rows(inbox.page(s, inbox.SOLVED, None, limit=5))
    qtmodeltester.check(model, force_py=True)


def _changes(store: Store, work) -> ChangeSet:  # type: ignore[no-untyped-def]
    heard: list[ChangeSet] = []
    remove = store.on_change(heard.append)
    store.write(work)
    remove()
    return heard[0]


def test_solving_removes_only_that_row(qtbot: QtBot, demo_store: Store) -> None:
    model = InboxModel(demo_store)
    model.set_view(inbox.ALL_OPEN)
    target = model.rows[3].id
    before = [r.id for r in model.rows]
    changes = _changes(demo_store, lambda uow: actions.set_status(uow, target, Status.SOLVED))
    with qtbot.waitSignal(model.rowsRemoved, timeout=1000):
        model.apply_changes(changes)
    assert [r.id for r in model.rows] == [i for i in before if i != target]


def test_new_note_moves_row_to_top_and_priority_changes_in_place(
    qtbot: QtBot, demo_store: Store
) -> None:
    model = InboxModel(demo_store)
    model.set_view(inbox.ALL_OPEN)
    last = model.rows[-1].id
    changes = _changes(demo_store, lambda uow: actions.add_note(uow, last, "ping", "A"))
    model.apply_changes(changes)
    assert model.rows[0].id == last
    first = model.rows[1].id
    old_priority = model.rows[1].priority
    new = "urgent" if old_priority != "urgent" else "low"
    changes = _changes(demo_store, lambda uow: actions.set_priority(uow, first, new))  # type: ignore[arg-type]
    with qtbot.waitSignal(model.dataChanged, timeout=1000) as blocker:
        model.apply_changes(changes)
    assert blocker.args[0].row() == 1
    assert model.rows[1].priority == new


def test_reopened_conversation_appears_in_open_view(qapp, demo_store: Store) -> None:
    model = InboxModel(demo_store)
    model.set_view(inbox.ALL_OPEN)
    with demo_store.read() as s:
        solved = s.scalars(
            select(Conversation.id).where(Conversation.status == "solved").limit(1)
        ).one()
    total = model.total
    changes = _changes(demo_store, lambda uow: actions.set_status(uow, solved, Status.OPEN))
    model.apply_changes(changes)
    assert model.total == total + 1


def _python_calls_while(run) -> int:  # type: ignore[no-untyped-def]
    """How many times Qt called into this project's Python code while ``run`` ran."""
    calls = 0
    here = sys._getframe()

    def count(frame, event, _arg):  # type: ignore[no-untyped-def]
        nonlocal calls
        if event == "call" and frame.f_back is not None and frame.f_back.f_back is here:
            calls += "supportdesk" in frame.f_code.co_filename
    sys.setprofile(count)
    try:
        run()
    finally:
        sys.setprofile(None)
    return calls


def test_the_list_shows_every_row_and_paints_without_calling_python(
    qtbot: QtBot, demo_store: Store
) -> None:
    # While a sync keeps the store's writer busy, each call from Qt into Python waits for
    # the interpreter lock: the inbox list and the sidebar keep what they show in Qt's
    # own items, so painting them makes no such call at all.
    sidebar = SidebarModel(demo_store)
    sidebar.refresh()
    model = InboxModel(demo_store, page_size=150)
    model.set_view(inbox.SOLVED)
    n = model.rowCount()
    assert n == len(model.rows) > FILL_FIRST
    table, side = QTableView(), QListView()
    table.setModel(model)
    side.setModel(sidebar)
    for view in (table, side):
        view.resize(900, 5000)  # every row on screen
        view.show()
        qtbot.waitExposed(view)
    # Rows past the first screenful are built a slice at a time, soon after.
    last = model.rows[-1]
    qtbot.waitUntil(lambda: model.index(n - 1, COL_SUBJECT).data() == last.subject, timeout=3000)
    assert model.index(n - 1, 0).data(ROLE_ID) == last.id
    assert [model.index(r, COL_CUSTOMER).data() for r in range(n)] == [
        r.customer_name for r in model.rows
    ]
    assert _python_calls_while(lambda: (table.viewport().repaint(),
                                        side.viewport().repaint())) == 0
    # A change updates the row in place (and the next paint shows it).
    target = model.rows[5]
    new_priority = "urgent" if target.priority != "urgent" else "low"
    changes = _changes(demo_store, lambda uow: actions.set_priority(uow, target.id, new_priority))  # type: ignore[arg-type]
    model.apply_changes(changes)
    assert model.index(5, COL_PRIORITY).data() == priority_title(new_priority)
    assert _python_calls_while(lambda: table.viewport().repaint()) == 0


def test_inbox_cells_are_made_by_qt_not_python(qapp: QApplication, demo_store: Store) -> None:
    """The inbox's items are Qt's own: Python holds none.

    Qt asks a Python-made item whether Python overrides ``data()`` the first time it
    paints it, taking the interpreter lock once per cell: beside a busy writer a
    reset's repaint took 300 ms. And a wrapper Python kept for an item Qt made
    (``clone()``) outlived it: the next Qt object at that address (once, in CI, a
    window's selection model) came back to Python as a stale ``QStandardItem``.
    """
    import shiboken6
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem

    def item_wrappers() -> int:
        return sum(isinstance(w, QStandardItem) for w in shiboken6.getAllValidWrappers())

    model = InboxModel(demo_store, page_size=10)
    before = item_wrappers()
    model.set_view(inbox.ALL_OPEN)
    while model.canFetchMore():
        model.fetchMore()
    model.fill_pending()
    model.set_view(inbox.SOLVED)
    model.fill_pending()
    assert model.rowCount() > 0
    assert model.index(0, COL_SUBJECT).data() == model.rows[0].subject
    assert model.index(0, 0).data(ROLE_ID) == model.rows[0].id
    assert model.flags(model.index(0, COL_SUBJECT)) == (
        Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
    )
    assert item_wrappers() == before


def test_sidebar_and_history_items_die_with_their_python_wrappers(
    qapp: QApplication, demo_store: Store
) -> None:
    """Items Python made tell Python when Qt deletes them (no stale wrapper is left)."""
    import shiboken6

    sidebar = SidebarModel(demo_store)
    sidebar.refresh()
    history = HistoryModel()
    with demo_store.read() as s:
        history.set_rows(inbox.page(s, inbox.SOLVED, None, limit=5))
    old = [sidebar.item(0), history.item(0)]
    assert all(item is not None and shiboken6.isValid(item) for item in old)
    sidebar.set_counts([])
    history.set_rows([])
    assert [shiboken6.isValid(item) for item in old] == [False, False]
