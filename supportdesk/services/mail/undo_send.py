"""Undo send: a mail waits a few seconds in the outbox before it may leave.

``hold`` sets the first try of a just-queued mail ``seconds`` ahead; until
then the sender leaves it alone, and ``undo_send`` takes it back out of the
outbox (its copy stays in the conversation, marked as not sent). The sender
claims a mail only while it is still queued and due (``sender._claim``), so
an undo and a send never both win.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from supportdesk.models import MailOutgoing, OutgoingStatus, utcnow
from supportdesk.services.actions import ActionError
from supportdesk.store import UnitOfWork

#: the delay when the setting is not readable
DEFAULT_DELAY_S = 10
#: the longest delay a setting may ask for
MAX_DELAY_S = 120
UNDONE_NOTE = "Sending was undone; it was not sent."


def clamp_delay(seconds: object) -> int:
    """A usable delay from a setting's value (0 turns undo send off)."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float | str):
        return DEFAULT_DELAY_S
    try:
        value = int(seconds)
    except ValueError:
        return DEFAULT_DELAY_S
    return max(0, min(MAX_DELAY_S, value))


def hold(
    uow: UnitOfWork, outgoing_id: str, seconds: int, *, now: datetime | None = None
) -> datetime:
    """Keep a queued mail in the outbox for ``seconds``; returns when it may leave."""
    row = uow.session.get(MailOutgoing, outgoing_id)
    if row is None:
        raise ActionError("That mail is no longer in the outbox.")
    until = (now or utcnow()) + timedelta(seconds=clamp_delay(seconds))
    if row.status == OutgoingStatus.QUEUED and row.attempts == 0:
        row.next_attempt_at = until
        uow.changes.add("mail_outgoing", outgoing_id)
    return until


def undo_send(uow: UnitOfWork, outgoing_id: str) -> None:
    """Take a mail that has not left back out of the outbox.

    Raises:
        ActionError: it is already on its way (or gone), so it cannot be undone.
    """
    row = uow.session.get(MailOutgoing, outgoing_id)
    if row is None:
        raise ActionError("That mail is no longer in the outbox.")
    if row.status == OutgoingStatus.CANCELLED:
        return
    if row.status != OutgoingStatus.QUEUED or row.attempts:
        raise ActionError("Too late to undo: the mail was already handed to the mail server.")
    row.status = OutgoingStatus.CANCELLED
    row.last_error = UNDONE_NOTE
    uow.changes.add("mail_outgoing", outgoing_id)
