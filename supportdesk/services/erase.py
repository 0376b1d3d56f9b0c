"""Erasing a customer for a data-protection request.

``erase_customer`` (one unit of work, so it syncs like any change) empties
everything the customer and the team wrote in their conversations, deletes
their identities and attachments, renames the customer, and records an
``Erasure``: that it happened, when, by whom, and anonymised counts. The
conversations and messages stay as empty rows with their times, channels and
authors, so reports count exactly what they counted before.

Every device that has the erasure (the one that made it, and each that pulls
it) then runs ``clean_up``: it removes the attachment files and the leftovers
that sync and search keep beside the rows (outbox payloads, conflict log,
field history, mail indexes, the search index's old segments), and rewrites
the database file (VACUUM, then a truncated WAL) so no freed page still holds
the old text. ``watch(store)`` runs it after each commit that brings one.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from supportdesk.models import (
    Attachment,
    Conversation,
    Customer,
    Identity,
    IdentityKind,
    Message,
)
from supportdesk.models.erasure import Erasure
from supportdesk.services.customer_merge import group
from supportdesk.store import ChangeSet, Store, UnitOfWork
from supportdesk.store.engine import database_path

log = logging.getLogger(__name__)

ERASED_NAME = "Erased customer"
ERASED_BODY = ""
#: Meta key prefix: this device has cleaned up after an erasure
DONE_KEY = "erasure_cleaned:"
FTS_TABLES = ("messages_fts", "conversations_fts", "customers_fts", "identities_fts")


class EraseError(ValueError):
    """The erasure cannot be done; the message says why."""


@dataclass(frozen=True)
class EraseResult:
    """What an erasure did (counts only)."""

    erasure_id: str
    customers: int
    conversations: int
    messages: int
    attachments: int


def erase_customer(uow: UnitOfWork, customer_id: str) -> EraseResult:
    """Erase a customer (with everyone merged into them) and what they wrote.

    Raises:
        EraseError: no such customer.
    """
    session = uow.session
    if session.scalar(select(Customer.id).where(Customer.id == customer_id)) is None:
        raise EraseError("That customer no longer exists.")
    people = group(session, customer_id)
    convs = list(session.scalars(select(Conversation).where(Conversation.customer_id.in_(people))))
    conv_ids = [c.id for c in convs]
    messages = list(session.scalars(
        select(Message).where(Message.conversation_id.in_(conv_ids)))) if conv_ids else []
    msg_ids = [m.id for m in messages]
    atts = list(session.scalars(
        select(Attachment).where(Attachment.message_id.in_(msg_ids)))) if msg_ids else []
    identities = list(session.scalars(select(Identity).where(Identity.customer_id.in_(people))))
    emails = [i.value for i in identities if i.kind == IdentityKind.EMAIL]
    blobs = {a.sha256 for a in atts}
    raws = {m.raw_sha256 for m in messages if m.raw_sha256}
    for a in atts:
        uow.delete(a)
    for i in identities:
        uow.delete(i)
    for m in messages:
        uow.update(m, subject="", body_text=ERASED_BODY, body_html=None, author_name="",
                   meta={}, raw_sha256=None)
    if raws:  # a transcript shared with messages of other customers goes too
        for m in session.scalars(select(Message).where(Message.raw_sha256.in_(sorted(raws)))):
            uow.update(m, raw_sha256=None)
    for c in convs:
        uow.update(c, subject="", snippet="")
        uow.log_activity(c.id, "customer_erased")
    for cust in session.scalars(select(Customer).where(Customer.id.in_(people))):
        uow.update(cust, name=ERASED_NAME, organization=None, notes=None, language=None)
    session.flush()
    # An identical file another customer sent stays (it is theirs as much).
    still = set(session.scalars(select(Attachment.sha256).where(
        Attachment.sha256.in_(sorted(blobs))))) if blobs else set()
    removed = {
        "blobs": sorted((blobs - still) | raws),
        "ids": {"messages": msg_ids, "attachments": [a.id for a in atts],
                "identities": [i.id for i in identities], "conversations": conv_ids,
                "customers": people},
        "emails": len(emails),
    }
    record = uow.add(Erasure(agent_id=uow.agent_id, conversations=len(conv_ids),
                             messages=len(msg_ids), removed=removed))
    # Local leftovers that hold addresses (no outbox: they are device-local).
    from supportdesk.models import MailRemoteImageSender

    for sender in session.scalars(select(MailRemoteImageSender).where(
            MailRemoteImageSender.address.in_(emails))) if emails else []:
        session.delete(sender)
    return EraseResult(record.id, len(people), len(conv_ids), len(msg_ids), len(atts))


# -- after the rows: files, leftovers, free pages ------------------------------------------

def _scrub_outbox(conn: sqlite3.Connection, ids: set[str]) -> None:
    erasable = {"subject", "body_text", "body_html", "author_name", "meta", "raw_sha256",
                "name", "organization", "notes", "value", "display", "search_key",
                "snippet", "filename", "content_id", "language"}
    rows = conn.execute("SELECT seq, entity_id, pushed, payload FROM outbox").fetchall()
    for seq, eid, pushed, payload in rows:
        if eid not in ids:
            continue
        if pushed:
            conn.execute("DELETE FROM outbox WHERE seq = ?", (seq,))
            continue
        try:
            data = json.loads(payload)
        except ValueError:
            continue
        if isinstance(data, dict):
            for k in list(data):
                if k in erasable:
                    data[k] = {} if k == "meta" else (None if k in (
                        "body_html", "raw_sha256", "organization", "notes", "language",
                        "content_id") else ("" if k != "name" else ERASED_NAME))
            conn.execute("UPDATE outbox SET payload = ? WHERE seq = ?",
                         (json.dumps(data), seq))


def _local_tables(conn: sqlite3.Connection, removed: dict[str, Any]) -> None:
    ids_by_table: dict[str, list[str]] = removed.get("ids", {})
    every = {i for ids in ids_by_table.values() for i in ids}
    msg_ids = ids_by_table.get("messages", [])
    conv_ids = ids_by_table.get("conversations", [])
    chunks = [sorted(every)[i:i + 500] for i in range(0, len(every), 500)]
    for chunk in chunks:
        marks = ",".join("?" * len(chunk))
        conn.execute(f"UPDATE sync_state SET hidden = NULL WHERE entity_id IN ({marks})", chunk)
        conn.execute(f"DELETE FROM sync_conflicts WHERE entity_id IN ({marks})", chunk)
    for chunk in [msg_ids[i:i + 500] for i in range(0, len(msg_ids), 500)]:
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM mail_message_ids WHERE message_row_id IN ({marks})", chunk)
    for chunk in [conv_ids[i:i + 500] for i in range(0, len(conv_ids), 500)]:
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM mail_outgoing WHERE conversation_id IN ({marks})", chunk)
    blobs = removed.get("blobs", [])
    for chunk in [blobs[i:i + 500] for i in range(0, len(blobs), 500)]:
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM sync_blob_queue WHERE sha256 IN ({marks})", chunk)
    _scrub_outbox(conn, every)


def clean_up(store: Store, erasure_id: str) -> bool:
    """Remove files and leftovers of an erasure on this device; False when done before.

    Runs on the writer thread outside any transaction (``watch`` calls it after a
    commit), or on any thread when nothing else writes (tests, the CLI).
    """
    key = DONE_KEY + erasure_id
    if store.get_meta(key) is not None:
        return False
    with store.read() as session:
        row = session.get(Erasure, erasure_id)
        if row is None:
            return False
        removed = dict(row.removed or {})
        referenced = set(session.scalars(select(Attachment.sha256).where(
            Attachment.sha256.in_(removed.get("blobs", []))))) if removed.get("blobs") else set()
        referenced |= set(session.scalars(select(Message.raw_sha256).where(
            Message.raw_sha256.in_(removed.get("blobs", []))))) if removed.get("blobs") else set()
    for digest in removed.get("blobs", []):
        if digest in referenced:
            continue
        try:
            store.blobs.path_for(digest).unlink(missing_ok=True)
        except ValueError:
            continue
    conn = sqlite3.connect(database_path(store.profile), isolation_level=None, timeout=30)
    try:
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("BEGIN IMMEDIATE")
        _local_tables(conn, removed)
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, '1')", (key,))
        conn.execute("COMMIT")
        for fts in FTS_TABLES:  # merge segments: old tokens go with the old segments
            conn.execute(f"INSERT INTO {fts}({fts}) VALUES('optimize')")
        conn.execute("VACUUM")
        for _ in range(50):
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if not busy:
                break
            store.foreground.pause()
            time.sleep(0.1)
    finally:
        conn.close()
    return True


def pending(store: Store) -> list[str]:
    """Erasures this device has not cleaned up after yet."""
    with store.read() as session:
        ids = list(session.scalars(select(Erasure.id)))
    return [i for i in ids if store.get_meta(DONE_KEY + i) is None]


def watch(store: Store) -> Callable[[], None]:
    """Clean up after every erasure this device makes or pulls (returns an unsubscribe)."""

    def listener(changes: ChangeSet) -> None:
        if not changes.ids.get("erasures"):
            return
        for eid in sorted(changes.ids["erasures"]):
            try:
                clean_up(store, eid)
            except (OSError, sqlite3.Error):
                log.exception("cleaning up after erasure %s failed; retried at start", eid)

    return store.on_change(listener)


__all__ = ["ERASED_NAME", "EraseError", "EraseResult", "clean_up", "erase_customer",
           "pending", "watch"]
