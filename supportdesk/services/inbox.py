"""Reading the inbox: views with counts, conversation pages, one conversation in full.

Everything here returns plain dataclasses; the UI never sees SQL or ORM rows.
Lists are read a page at a time by keyset (``last_activity_at``, ``id``), so a
view of 100,000 conversations costs what a page of them costs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, literal, select, tuple_
from sqlalchemy.orm import Session, aliased

from supportdesk.models import (
    Activity,
    Agent,
    Attachment,
    Channel,
    Conversation,
    ConversationTag,
    Customer,
    Identity,
    Message,
    OutboxEntry,
    Status,
    ticket_ref,
    utcnow,
)
from supportdesk.models.workflow import SlaTracking
from supportdesk.services.workflow.due import due_view_conditions, due_view_count

PAGE_SIZE = 200


@dataclass(frozen=True)
class ViewKey:
    """Which conversations a list shows.

    ``kind`` is one of ``my_open``, ``unassigned``, ``all_open``, ``pending``,
    ``solved``, ``channel`` (``arg`` = channel), ``tag`` (``arg`` = tag) or
    ``customer`` (``arg`` = customer id: all of a customer's conversations).
    """

    kind: str
    arg: str = ""


MY_OPEN = ViewKey("my_open")
UNASSIGNED = ViewKey("unassigned")
ALL_OPEN = ViewKey("all_open")
PENDING = ViewKey("pending")
SOLVED = ViewKey("solved")
DUE_SOON = ViewKey("due_soon")
OVERDUE = ViewKey("overdue")


@dataclass(frozen=True)
class ViewCount:
    """A view in the sidebar with how many conversations it holds."""

    key: ViewKey
    count: int


@dataclass(frozen=True)
class InboxRow:
    """One line of the conversation list."""

    id: str
    ticket: str
    customer_name: str
    subject: str
    channel: str
    priority: str
    status: str
    assignee_name: str
    last_activity_at: datetime
    unread: bool
    message_count: int

    @property
    def sort_key(self) -> tuple[datetime, str]:
        """Where the row sorts: newest activity first, id breaking ties."""
        return (self.last_activity_at, self.id)


def _view_filter(view: ViewKey, me: str | None) -> list[ColumnElement[bool]]:
    c = Conversation
    if view.kind == "my_open":
        return [c.assignee_id == (me or ""), c.status == Status.OPEN]
    if view.kind == "unassigned":
        return [c.assignee_id.is_(None), c.status == Status.OPEN]
    if view.kind == "all_open":
        return [c.status == Status.OPEN]
    if view.kind == "pending":
        return [c.status == Status.PENDING]
    if view.kind == "solved":
        return [c.status == Status.SOLVED]
    if view.kind == "channel":
        return [c.channel == view.arg, c.status == Status.OPEN]
    if view.kind == "tag":
        # EXISTS lets SQLite walk open conversations in activity order and stop
        # after a page, instead of collecting every tagged conversation first.
        tagged = (
            select(ConversationTag.conversation_id)
            .where(ConversationTag.conversation_id == c.id, ConversationTag.tag == view.arg)
            .exists()
        )
        return [c.status == Status.OPEN, tagged]
    if view.kind == "customer":  # the customer and everyone merged into them
        from supportdesk.services.customer_merge import group_select

        return [c.customer_id.in_(group_select(view.arg))]
    if view.kind in (DUE_SOON.kind, OVERDUE.kind):
        return due_view_conditions(view.kind, utcnow())
    if view.kind == "none":
        return [c.id.is_(None)]
    raise ValueError(f"unknown view {view.kind!r}")


def _row_select() -> Select[Any]:
    assignee = aliased(Agent)
    return (
        select(
            Conversation.id,
            Customer.name,
            Conversation.subject,
            Conversation.snippet,
            Conversation.channel,
            Conversation.priority,
            Conversation.status,
            assignee.name,
            Conversation.last_activity_at,
            Conversation.unread,
            Conversation.message_count,
        )
        .select_from(Conversation)
        .outerjoin(Customer, Customer.id == Conversation.customer_id)
        .outerjoin(assignee, assignee.id == Conversation.assignee_id)
    )


def _to_row(r: Any) -> InboxRow:
    return InboxRow(
        id=r[0],
        ticket=ticket_ref(r[0]),
        customer_name=r[1] or "",
        subject=r[2] or r[3] or "",
        channel=r[4],
        priority=r[5],
        status=r[6],
        assignee_name=r[7] or "",
        last_activity_at=r[8],
        unread=bool(r[9]),
        message_count=r[10],
    )


def page(
    session: Session,
    view: ViewKey,
    me: str | None,
    after: tuple[datetime, str] | None = None,
    limit: int = PAGE_SIZE,
) -> list[InboxRow]:
    """The next page of a view, newest activity first, after a row's sort key."""
    conds = _view_filter(view, me)
    if after is not None:
        key = tuple_(literal(after[0], Conversation.last_activity_at.type), literal(after[1]))
        conds.append(tuple_(Conversation.last_activity_at, Conversation.id) < key)
    stmt = (
        _row_select()
        .where(and_(*conds))
        .order_by(Conversation.last_activity_at.desc(), Conversation.id.desc())
        .limit(limit)
    )
    return [_to_row(r) for r in session.execute(stmt)]


def rows_by_id(session: Session, ids: Sequence[str]) -> dict[str, InboxRow]:
    """Rows for given conversations, whatever view they are in."""
    out: dict[str, InboxRow] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        for r in session.execute(_row_select().where(Conversation.id.in_(chunk))):
            row = _to_row(r)
            out[row.id] = row
    return out


def matching(session: Session, view: ViewKey, me: str | None, ids: Sequence[str]) -> set[str]:
    """Which of these conversations belong in the view now."""
    if not ids:
        return set()
    stmt = select(Conversation.id).where(and_(*_view_filter(view, me)), Conversation.id.in_(ids))
    return set(session.scalars(stmt))


#: tables whose rows belong to one conversation and change what its list row shows
CONVERSATION_PARTS = ("messages", "activities", "sla_tracking")


def conversations_of(session: Session, entity: str, ids: set[str]) -> set[str]:
    """The conversations that changed messages, activities or SLA tracking belong to."""
    table: type[Message] | type[Activity] | type[SlaTracking] = (
        Message if entity == "messages" else SlaTracking if entity == "sla_tracking"
        else Activity
    )
    found: set[str] = set()
    chunk = sorted(ids)
    for start in range(0, len(chunk), 500):
        found.update(
            session.scalars(
                select(table.conversation_id).where(table.id.in_(chunk[start : start + 500]))
            )
        )
    return found


@dataclass(frozen=True)
class OutsideChanges:
    """What the outbox says changed after a point: rows by table, and the new point."""

    seq: int
    ids: dict[str, set[str]]
    #: more entries than were read: show the change with one reload
    overflow: bool = False


def outbox_mark(session: Session) -> int:
    """The newest outbox entry's number (0 when empty): where ``changes_since`` starts."""
    return int(session.scalar(select(func.max(OutboxEntry.seq))) or 0)


def changes_since(session: Session, seq: int, limit: int = 2000) -> OutsideChanges:
    """Rows changed by writes committed after outbox entry ``seq``, whoever wrote them.

    Every synced write leaves an outbox entry in its own transaction, so another
    process (the CLI, a second store on the same file) is seen here even though its
    commits are never announced to this store. Tag changes count as changes of their
    conversation.
    """
    rows = session.execute(
        select(OutboxEntry.seq, OutboxEntry.entity, OutboxEntry.entity_id)
        .where(OutboxEntry.seq > seq)
        .order_by(OutboxEntry.seq)
        .limit(limit + 1)
    ).all()
    ids: dict[str, set[str]] = {}
    for _seq, entity, entity_id in rows[:limit]:
        ids.setdefault("conversations" if entity == "conversation_tags" else entity,
                       set()).add(entity_id)
    if len(rows) > limit:
        return OutsideChanges(outbox_mark(session), ids, overflow=True)
    return OutsideChanges(rows[-1][0] if rows else seq, ids)


def count(session: Session, view: ViewKey, me: str | None) -> int:
    """How many conversations a view holds."""
    if view.kind in (DUE_SOON.kind, OVERDUE.kind):
        return due_view_count(session, view.kind, utcnow())
    stmt = select(func.count()).select_from(Conversation).where(and_(*_view_filter(view, me)))
    return int(session.scalar(stmt) or 0)


def sidebar(session: Session, me: str | None) -> list[ViewCount]:
    """Every view the sidebar shows, with its live count."""
    views = [MY_OPEN, UNASSIGNED, ALL_OPEN, DUE_SOON, OVERDUE, PENDING, SOLVED]
    views += [ViewKey("channel", ch.value) for ch in Channel]
    out = [ViewCount(v, count(session, v, me)) for v in views]
    tag_counts = session.execute(
        select(ConversationTag.tag, func.count())
        .join(Conversation, Conversation.id == ConversationTag.conversation_id)
        .where(Conversation.status == Status.OPEN)
        .group_by(ConversationTag.tag)
        .order_by(ConversationTag.tag)
    )
    out += [ViewCount(ViewKey("tag", tag), int(n)) for tag, n in tag_counts]
    return out


# -- one conversation -------------------------------------------------------------------


@dataclass(frozen=True)
class AttachmentInfo:
    """A file on a timeline entry."""

    id: str
    filename: str
    mime_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class TimelineEntry:
    """One entry in a conversation's timeline."""

    id: str
    kind: str
    created_at: datetime
    author_name: str
    is_agent: bool
    subject: str
    body_text: str
    meta: dict[str, Any]
    attachments: tuple[AttachmentInfo, ...] = ()


@dataclass(frozen=True)
class ActivityEntry:
    """One change in a conversation's history."""

    created_at: datetime
    agent_name: str
    kind: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class CustomerInfo:
    """The customer panel beside a conversation."""

    id: str
    name: str
    organization: str
    language: str
    notes: str
    identities: tuple[tuple[str, str], ...]
    history: tuple[InboxRow, ...]


@dataclass(frozen=True)
class ConversationDetail:
    """Everything the conversation pane shows."""

    row: InboxRow
    assignee_id: str | None
    customer: CustomerInfo | None
    tags: tuple[str, ...]
    entries: tuple[TimelineEntry, ...]
    earlier_entries: int
    activity: tuple[ActivityEntry, ...] = field(default=())


TIMELINE_LIMIT = 300


def conversation(session: Session, conversation_id: str) -> ConversationDetail | None:
    """One conversation with its timeline (the latest entries), customer and history."""
    row = rows_by_id(session, [conversation_id]).get(conversation_id)
    if row is None:
        return None
    conv = session.scalars(select(Conversation).where(Conversation.id == conversation_id)).one()
    tags = tuple(
        session.scalars(
            select(ConversationTag.tag)
            .where(ConversationTag.conversation_id == conversation_id)
            .order_by(ConversationTag.tag)
        )
    )
    total = int(
        session.scalar(
            select(func.count()).select_from(Message).where(
                Message.conversation_id == conversation_id
            )
        )
        or 0
    )
    messages = list(
        session.scalars(
            select(Message)
            .where(Message.conversation_id == conversation_id)
            .order_by(Message.created_at.desc(), Message.n.desc())
            .limit(TIMELINE_LIMIT)
        )
    )
    messages.reverse()
    files: dict[str, list[AttachmentInfo]] = {}
    if messages:
        for a in session.scalars(
            select(Attachment).where(Attachment.message_id.in_([m.id for m in messages]))
        ):
            files.setdefault(a.message_id, []).append(
                AttachmentInfo(a.id, a.filename, a.mime_type, a.size, a.sha256)
            )
    entries = tuple(
        TimelineEntry(
            id=m.id,
            kind=m.kind,
            created_at=m.created_at,
            author_name=m.author_name,
            is_agent=m.author_agent_id is not None,
            subject=m.subject,
            body_text=m.body_text,
            meta=dict(m.meta or {}),
            attachments=tuple(files.get(m.id, ())),
        )
        for m in messages
    )
    agent = aliased(Agent)
    activity = tuple(
        ActivityEntry(a.created_at, name or "", a.kind, dict(a.detail or {}))
        for a, name in session.execute(
            select(Activity, agent.name)
            .outerjoin(agent, agent.id == Activity.agent_id)
            .where(Activity.conversation_id == conversation_id)
            .order_by(Activity.created_at)
        )
    )
    customer = customer_info(session, conv.customer_id) if conv.customer_id else None
    return ConversationDetail(
        row=row,
        assignee_id=conv.assignee_id,
        customer=customer,
        tags=tags,
        entries=entries,
        earlier_entries=max(0, total - len(entries)),
        activity=activity,
    )


def customer_info(session: Session, customer_id: str, history_limit: int = 20) -> CustomerInfo:
    """A customer with identities and recent conversations (of everyone merged into them)."""
    from supportdesk.services.customer_merge import group

    ids = group(session, customer_id)
    customer_id = ids[0]
    cust = session.scalars(select(Customer).where(Customer.id == customer_id)).one()
    identities = tuple(
        (i.kind, i.display)
        for i in session.scalars(
            select(Identity).where(Identity.customer_id.in_(ids))
            .order_by(Identity.kind, Identity.display)
        )
    )
    history = tuple(page(session, ViewKey("customer", customer_id), None, limit=history_limit))
    return CustomerInfo(
        id=cust.id,
        name=cust.name,
        organization=cust.organization or "",
        language=cust.language or "",
        notes=cust.notes or "",
        identities=identities,
        history=history,
    )


@dataclass(frozen=True)
class AgentInfo:
    """A team member, for assignment menus."""

    id: str
    name: str


def agents(session: Session) -> list[AgentInfo]:
    """The active team, by name."""
    return [
        AgentInfo(a.id, a.name)
        for a in session.scalars(select(Agent).where(Agent.active.is_(True)).order_by(Agent.name))
    ]


def all_tags(session: Session) -> list[str]:
    """Every tag in use, for completion."""
    stmt = select(ConversationTag.tag).distinct().order_by(ConversationTag.tag)
    return list(session.scalars(stmt))
