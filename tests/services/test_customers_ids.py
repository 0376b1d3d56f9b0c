"""New customers, identities and mailboxes get ids derived from what names them.

Two profiles that never talked make the same ids for the same caller or
address (so sync merges them), and an id a deleted row had is never reused.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from supportdesk.models import Customer, Identity, IdentityKind, Mailbox, SyncState, new_id
from supportdesk.services.customers import (
    add_identity,
    find_customer_id,
    find_or_create_customer,
    merge_customers,
)
from supportdesk.services.mail.ingest import ingest_raw, mailbox_key_for
from supportdesk.services.mail.mailboxes import (
    MailboxInfo,
    get_mailbox,
    remove_mailbox,
    save_mailbox,
)
from supportdesk.store import Store, UnitOfWork
from tests.services.mail.helpers import mail


@pytest.fixture
def make_store(tmp_path: Path) -> Iterator[Callable[[], Store]]:
    stores: list[Store] = []

    def make() -> Store:
        s = Store.open(tmp_path / f"profile{len(stores)}")
        stores.append(s)
        return s

    yield make
    for s in stores:
        s.close()


def ids_of(store: Store, kind: str, value: str) -> tuple[str, str]:
    """(customer id, identity id) of an identity."""
    with store.read() as session:
        row = session.scalars(
            select(Identity).where(Identity.kind == kind, Identity.value == value)
        ).one()
        return row.customer_id, row.id


def create(store: Store, kind: str, value: str, name: str) -> tuple[str, bool]:
    return store.write(lambda uow: find_or_create_customer(uow, kind, value, value, name))


def test_two_profiles_make_the_same_customer_for_the_same_caller(
    make_store: Callable[[], Store],
) -> None:
    a, b = make_store(), make_store()
    # Unrelated customers first, so nothing depends on what else a profile holds.
    create(a, IdentityKind.EMAIL, "someone@example.org", "Someone")
    got_a = create(a, IdentityKind.PHONE, "+3545551234", "Anna")
    got_b = create(b, IdentityKind.PHONE, "+3545551234", "Anna J.")
    assert got_a == got_b and got_a[1] is True
    assert ids_of(a, "phone", "+3545551234") == ids_of(b, "phone", "+3545551234")
    # Known now: found, not made again.
    assert create(a, IdentityKind.PHONE, "+3545551234", "Anna") == (got_a[0], False)


def test_a_call_and_an_email_from_one_address_agree_with_mail_ingest(
    make_store: Callable[[], Store],
) -> None:
    """The service path makes the ids mail ingest makes for the same sender."""
    a, b = make_store(), make_store()
    ingest_raw(a, mail("Hello", sender="Ann <ann@example.net>", message_id="m1@example.net"),
               mailbox_key=mailbox_key_for("support@example.com"))
    create(b, IdentityKind.EMAIL, "ann@example.net", "Ann")
    assert ids_of(a, "email", "ann@example.net") == ids_of(b, "email", "ann@example.net")


def test_an_identity_added_later_is_derived_too_and_taken_ones_are_refused(
    make_store: Callable[[], Store],
) -> None:
    a, b = make_store(), make_store()
    for s in (a, b):
        customer, _ = create(s, IdentityKind.EMAIL, "bo@example.net", "Bo")
        assert s.write(lambda uow, c=customer: add_identity(  # type: ignore[misc]
            uow, c, IdentityKind.PHONE, "+15555550100", "+1 555-555-0100"))
        # The number is Bo's now; another customer cannot take it.
        other, _ = create(s, IdentityKind.EMAIL, "cy@example.net", "Cy")
        assert not s.write(lambda uow, o=other: add_identity(  # type: ignore[misc]
            uow, o, IdentityKind.PHONE, "+15555550100", "+1 555-555-0100"))
    assert ids_of(a, "phone", "+15555550100") == ids_of(b, "phone", "+15555550100")


def test_a_merged_customer_is_followed_when_its_identity_comes_back(store: Store) -> None:
    keep, _ = create(store, IdentityKind.EMAIL, "anna@example.com", "Anna")
    gone, _ = create(store, IdentityKind.PHONE, "+3545551234", "Anna (phone)")
    store.write(lambda uow: merge_customers(uow, keep, gone))
    assert create(store, IdentityKind.PHONE, "+3545551234", "Anna") == (keep, False)


def test_a_derived_customer_that_is_here_without_its_identity_gets_it_back(store: Store) -> None:
    """Another device made the customer for this address; only the identity is missing here."""
    from supportdesk.models import derived_id

    made = derived_id("customer", "email", "dee@example.net")
    store.write(lambda uow: uow.add(Customer(id=made, name="Dee")))
    assert create(store, IdentityKind.EMAIL, "dee@example.net", "Dee") == (made, False)
    with store.read() as session:
        assert find_customer_id(session, IdentityKind.EMAIL, "dee@example.net") == made
        assert session.scalar(select(Customer.name).where(Customer.id == made)) == "Dee"


def test_a_tombstoned_derived_id_is_not_reused(store: Store) -> None:
    """Customers are never deleted today, but a tombstone would hide a reused id everywhere."""
    from supportdesk.models import derived_id

    dead = derived_id("customer", "email", "eve@example.net")

    def tombstone(uow: UnitOfWork) -> None:
        uow.session.add(SyncState(entity="customers", entity_id=dead, clocks="{}",
                                  created="1700000000000-0000-x", deleted="1700000000001-0000-x"))

    store.write(tombstone)
    customer, created = create(store, IdentityKind.EMAIL, "eve@example.net", "Eve")
    assert created and customer != dead
    assert customer == derived_id("customer", "email", "eve@example.net", "1")


# -- mailboxes ------------------------------------------------------------------------------


def box(address: str = "Help@Example.com", id: str = "") -> MailboxInfo:
    return MailboxInfo(
        id=id, name="Help", address=address, display_name="Help", username="help",
        imap_host="imap.example.com", imap_port=993, imap_security="tls",
        smtp_host="smtp.example.com", smtp_port=587, smtp_security="starttls",
    )  # fmt: skip


def test_two_profiles_make_the_same_mailbox_id_and_a_removed_one_is_not_reused(
    make_store: Callable[[], Store],
) -> None:
    a, b = make_store(), make_store()
    first = a.write(lambda uow: save_mailbox(uow, box()))
    assert b.write(lambda uow: save_mailbox(uow, box("help@example.com"))) == first
    seen = {first}
    for _ in range(2):  # removed and added again, twice: a new id each time
        a.write(lambda uow, i=first: remove_mailbox(uow, i))  # type: ignore[misc]
        first = a.write(lambda uow: save_mailbox(uow, box()))
        assert first not in seen
        seen.add(first)
    with a.read() as session:
        assert [m.id for m in session.scalars(select(Mailbox))] == [first]


def test_saving_a_mailbox_removed_meanwhile_makes_a_new_one(store: Store) -> None:
    """The rep edits a mailbox that a sync removed: saving makes it again, under a new id."""
    first = store.write(lambda uow: save_mailbox(uow, box()))
    store.write(lambda uow: remove_mailbox(uow, first))
    again = store.write(lambda uow: save_mailbox(uow, box(id=first)))
    assert again != first
    with store.read() as session:
        assert get_mailbox(session, first) is None
        assert get_mailbox(session, again) is not None


def test_a_mailbox_saved_before_ids_were_derived_keeps_its_id(store: Store) -> None:
    old = new_id()
    store.write(lambda uow: uow.add(Mailbox(
        id=old, name="Old", address="old@example.com", username="old",
        imap_host="imap.example.com", smtp_host="smtp.example.com")))
    assert store.write(lambda uow: save_mailbox(uow, box("old@example.com", id=old))) == old


# -- any address, any history ----------------------------------------------------------------

@pytest.fixture(scope="module")
def store_pair() -> Iterator[tuple[Store, Store]]:
    with tempfile.TemporaryDirectory() as tmp:
        pair = (Store.open(Path(tmp) / "a"), Store.open(Path(tmp) / "b"))
        yield pair
        for s in pair:
            s.close()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from([IdentityKind.EMAIL, IdentityKind.PHONE, IdentityKind.CHAT]),
    value=st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]),
                  min_size=1, max_size=40),
    names=st.tuples(st.text(max_size=20), st.text(max_size=20)),
)
def test_any_identity_gets_the_same_ids_on_two_profiles_whatever_they_hold(
    store_pair: tuple[Store, Store], kind: IdentityKind, value: str, names: tuple[str, str],
) -> None:
    a, b = store_pair
    got_a = create(a, kind, value, names[0])
    got_b = create(b, kind, value, names[1])
    assert got_a == got_b
    assert ids_of(a, kind, value) == ids_of(b, kind, value)
