"""What the window shows against a fresh read of the database (shared by the UI tests)."""

from __future__ import annotations

import time

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QCoreApplication, Qt

from supportdesk.models import utcnow
from supportdesk.services import inbox
from supportdesk.services.workflow.due import NO_SLA, due_states
from supportdesk.ui.mainwindow import MainWindow
from supportdesk.ui.models import COL_DUE, ROLE_ID
from supportdesk.ui.workflow.panel import due_cell


def quiet(window: MainWindow) -> bool:
    """Nothing on its way: no write, read, waiting change or reload."""
    return (
        not window.ops.busy
        and window.reads.pending == 0
        and not window._refresh_timer.isActive()
        and not window._pending_changes
        and window._bulk_entities is None
        and not window._reloading
        and not window._outside_busy
    )


def settle(qtbot: QtBot, window: MainWindow, timeout: int = 10_000) -> None:
    """Wait until what the window shows has caught up with what was written."""
    QCoreApplication.processEvents()  # changes announced already are queued: take them
    qtbot.waitUntil(lambda: quiet(window), timeout=timeout)
    window.inbox_model.fill_pending()


def differences(window: MainWindow) -> list[str]:
    """Where the window disagrees with the database (empty: one truth)."""
    problems: list[str] = []
    me = window.store.agent_id
    model = window.inbox_model
    model.fill_pending()
    with window.store.read() as session:
        counts = {c.key: c.count for c in inbox.sidebar(session, me)}
        shown = {k: n for _t, k, n in window.sidebar_model._items if k is not None}
        if shown != counts:
            problems.append(f"sidebar {shown} != {counts}")
        view = model.view
        if view.kind not in ("search", "none"):
            fresh = inbox.page(session, view, me, limit=max(1, len(model.rows)))
            if model.rows != fresh[: len(model.rows)]:
                problems.append(f"rows of {view} differ from the database")
            if len(model.rows) < len(fresh) and not model.canFetchMore():
                problems.append("rows missing from an exhausted list")
            if model.total != counts.get(view, model.total):
                problems.append(f"total {model.total} != count {counts.get(view)}")
        due = due_states(session, [r.id for r in model.rows], utcnow())
        for i, row in enumerate(model.rows):
            if model.index(i, 0).data(ROLE_ID) != row.id:
                problems.append(f"row {i} cells belong to another conversation")
                continue
            bold = model.index(i, 1).data(Qt.ItemDataRole.FontRole)
            if (bold is not None and bold.bold()) != row.unread:
                problems.append(f"row {i} bold={bold is not None} unread={row.unread}")
            if model.index(i, 1).data() != row.subject:
                problems.append(f"row {i} subject")
            text, _colour = due_cell(due.get(row.id, NO_SLA))
            if model.index(i, COL_DUE).data() != text:
                problems.append(f"row {i} ({row.id}, {row.status}) due "
                                f"{model.index(i, COL_DUE).data()!r} != {text!r} "
                                f"(shown from {model._due.get(row.id)}, now {due.get(row.id)})")
        cid = window.current_id
        if not window.pinned:
            index = window.table.currentIndex()
            at = index.siblingAtColumn(0).data(ROLE_ID) if index.isValid() else None
            if cid is not None and model.row_of(cid) >= 0 and at != cid:
                problems.append(f"current row {at} but the pane shows {cid}")
            if cid is not None and model.row_of(cid) >= 0 and cid not in window.selected_ids():
                problems.append("the open conversation is not selected")
        detail = window.pane.detail
        if cid is None:
            if detail is not None:
                problems.append("the pane shows a conversation while none is open")
        else:
            fresh_detail = inbox.conversation(session, cid)
            if detail is None or fresh_detail is None:
                if detail != fresh_detail:
                    problems.append("pane/database disagree on existence")
            elif (detail.row, detail.tags, detail.assignee_id, len(detail.entries)) != (
                fresh_detail.row, fresh_detail.tags, fresh_detail.assignee_id,
                len(fresh_detail.entries)
            ):
                problems.append(f"pane out of date: {detail.row} != {fresh_detail.row}")
    return problems


def assert_truth(window: MainWindow, timeout_s: float = 5.0) -> None:
    """Fail with what differs when the window and the database disagree.

    Work that follows a change in its own unit of work (the SLA follower writes
    tracking after a status change) may land just after the window fell quiet:
    the window must then catch up within ``timeout_s``; what still differs after
    that is a lie on screen.
    """
    deadline = time.monotonic() + timeout_s
    problems = differences(window)
    while problems and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
        if quiet(window):
            problems = differences(window)
    assert not problems, problems
