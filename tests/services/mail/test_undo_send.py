"""Undo send against a real aiosmtpd: a mail held for its delay, undone, never arrives."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from supportdesk.services.actions import ActionError
from supportdesk.services.mail import sender
from supportdesk.services.mail.ingest import ingest_raw
from supportdesk.services.mail.outgoing import Draft, QueuedMail, draft_for, queue_draft
from supportdesk.services.mail.sender import outbox_counts, send_due
from supportdesk.services.mail.undo_send import clamp_delay, hold, undo_send
from supportdesk.store import Store, UnitOfWork
from tests.servers.smtpd import SmtpServer
from tests.servers.tlsca import TlsFiles
from tests.services.mail.helpers import SUPPORT, add_mailbox, mail

MakeSmtp = Callable[..., SmtpServer]
PASSWORD = "s3cret-pass"
T0 = datetime(2026, 12, 1, 9, tzinfo=UTC)


def passwords(_mailbox_id: str) -> str:
    return PASSWORD


def write_reply(store: Store, text: str, delay: int) -> QueuedMail:
    conversation_id = ingest_raw(
        store, mail("Invoice wrong", message_id="q1@example.net", date=T0 - timedelta(hours=1))
    ).conversation_id
    with store.read() as session:
        draft = draft_for(session, store.blobs, "reply", conversation_id=conversation_id)
    written = Draft(**{**draft.__dict__, "body_text": text})

    def work(uow: UnitOfWork) -> QueuedMail:
        queued = queue_draft(uow, store.blobs, written, now=T0)
        hold(uow, queued.outgoing_id, delay, now=T0)
        return queued

    return store.write(work)


@pytest.fixture
def server(store: Store, make_smtp: MakeSmtp, tls_files: TlsFiles) -> SmtpServer:
    smtp = make_smtp("starttls", {SUPPORT: PASSWORD})
    add_mailbox(store, username=SUPPORT, smtp_port=smtp.port, ca_file=str(tls_files.ca_cert))
    return smtp


def test_undo_within_the_delay_leaves_nothing_sent(store: Store, server: SmtpServer) -> None:
    queued = write_reply(store, "Oops, wrong customer.", 10)
    # Within the delay the sender leaves it alone (the clock is given, not waited for).
    assert send_due(store, passwords, now=T0 + timedelta(seconds=9)).sent == 0
    store.write(lambda uow: undo_send(uow, queued.outgoing_id))
    store.write(lambda uow: undo_send(uow, queued.outgoing_id))  # twice is harmless
    report = send_due(store, passwords, now=T0 + timedelta(hours=1))
    assert report.sent == 0 and report.failed == 0
    assert server.messages == []
    with store.read() as session:
        assert outbox_counts(session) == {"cancelled": 1}


def test_a_mail_not_undone_leaves_when_its_delay_is_over(
    store: Store, server: SmtpServer
) -> None:
    queued = write_reply(store, "We fixed the VAT.", 10)
    assert send_due(store, passwords, now=T0 + timedelta(seconds=9)).sent == 0
    assert server.messages == []
    assert send_due(store, passwords, now=T0 + timedelta(seconds=10)).sent == 1
    assert len(server.messages) == 1
    with pytest.raises(ActionError, match="Too late"):
        store.write(lambda uow: undo_send(uow, queued.outgoing_id))


def test_an_undo_between_reading_and_sending_wins(store: Store, server: SmtpServer) -> None:
    queued = write_reply(store, "Racing.", 0)
    later = T0 + timedelta(seconds=1)
    [item] = sender._due(store, later, 10)  # the sender has read it ...
    store.write(lambda uow: undo_send(uow, queued.outgoing_id))  # ... the rep undoes ...
    assert not sender._claim(store, item.id, later)  # ... and the sender lets it be
    assert send_due(store, passwords, now=later).sent == 0
    assert server.messages == []


def test_delay_setting_is_kept_within_bounds() -> None:
    assert clamp_delay(10) == 10
    assert clamp_delay(-5) == 0
    assert clamp_delay(10_000) == 120
    assert clamp_delay("x") == 10
    assert clamp_delay(None) == 10
