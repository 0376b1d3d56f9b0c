"""Reflect what another mail client did: flags set or cleared, messages expunged.

Fetching remembers which stored message each IMAP UID is (``mail_uids``,
device-local). Before new mail is fetched, the folder's changes since the
last fetch (QRESYNC where offered, see ``ImapSession.changes_since``) are
written to each message's ``meta["imap"]``: ``flags`` (Seen, Flagged,
Answered) and ``deleted_elsewhere``. The message itself stays: deleting it
on the server does not delete the team's record of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from supportdesk.channels.email.imap import FolderChanges
from supportdesk.models import Message
from supportdesk.models.mail_oauth import MailUid
from supportdesk.services.mail.rows import IngestOutcome
from supportdesk.store import Store, UnitOfWork

#: Flags worth showing; keywords and \\Recent are left out.
SHOWN_FLAGS = frozenset({"\\Seen", "\\Flagged", "\\Answered"})


@dataclass(frozen=True)
class ChangeReport:
    """How many messages got new flags, and how many were expunged elsewhere."""

    flags_changed: int = 0
    deleted_elsewhere: int = 0


def known_uids(session: Session, mailbox_id: str, folder: str) -> list[int]:
    """The UIDs of `folder` whose messages are stored."""
    return list(session.scalars(
        select(MailUid.uid).where(MailUid.mailbox_id == mailbox_id, MailUid.folder == folder)
    ))  # fmt: skip


def record_uids(
    store: Store, mailbox_id: str, folder: str, outcomes: list[IngestOutcome]
) -> None:
    """Remember the UID (from the outcome's ``uid N`` source) of each stored message."""
    pairs = {}
    for outcome in outcomes:
        kind, _, number = outcome.source.partition(" ")
        if kind == "uid" and number.isdigit():
            pairs[int(number)] = outcome.row_id
    if not pairs:
        return

    def run(uow: UnitOfWork) -> None:
        for uid, row_id in pairs.items():
            uow.session.merge(MailUid(mailbox_id=mailbox_id, folder=folder, uid=uid,
                                      message_row_id=row_id))  # fmt: skip

    store.write(run)


def forget_folder(store: Store, mailbox_id: str, folder: str) -> None:
    """The folder was renumbered (UIDVALIDITY): its UIDs mean other messages now."""

    def run(uow: UnitOfWork) -> None:
        uow.session.execute(
            delete(MailUid).where(MailUid.mailbox_id == mailbox_id, MailUid.folder == folder)
        )

    store.write(run)


def reflect_changes(
    store: Store, mailbox_id: str, folder: str, changes: FolderChanges
) -> ChangeReport:
    """Write flags and expunges into the messages' ``meta["imap"]`` (synced like meta is)."""
    if not changes.vanished and not changes.flags:
        return ChangeReport()

    def run(uow: UnitOfWork) -> ChangeReport:
        session = uow.session
        uids = [*changes.vanished, *changes.flags]
        found = session.execute(
            select(MailUid.uid, MailUid.message_row_id).where(
                MailUid.mailbox_id == mailbox_id, MailUid.folder == folder, MailUid.uid.in_(uids)
            )
        )
        rows: dict[int, str] = {int(uid): str(row_id) for uid, row_id in found}
        flagged = deleted = 0
        for uid, row_id in rows.items():
            message = session.scalars(select(Message).where(Message.id == row_id)).first()
            if message is None:
                continue
            meta = dict(message.meta or {})
            imap = dict(meta.get("imap") or {})
            imap["folder"] = folder
            if uid in changes.vanished:
                imap["deleted_elsewhere"] = True
                deleted += 1
            else:
                shown = sorted(
                    {f.decode(errors="replace") for f in changes.flags[uid]} & SHOWN_FLAGS
                )
                if imap.get("flags") == shown:
                    continue
                imap["flags"] = shown
                flagged += 1
            meta["imap"] = imap
            uow.update(message, meta=meta)
        if changes.vanished:
            session.execute(delete(MailUid).where(
                MailUid.mailbox_id == mailbox_id, MailUid.folder == folder,
                MailUid.uid.in_(list(changes.vanished)),
            ))  # fmt: skip
        return ChangeReport(flagged, deleted)

    return store.write(run)
