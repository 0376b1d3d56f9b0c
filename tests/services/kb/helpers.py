"""A conversation with a question and an answer, for knowledge-base tests."""

from __future__ import annotations

from dataclasses import dataclass

from supportdesk.models import Agent, Channel, Customer, Message, MessageKind, new_id, utcnow
from supportdesk.services import actions
from supportdesk.store import Store, UnitOfWork


@dataclass
class Setup:
    """Ids of what ``make_conversation`` wrote."""

    agent: str
    other_agent: str
    customer: str
    conversation: str


def make_agents(uow: UnitOfWork, me: str, other: str) -> None:
    """Two agents: Alex Morgan (``me``) and Priya Raman (``other``)."""
    uow.add(Agent(id=me, name="Alex Morgan", email="alex@acme.test", role="owner"))
    uow.add(Agent(id=other, name="Priya Raman", email="priya@acme.test", role="agent"))


def make_conversation(store: Store, *, with_agents: bool = True,
                      ids: tuple[str, str] | None = None) -> Setup:
    """A customer asks how to reset a password; the team answers."""
    me, other = ids or (new_id(), new_id())
    setup = Setup(me, other, new_id(), new_id())

    def work(uow: UnitOfWork) -> None:
        if with_agents:
            make_agents(uow, me, other)
        uow.add(Customer(id=setup.customer, name="Olivia Smith", language="en"))
        actions.create_conversation(uow, channel=Channel.EMAIL, customer_id=setup.customer,
                                    subject="Re: Password reset link expired",
                                    conversation_id=setup.conversation)
        now = utcnow()
        uow.add(Message(id=new_id(), conversation_id=setup.conversation,
                        kind=MessageKind.EMAIL_IN, created_at=now,
                        author_customer_id=setup.customer, author_name="Olivia Smith",
                        subject="Password reset link expired",
                        body_text="Hi, the password reset link says it expired. "
                                  "Write to me at olivia@example.com or +44 20 7946 0958.\n"
                                  "> old quoted text",
                        meta={}))
        uow.add(Message(id=new_id(), conversation_id=setup.conversation,
                        kind=MessageKind.EMAIL_OUT, created_at=now, author_agent_id=me,
                        author_name="Alex Morgan", subject="Re: Password reset link expired",
                        body_text="Reset links last 30 minutes. Ask for a new one from the "
                                  "sign-in page and open it straight away.\n--\nAlex",
                        meta={}))

    store.write(work)
    store.set_agent(me)
    return setup
