"""The composition root of the desktop app: Qt application, store, window, event loop."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import logging
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from supportdesk import __version__
from supportdesk.cliargs import resolve_profile
from supportdesk.config import LANGUAGE, THEME, Settings
from supportdesk.resources import resource_dir
from supportdesk.store import ProfileLock, ProfileLockedError, Store, StoreError
from supportdesk.store.engine import database_path
from supportdesk.ui import theme
from supportdesk.ui.plain import literal

if TYPE_CHECKING:
    from supportdesk.ui.mainwindow import MainWindow

log = logging.getLogger(__name__)

DEMO_CONVERSATIONS = 400
#: how long a busy background thread (the store's writer, a sync) may keep the
#: interpreter lock while the GUI thread waits for it (seconds; Python's default is
#: 5 ms). The GUI thread takes the lock for every call from Qt into Python (a slot, a
#: model's ``data``, a delegate's ``paint``), so one repaint may wait this long dozens
#: of times while a sync or an SLA refresh runs.
GUI_SWITCH_INTERVAL_S = 0.001
#: how long a second copy waits for a first one that is still starting (seconds)
HAND_OVER_WAIT_S = 30.0


def instance_name(profile: Path) -> str:
    """The local socket name of the app running on a profile."""
    key = hashlib.sha256(str(profile.resolve()).encode()).hexdigest()[:16]
    return f"supportdesk-{os.getuid() if hasattr(os, 'getuid') else 0}-{key}"


def hand_over(
    profile: Path, wait_s: float = HAND_OVER_WAIT_S, on_wait: Callable[[], None] | None = None
) -> bool:
    """Ask the copy that has this profile open to come to the front.

    A copy that is still starting (building the demo workspace on a busy
    computer) may not listen or answer yet: ask again until ``wait_s`` has
    passed, calling ``on_wait`` once when it has to wait.
    """
    deadline = time.monotonic() + wait_s
    told = False
    while True:
        sock = QLocalSocket()
        sock.connectToServer(instance_name(profile))
        if sock.waitForConnected(1000):
            sock.write(b"activate\n")
            sock.flush()
            left = max(100, int((deadline - time.monotonic()) * 1000))
            ok = sock.waitForReadyRead(left) and bytes(sock.readAll().data()).startswith(b"ok")
            sock.disconnectFromServer()
            if ok:
                return True
        if time.monotonic() >= deadline:
            return False
        if not told and on_wait is not None:
            on_wait()
            told = True
        time.sleep(0.2)


def make_application(argv: list[str]) -> QApplication:
    """The QApplication with names, icon and translations set (and the interpreter
    tuned for a responsive GUI thread)."""
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName("SupportDesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("SupportDesk")
    QGuiApplication.setDesktopFileName("supportdesk")
    return app


def install_translations(
    app: QApplication, language: str, folder: Path | None = None
) -> list[QTranslator]:
    """Load Qt's and SupportDesk's translations for the UI language, when present.

    Qt ships no Icelandic for its own standard buttons and editing menus; SupportDesk's
    ``qtextra_is`` catalogue fills that in where Qt has none.

    Returns:
        The translators installed (a caller that is done with them removes them).
    """
    locale = QLocale(language) if language else QLocale.system()
    # Numbers, dates and %Ln plurals follow the window's language.
    QLocale.setDefault(locale)
    ours = str(folder or resource_dir() / "translations")
    qt = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed: list[QTranslator] = []
    qt_has_it = False
    for name, where in (("qtbase", qt), ("qtextra", ours), ("supportdesk", ours)):
        if name == "qtextra" and qt_has_it:
            continue
        translator = QTranslator(app)
        if translator.load(locale, name, "_", where):
            app.installTranslator(translator)
            installed.append(translator)
            qt_has_it = qt_has_it or name == "qtbase"
    return installed


def report_error(message: str, *, gui: bool) -> None:
    """Say what went wrong on stderr, and in a dialog when there is a screen."""
    print(f"SupportDesk: {message}", file=sys.stderr)
    if gui:
        QMessageBox.critical(None, "SupportDesk", literal(message))


def open_profile(
    profile: Path,
    progress: Callable[[int, int], None] | None = None,
    *,
    with_demo: bool = True,
) -> tuple[Store, bool]:
    """Open the store; a profile without a database gets the demo workspace (or, with
    ``with_demo`` False, stays an empty one).

    ``progress(done, total)`` hears how a long migration step (the search index
    rebuilt once) gets on.

    Returns:
        The store, and whether a demo workspace was made now.
    """
    fresh = not database_path(profile).exists()
    store = Store.open(profile, progress)
    if fresh and with_demo:
        from supportdesk.services import demo

        demo.generate(store, DEMO_CONVERSATIONS, seed=1)
    return store, fresh and with_demo


def install_extensions(window: MainWindow) -> None:
    """Let each capability add its menus, panes and background work to the window.

    Each capability's UI lives in its own module under ``supportdesk/ui/`` with an
    ``install(window)`` function; add one line here per capability.
    """
    # extensions: one ``install(window)`` call per capability, below this line.
    from supportdesk.ui import chatimport, mail, sync, workflow

    workflow.install(window)
    mail.install(window)
    chatimport.install(window)
    sync.install(window)
    from supportdesk.ui import reports

    reports.install(window)
    from supportdesk.ui import drafts

    drafts.install(window)
    from supportdesk.ui import undo_send

    undo_send.install(window)
    from supportdesk.ui import layout

    layout.install(window)
    from supportdesk.ui import language

    language.install(window)
    from supportdesk.ui import rules

    rules.install(window)
    from supportdesk.ui import backup

    backup.install(window)
    from supportdesk.ui import customers

    customers.install(window)
    from supportdesk.ui import export

    export.install(window)
    from supportdesk.ui import kb

    kb.install(window)
    from supportdesk.ui import workspace

    workspace.install(window)


def run_app(args: argparse.Namespace) -> int:
    """Start the window (or render it to a PNG with ``--screenshot``)."""
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application(sys.argv[:1])
    gui = os.environ.get("QT_QPA_PLATFORM") != "offscreen"
    profile = resolve_profile(args)
    settings_language = ""
    lock = ProfileLock(profile)
    try:
        lock.acquire()
    except ProfileLockedError as exc:
        def waiting() -> None:
            print(f"SupportDesk is still starting with {profile}; waiting for it "
                  f"(up to {HAND_OVER_WAIT_S:.0f} s)…", file=sys.stderr, flush=True)

        if hand_over(profile, on_wait=waiting):
            print(f"SupportDesk is already running with {profile}; switched to that window.")
            return 0
        report_error(str(exc) + " Close it first.", gui=gui)
        return 1
    except OSError as exc:
        report_error(
            f"Cannot use the profile folder {profile}: {exc.strerror}. Choose another with "
            "--profile or fix its permissions. Nothing was changed.",
            gui=gui,
        )
        return 1
    # Listen for a second copy before the database opens (the first start builds the
    # demo workspace, which takes seconds): it is answered while this copy starts.
    starting = _Handover(profile, listen=not args.screenshot)
    try:
        settings = Settings(profile)
        settings_language = settings.get(LANGUAGE)
        install_translations(app, settings_language)
        with_demo = not getattr(args, "empty", False)
        if with_demo and gui and not args.screenshot and not database_path(profile).exists():
            from supportdesk.ui.workspace import ask_demo_or_empty

            with_demo = ask_demo_or_empty(profile) == "demo"
        try:
            store, _fresh = _open_answering(app, profile, show_progress=gui, with_demo=with_demo)
        except StoreError as exc:
            report_error(str(exc), gui=gui)
            return 1
        theme.apply(app, theme.resolve(args.theme or settings.get(THEME)))
        from supportdesk.ui.mainwindow import MainWindow

        window = MainWindow(store, settings, theme_override=args.theme)
        install_extensions(window)
        try:
            if args.screenshot:
                return _screenshot(app, window, args.screenshot, args.size)
            starting.window = window
            window.show()
            return _run_loop(app)
        finally:
            window.close()
            store.close()
    finally:
        starting.close()
        lock.release()


class _Handover:
    """The single-instance socket: a second copy asks this one to come to the front.

    It listens from the moment the profile lock is taken; until the window
    exists the answer is still "ok" (the window shows when it is ready).
    """

    def __init__(self, profile: Path, *, listen: bool) -> None:
        self.window: QWidget | None = None
        self.server: QLocalServer | None = None
        if not listen:
            return
        self.server = QLocalServer()
        QLocalServer.removeServer(instance_name(profile))
        self.server.newConnection.connect(self._connection)
        if not self.server.listen(instance_name(profile)):
            log.warning("single-instance socket unavailable: %s", self.server.errorString())

    def _connection(self) -> None:
        assert self.server is not None
        conn = self.server.nextPendingConnection()
        while conn is not None:
            self._answer_when_asked(conn)
            conn = self.server.nextPendingConnection()

    def _answer_when_asked(self, conn: QLocalSocket) -> None:
        def answer() -> None:
            if bytes(conn.readAll().data()).startswith(b"activate"):
                window = self.window
                if window is not None:
                    if window.isMinimized():  # (a maximised window stays maximised)
                        window.setWindowState(
                            window.windowState() & ~Qt.WindowState.WindowMinimized)
                    window.show()
                    window.raise_()
                    window.activateWindow()
                conn.write(b"ok\n")
                conn.flush()
            conn.disconnectFromServer()

        conn.readyRead.connect(answer)
        conn.disconnected.connect(conn.deleteLater)
        if conn.bytesAvailable():
            answer()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()


def _open_answering(
    app: QApplication, profile: Path, *, show_progress: bool, with_demo: bool = True
) -> tuple[Store, bool]:
    """Open the profile on a worker while this thread answers a second copy.

    A long migration step reports its progress from the worker; this thread shows it
    (widgets live on the GUI thread only).
    """
    state = [0, 0]  # done, total: written by the worker, read here

    def progress(done: int, total: int) -> None:
        state[0], state[1] = done, total

    dialog = None
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="open-profile") as pool:
            future = pool.submit(open_profile, profile, progress, with_demo=with_demo)
            while True:
                try:
                    return future.result(timeout=0.05)
                except FutureTimeout:
                    done, total = state
                    if show_progress and total and dialog is None:
                        dialog = _migration_dialog(total)
                    if dialog is not None:
                        dialog.setMaximum(max(total, 1))
                        dialog.setValue(min(done, total))
                    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    finally:
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()


def _migration_dialog(total: int) -> QProgressDialog:
    """The progress of a long migration step (the search index rebuilt once)."""
    box = QProgressDialog(QApplication.translate("app", "Updating the search index…"), "", 0,
                          total)
    box.setCancelButton(None)
    box.setMinimumDuration(500)
    box.setWindowTitle("SupportDesk")
    return box


def _run_loop(app: QApplication) -> int:
    import qasync

    async def main() -> None:
        closing = asyncio.Event()
        app.aboutToQuit.connect(closing.set)
        await closing.wait()

    with contextlib.suppress(asyncio.CancelledError):
        qasync.run(main())
    return 0


def _screenshot(app: QApplication, window: object, path: Path, size: str) -> int:
    from supportdesk.ui.mainwindow import MainWindow

    assert isinstance(window, MainWindow)
    try:
        width, height = (int(v) for v in size.lower().split("x"))
    except ValueError:
        print(f"SupportDesk: --size takes WIDTHxHEIGHT, not {size!r}", file=sys.stderr)
        return 2
    from PySide6.QtCore import QCoreApplication, QEvent, Qt

    window.show()
    app.processEvents()  # a first start's maximising arrives from the platform here
    # The size asked for, whatever the (virtual) screen: not maximised to it.
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(width, height)

    for _ in range(5):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    pixmap = window.grab()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not pixmap.save(str(path), "PNG"):
        print(f"SupportDesk: could not write {path}", file=sys.stderr)
        return 1
    print(f"Window rendered to {path} ({pixmap.width()}x{pixmap.height()}).")
    return 0
