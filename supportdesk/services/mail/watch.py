"""Keep one mailbox fetched: the first window, then IDLE (or polling), reconnecting calmly.

``MailboxWatcher.run`` blocks; the app runs it on a worker thread and gets
``WatchEvent``s through a callback (called on that worker thread: the UI
must hop to its own thread before touching widgets).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from supportdesk.channels.email.connection import MailError
from supportdesk.channels.email.imap import ImapSession
from supportdesk.channels.email.oauth import OAuthError
from supportdesk.services.actions import ActionError
from supportdesk.services.mail.fetch import INBOX, FetchReport, fetch_mailbox, folder_state
from supportdesk.services.mail.mailboxes import get_mailbox
from supportdesk.services.mail.sender import PasswordLookup, renew_refused
from supportdesk.services.mail.signatures import get_prefs, mailbox_owner
from supportdesk.store import Store

log = logging.getLogger(__name__)

EventKind = Literal[
    "connecting", "progress", "fetched", "idle", "polling", "error", "needs_password",
    "needs_sign_in", "paused", "stopped",
]  # fmt: skip


@dataclass(frozen=True)
class WatchEvent:
    """Something the status bar or a progress dialog may show."""

    mailbox_id: str
    kind: EventKind
    done: int = 0
    total: int = 0
    added: int = 0
    first_fetch: bool = False
    message: str = ""
    retryable: bool = True


class MailboxWatcher:
    """Fetches one mailbox's INBOX now and whenever the server says new mail arrived."""

    def __init__(
        self,
        store: Store,
        mailbox_id: str,
        passwords: PasswordLookup,
        on_event: Callable[[WatchEvent], None],
        *,
        poll_interval: float = 120.0,
        idle_timeout: float = 25 * 60.0,
        first_retry: float = 5.0,
        max_retry: float = 300.0,
    ) -> None:
        self.store = store
        self.mailbox_id = mailbox_id
        self.passwords = passwords
        self.on_event = on_event
        self.poll_interval = poll_interval
        self.idle_timeout = idle_timeout
        self.first_retry = first_retry
        self.max_retry = max_retry
        self._stop = threading.Event()
        self._wake = threading.Event()  # interrupts IDLE and waits: fetch now
        self._cancel_fetch = threading.Event()
        self.paused = False

    # -- control (any thread) ------------------------------------------------------------

    def stop(self) -> None:
        """Stop soon (IDLE is left within a second)."""
        self._stop.set()
        self._cancel_fetch.set()
        self._wake.set()

    def fetch_now(self) -> None:
        """Fetch at once (also resumes after a cancel or a refused sign-in)."""
        self.paused = False
        self._cancel_fetch.clear()
        self._wake.set()

    def cancel_fetch(self) -> None:
        """Stop the running fetch after the current batch and pause until ``fetch_now``."""
        self.paused = True
        self._cancel_fetch.set()
        self._wake.set()

    @property
    def stopped(self) -> bool:
        """True once ``stop`` was called."""
        return self._stop.is_set()

    # -- the loop (a worker thread) ------------------------------------------------------

    def _emit(self, kind: EventKind, **values: object) -> None:
        try:
            self.on_event(WatchEvent(self.mailbox_id, kind, **values))  # type: ignore[arg-type]
        except Exception:
            log.exception("mail watch listener failed")

    def _wait(self, seconds: float | None) -> None:
        """Sleep until woken, stopped, or ``seconds`` pass (None: until woken)."""
        self._wake.wait(seconds)
        self._wake.clear()

    def run(self) -> None:
        """Watch until ``stop``; never raises."""
        delay = self.first_retry
        renewed = False
        while not self._stop.is_set():
            if self.paused:
                self._emit("paused", message="Fetching is paused.")
                self._wait(None)
                continue
            try:
                password = self.passwords(self.mailbox_id)
            except OAuthError as exc:  # the sign-in server is down: try again later
                self._emit("error", message=exc.user_message, retryable=True)
                self._wait(delay)
                delay = min(self.max_retry, delay * 2)
                continue
            if password is None:
                problem = getattr(self.passwords, "sign_in_problem", None)
                text = problem(self.mailbox_id) if callable(problem) else None
                if text:
                    self._emit("needs_sign_in", message=text, retryable=False)
                else:
                    self._emit("needs_password", retryable=False)
                self._wait(None)
                continue
            with self.store.read() as session:
                box = get_mailbox(session, self.mailbox_id)
            if box is None or not box.enabled:
                break
            try:
                self._emit("connecting")
                with ImapSession(box.config(), password) as imap:
                    delay, renewed = self.first_retry, False
                    self._session_loop(imap, password)
            except MailError as exc:
                if exc.stage == "login" and not renewed:
                    # An OAuth2 token was refused: renew it and try once more.
                    renewed = renew_refused(self.passwords, self.mailbox_id)
                    if renewed:
                        continue
                self._emit("error", message=exc.user_message, retryable=exc.retryable)
                if not exc.retryable:
                    self._wait(None)  # wait for new settings or a password, then fetch_now
                else:
                    self._wait(delay)
                    delay = min(self.max_retry, delay * 2)
            except ActionError as exc:
                self._emit("error", message=str(exc), retryable=False)
                break
            except Exception as exc:  # keep the app alive; say what happened
                log.exception("mail watcher for %s failed", self.mailbox_id)
                self._emit("error", message=f"Fetching stopped: {type(exc).__name__}: {exc}")
                self._wait(delay)
                delay = min(self.max_retry, delay * 2)
        self._emit("stopped")

    def _session_loop(self, imap: ImapSession, password: str) -> None:
        idle = imap.has_capability("IDLE")
        while not self._stop.is_set() and not self.paused:
            self._wake.clear()
            report = self._fetch_once(imap, password)
            if report.cancelled or self.paused:
                self.paused = True
                return
            if idle:
                self._emit("idle")
                with self.store.read() as session:
                    state = folder_state(session, self.mailbox_id, INBOX)
                imap.idle_wait(INBOX, self.idle_timeout, cancel=self._wake, state=state)
            else:
                self._emit("polling")
                self._wait(self.poll_interval)

    def _fetch_once(self, imap: ImapSession, password: str) -> FetchReport:
        first = [False]

        def progress(done: int, total: int) -> None:
            self._emit("progress", done=done, total=total, first_fetch=first[0])

        with self.store.read() as session:
            first[0] = folder_state(session, self.mailbox_id, INBOX) is None
        report = fetch_mailbox(
            self.store, self.mailbox_id, password, imap=imap, cancel=self._cancel_fetch,
            progress=progress,
        )  # fmt: skip
        with self.store.read() as session:
            folders = get_prefs(session, mailbox_owner(self.mailbox_id)).folders
        for folder in folders:  # the chosen folders besides INBOX, without IDLE
            if report.cancelled or self._stop.is_set():
                break
            try:
                more = fetch_mailbox(self.store, self.mailbox_id, password, imap=imap,
                                     folder=folder, cancel=self._cancel_fetch)  # fmt: skip
            except MailError as exc:
                if exc.stage != "command":
                    raise
                self._emit("error", message=f"Folder {folder}: {exc.user_message}")
                continue
            report.added += more.added
            report.total += more.total
        self._emit(
            "fetched", added=report.added, total=report.total, first_fetch=report.first_fetch,
            message="cancelled" if report.cancelled else "",
        )  # fmt: skip
        return report
