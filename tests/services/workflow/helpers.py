"""A small team and its conversations for workflow tests, written through the unit of work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from supportdesk.models import (
    Agent,
    Channel,
    Customer,
    Message,
    MessageKind,
    new_id,
)
from supportdesk.services import actions
from supportdesk.services.workflow import team
from supportdesk.store import Store, UnitOfWork

LONDON = ZoneInfo("Europe/London")


def at(day: int, hour: int, minute: int = 0, month: int = 11, tz: ZoneInfo = LONDON) -> datetime:
    """A time in November 2026 (Mon 16, Tue 17, Wed 18, Thu 19, Fri 20, Sat 21, Sun 22, Mon 23)."""
    return datetime(2026, month, day, hour, minute, tzinfo=tz)


@dataclass
class Team:
    """Ids of the test team."""

    me: str
    expert: str
    night: str
    customer: str
    ru_customer: str


def make_team(store: Store, *, tz: str = "Europe/London", store_settings: bool = True) -> Team:
    """Three agents (me signed in), two customers, the team's calendar in ``tz``."""
    ids = Team(new_id(), new_id(), new_id(), new_id(), new_id())

    def work(uow: UnitOfWork) -> None:
        created = at(1, 9)
        for agent_id, name, role in ((ids.me, "Alex Morgan", "owner"),
                                     (ids.expert, "Дмитрий Соколов", "expert"),
                                     (ids.night, "Priya Raman", "agent")):
            uow.add(Agent(id=agent_id, name=name, email=None, role=role, active=True,
                          created_at=created))
        uow.add(Customer(id=ids.customer, name="Olivia Smith", organization="Northwind Traders",
                         language="en", created_at=created))
        uow.add(Customer(id=ids.ru_customer, name="Анна Иванова", organization=None,
                         language="ru", created_at=created))
        if store_settings:
            team.save_team(uow, timezone=tz, week_text="mon-fri 09:00-17:00",
                           team_name="Acme Support")

    store.write(work)
    store.set_agent(ids.me)
    return ids


def new_conversation(
    store: Store, customer_id: str | None, created: datetime, subject: str = "Printer offline",
    *, priority: str = "normal",
) -> str:
    """A conversation with no messages yet."""

    def work(uow: UnitOfWork) -> str:
        conv = actions.create_conversation(uow, channel=Channel.EMAIL, customer_id=customer_id,
                                           subject=subject, created_at=created)
        if priority != "normal":
            uow.update(conv, priority=priority)
        return conv.id

    return store.write(work)


def add_message(
    uow: UnitOfWork, conversation_id: str, when: datetime, *, customer_id: str | None = None,
    agent_id: str | None = None, kind: str | None = None, meta: dict[str, Any] | None = None,
    text: str = "hello",
) -> Message:
    """Write one message the way the channels do (row, then the conversation's summary)."""
    conv = actions._conversation(uow, conversation_id)
    kind = kind or (MessageKind.EMAIL_IN if customer_id else MessageKind.EMAIL_OUT)
    msg = Message(id=new_id(), conversation_id=conversation_id, kind=kind, created_at=when,
                  author_agent_id=agent_id, author_customer_id=customer_id,
                  author_name="x", subject="", body_text=text, meta=meta or {})
    uow.add(msg)
    actions.touch(uow, conv, msg)
    return msg
