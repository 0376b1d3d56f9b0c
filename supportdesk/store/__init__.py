"""Storage: the engine, the unit of work with its outbox, migrations, search, blobs."""

from supportdesk.store.errors import NewerDatabaseError, ProfileLockedError, StoreError
from supportdesk.store.lock import ProfileLock
from supportdesk.store.store import Store, head_revision, migrate
from supportdesk.store.uow import ChangeSet, UnitOfWork

__all__ = [
    "ChangeSet",
    "NewerDatabaseError",
    "ProfileLock",
    "ProfileLockedError",
    "Store",
    "StoreError",
    "UnitOfWork",
    "head_revision",
    "migrate",
]
