"""SQLAlchemy tables: typed, free of I/O and Qt."""

from supportdesk.models import erasure as erasure  # customer erasures (issue 17)
from supportdesk.models import rates as rates  # hourly rates (issue 17)
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
