"""A conversation's timeline as HTML for a QTextBrowser.

Every value is escaped; nothing here loads remote content. Email HTML is
shown by the email channel's sanitiser, never raw.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import QCoreApplication

from supportdesk.services.inbox import ConversationDetail, TimelineEntry


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


LIGHT = {
    "text": "#1f2328", "muted": "#6b7280", "customer": "#f3f4f6", "agent": "#e8f0fb",
    "note": "#fff6d6", "note_border": "#e0b631", "call": "#fbeee6", "call_border": "#c2682f",
    "border": "#d0d7de", "system": "#6b7280",
}
DARK = {
    "text": "#e6e6e6", "muted": "#9aa3ad", "customer": "#2a2d33", "agent": "#1f3550",
    "note": "#4a3f17", "note_border": "#c9a227", "call": "#47301f", "call_border": "#d9834a",
    "border": "#3a3f47", "system": "#9aa3ad",
}

OUTCOMES = {
    "resolved": "Resolved on the call",
    "follow_up": "Follow-up needed",
    "voicemail": "Left a voicemail",
    "no_answer": "No answer",
    "escalated": "Escalated",
    "other": "Other",
}


def _when(at: datetime) -> str:
    return at.astimezone().strftime("%a %d %b %Y, %H:%M")


def _duration(seconds: int) -> str:
    minutes, secs = divmod(max(0, seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min {secs:02d} s"


def _body(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _entry(e: TimelineEntry, c: dict[str, str], show_subject: bool) -> str:
    who = escape(e.author_name or _t("Unknown"))
    when = escape(_when(e.created_at))
    files = ""
    if e.attachments:
        names = escape(_t("Attached:")) + " " + ", ".join(
            f"{escape(a.filename)} ({max(1, a.size // 1024)} KB)" for a in e.attachments
        )
        files = f'<div style="color:{c["muted"]}; margin-top:4px">{names}</div>'
    why = e.meta.get("thread_rule")
    reason = (
        f'<span style="color:{c["muted"]}"> · {escape(_t("joined by"))} {escape(str(why))}</span>'
        if why
        else ""
    )
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
        label = "✉" if e.kind.startswith("email") else escape(_t("Chat")) + " ·"
        head = f"{label} {who}"
        bg = c["agent"] if e.is_agent else c["customer"]
        border = c["border"]
        subject = f"<b>{escape(e.subject)}</b><br>" if e.subject and show_subject else ""
        body = subject + _body(e.body_text)
    return (
        f'<table width="100%" cellspacing="0" cellpadding="8" '
        f'style="margin:6px 0; background:{bg}; border-left:3px solid {border}">'
        f'<tr><td><div style="color:{c["muted"]}; font-size:small">{head} · {when}{reason}</div>'
        f'<div style="margin-top:4px">{body}</div>{files}</td></tr></table>'
    )


def _topic(subject: str) -> str:
    """A subject without reply prefixes, to tell when a thread's subject changes."""
    text = subject.strip()
    while True:
        head, sep, rest = text.partition(":")
        if sep and head.strip().lower() in {"re", "fwd", "fw", "aw", "sv", "vs", "ответ"}:
            text = rest.strip()
            continue
        return text.lower()


def render(detail: ConversationDetail, dark: bool) -> str:
    """The whole timeline, oldest first."""
    c = DARK if dark else LIGHT
    parts = [f'<div style="color:{c["text"]}">']
    if detail.earlier_entries:
        parts.append(
            f'<p style="color:{c["system"]}">'
            + escape(_t("{0} earlier entries are not shown.").format(detail.earlier_entries))
            + "</p>"
        )
    previous = ""
    for e in detail.entries:
        topic = _topic(e.subject)
        parts.append(_entry(e, c, show_subject=bool(topic) and topic != previous))
        previous = topic or previous
    if not detail.entries:
        parts.append(f'<p style="color:{c["system"]}">{escape(_t("Nothing here yet."))}</p>')
    parts.append("</div>")
    return "".join(parts)
