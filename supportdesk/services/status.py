"""What the status bar shows about syncing: the facts; the UI words them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from supportdesk.models import Meta, OutboxEntry


@dataclass(frozen=True)
class SyncStatus:
    """The sync state of a profile."""

    demo: bool
    server: str | None
    online: bool
    last_sync_at: datetime | None
    waiting: int


def _meta(session: Session, key: str) -> str | None:
    return session.scalar(select(Meta.value).where(Meta.key == key))


def sync_status(session: Session) -> SyncStatus:
    """Whether this profile syncs, when it last did, and how many changes wait."""
    waiting = int(
        session.scalar(
            select(func.count()).select_from(OutboxEntry).where(OutboxEntry.pushed.is_(False))
        )
        or 0
    )
    last = _meta(session, "last_sync_at")
    return SyncStatus(
        demo=_meta(session, "demo") == "1",
        server=_meta(session, "sync_server"),
        online=_meta(session, "sync_online") == "1",
        last_sync_at=datetime.fromisoformat(last) if last else None,
        waiting=waiting,
    )
