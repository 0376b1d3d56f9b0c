"""``supportdesk mailbox login``: device-code sign-in, headless, against a real OAuth2 server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from supportdesk.cli import main
from supportdesk.services.mail.mailboxes import MailboxInfo, mailbox_for_address
from supportdesk.services.mail.oauth import OAuthSettings, get_oauth, token_key
from supportdesk.services.mail.passwords import SERVICE
from supportdesk.store import Store
from tests.servers.oauth import PUBLIC_CLIENT, OAuthTestServer
from tests.services.mail.test_mail_settings import MemoryKeyring


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def stored_box(profile: Path) -> tuple[MailboxInfo | None, OAuthSettings | None]:
    store = Store.open(profile)
    try:
        with store.read() as session:
            box = mailbox_for_address(session, "help@shop.example")
            return box, get_oauth(session, box.id) if box is not None else None
    finally:
        store.close()


def login_args(server: OAuthTestServer, profile: Path, *extra: str) -> list[str]:
    return [
        "mailbox", "login", "help@shop.example", "--profile", str(profile),
        "--client-id", PUBLIC_CLIENT,
        "--authorization-endpoint", server.authorization_endpoint,
        "--token-endpoint", server.token_endpoint, "--device-endpoint", server.device_endpoint,
        "--scopes", "mail.imap mail.smtp offline_access", "--imap-host", "127.0.0.1",
        "--smtp-host", "127.0.0.1", "--ca-file", str(server.tls.ca_cert), *extra,
    ]  # fmt: skip


def approve_when_asked(server: OAuthTestServer, user: str, allow: bool = True) -> threading.Thread:
    """The rep, on their phone: types the code as soon as one was handed out."""

    def run() -> None:
        for _ in range(400):
            with server.lock:
                codes = [d["user_code"] for d in server.devices.values()]
            if codes:
                server.approve(codes[0], user, allow)
                return
            threading.Event().wait(0.05)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_device_login_creates_the_mailbox_and_keeps_tokens_in_the_keyring(
    oauth_server: OAuthTestServer, profile: Path, ring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    approve_when_asked(oauth_server, "help")
    assert main(login_args(oauth_server, profile)) == 0
    out = capsys.readouterr().out
    assert "enter the code" in out and "/activate" in out and "Signed in" in out
    box, settings = stored_box(profile)
    assert box is not None and box.auth == "oauth2"
    assert settings is not None and not settings.needs_sign_in
    assert list(ring.secrets) == [(SERVICE, token_key(box.id))]
    assert main(["mailbox", "status", "help@shop.example", "--profile", str(profile)]) == 0
    assert "OAuth2" in capsys.readouterr().out


def test_declined_login_changes_nothing(
    oauth_server: OAuthTestServer, profile: Path, ring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    approve_when_asked(oauth_server, "help", allow=False)
    assert main(login_args(oauth_server, profile)) == 1
    assert "declined" in capsys.readouterr().err
    assert ring.secrets == {}
    box, settings = stored_box(profile)
    assert box is not None and box.auth == "password" and settings is None


def test_generic_provider_needs_its_endpoints(
    profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["mailbox", "login", "a@b.example", "--profile", str(profile),
                 "--client-id", "x"]) == 1  # fmt: skip
    assert "--authorization-endpoint" in capsys.readouterr().err
