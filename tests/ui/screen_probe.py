"""Open the real window on a screen of a given size, open every dialog, and measure.

Run as its own process (the screen size is fixed when Qt starts)::

    python -m tests.ui.screen_probe 1366x768 light OUT_DIR [--pictures]

It prints one JSON object: the window's geometry, the list's columns and
scroll bars, and for the window and every dialog that a menu item ending in
"…" opens: its size against the available screen area, fields squashed
below their minimum height, and focusable controls without an accessible
name. ``--pictures`` saves PNGs of the window and the dialogs in OUT_DIR.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SQUASHABLE = ("QLineEdit", "QComboBox", "QAbstractSpinBox", "QPlainTextEdit", "QTextEdit",
              "QPushButton", "QDateTimeEdit")


def _screen_config(width: int, height: int, folder: Path) -> Path:
    config = folder / "screen.json"
    config.write_text(json.dumps({
        "synchronousWindowSystemEvents": False, "windowFrameMargins": False,
        "screens": [{"name": "probe", "x": 0, "y": 0, "width": width, "height": height,
                     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}],
    }))
    return config


def main(argv: list[str]) -> int:
    size, theme_name, out = argv[0], argv[1], Path(argv[2])
    pictures = "--pictures" in argv
    width, height = (int(v) for v in size.split("x"))
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="probe-"))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen_config(width, height, work)}"
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAccessible, QAction
    from PySide6.QtWidgets import QApplication, QMenu, QWidget

    from supportdesk.app import install_extensions, make_application
    from supportdesk.config import THEME, Settings
    from supportdesk.services import demo
    from supportdesk.store import Store
    from supportdesk.ui import theme

    app = make_application(["probe"])
    profile = work / "profile"
    store = Store.open(profile)
    demo.generate(store, 120, seed=7, now=datetime(2026, 11, 18, 15, 30, tzinfo=UTC))
    settings = Settings(profile)
    settings.set(THEME, theme_name)
    theme.apply(app, theme.resolve(theme_name))
    from supportdesk.ui.mainwindow import MainWindow

    window = MainWindow(store, settings)
    install_extensions(window)
    window.show()
    avail = window.screen().availableGeometry()

    def settle(ms: int = 150) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    settle(600)
    window.select_row(0)
    settle(300)

    def unnamed(top: QWidget) -> list[str]:
        missing = []
        for w in [top, *top.findChildren(QWidget)]:
            if not w.isVisible() or w.focusPolicy() == w.focusPolicy().NoFocus:
                continue
            if w.focusProxy() is not None or type(w).__name__ in ("QMenu",):
                continue
            iface = QAccessible.queryAccessibleInterface(w)
            name = iface.text(QAccessible.Text.Name) if iface is not None else ""
            if not (name or "").strip():
                missing.append(f"{type(w).__name__}#{w.objectName()}")
        return sorted(set(missing))

    def squashed(top: QWidget) -> list[str]:
        found = []
        for w in top.findChildren(QWidget):
            if (not w.isVisible() or w.objectName().startswith("qt_")
                    or not any(w.inherits(c) for c in SQUASHABLE)):
                continue
            need = min(w.minimumSizeHint().height(), w.sizeHint().height(), w.maximumHeight())
            if w.height() < need - 4:
                found.append(f"{type(w).__name__}#{w.objectName()} {w.height()}<{need}")
        return found

    def measure(top: QWidget, name: str) -> dict[str, Any]:
        frame = top.frameGeometry()
        info = {
            "name": name, "class": type(top).__name__, "title": top.windowTitle(),
            "width": frame.width(), "height": frame.height(),
            "fits": frame.width() <= avail.width() and frame.height() <= avail.height(),
            "squashed": squashed(top), "unnamed": unnamed(top),
        }
        if pictures:
            safe = "".join(c if c.isalnum() else "-" for c in name).strip("-").lower()
            top.grab().save(str(out / f"{width}x{height}-{theme_name}-{safe}.png"))
        return info

    table = window.table
    header = table.horizontalHeader()
    shown = [window.inbox_model.headerData(c, header.orientation()) or "channel"
             for c in range(header.count()) if not header.isSectionHidden(c)]
    result: dict[str, Any] = {
        "screen": [avail.width(), avail.height()],
        "window": [window.width(), window.height()],
        "maximized": window.isMaximized(),
        "minimum_width": window.minimumSizeHint().width(),
        "columns": shown,
        "subject_width": header.sectionSize(1),
        "hscroll": table.horizontalScrollBar().isVisible(),
        "header_fits": header.length() <= table.viewport().width(),
        "main": measure(window, "main window"),
        "dialogs": [],
    }

    actions = [a for a in window.findChildren(QAction)
               if a.text().endswith("…") and a.isEnabled() and a.isVisible()]
    seen: set[str] = set()
    for action in actions:
        label = action.text().replace("&", "")
        if label in seen:
            continue
        seen.add(label)
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        done: list[bool] = []

        def check(label: str = label, before: set[int] = before,
                  done: list[bool] = done) -> None:
            fresh = [w for w in QApplication.topLevelWidgets()
                     if w.isVisible() and id(w) not in before]
            # The app fits and names a window once it is activated (a window system
            # event that a loaded machine may deliver after this timer): wait for it.
            waited = time.monotonic() + 5
            while time.monotonic() < waited and any(
                    not w.property("sdFitted") for w in fresh if not isinstance(w, QMenu)):
                app.processEvents()
                time.sleep(0.01)
            for _ in range(5):
                app.processEvents()
            for w in fresh:
                if isinstance(w, QMenu):
                    w.close()
                    continue
                result["dialogs"].append(measure(w, label))
            for w in fresh:
                if hasattr(w, "reject"):
                    w.reject()
                w.close()
            done.append(True)

        QTimer.singleShot(400, check)
        action.trigger()
        deadline = time.monotonic() + 10
        while not done and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        settle(50)

    print(json.dumps(result))
    sys.stdout.flush()
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
