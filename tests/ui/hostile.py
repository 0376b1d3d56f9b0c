"""Hostile text for the UI: what a customer's mail or a teammate's synced row may carry.

``load_hostile(store)`` writes it into every field the window shows: subject, customer
name and organisation, tags, canned-answer title, agent names, an escalation and a note.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from supportdesk.models import Agent, Channel, Customer, Message, MessageKind, new_id
from supportdesk.services import actions
from supportdesk.services.workflow import canned, escalation
from supportdesk.store import Store, UnitOfWork

#: made Qt allocate until std::bad_alloc when a label rendered it as rich text
DEV_ZERO = '<img src="/dev/zero">'
#: the same element pointing nowhere: a regression in the test process fails an
#: assertion instead of taking the whole run down (the crash has its own child-process test)
MISSING_IMAGE = '<img src="/nonexistent/supportdesk-13.png">'
HEADLINE = '<h1 style="color:red">URGENT</h1>'
TABLE = "<table>" + "<tr><td>cell</td><td>cell</td></tr>" * 400 + "</table>"
NESTED = "<b><i><u>" * 300 + "deep" + "</u></i></b>" * 300
RTL = "\u202etxt.exe\u202c invoice"

#: text that is markup only if Qt renders it; any of these raw in a rich widget is a bug
MARKERS = ("<img", "<h1", "<table", "<b><i>")


def hostile(tag: str, image: str = MISSING_IMAGE) -> str:
    """One field's hostile value (all the attacks at once, labelled for the failure message)."""
    return f"{tag} {image} {HEADLINE} {RTL} {NESTED[:120]}"


@dataclass
class Hostile:
    """Ids of what ``load_hostile`` wrote."""

    me: str
    other: str
    customer: str
    conversation: str


def load_hostile(store: Store, image: str = MISSING_IMAGE) -> Hostile:
    """Write a conversation whose every shown field is hostile; sign in as an agent."""
    ids = Hostile(new_id(), new_id(), new_id(), "")
    created = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)

    def work(uow: UnitOfWork) -> str:
        uow.add(Agent(id=ids.me, name=hostile("me", image), email=None, role="owner", active=True,
                      created_at=created))
        uow.add(Agent(id=ids.other, name=hostile("agent", image) + TABLE[:300], email=None,
                      role="expert", active=True, created_at=created))
        uow.add(Customer(id=ids.customer, name=hostile("customer", image) + TABLE,
                         organization=hostile("org", image) + NESTED, language="en",
                         created_at=created))
        conv = actions.create_conversation(
            uow, channel=Channel.EMAIL, customer_id=ids.customer,
            subject=hostile("subject", image) + TABLE, created_at=created)
        msg = Message(id=new_id(), conversation_id=conv.id, kind=MessageKind.EMAIL_IN,
                      created_at=created, author_agent_id=None, author_customer_id=ids.customer,
                      author_name=hostile("author", image), subject=hostile("msg-subject", image),
                      body_text=hostile("body", image), meta={})
        uow.add(msg)
        actions.touch(uow, conv, msg)
        actions.assign(uow, conv.id, ids.other)
        # a synced tag arrives as it was typed elsewhere (no normalising on this device)
        uow.add_tag(conv.id, hostile("tag", image))
        actions.add_tag(uow, conv.id, image)
        actions.add_note(uow, conv.id, hostile("note", image), hostile("note-author", image))
        canned.save_canned(uow, title=hostile("canned", image)[:190],
                           body=hostile("canned-body", image), shortcut="x")
        escalation.escalate(uow, conv.id, reason=hostile("why", image),
                            tried=hostile("tried", image), to_agent_id=ids.other,
                            to_tier=hostile("tier", image)[:60], now=created)
        return conv.id

    ids.conversation = store.write(work)
    store.set_agent(ids.me)
    return ids
