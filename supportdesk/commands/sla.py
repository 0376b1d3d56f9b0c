"""``supportdesk sla preview``: check a policy before promising customers anything.

Prints the first-response and resolution due times, and the ETA a customer
would be promised, for a message received at a given time. A time without a
zone is the team's local time; the output is in the team's zone, ISO 8601
with the offset. A profile without a database is not created: the defaults
apply (Monday to Friday 09:00-17:00 in the profile's ``team_timezone``
setting or this computer's zone, first response within 4 business hours for
normal priority).
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from supportdesk.cliargs import CommandError, print_json, resolve_profile
from supportdesk.commands import open_store
from supportdesk.config import TEAM_TIMEZONE, Settings
from supportdesk.services.sla import (
    LANGUAGES,
    PRIORITIES,
    compute_due,
    estimate_eta,
    format_eta,
    format_week,
)
from supportdesk.services.workflow.due import queue_before
from supportdesk.services.workflow.team import (
    PolicyInfo,
    TeamConfig,
    WorkflowError,
    active_agent_count,
    built_in_policy,
    default_policy_info,
    default_team,
    fallback_zone,
    load_team,
)
from supportdesk.store.engine import database_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``supportdesk sla``."""
    subs = parser.add_subparsers(dest="sla_command", metavar="ACTION", required=True)
    preview = subs.add_parser(
        "preview",
        help="due times and the promised ETA for a message received at TIME",
        description="Due times and the ETA a customer would be promised for a message "
        "received at TIME, under the team's default policy.",
    )
    preview.add_argument("--priority", required=True, choices=PRIORITIES)
    preview.add_argument(
        "--received",
        required=True,
        metavar="TIME",
        help="ISO 8601, e.g. 2026-11-20T16:00 (the team's local time) or 2026-11-20T16:00+01:00",
    )
    preview.add_argument(
        "--queue",
        type=int,
        metavar="N",
        help="conversations ahead in the queue (default: the profile's open queue then)",
    )
    preview.add_argument("--json", action="store_true", help="print JSON")
    # SUPPRESS: given after "preview" it counts; otherwise the one before "sla" stays.
    preview.add_argument(
        "--profile",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="the profile folder (default: the platform's data folder)",
    )


def parse_time(text: str, team: TeamConfig) -> datetime:
    """An ISO 8601 time; without an offset it is the team's local time.

    Raises:
        CommandError: the text is not a time.
    """
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(
            f"cannot read --received {text!r}; write it like 2026-11-20T16:00 or "
            "2026-11-20T16:00+01:00"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=team.tz)
    return moment


def _iso(moment: datetime | None, team: TeamConfig) -> str | None:
    return None if moment is None else moment.astimezone(team.tz).isoformat(timespec="seconds")


def preview(args: argparse.Namespace) -> dict[str, Any]:
    """The preview as a JSON-able dict."""
    profile = resolve_profile(args)
    try:
        fallback = fallback_zone(Settings(profile).get(TEAM_TIMEZONE))
    except WorkflowError as exc:
        raise CommandError(f"the profile's team_timezone setting: {exc}") from exc
    if args.queue is not None and args.queue < 0:
        raise CommandError("--queue cannot be negative")
    info: PolicyInfo
    if database_path(profile).exists():
        with open_store(args) as store, store.read() as session:
            team = load_team(session, fallback)
            info = default_policy_info(session, team)
            received = parse_time(args.received, team)
            queue = args.queue
            if queue is None:
                queue = queue_before(session, args.priority, received)
            agents = team.eta_agents or active_agent_count(session)
    else:
        team = default_team(fallback)
        info = built_in_policy(team)
        received = parse_time(args.received, team)
        queue = args.queue or 0
        agents = team.eta_agents
    policy = info.policy
    due = compute_due(policy, args.priority, received)
    eta = estimate_eta(
        policy, args.priority, received, received, queue, team.handling_minutes, agents
    )
    return {
        "policy": policy.name,
        "time_zone": team.tz.key,
        "business_hours": format_week(policy.calendar.week),
        "priority": args.priority,
        "received": _iso(received, team),
        "first_response_due": _iso(due.first_response_due, team),
        "resolution_due": _iso(due.resolution_due, team),
        "eta": _iso(eta.promised_at, team),
        "eta_basis": eta.basis,
        "eta_explanation": eta.explanation,
        "queue_ahead": queue,
        "eta_text": {
            lang: format_eta(eta.promised_at, team.tz, lang, received) for lang in LANGUAGES
        },
    }


def run(args: argparse.Namespace) -> int:
    """Print the preview."""
    data = preview(args)
    if args.json:
        print_json(data)
        return 0
    rows = [
        ("Policy", f"{data['policy']} ({data['time_zone']}, {data['business_hours']})"),
        ("Priority", data["priority"]),
        ("Received", data["received"]),
        ("First response due", data["first_response_due"] or "no target"),
        ("Resolution due", data["resolution_due"] or "no target"),
        ("ETA promised", f"{data['eta']} ({data['eta_explanation']})"),
        ("Queue ahead", str(data["queue_ahead"])),
    ]
    rows += [(f"Customer reads ({lang})", text) for lang, text in data["eta_text"].items()]
    width = max(len(label) for label, _ in rows) + 1
    for label, value in rows:
        print(f"{label + ':':<{width}} {value}")
    return 0
