"""Fixtures for the mail transport tests: a test CA, a real Dovecot, real SMTP servers.

Dovecot starts once per session; each test gets its own user. A missing
server skips loudly, or fails when CI is set.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from supportdesk.channels.email.connection import MailboxConfig, Security
from tests.servers.dovecot import DovecotServer, MailUser
from tests.servers.smtpd import SmtpServer
from tests.servers.tlsca import TlsFiles

MakeSmtp = Callable[..., SmtpServer]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the real Dovecot with `dovecot` (for -m selection)."""
    for item in items:
        if "dovecot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.dovecot)


class _CfgMaker:
    """Builds a MailboxConfig for a test user; trusts the test CA unless told not to."""

    def __init__(self, tls_files: TlsFiles) -> None:
        self.ca = tls_files.ca_cert

    def __call__(
        self,
        user: MailUser,
        *,
        trust_test_ca: bool = True,
        imap_port: int = 9,
        imap_security: Security = "tls",
        smtp_port: int = 9,
        smtp_security: Security = "starttls",
        host: str = "127.0.0.1",
        sent_folder: str | None = None,
    ) -> MailboxConfig:
        return MailboxConfig(
            name="Support",
            email_address=f"{user.name}@example.com",
            username=user.name,
            imap_host=host,
            imap_port=imap_port,
            imap_security=imap_security,
            smtp_host=host,
            smtp_port=smtp_port,
            smtp_security=smtp_security,
            sent_folder=sent_folder,
            cafile=str(self.ca) if trust_test_ca else None,
        )


@pytest.fixture
def make_cfg(tls_files: TlsFiles) -> _CfgMaker:
    """Factory: `make_cfg(user, imap_port=..., smtp_port=..., ...)`."""
    return _CfgMaker(tls_files)


@pytest.fixture
def imap_cfg(dovecot: DovecotServer, mail_user: MailUser, make_cfg: _CfgMaker) -> MailboxConfig:
    """Settings for `mail_user` over implicit TLS, trusting the test CA."""
    return make_cfg(mail_user, imap_port=dovecot.imaps_port)
