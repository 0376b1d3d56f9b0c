"""The reports as named tables of plain values, shared by every renderer (no Qt).

CSV writes each table to its own file, HTML and PDF show them in this order, so
the same numbers appear in every format. Cells are ``str``, ``int``, ``float``
or ``None`` (no value); renderers format them with :func:`cell_text`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from supportdesk.reports.billing import (
    KIND_LABELS,
    BillingReport,
    ContractLine,
    Statement,
    TimeLine,
    ticket_of,
)
from supportdesk.reports.metrics import WEEKDAYS, Breakdown, WeeklySummary

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    """One table: ``name`` is the CSV file stem, ``title`` the heading."""

    name: str
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    note: str = ""
    #: headers of the columns that deserve the room (long text); a hint for the PDF
    wide: tuple[str, ...] = ()


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


_CHANNEL_LABELS = {"email": "Email", "chat": "Chat", "phone": "Phone", "all": "All channels"}


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
        ["Pages sent by the night watch", w.pages_sent],
        ["Median minutes to acknowledge a page", w.page_ack_minutes],
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
              [[_CHANNEL_LABELS.get(s.key, s.key), s.measured, s.met, s.percent]
               for s in [*w.sla_by_channel, w.sla]]),
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
              ["Ticket", "Subject", "Customer", "Channel", "Waiting since",
               "Business hours waiting"],
              [[ticket_of(i.conversation_id), i.subject, i.customer, i.channel,
                _local(i.waiting_since, w), i.business_hours_waiting] for i in w.oldest_waiting]),
        Table("top_articles", "Top articles", ["Article", "Language", "Uses", "Conversations"],
              [[a.title, a.language, a.uses, a.conversations] for a in w.top_articles],
              "Articles whose text or link went into replies this week."),
        Table("questions_without_article", "Frequent questions without an article",
              ["Question (most common subject)", "Conversations", "Words"],
              [[q.subject, q.conversations, " ".join(q.words)]
               for q in w.questions_without_article],
              "New conversations with similar subjects that no article is linked to: "
              "candidates for the knowledge base.", wide=("Question (most common subject)",)),
    ]
    return tables


def _money(cents: int | None) -> float | None:
    return None if cents is None else round(cents / 100, 2)


def _amounts(amounts: dict[str, int]) -> str:
    return ", ".join(f"{cents / 100:.2f} {cur}" for cur, cents in sorted(amounts.items()))


def billing_tables(b: BillingReport) -> list[Table]:
    """The billing report's summary tables, in reading order."""
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
        Table("contracts", "Contracts and prepaid balances", _CONTRACT_HEADERS,
              [_contract_row(k) for k in b.contracts], _CONTRACT_NOTE),
    ]


_CONTRACT_HEADERS = ["Contract", "Customer", "Kind", "Balance before", "Used", "Topped up",
                     "Expired unused", "Balance after", "Expires", "Owed", "Currency"]
_CONTRACT_NOTE = ("Balances and use are in minutes for hour packs and in incidents for incident "
                  "packs and per-incident contracts; balances are taken just before the period "
                  "and at its end. What was left when a pack expired in the period is shown as "
                  "expired and is no longer available.")


def _kind(k: ContractLine) -> str:
    label = KIND_LABELS.get(k.kind, k.kind)
    if k.unit == "minutes":
        return f"{label} (minutes)"
    if k.kind == "per_incident" and k.price_cents:
        return f"{label}, {k.price_cents / 100:.2f} {k.currency}"
    return label


def _contract_row(k: ContractLine) -> list[Cell]:
    return [k.name, k.customer, _kind(k), k.balance_start, k.used,
            k.topped_up if k.unit else None, k.expired if k.unit else None, k.available_end,
            k.expires_on.isoformat() if k.expires_on else None,
            _money(k.owed_cents) if k.kind == "per_incident" else None,
            k.currency if k.kind == "per_incident" else None]


def _day(e: TimeLine, b: BillingReport) -> str:
    return e.at.astimezone(b.period.tz).strftime("%Y-%m-%d %H:%M")


def _drawn(e: TimeLine) -> str:
    if not e.drawn_unit:
        return ""
    unit = "min" if e.drawn_unit == "minutes" else ("incident" if e.drawn == 1 else "incidents")
    return f"{e.drawn} {unit}"


INVOICE_HEADERS = ["Date", "Ticket", "Subject", "Agent", "Kind", "Work done", "Minutes",
                   "Billable", "Vendor", "Vendor case", "Contract", "Drawn from contract",
                   "Rate", "Amount", "Currency"]


def _invoice_row(e: TimeLine, b: BillingReport) -> list[Cell]:
    return [_day(e, b), e.ticket, e.subject, e.agent,
            "vendor support" if e.is_vendor else "work", e.note, e.minutes,
            "yes" if e.billable else "no", e.vendor, e.vendor_case, e.contract, _drawn(e),
            _money(e.rate_cents), _money(e.amount_cents), e.currency]


def _subtotals(s: Statement) -> list[tuple[str, Cell, str]]:
    """(label, value, unit) rows of a statement's subtotals."""
    rows: list[tuple[str, Cell, str]] = [
        ("Billable work", s.billable_minutes, "minutes"),
        ("Non-billable work", s.non_billable_minutes, "minutes"),
        ("Vendor support", s.vendor_minutes, "minutes"),
    ]
    if s.vendor and s.vendor_billable_minutes != s.vendor_minutes:
        rows.append(("of which billable", s.vendor_billable_minutes, "minutes"))
    rows.append(("Incidents used", s.incidents, "incidents"))
    for cur, cents in sorted(s.amounts.items()):
        rows.append(("Amount", _money(cents), cur))
    return rows


def invoice_tables(b: BillingReport) -> list[Table]:
    """One invoice-ready table per customer: every line of the period, then subtotals.

    Vendor-support lines name the vendor and their case number, so a client
    sees what the time with the supplier was for. Subtotal rows carry their
    label in the first column and their value in the Minutes (or Amount) column.
    """
    tables = []
    width = len(INVOICE_HEADERS)
    minutes_col, amount_col = INVOICE_HEADERS.index("Minutes"), INVOICE_HEADERS.index("Amount")
    for s in b.statements():
        rows = [_invoice_row(e, b) for e in [*s.work, *s.vendor]]
        for label, value, unit in _subtotals(s):
            row: list[Cell] = [f"Subtotal: {label}" if label != "Amount" else "Total amount"]
            row += [None] * (width - 1)
            if label == "Amount":
                row[amount_col], row[-1] = value, unit
            else:
                row[minutes_col] = value
                row[4] = unit
            rows.append(row)
        stem = _slug(s.customer) + "-" + (s.customer_id[:8] or "none")
        tables.append(Table(f"invoice-{stem}", f"Statement for {s.customer}", INVOICE_HEADERS,
                            rows))
    return tables


def statement_tables(s: Statement, b: BillingReport) -> list[Table]:
    """A customer's statement for people (PDF, HTML): work, vendor support, totals, balances."""
    lines = [*s.work, *s.vendor]
    many = len({e.contract_id for e in lines if e.contract_id}) > 1

    def billed(e: TimeLine) -> str:
        if not e.billable:
            return "no"
        if not e.drawn_unit:
            return "yes"
        return f"yes ({_drawn(e)} from {e.contract})" if many else f"yes ({_drawn(e)})"

    def amount(e: TimeLine) -> str | None:
        return None if e.amount_cents is None else f"{e.amount_cents / 100:.2f} {e.currency}"

    work = _without_empty_columns(Table(
        "work", "Work done",
        ["Date", "Ticket", "Subject", "Agent", "Work done", "Minutes", "Billable", "Amount"],
        [[_day(e, b), e.ticket, e.subject, e.agent, e.note, e.minutes, billed(e), amount(e)]
         for e in s.work],
        "Times are the team's local time. Billable shows what the work drew from your "
        "contract; amounts are shown where the contract has a price.",
        wide=("Work done",)), keep=7)
    vendor = _without_empty_columns(Table(
        "vendor", "Vendor support on your behalf",
        ["Date", "Ticket", "Subject", "Agent", "Vendor and their case", "What for", "Minutes",
         "Billable", "Amount"],
        [[_day(e, b), e.ticket, e.subject, e.agent,
          f"{e.vendor}, case {e.vendor_case}" if e.vendor_case else e.vendor, e.note,
          f"{e.minutes} ({e.phone_minutes} on the phone)" if e.phone_minutes else str(e.minutes),
          billed(e), amount(e)]
         for e in s.vendor],
        "Time our team spent with a supplier's support about your case: whom we contacted, "
        "their case number and why.", wide=("What for",)), keep=8)
    totals = Table("subtotals", "Totals", ["", "Value", "Unit"],
                   [[label, value, unit] for label, value, unit in _subtotals(s)])
    contracts = _without_empty_columns(Table(
        "balances", "Contracts and prepaid balances", _CONTRACT_HEADERS,
        [_contract_row(k) for k in s.contracts], _CONTRACT_NOTE), keep=3)
    return [t for t in (work, vendor, totals, contracts) if t.rows or t.name == "work"]


def _without_empty_columns(t: Table, keep: int) -> Table:
    """``t`` without the columns (after the first ``keep``) that are empty in every row."""
    used = [i < keep or any(r[i] not in (None, "") for r in t.rows)
            for i in range(len(t.headers))]
    return Table(t.name, t.title, [h for h, u in zip(t.headers, used, strict=True) if u],
                 [[c for c, u in zip(r, used, strict=True) if u] for r in t.rows], t.note,
                 t.wide)


def statement_summary(s: Statement) -> list[tuple[str, str]]:
    """The headline figures of a statement, for boxes at its top."""
    out = [("Billable work", f"{s.billable_minutes} min"),
           ("Non-billable", f"{s.non_billable_minutes} min"),
           ("Vendor support", f"{s.vendor_minutes} min"),
           ("Incidents used", str(s.incidents))]
    if s.amounts:
        out.append(("Amount", _amounts(s.amounts)))
    return out


def _slug(name: str) -> str:
    """A file-name-safe form of a name; letters in any script are kept."""
    out = "".join(ch if ch.isalnum() else "-" for ch in name.strip())
    return "-".join(part for part in out.split("-") if part)[:40] or "customer"
