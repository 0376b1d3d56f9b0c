"""Accessible names, descriptions and a tab order that follows the screen.

The main window's controls get names and descriptions here; every other
window's focusable controls that have no name get one from what a sighted rep
reads next to them: the form label, the placeholder, the tool tip, the group
box title (in that order).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from supportdesk.ui.mainwindow import MainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def effective_name(widget: QWidget) -> str:
    """The name assistive technology reads for a widget (Qt's own rules included)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return (iface.text(QAccessible.Text.Name) if iface is not None else "") or ""


def focusable(widget: QWidget) -> bool:
    """A control the rep can reach with the keyboard (or the mouse) on screen."""
    return (widget.isVisible() and widget.focusPolicy().value != 0
            and widget.focusProxy() is None and not widget.objectName().startswith("qt_"))


def _clean(text: str) -> str:
    return " ".join(text.replace("&", "").strip().rstrip(":").split())


def _form_label(widget: QWidget) -> str:
    parent = widget.parentWidget()
    while parent is not None:
        for form in parent.findChildren(QFormLayout):
            label = form.labelForField(widget)
            if isinstance(label, QLabel) and label.text().strip():
                return label.text()
        if parent.isWindow():
            break
        parent = parent.parentWidget()
    return ""


def _group_title(widget: QWidget) -> str:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QGroupBox) and parent.title():
            return parent.title()
        parent = parent.parentWidget()
    return ""


def guessed_name(widget: QWidget) -> str:
    """A name for a control from what is written next to it."""
    candidates = [_form_label(widget)]
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        candidates.append(widget.placeholderText())
    candidates += [widget.toolTip(), widget.whatsThis(), _group_title(widget),
                   widget.window().windowTitle()]
    for text in candidates:
        if text and _clean(text) and "<" not in text:
            return _clean(text)[:80]
    return ""


def name_controls(top: QWidget) -> list[QWidget]:
    """Give every focusable, unnamed control of a window a name; returns those still without."""
    left: list[QWidget] = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not focusable(widget) or effective_name(widget).strip():
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            continue
        name = guessed_name(widget)
        if name:
            widget.setAccessibleName(name)
            if not widget.accessibleDescription():
                widget.setAccessibleDescription(widget.toolTip() or name)
        else:
            left.append(widget)
    return left


def describe_main_window(window: MainWindow) -> None:
    """Names, descriptions and the tab order of the main window's own controls."""
    pane = window.pane
    named: list[tuple[QWidget, str, str]] = [
        (window.search_box, _t("Search"),
         _t("Search conversations, customers and phone numbers; Enter shows the results")),
        (window.sidebar, _t("Views"),
         _t("Inbox views, channels and tags, each with its number of conversations")),
        (window.table, _t("Conversations"),
         _t("The conversations of the chosen view; J and K move, R replies, N writes a note")),
        (window.table.horizontalHeader(), _t("Columns of the conversation list"),
         _t("Click to sort; right-click to choose the columns")),
        (pane.status, _t("Status"), _t("The conversation's status")),
        (pane.priority, _t("Priority"), _t("The conversation's priority")),
        (pane.assignee, _t("Assignee"), _t("Who works on the conversation")),
        (pane.browser, _t("Conversation timeline"),
         _t("Messages, calls, notes and changes of the conversation, oldest first")),
        (pane.composer, _t("Internal note"),
         _t("A note for the team, not sent to the customer; Ctrl+Enter saves it")),
        (pane.save_note, _t("Add note"), _t("Saves the internal note")),
        (pane.customer.history, _t("Customer's conversations"),
         _t("Other conversations of this customer; Enter opens one")),
    ]
    for widget, name, description in named:
        widget.setAccessibleName(name)
        widget.setAccessibleDescription(description)
    chain = [window.search_box, window.table, pane.status, pane.priority, pane.assignee,
             pane.browser, pane.composer, pane.save_note, pane.customer.history]
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)
    name_controls(window)
