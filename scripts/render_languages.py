"""Render the main window and the main dialogs in a language, to look at them.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_languages.py ru docs/i18n
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_languages.py is docs/i18n

Writes ``<folder>/<lang>/<name>.png`` at 1366x768 for the window (dialogs at the
size they open with) from a demo workspace, using the compiled catalogues
(``make translations``). Look at every picture: a text cut off, or a dialog
wider than the screen, is a bug to fix in the layout or the translation.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(lang: str, out: Path) -> int:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication, QWidget

    from supportdesk.app import install_extensions, install_translations, make_application
    from supportdesk.config import Settings
    from supportdesk.services import demo
    from supportdesk.store import Store
    from supportdesk.ui import theme
    from supportdesk.ui.dialogs import ShortcutsDialog, TagDialog
    from supportdesk.ui.language import edit_team_locale
    from supportdesk.ui.mainwindow import MainWindow

    app = make_application(sys.argv[:1])
    loaded = install_translations(app, lang)
    if not any(t.filePath().endswith(f"supportdesk_{lang}.qm") for t in loaded):
        print(f"no catalogue for {lang}: run make translations", file=sys.stderr)
        return 1
    theme.apply(app, False)
    profile = Path(tempfile.mkdtemp(prefix="supportdesk-render-"))
    store = Store.open(profile)
    demo.generate(store, 120, seed=1)
    window = MainWindow(store, Settings(profile))
    install_extensions(window)
    window.resize(1366, 768)
    window.show()
    folder = out / lang
    folder.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(6):
            app.processEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    settle()
    window.select_row(0)
    settle()
    window.grab().save(str(folder / "main.png"))
    wf = getattr(window, "workflow", None)
    dialogs: dict[str, Callable[[], QWidget | None]] = {
        "call": window.make_call_dialog,
        "shortcuts": lambda: ShortcutsDialog(window.shortcut_list(), window),
        "tag": lambda: TagDialog(["billing"], window),
        "team-locale": lambda: edit_team_locale(window),
        "mailboxes": lambda: window.mail.open_settings(),  # type: ignore[attr-defined]
        "outbox": lambda: window.mail.open_outbox(),  # type: ignore[attr-defined]
        "team-server": lambda: window.sync.open_settings(),  # type: ignore[attr-defined]
        "conflicts": lambda: window.sync.open_conflicts(),  # type: ignore[attr-defined]
        "escalate": lambda: wf.make_escalate_dialog() if wf else None,
        "log-time": lambda: wf.make_time_dialog() if wf else None,
        "sla-policy": lambda: wf.make_policy_dialog() if wf else None,
        "on-call": lambda: wf.make_rota_dialog() if wf else None,
        "canned": lambda: wf.manage.open_canned_manager() if wf else None,
        "contracts": lambda: wf.manage.open_customer_contracts() if wf else None,
        "reports": lambda: window.reports.open_reports(),  # type: ignore[attr-defined]
        "report-schedule": lambda: window.reports.open_schedule(),  # type: ignore[attr-defined]
    }
    for name, make in dialogs.items():
        try:
            widget = make()
        except Exception as exc:  # a tool: report and go on
            print(f"{name}: not rendered ({exc})", file=sys.stderr)
            continue
        if widget is None:
            continue
        widget.show()
        settle()
        if name == "reports":
            widget.resize(1366, 768)
            settle()
        widget.grab().save(str(folder / f"{name}.png"))
        size = widget.size()
        wide = " (WIDER THAN 1366)" if size.width() > 1366 else ""
        print(f"{name}: {size.width()}x{size.height()}{wide}")
        widget.close()
        settle()
    window.close()
    store.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
