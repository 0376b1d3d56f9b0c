"""The reports as named tables of plain values, shared by every renderer (no Qt).

CSV writes each table to its own file, HTML and PDF show them in this order, so
the same numbers appear in every format. Cells are ``str``, ``int``, ``float``
or ``None`` (no value); renderers format them with :func:`cell_text`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from supportdesk.reports.metrics import (
    WEEKDAYS,
    BillingReport,
    Breakdown,
    WeeklySummary,
)

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    """One table: ``name`` is the CSV file stem, ``title`` the heading."""

    name: str
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    note: str = ""


def cell_text(value: Cell) -> str:
    """A cell as shown to people and written to CSV: ``None`` is empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _hours(v: float | None) -> float | None:
    return None if v is None else round(v, 2)


def _breakdown_rows(items: list[Breakdown]) -> list[list[Cell]]:
    return [
        [b.label, b.first_response.count, _hours(b.first_response.median_hours),
         _hours(b.first_response.p90_hours), b.resolution.count,
         _hours(b.resolution.median_hours), _hours(b.resolution.p90_hours)]
        for b in items
    ]


_BREAKDOWN_HEADERS = ["First responses", "FR median (h)", "FR p90 (h)", "Resolved",
                      "Resolution median (h)", "Resolution p90 (h)"]


def _local(moment: datetime, w: WeeklySummary) -> str:
    return moment.astimezone(w.period.tz).strftime("%Y-%m-%d %H:%M")


def weekly_tables(w: WeeklySummary) -> list[Table]:
    """The weekly summary as tables, in reading order."""
    fr, rs = w.first_response, w.resolution
    overview: list[list[Cell]] = [
        ["Conversations opened", w.opened],
        ["Conversations solved", w.solved],
        ["Conversations reopened", w.reopened],
        ["Backlog at start (open + pending)", w.backlog_start],
        ["Backlog at end (open + pending)", w.backlog_end],
        ["First responses", fr.count],
        ["First response median (business h)", _hours(fr.median_hours)],
        ["First response p90 (business h)", _hours(fr.p90_hours)],
        ["Resolved", rs.count],
        ["Resolution median (business h)", _hours(rs.median_hours)],
        ["Resolution p90 (business h)", _hours(rs.p90_hours)],
        ["SLA first response measured", w.sla.measured],
        ["SLA first response met", w.sla.met],
        ["SLA attainment (%)", w.sla.percent],
        ["Escalations", w.escalations],
        ["On-call pages", w.oncall_pages],
    ]
    if w.acks is not None:
        overview += [
            ["Auto-ack ETAs promised", w.acks.promised],
            ["Auto-ack ETAs met", w.acks.met],
            ["Auto-ack ETAs missed", w.acks.missed],
            ["Auto-ack ETAs not yet due", w.acks.pending],
        ]
    tables = [
        Table("overview", "Overview", ["Measure", "Value"], overview, " ".join(w.notes)),
        Table("by_channel", "By channel", ["Channel", *_BREAKDOWN_HEADERS],
              _breakdown_rows(w.by_channel)),
        Table("sla_by_channel", "SLA attainment (first response) by channel",
              ["Channel", "Measured", "Met", "Attainment (%)"],
              [[s.key, s.measured, s.met, s.percent] for s in [*w.sla_by_channel, w.sla]]),
        Table("by_agent", "By agent", ["Agent", *_BREAKDOWN_HEADERS], _breakdown_rows(w.by_agent)),
        Table("by_customer", "By customer", ["Customer", *_BREAKDOWN_HEADERS],
              _breakdown_rows(w.by_customer)),
        Table("trend", "This week against the previous four",
              ["Week", "Opened", "Solved", "Reopened", "FR median (h)", "Resolution median (h)"],
              [[p.label, p.opened, p.solved, p.reopened, _hours(p.first_response_median_hours),
                _hours(p.resolution_median_hours)] for p in w.trend]),
        Table("heatmap", f"Customer messages by weekday and hour ({w.period.tz.key})",
              ["Day", *[f"{h:02d}" for h in range(24)]],
              [[WEEKDAYS[d], *w.heatmap[d]] for d in range(7)]),
        Table("oldest_waiting", "Oldest conversations still waiting",
              ["Conversation", "Subject", "Customer", "Channel", "Waiting since",
               "Business hours waiting"],
              [[i.conversation_id[:8], i.subject, i.customer, i.channel,
                _local(i.waiting_since, w), i.business_hours_waiting] for i in w.oldest_waiting]),
    ]
    return tables


KIND_LABELS = {"prepaid_hours": "hour pack", "prepaid_incidents": "incident pack",
               "per_incident": "per incident", "none": "no cover"}


def _money(cents: int) -> float:
    return round(cents / 100, 2)


def billing_tables(b: BillingReport) -> list[Table]:
    """The billing report as tables, in reading order."""
    customers: list[list[Cell]] = [
        [c.customer, c.organization, c.conversations, c.billable_minutes,
         c.non_billable_minutes, c.vendor_minutes, c.vendor_phone_minutes]
        for c in b.customers
    ]
    customers.append(["Total", "", sum(c.conversations for c in b.customers), b.total_billable,
                      b.total_non_billable, b.total_vendor,
                      sum(c.vendor_phone_minutes for c in b.customers)])
    return [
        Table("time_by_customer", "Time by customer (minutes)",
              ["Customer", "Organization", "Conversations", "Billable", "Non-billable",
               "Vendor support", "Vendor phone"], customers,
              "Vendor support is time spent with a supplier's support on the customer's "
              "behalf, shown apart from the team's own work."),
        Table("contracts", "Contracts",
              ["Contract", "Customer", "Kind", "Minutes used", "Incidents used", "Topped up",
               "Balance at end", "Expires", "Expired unused", "Owed", "Currency"],
              [[k.name, k.customer, KIND_LABELS.get(k.kind, k.kind), k.minutes_used,
                k.incidents_used, k.topped_up, k.balance_end,
                k.expires_on.isoformat() if k.expires_on else None,
                k.expired, _money(k.owed_cents), k.currency] for k in b.contracts],
              "Balances and expired amounts are minutes for hour packs and incidents for "
              "incident packs."),
    ]


def invoice_tables(b: BillingReport) -> list[Table]:
    """One table per customer: the period's time entries, invoice-ready.

    Vendor-support time is its own line kind, so a client sees what the
    time with the supplier was for.
    """
    by: dict[str, list[list[Cell]]] = {}
    names: dict[str, str] = {}
    for e in b.entries:
        names[e.customer_id] = e.customer
        kind = "vendor support" if e.kind == "vendor" else "work"
        by.setdefault(e.customer_id, []).append([
            e.at.astimezone(b.period.tz).strftime("%Y-%m-%d %H:%M"), e.conversation_id[:8],
            e.subject, e.agent, kind, e.minutes, "yes" if e.billable else "no",
            " ".join(x for x in (e.vendor, e.vendor_case) if x), e.note,
        ])
    tables = []
    for cid, rows in sorted(by.items(), key=lambda kv: (names[kv[0]], kv[0])):
        billable = sum(int(r[5] or 0) for r in rows if r[4] == "work" and r[6] == "yes")
        rows.append(["Total billable work", "", "", "", "work", billable, "yes", "", ""])
        stem = _slug(names[cid]) + "-" + (cid[:8] or "none")
        tables.append(Table(f"invoice-{stem}", f"Time for {names[cid]}",
                            ["Date", "Conversation", "Subject", "Agent", "Kind", "Minutes",
                             "Billable", "Vendor and case", "Note"], rows))
    return tables


def _slug(name: str) -> str:
    """A file-name-safe form of a name; letters in any script are kept."""
    out = "".join(ch if ch.isalnum() else "-" for ch in name.strip())
    return "-".join(part for part in out.split("-") if part)[:40] or "customer"
