"""Text from mail and from teammates is never markup in the window (issue 13, finding 1).

The window is the real one, with every capability installed, showing a conversation
whose every field is hostile (``tests/ui/hostile.py``). The walk covers every widget
that exists, then the dialogs that show the same data. The crash itself (Qt loading
``/dev/zero`` as an image) is reproduced in a child process under a memory limit.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import textwrap
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMessageBox, QWidget

from supportdesk.app import install_extensions
from supportdesk.config import Settings
from supportdesk.store import Store
from supportdesk.ui.mainwindow import MainWindow
from supportdesk.ui.plain import ESCAPED_RICH, LITERAL_START, literal
from tests.ui.hostile import MARKERS, MISSING_IMAGE, Hostile, hostile, load_hostile

ROOT = Path(__file__).resolve().parents[2]
#: Qt's own labels (a tooltip's, a message box's) are not ours to set
QT_PRIVATE_LABELS = {"QTipLabel"}


@pytest.fixture
def hostile_window(qtbot: QtBot, profile: Path) -> Iterator[tuple[MainWindow, Hostile]]:
    store = Store.open(profile)
    ids = load_hostile(store)
    window = MainWindow(store, Settings(profile))
    qtbot.addWidget(window)
    install_extensions(window)
    window.resize(1400, 900)
    window.show()
    window._flush_changes()
    window.open_conversation(ids.conversation)
    workflow = window.workflow  # type: ignore[attr-defined]
    workflow.refresh()
    qtbot.waitUntil(lambda: workflow.panel.state is not None
                    and workflow.panel.state.conversation_id == ids.conversation, timeout=5000)
    yield window, ids
    window.close()
    store.close()


def _has_marker(text: object) -> bool:
    return isinstance(text, str) and any(m in text for m in MARKERS)


def _model_offenders(name: str, model: QAbstractItemModel, parent: QModelIndex,
                     depth: int = 0) -> Iterator[str]:
    for row in range(min(model.rowCount(parent), 300)):
        flat = isinstance(model, QAbstractListModel | QAbstractTableModel)
        for col in range(1 if flat else model.columnCount(parent)):
            index = model.index(row, col, parent)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if _has_marker(tip):
                yield f"{name} cell ({row},{col}) tooltip is markup: {str(tip)[:80]!r}"
            if not flat and depth < 2 and model.hasChildren(index):
                yield from _model_offenders(name, model, index, depth + 1)


def offenders(widgets: Iterable[QWidget]) -> list[str]:
    """Every label not in plain text, and every tooltip or cell tooltip with raw markup."""
    found: list[str] = []
    for w in widgets:
        kind = w.metaObject().className()
        name = f"{kind}#{w.objectName()}"
        if isinstance(w, QLabel) and kind not in QT_PRIVATE_LABELS:
            fmt = w.textFormat()
            if w.buddy() is not None and not _has_marker(w.text()):
                continue  # a form row's caption, made by QFormLayout from a literal
            if fmt != Qt.TextFormat.PlainText and not w.property(ESCAPED_RICH):
                found.append(f"{name} is in {fmt.name} mode: {w.text()[:80]!r}")
            elif fmt != Qt.TextFormat.PlainText and _has_marker(w.text()):
                found.append(f"{name} (escaped rich) shows raw markup: {w.text()[:80]!r}")
        if _has_marker(w.toolTip()):
            found.append(f"{name} tooltip is markup: {w.toolTip()[:80]!r}")
        if _has_marker(w.windowTitle()) and w.isWindow():
            pass  # window titles are always plain text
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            found.extend(_model_offenders(name, w.model(), QModelIndex()))
    return found


def _tree(root: QWidget) -> list[QWidget]:
    return [root, *root.findChildren(QWidget)]


def test_the_walk_catches_a_rich_label_and_a_markup_tooltip(qtbot: QtBot) -> None:
    """The check itself: a default QLabel and a raw tooltip are both reported."""
    box = QWidget()
    qtbot.addWidget(box)
    QLabel("static words", box)
    tipped = QWidget(box)
    tipped.setToolTip(hostile("tip"))
    safe = QWidget(box)
    safe.setToolTip(literal(hostile("tip")))
    found = offenders(_tree(box))
    assert len(found) == 2, found
    assert "AutoText" in found[0] and "tooltip is markup" in found[1]


def test_every_label_of_the_real_window_is_plain_text_with_hostile_data(
    hostile_window: tuple[MainWindow, Hostile], qtbot: QtBot,
) -> None:
    window, ids = hostile_window
    pane = window.pane
    assert pane.subject.text().startswith(hostile("subject"))
    assert pane.customer.name.text().startswith(hostile("customer"))
    assert pane.customer.org.text().startswith(hostile("org"))
    labels = window.findChildren(QLabel)
    shown = [lb.text() for lb in labels]
    assert any(MISSING_IMAGE in t for t in shown), "the hostile subject is shown, literally"
    assert offenders(_tree(window)) == []
    # the timeline is HTML made by the app: data in it is escaped, never an element
    html = pane.browser.toHtml()
    assert 'src="/nonexistent' not in html
    assert "&lt;img" in html

    # the dialogs that show the same data
    workflow = window.workflow  # type: ignore[attr-defined]
    escalate = workflow.make_escalate_dialog()
    assert escalate is not None
    qtbot.addWidget(escalate)
    picker = workflow.make_canned_picker(ids.conversation)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitUntil(lambda: picker.results.count() > 0, timeout=3000)
    manager = workflow.manage.open_canned_manager()
    qtbot.waitUntil(lambda: manager.table.rowCount() > 0, timeout=3000)
    for dialog in (escalate, picker, manager):
        assert offenders(_tree(dialog)) == [], type(dialog).__name__
    manager.close()


def test_message_boxes_show_data_literally(
    hostile_window: tuple[MainWindow, Hostile], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, _ids = hostile_window
    said: list[str] = []

    def capture(_parent: object, _title: str, text: str, *a: object) -> QMessageBox.StandardButton:
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", capture)
    monkeypatch.setattr(QMessageBox, "warning", capture)
    window.workflow.show_escalation()  # type: ignore[attr-defined]
    window.show_error(hostile("error"))
    assert len(said) == 2
    for text in said:
        assert text.startswith(LITERAL_START) and not _has_marker(text)
        # what Qt shows is the text itself
        box = QMessageBox(QMessageBox.Icon.Information, "t", text)
        qtbot.addWidget(box)
        label = next(lb for lb in box.findChildren(QLabel) if lb.objectName() == "qt_msgbox_label")
        assert label.textFormat() == Qt.TextFormat.AutoText
        assert MISSING_IMAGE in _rendered(label.text())


def _rendered(rich: str) -> str:
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(rich)
    return doc.toPlainText()


def test_notifications_carry_no_markup() -> None:
    from supportdesk.ui.plain import notification_safe

    text = notification_safe(hostile("notify"))
    assert "<" not in text and "&" not in text and "/nonexistent/" in text


# -- the crash itself, under a memory limit ----------------------------------------------

CHILD = textwrap.dedent("""
    import os, resource, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    limit = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from pathlib import Path
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    if sys.argv[1] == "control":
        # what the window did before: a label in Qt's automatic mode
        label = QLabel('Subject: <img src="/dev/zero">')
        label.resize(400, 100)
        label.show()
        app.processEvents()
        label.grab()
        print("RENDERED")
        sys.exit(0)
    from supportdesk.app import install_extensions
    from supportdesk.config import Settings
    from supportdesk.store import Store
    from supportdesk.ui.mainwindow import MainWindow
    from tests.ui.hostile import DEV_ZERO, load_hostile
    profile = Path(sys.argv[3])
    store = Store.open(profile)
    ids = load_hostile(store, DEV_ZERO)
    window = MainWindow(store, Settings(profile))
    install_extensions(window)
    window.resize(1200, 800)
    window.show()
    window._flush_changes()
    window.open_conversation(ids.conversation)
    window.workflow.refresh()
    for _ in range(20):
        app.processEvents()
    window.grab()
    print("RENDERED", window.pane.subject.text()[:40])
    window.close()
    store.close()
""")
#: room for Python, Qt and the app; far below the gigabytes the image load asks for
LIMIT = 1_500 * 1024 * 1024


def _child(mode: str, profile: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", CHILD, mode, str(LIMIT), str(profile)],
                          capture_output=True, text=True, timeout=120, env=env, cwd=ROOT,
                          check=False)


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_AS"), reason="needs RLIMIT_AS (POSIX)")
def test_dev_zero_image_no_longer_exhausts_memory(tmp_path: Path) -> None:
    control = _child("control", tmp_path / "unused")
    assert control.returncode != 0 and "RENDERED" not in control.stdout, (
        "the limit must be low enough that the old behaviour dies under it:\n"
        + control.stdout + control.stderr[-2000:])
    window = _child("window", tmp_path / "profile")
    assert window.returncode == 0, window.stderr[-3000:]
    assert "RENDERED" in window.stdout and "/dev/zero" in window.stdout
