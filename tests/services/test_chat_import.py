"""Chat exports into the store, end to end: every format, re-imports, sides, files, zones."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from supportdesk.channels.chat import parse_export
from supportdesk.models import (
    Activity,
    Agent,
    Attachment,
    Conversation,
    Customer,
    Identity,
    Message,
    OutboxEntry,
)
from supportdesk.services.chat_import import (
    ImportOptions,
    conversation_id_for,
    import_chat_export,
)
from supportdesk.services.customers import find_or_create_customer
from supportdesk.services.search import search
from supportdesk.store import Store
from tests.services.chat_exports import EXPORTS, PNG, wa_lines, whatsapp_txt, whatsapp_zip

BERLIN = ZoneInfo("Europe/Berlin")
TABLES = (Message, Conversation, Customer, Identity, Agent, Attachment, Activity, OutboxEntry)


def counts(store: Store) -> dict[str, int]:
    """Rows per table, to compare before and after."""
    with store.read() as session:
        return {
            t.__tablename__: int(session.scalar(select(func.count()).select_from(t)) or 0)
            for t in TABLES
        }


def messages_of(store: Store, conversation_id: str) -> list[Message]:
    with store.read() as session:
        return list(
            session.scalars(
                select(Message)
                .where(Message.conversation_id == conversation_id)
                .order_by(Message.created_at, Message.n)
            )
        )


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_every_format_imports_is_searchable_and_reimports_nothing(
    store: Store, tmp_path: Path, name: str
) -> None:
    build, word = EXPORTS[name]
    path = build(tmp_path)
    expected = parse_export(path).line_count

    first = import_chat_export(store, path, ImportOptions(tz=BERLIN))
    assert first.added == expected > 0
    assert first.skipped_duplicates == 0 and not first.failed and not first.cancelled
    assert all(c.created for c in first.conversations)
    after = counts(store)
    assert after["messages"] == expected
    # every message row travelled through the unit of work: one outbox entry each
    with store.read() as session:
        outbox = session.scalar(
            select(func.count()).select_from(OutboxEntry).where(OutboxEntry.entity == "messages")
        )
        assert outbox == expected
        hits = search(session, word)
    assert {h.conversation_id for h in hits} & {c.conversation_id for c in first.conversations}
    assert all(h.channel == "chat" for h in hits)

    again = import_chat_export(store, path, ImportOptions(tz=BERLIN))
    assert again.added == 0 and again.skipped_duplicates == expected
    assert not any(c.created for c in again.conversations)
    assert counts(store) == after  # not one row more, not even a history entry


def test_conversation_summary_fields_and_history(store: Store, tmp_path: Path) -> None:
    path = whatsapp_txt(tmp_path)
    summary = import_chat_export(store, path, ImportOptions(us=("Acme Support",), tz=BERLIN))
    (chat,) = summary.conversations
    with store.read() as session:
        conv = session.scalars(select(Conversation).where(Conversation.id == chat.conversation_id)
                               ).one()  # fmt: skip
        assert conv.channel == "chat" and conv.subject == "WhatsApp: Ana Souza"
        assert conv.message_count == 6
        assert conv.created_at == datetime(2024, 1, 15, 7, 59, tzinfo=UTC)
        assert conv.last_activity_at == datetime(2024, 1, 15, 8, 7, tzinfo=UTC)
        assert conv.snippet == "A replacement is on its way."
        assert conv.customer_id == chat.customer_id is not None
        imported = session.scalars(
            select(Activity).where(Activity.conversation_id == conv.id, Activity.kind == "imported")
        ).one()
    detail = imported.detail
    assert detail["format"] == "whatsapp" and detail["file"] == path.name
    assert detail["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert detail["lines"] == 6 and detail["added"] == 6 and detail["skipped_duplicates"] == 0
    assert detail["timezone"] == "Europe/Berlin" and detail["timezone_assumed"] is False
    sides = {p["name"]: p["side"] for p in detail["participants"]}
    assert sides == {"Ana Souza": "customer", "Acme Support": "agent"}
    assert conv.id == conversation_id_for("whatsapp", parse_export(path).chats[0])


def test_us_makes_agent_messages_and_the_rest_customers(store: Store, tmp_path: Path) -> None:
    path = whatsapp_txt(tmp_path)
    summary = import_chat_export(store, path, ImportOptions(us=("acme support",), tz=BERLIN))
    assert summary.agents_created == 1 and summary.customers_created == 1
    rows = messages_of(store, summary.conversations[0].conversation_id)
    system, *lines = rows
    assert system.meta == {"source": "whatsapp", "system": True, "line": 1}
    assert system.author_agent_id is None and system.author_customer_id is None
    by_author = {m.author_name: m for m in lines}
    agent_line, customer_line = by_author["Acme Support"], by_author["Ana Souza"]
    assert agent_line.author_agent_id is not None and agent_line.author_customer_id is None
    assert agent_line.meta["side"] == "agent"
    assert customer_line.author_customer_id is not None and customer_line.author_agent_id is None
    with store.read() as session:
        agent = session.get(Agent, agent_line.author_agent_id)
        assert agent is not None and agent.name == "Acme Support" and agent.active is False
        ident = session.scalars(
            select(Identity).where(Identity.customer_id == customer_line.author_customer_id)
        ).one()
    assert (ident.kind, ident.value) == ("chat", "whatsapp:Ana Souza")


def test_an_existing_agent_is_used_by_name(store: Store, tmp_path: Path) -> None:
    store.write(lambda uow: uow.add(Agent(id="a-1", name="Acme Support", role="agent")))
    summary = import_chat_export(store, whatsapp_txt(tmp_path), ImportOptions(us=("Acme Support",)))
    assert summary.agents_created == 0
    people = {p.name: p for p in summary.conversations[0].people}
    assert people["Acme Support"].agent_id == "a-1" and people["Acme Support"].matched == "agent"


def test_without_us_everyone_stays_a_participant(store: Store, tmp_path: Path) -> None:
    summary = import_chat_export(store, whatsapp_txt(tmp_path), ImportOptions(tz=BERLIN))
    (chat,) = summary.conversations
    assert chat.customer_id is None
    assert {p.side for p in chat.people} == {"unknown"}
    assert summary.customers_created == summary.agents_created == 0
    lines = [m for m in messages_of(store, chat.conversation_id) if not m.meta.get("system")]
    assert all(m.author_agent_id is None and m.author_customer_id is None for m in lines)
    assert {m.meta["side"] for m in lines} == {"unknown"}
    assert {m.author_name for m in lines} == {"Ana Souza", "Acme Support"}
    with store.read() as session:
        detail = session.scalars(
            select(Activity.detail).where(Activity.kind == "imported")
        ).one()
    assert [p["name"] for p in detail["participants"]] == ["Ana Souza", "Acme Support"]


def test_formats_that_know_the_sides_need_no_us(store: Store, tmp_path: Path) -> None:
    build, _ = EXPORTS["tawkto"]
    summary = import_chat_export(store, build(tmp_path))
    sides = {p.name: (p.side, p.matched) for p in summary.conversations[0].people}
    assert sides == {"Priya Raman": ("customer", "new"), "Marco Bellini": ("agent", "new agent")}
    with store.read() as session:
        kinds = set(session.scalars(select(Identity.kind)))
    assert kinds == {"email", "chat"}  # the visitor's address is an identity too


def test_slack_connect_sides_and_phone_identity(store: Store, tmp_path: Path) -> None:
    build, _ = EXPORTS["slack"]
    summary = import_chat_export(store, build(tmp_path))
    general, shared = summary.conversations
    assert {p.side for p in general.people} == {"unknown"}  # an internal channel
    sides = {p.name: p.side for p in shared.people}
    assert sides == {"Carla Customer": "customer", "Olga Agent": "agent"}
    with store.read() as session:
        phones = list(session.scalars(select(Identity.value).where(Identity.kind == "phone")))
    assert phones == ["+14155550199"]


def test_overlapping_later_export_adds_only_new_lines(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Ana Souza.txt"
    path.write_text(wa_lines(0, 50), encoding="utf-8")
    first = import_chat_export(store, path, ImportOptions(us=("Acme Support",), tz=BERLIN))
    assert first.added == 50
    later = tmp_path / "later" / "WhatsApp Chat with Ana Souza.txt"
    later.parent.mkdir()
    later.write_text(wa_lines(30, 80), encoding="utf-8")
    second = import_chat_export(store, later, ImportOptions(us=("Acme Support",), tz=BERLIN))
    assert (second.added, second.skipped_duplicates) == (30, 20)
    (chat,) = second.conversations
    assert chat.conversation_id == first.conversations[0].conversation_id and not chat.created
    rows = messages_of(store, chat.conversation_id)
    assert [m.body_text for m in rows] == [
        f"message number {i} about the marmalade" for i in range(80)
    ]
    with store.read() as session:
        conv = session.scalars(select(Conversation)).one()
    assert conv.message_count == 80 and conv.last_activity_at == rows[-1].created_at
    assert conv.snippet == "message number 79 about the marmalade"
    assert counts(store)["customers"] == 1  # Ana matched by her chat handle the second time


def test_identical_lines_in_the_same_minute_are_kept(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Ana.txt"
    path.write_text(
        "15/01/2024, 09:00 - Ana: ok\n15/01/2024, 09:00 - Ana: ok\n15/01/2024, 09:01 - Ana: ok\n",
        encoding="utf-8",
    )
    assert import_chat_export(store, path).added == 3
    assert import_chat_export(store, path).added == 0


def test_attachments_are_stored_and_missing_ones_named(store: Store, tmp_path: Path) -> None:
    path = whatsapp_zip(tmp_path)
    summary = import_chat_export(store, path, ImportOptions(us=("Acme Support",), tz=BERLIN))
    assert (summary.attachments_stored, summary.attachments_missing) == (1, 1)
    with store.read() as session:
        (att,) = session.scalars(select(Attachment))
        photo_msg = session.scalars(select(Message).where(Message.id == att.message_id)).one()
        video_msg = session.scalars(
            select(Message).where(Message.body_text.like("%not included%"))
        ).one()
    assert att.filename == "00000001-PHOTO-2024-01-16-10-01-10.jpg"
    assert (att.mime_type, att.size) == ("image/jpeg", len(PNG))
    assert att.sha256 == hashlib.sha256(PNG).hexdigest()
    assert store.blobs.get(att.sha256) == PNG
    assert photo_msg.meta["files"] == 1
    assert video_msg.meta["missing_files"] == ["00000002-VIDEO-2024-01-16-10-01-42.mp4"]
    # importing again reads no file and adds no attachment row
    again = import_chat_export(store, path, ImportOptions(us=("Acme Support",), tz=BERLIN))
    assert again.attachments_stored == 0 and counts(store)["attachments"] == 1


@pytest.mark.parametrize("name", ["telegram", "discord", "slack"])
def test_attachments_of_other_formats(store: Store, tmp_path: Path, name: str) -> None:
    build, _ = EXPORTS[name]
    path = build(tmp_path)
    beside = path.parent if path.is_file() and path.suffix != ".zip" else None
    summary = import_chat_export(store, path, ImportOptions(attachments_from=beside))
    assert summary.attachments_stored == 1 and not summary.failed
    with store.read() as session:
        (att,) = session.scalars(select(Attachment))
    assert store.blobs.has(att.sha256) and att.size > 0


def test_the_original_export_is_kept(store: Store, tmp_path: Path) -> None:
    path = whatsapp_zip(tmp_path)
    summary = import_chat_export(store, path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert summary.original_sha256 == digest and summary.original_size == path.stat().st_size
    assert store.blobs.get(digest) == path.read_bytes()
    rows = messages_of(store, summary.conversations[0].conversation_id)
    assert {m.raw_sha256 for m in rows} == {digest}


def test_a_folder_export_is_kept_as_a_zip(store: Store, tmp_path: Path) -> None:
    import io
    import zipfile

    build, _ = EXPORTS["telegram"]
    folder = build(tmp_path)
    summary = import_chat_export(store, folder)
    assert summary.original_sha256 is not None
    with zipfile.ZipFile(io.BytesIO(store.blobs.get(summary.original_sha256))) as zf:
        assert sorted(zf.namelist()) == ["photos/photo_1@01-02-2024_10-03-00.jpg", "result.json"]
        assert zf.read("result.json") == (folder / "result.json").read_bytes()


def test_times_without_zone_use_the_given_zone(store: Store, tmp_path: Path) -> None:
    summary = import_chat_export(store, whatsapp_txt(tmp_path), ImportOptions(tz=BERLIN))
    assert (summary.timezone, summary.timezone_assumed, summary.naive_times) == (
        "Europe/Berlin", False, 6)  # fmt: skip
    first = messages_of(store, summary.conversations[0].conversation_id)[1]
    assert first.created_at == datetime(2024, 1, 15, 8, 0, tzinfo=UTC)  # 09:00 in Berlin
    assert not any("time zone" in w for w in summary.warnings)


def test_times_without_zone_default_to_the_team_zone_and_say_so(
    store: Store, tmp_path: Path
) -> None:
    options = ImportOptions(default_tz=ZoneInfo("America/New_York"))
    summary = import_chat_export(store, whatsapp_txt(tmp_path), options)
    assert (summary.timezone, summary.timezone_assumed) == ("America/New_York", True)
    assert any("America/New_York (the team's zone)" in w for w in summary.warnings)
    first = messages_of(store, summary.conversations[0].conversation_id)[1]
    assert first.created_at == datetime(2024, 1, 15, 14, 0, tzinfo=UTC)


def test_exports_with_zones_ignore_the_zone(store: Store, tmp_path: Path) -> None:
    build, _ = EXPORTS["telegram"]
    summary = import_chat_export(store, build(tmp_path), ImportOptions(tz=BERLIN))
    assert summary.timezone is None and summary.naive_times == 0
    rows = messages_of(store, summary.conversations[0].conversation_id)
    assert rows[1].created_at == datetime(2024, 2, 1, 10, 1, tzinfo=UTC)


def test_customers_are_matched_by_phone_and_by_name(store: Store, tmp_path: Path) -> None:
    def seed(uow):  # type: ignore[no-untyped-def]
        by_phone, _ = find_or_create_customer(uow, "phone", "+447700900123", "+44 7700 900123",
                                              "Phil Known")  # fmt: skip
        by_name, _ = find_or_create_customer(uow, "email", "chloe@example.org",
                                             "chloe@example.org", "Chloé Martin")  # fmt: skip
        return by_phone, by_name

    phone_id, name_id = store.write(seed)
    path = tmp_path / "WhatsApp Chat with Group.txt"
    path.write_text(
        "15/01/2024, 09:00 - +44 7700 900123: is my order ready?\n"
        "15/01/2024, 09:01 - Chloé Martin: and mine?\n"
        "15/01/2024, 09:02 - Acme: both shipped\n",
        encoding="utf-8",
    )
    summary = import_chat_export(store, path, ImportOptions(us=("Acme",), default_region="GB"))
    people = {p.name: (p.customer_id, p.matched) for p in summary.conversations[0].people}
    assert people["+44 7700 900123"] == (phone_id, "phone")
    assert people["Chloé Martin"] == (name_id, "name")
    assert summary.customers_created == 0
    with store.read() as session:
        owned = select(Identity.value).where(Identity.customer_id == name_id)
        handles = set(session.scalars(owned))
    assert "whatsapp:Chloé Martin" in handles  # the next import matches by handle


def test_importing_again_with_us_sorts_out_the_participants(store: Store, tmp_path: Path) -> None:
    path = whatsapp_txt(tmp_path)
    first = import_chat_export(store, path, ImportOptions(tz=BERLIN))
    assert {p.side for p in first.conversations[0].people} == {"unknown"}
    second = import_chat_export(store, path, ImportOptions(us=("Acme Support",), tz=BERLIN))
    assert (second.added, second.sides_resolved) == (0, 5)  # every line but the notice
    (chat,) = second.conversations
    rows = [m for m in messages_of(store, chat.conversation_id) if not m.meta.get("system")]
    assert {m.meta["side"] for m in rows} == {"agent", "customer"}
    assert all((m.author_agent_id is None) != (m.author_customer_id is None) for m in rows)
    with store.read() as session:
        conv = session.scalars(select(Conversation)).one()
        history = list(session.scalars(
            select(Activity.detail).where(Activity.kind == "imported").order_by(Activity.created_at)
        ))
    assert conv.customer_id == chat.customer_id is not None
    assert [h["sides_resolved"] for h in history] == [0, 5]
    third = import_chat_export(store, path, ImportOptions(us=("Acme Support",), tz=BERLIN))
    assert (third.added, third.sides_resolved) == (0, 0)
