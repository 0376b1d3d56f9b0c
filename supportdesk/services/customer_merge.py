"""One customer across all their addresses: merge, unmerge, duplicate suggestions.

A merge moves nothing: the merged customer points at the kept one
(``merged_into_id``), so its identities, conversations and contracts stay
where they were and an unmerge (clearing the pointer) restores both exactly.
Everything a rep sees of a customer is of their *group*: the root (the
customer nobody else's pointer leads past) and every customer whose pointers
lead to it.

Merges sync as one field each. Two devices that merge the same pair in
opposite directions make a cycle (X → Y and Y → X); every reader treats the
member of a cycle with the smallest id as the root, so both devices show the
same one customer at once, and ``repair_cycles`` (run after merges and after
pulls) writes that choice down, the same on every device.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from supportdesk.models import Conversation, Customer, Identity, IdentityKind
from supportdesk.store import ChangeSet, Store, UnitOfWork


class MergeError(ValueError):
    """A merge or unmerge that cannot be done; the message says why."""


def _pointer(session: Session, customer_id: str) -> tuple[bool, str | None]:
    row = session.execute(
        select(Customer.merged_into_id).where(Customer.id == customer_id)).first()
    return (row is not None, row[0] if row is not None else None)


def root(session: Session, customer_id: str) -> str:
    """The customer ``customer_id`` stands for now (following merges).

    In a cycle (opposite merges from two devices) the member with the smallest id.
    """
    path: list[str] = []
    seen: set[str] = set()
    current = customer_id
    while current not in seen:
        seen.add(current)
        path.append(current)
        exists, nxt = _pointer(session, current)
        if not exists or nxt is None:
            return current if exists or current == customer_id else path[-2]
        current = nxt
    cycle = path[path.index(current):]
    return min(cycle)


def group(session: Session, customer_id: str) -> list[str]:
    """Every customer of the group ``customer_id`` belongs to, the root first."""
    top = root(session, customer_id)
    members = [top]
    seen = {top}
    frontier = [top]
    while frontier:
        nxt = [cid for cid in session.scalars(
            select(Customer.id).where(Customer.merged_into_id.in_(frontier))) if cid not in seen]
        seen.update(nxt)
        members.extend(sorted(nxt))
        frontier = nxt
    return members


def group_conversations(session: Session, customer_id: str) -> Select[tuple[str]]:
    """The ids of every conversation of a customer's group (a query)."""
    return select(Conversation.id).where(
        Conversation.customer_id.in_(group(session, customer_id)))


def merge(uow: UnitOfWork, keep_id: str, merge_ids: Iterable[str]) -> list[str]:
    """Merge customers into ``keep_id`` (into its root, when it was merged itself).

    Returns:
        The ids that now point at the kept customer.

    Raises:
        MergeError: an unknown customer, or nothing to merge.
    """
    session = uow.session
    keep = root(session, keep_id)
    done: list[str] = []
    for mid in merge_ids:
        target = root(session, mid)
        if target == keep:
            continue
        row = session.scalars(select(Customer).where(Customer.id == target)).first()
        if row is None:
            raise MergeError("That customer no longer exists; it may have been erased.")
        uow.update(row, merged_into_id=keep)
        done.append(target)
    if not done:
        raise MergeError("These are one customer already.")
    return done


def unmerge(uow: UnitOfWork, customer_id: str) -> str:
    """Undo the merge of ``customer_id`` (with the customers merged into it).

    Returns:
        The customer it had been merged into.

    Raises:
        MergeError: the customer was not merged into anyone.
    """
    row = uow.session.scalars(select(Customer).where(Customer.id == customer_id)).first()
    if row is None or row.merged_into_id is None:
        raise MergeError("This customer is not merged into another.")
    was = row.merged_into_id
    uow.update(row, merged_into_id=None)
    return was


def repair_cycles(uow: UnitOfWork) -> list[str]:
    """Break merge cycles the way every reader does (the smallest id becomes the root).

    Every device that repairs writes the same value, so they agree.

    Returns:
        The customers whose pointer was cleared.
    """
    session = uow.session
    edges = dict(session.execute(
        select(Customer.id, Customer.merged_into_id)
        .where(Customer.merged_into_id.is_not(None))).tuples().all())
    fixed: list[str] = []
    done: set[str] = set()
    for start in sorted(edges):
        path: list[str] = []
        on_path: set[str] = set()
        current: str | None = start
        while current is not None and current in edges and current not in done \
                and current not in on_path:
            path.append(current)
            on_path.add(current)
            current = edges[current]
        if current is not None and current in on_path:
            cycle = path[path.index(current):]
            top = min(cycle)
            row = session.scalars(select(Customer).where(Customer.id == top)).one()
            uow.update(row, merged_into_id=None)
            fixed.append(top)
        done.update(path)
    return fixed


@dataclass(frozen=True)
class Member:
    """A customer of a group, for the panel and the Unmerge menu."""

    id: str
    name: str
    organization: str
    merged_into_id: str | None


def members(session: Session, customer_id: str) -> list[Member]:
    """The customers of a group, the root first."""
    ids = group(session, customer_id)
    rows = {c.id: c for c in session.scalars(select(Customer).where(Customer.id.in_(ids)))}
    return [Member(i, rows[i].name, rows[i].organization or "", rows[i].merged_into_id)
            for i in ids if i in rows]


# -- duplicates ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Suggestion:
    """Two customers that are probably one person, and why."""

    a: str
    b: str
    a_name: str
    b_name: str
    reason: str  # phone | email | name | chat-phone
    detail: str


#: digits compared to call two numbers the same (national vs international forms)
PHONE_TAIL = 9


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _email_key(value: str) -> str:
    local, _at, domain = value.strip().lower().partition("@")
    return f"{local.split('+', 1)[0]}@{domain}"


def _name_key(text: str | None) -> str:
    folded = unicodedata.normalize("NFKD", (text or "").casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(folded.split())


def suggestions(session: Session, limit: int = 100) -> list[Suggestion]:
    """Likely duplicates among customers not merged yet: same phone, same e-mail
    (ignoring case and ``+tags``), same name and organisation, or a chat handle
    whose digits are a customer's phone number."""
    roots = dict(session.execute(
        select(Customer.id, Customer.name).where(Customer.merged_into_id.is_(None))
    ).tuples().all())
    pointers = dict(session.execute(
        select(Customer.id, Customer.merged_into_id)
        .where(Customer.merged_into_id.is_not(None))).tuples().all())

    def top(cid: str) -> str:
        path: list[str] = []
        current = cid
        while current in pointers and current not in path:
            path.append(current)
            current = pointers[current] or current
        if current in path:
            return min(path[path.index(current):])
        return current if current in roots or not path else path[-1]

    buckets: dict[tuple[str, str], set[str]] = defaultdict(set)
    for cid, kind, value in session.execute(
        select(Identity.customer_id, Identity.kind, Identity.value)
        .where(or_(Identity.kind == IdentityKind.PHONE, Identity.kind == IdentityKind.EMAIL,
                   Identity.kind == IdentityKind.CHAT))
    ).tuples():
        owner = top(cid)
        if kind == IdentityKind.EMAIL:
            buckets[("email", _email_key(value))].add(owner)
            continue
        digits = _digits(value.rsplit(":", 1)[-1] if kind == IdentityKind.CHAT else value)
        if len(digits) >= 7:
            tag = "phone" if kind == IdentityKind.PHONE else "chat"
            buckets[(f"tail-{tag}", digits[-PHONE_TAIL:])].add(owner)
    for cid, name, org in session.execute(
            select(Customer.id, Customer.name, Customer.organization)
            .where(Customer.merged_into_id.is_(None))).tuples():
        if _name_key(org) and _name_key(name):
            buckets[("name", f"{_name_key(name)}|{_name_key(org)}")].add(cid)
    found: dict[tuple[str, str], Suggestion] = {}
    phones = {k[1]: v for k, v in buckets.items() if k[0] == "tail-phone"}
    for (what, key), owners in sorted(buckets.items()):
        pool = set(owners)
        reason = {"email": "email", "name": "name", "tail-phone": "phone"}.get(what, "chat-phone")
        if what == "tail-chat":
            pool |= phones.get(key, set())
        ids = sorted(o for o in pool if o in roots)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                if (a, b) not in found:
                    found[(a, b)] = Suggestion(a, b, roots[a], roots[b], reason, key)
    return sorted(found.values(), key=lambda s: (s.a_name.casefold(), s.b_name.casefold()))[
        :limit]


def find_customers(session: Session, text: str, limit: int = 50) -> list[Member]:
    """Customers (roots) whose name, organisation or identity holds ``text``."""
    q = text.strip()
    if not q:
        return []
    pattern = f"%{q.lower()}%"
    by_identity = select(Identity.customer_id).where(Identity.search_key.like(pattern))
    rows = session.scalars(
        select(Customer).where(
            or_(Customer.name.ilike(f"%{q}%"), Customer.organization.ilike(f"%{q}%"),
                Customer.id.in_(by_identity)))
        .order_by(Customer.name).limit(limit * 2)
    ).all()
    out: dict[str, Member] = {}
    for c in rows:
        top = root(session, c.id)
        if top not in out:
            r = session.scalars(select(Customer).where(Customer.id == top)).one()
            out[top] = Member(r.id, r.name, r.organization or "", None)
    return list(out.values())[:limit]


def group_select(root_id: str) -> Select[tuple[str]]:
    """A query for the ids of ``root_id`` and every customer merged into it (at any depth)."""
    anchor = select(Customer.id).where(Customer.id == root_id).cte("merge_group", recursive=True)
    below = select(Customer.id).where(Customer.merged_into_id == anchor.c.id)
    tree = anchor.union(below)
    return select(tree.c.id)


def watch(store: Store) -> Callable[[], None]:
    """Repair merge cycles after pulls bring them (returns an unsubscribe).

    Runs on the writer thread after each commit that touched customers from
    elsewhere; the repair itself is queued as one more write.
    """

    def has_cycle(session: Session) -> bool:
        edges = dict(session.execute(
            select(Customer.id, Customer.merged_into_id)
            .where(Customer.merged_into_id.is_not(None))).tuples().all())
        for start in edges:
            seen: set[str] = set()
            current: str | None = start
            while current is not None and current in edges:
                if current in seen:
                    return True
                seen.add(current)
                current = edges[current]
        return False

    def listener(changes: ChangeSet) -> None:
        if changes.origin == "local" or not changes.ids.get("customers"):
            return
        with store.read() as session:
            if not has_cycle(session):
                return
        store.submit(repair_cycles)

    return store.on_change(listener)
