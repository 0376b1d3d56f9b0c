"""Fit the screen it is on: the first window's size, the list's columns, dialogs that scroll.

- The first window (no saved geometry) fills the available area on screens
  under ``MAXIMISE_BELOW`` px wide and takes a sensible share of bigger ones.
- The inbox list drops its less important columns first when narrow
  (Assignee, then Activity, then Priority), so Customer, Subject, the channel
  icon and Due always show without a horizontal scroll bar; the rep may hide
  columns from the header's menu (remembered in the settings).
- Every window that opens is kept inside the screen's available area; when
  its content needs more height (or width) than it has, the content moves
  into a scroll area instead of being squashed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QMainWindow,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from supportdesk.config import INBOX_HIDDEN_COLUMNS, WINDOW_GEOMETRY, WINDOW_STATE
from supportdesk.ui import accessibility
from supportdesk.ui.models import (
    COL_ACTIVITY,
    COL_ASSIGNEE,
    COL_CHANNEL,
    COL_CUSTOMER,
    COL_DUE,
    COL_PRIORITY,
    COL_SUBJECT,
    COLUMNS,
)

if TYPE_CHECKING:
    from supportdesk.ui.mainwindow import MainWindow

#: screens narrower than this get a maximised first window
MAXIMISE_BELOW = 1600
#: the most a first window takes on a big screen
LARGE_WINDOW = QSize(1600, 1000)
#: the narrowest the main window may be made
MIN_WINDOW_WIDTH = 960
#: each column's width (Subject stretches and needs at least ``SUBJECT_MIN``)
WIDTHS = {COL_CUSTOMER: 124, COL_CHANNEL: 28, COL_PRIORITY: 90, COL_ASSIGNEE: 92,
          COL_ACTIVITY: 78, COL_DUE: 84}
SUBJECT_MIN = 200
#: room kept for what the estimate of the list's width cannot see (frames, rounding)
SLACK = 8
#: the narrowest the customer column gets when the list is narrow
CUSTOMER_MIN = 90
#: columns given up first when the list is narrow
DROP_ORDER = (COL_ASSIGNEE, COL_ACTIVITY, COL_PRIORITY)
#: columns the rep may hide (Subject always shows)
CHOOSABLE = (COL_CUSTOMER, COL_CHANNEL, COL_PRIORITY, COL_ASSIGNEE, COL_ACTIVITY, COL_DUE)
_KEYS = {COL_CUSTOMER: "customer", COL_CHANNEL: "channel", COL_PRIORITY: "priority",
         COL_ASSIGNEE: "assignee", COL_ACTIVITY: "activity", COL_DUE: "due"}
_FITTED = "sdFitted"


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def column_title(col: int) -> str:
    """A column's name in the chooser (the channel column has no header text)."""
    return {COL_CUSTOMER: _t("Customer"), COL_CHANNEL: _t("Channel"),
            COL_PRIORITY: _t("Priority"), COL_ASSIGNEE: _t("Assignee"),
            COL_ACTIVITY: _t("Activity"), COL_DUE: _t("Due")}.get(col, "")


def columns_that_fit(
    width: int, hidden: set[int], widths: dict[int, int] | None = None
) -> list[int]:
    """The columns to show in ``width`` px: the rep's choice, less important ones dropped.

    ``widths``: the columns' widths now, where wider than ``WIDTHS`` (a rep widened one).
    """
    sizes = {c: max(w, (widths or {}).get(c, 0)) for c, w in WIDTHS.items()}
    shown = [c for c in range(COLUMNS) if c == COL_SUBJECT or c not in hidden]
    for col in DROP_ORDER:
        if sum(sizes.get(c, 0) for c in shown) + SUBJECT_MIN + SLACK <= width:
            break
        if col in shown:
            shown.remove(col)
    return shown


def available_area(widget: QWidget) -> QSize:
    """The size of the screen area a window may use (without task bars)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size()


def first_size(avail: QSize) -> tuple[QSize, bool]:
    """The first window's size on a screen, and whether to maximise it."""
    if avail.width() < MAXIMISE_BELOW:
        return avail, True
    return QSize(min(LARGE_WINDOW.width(), int(avail.width() * 0.85)),
                 min(LARGE_WINDOW.height(), int(avail.height() * 0.9))), False


def fit_to_screen(window: QWidget, wanted: QSize | None = None) -> None:
    """Size a window within the available screen area; content that needs more scrolls.

    Dialogs whose content needs more room than the screen (or than the dialog's
    own size) get that content put in a scroll area, so fields keep their height.
    """
    avail = available_area(window)
    if isinstance(window, QDialog) and not window.property(_FITTED):
        window.setProperty(_FITTED, True)
        layout = window.layout()
        if layout is not None:
            need = layout.totalMinimumSize()
            hint = layout.totalSizeHint()
            current = window.size()
            if (need.height() > min(current.height(), avail.height())
                    or need.width() > avail.width() or hint.height() > avail.height()):
                _scroll_content(window)
                wanted = QSize(max(current.width(), min(hint.width() + 24, avail.width())),
                               min(max(current.height(), hint.height() + 8), avail.height()))
    size = wanted or window.size()
    if isinstance(window, QDialog):  # fields still below their height: grow while it fits
        deficit = max((_shortfall(w) for w in window.findChildren(QWidget)), default=0)
        if deficit:
            size = QSize(size.width(), size.height() + deficit)
    window.setMinimumSize(min(window.minimumWidth(), avail.width()),
                          min(window.minimumHeight(), avail.height()))
    window.resize(min(size.width(), avail.width()), min(size.height(), avail.height()))
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    frame = window.frameGeometry()
    if not area.contains(frame):
        x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
        y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
        window.move(QPoint(max(area.x(), x), max(area.y(), y)))


SQUASHABLE = ("QLineEdit", "QComboBox", "QAbstractSpinBox", "QPlainTextEdit", "QTextEdit",
              "QPushButton")


def _shortfall(widget: QWidget) -> int:
    """How many pixels of height a field lacks (0 when it has enough or is not a field)."""
    if (not widget.isVisible() or widget.objectName().startswith("qt_")
            or not any(widget.inherits(c) for c in SQUASHABLE)):
        return 0
    need = min(widget.minimumSizeHint().height(), widget.sizeHint().height(),
               widget.maximumHeight())
    return max(0, need - widget.height())


def _scroll_content(dialog: QDialog) -> None:
    """Move a dialog's layout into a scroll area (Qt hands a top layout over whole)."""
    content = dialog.layout()
    if content is None:
        return
    page = QWidget()
    page.setObjectName("scrolledContent")
    page.setLayout(content)
    scroll = QScrollArea()
    scroll.setObjectName("dialogScroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    scroll.setWidget(page)
    scroll.setAccessibleName(dialog.windowTitle() or _t("Dialog"))
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    dialog.setMinimumSize(min(dialog.minimumWidth(), 320), min(dialog.minimumHeight(), 240))


class ScreenFit(QObject):
    """Keeps one main window and the windows it opens within the screen (and names their
    controls for assistive technology, see :mod:`supportdesk.ui.accessibility`)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        stored = self.settings.get(INBOX_HIDDEN_COLUMNS)
        by_key = {v: k for k, v in _KEYS.items()}
        self.hidden: set[int] = {by_key[k] for k in stored.split(",") if k in by_key}
        table = window.table
        header = table.horizontalHeader()
        header.setMinimumSectionSize(24)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.setToolTip(_t("Right-click to choose the columns"))
        self.columns_action = QAction(_t("Columns…"), window)
        self.columns_action.triggered.connect(lambda _checked=False: self._column_menu(None))
        window.view_menu.addAction(self.columns_action)
        window.sidebar.setMinimumWidth(120)
        table.setMinimumWidth(300)
        window.pane.setMinimumWidth(MIN_WINDOW_WIDTH - 120 - 300 - 40)
        table.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._window_focused)
        self._first_start()
        self.fit_columns()
        accessibility.describe_main_window(window)

    def _first_start(self) -> None:
        window = self.window
        if self.settings.get(WINDOW_GEOMETRY):
            fit_to_screen(window)  # a size saved on a bigger screen still has to fit
            return
        size, maximise = first_size(available_area(window))
        window.resize(size)
        if maximise:
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        if not self.settings.get(WINDOW_STATE):
            rest = size.width() - 190 - 2 * window.splitter.handleWidth()
            window.splitter.setSizes([190, int(rest * 0.46), rest - int(rest * 0.46)])
        fit_to_screen(window)

    # -- the list's columns ------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self.window.table:
            self.fit_columns()
        elif kind == QEvent.Type.PaletteChange:  # the theme changed: coloured cells follow
            model = self.window.inbox_model
            model.refresh_rows({row.id for row in model.rows})
        return False

    def list_width(self) -> int:
        """The width the columns may take (a vertical scroll bar's room kept free)."""
        table = self.window.table
        return (table.width() - 2 * table.frameWidth()
                - table.verticalScrollBar().sizeHint().width())

    def fit_columns(self) -> None:
        """Show the columns that fit, the rep's hidden ones left out."""
        header = self.window.table.horizontalHeader()
        now = {c: header.sectionSize(c) for c in WIDTHS if not header.isSectionHidden(c)}
        shown = columns_that_fit(self.list_width(), self.hidden, now)
        for col in range(COLUMNS):
            hide = col not in shown
            if header.isSectionHidden(col) != hide:
                header.setSectionHidden(col, hide)
            if not hide and col in WIDTHS and header.sectionSize(col) < WIDTHS[col]:
                header.resizeSection(col, WIDTHS[col])
        # Too narrow even for the columns that always show: the customer's name gives
        # way (down to CUSTOMER_MIN) before the subject does.
        if COL_CUSTOMER in shown:
            others = sum(header.sectionSize(c) for c in shown
                         if c not in (COL_SUBJECT, COL_CUSTOMER))
            room = self.list_width() - others - SUBJECT_MIN - SLACK
            if room < header.sectionSize(COL_CUSTOMER):
                header.resizeSection(COL_CUSTOMER, max(CUSTOMER_MIN, room))

    def set_hidden(self, col: int, hidden: bool) -> None:
        """Hide or show a column by the rep's choice (remembered)."""
        if col not in CHOOSABLE:
            return
        if hidden:
            self.hidden.add(col)
        else:
            self.hidden.discard(col)
        self.settings.set(INBOX_HIDDEN_COLUMNS,
                          ",".join(_KEYS[c] for c in sorted(self.hidden)))
        self.fit_columns()

    def column_menu(self) -> QMenu:
        """The menu of columns the rep may show or hide."""
        menu = QMenu(self.window)
        menu.setAccessibleName(_t("Columns"))
        for col in CHOOSABLE:
            action = menu.addAction(column_title(col))
            action.setCheckable(True)
            action.setChecked(col not in self.hidden)
            action.toggled.connect(lambda on, c=col: self.set_hidden(c, not on))
        return menu

    def _column_menu(self, pos: QPoint | None) -> None:
        header = self.window.table.horizontalHeader()
        at = header.mapToGlobal(pos if pos is not None else QPoint(0, header.height()))
        menu = self.column_menu()
        menu.exec(at)
        menu.deleteLater()

    # -- other windows -----------------------------------------------------------------

    def _window_focused(self, focused: QWindow | None) -> None:
        if focused is None:
            return
        for widget in QApplication.topLevelWidgets():
            if (widget.windowHandle() is focused and widget is not self.window
                    and isinstance(widget, QDialog | QMainWindow)
                    and not widget.property(_FITTED)):
                fit_to_screen(widget)
                widget.setProperty(_FITTED, True)
                # after content moved into a scroll area is shown (a queued show)
                QTimer.singleShot(0, widget, lambda w=widget: accessibility.name_controls(w))


def install(window: MainWindow) -> ScreenFit:
    """Fit the window, its list and the windows it opens to the screen (``window.screen_fit``)."""
    fit = ScreenFit(window)
    window.screen_fit = fit  # type: ignore[attr-defined]
    return fit
