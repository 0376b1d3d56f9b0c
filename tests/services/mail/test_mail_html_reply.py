"""Replies with formatting: multipart/alternative through a real aiosmtpd, sanitised HTML,
the quoted original, attachments byte for byte, forwarding with the original's files."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from sqlalchemy import func, select

from supportdesk.channels.email.compose import OutgoingAttachment
from supportdesk.channels.email.sanitize import sanitize_html
from supportdesk.models import MailOutgoing, Message
from supportdesk.services.actions import ActionError
from supportdesk.services.mail.ingest import ingest_raw
from supportdesk.services.mail.outgoing import ATTACHMENT_LIMIT, Draft, draft_for, queue_draft
from supportdesk.services.mail.sender import send_due
from supportdesk.store import Store
from tests.servers.smtpd import SmtpServer
from tests.servers.tlsca import TlsFiles
from tests.services.mail.helpers import SUPPORT, add_mailbox, mail

MakeSmtp = Callable[..., SmtpServer]
PASSWORD = "s3cret-pass"
T0 = datetime(2024, 6, 1, 12, tzinfo=UTC)
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\r\n\x00 trailing bytes\r"

HTML = (
    "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
    "<p>Hello Ann,</p><p><b>Good news</b>: it is <i>fixed</i>.</p>"
    "<ul><li>restart the app</li><li>sign in</li></ul>"
    '<p>Details: <a href="https://status.example.com/x" onclick="steal()">status page</a>'
    '<img src="https://tracker.example/p.gif"></p></body></html>'
)


def setup(store: Store, server: SmtpServer, tls_files: TlsFiles) -> None:
    add_mailbox(store, username=SUPPORT, smtp_port=server.port, ca_file=str(tls_files.ca_cert))


def received(server: SmtpServer) -> EmailMessage:
    msg = message_from_bytes(server.messages[-1].content, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def question(store: Store, body: str = "My app crashes.", extra: str = "") -> str:
    return ingest_raw(store, mail(
        "Crash", message_id="crash@example.net", date=T0, body=body, extra=extra,
    )).conversation_id  # fmt: skip


def test_html_reply_has_both_parts_sanitised_quote_and_attachment(
    store: Store, make_smtp: MakeSmtp, tls_files: TlsFiles
) -> None:
    server = make_smtp("starttls", {SUPPORT: PASSWORD})
    setup(store, server, tls_files)
    conversation_id = question(store)
    with store.read() as session:
        draft = draft_for(session, store.blobs, "reply", conversation_id=conversation_id)
    assert "wrote:" in draft.body_text and "> My app crashes." in draft.body_text
    quoted = draft.body_text
    draft = Draft(**{
        **draft.__dict__,
        "body_text": "Hello Ann,\nGood news: it is fixed.\n- restart the app\n- sign in\n" + quoted,
        "body_html": HTML.replace("</body>", f"<pre>{quoted}</pre></body>"),
        "attachments": (OutgoingAttachment("report.pdf", "application/pdf", PDF),),
    })  # fmt: skip
    store.write(lambda uow: queue_draft(uow, store.blobs, draft))
    report = send_due(store, lambda _id: PASSWORD)
    assert report.sent == 1, report.messages

    msg = received(server)
    assert msg.get_content_type() == "multipart/mixed"
    [alternative] = [p for p in msg.iter_parts() if p.get_content_type() == "multipart/alternative"]
    plain, html = (alternative.get_body(("plain",)), alternative.get_body(("html",)))
    assert plain is not None and html is not None
    text, markup = plain.get_content(), html.get_content()
    assert "Good news: it is fixed." in text and "wrote:" in text and "> My app crashes." in text
    assert "<b>Good news</b>" in markup and "<li>restart the app</li>" in markup
    assert "wrote:" in markup and "My app crashes." in markup
    assert "status.example.com" in markup
    for bad in ("<script", "alert(1)", "onclick", "steal()", "tracker.example", "<style"):
        assert bad not in markup, bad
    again = sanitize_html(markup, allow_remote=False, cid_map={}).html
    assert again.split() == markup.split()  # already clean: nothing more to strip
    [pdf] = [p for p in msg.iter_attachments() if p.get_filename() == "report.pdf"]
    assert hashlib.sha256(pdf.get_content()).digest() == hashlib.sha256(PDF).digest()
    with store.read() as session:
        stored = session.scalars(select(Message).where(Message.body_html.is_not(None))).all()
    assert [m.body_html for m in stored if "Good news" in (m.body_html or "")]


def test_forward_keeps_the_originals_attachments_byte_exact(
    store: Store, make_smtp: MakeSmtp, tls_files: TlsFiles
) -> None:
    server = make_smtp("starttls", {SUPPORT: PASSWORD})
    setup(store, server, tls_files)
    boundary = "b0undary"
    body = (
        f"--{boundary}\r\nContent-Type: text/plain\r\n\r\nSee the log.\r\n"
        f"--{boundary}\r\nContent-Type: application/octet-stream\r\n"
        'Content-Disposition: attachment; filename="crash.log"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(PDF).decode().replace("\n", "\r\n")
        + f"\r\n--{boundary}--"
    )
    conversation_id = question(store, body=body, extra=(
        f'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="{boundary}"'))  # fmt: skip
    with store.read() as session:
        draft = draft_for(session, store.blobs, "forward", conversation_id=conversation_id)
    draft = Draft(**{**draft.__dict__, "to": ("dev@example.org",), "body_text": "FYI",
                     "body_html": "<p><b>FYI</b></p>"})  # fmt: skip
    store.write(lambda uow: queue_draft(uow, store.blobs, draft))
    assert send_due(store, lambda _id: PASSWORD).sent == 1
    msg = received(server)
    [log] = [p for p in msg.iter_attachments() if p.get_filename() == "crash.log"]
    assert log.get_content() == PDF
    html = msg.get_body(("html",))
    assert html is not None and "Forwarded message" in html.get_content()


def test_oversize_attachments_are_refused_before_anything_is_queued(
    store: Store, make_smtp: MakeSmtp, tls_files: TlsFiles
) -> None:
    server = make_smtp("starttls", {SUPPORT: PASSWORD})
    setup(store, server, tls_files)
    conversation_id = question(store)
    with store.read() as session:
        draft = draft_for(session, store.blobs, "reply", conversation_id=conversation_id)
        before = session.scalar(select(func.count()).select_from(Message))
    half = b"x" * (ATTACHMENT_LIMIT // 2 + 1)
    draft = Draft(**{**draft.__dict__, "attachments": (
        OutgoingAttachment("a.bin", "application/octet-stream", half),
        OutgoingAttachment("b.bin", "application/octet-stream", half),
    )})  # fmt: skip
    with pytest.raises(ActionError, match=r"at most 25\.0 MB\. Nothing was queued"):
        store.write(lambda uow: queue_draft(uow, store.blobs, draft))
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Message)) == before
        assert session.scalar(select(func.count()).select_from(MailOutgoing)) == 0
    assert send_due(store, lambda _id: PASSWORD).sent == 0 and server.messages == []


def test_signatures_placeholders_plain_text_only_and_the_mailbox_limit(
    store: Store, make_smtp: MakeSmtp, tls_files: TlsFiles
) -> None:
    from supportdesk.services.mail.mailboxes import list_mailboxes
    from supportdesk.services.mail.signatures import (
        Prefs,
        agent_owner,
        mailbox_owner,
        save_prefs,
    )

    server = make_smtp("starttls", {SUPPORT: PASSWORD})
    setup(store, server, tls_files)
    with store.read() as session:
        [box] = list_mailboxes(session)
    store.write(lambda uow: save_prefs(uow, agent_owner("Dana"), Prefs("Dana, {agent}")))
    store.write(lambda uow: save_prefs(uow, mailbox_owner(box.id), Prefs(
        "Acme Support · ticket {ticket} · {customer_name}", plain_text_only=True,
        attachment_limit_mb=1)))  # fmt: skip
    conversation_id = question(store)
    with store.read() as session:
        draft = draft_for(session, store.blobs, "reply", conversation_id=conversation_id,
                          author_name="Dana")  # fmt: skip
    head, _, quote = draft.body_text.partition("wrote:")
    assert "\n-- \nDana, Dana\nAcme Support · ticket SD-" in head
    assert "· Ann Customer" in head and "{" not in head and "> My app crashes." in quote
    big = OutgoingAttachment("big.bin", "application/octet-stream", b"x" * (1024 * 1024 + 1))
    oversize = Draft(**{**draft.__dict__, "attachments": (big,)})
    with pytest.raises(ActionError, match=r"at most 1\.0 MB"):
        store.write(lambda uow: queue_draft(uow, store.blobs, oversize))
    formatted = Draft(**{**draft.__dict__, "body_html": "<p><b>Fixed</b></p>"})
    store.write(lambda uow: queue_draft(uow, store.blobs, formatted))
    assert send_due(store, lambda _id: PASSWORD).sent == 1
    msg = received(server)
    assert msg.get_content_type() == "text/plain"  # this mailbox sends plain text only
    assert "Acme Support · ticket SD-" in msg.get_content()
