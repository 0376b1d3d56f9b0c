"""Escalation with reasons, and who is on call when."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from supportdesk.models import Activity, Conversation
from supportdesk.models.workflow import OnCallShift
from supportdesk.services import actions
from supportdesk.services.workflow import escalation, notify, oncall, team
from supportdesk.services.workflow.team import WorkflowError
from supportdesk.store import Store
from tests.services.workflow.helpers import at, make_team, new_conversation


def test_escalate_to_an_expert_and_back(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 9))
    store.write(lambda uow: actions.assign(uow, cid, ids.me))
    store.write(lambda uow: escalation.escalate(
        uow, cid, to_agent_id=ids.expert, to_tier="Tier 3", reason=" Data loss after update ",
        tried="Reinstalled the client", now=at(16, 10)))
    with store.read() as s:
        info = escalation.open_escalation(s, cid)
        conv = s.scalars(select(Conversation).where(Conversation.id == cid)).one()
        pinged = notify.notifications_for(s, ids.expert)
    assert info is not None
    assert (info.reason, info.tried, info.from_agent_id) == (
        "Data loss after update", "Reinstalled the client", ids.me)
    assert info.target == "Дмитрий Соколов (Tier 3)"
    assert info.created_by_name == "Alex Morgan"
    assert conv.assignee_id == ids.expert
    assert [(n.kind, n.conversation_id) for n in pinged] == [(notify.ESCALATED, cid)]
    assert "Data loss" in pinged[0].body and not pinged[0].urgent

    store.write(lambda uow: escalation.de_escalate(uow, cid, reason="Fixed the index",
                                                   now=at(16, 15)))
    with store.read() as s:
        assert escalation.open_escalation(s, cid) is None
        [done] = escalation.escalations_of(s, cid)
        conv = s.scalars(select(Conversation).where(Conversation.id == cid)).one()
        kinds = s.scalars(select(Activity.kind).where(Activity.conversation_id == cid)).all()
    assert done.resolve_reason == "Fixed the index" and done.resolved_at == at(16, 15)
    assert conv.assignee_id == ids.me
    assert {"escalated", "de_escalated"} <= set(kinds)


def test_escalation_needs_a_reason_and_a_target(store: Store) -> None:
    ids = make_team(store)
    cid = new_conversation(store, ids.customer, at(16, 9))
    with pytest.raises(WorkflowError, match="why"):
        store.write(lambda uow: escalation.escalate(uow, cid, to_tier="Tier 2", reason="  "))
    with pytest.raises(WorkflowError, match="expert or a tier"):
        store.write(lambda uow: escalation.escalate(uow, cid, reason="Hard"))
    with pytest.raises(WorkflowError, match="not escalated"):
        store.write(lambda uow: escalation.de_escalate(uow, cid, reason="x"))
    store.write(lambda uow: escalation.escalate(uow, cid, to_tier="Tier 2", reason="Hard"))
    with pytest.raises(WorkflowError, match="why"):
        store.write(lambda uow: escalation.de_escalate(uow, cid, reason=""))
    with store.read() as s:
        info = escalation.open_escalation(s, cid)
    assert info is not None and info.target == "Tier 2" and info.to_agent_id is None


def test_on_call_rota_with_overnight_weekend_and_override(store: Store) -> None:
    ids = make_team(store)
    shifts = (oncall.shifts_from_text(ids.night, "mon-thu", "17:00", "09:00")
              + oncall.shifts_from_text(ids.expert, "fri", "17:00", "09:00")
              + oncall.shifts_from_text(ids.expert, "sat-sun", "09:00", "09:00"))
    store.write(lambda uow: oncall.set_shifts(uow, shifts))
    with store.read() as s:
        cfg = team.load_team(s)

        def who(when: datetime) -> str | None:
            return oncall.on_call_at(s, when, cfg)

        assert who(at(16, 12)) is None  # Monday noon: the team is at work
        assert who(at(16, 17)) == ids.night  # Monday evening
        assert who(at(17, 8, 59)) == ids.night  # Tuesday early morning (Monday's night)
        assert who(at(20, 23)) == ids.expert  # Friday night
        assert who(at(22, 3)) == ids.expert  # Sunday night (Saturday's shift runs into Sunday)
        assert who(at(23, 8)) == ids.expert  # Monday 08:00: Sunday's shift ends at 09:00
        assert who(at(23, 9)) is None
    store.write(lambda uow: oncall.add_override(uow, ids.me, at(18, 17), at(19, 9), "swap"))
    with store.read() as s:
        assert oncall.on_call_at(s, at(18, 20), cfg) == ids.me
        assert oncall.on_call_at(s, at(19, 20), cfg) == ids.night
        [o] = oncall.list_overrides(s, after=at(18, 0))
        assert (o.agent_name, o.note) == ("Alex Morgan", "swap")


def test_rota_follows_the_team_zone_through_dst(store: Store) -> None:
    ids = make_team(store, tz="America/New_York")
    store.write(lambda uow: oncall.set_shifts(
        uow, oncall.shifts_from_text(ids.night, "sun", "00:00", "24:00")))
    ny = ZoneInfo("America/New_York")
    with store.read() as s:
        cfg = team.load_team(s)
        # Sunday 1 November 2026: clocks go back at 02:00; 01:30 happens twice.
        twice = datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=ny)
        assert oncall.on_call_at(s, twice, cfg) == ids.night
        assert oncall.on_call_at(s, datetime(2026, 11, 1, 23, 59, tzinfo=ny), cfg) == ids.night
        assert oncall.on_call_at(s, datetime(2026, 11, 2, 0, 0, tzinfo=ny), cfg) is None


def test_editing_the_rota_keeps_unchanged_rows(store: Store) -> None:
    ids = make_team(store)
    first = oncall.shifts_from_text(ids.night, "mon-tue", "17:00", "09:00")
    store.write(lambda uow: oncall.set_shifts(uow, first))
    with store.read() as s:
        before = set(s.scalars(select(OnCallShift.id)))
    changed = store.write(lambda uow: oncall.set_shifts(
        uow, first[:1] + oncall.shifts_from_text(ids.expert, "tue", "17:00", "09:00")))
    assert changed == 2  # one removed, one added
    with store.read() as s:
        rows = oncall.list_shifts(s)
        after = set(s.scalars(select(OnCallShift.id)))
    assert len(before & after) == 1
    assert [(r.weekday, r.agent_name, r.overnight) for r in rows] == [
        (0, "Priya Raman", True), (1, "Дмитрий Соколов", True)]


def test_rota_text_validation() -> None:
    assert oncall.parse_days("fri-mon") == [4, 5, 6, 0]
    assert oncall.parse_days("Saturday, sun") == [5, 6]
    for bad in ("funday", ""):
        with pytest.raises(WorkflowError):
            oncall.parse_days(bad)
    with pytest.raises(WorkflowError):
        oncall.shifts_from_text("a", "mon", "25:00", "09:00")
    with pytest.raises(WorkflowError):
        oncall.shifts_from_text("a", "mon", "24:00", "09:00")
