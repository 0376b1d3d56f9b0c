"""Automatic acknowledgements: fetched from a real Dovecot, delivered to a real aiosmtpd.

Once per conversation, with the ETA ``supportdesk sla preview`` shows, in the
customer's language, never to robots, lists or ourselves, never for history.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from sqlalchemy import func, select

from supportdesk.cli import main
from supportdesk.models import Mailbox, MailOutgoing, Message, ticket_ref, utcnow
from supportdesk.models.workflow import SlaTracking, sla_tracking_id
from supportdesk.services.mail.fetch import fetch_mailbox
from supportdesk.services.mail.ingest import ingest_raw, mailbox_key_for
from supportdesk.services.mail.mailboxes import (
    MailboxInfo,
    auto_ack_since,
    get_mailbox,
    mark_auto_ack,
    save_mailbox,
)
from supportdesk.services.mail.sender import send_due
from supportdesk.services.workflow.autoack import promise_phrase
from supportdesk.services.workflow.team import save_team
from supportdesk.store import Store
from tests.servers.dovecot import DovecotServer, MailUser
from tests.servers.smtpd import SmtpServer
from tests.servers.tlsca import TlsFiles
from tests.services.mail.helpers import mail

MakeSmtp = Callable[..., SmtpServer]
TEAM_ZONE = "Europe/Berlin"
ALLOWED_HEADERS = {
    b"auto-submitted", b"x-auto-response-suppress", b"from", b"to", b"subject", b"date",
    b"message-id", b"in-reply-to", b"references", b"mime-version", b"content-type",
    b"content-transfer-encoding",
}


@dataclasses.dataclass
class Desk:
    """A store with a team, an auto-acknowledging mailbox on Dovecot, and an SMTP server."""

    store: Store
    box: MailboxInfo
    user: MailUser
    dovecot: DovecotServer
    smtp: SmtpServer

    @property
    def address(self) -> str:
        return self.box.address

    def deliver(self, raw: bytes, when: datetime | None = None) -> None:
        self.dovecot.append(self.user, raw, when=when)

    def fetch(self) -> int:
        return fetch_mailbox(self.store, self.box.id, self.user.password).added

    def send(self) -> None:
        report = send_due(self.store, lambda _id: self.user.password)
        assert report.failed == 0 and report.retrying == 0, report.messages

    def received(self) -> list[EmailMessage]:
        out = []
        for got in self.smtp.messages:
            msg = message_from_bytes(got.content, policy=policy.default)
            assert isinstance(msg, EmailMessage)
            out.append(msg)
        return out


def _box(store: Store, address: str, username: str, imap_port: int, smtp_port: int,
         ca: str, *, auto_ack: bool = True, mailbox_id: str = "") -> MailboxInfo:
    info = MailboxInfo(
        id=mailbox_id, name="Support", address=address, display_name="Acme Support",
        username=username, imap_host="127.0.0.1", imap_port=imap_port, imap_security="tls",
        smtp_host="127.0.0.1", smtp_port=smtp_port, smtp_security="starttls",
        ca_file=ca, auto_ack=auto_ack,
    )  # fmt: skip
    saved = store.write(lambda uow: save_mailbox(uow, info))
    return dataclasses.replace(info, id=saved, address=address.lower())


@pytest.fixture
def desk(
    store: Store,
    dovecot: DovecotServer,
    mail_user: MailUser,
    tls_files: TlsFiles,
    make_smtp: MakeSmtp,
) -> Desk:
    smtp = make_smtp("starttls", {mail_user.name: mail_user.password})
    store.write(lambda uow: save_team(uow, timezone=TEAM_ZONE, week_text="mon-fri 09:00-17:00",
                                      team_name="Acme Support"))  # fmt: skip
    box = _box(store, f"{mail_user.name}@example.com", mail_user.name, dovecot.imaps_port,
               smtp.port, str(tls_files.ca_cert))  # fmt: skip
    return Desk(store, box, mail_user, dovecot, smtp)


def fresh(seconds: int = 2, tz: tzinfo = UTC) -> datetime:
    """A Date for mail arriving now (after the mailbox was set up), on the sender's clock."""
    return (utcnow() + timedelta(seconds=seconds)).replace(microsecond=0).astimezone(tz)


def preview_eta(store: Store, received: datetime) -> datetime:
    """The ETA ``supportdesk sla preview`` promises for mail received then."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = main(["sla", "preview", "--profile", str(store.profile), "--json",
                     "--priority", "normal", "--received", received.isoformat()])  # fmt: skip
    assert code == 0
    return datetime.fromisoformat(json.loads(buf.getvalue())["eta"])


def acks(store: Store) -> list[Message]:
    with store.read() as session:
        return [m for m in session.scalars(select(Message).order_by(Message.n))
                if (m.meta or {}).get("auto_ack")]  # fmt: skip


def outgoing_count(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(MailOutgoing)) or 0)


def test_new_conversation_is_acknowledged_once_with_the_previewed_eta(desk: Desk) -> None:
    received = fresh()
    raw = mail("Printer offline", message_id="p1@example.net", date=received,
               to=f"Support <{desk.address}>", body="The printer says E-04.")  # fmt: skip
    desk.deliver(raw)
    assert desk.fetch() == 1
    [ack] = acks(desk.store)
    cid = ack.conversation_id
    tag = ticket_ref(cid)
    desk.send()
    [msg] = desk.received()
    assert desk.smtp.messages[0].rcpt_tos == ["ann@example.net"]
    assert msg["To"] == "Ann Customer <ann@example.net>"
    assert msg["From"] == f"Acme Support <{desk.address}>"
    assert msg["Subject"] == f"Re: Printer offline [{tag}]"
    assert msg["In-Reply-To"] == "<p1@example.net>"
    assert msg["References"] == "<p1@example.net>"
    assert msg["Auto-Submitted"] == "auto-replied"
    assert msg["X-Auto-Response-Suppress"] == "All"
    assert msg["Message-ID"] == f"<auto-ack.{cid}@example.com>"
    assert "Precedence" not in msg

    # The promise is what `sla preview` gives for that received time, on the
    # sender's clock (their Date header says UTC).
    eta = preview_eta(desk.store, received)
    phrase = promise_phrase(eta, UTC, "en", utcnow())
    assert phrase.endswith("(UTC)")
    text = msg.get_body(("plain",))
    assert text is not None
    body = text.get_content()
    assert f"will reply {phrase}." in body and "Hi Ann Customer," in body
    assert tag in body
    with desk.store.read() as session:
        tr = session.get(SlaTracking, sla_tracking_id(cid))
        assert tr is not None and tr.ack_eta == eta and tr.first_response_at is None
    assert ack.meta["auto_ack"]["eta"] == eta.astimezone(UTC).isoformat()
    assert ack.meta["auto_ack"]["language"] == "en"

    # Fetch again, store the same bytes again, a UIDVALIDITY change, the
    # customer's follow-up in the thread: still the one acknowledgement.
    assert desk.fetch() == 0
    assert ingest_raw(desk.store, raw, mailbox_key=mailbox_key_for(desk.address)).status == (
        "duplicate"
    )
    desk.dovecot.bump_uidvalidity(desk.user)
    assert desk.fetch() == 0
    desk.deliver(mail("Re: Printer offline", message_id="p2@example.net", date=fresh(3),
                      references="<p1@example.net>", in_reply_to="<p1@example.net>",
                      to=f"Support <{desk.address}>", body="Also E-05 now."))  # fmt: skip
    assert desk.fetch() == 1
    desk.send()
    assert len(desk.received()) == 1
    assert len(acks(desk.store)) == 1 and outgoing_count(desk.store) == 1


def test_language_and_clock_of_the_customer(desk: Desk) -> None:
    moscow = timezone(timedelta(hours=3))
    cases = {
        # sender: (Content-Language header, body, language, the sender's offset)
        "ivan@example.ru": ("Content-Language: ru", "Здравствуйте! Принтер не печатает.", "ru",
                            moscow),
        "olga@example.ru": ("", "Добрый день, не приходит счёт за ноябрь.", "ru", moscow),
        "thora@example.is": ("", "Góðan daginn, prentarinn virkar ekki. Kveðja, Þóra", "is",
                             UTC),
        "jon@example.is": ("Content-Language: is-IS", "Halló, reikningurinn er rangur.", "is",
                           UTC),
        "mike@example.com": ("", "Hello, the invoice is wrong.", "en", timezone(-timedelta(
            hours=5))),
    }
    dates = {}
    for n, (sender, (header, body, _lang, tz)) in enumerate(cases.items()):
        dates[sender] = fresh(2 + n, tz)
        desk.deliver(mail(f"Question {n}", sender=sender, message_id=f"q{n}@example.net",
                          date=dates[sender], to=desk.address, body=body,
                          extra=header + "\r\nContent-Type: text/plain; charset=utf-8"
                          if header else "Content-Type: text/plain; charset=utf-8"))
    assert desk.fetch() == len(cases)
    desk.send()
    got = {m["To"].addresses[0].addr_spec: m for m in desk.received()}
    assert set(got) == set(cases)
    now = utcnow()
    for sender, (_header, _body, lang, tz) in cases.items():
        text = got[sender].get_body(("plain",))
        assert text is not None
        body = text.get_content()
        phrase = promise_phrase(preview_eta(desk.store, dates[sender]), tz, lang, now)
        assert phrase in body, (sender, body)
    assert "Здравствуйте!" in got["olga@example.ru"].get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Góðan dag," in got["thora@example.is"].get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "UTC-05:00" in got["mike@example.com"].get_body(("plain",)).get_content()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sender", "extra"),
    [
        ("ann@example.net", "Auto-Submitted: auto-replied"),
        ("ann@example.net", "Precedence: bulk"),
        ("ann@example.net", "List-Id: Users <users.lists.example.org>"),
        ("ann@example.net", "List-Unsubscribe: <mailto:leave@lists.example.org>"),
        ("ann@example.net", "X-Autoreply: yes"),
        ("ann@example.net", "X-Autorespond: On vacation"),
        ("ann@example.net", "Return-Path: <>"),
        ("MAILER-DAEMON@mx.example.net", ""),
        ("noreply@shop.example.net", ""),
        ("do-not-reply@bank.example.net", ""),
        ("ann@example.net", "Reply-To: no-reply@example.net"),
        ("OWN", ""),  # our own mailbox writing to itself: a loop
    ],
)
def test_no_ack_to_robots_lists_or_ourselves(desk: Desk, sender: str, extra: str) -> None:
    sender = desk.address if sender == "OWN" else sender
    desk.deliver(mail("Your order", sender=sender, message_id="robot@example.net",
                      date=fresh(), to=desk.address, extra=extra))  # fmt: skip
    assert desk.fetch() == 1
    desk.send()
    assert desk.received() == [] and acks(desk.store) == [] and outgoing_count(desk.store) == 0


def test_auto_submitted_no_is_a_person(desk: Desk) -> None:
    desk.deliver(mail("Help", message_id="person@example.net", date=fresh(), to=desk.address,
                      extra="Auto-Submitted: no"))  # fmt: skip
    assert desk.fetch() == 1
    desk.send()
    assert len(desk.received()) == 1


def test_mailbox_with_auto_ack_off_sends_nothing(desk: Desk) -> None:
    box = _box(desk.store, desk.address, desk.user.name, desk.box.imap_port,
               desk.box.smtp_port, desk.box.ca_file or "", auto_ack=False,
               mailbox_id=desk.box.id)  # fmt: skip
    assert not box.auto_ack
    desk.deliver(mail("Help", message_id="off@example.net", date=fresh(), to=desk.address))
    assert desk.fetch() == 1
    desk.send()
    assert desk.received() == [] and acks(desk.store) == []


def test_history_from_the_first_fetch_is_not_acknowledged(desk: Desk) -> None:
    old = utcnow() - timedelta(days=10)
    desk.deliver(mail("Old question", message_id="old@example.net", date=old, to=desk.address),
                 when=old)
    desk.deliver(mail("Yesterday", sender="bob@example.org", message_id="y@example.net",
                      date=utcnow() - timedelta(days=1), to=desk.address))  # fmt: skip
    desk.deliver(mail("New question", sender="cat@example.org", message_id="new@example.net",
                      date=fresh(), to=desk.address))  # fmt: skip
    assert desk.fetch() == 3
    desk.send()
    assert [m["To"].addresses[0].addr_spec for m in desk.received()] == ["cat@example.org"]


def test_mail_from_before_the_switch_was_turned_on_is_not_acknowledged(desk: Desk) -> None:
    switched = fresh(60)  # acknowledging began a minute after the mailbox was added
    desk.store.write(lambda uow: mark_auto_ack(uow.session, desk.box.id, True, switched))
    desk.deliver(mail("Before", sender="bob@example.org", message_id="b@example.net",
                      date=switched - timedelta(seconds=30), to=desk.address))  # fmt: skip
    desk.deliver(mail("After", sender="cat@example.org", message_id="a@example.net",
                      date=switched + timedelta(seconds=30), to=desk.address))  # fmt: skip
    assert desk.fetch() == 2
    desk.send()
    assert [m["To"].addresses[0].addr_spec for m in desk.received()] == ["cat@example.org"]


def test_crlf_in_the_customers_subject_and_name_makes_no_header(desk: Desk) -> None:
    desk.deliver(mail(
        "=?utf-8?q?Help=0D=0ABcc=3A_evil=40attacker=2Eexample?=",
        sender="=?utf-8?q?Ann=0D=0ACc=3A_evil2=40attacker=2Eexample?= <ann@example.net>",
        message_id="inject@example.net", date=fresh(), to=desk.address,
    ))  # fmt: skip
    assert desk.fetch() == 1
    desk.send()
    [got] = desk.smtp.messages
    assert got.rcpt_tos == ["ann@example.net"]
    head = got.content.split(b"\r\n\r\n", 1)[0]
    names = [line.split(b":", 1)[0].lower() for line in head.split(b"\r\n")
             if line and line[:1] not in (b" ", b"\t")]  # fmt: skip
    assert set(names) <= ALLOWED_HEADERS, names
    [msg] = desk.received()
    assert msg["Subject"].startswith("Re: Help Bcc: evil@attacker.example [SD-")
    assert msg["Bcc"] is None and msg["Cc"] is None


def test_mailbox_switched_on_elsewhere_starts_at_the_first_fetch_here(store: Store) -> None:
    # The settings synced from another device: no note of when this one began.
    info = MailboxInfo(
        id="", name="Support", address="help@example.com", display_name="Help",
        username="help", imap_host="127.0.0.1", imap_port=9, imap_security="tls",
        smtp_host="127.0.0.1", smtp_port=9, smtp_security="starttls",
    )  # fmt: skip
    box_id = store.write(lambda uow: save_mailbox(uow, info))

    def switch_on(uow: object) -> None:
        from supportdesk.store import UnitOfWork

        assert isinstance(uow, UnitOfWork)
        row = uow.session.get(Mailbox, box_id)
        assert row is not None
        uow.update(row, auto_ack=True)

    store.write(switch_on)
    key = mailbox_key_for("help@example.com")
    ingest_raw(store, mail("Waited", message_id="w@example.net", date=fresh(-5),
                           to="help@example.com"), mailbox_key=key)  # fmt: skip
    assert acks(store) == []
    ingest_raw(store, mail("Now", sender="cat@example.org", message_id="n@example.net",
                           date=fresh(5), to="help@example.com"), mailbox_key=key)  # fmt: skip
    assert len(acks(store)) == 1


def test_two_devices_make_the_same_acknowledgement_row(
    make_store: Callable[[], Store],
) -> None:
    raw = mail("Printer offline", message_id="two@example.net", date=fresh(60),
               to="help@example.com")  # fmt: skip
    rows = []
    for _ in range(2):
        s = make_store()
        info = MailboxInfo(
            id="", name="Support", address="help@example.com", display_name="Help",
            username="help", imap_host="127.0.0.1", imap_port=9, imap_security="tls",
            smtp_host="127.0.0.1", smtp_port=9, smtp_security="starttls", auto_ack=True,
        )  # fmt: skip
        s.write(lambda uow, info=info: save_mailbox(uow, info))  # type: ignore[misc]
        ingest_raw(s, raw, mailbox_key=mailbox_key_for("help@example.com"))
        [ack] = acks(s)
        rows.append((ack.id, ack.conversation_id, ack.meta["message_id"]))
    assert rows[0] == rows[1]


def test_the_switch_is_saved_and_notes_when_it_was_turned_on(store: Store) -> None:
    info = MailboxInfo(
        id="", name="Support", address="help@example.com", display_name="Help",
        username="help", imap_host="127.0.0.1", imap_port=9, imap_security="tls",
        smtp_host="127.0.0.1", smtp_port=9, smtp_security="starttls",
    )  # fmt: skip
    box_id = store.write(lambda uow: save_mailbox(uow, info))
    with store.read() as session:
        assert get_mailbox(session, box_id).auto_ack is False  # type: ignore[union-attr]
        assert auto_ack_since(session, box_id) is None
    before = utcnow()
    on = dataclasses.replace(info, id=box_id, auto_ack=True)
    store.write(lambda uow: save_mailbox(uow, on))
    with store.read() as session:
        assert get_mailbox(session, box_id).auto_ack is True  # type: ignore[union-attr]
        since = auto_ack_since(session, box_id)
    assert since is not None and since >= before
    store.write(lambda uow: save_mailbox(uow, dataclasses.replace(on, name="Help desk")))
    with store.read() as session:
        assert auto_ack_since(session, box_id) == since  # saving again keeps the start
    store.write(lambda uow: save_mailbox(uow, dataclasses.replace(on, auto_ack=False)))
    with store.read() as session:
        assert auto_ack_since(session, box_id) is None
