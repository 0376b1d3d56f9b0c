"""Support mailboxes: settings a rep can edit, checked before they are saved.

Mailbox settings sync with the team (through the unit of work); they hold no
password (each device keeps its own in its keyring). What was fetched and what
waits to be sent stay on the device.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from supportdesk.channels.email.connection import MailboxConfig, Security
from supportdesk.models import (
    Agent,
    Mailbox,
    MailFolderState,
    MailOutgoing,
    Meta,
    OutgoingStatus,
    utcnow,
)
from supportdesk.models.mail_oauth import MailOAuth
from supportdesk.services.actions import ActionError
from supportdesk.services.customers import normalize_email
from supportdesk.services.natural_ids import natural_id
from supportdesk.store import UnitOfWork

SECURITY_CHOICES: tuple[Security, ...] = ("tls", "starttls")
_HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]")
_ADDRESS = re.compile(r"[^\s@<>,;\"]+@[A-Za-z0-9.-]+\.[A-Za-z0-9-]+|[^\s@<>,;\"]+@localhost")


@dataclass(frozen=True)
class MailboxInfo:
    """A mailbox's settings as plain data (no password)."""

    id: str
    name: str
    address: str
    display_name: str
    username: str
    imap_host: str
    imap_port: int
    imap_security: str
    smtp_host: str
    smtp_port: int
    smtp_security: str
    sent_folder: str | None = None
    ca_file: str | None = None
    fetch_window_days: int = 90
    enabled: bool = True
    #: acknowledge new customer conversations automatically (with the ETA)
    auto_ack: bool = False
    #: 'password' or 'oauth2' (this device has OAuth2 settings for the mailbox)
    auth: str = "password"

    @property
    def domain(self) -> str:
        """The domain of the address (for Message-IDs of outgoing mail)."""
        return self.address.rpartition("@")[2] or "localhost"

    def config(self) -> MailboxConfig:
        """The transport settings for IMAPClient and smtplib."""
        return MailboxConfig(
            name=self.name,
            email_address=self.address,
            username=self.username,
            imap_host=self.imap_host,
            imap_port=self.imap_port,
            imap_security="starttls" if self.imap_security == "starttls" else "tls",
            smtp_host=self.smtp_host,
            smtp_port=self.smtp_port,
            smtp_security="tls" if self.smtp_security == "tls" else "starttls",
            sent_folder=self.sent_folder or None,
            cafile=self.ca_file or None,
            auth="oauth2" if self.auth == "oauth2" else "password",
        )

    def window_start(self, today: date) -> date:
        """The first day the first fetch reaches back to."""
        return today - timedelta(days=max(1, self.fetch_window_days))


_INFO_FIELDS = tuple(f.name for f in fields(MailboxInfo) if f.name != "auth")


def _info(row: Mailbox, oauth: bool = False) -> MailboxInfo:
    values: dict[str, object] = {name: getattr(row, name) for name in _INFO_FIELDS}
    return MailboxInfo(**values, auth="oauth2" if oauth else "password")  # type: ignore[arg-type]


def _oauth_ids(session: Session) -> set[str]:
    return set(session.scalars(select(MailOAuth.mailbox_id)))


def may_change_servers(session: Session, agent_id: str | None) -> bool:
    """Whether an agent may add a mailbox or change where one connects (owners only).

    A desk with no signed-in agent is one person's, who owns it.
    """
    if not agent_id:
        return True
    role = session.scalar(select(Agent.role).where(Agent.id == agent_id))
    return role in (None, "owner")


def list_mailboxes(session: Session, *, enabled_only: bool = False) -> list[MailboxInfo]:
    """Every mailbox, by name."""
    stmt = select(Mailbox).order_by(Mailbox.name, Mailbox.address)
    if enabled_only:
        stmt = stmt.where(Mailbox.enabled.is_(True))
    oauth = _oauth_ids(session)
    return [_info(row, row.id in oauth) for row in session.scalars(stmt)]


def get_mailbox(session: Session, mailbox_id: str) -> MailboxInfo | None:
    """One mailbox, or None when it was removed."""
    row = session.get(Mailbox, mailbox_id)
    if row is None:
        return None
    return _info(row, session.get(MailOAuth, mailbox_id) is not None)


def mailbox_for_address(session: Session, address: str) -> MailboxInfo | None:
    """The mailbox with this address, if any."""
    row = session.scalars(
        select(Mailbox).where(Mailbox.address == normalize_email(address))
    ).one_or_none()
    if row is None:
        return None
    return _info(row, session.get(MailOAuth, row.id) is not None)


def problems(info: MailboxInfo) -> list[str]:
    """What is wrong with the settings, in plain words (empty when they can be saved)."""
    out: list[str] = []
    if not info.name.strip():
        out.append("Give the mailbox a name, such as Support.")
    if not _ADDRESS.fullmatch(info.address.strip()):
        out.append("The email address does not look right; it should be like support@example.com.")
    if not info.username.strip():
        out.append("Enter the user name for signing in (often the email address).")
    for label, host, port, security in (
        ("incoming (IMAP)", info.imap_host, info.imap_port, info.imap_security),
        ("outgoing (SMTP)", info.smtp_host, info.smtp_port, info.smtp_security),
    ):
        if not _HOST.fullmatch(host.strip()):
            out.append(f"Enter the {label} server name, such as mail.example.com.")
        if not 0 < port < 65536:
            out.append(f"The {label} port must be a number from 1 to 65535.")
        if security not in SECURITY_CHOICES:
            out.append(f"Choose SSL/TLS or STARTTLS for the {label} server.")
    if not 1 <= info.fetch_window_days <= 3650:
        out.append("The first fetch can reach back from 1 day to 10 years.")
    if any(c in (info.sent_folder or "") for c in "\r\n\x00"):
        out.append("The Sent folder name cannot contain line breaks.")
    return out


def mailbox_id_for(session: Session, address: str) -> str:
    """The id of a new mailbox for ``address`` (normalised), the same on every device.

    Two laptops that each add support@acme.example before they sync make the
    same id, so sync merges the two into one mailbox (each setting
    last-writer-wins) instead of hiding one behind ``UNIQUE(address)``.

    A removed mailbox leaves a tombstone that no later insert of its id can
    beat, so adding the address again takes the next generation of the
    derived id (see ``natural_ids``): every device that knows of the removal
    picks the same new id. Mailboxes saved before this version keep their
    random ids.
    """
    return natural_id(session, "mailboxes", "mailbox", address)


def save_mailbox(uow: UnitOfWork, info: MailboxInfo) -> str:
    """Add or update a mailbox (the settings sync); returns its id.

    Raises:
        ActionError: the settings are incomplete, or the address is taken.
    """
    found = problems(info)
    if found:
        raise ActionError(" ".join(found))
    session = uow.session
    address = normalize_email(info.address)
    clash = session.scalars(
        select(Mailbox.id).where(Mailbox.address == address, Mailbox.id != info.id)
    ).first()
    if clash is not None:
        raise ActionError(f"There is already a mailbox for {address}.")
    values = {
        "name": info.name.strip(),
        "address": address,
        "display_name": info.display_name.strip(),
        "username": info.username.strip(),
        "imap_host": info.imap_host.strip(),
        "imap_port": info.imap_port,
        "imap_security": info.imap_security,
        "smtp_host": info.smtp_host.strip(),
        "smtp_port": info.smtp_port,
        "smtp_security": info.smtp_security,
        "sent_folder": (info.sent_folder or "").strip() or None,
        "ca_file": (info.ca_file or "").strip() or None,
        "fetch_window_days": info.fetch_window_days,
        "enabled": info.enabled,
        "auto_ack": info.auto_ack,
    }
    row = session.get(Mailbox, info.id) if info.id else None
    was_acking = bool(row is not None and row.auto_ack)
    if row is None:
        # A new mailbox, or one removed (here or by the team) while it was being
        # edited: either way a new row, never the removed one's id (its tombstone
        # would hide the row on every other device).
        row = uow.add(Mailbox(id=mailbox_id_for(session, address), created_at=utcnow(),
                              **values))
    else:
        if row.address != address:
            # Another account: what was fetched from the old one says nothing about it.
            session.execute(delete(MailFolderState).where(MailFolderState.mailbox_id == row.id))
        uow.update(row, **values)
    if info.auto_ack != was_acking:
        mark_auto_ack(session, row.id, info.auto_ack)
    session.flush()
    return row.id


#: ``meta`` key (device-local) of when this device began acknowledging for a mailbox
AUTO_ACK_SINCE = "auto_ack_since:"


def auto_ack_since(session: Session, mailbox_id: str) -> datetime | None:
    """When this device began acknowledging new conversations of the mailbox, if it did."""
    value = session.scalar(select(Meta.value).where(Meta.key == AUTO_ACK_SINCE + mailbox_id))
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def mark_auto_ack(session: Session, mailbox_id: str, on: bool, now: datetime | None = None) -> None:
    """Note that acknowledging began now (``on``) or stopped: older mail is never acknowledged."""
    key = AUTO_ACK_SINCE + mailbox_id
    if on:
        session.merge(Meta(key=key, value=(now or utcnow()).isoformat()))
    else:
        session.execute(delete(Meta).where(Meta.key == key))


def remove_mailbox(uow: UnitOfWork, mailbox_id: str) -> None:
    """Remove a mailbox; the mail it brought stays in its conversations.

    Raises:
        ActionError: mail written from it still waits to be sent.
    """
    session = uow.session
    waiting = session.scalar(
        select(func.count())
        .select_from(MailOutgoing)
        .where(
            MailOutgoing.mailbox_id == mailbox_id,
            MailOutgoing.status.in_([OutgoingStatus.QUEUED, OutgoingStatus.SENDING]),
        )
    )
    if waiting:
        raise ActionError(
            f"{waiting} mail(s) from this mailbox still wait in the outbox. Let them go out, "
            "or delete them from the outbox, before removing the mailbox."
        )
    session.execute(delete(MailOutgoing).where(MailOutgoing.mailbox_id == mailbox_id))
    session.execute(delete(MailFolderState).where(MailFolderState.mailbox_id == mailbox_id))
    row = session.get(Mailbox, mailbox_id)
    if row is not None:
        uow.delete(row)
    session.flush()
