"""pytest fixtures for the real test servers, shared by every test folder.

``tests/conftest.py`` imports them, so one throwaway CA and one Dovecot serve
the whole session. A missing server skips loudly, or fails under CI.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.servers import require
from tests.servers.dovecot import DovecotServer, MailUser, dovecot_problem, reap_orphans
from tests.servers.oauth import RESOURCE_CLIENT, OAuthTestServer, oauth_server_problem
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

    def make(
        mode: Mode = "starttls",
        users: dict[str, str] | None = None,
        introspect: Callable[[str], dict[str, object]] | None = None,
        oauthbearer: bool = False,
    ) -> SmtpServer:
        server = SmtpServer(tls_files, mode, introspect=introspect, oauthbearer=oauthbearer)
        for name, password in (users or {}).items():
            server.add_user(name, password)
        server.start()
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()


@pytest.fixture
def oauth_server(tls_files: TlsFiles) -> Iterator[OAuthTestServer]:
    """A real OAuth2 authorization server (Authlib) over TLS on loopback."""
    require(oauth_server_problem())
    server = OAuthTestServer(tls_files)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def oauth_dovecot(
    tls_files: TlsFiles, oauth_server: OAuthTestServer
) -> Iterator[DovecotServer]:
    """A Dovecot that checks XOAUTH2/OAUTHBEARER tokens against `oauth_server` (introspection)."""
    require(dovecot_problem())
    url = oauth_server.introspection_url.replace(
        "https://", f"https://{RESOURCE_CLIENT}:{oauth_server.resource_secret}@"
    )
    server = DovecotServer(tls_files, introspection_url=url)
    try:
        server.start()
        yield server
    finally:
        server.cleanup()
