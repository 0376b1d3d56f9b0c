"""OAuth2 sign-in settings of a mailbox (the tokens themselves live in the OS keyring only)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from supportdesk.models.base import Base, UTCDateTime, utcnow


class MailOAuth(Base):
    """How one mailbox signs in with OAuth2 on this device.

    Device-local: each device signs in on its own (its tokens are in its own
    keyring), so the settings stay beside them. A mailbox without a row signs
    in with a password.
    """

    __tablename__ = "mail_oauth"
    mailbox_id: Mapped[str] = mapped_column(
        ForeignKey("mailboxes.id", ondelete="CASCADE"), primary_key=True
    )
    #: 'google', 'microsoft' or 'generic'
    provider: Mapped[str] = mapped_column(String(16))
    client_id: Mapped[str] = mapped_column(String(255))
    authorization_endpoint: Mapped[str] = mapped_column(Text)
    token_endpoint: Mapped[str] = mapped_column(Text)
    device_endpoint: Mapped[str] = mapped_column(Text, default="")
    #: space-separated
    scopes: Mapped[str] = mapped_column(Text)
    #: the refresh token stopped working: the rep must sign in again
    needs_sign_in: Mapped[bool] = mapped_column(Boolean, default=False)
    last_error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class MailPrefs(Base):
    """How mail is written for a mailbox (``mailbox:<id>``) or an agent (``agent:<name>``).

    Device-local, like the sign-in settings beside it.
    """

    __tablename__ = "mail_prefs"
    owner: Mapped[str] = mapped_column(String(340), primary_key=True)
    #: appended below "-- " to new mail, replies and forwards; canned-answer placeholders work
    signature: Mapped[str] = mapped_column(Text, default="")
    #: send text/plain only, even when the rep formatted the reply
    plain_text_only: Mapped[bool] = mapped_column(Boolean, default=False)
    #: attachments of one mail may add up to this many megabytes
    attachment_limit_mb: Mapped[int] = mapped_column(Integer, default=25)
    #: folders fetched besides INBOX, one per line
    folders: Mapped[str] = mapped_column(Text, default="")


class MailUid(Base):
    """Which stored message an IMAP UID of a mailbox folder is (to reflect flags and expunges)."""

    __tablename__ = "mail_uids"
    mailbox_id: Mapped[str] = mapped_column(
        ForeignKey("mailboxes.id", ondelete="CASCADE"), primary_key=True
    )
    folder: Mapped[str] = mapped_column(String(255), primary_key=True)
    uid: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_row_id: Mapped[str] = mapped_column(String(80), index=True)
