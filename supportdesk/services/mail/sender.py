"""Take queued mail out: SMTP, a copy in the Sent folder, retries with backoff.

Blocking (smtplib, IMAPClient): run ``send_due`` in a worker thread. Each
state change is its own small write, so a crash leaves every mail in a
state that says what happened. Nothing is ever dropped:

- sent: marked ``sent``; a copy is filed in the mailbox's Sent folder (retried
  on later rounds until it works);
- a 4xx reply or network trouble: back to ``queued`` with a later
  ``next_attempt_at`` (30 s, 1, 2, 4 ... minutes, at most an hour) and the
  reason in plain words;
- a 5xx reply, a refused sign-in or a bad certificate: ``failed`` with the
  reason; the rep fixes the cause and chooses Retry.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from supportdesk.channels.email.connection import MailError
from supportdesk.channels.email.imap import ImapSession
from supportdesk.channels.email.oauth import OAuthError
from supportdesk.channels.email.smtp import PartialDeliveryError, send_mail
from supportdesk.models import MailOutgoing, OutgoingStatus, utcnow
from supportdesk.services.actions import ActionError
from supportdesk.services.mail.demo_mailbox import DEMO_NOT_SENT, is_demo_host
from supportdesk.services.mail.mailboxes import MailboxInfo, get_mailbox
from supportdesk.store import Store, UnitOfWork

log = logging.getLogger(__name__)

PasswordLookup = Callable[[str], str | None]
FIRST_RETRY_S = 30
MAX_RETRY_S = 3600
# Failures that would hit every other mail of the mailbox alike (out of reach,
# sign-in refused, certificate): stop for this round.
_STOP_ROUND = frozenset({"dns", "connect", "timeout", "login", "certificate", "tls", "starttls"})


def retry_delay(attempts: int) -> timedelta:
    """How long to wait before try number ``attempts + 1``."""
    return timedelta(seconds=min(MAX_RETRY_S, FIRST_RETRY_S * 2 ** max(0, attempts - 1)))


@dataclass
class SendReport:
    """What one round of sending did."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0
    copies_filed: int = 0
    needs_password: list[str] = field(default_factory=list)  # mailbox ids
    messages: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class OutboxItem:
    """One line of the outbox view."""

    id: str
    status: str
    subject: str
    recipients: tuple[str, ...]
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None
    mailbox_id: str
    conversation_id: str
    message_row_id: str
    sent_copy_pending: bool
    raw_sha256: str


def _item(row: MailOutgoing) -> OutboxItem:
    return OutboxItem(
        row.id, row.status, row.subject, tuple(str(r) for r in row.recipients or ()),
        row.attempts, row.next_attempt_at, row.last_error, row.created_at, row.sent_at,
        row.mailbox_id, row.conversation_id, row.message_row_id, row.sent_copy_pending,
        row.raw_sha256,
    )  # fmt: skip


def outbox(session: Session, *, sent_limit: int = 20) -> list[OutboxItem]:
    """Mail waiting or failed (oldest first), then the most recently sent."""
    open_rows = session.scalars(
        select(MailOutgoing)
        .where(MailOutgoing.status.not_in([OutgoingStatus.SENT, OutgoingStatus.CANCELLED]))
        .order_by(MailOutgoing.created_at)
    )
    sent = session.scalars(
        select(MailOutgoing)
        .where(MailOutgoing.status == OutgoingStatus.SENT)
        .order_by(MailOutgoing.sent_at.desc())
        .limit(sent_limit)
    )
    return [_item(r) for r in open_rows] + [_item(r) for r in sent]


def outbox_counts(session: Session) -> dict[str, int]:
    """How many outgoing mails are in each state."""
    rows = session.execute(
        select(MailOutgoing.status, func.count()).group_by(MailOutgoing.status)
    )
    return {status: int(n) for status, n in rows}


def outgoing_by_message(session: Session, row_ids: list[str]) -> dict[str, OutboxItem]:
    """The send state of these ``email_out`` messages (written on this device)."""
    if not row_ids:
        return {}
    rows = session.scalars(select(MailOutgoing).where(MailOutgoing.message_row_id.in_(row_ids)))
    return {r.message_row_id: _item(r) for r in rows}


def _row(uow: UnitOfWork, outgoing_id: str) -> MailOutgoing:
    row = uow.session.get(MailOutgoing, outgoing_id)
    if row is None:
        raise ActionError("That mail is no longer in the outbox.")
    uow.changes.add("mail_outgoing", outgoing_id)
    return row


def retry_now(uow: UnitOfWork, outgoing_id: str) -> None:
    """Put a failed or waiting mail back in line, to go out at the next round."""
    row = _row(uow, outgoing_id)
    if row.status == OutgoingStatus.SENT:
        raise ActionError("That mail was already sent.")
    if row.status == OutgoingStatus.SENDING:
        raise ActionError("That mail is being sent right now.")
    row.status = OutgoingStatus.QUEUED
    row.next_attempt_at = utcnow()


def discard(uow: UnitOfWork, outgoing_id: str) -> None:
    """Take a mail that was not sent out of the outbox.

    Its copy stays in the conversation, marked as never sent.
    """
    row = _row(uow, outgoing_id)
    if row.status in (OutgoingStatus.SENT, OutgoingStatus.SENDING):
        raise ActionError("That mail was already handed to the server.")
    row.status = OutgoingStatus.CANCELLED
    row.last_error = "Deleted from the outbox; it was not sent."


def recover_interrupted(store: Store) -> int:
    """After a crash: mail left 'sending' may or may not have gone out; let the rep decide."""

    def run(uow: UnitOfWork) -> int:
        rows = list(
            uow.session.scalars(
                select(MailOutgoing).where(MailOutgoing.status == OutgoingStatus.SENDING)
            )
        )
        for row in rows:
            row.status = OutgoingStatus.FAILED
            row.last_error = (
                "SupportDesk stopped while this mail was being sent, so it may or may not "
                "have gone out. Check the Sent folder, then choose Retry if it is not there."
            )
            uow.changes.add("mail_outgoing", row.id)
        return len(rows)

    return store.write(run)


def _set(store: Store, outgoing_id: str, **values: object) -> None:
    def run(uow: UnitOfWork) -> None:
        row = uow.session.get(MailOutgoing, outgoing_id)
        if row is None:
            return
        for name, value in values.items():
            setattr(row, name, value)
        uow.changes.add("mail_outgoing", outgoing_id)

    store.write(run)


def _claim(store: Store, outgoing_id: str, now: datetime) -> bool:
    """Mark a mail ``sending`` if it is still queued and due (an undo may have come first)."""

    def run(uow: UnitOfWork) -> bool:
        row = uow.session.get(MailOutgoing, outgoing_id)
        if row is None or row.status != OutgoingStatus.QUEUED or row.next_attempt_at > now:
            return False
        row.status = OutgoingStatus.SENDING
        uow.changes.add("mail_outgoing", outgoing_id)
        return True

    return store.write(run)


def _due(store: Store, now: datetime, limit: int) -> list[OutboxItem]:
    with store.read() as session:
        rows = session.scalars(
            select(MailOutgoing)
            .where(
                MailOutgoing.status == OutgoingStatus.QUEUED,
                MailOutgoing.next_attempt_at <= now,
            )
            .order_by(MailOutgoing.created_at)
            .limit(limit)
        )
        return [_item(r) for r in rows]


def _send_one(
    store: Store, box: MailboxInfo, password: str, item: OutboxItem, now: datetime,
    report: SendReport, timeout: float,
) -> MailError | None:  # fmt: skip
    """Send one mail and record the result; returns the error when it did not go."""
    if not _claim(store, item.id, now):
        return None  # undone (or taken) since it was read
    try:
        raw = _raw(store, item)
        send_mail(box.config(), password, raw, box.address, list(item.recipients), timeout)
    except PartialDeliveryError as exc:
        _set(store, item.id, status=OutgoingStatus.SENT, sent_at=utcnow(), last_error=(
            exc.user_message), attempts=item.attempts + 1, sent_copy_pending=True)  # fmt: skip
        report.sent += 1
        report.messages.append(exc.user_message)
        return None
    except MailError as exc:
        attempts = item.attempts + 1
        if exc.stage == "login" and box.auth == "oauth2":
            # The token is renewed and the mail tried again; it never fails for that.
            _set(store, item.id, status=OutgoingStatus.QUEUED, attempts=attempts,
                 next_attempt_at=now, last_error=exc.user_message)  # fmt: skip
            report.retrying += 1
        elif exc.retryable:
            later = now + retry_delay(attempts)
            _set(store, item.id, status=OutgoingStatus.QUEUED, attempts=attempts,
                 next_attempt_at=later, last_error=exc.user_message)  # fmt: skip
            report.retrying += 1
        else:
            _set(store, item.id, status=OutgoingStatus.FAILED, attempts=attempts,
                 last_error=exc.user_message)  # fmt: skip
            report.failed += 1
        report.messages.append(exc.user_message)
        return exc
    _set(store, item.id, status=OutgoingStatus.SENT, sent_at=utcnow(), last_error=None,
         attempts=item.attempts + 1, sent_copy_pending=True)  # fmt: skip
    report.sent += 1
    return None


def _raw(store: Store, item: OutboxItem) -> bytes:
    try:
        return store.blobs.get(item.raw_sha256)
    except (FileNotFoundError, ValueError) as exc:
        raise MailError(
            "command",
            "The text of this mail is missing from this computer, so it cannot be sent. "
            "Write it again.",
        ) from exc


def _secret(passwords: PasswordLookup, mailbox_id: str, report: SendReport) -> str | None:
    """The mailbox's password or access token; None (noted in `report`) when there is none."""
    try:
        secret = passwords(mailbox_id)
    except OAuthError as exc:  # the sign-in server is unreachable: the mail waits
        report.messages.append(exc.user_message)
        return None
    if secret is None:
        report.needs_password.append(mailbox_id)
    return secret


def renew_refused(passwords: PasswordLookup, mailbox_id: str) -> bool:
    """Ask an OAuth2-aware lookup to renew a refused token; False for plain passwords."""
    refused = getattr(passwords, "refused", None)
    return bool(refused(mailbox_id)) if callable(refused) else False


def _bump(item: OutboxItem) -> OutboxItem:
    return replace(item, attempts=item.attempts + 1)


def file_sent_copies(
    store: Store, box: MailboxInfo, password: str, report: SendReport, timeout: float = 30.0
) -> None:
    """Append sent mail whose copy is not yet in the Sent folder."""
    with store.read() as session:
        rows = [
            (r.id, r.raw_sha256, r.sent_at)
            for r in session.scalars(
                select(MailOutgoing).where(
                    MailOutgoing.mailbox_id == box.id,
                    MailOutgoing.status == OutgoingStatus.SENT,
                    MailOutgoing.sent_copy_pending.is_(True),
                )
            )
        ]
    if not rows:
        return
    try:
        with ImapSession(box.config(), password, timeout=timeout) as imap:
            for outgoing_id, sha, sent_at in rows:
                imap.append(None, store.blobs.get(sha), flags=(b"\\Seen",), when=sent_at)
                _set(store, outgoing_id, sent_copy_pending=False)
                report.copies_filed += 1
    except (MailError, FileNotFoundError) as exc:
        text = exc.user_message if isinstance(exc, MailError) else "the mail text is missing"
        report.messages.append(f"The copy for the Sent folder was not filed yet: {text}")
        log.info("sent copy not filed for %s: %s", box.address, text)


def send_due(
    store: Store,
    passwords: PasswordLookup,
    *,
    now: datetime | None = None,
    limit: int = 50,
    timeout: float = 60.0,
) -> SendReport:
    """Send the mail whose time has come, and file Sent copies still owed."""
    now = now or utcnow()
    report = SendReport()
    due = _due(store, now, limit)
    by_box: dict[str, list[OutboxItem]] = {}
    for item in due:
        by_box.setdefault(item.mailbox_id, []).append(item)
    with store.read() as session:
        owed = set(
            session.scalars(
                select(MailOutgoing.mailbox_id).where(
                    MailOutgoing.status == OutgoingStatus.SENT,
                    MailOutgoing.sent_copy_pending.is_(True),
                )
            )
        )
        boxes = {mid: get_mailbox(session, mid) for mid in set(by_box) | owed}
    for mailbox_id, box in boxes.items():
        if box is None:
            continue
        if is_demo_host(box.smtp_host):  # the demo's pretend mailbox: kept, never sent
            for item in by_box.get(mailbox_id, []):
                if _claim(store, item.id, now):
                    _set(store, item.id, status=OutgoingStatus.FAILED, last_error=DEMO_NOT_SENT)
                    report.messages.append(DEMO_NOT_SENT)
            continue
        password = _secret(passwords, mailbox_id, report)
        if password is None:
            continue
        items, renewed = list(by_box.get(mailbox_id, [])), False
        while items:
            error = _send_one(store, box, password, items[0], now, report, timeout)
            if error is not None and error.stage == "login" and not renewed:
                renewed = renew_refused(passwords, mailbox_id)
                if renewed:
                    report.retrying -= 1
                    password = _secret(passwords, mailbox_id, report)
                    if password is None:
                        break
                    items[0] = _bump(items[0])
                    continue  # the same mail with the new token
            if error is not None and error.stage in _STOP_ROUND:
                break  # the rest of this mailbox would fail the same way; next round
            items.pop(0)
        if password is not None:
            file_sent_copies(store, box, password, report, timeout=min(timeout, 30.0))
    return report
