"""Which tables sync, how each merges, and what their fields may hold.

The registry is read from ``supportdesk.models`` so the client, the server and
the merge function agree on one list of entities and fields.
"""

from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Integer, String, Table, Text

from supportdesk.models import (
    Activity,
    Agent,
    Attachment,
    Base,
    Conversation,
    ConversationTag,
    Customer,
    Identity,
    Mailbox,
    Message,
    UTCDateTime,
)
from supportdesk.models.erasure import Erasure
from supportdesk.models.kb import SYNC_SPECS as KB_SPECS
from supportdesk.models.locale import SYNC_SPECS as LOCALE_SPECS
from supportdesk.models.rates import HourlyRate
from supportdesk.models.rules import SYNC_SPECS as RULES_SPECS
from supportdesk.models.workflow import SYNC_SPECS as WORKFLOW_SPECS


class Kind(enum.StrEnum):
    """How an entity's mutations merge."""

    #: fields are last-writer-wins, each by its own hybrid-clock stamp
    MUTABLE = "mutable"
    #: inserted once; a second insert with the same id changes nothing
    APPEND_ONLY = "append_only"
    #: an add/remove set of tags per conversation, last-writer-wins per tag
    TAGS = "tags"


#: Ops the outbox writes; ``delete`` leaves a tombstone.
OPS = frozenset({"insert", "update", "delete", "tag_add", "tag_remove"})

#: Device-local columns that never travel.
LOCAL_COLUMNS = frozenset({"n"})

#: Fields every device restamps when it changes something else in the row, and
#: the creation time, which differs when two devices create the same derived row
#: (the customer of a new caller, a mailbox): neither is something a rep typed.
QUIET_FIELDS = frozenset({"updated_at", "created_at"})

#: A stamp as ``HybridClock`` writes it: 13-digit millis, 4 hex counter, device id.
STAMP_RE = re.compile(r"^\d{13}-[0-9a-f]{4}-[A-Za-z0-9_.:-]{1,64}$")
ID_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
MAX_TAG = 80


@dataclass(frozen=True)
class FieldSpec:
    """One synced column: its JSON type and whether it may be null."""

    name: str
    type: str  # "str" | "int" | "bool" | "datetime" | "json"
    nullable: bool
    max_length: int | None


@dataclass(frozen=True)
class EntitySpec:
    """One synced table."""

    name: str
    kind: Kind
    rank: int  # parents before children in snapshots and local apply
    table: Table
    fields: dict[str, FieldSpec]
    #: fields of an append-only entity that may still change after insert (LWW)
    mutable_after_insert: frozenset[str] = frozenset()
    #: bookkeeping fields whose losing values merge as usual but are not logged
    #: as conflicts (a rep has nothing to restore in an ``updated_at``)
    quiet: frozenset[str] = frozenset()

    @property
    def required(self) -> frozenset[str]:
        """Fields an insert must carry."""
        return frozenset(f.name for f in self.fields.values() if not f.nullable)


def _field_type(col: Column[Any]) -> str:
    t = col.type
    if isinstance(t, UTCDateTime):
        return "datetime"
    if isinstance(t, Boolean):
        return "bool"
    if isinstance(t, Integer):
        return "int"
    if isinstance(t, JSON):
        return "json"
    if isinstance(t, String | Text):
        return "str"
    raise TypeError(f"column {col} has a type sync does not know: {t!r}")


def _spec(
    model: type[Base], kind: Kind, rank: int, mutable_after_insert: frozenset[str] = frozenset()
) -> EntitySpec:
    table = model.__table__
    assert isinstance(table, Table)
    fields: dict[str, FieldSpec] = {}
    if kind is not Kind.TAGS:
        for col in table.columns:
            if col.name in LOCAL_COLUMNS:
                continue
            length = getattr(col.type, "length", None)
            fields[col.name] = FieldSpec(
                col.name, _field_type(col), bool(col.nullable), length
            )
    unknown = mutable_after_insert - set(fields)
    if unknown:
        raise TypeError(f"{table.name} has no field(s) {sorted(unknown)} to change after insert")
    quiet = QUIET_FIELDS & set(fields)
    return EntitySpec(table.name, kind, rank, table, fields, mutable_after_insert, quiet)


#: Message fields a rep may still change after insert: splitting a message off
#: or moving it to another conversation (services/mail/manage.py) rewrites its
#: conversation and the threading note in ``meta``. The rest never changes (an
#: edit is a new note).
MESSAGE_MUTABLE = frozenset({"conversation_id", "meta"})
#: ...and erasing a customer (services/erase.py) empties what they wrote.
MESSAGE_ERASABLE = frozenset({"subject", "body_text", "body_html", "author_name", "raw_sha256"})

#: Tables that stay on the device that has them: IMAP fetch state, the
#: Message-ID and ticket indexes (kept by triggers from synced rows), the mail
#: send queue (the device that queued a mail sends it; the ``email_out``
#: message itself syncs), per-device image permissions, and sync's own
#: bookkeeping. Listed so a test can check that every table is accounted for.
LOCAL_TABLES = frozenset({
    "mail_folder_state", "mail_message_ids", "mail_ticket_refs", "mail_outgoing",
    "mail_remote_image_senders", "sync_state", "sync_conflicts", "sync_peer",
    "sync_blob_queue", "outbox", "meta", "alembic_version",
    "compose_drafts",
    "mail_oauth", "mail_prefs", "mail_uids",
})


#: Fields that decide where a mailbox's password is sent. Only a team owner may
#: set them (the server refuses an agent's insert, delete or change of these), and
#: each device asks for the password again when they change (services/mail/passwords).
OWNER_ONLY_FIELDS: dict[str, frozenset[str]] = {
    "mailboxes": frozenset({
        "username", "imap_host", "imap_port", "imap_security", "smtp_host", "smtp_port",
        "smtp_security", "ca_file", "address",
    }),
}


def owner_only_reason(entity_name: str, op: str, fields: dict[str, Any]) -> str | None:
    """Why only an owner may push this mutation, or None when anyone may."""
    guarded = OWNER_ONLY_FIELDS.get(entity_name)
    if guarded is None:
        return None
    if op in ("insert", "delete") or guarded & set(fields):
        return ("only an owner may add or remove a mailbox or change its servers, "
                "user name, address or certificate file")
    return None


@cache
def registry() -> dict[str, EntitySpec]:
    """Every synced entity by table name, parents first."""
    specs = [
        _spec(Agent, Kind.MUTABLE, 0),
        _spec(Customer, Kind.MUTABLE, 1),
        _spec(Identity, Kind.MUTABLE, 2),
        _spec(Conversation, Kind.MUTABLE, 3),
        _spec(ConversationTag, Kind.TAGS, 4),
        # Messages, calls and notes are one table; only a split or move changes
        # one after insert.
        _spec(Message, Kind.APPEND_ONLY, 5, MESSAGE_MUTABLE | MESSAGE_ERASABLE),
        _spec(Attachment, Kind.APPEND_ONLY, 6),
        _spec(Activity, Kind.APPEND_ONLY, 7),
        # Mailbox settings (never a password: those are in the keyring).
        _spec(Mailbox, Kind.MUTABLE, 8),
        # Workflow: SLA, escalation, on-call, canned answers, time, contracts.
        # Time entries, canned-answer uses and contract usage are never changed
        # after insert (services/workflow only adds them), so balances and
        # counts add up across devices.
        *(_spec(model, Kind(kind), rank) for model, kind, rank in WORKFLOW_SPECS),
        # The team's language and phone country.
        *(_spec(model, Kind(kind), rank) for model, kind, rank in LOCALE_SPECS),
        # Rules, their firings, and pages (issue 16).
        *(_spec(model, Kind(kind), rank) for model, kind, rank in RULES_SPECS),
        # Knowledge base and mentions (issue 18).
        *(_spec(model, Kind(kind), rank) for model, kind, rank in KB_SPECS),
        _spec(HourlyRate, Kind.MUTABLE, 12),
        # Last of all, so a device applies it after what the erasure changed.
        _spec(Erasure, Kind.APPEND_ONLY, 90),
    ]
    return {s.name: s for s in sorted(specs, key=lambda s: s.rank)}


def entity(name: str) -> EntitySpec:
    """The spec of a synced table.

    Raises:
        KeyError: the table does not sync.
    """
    return registry()[name]


def schema_version() -> str:
    """A short digest of every entity and field; it changes when the schema does."""
    parts = []
    for spec in registry().values():
        cols = ",".join(f"{f.name}:{f.type}:{int(f.nullable)}" for f in spec.fields.values())
        parts.append(f"{spec.name}/{spec.kind}/{cols}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


class InvalidMutationError(ValueError):
    """A mutation that can never be applied (unknown field, wrong type, bad stamp)."""


def check_value(spec: FieldSpec, value: Any) -> None:
    """Check a field value's JSON type.

    Raises:
        InvalidMutationError: the value does not fit the column.
    """
    if value is None:
        if not spec.nullable:
            raise InvalidMutationError(f"{spec.name} cannot be null")
        return
    ok: bool
    if spec.type == "str":
        ok = isinstance(value, str) and (spec.max_length is None or len(value) <= spec.max_length)
    elif spec.type == "int":
        ok = isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**62
    elif spec.type == "bool":
        ok = isinstance(value, bool)
    elif spec.type == "datetime":
        ok = isinstance(value, str) and _aware_iso(value)
    else:
        ok = isinstance(value, dict | list)
    if not ok:
        raise InvalidMutationError(f"{spec.name} has a value of the wrong type or length")


def _aware_iso(text: str) -> bool:
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return False
    return parsed.tzinfo is not None


def validate(entity_name: str, entity_id: str, op: str, fields: dict[str, Any], stamp: str) -> None:
    """Check that a mutation is well formed for its entity.

    Raises:
        InvalidMutationError: with the reason, for the device that sent it.
    """
    if not STAMP_RE.match(stamp):
        raise InvalidMutationError("malformed clock stamp")
    if not ID_RE.match(entity_id):
        raise InvalidMutationError("malformed entity id")
    if op not in OPS:
        raise InvalidMutationError(f"unknown op {op!r}")
    try:
        spec = entity(entity_name)
    except KeyError:
        raise InvalidMutationError(f"{entity_name!r} does not sync") from None
    if spec.kind is Kind.TAGS:
        if op not in ("tag_add", "tag_remove") or set(fields) != {"tag"}:
            raise InvalidMutationError("tags take tag_add or tag_remove with one tag")
        tag = fields["tag"]
        if not isinstance(tag, str) or not 0 < len(tag) <= MAX_TAG:
            raise InvalidMutationError("a tag is 1 to 80 characters")
        return
    if op in ("tag_add", "tag_remove"):
        raise InvalidMutationError(f"{entity_name} has no tags")
    if op == "delete":
        return
    for name, value in fields.items():
        fspec = spec.fields.get(name)
        if fspec is None:
            raise InvalidMutationError(f"{entity_name} has no field {name!r}")
        check_value(fspec, value)
    if op == "insert":
        missing = spec.required - set(fields)
        if missing:
            raise InvalidMutationError(f"insert lacks {', '.join(sorted(missing))}")
        if fields.get("id", entity_id) != entity_id:
            raise InvalidMutationError("the id in the fields differs from the entity id")
    elif op == "update":
        if "id" in fields:
            raise InvalidMutationError("an update cannot change the id")
        if spec.kind is Kind.APPEND_ONLY:
            frozen = set(fields) - spec.mutable_after_insert
            if entity_name == "messages":  # erasable fields may only be emptied
                frozen |= {f for f in MESSAGE_ERASABLE & set(fields) if fields[f] not in ("", None)}
            if frozen:
                raise InvalidMutationError(
                    f"{entity_name} cannot change after insert ({', '.join(sorted(frozen))})"
                )
