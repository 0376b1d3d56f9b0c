"""SQLAlchemy tables: typed, free of I/O and Qt."""

from supportdesk.models import drafts as drafts  # compose drafts (issue 12), device-local
from supportdesk.models import erasure as erasure  # customer erasures (issue 17)
from supportdesk.models import kb as kb  # knowledge base and mentions (issue 18)
from supportdesk.models import locale as locale  # team language and phone country (issue 15)
from supportdesk.models import mail_oauth as mail_oauth  # OAuth2 sign-in (issue 14)
from supportdesk.models import rates as rates  # hourly rates (issue 17)
from supportdesk.models import rules as rules  # rules and pages (issue 16)
from supportdesk.models import workflow as workflow  # workflow tables (issue 6)
from supportdesk.models.base import (
    Base,
    UTCDateTime,
    derived_id,
    new_id,
    ticket_ref,
    utcnow,
)
from supportdesk.models.mail import (
    Mailbox,
    MailFolderState,
    MailMessageId,
    MailOutgoing,
    MailRemoteImageSender,
    MailTicketRef,
    OutgoingStatus,
)
from supportdesk.models.sync import SyncBlobQueue, SyncConflict, SyncPeer, SyncState
from supportdesk.models.tables import (
    PRIORITY_RANK,
    Activity,
    Agent,
    Attachment,
    Channel,
    Conversation,
    ConversationTag,
    Customer,
    Identity,
    IdentityKind,
    Message,
    MessageKind,
    Meta,
    OutboxEntry,
    Priority,
    Status,
)

__all__ = [
    "PRIORITY_RANK",
    "Activity",
    "Agent",
    "Attachment",
    "Base",
    "Channel",
    "Conversation",
    "ConversationTag",
    "Customer",
    "Identity",
    "IdentityKind",
    "MailFolderState",
    "MailMessageId",
    "MailOutgoing",
    "MailRemoteImageSender",
    "MailTicketRef",
    "Mailbox",
    "Message",
    "MessageKind",
    "Meta",
    "OutboxEntry",
    "OutgoingStatus",
    "Priority",
    "Status",
    "SyncBlobQueue",
    "SyncConflict",
    "SyncPeer",
    "SyncState",
    "UTCDateTime",
    "derived_id",
    "new_id",
    "ticket_ref",
    "utcnow",
]
