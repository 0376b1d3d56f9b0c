"""Full-text search: scripts, diacritics, case, phone numbers, and hostile input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from supportdesk.models import Channel, Customer, Identity, new_id
from supportdesk.services import actions
from supportdesk.services.customers import identity_search_key
from supportdesk.services.search import search
from supportdesk.store import Store
from supportdesk.store.search import fold, fts_query, phone_digits


@pytest.fixture
def seeded(store: Store) -> dict[str, str]:
    def work(uow):  # type: ignore[no-untyped-def]
        ids = {}
        for key, name, subject, body, phone in [
            ("is", "Jökull Þórsson", "Prentarinn virkar ekki", "Prentarinn á skrifstofunni "
             "í Reykjavík prentar ekkert.", "+354 555 1234"),
            ("ru", "Наталья Соколова", "Не могу войти", "ПРИВЕТ! Пароль не подходит.",
             "+7 495 123-45-67"),
            ("de", "Jürgen Schäfer", "Rechnung doppelt", "Die Rechnung wurde zweimal abgebucht.",
             None),
        ]:
            cust = uow.add(Customer(id=new_id(), name=name))
            if phone:
                e164 = "+" + "".join(c for c in phone if c.isdigit())
                uow.add(Identity(id=new_id(), customer_id=cust.id, kind="phone", value=e164,
                                 display=phone, search_key=identity_search_key("phone", e164)))
            conv = actions.create_conversation(uow, channel=Channel.EMAIL,
                                               customer_id=cust.id, subject=subject)
            actions.add_note(uow, conv.id, body, "Agent")
            ids[key] = conv.id
        return ids

    return store.write(work)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("prentarinn", "is"),
        ("PRENTARINN", "is"),
        ("Reykjavik", "is"),          # í without its accent
        ("jokull", "is"),             # customer name, ö folded
        ("ÞÓRSSON", "is"),
        ("привет", "ru"),             # Cyrillic, case folded
        ("пароль", "ru"),
        ("соколова", "ru"),
        ("Schafer", "de"),
        ("rechn", "de"),              # prefix
        ("555 1234", "is"),           # part of a phone number, as typed
        ("4951234567", "ru"),
    ],
)
def test_finds_across_scripts_accents_and_case(
    store: Store, seeded: dict[str, str], query: str, expected: str
) -> None:
    with store.read() as session:
        hits = search(session, query)
    assert seeded[expected] in [h.conversation_id for h in hits]
    others = set(seeded.values()) - {seeded[expected]}
    assert not others & {h.conversation_id for h in hits}


@pytest.mark.parametrize(
    "query", ['"', "NEAR(a b)", "a OR", "-x", "col:val", "*", "()", "'; DROP TABLE messages; --"]
)
def test_hostile_queries_never_raise(store: Store, seeded: dict[str, str], query: str) -> None:
    with store.read() as session:
        search(session, query)  # must not raise an FTS5 syntax error


def test_all_words_must_match(store: Store, seeded: dict[str, str]) -> None:
    with store.read() as session:
        assert [h.conversation_id for h in search(session, "rechnung zweimal")] == [seeded["de"]]
        assert search(session, "rechnung prentarinn") == []


def test_a_new_note_is_searchable_at_once(store: Store, seeded: dict[str, str]) -> None:
    store.write(lambda uow: actions.add_note(uow, seeded["de"], "Kunde ruft zurück", "A"))
    with store.read() as session:
        assert seeded["de"] in [h.conversation_id for h in search(session, "zuruck")]


def test_query_builder() -> None:
    assert fts_query("hello wörld") == '"hello"* AND "wörld"*'
    assert fts_query("  ...  ") is None
    assert fold("Þórður ÁSTA") == "þorður asta"
    assert phone_digits("+44 (20) 7946-0958") == "442079460958"
    assert phone_digits("invoice 12345") is None


def test_results_carry_a_highlighted_excerpt(store: Store, seeded: dict[str, str]) -> None:
    with store.read() as session:
        hit = next(h for h in search(session, "zweimal") if h.conversation_id == seeded["de"])
    assert "\x02zweimal\x03" in hit.excerpt
    assert hit.last_activity_at > datetime.now(UTC) - timedelta(minutes=5)
