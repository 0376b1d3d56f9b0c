"""Two offline laptops that create the same customer or mailbox end up with one, after sync.

Both laptops sync through the real server app; the customers come from the
real service paths (a logged call, an ingested mail), the mailboxes from the
settings service.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from supportdesk.models import (
    Conversation,
    Customer,
    Identity,
    IdentityKind,
    Mailbox,
    SyncConflict,
    SyncState,
    new_id,
)
from supportdesk.services import actions
from supportdesk.services.customers import find_customer_id, normalize_phone
from supportdesk.services.mail.ingest import ingest_raw, mailbox_key_for
from supportdesk.services.mail.mailboxes import MailboxInfo, remove_mailbox, save_mailbox
from supportdesk.services.sync_conflicts import conflict_rows
from supportdesk.store import UnitOfWork
from supportdesk.sync.client import SyncClient
from tests.services.mail.helpers import mail

Rows = Callable[..., dict[tuple[str, str], dict[str, object]]]
MakeClient = Callable[..., SyncClient]


def call_from(client: SyncClient, number: str, name: str, minutes_ago: int) -> str:
    """Log an inbound call through the service; returns its conversation's id."""
    call = actions.CallLog(
        phone=normalize_phone(number), caller_name=name, direction="inbound",
        duration=timedelta(minutes=4), outcome="follow_up", notes=f"{name} called",
        started_at=datetime.now(UTC) - timedelta(minutes=minutes_ago),
    )  # fmt: skip
    entry = client.store.write(lambda uow: actions.log_call(uow, call, "Rep"))
    return entry.conversation_id


def hidden(client: SyncClient) -> list[tuple[str, str]]:
    """Entities this profile knows of but shows no row for."""
    with client.store.read() as session:
        return [
            (e, i) for e, i in session.execute(
                select(SyncState.entity, SyncState.entity_id).where(SyncState.hidden.is_not(None))
            )
        ]


def customers(client: SyncClient) -> list[tuple[str, str]]:
    with client.store.read() as session:
        return [(c.id, c.name) for c in session.scalars(select(Customer).order_by(Customer.id))]


def conflicts(client: SyncClient) -> list[SyncConflict]:
    with client.store.read() as session:
        return list(session.scalars(select(SyncConflict)))


def sync_all(*clients: SyncClient) -> None:
    """Two rounds, so every laptop has what every other pushed."""
    for _ in range(2):
        for c in clients:
            c.sync()


def test_a_caller_who_rings_both_laptops_offline_is_one_customer(
    make_client: MakeClient, local_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    a.sync()
    b.sync()
    first = call_from(a, "+44 20 7946 0958", "Alice Smith", minutes_ago=30)
    second = call_from(b, "+44 20 7946 0958", "Alice Smith", minutes_ago=5)
    sync_all(a, b)

    assert local_rows(a.store) == local_rows(b.store)
    for client in (a, b):
        [(customer_id, name)] = customers(client)
        assert name == "Alice Smith"
        with client.store.read() as session:
            owners = {str(i): c for i, c in session.execute(
                select(Conversation.id, Conversation.customer_id))}
            identity = session.scalars(select(Identity)).one()
            assert find_customer_id(session, IdentityKind.PHONE, "+442079460958") == customer_id
        assert owners == {first: customer_id, second: customer_id}
        assert identity.customer_id == customer_id and identity.display == "+44 20 7946 0958"
        assert hidden(client) == []
        # Both made the same rows with the same values: nothing was overwritten.
        assert [(c.entity, c.field) for c in conflicts(client)] == []


def test_mail_from_a_new_address_on_both_laptops_is_one_customer(
    make_client: MakeClient, local_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    key = mailbox_key_for("support@example.com")
    sender = "Ann Customer <Ann@Example.net>"
    out_a = ingest_raw(a.store, mail("Printer offline", sender=sender, message_id="p1@example.net"),
                       mailbox_key=key)
    out_b = ingest_raw(b.store, mail("Invoice question", sender=sender,
                                     message_id="q1@example.net"), mailbox_key=key)
    sync_all(a, b)

    assert local_rows(a.store) == local_rows(b.store)
    for client in (a, b):
        [(customer_id, _name)] = customers(client)
        with client.store.read() as session:
            owners = {session.scalar(select(Conversation.customer_id)
                                     .where(Conversation.id == cid))
                      for cid in (out_a.conversation_id, out_b.conversation_id)}
            assert find_customer_id(session, IdentityKind.EMAIL, "ann@example.net") == customer_id
        assert owners == {customer_id}
        assert hidden(client) == []


def test_a_caller_then_the_same_number_added_to_a_known_customer(
    make_client: MakeClient, local_rows: Rows,
) -> None:
    """One laptop meets a new caller; the other adds that number to a customer it knows.

    The identity is one row (its id comes from the number), so sync keeps one
    owner and logs the other instead of hiding a row.
    """
    from supportdesk.services.customers import add_identity, find_or_create_customer

    a, b = make_client("alice"), make_client("bob")
    b.store.write(lambda uow: find_or_create_customer(
        uow, IdentityKind.EMAIL, "bo@example.net", "bo@example.net", "Bo"))
    sync_all(a, b)
    call_from(a, "+3545551234", "Bo", minutes_ago=10)
    with b.store.read() as session:
        bo = find_customer_id(session, IdentityKind.EMAIL, "bo@example.net")
    assert bo is not None
    assert b.store.write(lambda uow: add_identity(
        uow, bo, IdentityKind.PHONE, "+3545551234", "+354 555 1234"))
    sync_all(a, b)

    assert local_rows(a.store) == local_rows(b.store)
    for client in (a, b):
        assert hidden(client) == []
        with client.store.read() as session:
            [phone] = session.scalars(select(Identity).where(Identity.kind == "phone"))
        assert phone.customer_id == bo  # bob's change was the later one
        assert [(c.entity, c.field) for c in conflicts(client)] == [("identities", "customer_id")]


# -- mailboxes ------------------------------------------------------------------------------


def mailbox(address: str = "Support@Acme.example", name: str = "Support") -> MailboxInfo:
    return MailboxInfo(
        id="", name=name, address=address, display_name="Acme Support", username="support",
        imap_host="imap.acme.example", imap_port=993, imap_security="tls",
        smtp_host="smtp.acme.example", smtp_port=587, smtp_security="starttls",
    )  # fmt: skip


def mailboxes(client: SyncClient) -> list[tuple[str, str, str]]:
    with client.store.read() as session:
        return [(m.id, m.address, m.name) for m in session.scalars(select(Mailbox))]


def test_a_mailbox_added_on_both_laptops_is_one_mailbox(
    make_client: MakeClient, local_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("alice")  # only owners add mailboxes
    id_a = a.store.write(lambda uow: save_mailbox(uow, mailbox(name="Support")))
    id_b = b.store.write(lambda uow: save_mailbox(uow, mailbox(name="Helpdesk")))
    assert id_a == id_b
    sync_all(a, b)
    assert local_rows(a.store) == local_rows(b.store)
    [(box_id, address, name)] = mailboxes(a)
    assert (box_id, address) == (id_a, "support@acme.example")
    assert name in ("Support", "Helpdesk")  # the later save wins
    [lost] = {json.loads(c.lost_value or "null") for c in conflicts(a) if c.field == "name"}
    assert {lost, name} == {"Support", "Helpdesk"}  # the other one is shown as lost
    for client in (a, b):
        assert mailboxes(client) == [(box_id, address, name)]
        assert hidden(client) == []


def test_a_mailbox_removed_and_added_again_comes_back_everywhere(
    make_client: MakeClient, local_rows: Rows,
) -> None:
    a, b = make_client("alice"), make_client("alice")  # only owners add mailboxes
    first = a.store.write(lambda uow: save_mailbox(uow, mailbox()))
    sync_all(a, b)
    a.store.write(lambda uow: remove_mailbox(uow, first))
    sync_all(a, b)
    assert mailboxes(a) == mailboxes(b) == []
    # Both laptops add it again before they sync: a new id, the same on both.
    again_a = a.store.write(lambda uow: save_mailbox(uow, mailbox(name="Support again")))
    again_b = b.store.write(lambda uow: save_mailbox(uow, mailbox(name="Support again")))
    assert again_a == again_b != first
    sync_all(a, b)
    assert local_rows(a.store) == local_rows(b.store)
    for client in (a, b):
        assert mailboxes(client) == [(again_a, "support@acme.example", "Support again")]
        assert hidden(client) == [("mailboxes", first)]  # the removed one's tombstone


# -- rows made before ids were derived --------------------------------------------------------


def old_style_customer(uow: UnitOfWork, name: str, address: str) -> str:
    """A customer and identity with random ids, as versions before derived ids made them."""
    customer = uow.add(Customer(id=new_id(), name=name))
    uow.add(Identity(id=new_id(), customer_id=customer.id, kind="email", value=address,
                     display=address, search_key=address))  # fmt: skip
    return customer.id


def test_old_profiles_with_the_same_customer_get_a_conflict_entry_in_words(
    make_client: MakeClient,
) -> None:
    a, b = make_client("alice"), make_client("bob")
    mine = a.store.write(lambda uow: old_style_customer(uow, "Alice", "alice@example.com"))
    theirs = b.store.write(lambda uow: old_style_customer(uow, "Alice B.", "alice@example.com"))
    sync_all(a, b)
    a.sync()  # a retry of the hidden row logs nothing new

    with a.store.read() as session:
        rows = conflict_rows(session, a.store.device_id)
    [row] = rows
    assert row.reason == "duplicate" and not row.restorable
    assert (row.entity, row.entity_id, row.record) == ("customers", theirs, "Alice B.")
    assert row.lost_value.startswith("alice@example.com: two customers have this address")
    assert row.lost_value.endswith("here it stays with Alice")
    assert row.won_value == "Alice has it"
    assert row.won_here and not row.lost_here
    # The other laptop says the same from its side.
    with b.store.read() as session:
        [other] = conflict_rows(session, b.store.device_id)
    assert (other.entity_id, other.record) == (mine, "Alice")
    assert other.won_value == "Alice B. has it"


def test_old_profiles_that_merged_the_two_customers_get_no_entry(
    make_client: MakeClient,
) -> None:
    from supportdesk.services.customers import merge_customers

    a, b = make_client("alice"), make_client("bob")
    mine = a.store.write(lambda uow: old_style_customer(uow, "Alice", "alice@example.com"))
    a.sync()
    theirs = b.store.write(lambda uow: old_style_customer(uow, "Alice", "alice@example.com"))
    b.sync()
    # Before a sees the clash, b merges its customer into a's.
    b.store.write(lambda uow: merge_customers(uow, mine, theirs))
    sync_all(b, a)
    assert conflicts(a) == []


def test_old_profiles_with_the_same_mailbox_get_a_conflict_entry(
    make_client: MakeClient,
) -> None:
    def old_style(uow: UnitOfWork, name: str) -> str:
        box = uow.add(Mailbox(id=new_id(), name=name, address="support@acme.example",
                              username="support", imap_host="imap.acme.example",
                              smtp_host="smtp.acme.example"))  # fmt: skip
        return box.id

    a, b = make_client("alice"), make_client("alice")  # only owners add mailboxes
    a.store.write(lambda uow: old_style(uow, "Support"))
    theirs = b.store.write(lambda uow: old_style(uow, "Helpdesk"))
    sync_all(a, b)
    [entry] = conflicts(a)
    assert (entry.entity, entry.entity_id, entry.reason) == ("mailboxes", theirs, "duplicate")
    lost = entry.lost_value or ""
    assert "support@acme.example" in lost and "Helpdesk" in lost
    assert "Support" in (entry.won_value or "")
    with a.store.read() as session:  # the conflict view names it, though it is hidden here
        [row] = conflict_rows(session, a.store.device_id)
    assert row.record == "Helpdesk <support@acme.example>"
