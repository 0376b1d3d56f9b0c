"""Bulk changes and undo in the services (no window)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from supportdesk.models import Activity, Conversation, OutboxEntry, Priority, Status
from supportdesk.services import actions, demo, inbox
from supportdesk.store import ChangeSet, Store
from tests.conftest import DEMO_NOW


@pytest.fixture
def seeded(store: Store) -> Store:
    demo.generate(store, 30, seed=9, now=DEMO_NOW)
    return store


def _state(store: Store, ids: list[str]) -> dict[str, tuple[str, str, str | None]]:
    with store.read() as s:
        return {c.id: (c.status, c.priority, c.assignee_id) for c in s.scalars(
            select(Conversation).where(Conversation.id.in_(ids)))}


def test_set_field_is_one_commit_with_an_entry_per_row_and_undo_restores(seeded: Store) -> None:
    with seeded.read() as s:
        ids = list(s.scalars(select(Conversation.id).where(
            Conversation.status != Status.PENDING).order_by(Conversation.id).limit(5)))
        mark = inbox.outbox_mark(s)
    before = _state(seeded, ids)
    commits: list[ChangeSet] = []
    seeded.on_change(commits.append)
    changes = seeded.write(lambda uow: actions.set_field(uow, ids, "status", Status.PENDING))
    assert len(commits) == 1 and commits[0].ids["conversations"] == set(ids)
    assert {c.conversation_id for c in changes} == set(ids)
    with seeded.read() as s:
        entries = s.execute(select(OutboxEntry.entity, func.count()).where(
            OutboxEntry.seq > mark).group_by(OutboxEntry.entity)).all()
        history = s.scalar(select(func.count()).select_from(Activity).where(
            Activity.kind == "status", Activity.conversation_id.in_(ids)))
    assert dict(entries) == {"conversations": 5, "activities": 5}
    assert history and history >= 5
    seeded.write(lambda uow: actions.undo(uow, changes))
    assert _state(seeded, ids) == before


def test_undo_of_mixed_old_values_and_tags(seeded: Store) -> None:
    with seeded.read() as s:
        ids = list(s.scalars(select(Conversation.id).order_by(Conversation.id).limit(6)))
    seeded.write(lambda uow: actions.set_field(uow, ids[:3], "priority", Priority.URGENT))
    before = _state(seeded, ids)
    changes = seeded.write(lambda uow: actions.set_field(uow, ids, "priority", Priority.LOW))
    tagged = seeded.write(lambda uow: actions.set_tag(uow, ids, "Needs Call"))
    assert {c.arg for c in tagged} == {"needs-call"}
    seeded.write(lambda uow: actions.undo(uow, tagged))
    seeded.write(lambda uow: actions.undo(uow, changes))
    assert _state(seeded, ids) == before
    with seeded.read() as s:
        assert inbox.count(s, inbox.ViewKey("tag", "needs-call"), None) == 0


def test_unknown_fields_and_vanished_conversations_are_refused(seeded: Store) -> None:
    with pytest.raises(actions.ActionError):
        seeded.write(lambda uow: actions.set_field(uow, ["x"], "subject", "hi"))
    with pytest.raises(actions.ActionError):
        seeded.write(lambda uow: actions.set_field(uow, ["nope"], "status", Status.OPEN))
    with pytest.raises(actions.ActionError):
        seeded.write(lambda uow: actions.merge_into(uow, "nope", ["nope"]))
