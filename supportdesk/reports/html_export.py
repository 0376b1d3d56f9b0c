"""HTML export: one self-contained file, inline CSS, no external resources (no Qt).

Every piece of text is escaped; the heatmap is a table with coloured cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from supportdesk.reports.i18n import localize, text
from supportdesk.reports.metrics import BillingReport, WeeklySummary
from supportdesk.reports.tables import (
    Table,
    billing_tables,
    cell_text,
    statement_summary,
    statement_tables,
    weekly_tables,
)

_CSS = """
body{font-family:"DejaVu Sans","Noto Sans",Arial,sans-serif;color:#1f2933;margin:2em auto;
max-width:70em;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.1em}
.sub{color:#52606d;margin-top:0}
h2{font-size:1.15em;border-bottom:2px solid #3b6ea5;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
th,td{border:1px solid #cbd2d9;padding:.25em .6em;text-align:left}
th{background:#e4ecf5}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr:nth-child(even) td{background:#f7f9fb}
table.heat td{width:1.6em;text-align:center;padding:.2em;font-size:.8em}
.kpis{display:flex;flex-wrap:wrap;gap:.8em}
.kpi{border:1px solid #cbd2d9;border-radius:6px;padding:.5em .9em;min-width:9em}
.kpi b{display:block;font-size:1.5em}
.note{color:#52606d;font-size:.85em}
h3{font-size:1em;margin:1.2em 0 .2em}
section.statement{border-top:3px solid #3b6ea5;margin-top:2.5em}
section.statement h2{border:none;margin-top:.8em}
"""


def _heat_colour(value: int, top: int) -> str:
    if top <= 0 or value <= 0:
        return "#ffffff"
    f = value / top
    # white to a strong blue
    r, g, b = (int(255 - f * (255 - c)) for c in (33, 102, 172))
    return f"#{r:02x}{g:02x}{b:02x}"


def _table(t: Table, *, heat: bool = False, level: int = 2) -> str:
    out = [f"<h{level}>{escape(t.title)}</h{level}>"]
    if not t.rows:
        out.append('<p class="note">Nothing in this period.</p>')
        return "\n".join(out)
    top = max((c for r in t.rows for c in r[1:] if isinstance(c, int)), default=0) if heat else 0
    out.append('<table class="heat">' if heat else "<table>")
    out.append("<tr>" + "".join(f"<th>{escape(h)}</th>" for h in t.headers) + "</tr>")
    for row in t.rows:
        cells = []
        for i, c in enumerate(row):
            txt = escape(cell_text(c))
            if heat and i > 0 and isinstance(c, int):
                fg = "#ffffff" if top and c / top > 0.55 else "#1f2933"
                cells.append(f'<td style="background:{_heat_colour(c, top)};color:{fg}">'
                             f"{txt}</td>")
            elif isinstance(c, int | float):
                cells.append(f'<td class="num">{txt}</td>')
            else:
                cells.append(f"<td>{txt}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    if t.note:
        out.append(f'<p class="note">{escape(t.note)}</p>')
    return "\n".join(out)


def _kpis(kpis: Sequence[tuple[str, str]]) -> str:
    return '<div class="kpis">' + "".join(
        f'<div class="kpi">{escape(label)}<b>{escape(value)}</b></div>' for label, value in kpis
    ) + "</div>"


def _page(title: str, subtitle: str, kpis: Sequence[tuple[str, str]],
          tables: Sequence[Table], extra: str = "", language: str = "") -> str:
    body = "\n".join(_table(t, heat=t.name == "heatmap") for t in tables) + extra
    return (
        f"<!DOCTYPE html>\n<html lang=\"{escape(language or 'en')}\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>\n"
        f"<h1>{escape(title)}</h1><p class=\"sub\">{escape(subtitle)}</p>\n"
        f"{_kpis(kpis)}\n{body}\n</body></html>\n"
    )


def _h(v: float | None, language: str = "") -> str:
    return "–" if v is None else text("{0} h", language).format(f"{v:.1f}")


def weekly_html(w: WeeklySummary, language: str = "") -> str:
    """The weekly summary as one HTML document (fixed texts in the team's ``language``)."""
    lang = language
    team = f"{w.team_name} · " if w.team_name else ""
    made = text("made {0}", lang).format(f"{w.generated_at.astimezone(w.period.tz):%Y-%m-%d %H:%M}")
    span = text("{0} to {1}", lang).format(w.period.first_day.isoformat(),
                                          w.period.last_day.isoformat())
    sub = f"{team}{span} ({w.period.tz.key}) · {made}"
    sla = "–" if w.sla.percent is None else f"{w.sla.percent:.1f} %"
    kpis = [(text("Opened", lang), str(w.opened)), (text("Solved", lang), str(w.solved)),
            (text("Backlog at end", lang), str(w.backlog_end)),
            (text("First response (median)", lang), _h(w.first_response.median_hours, lang)),
            (text("Resolution (median)", lang), _h(w.resolution.median_hours, lang)),
            (text("SLA met", lang), sla)]
    return _page(text(f"Weekly support summary {w.period.label}", lang), sub, kpis,
                 localize(weekly_tables(w), lang), language=lang)


def billing_html(b: BillingReport, language: str = "") -> str:
    """The billing report as one HTML document (fixed texts in the team's ``language``)."""
    lang = language
    team = f"{b.team_name} · " if b.team_name else ""
    sub = team + text("{0} to {1}", lang).format(b.period.first_day.isoformat(),
                                                b.period.last_day.isoformat())
    minutes = text("{0} min", lang)
    kpis = [(text("Billable", lang), minutes.format(b.total_billable)),
            (text("Non-billable", lang), minutes.format(b.total_non_billable)),
            (text("Vendor support", lang), minutes.format(b.total_vendor))]
    sections = []
    for st in b.statements():
        org = f" · {st.organization}" if st.organization else ""
        heading = text(f"Statement for {st.customer}", lang)
        summary = [(text(label, lang), value) for label, value in statement_summary(st)]
        parts = [f'<section class="statement"><h2>{escape(heading)}{escape(org)}</h2>',
                 _kpis(summary)]
        parts += [_table(t, level=3) for t in localize(statement_tables(st, b), lang)]
        sections.append("\n".join(parts) + "</section>")
    return _page(text("Support time and billing", lang), sub, kpis,
                 localize(billing_tables(b), lang), "\n" + "\n".join(sections), language=lang)


def write_html(document: str, path: Path) -> Path:
    """Write an HTML document as UTF-8."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(document, encoding="utf-8")
    return path
