"""Unfinished notes and mail, kept on this device as the rep types.

A draft is stored a moment after each change (the UI waits for a pause in
typing), so a crash or a killed process loses at most that moment. Drafts are
device-local: they never enter the outbox. A draft whose text boxes are all
empty is no draft: saving one removes the row. Saving announces no change
(the window would re-read its counts on every pause in typing); the one
window that writes drafts updates its own "Draft" marks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from supportdesk.models import utcnow
from supportdesk.models.drafts import ComposeDraft
from supportdesk.store import UnitOfWork

#: the ways of writing a draft can belong to
MODES = frozenset({"note", "reply", "reply_all", "forward", "new"})
#: text fields a draft keeps; others are dropped (attachments are not kept)
TEXT_FIELDS = frozenset({
    "to", "cc", "bcc", "subject", "body", "mailbox_id", "original_row_id", "message_id",
})
#: fields a rep types; a draft with all of them empty is removed
TYPED_FIELDS = ("to", "cc", "bcc", "subject", "body")
#: the longest text kept per field (a pasted novel is cut, not refused)
MAX_FIELD_CHARS = 1_000_000


@dataclass(frozen=True)
class StoredDraft:
    """A draft as stored."""

    conversation_id: str | None
    mode: str
    fields: dict[str, str]
    updated_at: datetime


def draft_key(conversation_id: str | None, mode: str) -> str:
    """The row key of a conversation's draft of one kind."""
    if mode not in MODES:
        raise ValueError(f"unknown draft mode {mode!r}")
    return f"{mode}:{conversation_id or ''}"


def _clean(fields: Mapping[str, Any]) -> dict[str, str]:
    return {
        k: str(v)[:MAX_FIELD_CHARS]
        for k, v in fields.items()
        if k in TEXT_FIELDS and v is not None
    }


def is_empty(fields: Mapping[str, Any], baseline: Mapping[str, Any] | None = None) -> bool:
    """Whether nothing was typed: every typed field empty, or as it started (``baseline``)."""
    base = baseline or {}
    return all(
        not str(fields.get(k) or "").strip() or str(fields.get(k) or "") == str(base.get(k) or "")
        for k in TYPED_FIELDS
    )


def save_draft(
    uow: UnitOfWork,
    conversation_id: str | None,
    mode: str,
    fields: Mapping[str, Any],
    *,
    now: datetime | None = None,
) -> bool:
    """Keep (or, when every typed field is empty, remove) a draft.

    Returns:
        Whether a draft is kept now.
    """
    key = draft_key(conversation_id, mode)
    clean = _clean(fields)
    session = uow.session
    row = session.get(ComposeDraft, key)
    if is_empty(clean):
        if row is not None:
            session.delete(row)
            session.flush()
        return False
    if row is None:
        row = ComposeDraft(key=key, conversation_id=conversation_id, mode=mode)
        session.add(row)
    row.fields = clean
    row.updated_at = now or utcnow()
    session.flush()
    return True


def discard_draft(uow: UnitOfWork, conversation_id: str | None, mode: str) -> None:
    """Throw a draft away (nothing happens when there is none)."""
    uow.session.execute(
        delete(ComposeDraft).where(ComposeDraft.key == draft_key(conversation_id, mode))
    )


def get_draft(session: Session, conversation_id: str | None, mode: str) -> StoredDraft | None:
    """A conversation's draft of one kind, or None."""
    row = session.get(ComposeDraft, draft_key(conversation_id, mode))
    if row is None:
        return None
    fields = {k: str(v) for k, v in (row.fields or {}).items() if k in TEXT_FIELDS}
    return StoredDraft(row.conversation_id, row.mode, fields, row.updated_at)


def drafts_of(session: Session, conversation_ids: Iterable[str]) -> dict[str, list[str]]:
    """The kinds of draft each of these conversations has (only those that have one)."""
    ids = sorted(set(conversation_ids))
    found: dict[str, list[str]] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(ComposeDraft.conversation_id, ComposeDraft.mode)
            .where(ComposeDraft.conversation_id.in_(ids[start : start + 500]))
            .order_by(ComposeDraft.mode)
        )
        for cid, mode in rows:
            if cid:
                found.setdefault(cid, []).append(mode)
    return found


def conversations_with_drafts(session: Session) -> set[str]:
    """Every conversation that has a draft on this device (the table stays small)."""
    return {
        cid
        for cid in session.scalars(
            select(ComposeDraft.conversation_id).where(ComposeDraft.conversation_id.is_not(None))
        )
        if cid
    }
