"""The always-on watcher: fetch by IDLE, run the rules, track SLAs, sync, page.

``Watcher.run`` blocks until stopped. Mailboxes are watched by
``MailboxWatcher`` threads (the app's own IDLE loop; ingest runs the rules in
its unit of work). Every tick the watcher syncs, brings the SLA tracking of
what changed up to date, runs the scheduled rules now and then, opens and
sends pages, and writes a status file that ``supportdesk watch --status``
reads. Logs are one JSON object per line and never carry a password, a token
or a message's text.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from supportdesk.models import Mailbox, utcnow
from supportdesk.models.rules import Page
from supportdesk.services.mail.sender import PasswordLookup
from supportdesk.services.mail.watch import MailboxWatcher, WatchEvent
from supportdesk.services.paging.pager import (
    Claim,
    PageTransport,
    PagingSettings,
    page_step,
)
from supportdesk.services.rules.run import run_scheduled
from supportdesk.services.workflow import tracking
from supportdesk.store import ChangeSet, Store
from supportdesk.sync.client import SyncClient, SyncError

log = logging.getLogger("supportdesk.watch")

STATUS_FILE = "watch-status.json"
SCHEDULE_EVERY = timedelta(minutes=5)


class JsonLogFormatter(logging.Formatter):
    """One JSON object per line: time, level, event, and the record's extra fields."""

    SKIP = frozenset(vars(logging.makeLogRecord({})).keys()) | {"message", "asctime"}

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(), "event": record.getMessage(),
        }  # fmt: skip
        for key, value in vars(record).items():
            if key not in self.SKIP and not key.startswith("_"):
                out[key] = value if isinstance(value, int | float | bool | None) else str(value)
        if record.exc_info and record.exc_info[1] is not None:
            out["error"] = type(record.exc_info[1]).__name__
        return json.dumps(out, ensure_ascii=False)


def status_path(profile: Path) -> Path:
    """Where the watcher of a profile writes its status."""
    return profile / STATUS_FILE


def read_status(profile: Path) -> dict[str, Any] | None:
    """The last status a watcher wrote, with ``running`` (its process is alive)."""
    try:
        data = json.loads(status_path(profile).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    pid = data.get("pid")
    alive = False
    if isinstance(pid, int) and pid > 0:
        try:
            os.kill(pid, 0)
            alive = not data.get("stopped")
        except ProcessLookupError:
            alive = False
        except PermissionError:
            alive = True
    data["running"] = alive
    return data


@dataclass
class WatchStatus:
    """What the status file says."""

    pid: int
    started_at: str
    last_tick: str = ""
    clock: str = ""
    mailboxes: dict[str, str] = field(default_factory=dict)
    last_sync: str = ""
    sync_error: str = ""
    pages_sent: int = 0
    open_pages: int = 0
    ticks: int = 0
    stopped: bool = False


class Watcher:
    """Keeps one profile watched, synced and paging."""

    def __init__(
        self,
        store: Store,
        profile: Path,
        *,
        passwords: PasswordLookup,
        transport: PageTransport,
        claim: Claim,
        client: SyncClient | None = None,
        settings: PagingSettings | None = None,
        clock: Callable[[], datetime] = utcnow,
        tick_seconds: float = 5.0,
        idle_timeout: float = 25 * 60.0,
    ) -> None:
        self.store = store
        self.profile = profile
        self.passwords = passwords
        self.transport = transport
        self.claim = claim
        self.client = client
        self.settings = settings or PagingSettings()
        self.clock = clock
        self.tick_seconds = tick_seconds
        self.idle_timeout = idle_timeout
        self.stop_event = threading.Event()
        self.wake = threading.Event()
        self.status = WatchStatus(pid=os.getpid(), started_at=utcnow().isoformat())
        self._changed: set[str] = set()
        self._changed_lock = threading.Lock()
        self._mailboxes: list[MailboxWatcher] = []
        self._threads: list[threading.Thread] = []
        self._last_schedule: datetime | None = None

    # -- events ------------------------------------------------------------------------

    def _on_change(self, changes: ChangeSet) -> None:
        ids = changes.ids.get("conversations") or set()
        if ids:
            with self._changed_lock:
                self._changed |= ids
            self.wake.set()

    def _on_mail_event(self, address: str) -> Callable[[WatchEvent], None]:
        def handle(event: WatchEvent) -> None:
            self.status.mailboxes[address] = event.kind
            if event.kind in ("fetched", "error", "needs_password"):
                log.info("mail.%s", event.kind, extra={"mailbox": address, "added": event.added,
                                                       "detail": event.message[:200]})
            if event.kind == "fetched" and event.added:
                self.wake.set()

        return handle

    # -- loop ----------------------------------------------------------------------------

    def start_mailboxes(self) -> None:
        """One IDLE watcher thread per mailbox of the profile."""
        with self.store.read() as session:
            boxes = list(session.execute(select(Mailbox.id, Mailbox.address)).tuples())
        for mailbox_id, address in boxes:
            w = MailboxWatcher(self.store, mailbox_id, self.passwords,
                               self._on_mail_event(address), idle_timeout=self.idle_timeout,
                               first_retry=2.0, max_retry=60.0)  # fmt: skip
            thread = threading.Thread(target=w.run, name=f"watch-{address}", daemon=True)
            self._mailboxes.append(w)
            self._threads.append(thread)
            self.status.mailboxes[address] = "starting"
            thread.start()
            log.info("mail.watching", extra={"mailbox": address})

    def tick(self) -> None:
        """One round: sync, SLA, scheduled rules, pages, sync what they wrote, status."""
        now = self.clock()
        self.status.clock = now.isoformat()
        self._sync()
        with self._changed_lock:
            changed, self._changed = sorted(self._changed), set()
        if changed:
            self.store.write(lambda uow: tracking.refresh_many(uow, changed, now))
        self.store.write(lambda uow: tracking.check_breaches(uow, now))
        if self._last_schedule is None or now - self._last_schedule >= SCHEDULE_EVERY:
            fired = self.store.write(lambda uow: run_scheduled(uow, now))
            self._last_schedule = now
            if fired:
                log.info("rules.scheduled", extra={"fired": fired})
        sent = page_step(self.store, now, self.claim, self.transport, self.settings)
        for page in sent:
            log.info("page.sent", extra={"page": page.page_id, "step": page.level,
                                         "agent": page.agent_id, "mail": page.by_mail,
                                         "push": page.by_push})  # fmt: skip
        self.status.pages_sent += len(sent)
        if sent:
            self._sync()
        with self.store.read() as session:
            self.status.open_pages = len(session.scalars(
                select(Page.id).where(Page.state == "open")).all())  # fmt: skip
        self.status.ticks += 1
        self.status.last_tick = utcnow().isoformat()
        self.write_status()

    def _sync(self) -> None:
        if self.client is None:
            return
        try:
            result = self.client.sync()
        except SyncError as exc:
            self.status.sync_error = str(exc)[:300]
            log.warning("sync.failed", extra={"detail": str(exc)[:200]})
            return
        self.status.sync_error = ""
        self.status.last_sync = utcnow().isoformat()
        if result.pulled or result.pushed:
            log.info("sync.done", extra={"pulled": result.pulled, "pushed": result.pushed})

    def write_status(self) -> None:
        """Write the status file atomically."""
        path = status_path(self.profile)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(vars(self.status)), encoding="utf-8")
        tmp.replace(path)

    def run(self) -> None:
        """Watch until ``stop`` is called."""
        remove = self.store.on_change(self._on_change)
        log.info("watch.started", extra={"pid": os.getpid(), "profile": str(self.profile)})
        try:
            self.start_mailboxes()
            while not self.stop_event.is_set():
                started = time.monotonic()
                try:
                    self.tick()
                except Exception:
                    log.exception("watch.tick_failed")
                self.wake.clear()
                left = self.tick_seconds - (time.monotonic() - started)
                if left > 0:
                    self.wake.wait(left)
        finally:
            remove()
            for w in self._mailboxes:
                w.stop()
            for thread in self._threads:
                thread.join(timeout=5)
            self.status.stopped = True
            self.write_status()
            log.info("watch.stopped")

    def stop(self) -> None:
        """Stop soon (from a signal handler or another thread)."""
        self.stop_event.set()
        self.wake.set()
