"""pytest fixtures for the real test servers, shared by every test folder.

``tests/conftest.py`` imports them, so one throwaway CA and one Dovecot serve
the whole session. A missing server skips loudly, or fails under CI.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.servers import require
from tests.servers.dovecot import DovecotServer, MailUser, dovecot_problem, reap_orphans
from tests.servers.smtpd import Mode, SmtpServer, smtpd_problem
from tests.servers.tlsca import TlsFiles, make_pki, pki_problem

MakeSmtp = Callable[..., SmtpServer]


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    """A throwaway CA and a server certificate for 127.0.0.1 and localhost."""
    require(pki_problem())
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def dovecot(tls_files: TlsFiles) -> Iterator[DovecotServer]:
    """One real Dovecot for the whole session."""
    require(dovecot_problem())
    reap_orphans()
    server = DovecotServer(tls_files)
    try:
        server.start()
        yield server
    finally:
        server.cleanup()


@pytest.fixture
def mail_user(dovecot: DovecotServer) -> MailUser:
    """A fresh IMAP user with an empty INBOX."""
    return dovecot.add_user()


@pytest.fixture
def make_smtp(tls_files: TlsFiles) -> Iterator[MakeSmtp]:
    """Factory for real SMTP servers (started), stopped after the test."""
    require(smtpd_problem())
    servers: list[SmtpServer] = []

    def make(mode: Mode = "starttls", users: dict[str, str] | None = None) -> SmtpServer:
        server = SmtpServer(tls_files, mode)
        for name, password in (users or {}).items():
            server.add_user(name, password)
        server.start()
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()
