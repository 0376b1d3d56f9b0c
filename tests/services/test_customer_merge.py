"""One customer across all their addresses: merge, unmerge, suggestions, convergence."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from supportdesk.models import Conversation, Customer, Identity, IdentityKind
from supportdesk.services import customer_merge as cm
from supportdesk.services import inbox
from supportdesk.store import Store, UnitOfWork
from supportdesk.store.engine import DB_NAME
from supportdesk.store.online_copy import tables

#: sync bookkeeping that records every change (merges included) by design
BOOKKEEPING = {"outbox", "sync_state"}


def _snapshot(store: Store) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(store.profile / DB_NAME)
    try:
        shadow = {f"{t}{s}" for (t,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'")
            for s in ("_data", "_idx", "_docsize", "_config", "_content")}
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
                for t in tables(conn) if t not in BOOKKEEPING and t not in shadow}
    finally:
        conn.close()


def _two_customers_with_work(store: Store) -> tuple[str, str]:
    with store.read() as session:
        counts = session.execute(
            select(Conversation.customer_id, func.count())
            .where(Conversation.customer_id.is_not(None))
            .group_by(Conversation.customer_id).order_by(func.count().desc())).all()
    a, b = counts[0][0], counts[1][0]
    assert a and b
    return a, b


def test_merge_shows_everything_and_unmerge_restores_the_database(demo_store: Store) -> None:
    a, b = _two_customers_with_work(demo_store)
    before = _snapshot(demo_store)
    with demo_store.read() as session:
        info_a = inbox.customer_info(session, a, history_limit=500)
        info_b = inbox.customer_info(session, b, history_limit=500)
    assert info_a.history and info_b.history
    demo_store.write(lambda uow: cm.merge(uow, a, [b]))
    with demo_store.read() as session:
        merged = inbox.customer_info(session, b, history_limit=500)  # via either id
        assert merged.id == a and merged.name == info_a.name
        assert set(merged.identities) == set(info_a.identities) | set(info_b.identities)
        assert {r.id for r in merged.history} == \
            {r.id for r in info_a.history} | {r.id for r in info_b.history}
        assert [m.id for m in cm.members(session, b)] == [a, b]
    with pytest.raises(cm.MergeError):
        demo_store.write(lambda uow: cm.merge(uow, b, [a]))  # one customer already
    assert demo_store.write(lambda uow: cm.unmerge(uow, b)) == a
    assert _snapshot(demo_store) == before
    with demo_store.read() as session:
        assert inbox.customer_info(session, b, history_limit=500) == info_b


def _customer(uow: UnitOfWork, name: str, org: str | None,
              identities: list[tuple[str, str]]) -> str:
    cust = uow.add(Customer(name=name, organization=org))
    for kind, value in identities:
        uow.add(Identity(customer_id=cust.id, kind=kind, value=value, display=value,
                         search_key=value.lower()))
    return cust.id


def test_duplicate_suggestions(store: Store) -> None:
    def make(uow: UnitOfWork) -> dict[str, str]:
        return {
            "phone": _customer(uow, "Caller", None, [(IdentityKind.PHONE, "+15551234567")]),
            "wa": _customer(uow, "WhatsApp person", None,
                            [(IdentityKind.CHAT, "whatsapp:+1 555 123 4567")]),
            "mail1": _customer(uow, "Ann", None, [(IdentityKind.EMAIL, "ann+work@example.com")]),
            "mail2": _customer(uow, "A. Smith", None, [(IdentityKind.EMAIL, "ann@example.com")]),
            "n1": _customer(uow, "Jón Jónsson", "Hekla ehf", []),
            "n2": _customer(uow, "jon  jonsson", "HEKLA EHF", []),
            "alone": _customer(uow, "Someone Else", "Other", [(IdentityKind.PHONE, "+4420794609")]),
        }

    ids = store.write(make)
    with store.read() as session:
        found = {(frozenset((s.a, s.b)), s.reason) for s in cm.suggestions(session)}
    assert found == {
        (frozenset((ids["phone"], ids["wa"])), "chat-phone"),
        (frozenset((ids["mail1"], ids["mail2"])), "email"),
        (frozenset((ids["n1"], ids["n2"])), "name"),
    }
    store.write(lambda uow: cm.merge(uow, ids["n1"], [ids["n2"]]))
    with store.read() as session:
        assert all(s.reason != "name" for s in cm.suggestions(session))
        assert [m.id for m in cm.find_customers(session, "5551234567")] in (
            [ids["phone"]], [ids["phone"], ids["wa"]], [ids["wa"], ids["phone"]])


def test_cycle_read_rule_without_repair(store: Store, tmp_path: Path) -> None:
    def make(uow: UnitOfWork) -> tuple[str, str]:
        return _customer(uow, "X", None, []), _customer(uow, "Y", None, [])

    x, y = store.write(make)

    def cycle(uow: UnitOfWork) -> None:
        for cid, to in ((x, y), (y, x)):
            row = uow.session.scalars(select(Customer).where(Customer.id == cid)).one()
            uow.update(row, merged_into_id=to)

    store.write(cycle)
    with store.read() as session:
        assert cm.root(session, x) == cm.root(session, y) == min(x, y)
        assert cm.group(session, y)[0] == min(x, y)
    assert store.write(cm.repair_cycles) == [min(x, y)]
    assert store.write(cm.repair_cycles) == []
