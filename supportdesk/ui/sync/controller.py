"""Background sync for one window: when to sync, on which thread, and what the status bar says.

Every network call runs on a worker thread; results come back through queued
signals, so workers never touch widgets. One sync runs at a time. A sync is
started a few seconds after a local change, every minute, and when the network
comes back (Qt's reachability where the platform reports it, otherwise a retry
with growing pauses after each failure). Closing the window stops the timers,
asks a running sync to stop at its next request and waits for it, so nothing
writes after the store closes.

Presence (who else has the shown conversation open) is renewed on a second
worker, so a long sync never delays it and it never delays a sync.

The window stays responsive while a sync writes (issue 5): while a new device
takes the team's whole inbox the window only shows how far it got, and shows
the inbox once, when it is in; during other syncs it shows what came at most
once a second, with its counts read on a worker. While any sync runs the
garbage collector leaves the objects that were there before it alone, so a
collection set off by a page of JSON does not walk the whole app.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QMouseEvent
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMenu,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from supportdesk.services.status import SyncStatus
from supportdesk.services.sync_conflicts import open_count
from supportdesk.store import ChangeSet
from supportdesk.sync import credentials
from supportdesk.sync import presence as presence_api
from supportdesk.sync.client import (
    HttpResponse,
    RequestsTransport,
    ServerUnreachableError,
    SyncClient,
    SyncError,
    SyncProgress,
    SyncResult,
    Transport,
    is_demo,
)
from supportdesk.sync.presence import OtherAgent
from supportdesk.ui.i18n import _n
from supportdesk.ui.plain import PlainLabel

if TYPE_CHECKING:
    from supportdesk.ui.mainwindow import MainWindow
    from supportdesk.ui.sync.dialogs import ConflictDialog, TeamServerDialog

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


#: a local change is pushed this long after it was made (more changes ride along)
DEBOUNCE_MS = 3_000
#: a sync at least this often while signed in, to receive the team's work
PERIOD_MS = 60_000
#: pauses before retrying after failures (the last one repeats)
BACKOFF_MS = (5_000, 10_000, 20_000, 40_000, 60_000)
#: the first sync after the window opens
STARTUP_MS = 1_500
#: presence is renewed this often (the server forgets an entry after 60 s)
PRESENCE_MS = int(presence_api.RENEW_S * 1000)
#: rows per page in the app: a page of this size is parsed in a few milliseconds, and the
#: window does not reload per page, so bigger pages only cost the garbage collector more
APP_PULL_PAGE = 2000
APP_SNAPSHOT_PAGE = 2000
#: while a sync runs, the window shows what it brought at most this often
SYNC_REFRESH_MS = 1_000
#: the status bar's progress words change at most this often (seconds)
PROGRESS_EVERY_S = 0.25
#: a request that gets no answer in this long fails (and is retried later)
APP_TIMEOUT_S = 20.0


def _front(dialog: QWidget) -> None:
    if QGuiApplication.platformName() != "offscreen":  # offscreen cannot raise windows
        dialog.raise_()
        dialog.activateWindow()


class _SyncMode:
    """What the process does differently while any window syncs: objects that existed
    when the first sync started are left out of garbage collections (``gc.freeze``)
    until the last one ends; then they are collected as usual. (How often the
    interpreter lock changes hands is set once for the app: ``app.make_application``.)"""

    users = 0

    @classmethod
    def enter(cls) -> None:
        if cls.users == 0:
            gc.freeze()
        cls.users += 1

    @classmethod
    def leave(cls) -> None:
        cls.users -= 1
        if cls.users == 0:
            gc.unfreeze()


class SyncStopped(SyncError):  # noqa: N818 (a SyncError, named for what happened)
    """The window closed while a sync ran; it stopped at a request boundary."""


class StoppableTransport:
    """A transport that refuses further requests once ``stop()`` was called."""

    def __init__(self, inner: Transport) -> None:
        self.inner = inner
        self._stopped = threading.Event()

    def stop(self) -> None:
        """Make the next request fail, so a running sync ends soon."""
        self._stopped.set()

    def request(
        self, method: str, url: str, *, headers: dict[str, str], body: bytes | None = None,
    ) -> HttpResponse:
        if self._stopped.is_set():
            raise SyncStopped("SupportDesk was closed during a sync; it goes on next time.")
        return self.inner.request(method, url, headers=headers, body=body)

    def close(self) -> None:
        """Close the inner transport's connections."""
        close = getattr(self.inner, "close", None)
        if callable(close):
            close()


def default_transport() -> Transport:
    """HTTP(S) with certificates verified."""
    return RequestsTransport(timeout=APP_TIMEOUT_S)


class SyncController(QObject):
    """Team sync for one main window."""

    #: emitted (on the GUI thread) whenever what the status bar says may have changed
    state_changed = Signal()
    #: a sync finished: its result, or None when it failed
    synced = Signal(object)
    _done = Signal(object, object, object, object)  # on_done, on_error, result, error
    _progress = Signal(object)  # SyncProgress, from the worker
    _presence = Signal(object, object, object)  # (conversation, state), others, error

    def __init__(
        self,
        window: MainWindow,
        transport_factory: Callable[[], Transport] = default_transport,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        period_ms: int = PERIOD_MS,
        backoff_ms: tuple[int, ...] = BACKOFF_MS,
        startup_ms: int = STARTUP_MS,
        presence_ms: int = PRESENCE_MS,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.store = window.store
        self._transport_factory = transport_factory
        self._transport = StoppableTransport(transport_factory())
        self.client = SyncClient(self.store, self._transport, pull_page=APP_PULL_PAGE,
                                 snapshot_page=APP_SNAPSHOT_PAGE)
        self.client.progress = self._progress_from_worker
        self._presence_transport = StoppableTransport(transport_factory())
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-worker")
        self.presence_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-presence")
        self.backoff_ms = backoff_ms
        self.demo = is_demo(self.store)
        self._closed = False

        #: a sync or sign-in is running on the worker
        self.busy = False
        self.syncing = False
        self._queued: str | None = None  # why another sync is wanted after this one
        #: None: not known yet; False: signed out (no tokens); True: tokens in the keyring
        self.signed_in: bool | None = None
        #: None until the first attempt; then whether the server answered last time
        self.online: bool | None = None
        self.last_error: str | None = None
        self.last_result: SyncResult | None = None
        self.last_sync_at: datetime | None = None
        self.failures = 0
        self.conflicts = 0
        self._last_exc: BaseException | None = None
        self._sync_mode = False
        #: how far the running sync has come (None: not known, or no sync running)
        self.progress: SyncProgress | None = None
        self._progress_shown = 0.0

        # (each is handed over with a poke of the store's foreground: see _handed)
        self._done.connect(lambda *args: self._handed(self._finish, *args))
        self._progress.connect(lambda progress: self._handed(self._on_progress, progress))
        self._presence.connect(self._presence_answer)
        self.debounce = QTimer(self, singleShot=True, interval=debounce_ms)
        self.debounce.timeout.connect(lambda: self.request_sync("local"))
        self.periodic = QTimer(self, interval=period_ms)
        self.periodic.timeout.connect(lambda: self.request_sync("periodic"))
        self.retry = QTimer(self, singleShot=True)
        self.retry.timeout.connect(lambda: self.request_sync("retry"))
        self.presence_timer = QTimer(self, interval=presence_ms)
        self.presence_timer.timeout.connect(lambda: self.update_presence(force=True))
        self.presence_soon = QTimer(self, singleShot=True, interval=300)
        self.presence_soon.timeout.connect(self.update_presence)
        self.startup = QTimer(self, singleShot=True, interval=startup_ms)
        self.startup.timeout.connect(self._start)

        self.network: QNetworkInformation | None = None
        self._watch_network()
        self._build_ui()
        window.bridge.changed.connect(self._on_changes)
        window.on_close(self.shutdown)
        window.sync_words = self.describe
        self._refresh_conflicts()
        window._update_sync_label()
        if not self.demo and self.client.peer() is not None:
            self.startup.start()

    # -- ui --------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        w = self.window
        self.act_server = QAction(_t("Team server…"), w)
        self.act_server.triggered.connect(self.open_settings)
        self.act_sync = QAction(_t("Sync now"), w)
        self.act_sync.triggered.connect(lambda: self.request_sync("user"))
        w.on_refresh(lambda: self.request_sync("user"))  # F5 (the window's Refresh) syncs
        w.addAction(self.act_sync)
        self.act_conflicts = QAction(_t("Sync conflicts…"), w)
        self.act_conflicts.triggered.connect(self.open_conflicts)
        w.tools_menu.addSeparator()
        for a in (self.act_server, self.act_sync, self.act_conflicts):
            w.tools_menu.addAction(a)
        label = w.sync_label
        label.setCursor(Qt.CursorShape.PointingHandCursor)
        label.installEventFilter(self)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("syncProgress")
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedSize(120, 12)
        self.progress_bar.hide()
        w.statusBar().insertPermanentWidget(0, self.progress_bar)
        self.settings_dialog: TeamServerDialog | None = None
        self.conflict_dialog: ConflictDialog | None = None

        self.presence_label = PlainLabel()
        self.presence_label.setObjectName("presence")
        self.presence_label.setStyleSheet(
            "QLabel#presence { background: rgba(214, 158, 46, 0.18); border-radius: 4px;"
            " padding: 3px 8px; }"
        )
        self.presence_label.setWordWrap(True)
        self.presence_label.hide()
        pane = w.pane
        parent = pane.browser.parentWidget()
        layout = parent.layout() if parent is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(layout.indexOf(pane.browser), self.presence_label)
        self._presence_sent: tuple[str | None, str] | None = None
        self.others: list[OtherAgent] = []
        w.table.selectionModel().selectionChanged.connect(lambda *_: self.presence_soon.start())
        pane.composer.textChanged.connect(self.presence_soon.start)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The status label opens the sync menu."""
        if (
            watched is self.window.sync_label
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            self.status_menu().popup(event.globalPosition().toPoint())
            return True
        return False

    def status_menu(self) -> QMenu:
        """What clicking the sync status offers."""
        menu = QMenu(self.window)
        sync = menu.addAction(_t("Sync now"), lambda: self.request_sync("user"))
        sync.setEnabled(self.can_sync())
        label = _t("Conflicts…")
        if self.conflicts:
            label = _t("Conflicts ({0})…").format(self.conflicts)
        menu.addAction(label, self.open_conflicts)
        menu.addSeparator()
        menu.addAction(_t("Team server…"), self.open_settings)
        return menu

    def open_settings(self) -> TeamServerDialog:
        """The team server dialog (sign in, who is signed in, sign out)."""
        from supportdesk.ui.sync.dialogs import TeamServerDialog

        if self.settings_dialog is None:
            self.settings_dialog = TeamServerDialog(self, self.window)
        self.settings_dialog.refresh()
        self.settings_dialog.show()
        _front(self.settings_dialog)
        return self.settings_dialog

    def open_conflicts(self) -> ConflictDialog:
        """The list of values that lost a merge."""
        from supportdesk.ui.sync.dialogs import ConflictDialog

        if self.conflict_dialog is None:
            self.conflict_dialog = ConflictDialog(self, self.window)
        self.conflict_dialog.reload()
        self.conflict_dialog.show()
        _front(self.conflict_dialog)
        return self.conflict_dialog

    def describe(self, status: SyncStatus) -> tuple[str, str]:
        """The status bar's words, from the stored facts and what this window saw live."""
        from supportdesk.ui.mainwindow import describe_sync

        if status.demo or not status.server:
            return describe_sync(status)
        waiting = ""
        if status.waiting:
            waiting = " · " + _n("%Ln changes waiting", "", status.waiting)
        tip = [_t("Team server: {0}").format(status.server)]
        if status.user:
            tip.append(_t("Signed in as {0}").format(status.user) if self.signed_in is not False
                       else _t("Signed out (was {0})").format(status.user))
        if self.signed_in is False:
            return (_t("Signed out of the team server") + waiting,
                    "\n".join([*tip, _t("Sign in again from Tools → Team server…")]))
        when_at = self.last_sync_at or status.last_sync_at
        when = when_at.astimezone().strftime("%H:%M") if when_at else _t("never")
        if self.conflicts:
            tip.append(_n("%n sync conflicts to look at", "", self.conflicts))
        if self.syncing:
            return self._progress_words() + waiting, "\n".join(tip)
        online = status.online if self.online is None else self.online
        error = self.last_error if self.online is not None else status.last_error
        if error:
            tip.append(error)
        if self.retry.isActive():
            tip.append(_t("Trying again in {0} s.").format(
                max(1, round(self.retry.remainingTime() / 1000))))
        if online:
            text = _t("Online") + " · " + _t("synced {0}").format(when)
        elif self.online is False and not isinstance(self._last_exc, ServerUnreachableError):
            text = _t("Sync problem") + " · " + _t("synced {0}").format(when)
        else:
            text = _t("Offline") + " · " + _t("synced {0}").format(when)
        if self.conflicts:
            text += " · " + _t("conflicts: {0}").format(self.conflicts)
        return text + waiting, "\n".join(tip)

    def _progress_words(self) -> str:
        p = self.progress
        if p is None or p.finished:
            return _t("Syncing…")
        if p.phase == "snapshot":
            if p.total:
                return _t("Fetching the team's inbox… {0}%").format(
                    min(99, p.done * 100 // p.total))
            if p.done:
                return _n("Fetching the team's inbox… %Ln items", "", p.done)
            return _t("Fetching the team's inbox…")
        if p.done:
            return _n("Syncing… %Ln changes received", "", p.done)
        return _t("Syncing…")

    def _on_progress(self, progress: SyncProgress) -> None:
        """A page went in (on the GUI thread, queued from the worker)."""
        if self._closed or not self.syncing:
            return
        self.progress = progress
        bar = self.progress_bar
        if progress.phase == "snapshot":
            # The inbox fills from nothing: show it once it is all in, not page by page.
            self.window.hold_refresh(not progress.finished)
            if progress.done == 0:
                self.window.statusBar().clearMessage()  # "0 conversations" would mislead
            bar.setVisible(not progress.finished)
            if progress.total:
                bar.setRange(0, progress.total)
                bar.setValue(min(progress.done, progress.total))
            else:
                bar.setRange(0, 0)  # how much is coming is not known: a busy bar
        now = time.monotonic()
        if progress.finished or now - self._progress_shown >= PROGRESS_EVERY_S:
            self._progress_shown = now
            self._changed()

    def _refresh_conflicts(self) -> None:
        with self.store.read() as session:
            self.conflicts = open_count(session)

    def _changed(self) -> None:
        self.window._update_sync_label()
        self.state_changed.emit()

    # -- plumbing ---------------------------------------------------------------------------

    def _handed(self, slot: Callable[..., None], *args: Any) -> None:
        """Run what a worker handed over, then let background work go on."""
        try:
            slot(*args)
        finally:
            self.store.foreground.done()

    def _progress_from_worker(self, progress: SyncProgress) -> None:
        self.store.foreground.poke()  # the GUI shows it; the sync steps aside meanwhile
        self._progress.emit(progress)

    def _run(
        self,
        pool: ThreadPoolExecutor,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        if self._closed:
            return

        def emit(future: Future[Any]) -> None:
            error = future.exception()
            if not self._closed:
                self.store.foreground.poke()
                self._done.emit(on_done, on_error, None if error else future.result(), error)

        pool.submit(work).add_done_callback(emit)

    def _finish(self, on_done: Any, on_error: Any, result: Any, error: Any) -> None:
        if self._closed:
            return
        if error is None:
            if on_done is not None:
                on_done(result)
        elif on_error is not None:
            on_error(error)
        else:
            log.error("sync task failed", exc_info=error)

    # -- when to sync ------------------------------------------------------------------------

    def can_sync(self) -> bool:
        """Whether this profile is connected to a team server and signed in."""
        return not self.demo and self.signed_in is not False and self.client.peer() is not None

    def _start(self) -> None:
        """At start: find out whether the tokens are there, then sync."""
        peer = self.client.peer()
        if peer is None or self._closed:
            return
        url = peer.server_url

        def check() -> bool:
            try:
                return credentials.load(self.store.profile, url) is not None
            except credentials.KeyringUnavailableError:
                return False

        def checked(ok: bool) -> None:
            self.signed_in = ok
            if ok:
                self.periodic.start()
                self.request_sync("startup")
            self._changed()

        self._run(self.pool, check, checked, lambda _e: None)

    def _on_changes(self, _changes: ChangeSet) -> None:
        if self.can_sync() and not self.debounce.isActive():
            self.debounce.start()

    def _watch_network(self) -> None:
        try:
            if not QNetworkInformation.loadBackendByFeatures(
                QNetworkInformation.Feature.Reachability
            ):
                return
        except (RuntimeError, AttributeError):
            return
        info: QNetworkInformation | None = QNetworkInformation.instance()
        if info is None:
            return
        self.network = info
        info.reachabilityChanged.connect(self._reachability)

    def _reachability(self, reachability: QNetworkInformation.Reachability) -> None:
        if reachability == QNetworkInformation.Reachability.Online and self.online is False:
            self.request_sync("network")

    def request_sync(self, reason: str) -> None:
        """Sync soon on the worker (``local``: only when something waits to be pushed)."""
        if self._closed or not self.can_sync():
            return
        if self.busy:
            if self._queued is None or reason != "local":
                self._queued = reason
            return
        self.debounce.stop()
        self.retry.stop()
        self.busy = True
        self.syncing = True
        self.progress = None
        self._changed()
        client = self.client
        self._enter_sync_mode(True)

        def work() -> SyncResult | None:
            if reason == "local" and client.waiting() == 0:
                return None  # the change came from a pull, or was pushed already
            return client.sync()

        self._run(self.pool, work, self._sync_done, self._sync_failed)

    def _enter_sync_mode(self, on: bool) -> None:
        """While syncing: the window shows changes at a slow pace, and the process runs
        in sync mode (see ``_SyncMode``)."""
        if on == self._sync_mode:
            return
        self._sync_mode = on
        # What pulled pages change is tracked for SLA after the sync, not between pages.
        follower = getattr(getattr(self.window, "workflow", None), "follower", None)
        if follower is not None:
            follower.hold(on)
        if on:
            _SyncMode.enter()
            self.window.set_refresh_pace(SYNC_REFRESH_MS)
        else:
            _SyncMode.leave()
            self.window.set_refresh_pace(0)
            self.window.hold_refresh(False)

    def _after(self) -> None:
        self.busy = False
        self.syncing = False
        self.progress = None
        self.progress_bar.hide()
        self._enter_sync_mode(False)
        queued, self._queued = self._queued, None
        self._changed()
        if queued is not None and (self.online is not False or queued in ("user", "network")):
            self.request_sync(queued)

    def _retry_later(self) -> None:
        pause = self.backoff_ms[max(0, min(self.failures, len(self.backoff_ms)) - 1)]
        self.retry.start(pause)

    def _sync_done(self, result: SyncResult | None) -> None:
        if result is None:  # nothing waited: the server was not asked
            self._after()
            if self.online is False and not self.retry.isActive():
                self._retry_later()
            return
        self.last_result = result
        self.last_sync_at = self.client.last_sync_at
        self.last_error = result.blocked
        was_offline = self.online is False
        self.online = True
        self._last_exc = None
        self.failures = 0
        self._refresh_conflicts()
        if self.conflict_dialog is not None and self.conflict_dialog.isVisible():
            self.conflict_dialog.reload()
        self._after()
        self.synced.emit(result)
        if was_offline:
            self.update_presence(force=True)
        if not self.presence_timer.isActive():
            self.presence_timer.start()
            self.update_presence(force=True)

    def _sync_failed(self, error: BaseException) -> None:
        if isinstance(error, SyncStopped):
            return
        if not isinstance(error, SyncError):
            log.error("sync failed", exc_info=error)
        self._last_exc = error
        self.online = False
        self.last_error = str(error)
        self.failures += 1
        self._clear_presence()
        self._after()
        if isinstance(error, ServerUnreachableError):
            self._retry_later()
        self.synced.emit(None)
        self._changed()

    # -- sign in and out ----------------------------------------------------------------------

    def login(
        self, server_url: str, user: str, password: str,
        on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
    ) -> None:
        """Sign in on the worker (after any running sync); then sync."""
        client = self.client

        def done(peer: Any) -> None:
            self.signed_in = True
            self.online = True
            self.last_error = None
            self._last_exc = None
            self.failures = 0
            self.periodic.start()
            on_done(peer)
            self.request_sync("login")

        self._run(self.pool, lambda: client.login(server_url, user, password), done, on_error)

    def logout(self, on_done: Callable[[Any], None]) -> None:
        """Sign out on the worker: the server ends the tokens (when it answers), the keyring
        forgets them. Local work stays and waits."""
        client = self.client

        def done(_r: Any) -> None:
            self.signed_in = False
            self.online = None
            self.periodic.stop()
            self.retry.stop()
            self.debounce.stop()
            self._clear_presence()
            self.presence_timer.stop()
            self._changed()
            on_done(None)

        self._run(self.pool, client.logout, done, lambda e: on_done(e))

    # -- presence -----------------------------------------------------------------------------

    def replying(self) -> bool:
        """Whether the rep is writing in the shown conversation (a note or a mail)."""
        pane = self.window.pane
        if pane.composer.hasFocus() or pane.composer.toPlainText().strip():
            return True
        cid = self.window.current_id
        for dialog in self.window.findChildren(QDialog):
            draft = getattr(dialog, "draft", None)
            if (dialog.isVisible() and draft is not None
                    and getattr(draft, "conversation_id", None) == cid):
                return True
        return False

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        if not self._closed and self.online:
            self.presence_soon.start()

    def update_presence(self, force: bool = False) -> None:
        """Tell the server what is open here (when it changed, or to renew it)."""
        if self._closed or not self.online or not self.can_sync():
            return
        cid = self.window.current_id
        what = (cid, "replying" if cid and self.replying() else "viewing")
        if what == self._presence_sent and not force:
            return
        self._presence_sent = what
        if cid is None:
            self._show_others([])
        store, transport = self.store, self._presence_transport

        def work() -> list[OtherAgent]:
            # A client of its own: it shares only the keyring with the sync worker's.
            client = SyncClient(store, transport)
            return presence_api.report(client, what[0], "replying" if what[1] == "replying"
                                       else "viewing")

        def emit(future: Future[list[OtherAgent]]) -> None:
            error = future.exception()
            if not self._closed:
                self._presence.emit(what, None if error else future.result(), error)

        self.presence_pool.submit(work).add_done_callback(emit)

    def _presence_answer(self, what: tuple[str | None, str], others: Any, error: Any) -> None:
        if self._closed:
            return
        if error is not None:
            log.info("presence unavailable: %s", error)
            self._show_others([])
            return
        if what[0] == self.window.current_id:
            self._show_others(list(others))

    def _clear_presence(self) -> None:
        self._presence_sent = None
        self._show_others([])

    def _show_others(self, others: list[OtherAgent]) -> None:
        self.others = others
        if not others:
            self.presence_label.clear()
            self.presence_label.hide()
            return
        parts = [
            (_t("{0} is replying") if o.state == "replying" else _t("{0} is viewing")).format(
                o.user
            )
            for o in others
        ]
        self.presence_label.setText(" · ".join(parts))
        self.presence_label.setToolTip(
            _t("Other agents with this conversation open right now.")
        )
        self.presence_label.show()

    # -- shutdown ------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop timers, end a running sync at its next request, and wait for the workers."""
        if self._closed:
            return
        for timer in (self.debounce, self.periodic, self.retry, self.presence_timer,
                      self.presence_soon, self.startup):
            timer.stop()
        if self.network is not None:
            self.network.reachabilityChanged.disconnect(self._reachability)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)
        if self.online and self._presence_sent and self._presence_sent[0] is not None:
            # Say goodbye so the others stop seeing this rep at once (best effort).
            store, transport = self.store, self._presence_transport
            self.presence_pool.submit(
                lambda: presence_api.report(SyncClient(store, transport), None)
            )
        self._closed = True
        self._transport.stop()
        self.presence_pool.shutdown(wait=True, cancel_futures=False)
        self._presence_transport.stop()
        self.pool.shutdown(wait=True, cancel_futures=True)
        self._transport.close()
        self._presence_transport.close()
        self._enter_sync_mode(False)
