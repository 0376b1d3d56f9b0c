"""A conversation's timeline as HTML for a QTextBrowser.

Every value is escaped; nothing here loads remote content. Email HTML is
shown by the email channel's sanitiser, never raw: a capability may pass
``extras`` (already safe HTML per entry: a rendered body, action links,
a footer), and this module places them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from PySide6.QtCore import QCoreApplication

from supportdesk.services.inbox import ActivityEntry, ConversationDetail, TimelineEntry
from supportdesk.services.workflow.contracts import format_minutes
from supportdesk.ui.i18n import _n, duration_text, local_when


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


LIGHT = {
    "text": "#1f2328", "muted": "#6b7280", "customer": "#f3f4f6", "agent": "#e8f0fb",
    "note": "#fff6d6", "note_border": "#e0b631", "call": "#fbeee6", "call_border": "#c2682f",
    "border": "#d0d7de", "system": "#6b7280", "work": "#eaf6ef", "work_border": "#2f855a",
    "escalation": "#f2edfb", "escalation_border": "#6b46c1",
}
DARK = {
    "text": "#e6e6e6", "muted": "#9aa3ad", "customer": "#2a2d33", "agent": "#1f3550",
    "note": "#4a3f17", "note_border": "#c9a227", "call": "#47301f", "call_border": "#d9834a",
    "border": "#3a3f47", "system": "#9aa3ad", "work": "#1e3a2b", "work_border": "#48bb78",
    "escalation": "#30284a", "escalation_border": "#9f7aea",
}

#: Activity kinds drawn in the timeline as items of their own (the rest stay in the history).
WORK_KINDS = frozenset({"time_logged", "vendor_support", "escalated", "de_escalated"})
#: What rules and pages did (issue 16): one quiet line each, from the entry's own words.
AUTOMATION_KINDS = frozenset({"rule", "page"})


def _automated(a: ActivityEntry) -> bool:
    return a.kind in AUTOMATION_KINDS or bool(a.detail.get("rule_id"))

OUTCOMES = {
    "resolved": "Resolved on the call",
    "follow_up": "Follow-up needed",
    "voicemail": "Left a voicemail",
    "no_answer": "No answer",
    "escalated": "Escalated",
    "other": "Other",
}


THREAD_RULES = {
    "references": "References",
    "in_reply_to": "In-Reply-To",
    "ticket_tag": "the ticket tag in the subject",
    "sender_subject": "same sender and subject",
    "new": "a new thread",
    "manual": "a rep's choice",
}
MAX_NOTES_SHOWN = 3


@dataclass(frozen=True)
class EntryExtra:
    """Safe HTML a capability adds to one timeline entry (never raw mail HTML)."""

    #: replaces the escaped plain-text body (e.g. sanitised HTML mail)
    body_html: str | None = None
    #: action links after the header line (Reply, Forward, Split ...)
    actions_html: str = ""
    #: after the body (files, blocked images, send state); replaces the file list
    footer_html: str = ""


def _when(at: datetime) -> str:
    return local_when(at, "full")


def _duration(seconds: int) -> str:
    minutes, secs = divmod(max(0, seconds), 60)
    return duration_text(minutes, seconds=secs)


def _body(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _why(e: TimelineEntry, c: dict[str, str]) -> str:
    """Why a message joined its conversation, from the rule threading recorded."""
    rule = e.meta.get("thread_rule")
    if not rule:
        return ""
    label = _t(THREAD_RULES.get(str(rule), str(rule)))
    detail = e.meta.get("thread_detail")
    text = f"{_t('joined by')} {label}" + (f": {detail}" if detail else "")
    return f'<div style="color:{c["muted"]}; font-size:small">↳ {escape(text)}</div>'


def _notes(e: TimelineEntry, c: dict[str, str]) -> str:
    """A visible note when a mail was damaged or machine-sent."""
    parts = []
    problems = [str(p) for p in e.meta.get("problems") or ()]
    if problems:
        shown = "; ".join(problems[:MAX_NOTES_SHOWN])
        more = len(problems) - MAX_NOTES_SHOWN
        if more > 0:
            shown += " " + _t("(and {0} more)").format(more)
        parts.append(f"⚠ {escape(_t('Read with problems:'))} {escape(shown)}")
    if e.meta.get("is_auto"):
        reason = e.meta.get("auto_reason") or ""
        parts.append(f"⚙ {escape(_t('Sent automatically'))}" + (
            f" ({escape(str(reason))})" if reason else ""))  # fmt: skip
    if not parts:
        return ""
    lines = "<br>".join(parts)
    return f'<div style="color:{c["note_border"]}; font-size:small; margin-top:4px">{lines}</div>'


def _entry(
    e: TimelineEntry, c: dict[str, str], show_subject: bool, extra: EntryExtra | None = None
) -> str:
    who = escape(e.author_name or _t("Unknown"))
    when = escape(_when(e.created_at))
    files = ""
    if e.attachments:
        names = escape(_t("Attached:")) + " " + ", ".join(
            f"{escape(a.filename)} ({max(1, a.size // 1024)} KB)" for a in e.attachments
        )
        files = f'<div style="color:{c["muted"]}; margin-top:4px">{names}</div>'
    why = ""
    actions = extra.actions_html if extra else ""
    if e.kind == "note":
        head = f"✎ {escape(_t('Internal note'))} · {who}"
        bg, border = c["note"], c["note_border"]
        body = _body(e.body_text)
    elif e.kind == "call":
        direction = e.meta.get("direction", "inbound")
        arrow = "↙" if direction == "inbound" else "↗"
        label = _t("Inbound call") if direction == "inbound" else _t("Outbound call")
        phone = escape(str(e.meta.get("phone_display") or e.meta.get("phone") or ""))
        outcome = escape(_t(OUTCOMES.get(str(e.meta.get("outcome")), str(e.meta.get("outcome")))))
        duration = _duration(int(e.meta.get("duration_s") or 0))
        follow = e.meta.get("follow_up")
        follow_html = (
            f"<br><b>{escape(_t('Follow up on'))}</b> {escape(str(follow))}" if follow else ""
        )
        head = " · ".join(p for p in (f"☎ {arrow} {label}", phone, who) if p)
        bg, border = c["call"], c["call_border"]
        body = (
            f"<b>{escape(_t('Duration'))}</b> {duration} &nbsp; "
            f"<b>{escape(_t('Outcome'))}</b> {outcome}{follow_html}"
            + (f"<br>{_body(e.body_text)}" if e.body_text else "")
        )
    else:
        email = e.kind.startswith("email")
        label = "✉" if email else escape(_t("Chat")) + " ·"
        if e.kind == "email_out":
            label = "✉ ↗"
        head = f"{label} {who}"
        ours = e.is_agent or e.kind == "email_out"
        bg = c["agent"] if ours else c["customer"]
        border = c["border"]
        subject = f"<b>{escape(e.subject)}</b><br>" if e.subject and show_subject else ""
        text = extra.body_html if extra and extra.body_html is not None else _body(e.body_text)
        body = subject + text + _notes(e, c)
        why = _why(e, c)
    if extra and extra.footer_html:
        files = f'<div style="margin-top:6px">{extra.footer_html}</div>'
    header = f'<div style="color:{c["muted"]}; font-size:small">{head} · {when}</div>'
    if actions:
        header = (
            '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td>{header}</td><td align="right" style="font-size:small">{actions}</td>'
            "</tr></table>"
        )
    return (
        f'<table width="100%" cellspacing="0" cellpadding="8" '
        f'style="margin:6px 0; background:{bg}; border-left:3px solid {border}">'
        f'<tr><td>{header}'
        f'{why}<div style="margin-top:4px">{body}</div>{files}</td></tr></table>'
    )


def _box(head: str, when: datetime, body: str, bg: str, border: str, c: dict[str, str]) -> str:
    header = (f'<div style="color:{c["muted"]}; font-size:small">{head} · '
              f"{escape(_when(when))}</div>")
    return (
        f'<table width="100%" cellspacing="0" cellpadding="8" '
        f'style="margin:6px 0; background:{bg}; border-left:3px solid {border}">'
        f'<tr><td>{header}<div style="margin-top:4px">{body}</div></td></tr></table>'
    )


def _line(at: datetime, text: str, c: dict[str, str]) -> str:
    """A compact history line: "Priya set Pending · 14:02"."""
    return (f'<p style="color:{c["system"]};margin:2px 0 2px 8px">'
            f"{escape(text)} · {escape(at.astimezone().strftime('%d %b %H:%M'))}</p>")


def _work_entry(a: ActivityEntry, c: dict[str, str], names: Mapping[str, str]) -> str:
    """Time logged, vendor support, escalation: work a customer can see was done."""
    d = a.detail
    if _automated(a):  # a rule's change or a page: one line, plain text
        icon = "⏰" if a.kind == "page" else "⚙"
        return (f'<p style="color:{c["system"]}; font-size:small">{icon} '
                f'{escape(str(d.get("text") or a.kind))} · {escape(_when(a.created_at))}</p>')
    who = escape(a.agent_name or _t("Someone"))
    note = f"<br>{_body(str(d['note']))}" if d.get("note") else ""
    if a.kind in ("time_logged", "vendor_support"):
        minutes = escape(format_minutes(int(d.get("minutes") or 0)))
        billable = escape(_t("billable") if d.get("billable") else _t("not billable"))
        if a.kind == "vendor_support":
            vendor = escape(str(d.get("vendor") or _t("a vendor")))
            case = d.get("case")
            case_html = (f" · {escape(_t('their case'))} <b>{escape(str(case))}</b>"
                         if case else "")
            phone = int(d.get("phone_minutes") or 0)
            phone_html = (" " + escape(_t("({0} on the phone)").format(format_minutes(phone)))
                          if phone else "")
            head = f"☏ {escape(_t('Vendor support'))} · {who}"
            body = (f"<b>{vendor}</b>{case_html} · <b>{minutes}</b>{phone_html} · {billable}"
                    f"{note}")
        else:
            head = f"⏱ {escape(_t('Time logged'))} · {who}"
            body = f"<b>{minutes}</b> · {billable}{note}"
        return _box(head, a.created_at, body, c["work"], c["work_border"], c)
    reason = escape(str(d.get("reason") or ""))
    if a.kind == "escalated":
        expert = names.get(str(d.get("to_agent_id") or ""), "")
        tier = str(d.get("to_tier") or "")
        target = " ".join(p for p in (expert, f"({tier})" if tier and expert else tier) if p)
        head = (f"⇧ {escape(_t('Escalated to {0}').format(target or _t('someone else')))}"
                f" · {who}")
        tried = d.get("tried")
        body = f"<b>{escape(_t('Why'))}</b> {reason}" + (
            f"<br><b>{escape(_t('Tried'))}</b> {_body(str(tried))}" if tried else "")
    else:
        back = names.get(str(d.get("back_to_agent_id") or ""), "")
        label = _t("Handed back to {0}").format(back) if back else _t("De-escalated")
        head = f"⇩ {escape(label)} · {who}"
        body = f"<b>{escape(_t('Why'))}</b> {reason}"
    return _box(head, a.created_at, body, c["escalation"], c["escalation_border"], c)


def _topic(subject: str) -> str:
    """A subject without reply prefixes, to tell when a thread's subject changes."""
    text = subject.strip()
    while True:
        head, sep, rest = text.partition(":")
        if sep and head.strip().lower() in {"re", "fwd", "fw", "aw", "sv", "vs", "ответ"}:
            text = rest.strip()
            continue
        return text.lower()


def render(
    detail: ConversationDetail,
    dark: bool,
    extras: Mapping[str, EntryExtra] | None = None,
    agent_names: Mapping[str, str] | None = None,
    lines: Sequence[tuple[datetime, str]] = (),
) -> str:
    """The whole timeline, oldest first; ``extras`` add safe HTML per entry id.

    ``lines`` are compact history lines (plain text, at their moment), e.g.
    "Priya set Pending · 14:02"; a capability provides them (issue 18).

    Time entries (work and vendor support) and escalations are drawn between
    the messages at the moment they were recorded; ``agent_names`` names the
    expert an escalation went to.
    """
    c = DARK if dark else LIGHT
    names = agent_names or {}
    first = detail.entries[0].created_at if detail.entries else None
    work = [a for a in detail.activity if (a.kind in WORK_KINDS or _automated(a))
            and (not detail.earlier_entries or first is None or a.created_at >= first)]
    parts = [f'<div style="color:{c["text"]}">']
    if detail.earlier_entries:
        parts.append(
            f'<p style="color:{c["system"]}">'
            + escape(_n("%Ln earlier entries are not shown.", "", detail.earlier_entries))
            + "</p>"
        )
    previous = ""
    pending: list[tuple[datetime, str]] = sorted(
        [(a.created_at, _work_entry(a, c, names)) for a in work]
        + [(at, _line(at, text, c)) for at, text in lines], key=lambda x: x[0])
    for e in detail.entries:
        while pending and pending[0][0] <= e.created_at:
            parts.append(pending.pop(0)[1])
        topic = _topic(e.subject)
        extra = extras.get(e.id) if extras else None
        parts.append(_entry(e, c, show_subject=bool(topic) and topic != previous, extra=extra))
        previous = topic or previous
    parts.extend(html for _at, html in pending)
    if not detail.entries and not work and not lines:
        parts.append(f'<p style="color:{c["system"]}">{escape(_t("Nothing here yet."))}</p>')
    parts.append("</div>")
    return "".join(parts)
