"""Opposite merges of the same pair on two devices converge on one customer."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select

from supportdesk.models import Customer, IdentityKind
from supportdesk.services import customer_merge as cm
from supportdesk.services import inbox
from supportdesk.store import UnitOfWork
from tests.services.test_customer_merge import _customer


def test_opposite_merges_on_two_devices_converge(
    make_client: Callable[..., object], server: TestClient,
    local_rows: Callable[..., dict[tuple[str, str], dict[str, object]]],
) -> None:
    from supportdesk.sync.client import SyncClient

    a = make_client("alice")
    b = make_client("bob")
    assert isinstance(a, SyncClient) and isinstance(b, SyncClient)
    unwatch = [cm.watch(a.store), cm.watch(b.store)]

    def make(uow: UnitOfWork) -> tuple[str, str]:
        x = _customer(uow, "Sam by mail", None, [(IdentityKind.EMAIL, "sam@example.com")])
        y = _customer(uow, "Sam on the phone", None, [(IdentityKind.PHONE, "+3545551234")])
        return x, y

    x, y = a.store.write(make)
    a.sync()
    b.sync()
    a.store.write(lambda uow: cm.merge(uow, x, [y]))
    b.store.write(lambda uow: cm.merge(uow, y, [x]))
    for client in (a, b, a, b):
        client.sync()
    # the repair after a pull is queued on the writer: wait for it by writing behind it
    for client in (a, b):
        client.store.write(lambda uow: None)
    for client in (a, b, a):
        client.sync()
    for client in (a, b):
        client.store.write(lambda uow: None)
    for client in (a, b):
        with client.store.read() as session:
            assert cm.root(session, x) == cm.root(session, y) == min(x, y)
            roots = session.scalars(select(Customer.id).where(
                Customer.id.in_([x, y]), Customer.merged_into_id.is_(None))).all()
            assert roots == [min(x, y)]
            info = inbox.customer_info(session, x)
            assert {v for _k, v in info.identities} == {"sam@example.com", "+3545551234"}
    assert local_rows(a.store) == local_rows(b.store)
    for u in unwatch:
        u()
