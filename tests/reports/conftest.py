"""A small hand-made workspace whose report numbers are worked out by hand.

Team: Europe/Berlin, Monday-Friday 09:00-17:00. Summer time ends on Sunday
2026-10-25 (03:00 CEST -> 02:00 CET), the last day of ISO week 2026-W43
(Mon 19 Oct - Sun 25 Oct). W43 runs from 2026-10-18 22:00 UTC (CEST) to
2026-10-25 23:00 UTC (CET).

Conversations (times local unless marked Z):

- c1 email, Ольга Попова, Anna: customer mail Mon 19 Oct 10:00 CEST, reply
  12:00 (first response 2.0 h), solved Tue 20 Oct 10:00 (resolution 8.0 h).
- c2 chat, Jón Sigurðsson, Björn: customer Fri 23 Oct 16:00 CEST, a note
  16:30 (not a response), reply Mon 26 Oct 10:00 CET (in W44: 2.0 h). Open.
- c3 email, Ольга Попова, Anna: customer Sun 25 Oct 23:30 CET (22:30Z): in
  W43 only if the week ends at CET midnight. Open, unanswered.
- c4 phone, Jón Sigurðsson, Björn: Mon 26 Oct 00:30 CET (25 Oct 23:30Z): W44.
- c5 email, Jón Sigurðsson, Anna: spans weeks. Customer Wed 14 Oct 09:00
  CEST, reply 11:00 (W42, 2.0 h), solved Thu 15 Oct 09:00 (W42, 8.0 h),
  reopened by the customer Tue 20 Oct 14:00, solved Wed 21 Oct 10:00
  (resolution from creation: 5 x 8 h + 1 h = 41.0 h).
- c6 email, Ольга Попова, unassigned: customer Mon 12 Oct 10:00 CEST, reply
  Mon 19 Oct 09:30 (7 + 4 x 8 + 0.5 = 39.5 h). Pending, no status history.

Time (19-25 Oct): Ольга 30 min billable on c1 (drawn from her 2 h pack, which expires
on 22 Oct with 90 min left) and 15 min not billable; Jón 40 min with the vendor Contoso
(case CP-1, 25 on the phone) on c2 and 20 min on c5, which opened one incident on his
per-incident contract at 95.00 EUR.

W43 by hand: opened 3 (c1 c2 c3); solved 2 (c1 c5); reopened 1 (c5);
backlog at start 1 (c6), at end 3 (c2 c3 c6); first responses [2.0, 39.5]
(median 20.75, p90 39.5); resolutions [8.0, 41.0] (median 24.5, p90 41.0).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from supportdesk.models import tables as t
from supportdesk.models import workflow as wf
from supportdesk.models.base import new_id
from supportdesk.services.workflow.team import week_dict
from supportdesk.store import Store
from supportdesk.store.uow import UnitOfWork

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def z(text: str) -> datetime:
    """A UTC instant from ``2026-10-19 08:00``."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def local(text: str) -> datetime:
    """A Berlin wall-clock time as an aware instant."""
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN)


@dataclass
class Fixture:
    profile: Path
    store: Store
    ids: dict[str, str]


def _conv(cid: str, channel: str, customer: str, agent: str | None, status: str,
          created: datetime, last: datetime) -> dict[str, Any]:
    return {"id": cid, "subject": f"Subject {cid[:4]}", "customer_id": customer,
            "channel": channel, "status": status, "priority": "normal", "assignee_id": agent,
            "unread": False, "snippet": "", "message_count": 1, "created_at": created,
            "last_activity_at": last}


def _msg(conv: str, kind: str, at: datetime, *, agent: str | None = None,
         customer: str | None = None) -> dict[str, Any]:
    return {"id": new_id(), "conversation_id": conv, "kind": kind, "created_at": at,
            "author_agent_id": agent, "author_customer_id": customer, "author_name": "x",
            "subject": "", "body_text": "text", "body_html": None, "meta": {},
            "raw_sha256": None}


def _status(conv: str, at: datetime, old: str, new: str) -> dict[str, Any]:
    return {"id": new_id(), "conversation_id": conv, "created_at": at, "agent_id": None,
            "kind": "status", "detail": {"old": old, "new": new}}


def _tracking(conv: str, received: datetime, due: datetime, first: datetime | None,
              status: str, ack: tuple[datetime, datetime] | None = None) -> dict[str, Any]:
    return {"id": wf.sla_tracking_id(conv), "conversation_id": conv, "policy_id": None,
            "policy_name": "Default", "status": status, "priority": "normal", "mailbox": None,
            "cycle_since": None, "received_at": received, "first_response_due": due,
            "first_response_at": first, "awaiting_since": None, "next_response_due": None,
            "resolution_due": None, "resolved_at": None, "pauses": [], "next_due_at": None,
            "warn_at": None, "breached_at": None,
            "ack_sent_at": ack[0] if ack else None, "ack_eta": ack[1] if ack else None,
            "updated_at": NOW}


def build(store: Store) -> dict[str, str]:
    """Write the workspace described in the module docstring; returns its ids."""
    ids = {k: new_id() for k in ("anna", "bjorn", "olga", "jon", "c1", "c2", "c3", "c4", "c5",
                                 "c6", "k1", "k2", "e1", "e5")}
    anna, bjorn, olga, jon = ids["anna"], ids["bjorn"], ids["olga"], ids["jon"]
    c1, c2, c3, c4, c5, c6 = (ids[f"c{i}"] for i in range(1, 7))

    def write(uow: UnitOfWork) -> None:
        uow.add_rows(wf.TeamSettings, [{
            "id": wf.TEAM_SETTINGS_ID, "team_name": "Hand-made Help", "timezone": "Europe/Berlin",
            "week": week_dict("mon-fri 09:00-17:00"), "holidays": [], "warn_before_minutes": 60,
            "handling_minutes": 20, "eta_agents": 0, "timer_warn_hours": 4, "updated_at": NOW,
        }], record=False)
        uow.add_rows(t.Agent, [
            {"id": anna, "name": "Anna Schmidt", "email": None, "role": "agent", "active": True,
             "created_at": NOW},
            {"id": bjorn, "name": "Björn Ólafsson", "email": None, "role": "agent",
             "active": True, "created_at": NOW},
        ], record=False)
        uow.add_rows(t.Customer, [
            {"id": olga, "name": "Ольга Попова", "organization": "ООО «Ромашка»",
             "language": "ru", "notes": None, "merged_into_id": None, "created_at": NOW},
            {"id": jon, "name": "Jón Sigurðsson", "organization": "Fjarðabyggð Bakarí",
             "language": "is", "notes": None, "merged_into_id": None, "created_at": NOW},
        ], record=False)
        uow.add_rows(t.Conversation, [
            _conv(c1, "email", olga, anna, "solved", local("2026-10-19 10:00"),
                  local("2026-10-20 10:00")),
            _conv(c2, "chat", jon, bjorn, "open", local("2026-10-23 16:00"),
                  local("2026-10-26 10:00")),
            _conv(c3, "email", olga, anna, "open", z("2026-10-25 22:30"), z("2026-10-25 22:30")),
            _conv(c4, "phone", jon, bjorn, "open", z("2026-10-25 23:30"), z("2026-10-25 23:30")),
            _conv(c5, "email", jon, anna, "solved", local("2026-10-14 09:00"),
                  local("2026-10-21 10:00")),
            _conv(c6, "email", olga, None, "pending", local("2026-10-12 10:00"),
                  local("2026-10-19 09:30")),
        ], record=False)
        uow.add_rows(t.Message, [
            _msg(c1, "email_in", local("2026-10-19 10:00"), customer=olga),
            _msg(c1, "email_out", local("2026-10-19 12:00"), agent=anna),
            _msg(c2, "chat", local("2026-10-23 16:00"), customer=jon),
            _msg(c2, "note", local("2026-10-23 16:30"), agent=bjorn),
            _msg(c2, "chat", local("2026-10-26 10:00"), agent=bjorn),
            _msg(c3, "email_in", z("2026-10-25 22:30"), customer=olga),
            _msg(c4, "call", z("2026-10-25 23:30"), agent=bjorn),
            _msg(c5, "email_in", local("2026-10-14 09:00"), customer=jon),
            _msg(c5, "email_out", local("2026-10-14 11:00"), agent=anna),
            _msg(c5, "email_in", local("2026-10-20 14:00"), customer=jon),
            _msg(c6, "email_in", local("2026-10-12 10:00"), customer=olga),
            _msg(c6, "email_out", local("2026-10-19 09:30"), agent=anna),
        ], record=False)
        uow.add_rows(t.Activity, [
            _status(c1, local("2026-10-20 10:00"), "open", "solved"),
            _status(c5, local("2026-10-15 09:00"), "open", "solved"),
            _status(c5, local("2026-10-20 14:00"), "solved", "open"),
            _status(c5, local("2026-10-21 10:00"), "open", "solved"),
        ], record=False)
        uow.add_rows(wf.SlaTracking, [
            # met; the auto-ack promised 09:00Z but the reply came 10:00Z: ETA missed
            _tracking(c1, z("2026-10-19 08:00"), z("2026-10-19 12:00"), z("2026-10-19 10:00"),
                      "solved", (z("2026-10-19 08:01"), z("2026-10-19 09:00"))),
            # missed (due Friday 15:00Z, answered Monday); its ETA was kept
            _tracking(c2, z("2026-10-23 14:00"), z("2026-10-23 15:00"), z("2026-10-26 09:00"),
                      "open", (z("2026-10-23 14:01"), z("2026-10-26 12:00"))),
            # due after the week: not measured yet
            _tracking(c3, z("2026-10-25 22:30"), z("2026-10-26 12:00"), None, "open"),
        ], record=False)
        uow.add_rows(wf.Escalation, [{
            "id": new_id(), "conversation_id": c2, "from_agent_id": bjorn, "to_agent_id": anna,
            "to_tier": None, "reason": "Needs Anna", "tried": "", "created_by": bjorn,
            "created_at": z("2026-10-24 10:00"), "resolved_at": None, "resolved_by": None,
            "resolve_reason": None,
        }], record=False)
        uow.add_rows(wf.Notification, [
            {"id": new_id(), "agent_id": anna, "conversation_id": c2,
             "kind": "urgent_out_of_hours", "title": "page", "body": "",
             "created_at": z("2026-10-24 20:00"), "read_at": None},
            {"id": new_id(), "agent_id": anna, "conversation_id": c2,
             "kind": "breach_first_response", "title": "breach", "body": "",
             "created_at": z("2026-10-23 15:00"), "read_at": None},
        ], record=False)
        uow.add_rows(wf.TimeEntry, [
            _entry(c1, anna, 30, True, local("2026-10-19 12:00"), entry_id=ids["e1"],
                   note="Restored the mailbox rules"),
            _entry(c1, anna, 15, False, local("2026-10-19 13:00")),
            _entry(c2, bjorn, 40, True, local("2026-10-23 16:30"), vendor=25,
                   note="Called Contoso about the firmware fault"),
            _entry(c5, anna, 20, True, local("2026-10-21 10:00"), entry_id=ids["e5"],
                   note="Replaced the sensor"),
            _entry(c5, anna, 60, True, local("2026-10-14 11:00")),  # W42: not in the period
        ], record=False)
        uow.add_rows(wf.Contract, [
            {"id": ids["k1"], "name": "Ромашка: 2 h pack", "customer_id": olga,
             "organization": None, "kind": "prepaid_hours", "price_cents": 0, "currency": "EUR",
             "prepaid_quantity": 120, "starts_on": "2026-01-01", "expires_on": "2026-10-22",
             "sla_policy_id": None, "active": True, "notes": "", "created_at": NOW},
            {"id": ids["k2"], "name": "Bakarí per incident", "customer_id": jon,
             "organization": None, "kind": "per_incident", "price_cents": 9500,
             "currency": "EUR", "prepaid_quantity": 0, "starts_on": "2026-01-01",
             "expires_on": None, "sla_policy_id": None, "active": True, "notes": "",
             "created_at": NOW},
        ], record=False)
        uow.add_rows(wf.ContractUsage, [
            _usage(ids["k1"], "minutes", 30, local("2026-10-19 12:00"), c1, ids["e1"]),
            _usage(ids["k2"], "incident", 1, local("2026-10-21 10:00"), c5, ids["e5"]),
            _usage(ids["k2"], "incident", 1, local("2026-10-14 11:00"), c5),  # W42
        ], record=False)

    store.write(write)
    return ids


def _entry(conv: str, agent: str, minutes: int, billable: bool, at: datetime,
           vendor: int | None = None, *, entry_id: str | None = None,
           note: str = "") -> dict[str, Any]:
    return {"id": entry_id or new_id(), "conversation_id": conv, "agent_id": agent,
            "kind": "vendor" if vendor is not None else "work", "minutes": minutes,
            "billable": billable, "note": note, "vendor_name": "Contoso" if vendor else None,
            "vendor_case": "CP-1" if vendor else None, "phone_minutes": vendor or 0,
            "started_at": at - timedelta(minutes=minutes), "created_at": at}


def _usage(contract: str, kind: str, amount: int, at: datetime, conv: str,
           entry: str | None = None) -> dict[str, Any]:
    return {"id": new_id(), "contract_id": contract, "kind": kind, "amount": amount, "at": at,
            "conversation_id": conv, "time_entry_id": entry, "agent_id": None, "note": ""}


@pytest.fixture
def hand(profile: Path) -> Iterator[Fixture]:
    """The hand-made workspace in a fresh profile."""
    store = Store.open(profile)
    ids = build(store)
    yield Fixture(profile, store, ids)
    store.close()
