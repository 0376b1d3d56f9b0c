"""The email channel in the window: background fetch and send, menus, the timeline's mail links.

Blocking work (IMAP, SMTP, keyring, tests of a connection, imports) runs on
worker threads; results come back through queued signals, so workers never
touch widgets. Store writes go through the store's single writer.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import requests

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QGuiApplication,
    QImage,
    QKeySequence,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QMessageBox,
    QProgressBar,
    QToolButton,
)

from supportdesk.services import inbox
from supportdesk.services.actions import ActionError
from supportdesk.services.mail import manage, sender
from supportdesk.services.mail.mailboxes import (
    get_mailbox,
    list_mailboxes,
    may_change_servers,
)
from supportdesk.services.mail.oauth import MailCredentials, TokenBook
from supportdesk.services.mail.outgoing import Draft, Mode, QueuedMail, draft_for, queue_draft
from supportdesk.services.mail.passwords import PasswordBook, endpoint
from supportdesk.services.mail.undo_send import hold
from supportdesk.services.mail.view import (
    MailView,
    allow_remote_images,
    mail_views,
)
from supportdesk.services.mail.watch import MailboxWatcher, WatchEvent
from supportdesk.services.search import search
from supportdesk.store import ChangeSet, StoreError, UnitOfWork
from supportdesk.ui import drafts, icons
from supportdesk.ui.i18n import _n
from supportdesk.ui.mail import view as mail_view
from supportdesk.ui.mail.composer import ComposerDialog
from supportdesk.ui.mail.dialogs import MoveDialog, PasswordDialog
from supportdesk.ui.mail.files import MailFiles
from supportdesk.ui.mail.importing import import_mail_files
from supportdesk.ui.mail.mailbox_settings import open_mailbox_settings
from supportdesk.ui.mail.outbox import OutboxDialog
from supportdesk.ui.mail.settings import MailboxSettingsDialog
from supportdesk.ui.mail.signin import OAuthFlow
from supportdesk.ui.plain import PlainLabel, literal
from supportdesk.ui.timeline import EntryExtra
from supportdesk.ui.undo_send import undo_send_of
from supportdesk.ui.workflow.controller import controller_of

if TYPE_CHECKING:
    from supportdesk.services.inbox import ConversationDetail
    from supportdesk.ui.mainwindow import MainWindow

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


SEND_INTERVAL_MS = 30_000
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_WIDTH = 640
def first_sentence(text: str) -> str:
    """The first sentence of a message, for a narrow status bar."""
    head, dot, _rest = text.partition(". ")
    return head + ("." if dot else "")


class MailController(QObject, MailFiles):
    """Everything mail adds to one main window."""

    _done = Signal(object, object, object, object)  # on_done, on_error, result, error
    _watch = Signal(object)  # WatchEvent from a watcher thread
    _image = Signal(str, object)  # url, bytes or None

    def __init__(self, window: MainWindow, passwords: PasswordBook | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.store = window.store
        self.passwords = passwords or PasswordBook()
        # a stored password goes only to the servers it was typed for
        self.passwords.bind(self._servers_of)
        self.tokens = TokenBook(self.store, self.passwords.status)
        self.credentials = MailCredentials(self.passwords, self.tokens)
        self.oauth = OAuthFlow(self)
        self.pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="mail-task")
        self.watchers: dict[str, MailboxWatcher] = {}
        self.threads: dict[str, threading.Thread] = {}
        self.states: dict[str, WatchEvent] = {}
        self.text_mode: set[str] = set()
        self.images: dict[str, QImage] = {}
        self._image_requests: set[str] = set()
        self._sending = False
        self._closed = False
        self._asked: set[str] = set()
        self.auto_ask_passwords = True
        self.outbox_dialog: OutboxDialog | None = None
        self.settings_dialog: MailboxSettingsDialog | None = None
        self._done.connect(self._finish)
        self._watch.connect(self._on_watch)
        self._image.connect(self._on_image)

        bar = window.statusBar()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.stop_button = QToolButton()
        self.stop_button.setText(_t("Stop"))
        self.stop_button.setToolTip(_t("Stop fetching; what was fetched stays"))
        self.stop_button.clicked.connect(self.cancel_fetch)
        self.stop_button.hide()
        self.password_button = QToolButton()
        self.password_button.setText(_t("Enter password…"))
        self.password_button.clicked.connect(self.ask_passwords)
        self.password_button.hide()
        self.status = PlainLabel()
        self.status.setObjectName("mailStatus")
        for widget in (self.status, self.progress, self.stop_button, self.password_button):
            bar.addPermanentWidget(widget)

        self._build_actions()
        pane = window.pane
        pane.extras_provider = self.extras
        pane.browser.resource_loader = self.load_resource
        pane.browser.anchorClicked.connect(self.on_anchor)
        window.bridge.changed.connect(self._on_changes)
        window.on_close(self.shutdown)
        self.send_timer = QTimer(self)
        self.send_timer.setInterval(SEND_INTERVAL_MS)
        self.send_timer.timeout.connect(self.send_now)
        self.send_timer.start()
        self.run(lambda: sender.recover_interrupted(self.store), self._recovered)
        self.start_watchers()
        self.update_status()
        pane.render_timeline()  # the conversation already shown gets its mail extras

    # -- plumbing ------------------------------------------------------------------------

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run blocking ``work`` on a worker; the callbacks run on the GUI thread."""
        if self._closed:
            return
        future = self.pool.submit(work)
        future.add_done_callback(lambda f: self._emit_done(f, on_done, on_error))

    def write(
        self,
        work: Callable[[UnitOfWork], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run a unit of work on the store's writer; callbacks on the GUI thread."""
        future = self.store.submit(work)
        future.add_done_callback(lambda f: self._emit_done(f, on_done, on_error))

    def _emit_done(self, future: Future[Any], on_done: Any, on_error: Any) -> None:
        error = future.exception()
        if not self._closed:
            self._done.emit(on_done, on_error, None if error else future.result(), error)

    def _finish(self, on_done: Any, on_error: Any, result: Any, error: Any) -> None:
        if error is None:
            if on_done is not None:
                on_done(result)
            return
        if on_error is not None:
            on_error(error)
            return
        if isinstance(error, ActionError | StoreError | ValueError):
            self.window.statusBar().showMessage(str(error), 10000)
        else:
            log.error("mail task failed", exc_info=error)
            self.window.statusBar().showMessage(_t("Mail: {0}").format(error), 10000)

    def shutdown(self) -> None:
        """Stop watchers and workers; pending store writes still finish."""
        if self._closed:
            return
        self._closed = True
        self.send_timer.stop()
        for watcher in self.watchers.values():
            watcher.stop()
        for thread in self.threads.values():
            thread.join(5)
        self.pool.shutdown(wait=True, cancel_futures=True)

    # -- menus ---------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], object], keys: str = "") -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def _build_actions(self) -> None:
        w = self.window
        self.act_new = self._action(_t("New mail…"), lambda: self.compose("new"), "Ctrl+Shift+M")
        self.act_new.setIcon(icons.icon("email"))
        self.act_reply = self._action(_t("Reply"), lambda: self.compose("reply"), "R")
        self.act_reply_all = self._action(
            _t("Reply to all"), lambda: self.compose("reply_all"), "Shift+R"
        )
        self.act_forward = self._action(_t("Forward"), lambda: self.compose("forward"), "F")
        self.act_settings = self._action(_t("Mailboxes…"), self.open_settings)
        self.act_outbox = self._action(_t("Outbox…"), self.open_outbox)
        self.act_fetch = self._action(_t("Fetch mail now"), self.fetch_now)
        w.on_refresh(self.fetch_now)  # F5 is the window's Refresh, which fetches too
        self.act_import = self._action(_t("Import mail from files…"), self.import_files)
        existing = w.file_menu.actions()
        for action in (self.act_new, self.act_import):
            if len(existing) > 1:
                w.file_menu.insertAction(existing[1], action)  # before the separator
            else:
                w.file_menu.addAction(action)
        w.conversation_menu.addSeparator()
        for action in (self.act_reply, self.act_reply_all, self.act_forward):
            w.conversation_menu.addAction(action)
        for action in (self.act_settings, self.act_outbox, self.act_fetch):
            w.tools_menu.addAction(action)
        w.toolbar.addAction(self.act_new)
        w.toolbar.addAction(self.act_reply)

    # -- fetching ------------------------------------------------------------------------

    def start_watchers(self) -> None:
        """Watch every enabled mailbox (restarting changed ones)."""
        with self.store.read() as session:
            boxes = list_mailboxes(session, enabled_only=True)
        wanted = {b.id for b in boxes}
        for mailbox_id in list(self.watchers):
            if mailbox_id not in wanted:
                self._stop_watcher(mailbox_id)
        for box in boxes:
            if box.id not in self.watchers:
                self._start_watcher(box.id)

    def _start_watcher(self, mailbox_id: str) -> None:
        watcher = MailboxWatcher(self.store, mailbox_id, self.credentials, self._watch.emit)
        thread = threading.Thread(
            target=watcher.run, name=f"mail-watch-{mailbox_id[:8]}", daemon=True
        )
        self.watchers[mailbox_id] = watcher
        self.threads[mailbox_id] = thread
        thread.start()

    def _stop_watcher(self, mailbox_id: str) -> None:
        watcher = self.watchers.pop(mailbox_id, None)
        if watcher is not None:
            watcher.stop()
        self.threads.pop(mailbox_id, None)
        self.states.pop(mailbox_id, None)

    def restart_watcher(self, mailbox_id: str) -> None:
        """Reconnect with new settings or a new password."""
        self._stop_watcher(mailbox_id)
        self.start_watchers()

    def fetch_now(self) -> None:
        """Fetch every mailbox now (also resumes a stopped first fetch)."""
        for watcher in self.watchers.values():
            watcher.fetch_now()
        self.send_now()

    def cancel_fetch(self) -> None:
        """Stop running fetches after the current batch; what was fetched stays."""
        for mailbox_id, state in self.states.items():
            if state.kind in ("progress", "connecting"):
                self.watchers[mailbox_id].cancel_fetch()

    def _on_watch(self, event: WatchEvent) -> None:
        if self._closed or event.mailbox_id not in self.watchers:
            return
        self.states[event.mailbox_id] = event
        if event.kind == "needs_password" and self.auto_ask_passwords:
            QTimer.singleShot(0, self.ask_passwords)
        self.update_status()

    # -- sending -------------------------------------------------------------------------

    def send_now(self) -> None:
        """Send what waits in the outbox (one round at a time)."""
        if self._sending or self._closed:
            return
        self._sending = True
        self.run(
            lambda: sender.send_due(self.store, self.credentials),
            self._sent,
            self._send_failed,
        )

    def _sent(self, report: sender.SendReport) -> None:
        self._sending = False
        if report.sent:
            self.window.statusBar().showMessage(
                _n("%n mails sent.", "", report.sent), 5000
            )
        if report.needs_password and self.auto_ask_passwords:
            self.ask_passwords()
        self.update_status()

    def _send_failed(self, error: BaseException) -> None:
        self._sending = False
        log.error("sending failed", exc_info=error)
        self.update_status()

    def _recovered(self, count: int) -> None:
        if count:
            self.window.statusBar().showMessage(
                _n("%n mails were being sent when SupportDesk stopped; see the outbox.",
                   "", count), 10000,
            )  # fmt: skip
        self.update_status()

    # -- passwords -----------------------------------------------------------------------

    def ask_passwords(self) -> None:
        """Ask (once per session, unless asked again) for passwords that are missing."""
        waiting = [
            mid for mid, state in self.states.items()
            if state.kind == "needs_password" or (state.kind == "error" and
                                                  "password" in state.message)
        ]  # fmt: skip
        for mailbox_id in waiting:
            if mailbox_id in self._asked:
                continue
            self._asked.add(mailbox_id)
            self.ask_password(mailbox_id)
            return

    def ask_password(self, mailbox_id: str, reason: str = "") -> PasswordDialog | None:
        """Open the password dialog for a mailbox (non-blocking); returns it."""
        with self.store.read() as session:
            box = get_mailbox(session, mailbox_id)
        if box is None:
            return None
        state = self.states.get(mailbox_id)
        changed = self.passwords.changed(mailbox_id)
        if not reason and changed is not None:
            reason = _t("This mailbox now connects to other servers ({0}). Type the password "
                        "again only if you trust them; the stored one is not sent there.").format(
                changed[1])
        if not reason and state is not None and state.kind == "error":
            reason = state.message
        dialog = PasswordDialog(box, self.passwords.status, reason, self.window)
        dialog.accepted.connect(
            lambda: self.set_password(mailbox_id, dialog.password.text(),
                                      dialog.remember.isChecked())
        )  # fmt: skip
        dialog.finished.connect(lambda _r: self._asked.discard(mailbox_id))
        dialog.open()
        return dialog

    def set_password(self, mailbox_id: str, password: str, remember: bool) -> None:
        """Use a password from now on (keyring in a worker: it may be slow)."""

        def store_it() -> str | None:
            return self.passwords.set(mailbox_id, password, remember=remember)

        def stored(note: str | None) -> None:
            if note:
                self.window.statusBar().showMessage(note, 15000)
            watcher = self.watchers.get(mailbox_id)
            if watcher is not None:
                watcher.fetch_now()
            self.send_now()

        self.run(store_it, stored)

    # -- the status bar ------------------------------------------------------------------

    def update_status(self) -> None:
        """Say what mail is doing: fetching, up to date, offline, waiting to send."""
        if self._closed:
            return
        with self.store.read() as session:
            counts = sender.outbox_counts(session)
            boxes = {b.id: b for b in list_mailboxes(session)}
        parts: list[str] = []
        details: list[str] = []
        progress: tuple[int, int] | None = None
        needs_password = False
        for mailbox_id, box in boxes.items():
            state = self.states.get(mailbox_id)
            if not box.enabled:
                continue
            if state is None or state.kind == "connecting":
                words = _t("connecting")
            elif state.kind == "progress":
                words = _t("fetching {0} of {1}").format(state.done, state.total)
                if state.first_fetch or state.total > 50:
                    progress = (state.done, state.total)
            elif state.kind == "needs_password":
                words = _t("password needed")
                needs_password = True
            elif state.kind == "needs_sign_in":
                words = _t("Sign in again (Tools → Mailboxes)")
            elif state.kind == "error":
                words = first_sentence(state.message)
                needs_password |= "password" in state.message
            elif state.kind == "paused":
                words = _t("fetching paused (Fetch mail now resumes)")
            else:
                words = _t("up to date")
            details.append(f"{box.name} ({box.address}): {state.message if state else words}")
            parts.append(f"{box.name}: {words}" if len(boxes) > 1 else words)
        waiting = counts.get("queued", 0) + counts.get("sending", 0)
        if waiting:
            parts.append(_t("{0} waiting to send").format(waiting))
        if counts.get("failed"):
            parts.append(_t("{0} not sent").format(counts["failed"]))
        self.status.setText(_t("Mail: {0}").format(" · ".join(parts)) if parts else "")
        self.status.setToolTip(literal("\n".join(details)))
        self.status.setVisible(bool(parts))
        self.progress.setVisible(progress is not None)
        self.stop_button.setVisible(progress is not None)
        if progress is not None:
            self.progress.setRange(0, max(1, progress[1]))
            self.progress.setValue(progress[0])
        self.password_button.setVisible(needs_password)
        if self.outbox_dialog is not None and self.outbox_dialog.isVisible():
            self.refresh_outbox()

    def _on_changes(self, changes: ChangeSet) -> None:
        if "mail_outgoing" in changes.ids:
            self.update_status()
            self.window.pane.render_timeline()  # send states shown under written mail

    # -- the timeline --------------------------------------------------------------------

    def views(self, detail: ConversationDetail) -> dict[str, MailView]:
        """The mail of a conversation as the timeline shows it."""
        ids = [e.id for e in detail.entries if e.kind.startswith("email")]
        with self.store.read() as session:
            return mail_views(session, self.store.blobs, ids)

    def extras(self, detail: ConversationDetail) -> dict[str, EntryExtra]:
        """Safe HTML for every mail of a conversation (the pane calls this)."""
        views = self.views(detail)
        for v in views.values():
            for url in v.remote_images:
                if url not in self.images:
                    self._request_image(url)
        return mail_view.extras_for(detail, views, self.text_mode, self.window.dark)

    def load_resource(self, kind: int, url: QUrl) -> object | None:
        """Images the timeline may show: inline ones from the blob store, allowed remote ones."""
        if kind != int(QTextDocument.ResourceType.ImageResource.value):
            return None
        if url.isLocalFile():
            path = Path(url.toLocalFile()).resolve()
            root = self.store.blobs.root.resolve()
            if root not in path.parents or not path.is_file():
                return None
            image = QImage.fromData(path.read_bytes())
            return self._fit(image) if not image.isNull() else None
        if url.scheme() in ("http", "https"):
            return self.images.get(url.toString())
        return None

    @staticmethod
    def _fit(image: QImage) -> QImage:
        if image.width() > MAX_IMAGE_WIDTH:
            return image.scaledToWidth(
                MAX_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation
            )
        return image

    def _request_image(self, url: str) -> None:
        if url in self._image_requests or len(self._image_requests) > 500:
            return
        self._image_requests.add(url)

        def fetch() -> None:
            data: bytes | None = None
            try:
                with requests.get(url, timeout=10, stream=True, allow_redirects=True) as reply:
                    kind = reply.headers.get("Content-Type", "")
                    if reply.ok and kind.startswith("image/"):
                        chunks = []
                        size = 0
                        for chunk in reply.iter_content(64 * 1024):
                            size += len(chunk)
                            if size > MAX_IMAGE_BYTES:
                                break
                            chunks.append(chunk)
                        else:
                            data = b"".join(chunks)
            except (requests.RequestException, OSError) as exc:
                log.info("remote image not loaded: %s", type(exc).__name__)
            if not self._closed:
                self._image.emit(url, data)

        self.run(fetch)

    def _on_image(self, url: str, data: object) -> None:
        if not isinstance(data, bytes):
            return
        image = QImage.fromData(data)
        if image.isNull():
            return
        self.images[url] = self._fit(image)
        self.window.pane.render_timeline()

    def on_anchor(self, url: QUrl) -> None:
        """A link in the timeline was clicked."""
        parsed = mail_view.parse_link(url)
        if parsed is None:
            if url.scheme() in ("http", "https", "mailto"):
                QDesktopServices.openUrl(url)
            return
        action, params = parsed
        row_id, item = params.get("m", ""), params.get("a", "")
        if action in ("reply", "reply_all", "forward"):
            self.compose(action, original_row_id=row_id)  # type: ignore[arg-type]
        elif action == "split":
            self.split(row_id)
        elif action == "move":
            self.move(row_id)
        elif action in ("text", "html"):
            (self.text_mode.add if action == "text" else self.text_mode.discard)(row_id)
            self.window.pane.render_timeline()
        elif action in ("images", "block"):
            self.allow_images(params.get("s", ""), action == "images")
        elif action == "open":
            self.open_attachment(item)
        elif action == "save":
            self.save_attachment(item)
        elif action == "original":
            self.save_original(row_id)
        elif action == "retry":
            self.retry(params.get("o", ""))

    def allow_images(self, address: str, allow: bool = True) -> None:
        """Show (or block again) remote images in mail from this sender."""
        self.write(
            lambda uow: allow_remote_images(uow, address, allow),
            lambda _r: self.window.pane.render_timeline(),
        )

    # -- attachments ---------------------------------------------------------------------

    # -- writing -------------------------------------------------------------------------

    def compose(
        self, mode: Mode, *, original_row_id: str | None = None
    ) -> ComposerDialog | None:
        """Open the composer (non-blocking); returns it."""
        conversation_id = self.window.current_id
        if mode != "new" and not original_row_id and conversation_id is None:
            self.window.statusBar().showMessage(_t("Select a conversation first."), 4000)
            return None
        with self.store.read() as session:
            boxes = list_mailboxes(session)
            if not boxes:
                self.window.statusBar().showMessage(
                    _t("Add a support mailbox first (Tools → Mailboxes…)."), 8000
                )
                self.open_settings()
                return None
            try:
                draft = draft_for(
                    session, self.store.blobs, mode,
                    conversation_id=conversation_id, original_row_id=original_row_id,
                    author_name=self.window._my_name(),
                )  # fmt: skip
            except ActionError as exc:
                self.window.statusBar().showMessage(str(exc), 8000)
                return None
        dialog = ComposerDialog(draft, boxes, self.window)
        drafts.attach_composer(self.window, dialog)  # what is typed is kept (issue 12)
        workflow = controller_of(self.window)
        if workflow is not None and draft.conversation_id:
            # Canned answers, the cover warning, and the check before sending.
            workflow.attach_composer(dialog, draft.conversation_id)
        dialog.send_requested.connect(lambda d: self.queue(dialog, d))
        dialog.open()
        return dialog

    def queue(self, dialog: ComposerDialog, draft: Draft) -> None:
        """Store the mail in its conversation and queue it; then try to send."""
        blobs = self.store.blobs
        undo = undo_send_of(self.window)
        delay = undo.delay() if undo is not None else 0

        def store_it(uow: UnitOfWork) -> QueuedMail:
            queued = queue_draft(uow, blobs, draft)
            if delay:  # it waits out the undo send delay before it may leave
                hold(uow, queued.outgoing_id, delay)
            return queued

        def stored(queued: Any) -> None:
            dialog.done_sending()
            self.window.statusBar().showMessage(
                _t("Saved in the conversation; it goes out as soon as the server can be "
                   "reached."), 6000,
            )  # fmt: skip
            self.window.open_conversation(queued.conversation_id)
            self.update_status()
            if undo is not None and delay:
                undo.hold_started(queued, draft, delay)
            else:
                self.send_now()

        self.write(
            store_it,
            stored,
            lambda error: dialog.show_error(str(error)),
        )

    def retry(self, outgoing_id: str) -> None:
        """Send a waiting or failed mail again now."""
        self.write(lambda uow: sender.retry_now(uow, outgoing_id), lambda _r: self.send_now())

    # -- split and move -----------------------------------------------------------------

    def split(self, row_id: str, *, confirm: bool = True) -> None:
        """Put this message in a conversation of its own."""
        if confirm:
            answer = QMessageBox.question(
                self.window, _t("Split the message"),
                _t("Start a new conversation with this message? Later replies to it "
                   "will go there too."),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.write(lambda uow: manage.split_message(uow, row_id), self._opened)

    def move(self, row_id: str) -> MoveDialog | None:
        """Choose another conversation for this message (non-blocking); returns the dialog."""
        with self.store.read() as session:
            detail = inbox.conversation(session, self.window.current_id or "")
            candidates = []
            if detail is not None and detail.customer is not None:
                candidates = [r for r in detail.customer.history if r.id != detail.row.id]

        def find(text: str) -> list[inbox.InboxRow]:
            with self.store.read() as session:
                hits = [h.conversation_id for h in search(session, text)][:50]
                rows = inbox.rows_by_id(session, hits)
            return [rows[h] for h in hits if h in rows]

        dialog = MoveDialog(candidates, find, self.window)

        def chosen() -> None:
            target = dialog.chosen
            if target:
                self.write(
                    lambda uow: manage.move_message(uow, row_id, target),
                    lambda _r: self._opened(target),
                )

        dialog.accepted.connect(chosen)
        dialog.open()
        return dialog

    def _opened(self, conversation_id: str) -> None:
        self.window._flush_changes()
        self.window.open_conversation(conversation_id)

    # -- settings and outbox ------------------------------------------------------------

    def _servers_of(self, mailbox_id: str) -> str | None:
        with self.store.read() as session:
            box = get_mailbox(session, mailbox_id)
        return endpoint(box) if box is not None else None

    def may_change_servers(self) -> bool:
        """Whether the signed-in agent may change where a mailbox connects (owners only)."""
        with self.store.read() as session:
            return may_change_servers(session, self.store.agent_id)

    def open_settings(self) -> MailboxSettingsDialog:
        """The mailbox settings (non-blocking); returns the dialog."""
        dialog = open_mailbox_settings(self)
        self.settings_dialog = dialog
        return dialog

    def open_outbox(self) -> OutboxDialog:
        """The outbox (non-blocking); returns the dialog."""
        if self.outbox_dialog is None:
            dialog = OutboxDialog(self.window)
            dialog.retry_requested.connect(self.retry)
            dialog.discard_requested.connect(
                lambda oid: self.write(lambda uow: sender.discard(uow, oid))
            )
            dialog.open_requested.connect(self.window.open_conversation)
            self.outbox_dialog = dialog
        self.refresh_outbox()
        self.outbox_dialog.show()
        if QGuiApplication.platformName() != "offscreen":
            self.outbox_dialog.raise_()
        return self.outbox_dialog

    def refresh_outbox(self) -> None:
        """Reload the outbox list."""
        if self.outbox_dialog is None:
            return
        with self.store.read() as session:
            items = sender.outbox(session)
        self.outbox_dialog.set_items(items)

    # -- import -------------------------------------------------------------------------

    def import_files(self, path: Path | None = None) -> None:
        """Import mail files, a folder of them or an mbox file, in a worker."""
        import_mail_files(self, path)
