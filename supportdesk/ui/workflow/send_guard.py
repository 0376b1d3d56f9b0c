"""The last check before a reply goes out, for any composer.

:func:`confirm_send` refuses a text that still holds a placeholder, and
shows messages that arrived since the draft began so the rep can read them
and confirm. The email composer calls it with the draft's marker from
``collision.begin_draft`` taken when the draft opened.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from supportdesk.services.workflow.collision import DraftMarker, SendCheck, check_before_send
from supportdesk.store import Store
from supportdesk.ui.i18n import _n
from supportdesk.ui.plain import literal


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def blocked_message(check: SendCheck) -> str:
    """Why a reply cannot go out."""
    return _t("This reply still contains {0}. Fill in or remove every placeholder before "
              "sending.").format(", ".join(check.unfilled))


def collision_message(check: SendCheck) -> str:
    """The messages that arrived while the reply was being written."""
    lines = [_n("%n new messages arrived since you started this reply:", "",
             len(check.new_messages))]
    for m in check.new_messages[:8]:
        lines.append(f"• {m.created_at.astimezone():%H:%M} {m.author_name}: {m.snippet}")
    lines.append("")
    lines.append(_t("Send your reply anyway?"))
    return "\n".join(lines)


def ask_send_anyway(parent: QWidget | None, text: str) -> bool:
    """Show the messages that arrived meanwhile and ask whether to send (default: no)."""
    answer = QMessageBox.question(
        parent, _t("New messages"), literal(text),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


_ask = ask_send_anyway


def _refuse(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, _t("Cannot send yet"), literal(text))


def confirm_send(
    parent: QWidget | None,
    store: Store,
    conversation_id: str,
    text: str,
    draft: DraftMarker | None,
    *,
    ask: Callable[[QWidget | None, str], bool] = _ask,
    refuse: Callable[[QWidget | None, str], None] = _refuse,
) -> bool:
    """True when the reply may be sent now.

    Args:
        draft: where the conversation stood when the draft began (None: no check).
        ask, refuse: the dialogs (tests pass stand-ins).
    """
    with store.read() as session:
        check = check_before_send(session, conversation_id, text, draft, me=store.agent_id)
    if check.blocked:
        refuse(parent, blocked_message(check))
        return False
    if check.needs_confirmation:
        return ask(parent, collision_message(check))
    return True
