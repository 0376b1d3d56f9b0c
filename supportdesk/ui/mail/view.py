"""Mail in the timeline: safe HTML or text, action links, files, blocked images, send state.

Everything produced here is either escaped or already sanitised by the
email channel's sanitiser. Links use the ``sdmail:`` scheme and are handled
by the mail controller; nothing here opens anything by itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from html import escape
from urllib.parse import parse_qsl, urlencode

from PySide6.QtCore import QCoreApplication, QUrl

from supportdesk.services.inbox import ConversationDetail, TimelineEntry
from supportdesk.services.mail.sender import OutboxItem
from supportdesk.services.mail.view import MailView
from supportdesk.ui.i18n import _n, local_when
from supportdesk.ui.timeline import DARK, LIGHT, EntryExtra


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


SCHEME = "sdmail"


def link(action: str, label: str, **params: str) -> str:
    """An ``sdmail:`` link for the controller."""
    href = f"{SCHEME}:{action}?{urlencode(params)}"
    return f'<a href="{escape(href, quote=True)}">{escape(label)}</a>'


def parse_link(url: QUrl) -> tuple[str, dict[str, str]] | None:
    """(action, parameters) of an ``sdmail:`` link, or None for any other URL."""
    if url.scheme() != SCHEME:
        return None
    return url.path(), dict(parse_qsl(url.query(QUrl.ComponentFormattingOption.FullyDecoded)))


def original_waiting_text() -> str:
    """What a mail whose raw original has not been fetched yet says about it."""
    return _t("The original of this message has not reached this computer yet; it arrives "
              "with the next sync.")


def size_text(size: int) -> str:
    """A file size for people."""
    if size < 1024:
        return _n("%n bytes", "", size)
    if size < 1024 * 1024:
        return _t("{0} KB").format(max(1, round(size / 1024)))
    return _t("{0:.1f} MB").format(size / (1024 * 1024))


def _clock(at: datetime) -> str:
    return local_when(at, "day_month_time")


def send_state(item: OutboxItem) -> str:
    """The send state of a mail written here, in words (escaped HTML)."""
    if item.status == "sent":
        text = "✓ " + _t("Sent {0}").format(_clock(item.sent_at or item.created_at))
        if item.last_error:
            text += " · " + item.last_error
        if item.sent_copy_pending:
            text += " · " + _t("the copy for the Sent folder is not filed yet")
        return escape(text)
    if item.status == "failed":
        text = "⚠ " + _t("Not sent: {0}").format(item.last_error or _t("unknown reason"))
        return f"<b>{escape(text)}</b> " + link("retry", _t("Send again"), o=item.id)
    if item.status == "cancelled":
        return escape("✗ " + _t("Not sent: deleted from the outbox."))
    if item.status == "sending":
        return escape("⇡ " + _t("Sending now…"))
    text = "⇡ " + _t("Waiting in the outbox")
    if item.attempts:
        text += " · " + _t("try {0} failed, next try at {1}").format(
            item.attempts, _clock(item.next_attempt_at)
        )
        if item.last_error:
            text += ": " + item.last_error
    else:
        text += " · " + _t("goes out as soon as the server can be reached")
    return escape(text) + " " + link("retry", _t("Send now"), o=item.id)


def _recipients(view: MailView) -> str:
    parts = []
    if view.to:
        parts.append(_t("To: {0}").format(", ".join(view.to[:8])))
    if view.cc:
        parts.append(_t("Cc: {0}").format(", ".join(view.cc[:8])))
    more = len(view.to) + len(view.cc) - min(8, len(view.to)) - min(8, len(view.cc))
    text = " · ".join(parts) + (" " + _t("(and {0} more)").format(more) if more > 0 else "")
    return escape(text)


def extra_for(
    entry: TimelineEntry, view: MailView, *, as_text: bool, dark: bool
) -> EntryExtra:
    """The extra HTML of one mail in the timeline."""
    c = DARK if dark else LIGHT
    muted = f'style="color:{c["muted"]}; font-size:small"'
    actions = [
        link("reply", _t("Reply"), m=entry.id),
        link("reply_all", _t("Reply all"), m=entry.id),
        link("forward", _t("Forward"), m=entry.id),
        link("split", _t("Split"), m=entry.id),
        link("move", _t("Move…"), m=entry.id),
    ]
    if view.html is not None:
        actions.append(
            link("html", _t("Show formatted"), m=entry.id)
            if as_text
            else link("text", _t("Show as text"), m=entry.id)
        )
    recipients = _recipients(view)
    head = f"<p {muted}>{recipients}</p>" if recipients else ""
    if view.html is not None and not as_text:
        body = f"{head}<div>{view.html}</div>"
    else:
        body = head + "<div>" + escape(entry.body_text).replace("\n", "<br>") + "</div>"
    footer: list[str] = []
    if view.blocked_remote:
        footer.append(
            f"<div {muted}>⚠ "
            + escape(_n("%n remote images were blocked to protect your privacy.", "",
                view.blocked_remote))
            + " " + link("images", _t("Show images from {0}").format(view.sender), s=view.sender)
            + "</div>"
        )  # fmt: skip
    elif view.remote_allowed and view.html is not None and view.remote_images:
        footer.append(
            f"<div {muted}>"
            + escape(_t("Images from {0} are shown.").format(view.sender))
            + " " + link("block", _t("Block them again"), s=view.sender)
            + "</div>"
        )  # fmt: skip
    for f in view.files:
        if f.inline and f.mime_type.startswith("image/") and view.html is not None and not as_text:
            continue  # shown in place
        name = f"<b>{escape(f.filename)}</b> ({escape(size_text(f.size))})"
        if f.path is None:
            footer.append(
                f"<div>{name} <span {muted}>{escape(_t('not on this computer'))}</span></div>"
            )
        else:
            footer.append(
                f"<div>{name} &nbsp; {link('open', _t('Open'), a=f.id)} · "
                f"{link('save', _t('Save…'), a=f.id)}</div>"
            )
    if view.raw_waiting:
        footer.append(f"<div {muted}>" + escape(original_waiting_text()) + "</div>")
    elif view.raw_available:
        footer.append(
            f"<div {muted}>" + escape(_t("Original message:")) + " "
            + link("original", _t("Save as .eml…"), m=entry.id) + "</div>"
        )
    if view.outgoing is not None:
        footer.append(f'<div style="margin-top:4px">{send_state(view.outgoing)}</div>')
    return EntryExtra(
        body_html=body,
        actions_html=" · ".join(actions),
        footer_html="".join(footer),
    )


def extras_for(
    detail: ConversationDetail,
    views: Mapping[str, MailView],
    text_mode: set[str],
    dark: bool,
) -> dict[str, EntryExtra]:
    """Extras for every mail entry of a conversation."""
    out: dict[str, EntryExtra] = {}
    for entry in detail.entries:
        view = views.get(entry.id)
        if view is not None:
            out[entry.id] = extra_for(entry, view, as_text=entry.id in text_mode, dark=dark)
    return out
