"""Full-text search: scripts, diacritics, case, phone numbers, and hostile input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from supportdesk.models import Channel, Conversation, Customer, Identity, new_id
from supportdesk.services import actions
from supportdesk.services.customers import identity_search_key
from supportdesk.services.search import search
from supportdesk.store import Store
from supportdesk.store.search import fold, fts_query, phone_digits, rebuild_index


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
    assert fold("Þórður ÁSTA") == "thordur asta"
    assert fold("Счёт мой") == "счет мой"  # й keeps its mark
    assert fts_query("Ægir счёту") == '"Aegir"* AND "счету"*'
    assert phone_digits("+44 (20) 7946-0958") == "442079460958"
    assert phone_digits("invoice 12345") is None


def test_results_carry_a_highlighted_excerpt(store: Store, seeded: dict[str, str]) -> None:
    with store.read() as session:
        hit = next(h for h in search(session, "zweimal") if h.conversation_id == seeded["de"])
    assert "\x02zweimal\x03" in hit.excerpt
    assert hit.last_activity_at > datetime.now(UTC) - timedelta(minutes=5)


@pytest.fixture
def folded(store: Store) -> dict[str, str]:
    """One conversation per spelling the folding is for."""
    return add_folded(store)


def add_folded(store: Store) -> dict[str, str]:
    """Write one conversation per spelling the folding is for."""

    def work(uow):  # type: ignore[no-untyped-def]
        ids = {}
        for key, name, body in [
            ("yo", "Ирина Мой", "Деньги по счёту вернутся завтра."),
            ("eth", "Sigrún", "Endurgreiðslan fer út á morgun."),
            ("thorn", "Þórsson ehf.", "Reikningur fyrir mars."),
            ("ae", "Ægir Jónsson", "Lykilorðið virkar ekki."),
            ("plain", "Dmitri", "По счету и мои данные."),
        ]:
            cust = uow.add(Customer(id=new_id(), name=name))
            conv = actions.create_conversation(uow, channel=Channel.EMAIL,
                                               customer_id=cust.id, subject="Erindi")
            actions.add_note(uow, conv.id, body, "Agent")
            ids[key] = conv.id
        return ids

    return store.write(work)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("счету", {"yo", "plain"}),
        ("счёту", {"yo", "plain"}),
        ("СЧЁТУ", {"yo", "plain"}),
        ("endurgreidslan", {"eth"}),
        ("endurgreiðslan", {"eth"}),
        ("ENDURGREIÐSLAN", {"eth"}),
        ("thorsson", {"thorn"}),
        ("Þórsson", {"thorn"}),
        ("þórs", {"thorn"}),           # prefix, lower-case thorn
        ("aegir", {"ae"}),
        ("Ægir", {"ae"}),
        ("æg", {"ae"}),
        ("lykilordid", {"ae"}),
        ("мой", {"yo"}),               # й kept distinct: мой is not мои
        ("мои", {"plain"}),
    ],
)
def test_russian_and_icelandic_letters_fold_both_ways(
    store: Store, folded: dict[str, str], query: str, expected: set[str]
) -> None:
    with store.read() as session:
        got = {h.conversation_id for h in search(session, query)}
    assert got == {folded[k] for k in expected}


@pytest.mark.parametrize(
    ("query", "original"),
    [("schetu", None), ("счету", "счёту"), ("endurgreidslan", "Endurgreiðslan"),
     ("lykilordid", "Lykilorðið")],
)
def test_highlight_shows_the_original_spelling(
    store: Store, folded: dict[str, str], query: str, original: str | None
) -> None:
    with store.read() as session:
        excerpts = [h.excerpt for h in search(session, query) if h.matched == "message"]
    if original is None:
        assert excerpts == []
        return
    assert any(f"\x02{original}\x03" in e for e in excerpts), excerpts


def test_an_edit_is_reindexed_folded(store: Store, folded: dict[str, str]) -> None:
    def rename(uow):  # type: ignore[no-untyped-def]
        conv = uow.session.scalars(
            select(Conversation).where(Conversation.id == folded["plain"])).one()
        uow.update(conv, subject="Þjónustuborð")
    store.write(rename)
    with store.read() as session:
        assert folded["plain"] in {h.conversation_id for h in search(session, "thjonustu")}
        assert folded["plain"] not in {h.conversation_id for h in search(session, "erindi")}


def test_rebuild_folds_every_row_and_reports_progress(
    store: Store, folded: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("supportdesk.store.search.REBUILD_BATCH", 2)
    seen: list[tuple[int, int]] = []

    def work(uow):  # type: ignore[no-untyped-def]
        return rebuild_index(uow.session.connection(), progress=lambda d, t: seen.append((d, t)))

    count = store.write(work)
    assert seen[0][0] == 0 and seen[-1] == (count, count) and len(seen) > 4
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    with store.read() as session:
        assert {h.conversation_id for h in search(session, "thorsson")} == {folded["thorn"]}
        assert len(search(session, "счету")) == 2



def test_migration_0011_folds_an_old_index_once_with_progress(profile: Path) -> None:
    from alembic import command

    from supportdesk.store.engine import database_path, make_engine
    from supportdesk.store.store import alembic_config

    store = Store.open(profile)
    try:
        ids = add_folded(store)
    finally:
        store.close()
    engine = make_engine(database_path(profile))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
    with engine.connect() as conn:
        # The release before: indexed as written, so only the exact letters find it.
        match = "SELECT count(*) FROM customers_fts WHERE customers_fts MATCH ?"
        assert conn.exec_driver_sql(match, ('"thorsson"*',)).scalar() == 0
        assert conn.exec_driver_sql(match, ('"Þórsson"*',)).scalar() == 1
    engine.dispose()
    seen: list[tuple[int, int]] = []
    store = Store.open(profile, progress=lambda done, total: seen.append((done, total)))
    try:
        assert seen and seen[-1][0] == seen[-1][1] > 0
        with store.read() as session:
            assert {h.conversation_id for h in search(session, "thorsson")} == {ids["thorn"]}
            assert {h.conversation_id for h in search(session, "endurgreidslan")} == {ids["eth"]}
    finally:
        store.close()
