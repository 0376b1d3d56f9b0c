"""Write incoming mail as rows: skip what is known, thread it, match the customer, file it.

The lower half of ingestion (``services.mail.ingest`` is the entry point):
auto-acknowledgement and the outgoing side build on this module, and it
imports neither, so the three do not import each other in a circle.

Two steps, so the costly part runs outside the store's single writer:

1. ``prepare`` (any thread): parse the raw bytes, derive the message's row id
   from its mailbox and Message-ID, and write the raw message and its
   attachments to the blob store.
2. ``write_prepared`` (on the writer, in one unit of work): skip messages
   already stored, choose each one's conversation with ``thread_message``
   over the database (``BatchLookup``), find or create the customer by the
   sender's address and the conversation by its id, then bulk-insert the
   rows through ``uow.add_rows`` (each with its outbox entry). Conversations
   that already existed get their summary updated once per batch, by the
   same rules as ``actions.touch``.

Ids are deterministic (message: mailbox + Message-ID; conversation: the
thread's root Message-ID; customer and identity: the address), so two
devices that ingest the same mail converge on the same rows. A
conversation's subject, customer and start come from its earliest message,
so they do not depend on the order mail arrives in either.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from supportdesk.channels.email.headers import shown
from supportdesk.channels.email.ids import conversation_id_for_root, message_row_id
from supportdesk.channels.email.parse import ParsedEmail, parse_message
from supportdesk.channels.email.threads import (
    DEFAULT_WINDOW_DAYS,
    ThreadDecision,
    normalise_subject,
    strip_subject_prefixes,
    thread_message,
)
from supportdesk.models import (
    Attachment,
    Channel,
    Conversation,
    Customer,
    Identity,
    IdentityKind,
    Mailbox,
    MailMessageId,
    MailTicketRef,
    Message,
    MessageKind,
    Priority,
    Status,
    derived_id,
    ticket_ref,
    utcnow,
)
from supportdesk.services.actions import snippet_of
from supportdesk.services.customers import find_customer_id, normalize_email
from supportdesk.services.mail.blobs import BlobBatch
from supportdesk.services.rules.headers import read_headers
from supportdesk.store import UnitOfWork
from supportdesk.store.blobs import BlobStore

#: The mailbox key of mail imported from files (fetched mail uses the mailbox address).
MAILBOX_IMPORT = "import"
DEFAULT_BATCH = 200

# Column sizes (sync refuses longer values).
MAX_SUBJECT = 500
MAX_NAME = 300
MAX_ADDRESS = 320
MAX_MIME = 120
MAX_CONTENT_ID = 300

OutcomeStatus = Literal["added", "duplicate"]
#: Called after a batch is written: (unit of work, [(conversation id, its first mail)], now).
AfterBatch = Callable[[UnitOfWork, "list[tuple[str, PreparedMail]]", "datetime | None"], None]
_SENDER = func.json_extract(Message.meta, "$.from.address")
_CONTENT = func.json_extract(Message.meta, "$.content")


@dataclass(frozen=True, slots=True)
class StoredFile:
    """An attachment already written to the blob store."""

    filename: str
    mime_type: str
    size: int
    sha256: str
    content_id: str | None
    inline: bool


@dataclass(frozen=True, slots=True)
class PreparedMail:
    """A parsed message whose raw bytes and files are already in the blob store."""

    row_id: str
    mailbox_key: str
    parsed: ParsedEmail
    raw_sha256: str
    files: tuple[StoredFile, ...]
    source: str = ""
    #: ``content_hash`` of subject, text and files
    content: str = ""
    #: (lower-case name, value) of the headers, for the rules (issue 16)
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What happened to one message."""

    row_id: str
    status: OutcomeStatus
    conversation_id: str
    rule: str
    source: str = ""
    #: how many notes about damage the message carries
    problems: int = 0


def mailbox_key_for(address: str) -> str:
    """The mailbox part of ingested message ids: the mailbox's address, normalised."""
    return normalize_email(address)


def prepare(
    raw: bytes,
    *,
    mailbox_key: str,
    blobs: BlobBatch,
    fallback_date: datetime | None = None,
    source: str = "",
) -> PreparedMail:
    """Parse ``raw`` and put it and its attachments in the blob store (any thread).

    The files become durable at ``blobs.sync()``, which must run before the
    rows that name them are committed.
    """
    parsed = parse_message(raw, fallback_date=fallback_date)
    files = tuple(
        StoredFile(
            filename=a.filename,
            mime_type=a.mime_type[:MAX_MIME],
            size=a.size,
            sha256=blobs.put(a.data),
            content_id=a.content_id[:MAX_CONTENT_ID] if a.content_id else None,
            inline=a.inline,
        )
        for a in parsed.attachments
    )
    return PreparedMail(
        row_id=message_row_id(mailbox_key, parsed.message_id),
        mailbox_key=mailbox_key,
        parsed=dataclasses.replace(parsed, attachments=()),
        raw_sha256=blobs.put(raw),
        files=files,
        source=source,
        content=content_hash(
            _cut(parsed.subject, MAX_SUBJECT), parsed.text, (f.sha256 for f in files)
        ),
        headers=read_headers(raw),
    )


def own_addresses(session: Session) -> frozenset[str]:
    """The addresses of this device's mailboxes (mail from them is ours)."""
    return frozenset(normalize_email(a) for a in session.scalars(select(Mailbox.address)))


def catch_up_ticket_refs(session: Session) -> None:
    """Index the ticket references of conversations that appeared since the last call."""
    top = session.scalar(select(func.max(MailTicketRef.conversation_n))) or 0
    rows = session.execute(
        select(Conversation.n, Conversation.id).where(Conversation.n >= top)
    ).all()
    if rows:
        session.execute(
            insert(MailTicketRef).prefix_with("OR IGNORE"),
            [{"ticket": ticket_ref(cid), "conversation_id": cid, "conversation_n": n}
             for n, cid in rows],
        )  # fmt: skip


Fingerprint = tuple[str, datetime, str]


def content_hash(subject: str, text: str, file_hashes: Iterable[str]) -> str:
    """A short hash of what a reader sees of a mail: subject, text and files."""
    digest = hashlib.sha256(f"{subject}\x00{text}".encode("utf-8", "surrogatepass"))
    for sha in sorted(file_hashes):
        digest.update(sha.encode("ascii"))
    return digest.hexdigest()[:20]


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _fingerprint(address: str, at: datetime, content: str) -> Fingerprint:
    """What tells two copies of one mail from two mails that share a Message-ID.

    Sender, date (to the second) and ``content_hash``: the same mail fetched
    twice (other Received lines, CRLF or LF) matches.
    """
    return address, at.replace(microsecond=0), content


def _person(name: str, address: str) -> dict[str, str]:
    return {"name": name, "address": address}


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class _Conv:
    """A conversation as this batch sees it (stored values plus this batch's mail)."""

    id: str
    customer_id: str | None
    subject: str
    status: str
    unread: bool
    message_count: int
    created_at: datetime
    last_activity_at: datetime
    snippet: str
    obj: Conversation | None  # None: created in this batch
    changed: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, obj: Conversation) -> _Conv:
        return cls(
            obj.id, obj.customer_id, obj.subject, obj.status, obj.unread, obj.message_count,
            obj.created_at, obj.last_activity_at, obj.snippet, obj,
        )  # fmt: skip

    def set(self, name: str, value: Any) -> None:
        if getattr(self, name) != value:
            setattr(self, name, value)
            self.changed.add(name)

    def row(self) -> dict[str, Any]:
        return {
            "id": self.id, "subject": self.subject, "customer_id": self.customer_id,
            "channel": Channel.EMAIL.value, "status": self.status,
            "priority": Priority.NORMAL.value, "assignee_id": None, "unread": self.unread,
            "snippet": self.snippet, "message_count": self.message_count,
            "created_at": self.created_at, "last_activity_at": self.last_activity_at,
        }  # fmt: skip


class BatchLookup:
    """``ThreadLookup`` over the database plus the messages of the batch being written."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.convs: dict[str, _Conv] = {}
        self._absent: set[str] = set()
        self.message_ids: dict[str, str] = {}  # this batch: Message-ID -> conversation
        self.customers: dict[str, str | None] = {}
        self.existing_customer_ids: set[str] = set()
        self.new_customers: set[str] = set()
        self.prefetched_addresses: set[str] = set()
        self._tickets_ready = False
        self._stored_ids: dict[str, str] = {}  # prefetched Message-ID -> conversation
        self._asked_ids: set[str] = set()
        self._open_known: set[str] = set()  # customers whose open conversations are loaded

    def prefetch(self, mails: Sequence[PreparedMail], window_days: int) -> None:
        """Read, in a few queries, what threading this batch will ask about.

        Without it every message costs several small queries on the writer.
        """
        session = self.session
        referenced: set[str] = set()
        wanted: set[str] = set()
        addresses: set[str] = set()
        for m in mails:
            p = m.parsed
            refs = list(p.references) + ([p.in_reply_to] if p.in_reply_to else [])
            referenced.update(refs)
            wanted.add(conversation_id_for_root(p.message_id))
            if refs:
                wanted.add(conversation_id_for_root(refs[0]))
            addresses.add(p.from_addr)
            addresses.update(a for _, a in (*p.to[:3], *p.cc[:3]))
        addresses.discard("")
        for chunk in _chunks(sorted(referenced)):
            rows = session.execute(
                select(MailMessageId.message_id, MailMessageId.conversation_id)
                .where(MailMessageId.message_id.in_(chunk))
                .order_by(MailMessageId.message_row_id)
            )
            for mid, cid in rows:
                self._stored_ids.setdefault(mid, cid)
        self._asked_ids |= referenced
        wanted |= set(self._stored_ids.values())
        self._load_conversations(wanted - set(self.convs))
        self._load_customers(addresses - set(self.customers))
        senders = {
            self.customers.get(m.parsed.from_addr)
            for m in mails
            if not m.parsed.references and not m.parsed.in_reply_to
        }
        senders.discard(None)
        if senders:
            since = min(m.parsed.date for m in mails) - timedelta(days=window_days)
            ids = sorted(c for c in senders if c is not None)
            for chunk in _chunks(ids):
                for obj in session.scalars(
                    select(Conversation).where(
                        Conversation.customer_id.in_(chunk),
                        Conversation.status == Status.OPEN,
                        Conversation.last_activity_at >= since,
                    )
                ):
                    if obj.id not in self.convs:
                        self._remember(obj)
            self._open_known |= set(ids)

    def _load_conversations(self, ids: set[str]) -> None:
        found: set[str] = set()
        for chunk in _chunks(sorted(ids)):
            for obj in self.session.scalars(
                select(Conversation).where(Conversation.id.in_(chunk))
            ):
                found.add(obj.id)
                self._remember(obj)
        self._absent |= ids - found

    def _load_customers(self, addresses: set[str]) -> None:
        session = self.session
        direct: dict[str, str] = {}
        for chunk in _chunks(sorted(addresses)):
            rows = session.execute(
                select(Identity.value, Identity.customer_id).where(
                    Identity.kind == IdentityKind.EMAIL, Identity.value.in_(chunk)
                )
            )
            direct.update((value, customer) for value, customer in rows)
        merged: dict[str, str] = {}
        for chunk in _chunks(sorted(set(direct.values()))):
            rows = session.execute(
                select(Customer.id, Customer.merged_into_id).where(
                    Customer.id.in_(chunk), Customer.merged_into_id.is_not(None)
                )
            )
            merged.update((cid, into) for cid, into in rows if into is not None)
        self.prefetched_addresses |= addresses
        for address in addresses:
            customer_id = direct.get(address)
            if customer_id is not None and customer_id in merged:
                customer_id = find_customer_id(session, IdentityKind.EMAIL, address)
            self.customers[address] = customer_id
        derived = {
            derived_id("customer", IdentityKind.EMAIL.value, a): a
            for a in addresses
            if direct.get(a) is None
        }
        for chunk in _chunks(sorted(derived)):
            self.existing_customer_ids.update(
                session.scalars(select(Customer.id).where(Customer.id.in_(chunk)))
            )

    # -- ThreadLookup ------------------------------------------------------------

    def conversation_for_message_ids(self, message_ids: Sequence[str]) -> tuple[str, str] | None:
        """The conversation of the first stored Message-ID, in the given order."""
        stored: dict[str, str] = self._stored_ids
        wanted = [
            m for m in message_ids if m not in self.message_ids and m not in self._asked_ids
        ]
        if wanted:
            stored = dict(stored)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = self.session.execute(
                select(MailMessageId.message_id, MailMessageId.conversation_id)
                .where(MailMessageId.message_id.in_(chunk))
                .order_by(MailMessageId.message_row_id)
            )
            for mid, cid in rows:
                stored.setdefault(mid, cid)
        for mid in message_ids:
            found = self.message_ids.get(mid) or stored.get(mid)
            if found is not None:
                return found, mid
        return None

    def conversation_for_ticket_tag(self, tag: str) -> str | None:
        """A conversation whose ticket reference is ``tag``."""
        for conv in self.convs.values():
            if conv.obj is None and ticket_ref(conv.id) == tag:
                return conv.id
        if not self._tickets_ready:
            catch_up_ticket_refs(self.session)
            self._tickets_ready = True
        return self.session.scalar(
            select(MailTicketRef.conversation_id)
            .where(MailTicketRef.ticket == tag)
            .order_by(MailTicketRef.conversation_n)
            .limit(1)
        )

    def open_conversation_for_sender(
        self, sender: str, normalised_subject: str, since: datetime
    ) -> str | None:
        """The most recently active open conversation of this sender with this subject."""
        customer_id = self.customer_of(sender)
        if customer_id is None:
            return None
        candidates = {
            c.id: c for c in self.convs.values() if c.customer_id == customer_id
        }
        fresh = customer_id in self._open_known or customer_id in self.new_customers
        for obj in () if fresh else self.session.scalars(
            select(Conversation)
            .where(
                Conversation.customer_id == customer_id,
                Conversation.status == Status.OPEN,
                Conversation.last_activity_at >= since,
            )
            .order_by(Conversation.last_activity_at.desc())
            .limit(50)
        ):
            candidates.setdefault(obj.id, self.convs.get(obj.id) or self._remember(obj))
        matches = [
            (conv.last_activity_at, conv.id)
            for conv in candidates.values()
            if conv.status == Status.OPEN
            and conv.last_activity_at >= since
            and normalise_subject(conv.subject) == normalised_subject
        ]
        return max(matches)[1] if matches else None

    # -- helpers -------------------------------------------------------------------

    def customer_of(self, address: str) -> str | None:
        """The customer known by this address (cached for the batch)."""
        if address not in self.customers:
            self.customers[address] = find_customer_id(
                self.session, IdentityKind.EMAIL, address
            )
        return self.customers[address]

    def _remember(self, obj: Conversation) -> _Conv:
        conv = _Conv.of(obj)
        self.convs[obj.id] = conv
        return conv

    def conversation(self, conversation_id: str) -> _Conv | None:
        """The conversation with this id, stored or made in this batch; None if unknown."""
        conv = self.convs.get(conversation_id)
        if conv is not None or conversation_id in self._absent:
            return conv
        obj = self.session.scalars(
            select(Conversation).where(Conversation.id == conversation_id)
        ).one_or_none()
        if obj is None:
            self._absent.add(conversation_id)
            return None
        return self._remember(obj)

    def add_conversation(self, conv: _Conv) -> None:
        """Note a conversation created by this batch."""
        self._absent.discard(conv.id)
        self.convs[conv.id] = conv


class _Writer:
    """Turns a batch of prepared mail into rows."""

    def __init__(
        self,
        uow: UnitOfWork,
        window_days: int,
        dedupe_message_ids: bool,
        after_batch: AfterBatch | None = None,
        now: datetime | None = None,
        blobs: BlobStore | None = None,
    ) -> None:
        self.uow = uow
        self.after_batch = after_batch
        self.now = now
        #: where an automatic reply a rule sends keeps its raw mail (None: rules send none)
        self.blobs = blobs
        #: conversations this batch created from a customer's mail (for auto-ack)
        self.created: dict[str, PreparedMail] = {}
        self.session = uow.session
        self.window_days = window_days
        self.dedupe_message_ids = dedupe_message_ids
        self.lookup = BatchLookup(self.session)
        self.own = own_addresses(self.session)
        self.customers: list[dict[str, Any]] = []
        self.identities: list[dict[str, Any]] = []
        self.messages: list[dict[str, Any]] = []
        self.files: list[dict[str, Any]] = []
        self.seen_rows: dict[str, Fingerprint] = {}
        self.seen_ids: set[tuple[str, Fingerprint]] = set()
        #: new customer mail and its conversation, for the rules
        self.inbound: list[tuple[PreparedMail, str]] = []

    def run(self, mails: Sequence[PreparedMail]) -> list[IngestOutcome]:
        self.lookup.prefetch(mails, self.window_days)
        stored = self._stored_rows([m.row_id for m in mails])
        known = self._known_message_ids(mails) if self.dedupe_message_ids else set()
        outcomes: list[IngestOutcome] = []
        for mail in mails:
            p = mail.parsed
            mark = _fingerprint(p.from_addr, p.date, mail.content)
            same = (p.message_id, mark)
            have = stored.get(mail.row_id) or self.seen_rows.get(mail.row_id)
            if have is not None and have != mark:
                # Another message already uses this Message-ID: keep this one too,
                # under an id made from the Message-ID, sender and date.
                alternate = message_row_id(
                    mail.mailbox_key, f"{p.message_id}#{mark[0]}#{mark[1].isoformat()}#{mark[2]}"
                )
                have = self.seen_rows.get(alternate) or self._stored_rows([alternate]).get(
                    alternate
                )
                note = (
                    f"another message already uses the Message-ID <{shown(p.message_id)}>; "
                    "this one was kept separately"
                )
                mail = dataclasses.replace(
                    mail,
                    row_id=alternate,
                    parsed=dataclasses.replace(p, problems=(*p.problems, note)),
                )
            if have is not None or same in known or (
                self.dedupe_message_ids and same in self.seen_ids
            ):
                outcomes.append(IngestOutcome(mail.row_id, "duplicate", "", "", mail.source))
                continue
            self.seen_rows[mail.row_id] = mark
            self.seen_ids.add(same)
            outcomes.append(self._add(mail))
        self._write()
        # Rules triage each new customer message in this same unit of work (issue 16).
        from supportdesk.services.rules.run import inbound_from_prepared, run_inbound

        run_inbound(self.uow, inbound_from_prepared(self.inbound), self.now, blobs=self.blobs)
        if self.after_batch is not None and self.created:
            self.after_batch(self.uow, list(self.created.items()), self.now)
        return outcomes

    def _stored_rows(self, row_ids: list[str]) -> dict[str, Fingerprint]:
        """Fingerprints of the rows among these ids that are already stored."""
        found: dict[str, Fingerprint] = {}
        for start in range(0, len(row_ids), 500):
            chunk = row_ids[start : start + 500]
            for row_id, address, at, content in self.session.execute(
                select(Message.id, _SENDER, Message.created_at, _CONTENT)
                .where(Message.id.in_(chunk))
            ):
                found[row_id] = _fingerprint(address or "", at, content or "")
        return found

    def _known_message_ids(self, mails: Sequence[PreparedMail]) -> set[tuple[str, Fingerprint]]:
        """(Message-ID, fingerprint) of batch mail already stored under another mailbox."""
        ids = list({m.parsed.message_id for m in mails})
        found: set[tuple[str, Fingerprint]] = set()
        for start in range(0, len(ids), 500):
            rows = self.session.execute(
                select(MailMessageId.message_id, _SENDER, Message.created_at, _CONTENT)
                .join(Message, Message.id == MailMessageId.message_row_id)
                .where(MailMessageId.message_id.in_(ids[start : start + 500]))
            )
            found.update(
                (mid, _fingerprint(addr or "", at, content or ""))
                for mid, addr, at, content in rows
            )
        return found

    def _customer(self, name: str, address: str, first_seen: datetime) -> str | None:
        """Find or create the customer with this address (deterministic ids)."""
        if not address or len(address) > MAX_ADDRESS or address in self.own:
            return None
        known = self.lookup.customer_of(address)
        if known is not None:
            return known
        customer_id = derived_id("customer", IdentityKind.EMAIL.value, address)
        if customer_id in self.lookup.existing_customer_ids:
            exists = True
        elif address in self.lookup.prefetched_addresses:
            exists = False
        else:
            exists = bool(
                self.session.scalar(select(Customer.id).where(Customer.id == customer_id))
            )
        if not exists:
            self.customers.append({
                "id": customer_id, "name": _cut(name or address, MAX_NAME),
                "organization": None, "language": None, "notes": None,
                "merged_into_id": None, "created_at": first_seen,
            })  # fmt: skip
        self.identities.append({
            "id": derived_id("identity", IdentityKind.EMAIL.value, address),
            "customer_id": customer_id, "kind": IdentityKind.EMAIL.value, "value": address,
            "display": address, "search_key": address,
        })  # fmt: skip
        self.lookup.customers[address] = customer_id
        self.lookup.new_customers.add(customer_id)
        return customer_id

    def _thread(self, p: ParsedEmail) -> ThreadDecision:
        """``thread_message``, except that a thread's root joins its replies when they are here.

        Replies that arrived first made the conversation named after this
        message (rule 3); the root belongs there whatever else rule 4 finds.
        """
        if not p.references and not p.in_reply_to:
            root_conversation = conversation_id_for_root(p.message_id)
            if self.lookup.conversation(root_conversation) is not None:
                return ThreadDecision(
                    root_conversation, "references", "replies to this message are already here"
                )
        return thread_message(p, self.lookup, window_days=self.window_days)

    def _add(self, mail: PreparedMail) -> IngestOutcome:
        p = mail.parsed
        outgoing = bool(p.from_addr) and p.from_addr in self.own
        if outgoing:
            others = [(n, a) for n, a in (*p.to, *p.cc) if a not in self.own]
            customer_id = self._customer(*others[0], p.date) if others else None
            author_customer_id = None
        else:
            customer_id = self._customer(p.from_name, p.from_addr, p.date)
            author_customer_id = customer_id
        decision = self._thread(p)
        conv = self.lookup.conversation(decision.conversation_id)
        subject = _cut(strip_subject_prefixes(p.subject), MAX_SUBJECT)
        if conv is None:
            conv = _Conv(decision.conversation_id, customer_id, subject, Status.OPEN, False,
                         0, p.date, p.date, "", None)  # fmt: skip
            self.lookup.add_conversation(conv)
            if author_customer_id is not None:
                self.created[conv.id] = mail
        elif p.date < conv.created_at or (
            p.date == conv.created_at and conv.message_count and subject < conv.subject
        ):
            # The earliest message names the conversation, whatever the order of arrival.
            conv.set("created_at", p.date)
            conv.set("subject", subject)
            if customer_id is not None:
                conv.set("customer_id", customer_id)
        # actions.touch's rules, applied to the batch's view of the conversation.
        conv.set("message_count", conv.message_count + 1)
        if p.date >= conv.last_activity_at or conv.message_count == 1:
            conv.set("last_activity_at", p.date)
            conv.set("snippet", snippet_of(p.text))
        if author_customer_id is not None:
            conv.set("unread", True)
            if conv.status in (Status.SOLVED, Status.PENDING) and not p.is_auto:
                conv.set("status", Status.OPEN)
        meta: dict[str, Any] = {
            "message_id": p.message_id,
            "in_reply_to": p.in_reply_to,
            "references": list(p.references),
            "from": _person(p.from_name, p.from_addr),
            "to": [_person(n, a) for n, a in p.to],
            "cc": [_person(n, a) for n, a in p.cc],
            "reply_to": [_person(n, a) for n, a in p.reply_to],
            "mailbox": mail.mailbox_key,
            "thread_rule": decision.rule,
            "thread_detail": decision.detail,
            "problems": list(p.problems),
            "is_auto": p.is_auto,
            "auto_reason": p.auto_reason,
            "content": mail.content,
        }
        if p.language:
            meta["language"] = p.language
        if outgoing:
            meta["outgoing"] = True
        self.messages.append({
            "id": mail.row_id, "conversation_id": conv.id,
            "kind": (MessageKind.EMAIL_OUT if outgoing else MessageKind.EMAIL_IN).value,
            "created_at": p.date, "author_agent_id": None,
            "author_customer_id": author_customer_id,
            "author_name": _cut(p.from_name or p.from_addr, MAX_NAME),
            "subject": _cut(p.subject, MAX_SUBJECT), "body_text": p.text, "body_html": p.html,
            "meta": meta, "raw_sha256": mail.raw_sha256,
        })  # fmt: skip
        for index, f in enumerate(mail.files):
            self.files.append({
                "id": derived_id("attachment", mail.row_id, str(index)),
                "message_id": mail.row_id, "filename": f.filename, "mime_type": f.mime_type,
                "size": f.size, "sha256": f.sha256, "content_id": f.content_id,
                "inline": f.inline,
            })  # fmt: skip
        self.lookup.message_ids.setdefault(p.message_id, conv.id)
        if author_customer_id is not None:
            self.inbound.append((mail, conv.id))
        return IngestOutcome(
            mail.row_id, "added", conv.id, decision.rule, mail.source, len(p.problems)
        )

    def _write(self) -> None:
        uow = self.uow
        uow.add_rows(Customer, self.customers)
        uow.add_rows(Identity, self.identities)
        new = [c for c in self.lookup.convs.values() if c.obj is None]
        uow.add_rows(Conversation, [c.row() for c in new])
        uow.add_rows(Message, self.messages)
        uow.add_rows(Attachment, self.files)
        for conv in self.lookup.convs.values():
            if conv.obj is not None and conv.changed:
                uow.update(conv.obj, **{name: getattr(conv, name) for name in conv.changed})


def write_prepared(
    uow: UnitOfWork,
    mails: Sequence[PreparedMail],
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    dedupe_message_ids: bool = True,
    after_batch: AfterBatch | None = None,
    now: datetime | None = None,
    blobs: BlobStore | None = None,
) -> list[IngestOutcome]:
    """Store a batch of prepared mail in this unit of work (run it on the writer).

    Args:
        mails: in the order they should be threaded (oldest first is best).
        window_days: the "same sender and subject" threading window.
        dedupe_message_ids: also skip a message whose Message-ID, sender and
            date are already stored from another mailbox or an import.
        after_batch: called in the same unit of work with the conversations
            this batch created from customers' mail (auto-acknowledgement).
        now: the time passed to `after_batch` (default: now).
        blobs: the blob store for automatic replies the rules send (None: none).
    """
    if not mails:
        return []
    return _Writer(uow, window_days, dedupe_message_ids, after_batch, now, blobs).run(mails)


def ensure_email_customer(uow: UnitOfWork, name: str, address: str) -> str | None:
    """The customer with this address, created (deterministic ids) when unknown.

    Returns None for an address that cannot be a customer (empty, too long).
    """
    address = normalize_email(address)
    if not address or len(address) > MAX_ADDRESS:
        return None
    writer = _Writer(uow, DEFAULT_WINDOW_DAYS, dedupe_message_ids=False)
    writer.own = frozenset()
    customer_id = writer._customer(name, address, utcnow())
    uow.add_rows(Customer, writer.customers)
    uow.add_rows(Identity, writer.identities)
    return customer_id
