"""Fetch a mailbox's new mail into the store, incrementally by UID.

Blocking (IMAPClient): run it in a worker thread. The first fetch of a
folder reads the mailbox's date window (e.g. the last 90 days); later ones
read only UIDs above the last one seen, under the same UIDVALIDITY (with
CONDSTORE a no-change check sends no SEARCH or FETCH). When the server
renumbers the folder the window is read again; deterministic ids make the
mail already stored come out as duplicates, never as copies.

The folder state is saved after each stored batch and at the end, also
after a cancel or an error, and only ever covers mail already stored.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from supportdesk.channels.email.imap import FetchRun, FolderState, ImapSession, Progress
from supportdesk.models import MailFolderState, utcnow
from supportdesk.services.actions import ActionError
from supportdesk.services.mail.changes import (
    forget_folder,
    known_uids,
    record_uids,
    reflect_changes,
)
from supportdesk.services.mail.ingest import DEFAULT_BATCH, Ingestor, IngestOutcome, mailbox_key_for
from supportdesk.services.mail.mailboxes import MailboxInfo, get_mailbox
from supportdesk.store import Store, UnitOfWork

INBOX = "INBOX"


@dataclass
class FetchReport:
    """What one fetch did."""

    mailbox_id: str
    added: int = 0
    duplicates: int = 0
    total: int = 0
    uidvalidity_changed: bool = False
    cancelled: bool = False
    nothing_changed: bool = False
    first_fetch: bool = False
    conversations: set[str] | None = None
    #: messages whose flags another client changed, and that it expunged
    flags_changed: int = 0
    deleted_elsewhere: int = 0

    def count(self, outcomes: list[IngestOutcome]) -> None:
        """Add a stored batch's outcomes."""
        for outcome in outcomes:
            if outcome.status == "added":
                self.added += 1
                if self.conversations is None:
                    self.conversations = set()
                self.conversations.add(outcome.conversation_id)
            else:
                self.duplicates += 1


def folder_state(session: Session, mailbox_id: str, folder: str = INBOX) -> FolderState | None:
    """Where the last fetch of this folder stopped, or None before the first one."""
    row = session.get(MailFolderState, (mailbox_id, folder))
    if row is None:
        return None
    return FolderState(row.uidvalidity, row.last_uid, row.highestmodseq)


def save_folder_state(
    store: Store, mailbox_id: str, folder: str, state: FolderState | None, error: str | None
) -> None:
    """Remember how far a folder was fetched (None: start over with the window)."""

    def run(uow: UnitOfWork) -> None:
        session = uow.session
        row = session.get(MailFolderState, (mailbox_id, folder))
        if state is None:
            if row is not None:
                session.delete(row)
            return
        if row is None:
            row = MailFolderState(mailbox_id=mailbox_id, folder=folder, uidvalidity=0, last_uid=0)
            session.add(row)
        row.uidvalidity = state.uidvalidity
        row.last_uid = state.last_uid
        row.highestmodseq = state.highestmodseq
        row.last_fetch_at = utcnow()
        row.last_error = error
        uow.changes.add("mail_folder_state", mailbox_id)

    store.write(run)


def fetch_mailbox(
    store: Store,
    mailbox_id: str,
    password: str,
    *,
    imap: ImapSession | None = None,
    folder: str = INBOX,
    cancel: threading.Event | None = None,
    progress: Progress | None = None,
    batch_size: int = DEFAULT_BATCH,
    today: date | None = None,
    on_batch: Callable[[FetchReport], None] | None = None,
) -> FetchReport:
    """Fetch what is new in one folder of a mailbox and store it.

    Args:
        imap: an open session to reuse (the watcher keeps one for IDLE);
            without it a session is opened and closed here.
        cancel: set it to stop between batches; what was stored stays.
        progress: ``(done, total)`` messages of this run, in this thread.
        on_batch: called with the running report after each stored batch.

    Raises:
        MailError: the connection or the server failed (state saved first).
        ActionError: the mailbox was removed.
    """
    with store.read() as session:
        box = get_mailbox(session, mailbox_id)
        state = folder_state(session, mailbox_id, folder)
    if box is None:
        raise ActionError("That mailbox was removed.")
    if imap is None:
        with ImapSession(box.config(), password) as own:
            return _fetch(store, box, own, folder, state, cancel, progress, batch_size, today,
                          on_batch)  # fmt: skip
    return _fetch(store, box, imap, folder, state, cancel, progress, batch_size, today, on_batch)


def _fetch(
    store: Store,
    box: MailboxInfo,
    imap: ImapSession,
    folder: str,
    state: FolderState | None,
    cancel: threading.Event | None,
    progress: Progress | None,
    batch_size: int,
    today: date | None,
    on_batch: Callable[[FetchReport], None] | None,
) -> FetchReport:
    report = FetchReport(box.id, first_fetch=state is None)
    if state is not None:
        # Flags and expunges from other clients first: fetching moves the state on.
        with store.read() as session:
            known = known_uids(session, box.id, folder)
        changes = imap.changes_since(folder, state, known) if known else None
        if known and changes is None:  # renumbered: its UIDs mean other messages now
            forget_folder(store, box.id, folder)
        if changes is not None:
            found = reflect_changes(store, box.id, folder, changes)
            report.flags_changed, report.deleted_elsewhere = (
                found.flags_changed, found.deleted_elsewhere)  # fmt: skip
    since = box.window_start(today or datetime.now().date())
    ingestor = Ingestor(store, batch_size=batch_size)
    key = mailbox_key_for(box.address)
    run: FetchRun = imap.fetch_new(
        folder, state, since=since, batch=batch_size, cancel=cancel, progress=progress
    )
    error: str | None = None
    try:
        for mail in run:
            outcomes = ingestor.add(
                mail.raw, mailbox_key=key, fallback_date=mail.internaldate, source=f"uid {mail.uid}"
            )
            if outcomes:
                report.count(outcomes)
                record_uids(store, box.id, folder, outcomes)
                save_folder_state(store, box.id, folder, run.state, None)
                if on_batch is not None:
                    on_batch(report)
    except Exception as exc:
        error = getattr(exc, "user_message", None) or type(exc).__name__
        raise
    finally:
        rest = ingestor.flush()
        report.count(rest)
        record_uids(store, box.id, folder, rest)
        report.total = run.total
        report.cancelled = run.cancelled
        report.uidvalidity_changed = run.uidvalidity_changed
        report.nothing_changed = run.skipped_fetch
        if run.state is not None or run.uidvalidity_changed:
            save_folder_state(store, box.id, folder, run.state, error)
    return report
