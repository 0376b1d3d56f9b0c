"""What the status bar says about syncing: online or not, last sync, what waits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from supportdesk.models import Meta, OutboxEntry


@dataclass(frozen=True)
class SyncStatus:
    """A one-line status and a longer explanation for the tooltip."""

    text: str
    detail: str
    waiting: int


def _meta(session: Session, key: str) -> str | None:
    return session.scalar(select(Meta.value).where(Meta.key == key))


def sync_status(session: Session) -> SyncStatus:
    """The sync state of this profile, in words."""
    waiting = int(
        session.scalar(
            select(func.count()).select_from(OutboxEntry).where(OutboxEntry.pushed.is_(False))
        )
        or 0
    )
    if _meta(session, "demo") == "1":
        return SyncStatus(
            "Demo workspace · not synced",
            "This profile holds generated demo data; it is never sent to a team server.",
            waiting,
        )
    server = _meta(session, "sync_server")
    if not server:
        text = "Offline · not connected to a team server"
        if waiting:
            text += f" · {waiting} changes kept locally"
        return SyncStatus(
            text,
            "Everything works offline. Connect a team server to share this inbox.",
            waiting,
        )
    last = _meta(session, "last_sync_at")
    when = datetime.fromisoformat(last).astimezone().strftime("%H:%M") if last else "never"
    online = _meta(session, "sync_online") == "1"
    state = "Online" if online else "Offline"
    text = f"{state} · synced {when}"
    if waiting:
        text += f" · {waiting} changes waiting"
    return SyncStatus(text, f"Team server: {server}", waiting)
