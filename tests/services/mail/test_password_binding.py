"""A teammate who points the mailbox at a host of theirs never receives the password.

Issue 13, finding 2. A fake IMAP server on loopback, with a certificate the client
trusts (the attacker also set the CA file), records every line it is sent. The real
watcher runs against the changed settings; the server must never see a LOGIN. The
control run, with a password book that does not bind, shows that it would.
"""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from supportdesk.models import Mailbox
from supportdesk.services.mail.mailboxes import MailboxInfo, get_mailbox
from supportdesk.services.mail.passwords import KeyringStatus, PasswordBook, endpoint
from supportdesk.services.mail.watch import MailboxWatcher, WatchEvent
from supportdesk.store import Store, UnitOfWork
from tests.servers.tlsca import TlsFiles
from tests.services.mail.helpers import add_mailbox

SECRET = "correct horse battery staple"
NO_KEYRING = KeyringStatus(False, "test", "No keyring here.")


class FakeImap:
    """A TLS IMAP greeter that records what clients send and refuses every sign-in."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self.context = context
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.lines: list[str] = []
        self.connections = 0
        self.login = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _addr = self.sock.accept()
            except TimeoutError:
                continue
            self.connections += 1
            try:
                with self.context.wrap_socket(conn, server_side=True) as tls:
                    tls.settimeout(5)
                    self._talk(tls)
            except (OSError, ssl.SSLError):
                continue

    def _talk(self, tls: ssl.SSLSocket) -> None:
        tls.sendall(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n")
        reader = tls.makefile("rb")
        for raw in reader:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            self.lines.append(line)
            tag, _sp, rest = line.partition(" ")
            command = rest.split(" ", 1)[0].upper()
            if command in ("LOGIN", "AUTHENTICATE"):
                self.login.set()
                tls.sendall(f"{tag} NO [AUTHENTICATIONFAILED] no\r\n".encode())
            elif command == "CAPABILITY":
                tls.sendall(f"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n{tag} OK done\r\n".encode())
            elif command == "LOGOUT":
                tls.sendall(f"* BYE\r\n{tag} OK bye\r\n".encode())
                return
            else:
                tls.sendall(f"{tag} BAD unknown\r\n".encode())

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


@pytest.fixture
def attacker(tls_files: TlsFiles) -> Iterator[FakeImap]:
    server = FakeImap(tls_files.server_context())
    yield server
    server.close()


def _redirect(store: Store, box: MailboxInfo, port: int, ca_file: Path) -> None:
    """The teammate's change, as it lands in this device's database."""

    def work(uow: UnitOfWork) -> None:
        row = uow.session.scalars(select(Mailbox).where(Mailbox.id == box.id)).one()
        uow.update(row, imap_host="127.0.0.1", imap_port=port, imap_security="tls",
                   ca_file=str(ca_file), username="support")

    store.write(work)


def _servers_of(store: Store):  # type: ignore[no-untyped-def]
    def lookup(mailbox_id: str) -> str | None:
        with store.read() as session:
            box = get_mailbox(session, mailbox_id)
        return endpoint(box) if box is not None else None

    return lookup


def _run_watcher(store: Store, box_id: str, book: PasswordBook,
                 until: threading.Event | None = None) -> list[WatchEvent]:
    """Run the real watcher until it asks for a password, fails, or ``until`` is set."""
    events: list[WatchEvent] = []
    settled = threading.Event()

    def on_event(event: WatchEvent) -> None:
        events.append(event)
        if event.kind in ("needs_password", "error"):
            settled.set()

    watcher = MailboxWatcher(store, box_id, book, on_event, first_retry=0.1)
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if settled.wait(0.1) or (until is not None and until.is_set()):
                break
    finally:
        watcher.stop()
        thread.join(10)
    assert settled.is_set() or (until is not None and until.is_set()), events
    return events


def test_a_redirected_mailbox_never_receives_the_stored_password(
    store: Store, attacker: FakeImap, tls_files: TlsFiles,
) -> None:
    box = add_mailbox(store)  # the team's real servers (port 9: nothing listens)
    book = PasswordBook(NO_KEYRING)
    book.bind(_servers_of(store))
    book.set(box.id, SECRET)
    assert book.get(box.id) == SECRET
    before = endpoint(box)

    _redirect(store, box, attacker.port, tls_files.ca_cert)
    events = _run_watcher(store, box.id, book)

    assert [e.kind for e in events if e.kind != "stopped"][-1] == "needs_password"
    assert attacker.connections == 0 and not attacker.login.is_set(), attacker.lines
    changed = book.changed(box.id)
    assert changed is not None and changed[0] == before and f":{attacker.port}/" in changed[1]
    # The settings dialog's connection test holds it back too.
    with store.read() as session:
        now = get_mailbox(session, box.id)
    assert now is not None and book.get_for(box.id, endpoint(now)) is None

    # Once the rep has seen the new server and typed the password, it is used there.
    book.set(box.id, SECRET)
    assert book.get(box.id) == SECRET and book.changed(box.id) is None


def test_control_an_unbound_book_would_have_sent_it(
    store: Store, attacker: FakeImap, tls_files: TlsFiles,
) -> None:
    """The listener and the watcher do reach LOGIN when nothing holds the password back."""
    box = add_mailbox(store)
    book = PasswordBook(NO_KEYRING)  # never bound: the behaviour before the fix
    book.set(box.id, SECRET)
    _redirect(store, box, attacker.port, tls_files.ca_cert)
    _run_watcher(store, box.id, book, until=attacker.login)
    assert attacker.login.is_set(), attacker.lines
    assert any(SECRET in line for line in attacker.lines)


def test_a_password_from_before_binding_is_asked_for_again(
    store: Store, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A keyring value stored before passwords were bound goes nowhere until retyped."""
    import keyring

    from supportdesk.services.mail import passwords

    box = add_mailbox(store)
    monkeypatch.setattr(keyring, "get_password", lambda _s, _k: "old-plain-password")
    book = PasswordBook(KeyringStatus(True, "test", "a keyring"))
    assert book.get(box.id) == "old-plain-password"  # unbound use (CLI) still reads it
    bound = PasswordBook(KeyringStatus(True, "test", "a keyring"))
    bound.bind(_servers_of(store))
    assert bound.get(box.id) is None
    assert bound.changed(box.id) == ("", endpoint(box))
    assert passwords._unpack(passwords._pack("pw", "x")) == ("pw", "x")
