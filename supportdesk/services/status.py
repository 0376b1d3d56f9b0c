"""What the status bar shows about syncing: the facts; the UI words them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from supportdesk.models import Meta, OutboxEntry, SyncPeer
from supportdesk.sync.schema import registry


@dataclass(frozen=True)
class SyncStatus:
    """The sync state of a profile, as the sync client last recorded it."""

    demo: bool
    server: str | None
    #: the last sync attempt finished without an error
    online: bool
    last_sync_at: datetime | None
    waiting: int
    user: str | None = None
    team: str | None = None
    last_error: str | None = None


def _meta(session: Session, key: str) -> str | None:
    return session.scalar(select(Meta.value).where(Meta.key == key))


def waiting_changes(session: Session) -> int:
    """Local changes not yet accepted by the server (of tables this version syncs)."""
    return int(
        session.scalar(
            select(func.count()).select_from(OutboxEntry).where(
                OutboxEntry.pushed.is_(False), OutboxEntry.entity.in_(registry())
            )
        )
        or 0
    )


def sync_status(session: Session) -> SyncStatus:
    """Whether this profile syncs, with whom, when it last did, and how many changes wait."""
    peer = session.get(SyncPeer, 1)
    demo = _meta(session, "demo") == "1"
    if peer is None:
        return SyncStatus(demo=demo, server=None, online=False, last_sync_at=None,
                          waiting=waiting_changes(session))
    return SyncStatus(
        demo=demo,
        server=peer.server_url,
        online=peer.last_sync_at is not None and not peer.last_error,
        last_sync_at=peer.last_sync_at,
        waiting=waiting_changes(session),
        user=peer.user,
        team=peer.team or None,
        last_error=peer.last_error,
    )
