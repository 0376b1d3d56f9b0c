"""What a chat import is asked to do and what it reports back (plain data)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, Literal

from supportdesk.channels.chat import CsvMapping, DateOrder
from supportdesk.models import ticket_ref

#: Who a participant is to the team: one of us, a customer, or not known yet.
Side = Literal["agent", "customer", "unknown"]

#: ``progress(done, total)``: lines handled so far and how many there are.
Progress = Callable[[int, int], None]
#: ``cancel()`` returns True once the rep asked to stop.
Cancel = Callable[[], bool]

DEFAULT_BATCH = 25_000
#: chats whose last message is older than this (days) import as solved history
DEFAULT_HISTORY_DAYS = 14

FORMAT_LABELS = {
    "whatsapp": "WhatsApp", "telegram": "Telegram", "slack": "Slack", "discord": "Discord",
    "discord_csv": "Discord", "messenger": "Messenger", "tawkto": "tawk.to",
    "livechat": "LiveChat", "crisp": "Crisp", "csv": "CSV",
}  # fmt: skip


class ChatImportRefusedError(ValueError):
    """The import was not started because what was asked does not fit the export."""


class ChatImportInterruptedError(Exception):
    """Saving failed part-way; ``summary`` tells what was saved before (re-run to finish)."""

    def __init__(self, message: str, summary: ImportSummary) -> None:
        super().__init__(message)
        self.summary = summary


@dataclass(frozen=True)
class PersonChoice:
    """What the rep decided about one participant.

    Attributes:
        side: one of us (an agent), a customer, or left to sort out later.
        customer_id: for a customer, the existing customer to file them under;
            None matches (phone, handle, address, name) or makes a new one.
        new_customer: for a customer, always make a new one (no matching).
    """

    side: Side
    customer_id: str | None = None
    new_customer: bool = False


@dataclass(frozen=True)
class ImportOptions:
    """How to read an export and whom its participants are.

    Attributes:
        fmt: the export format (see ``supportdesk.channels.chat.FORMATS``); None detects it.
        tz: the zone of times written without one (the phone's clock); None assumes
            ``default_tz``, or this computer's zone, and the summary says so.
        default_tz: the team's zone, assumed when ``tz`` is None.
        us: names, handles or phone numbers of the participants who are the team.
        people: the rep's choice per participant key (wins over ``us`` and guesses).
        csv_mapping: column mapping for generic CSV (None guesses one).
        date_order: force WhatsApp's day/month order.
        default_region: region for phone numbers written without a country code.
        batch_size: lines per transaction; an export no longer than this is
            imported in one transaction, a longer one in resumable batches.
        keep_original: keep the export file itself in the profile's blobs.
        attachments_from: for a single-file export, the folder its attachments are
            in, when the rep confirmed it (CLI ``--attachments-from``); a single file
            otherwise has none, so no file beside it is ever read.
        history_days: a chat this import creates whose last message is older than
            this many days is history, not work: it is imported as solved and gets
            no SLA clock. None imports every chat as open.
        now: the time ``history_days`` counts back from (None: the clock).
    """

    fmt: str | None = None
    tz: tzinfo | None = None
    default_tz: tzinfo | None = None
    us: tuple[str, ...] = ()
    people: Mapping[str, PersonChoice] = field(default_factory=dict)
    csv_mapping: CsvMapping | None = None
    date_order: DateOrder | None = None
    default_region: str = "US"
    batch_size: int = DEFAULT_BATCH
    keep_original: bool = True
    attachments_from: Path | None = None
    history_days: int | None = DEFAULT_HISTORY_DAYS
    now: datetime | None = None


@dataclass
class PersonOutcome:
    """Where one participant of a chat ended up."""

    key: str
    name: str
    side: Side
    agent_id: str | None = None
    customer_id: str | None = None
    #: how the customer or agent was found: "phone", "handle", "email", "name",
    #: "chosen", "new", "agent", "new agent" or "" (unknown side)
    matched: str = ""


@dataclass
class ChatOutcome:
    """One chat of the export and the conversation it went into."""

    conversation_id: str
    title: str
    created: bool
    added: int = 0
    skipped_duplicates: int = 0
    customer_id: str | None = None
    people: list[PersonOutcome] = field(default_factory=list)

    @property
    def ticket(self) -> str:
        """The conversation's human reference."""
        return ticket_ref(self.conversation_id)


@dataclass
class ImportSummary:
    """What one import did.

    ``failed`` lists items that could not be imported, with the reason (an
    attachment the export names but that cannot be read, for instance); the
    import of everything else went ahead.
    """

    added: int = 0
    skipped_duplicates: int = 0
    conversations: list[ChatOutcome] = field(default_factory=list)
    customers_created: int = 0
    warnings: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    path: Path | None = None
    format: str = ""
    lines: int = 0
    agents_created: int = 0
    attachments_stored: int = 0
    attachments_missing: int = 0
    timezone: str | None = None
    timezone_assumed: bool = False
    naive_times: int = 0
    original_sha256: str | None = None
    original_size: int = 0
    cancelled: bool = False
    batches: int = 0
    #: lines imported before with an unknown side that now have their author
    sides_resolved: int = 0

    @property
    def skipped(self) -> list[tuple[str, int]]:
        """What was left out and why, as (reason, count)."""
        out: list[tuple[str, int]] = []
        if self.skipped_duplicates:
            out.append(("already in SupportDesk (imported before)", self.skipped_duplicates))
        return out

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form (``supportdesk import --json``)."""
        return {
            "ok": not self.cancelled,
            "kind": "chat",
            "file": str(self.path) if self.path else None,
            "format": self.format,
            "lines": self.lines,
            "added": self.added,
            "skipped_duplicates": self.skipped_duplicates,
            "skipped": [{"reason": r, "count": n} for r, n in self.skipped],
            "conversations": [
                {
                    "id": c.conversation_id,
                    "ticket": c.ticket,
                    "title": c.title,
                    "created": c.created,
                    "added": c.added,
                    "skipped_duplicates": c.skipped_duplicates,
                    "customer_id": c.customer_id,
                    "participants": [
                        {
                            "name": p.name,
                            "side": p.side,
                            "agent_id": p.agent_id,
                            "customer_id": p.customer_id,
                            "matched": p.matched,
                        }
                        for p in c.people
                    ],
                }
                for c in self.conversations
            ],
            "sides_resolved": self.sides_resolved,
            "customers_created": self.customers_created,
            "agents_created": self.agents_created,
            "attachments": {"stored": self.attachments_stored, "missing": self.attachments_missing},
            "timezone": {
                "zone": self.timezone,
                "assumed": self.timezone_assumed,
                "times_without_zone": self.naive_times,
            },
            "original": {"sha256": self.original_sha256, "size": self.original_size},
            "warnings": list(self.warnings),
            "failed": [{"item": item, "reason": reason} for item, reason in self.failed],
            "cancelled": self.cancelled,
        }
