"""Who is who in a chat: the team's side, customers matched or made, or not known yet.

Matching reads the store only; what must be created is returned as rows with
deterministic ids (derived from the identity), so two devices that import
the same export make the same customers, and a re-import finds them again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from supportdesk.channels.chat import ChatThread, Participant
from supportdesk.models import Agent, Customer, IdentityKind, derived_id, new_id, utcnow
from supportdesk.services.chat_import.summary import ImportOptions, PersonChoice, Side
from supportdesk.services.customers import (
    InvalidPhoneNumberError,
    find_customer_id,
    identity_search_key,
    normalize_email,
    normalize_phone,
)
from supportdesk.store.search import fts_query

#: The network part of chat identities (``whatsapp:Ana Souza``, ``slack:U024BE7LH``).
NETWORKS = {
    "whatsapp": "whatsapp", "telegram": "telegram", "slack": "slack", "discord": "discord",
    "discord_csv": "discord", "messenger": "messenger", "tawkto": "tawkto",
    "livechat": "livechat", "crisp": "crisp", "csv": "csv",
}  # fmt: skip

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_NAME_MATCH_SQL = text(
    "SELECT cu.id, cu.name FROM customers_fts JOIN customers cu ON cu.n = customers_fts.rowid "
    "WHERE customers_fts MATCH :q AND cu.merged_into_id IS NULL LIMIT 50"
)


def _norm(value: str) -> str:
    return " ".join(value.replace("\u00a0", " ").replace("\u202f", " ").split()).casefold()


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


class UsMatcher:
    """Recognises the participants the rep named as "us" (by name, key, handle or phone)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.given = [n for n in names if n.strip()]
        self._names = {_norm(n) for n in self.given}
        self._phones = {_digits(n) for n in self.given if len(_digits(n)) >= 6}

    def __bool__(self) -> bool:
        return bool(self.given)

    def matches(self, p: Participant) -> bool:
        """Whether this participant is one of the names given."""
        for value in (p.key, p.name, p.handle):
            if value and _norm(value) in self._names:
                return True
        return bool(p.phone and self._phones and _digits(p.phone) in self._phones)

    def unmatched(self, people: Iterable[Participant]) -> list[str]:
        """The given names that match nobody in the export."""
        everyone = list(people)
        return [
            n for n in self.given if not any(UsMatcher([n]).matches(p) for p in everyone)
        ]


def chat_sides(chat: ChatThread, options: ImportOptions, us: UsMatcher) -> dict[str, Side]:
    """Each participant's side in one chat.

    The rep's choice wins, then ``us``, then what the format says
    (``is_agent``). Once a chat has someone on our side (or the rep named
    anyone as us), everyone else in it is a customer; otherwise nobody can
    be told apart and all stay "unknown", kept as participants to sort out.
    """
    sides: dict[str, Side] = {}
    for p in chat.participants:
        choice = options.people.get(p.key)
        if choice is not None:
            sides[p.key] = choice.side
        elif us.matches(p) or p.is_agent is True:
            sides[p.key] = "agent"
        elif p.is_agent is False:
            sides[p.key] = "customer"
    known = bool(us) or any(side == "agent" for side in sides.values())
    for p in chat.participants:
        if p.key not in sides:
            sides[p.key] = "customer" if known else "unknown"
    return sides


def suggest_us(fmt: str, chat: ChatThread) -> set[str]:
    """Participant keys that are probably the team, for the dialog to pre-select.

    The format may say (Slack Connect, widgets). A WhatsApp chat between two
    people is exported as "WhatsApp Chat with <contact>" from the other
    person's phone, so the one who is not the contact is probably us.
    """
    agents = {p.key for p in chat.participants if p.is_agent is True}
    if agents:
        return agents
    if fmt == "whatsapp" and len(chat.participants) == 2:
        title = _norm(chat.title)
        named = [p for p in chat.participants if _norm(p.name) == title]
        if len(named) == 1:
            return {p.key for p in chat.participants if p is not named[0]}
    return set()


@dataclass
class PersonPlan:
    """What one participant resolves to, and the rows to create for that."""

    side: Side
    agent_id: str | None = None
    customer_id: str | None = None
    matched: str = ""
    customer_name: str = ""
    agent_row: dict[str, Any] | None = None
    customer_row: dict[str, Any] | None = None
    identity_rows: list[dict[str, Any]] = field(default_factory=list)


class PeopleResolver:
    """Finds (or plans) the agent or customer behind each participant; reads only."""

    def __init__(self, session: Session, fmt: str, default_region: str = "US") -> None:
        self.session = session
        self.network = NETWORKS.get(fmt, fmt)
        self.region = default_region
        self._agents: dict[str, tuple[str, str]] | None = None
        self._cache: dict[tuple[str, Side, PersonChoice | None], PersonPlan] = {}

    def plan(self, p: Participant, side: Side, choice: PersonChoice | None = None) -> PersonPlan:
        """The plan for a participant on a side (cached per participant)."""
        key = (p.key, side, choice)
        cached = self._cache.get(key)
        if cached is None:
            if side == "agent":
                cached = self._agent(p)
            elif side == "customer":
                cached = self._customer(p, choice)
            else:
                cached = PersonPlan("unknown")
            self._cache[key] = cached
        return cached

    # -- agents ---------------------------------------------------------------------

    def _agent(self, p: Participant) -> PersonPlan:
        if self._agents is None:
            self._agents = {
                _norm(name): (aid, name)
                for aid, name in self.session.execute(select(Agent.id, Agent.name))
            }
        name = p.name or p.key
        hit = self._agents.get(_norm(name))
        if hit is not None:
            return PersonPlan("agent", agent_id=hit[0], matched="agent")
        agent_id = derived_id("agent", "chat", _norm(name))
        row = {"id": agent_id, "name": name, "email": None, "role": "agent", "active": False,
               "created_at": utcnow()}  # fmt: skip
        self._agents[_norm(name)] = (agent_id, name)
        return PersonPlan("agent", agent_id=agent_id, matched="new agent", agent_row=row)

    # -- customers ------------------------------------------------------------------

    def identities_of(self, p: Participant) -> list[tuple[str, str, str]]:
        """(kind, normalised value, display) for each identity the participant shows."""
        out: list[tuple[str, str, str]] = []
        phone_value: str | None = None
        if p.phone:
            try:
                number = normalize_phone(p.phone, self.region)
            except InvalidPhoneNumberError:
                number = None
            if number is not None:
                phone_value = number.e164
                out.append((IdentityKind.PHONE.value, number.e164, number.display))
        if p.handle and _EMAIL.fullmatch(p.handle.strip()):
            out.append((IdentityKind.EMAIL.value, normalize_email(p.handle), p.handle.strip()))
        named_by_phone = phone_value is not None and _digits(p.key) == _digits(phone_value)
        if not named_by_phone:
            display = p.handle or p.name or p.key
            out.append((IdentityKind.CHAT.value, f"{self.network}:{p.key}", display))
        return out

    def _customer(self, p: Participant, choice: PersonChoice | None) -> PersonPlan:
        ids = self.identities_of(p)
        name = p.name or p.key
        if choice is not None and choice.customer_id is not None and self._exists(
            choice.customer_id
        ):
            return self._attach(PersonPlan("customer", customer_id=choice.customer_id,
                                           matched="chosen"), ids)  # fmt: skip
        if choice is None or not choice.new_customer:
            for kind, value, _ in ids:
                found = find_customer_id(self.session, kind, value)
                if found is not None:
                    how = "handle" if kind == IdentityKind.CHAT.value else kind
                    return self._attach(PersonPlan("customer", customer_id=found, matched=how), ids)
            by_name = self._by_name(name)
            if by_name is not None:
                plan = PersonPlan("customer", customer_id=by_name, matched="name")
                return self._attach(plan, ids)
        kind, value, _ = ids[0]
        customer_id = (
            new_id() if choice is not None and choice.new_customer
            else derived_id("customer", kind, value)
        )  # fmt: skip
        row = {"id": customer_id, "name": name, "organization": None, "language": None,
               "notes": None, "merged_into_id": None, "created_at": utcnow()}  # fmt: skip
        plan = PersonPlan("customer", customer_id=customer_id, matched="new", customer_row=row,
                          customer_name=name)  # fmt: skip
        return self._attach(plan, ids)

    def _attach(self, plan: PersonPlan, ids: list[tuple[str, str, str]]) -> PersonPlan:
        """Plan the identities the customer does not have yet (so re-imports match)."""
        assert plan.customer_id is not None
        if not plan.customer_name:
            plan.customer_name = (
                self.session.scalar(select(Customer.name).where(Customer.id == plan.customer_id))
                or ""
            )
        for kind, value, display in ids:
            if find_customer_id(self.session, kind, value) is not None:
                continue  # it is this customer's already, or someone else's
            plan.identity_rows.append(
                {
                    "id": derived_id("identity", kind, value),
                    "customer_id": plan.customer_id,
                    "kind": kind,
                    "value": value,
                    "display": display,
                    "search_key": identity_search_key(kind, value),
                }
            )
        return plan

    def _exists(self, customer_id: str) -> bool:
        found = self.session.scalar(select(Customer.id).where(Customer.id == customer_id))
        return found is not None

    def _by_name(self, name: str) -> str | None:
        """The one customer with exactly this name, if exactly one has it."""
        query = fts_query(name)
        if query is None:
            return None
        wanted = _norm(name)
        hits = {
            cid
            for cid, cname in self.session.execute(_NAME_MATCH_SQL, {"q": query})
            if _norm(cname) == wanted
        }
        return hits.pop() if len(hits) == 1 else None
