"""Search everything: subjects, bodies, notes, customers, phone numbers, addresses."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from supportdesk.models import ticket_ref
from supportdesk.services.inbox import rows_by_id
from supportdesk.store.search import fts_query, phone_digits

MAX_HITS = 200


@dataclass(frozen=True)
class SearchHit:
    """A conversation that matched, with the best matching passage."""

    conversation_id: str
    ticket: str
    subject: str
    customer_name: str
    status: str
    channel: str
    last_activity_at: datetime
    matched: str  # "message", "subject", "customer" or "phone"
    excerpt: str

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form for ``supportdesk search --json``."""
        data = asdict(self)
        data["last_activity_at"] = self.last_activity_at.isoformat()
        return data


# The matching message rows come from the FTS index ordered by rank; each
# conversation keeps its best message. Snippet markers are control characters
# the UI turns into highlighting.
_MESSAGE_SQL = """
SELECT m.conversation_id,
       snippet(messages_fts, 1, char(2), char(3), '…', 12) AS excerpt
FROM messages_fts
JOIN messages m ON m.n = messages_fts.rowid
WHERE messages_fts MATCH :q
ORDER BY messages_fts.rank
LIMIT :limit
"""

_SUBJECT_SQL = """
SELECT c.id, c.subject FROM conversations_fts
JOIN conversations c ON c.n = conversations_fts.rowid
WHERE conversations_fts MATCH :q
ORDER BY conversations_fts.rank
LIMIT :limit
"""

_CUSTOMER_SQL = """
SELECT cu.id, cu.name FROM customers_fts
JOIN customers cu ON cu.n = customers_fts.rowid
WHERE customers_fts MATCH :q
UNION
SELECT cu.id, i.display FROM identities_fts
JOIN identities i ON i.n = identities_fts.rowid
JOIN customers cu ON cu.id = i.customer_id
WHERE identities_fts MATCH :q
LIMIT :limit
"""

_PHONE_SQL = """
SELECT i.customer_id, i.display FROM identities i
WHERE i.kind = 'phone' AND i.search_key LIKE :digits
LIMIT :limit
"""

_CONVERSATIONS_OF_CUSTOMERS = """
SELECT c.id FROM conversations c WHERE c.customer_id = :cid
ORDER BY c.last_activity_at DESC LIMIT 50
"""


def search(session: Session, query: str, limit: int = MAX_HITS) -> list[SearchHit]:
    """Conversations matching a rep's query, best first.

    Matches on customers (name, organisation, address, phone) come first,
    then subject matches, then message matches by rank.
    """
    found: dict[str, tuple[str, str]] = {}  # conversation id -> (matched, excerpt)

    def note(conv_id: str, matched: str, excerpt: str) -> None:
        if conv_id not in found:
            found[conv_id] = (matched, excerpt)

    customers: list[tuple[str, str, str]] = []
    digits = phone_digits(query)
    if digits:
        for cid, display in session.execute(
            text(_PHONE_SQL), {"digits": f"%{digits}%", "limit": 50}
        ):
            customers.append((cid, "phone", display))
    q = fts_query(query)
    if q:
        for cid, label in session.execute(text(_CUSTOMER_SQL), {"q": q, "limit": 50}):
            customers.append((cid, "customer", label))
    for cid, matched, label in customers:
        for (conv_id,) in session.execute(text(_CONVERSATIONS_OF_CUSTOMERS), {"cid": cid}):
            note(conv_id, matched, label)
    if q:
        for conv_id, subject in session.execute(text(_SUBJECT_SQL), {"q": q, "limit": limit}):
            note(conv_id, "subject", subject)
        # Ask for more message rows than hits: several may share a conversation.
        for conv_id, excerpt in session.execute(
            text(_MESSAGE_SQL), {"q": q, "limit": limit * 3}
        ):
            note(conv_id, "message", excerpt)
            if len(found) >= limit:
                break
    ids = list(found)[:limit]
    return _hydrate(session, ids, found)


def _hydrate(
    session: Session, ids: list[str], found: dict[str, tuple[str, str]]
) -> list[SearchHit]:
    if not ids:
        return []
    rows = rows_by_id(session, ids)
    hits = []
    for conv_id in ids:
        row = rows.get(conv_id)
        if row is None:
            continue
        matched, excerpt = found[conv_id]
        hits.append(
            SearchHit(
                conversation_id=conv_id,
                ticket=ticket_ref(conv_id),
                subject=row.subject,
                customer_name=row.customer_name,
                status=row.status,
                channel=row.channel,
                last_activity_at=row.last_activity_at,
                matched=matched,
                excerpt=excerpt,
            )
        )
    return hits


def plain_excerpt(excerpt: str) -> str:
    """An excerpt with the highlight markers removed (for the CLI)."""
    return excerpt.replace("\x02", "").replace("\x03", "")
