"""OAuth2 mailboxes: their sign-in settings, and access tokens kept in the keyring and renewed.

`MailCredentials` is what the fetch and send loops call for a mailbox's
secret: a password for password mailboxes, a fresh access token for OAuth2
ones (renewed a couple of minutes before it expires, or at once after the
server refused it). A refresh token the provider no longer accepts marks the
mailbox "Sign in again": the lookup then answers None (the watcher waits and
the outbox keeps its mail) until the rep signs in again.

Tokens are written to the OS keyring only; without a usable keyring they
live in memory for this session.
"""

from __future__ import annotations

import json
import logging
import threading
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass

import keyring
import keyring.errors
from sqlalchemy.orm import Session

from supportdesk.channels.email import oauth
from supportdesk.channels.email.connection import ConnectionReport, StepResult, test_connection
from supportdesk.channels.email.oauth import OAuthError, OAuthProvider, TokenSet
from supportdesk.models import Mailbox
from supportdesk.models.mail_oauth import MailOAuth
from supportdesk.services.actions import ActionError
from supportdesk.services.mail.mailboxes import MailboxInfo
from supportdesk.services.mail.passwords import SERVICE, KeyringStatus, PasswordBook, keyring_status
from supportdesk.store import Store, UnitOfWork

log = logging.getLogger(__name__)

SIGN_IN_AGAIN = "Sign in again"


def token_key(mailbox_id: str) -> str:
    """The keyring user name a mailbox's OAuth2 tokens are stored under."""
    return f"oauth:{mailbox_id}"


@dataclass(frozen=True)
class OAuthSettings:
    """A mailbox's OAuth2 provider settings (no tokens)."""

    provider: str
    client_id: str
    authorization_endpoint: str
    token_endpoint: str
    device_endpoint: str
    scopes: tuple[str, ...]
    needs_sign_in: bool = False
    last_error: str | None = None

    @classmethod
    def from_provider(cls, provider: OAuthProvider) -> OAuthSettings:
        """The settings a preset (or a filled-in generic provider) stands for."""
        return cls(
            provider.key,
            provider.client_id,
            provider.authorization_endpoint,
            provider.token_endpoint,
            provider.device_endpoint,
            provider.scopes,
        )

    def provider_for(self, name: str = "", client_secret: str = "") -> OAuthProvider:
        """The channel-level provider to sign in or refresh with."""
        names = {"google": "Google", "microsoft": "Microsoft"}
        redirect = ("localhost", "/") if self.provider == "microsoft" else (
            "127.0.0.1", "/oauth2/callback")  # fmt: skip
        return OAuthProvider(
            key=self.provider if self.provider in ("google", "microsoft") else "generic",  # type: ignore[arg-type]
            name=name or names.get(self.provider, "The sign-in provider"),
            authorization_endpoint=self.authorization_endpoint,
            token_endpoint=self.token_endpoint,
            device_endpoint=self.device_endpoint,
            scopes=self.scopes,
            client_id=self.client_id,
            client_secret=client_secret,
            redirect_host=redirect[0],
            redirect_path=redirect[1],
            extra=oauth.google().extra if self.provider == "google" else (),
        )


def get_oauth(session: Session, mailbox_id: str) -> OAuthSettings | None:
    """The mailbox's OAuth2 settings on this device, or None (it uses a password)."""
    row = session.get(MailOAuth, mailbox_id)
    if row is None:
        return None
    return OAuthSettings(
        row.provider, row.client_id, row.authorization_endpoint, row.token_endpoint,
        row.device_endpoint, tuple(row.scopes.split()), row.needs_sign_in, row.last_error,
    )  # fmt: skip


def save_oauth(uow: UnitOfWork, mailbox_id: str, settings: OAuthSettings | None) -> None:
    """Make the mailbox sign in with OAuth2 (or, with None, with a password again)."""
    session = uow.session
    if session.get(Mailbox, mailbox_id) is None:
        raise ActionError("That mailbox was removed.")
    row = session.get(MailOAuth, mailbox_id)
    if settings is None:
        if row is not None:
            session.delete(row)
        uow.changes.add("mail_oauth", mailbox_id)
        return
    if row is None:
        row = MailOAuth(mailbox_id=mailbox_id)
        session.add(row)
    row.provider = settings.provider
    row.client_id = settings.client_id.strip()
    row.authorization_endpoint = settings.authorization_endpoint.strip()
    row.token_endpoint = settings.token_endpoint.strip()
    row.device_endpoint = settings.device_endpoint.strip()
    row.scopes = " ".join(settings.scopes)
    row.needs_sign_in = settings.needs_sign_in
    row.last_error = settings.last_error
    uow.changes.add("mail_oauth", mailbox_id)


def _mark(store: Store, mailbox_id: str, needs_sign_in: bool, error: str | None) -> None:
    def run(uow: UnitOfWork) -> None:
        row = uow.session.get(MailOAuth, mailbox_id)
        if row is not None and (row.needs_sign_in, row.last_error) != (needs_sign_in, error):
            row.needs_sign_in = needs_sign_in
            row.last_error = error
            uow.changes.add("mail_oauth", mailbox_id)

    store.write(run)


@dataclass(frozen=True)
class _Stored:
    tokens: TokenSet
    client_secret: str = ""


class TokenBook:
    """OAuth2 tokens per mailbox: the keyring (or this session's memory), renewed as needed.

    Thread-safe; one refresh at a time per mailbox.

    Args:
        store: where the mailboxes' OAuth2 settings are.
        status: the keyring's usability (checked when None).
        refresh: the refresh call (the channel's; replaceable for a test of timing).
    """

    def __init__(
        self,
        store: Store,
        status: KeyringStatus | None = None,
        refresh: Callable[..., TokenSet] = oauth.refresh,
    ) -> None:
        self.store = store
        self.status = status or keyring_status()
        self._refresh = refresh
        self._memory: dict[str, _Stored] = {}
        self._stale: set[str] = set()
        self._lock = threading.Lock()
        self._box_locks: dict[str, threading.Lock] = {}

    # -- keyring -----------------------------------------------------------------------------

    def _load(self, mailbox_id: str) -> _Stored | None:
        with self._lock:
            known = self._memory.get(mailbox_id)
        if known is not None or not self.status.usable:
            return known
        try:
            text = keyring.get_password(SERVICE, token_key(mailbox_id))
        except keyring.errors.KeyringError as exc:
            log.warning("keyring read failed: %s", type(exc).__name__)
            return None
        if text is None:
            return None
        try:
            data = json.loads(text)
            stored = _Stored(TokenSet.from_dict(data), str(data.get("client_secret", "")))
        except (ValueError, AttributeError):
            log.warning("the stored sign-in of mailbox %s is unreadable", mailbox_id)
            return None
        with self._lock:
            self._memory[mailbox_id] = stored
        return stored

    def _save(self, mailbox_id: str, stored: _Stored) -> str | None:
        with self._lock:
            self._memory[mailbox_id] = stored
            self._stale.discard(mailbox_id)
        if not self.status.usable:
            return self.status.reason.replace("password", "sign-in")
        data = stored.tokens.to_dict() | {"client_secret": stored.client_secret}
        try:
            keyring.set_password(SERVICE, token_key(mailbox_id), json.dumps(data))
        except keyring.errors.KeyringError as exc:
            log.warning("keyring write failed: %s", type(exc).__name__)
            return (
                "The system keyring refused to store the sign-in "
                f"({type(exc).__name__}); it is kept only for this session."
            )
        return None

    def forget(self, mailbox_id: str) -> None:
        """Drop the tokens from memory and from the keyring."""
        with self._lock:
            self._memory.pop(mailbox_id, None)
        if not self.status.usable:
            return
        try:
            keyring.delete_password(SERVICE, token_key(mailbox_id))
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            log.warning("keyring delete failed: %s", type(exc).__name__)

    # -- use ---------------------------------------------------------------------------------

    def settings(self, mailbox_id: str) -> OAuthSettings | None:
        """The mailbox's OAuth2 settings, or None when it signs in with a password."""
        with self.store.read() as session:
            return get_oauth(session, mailbox_id)

    def signed_in(
        self, mailbox_id: str, tokens: TokenSet, client_secret: str = ""
    ) -> str | None:
        """Keep the tokens of a finished sign-in and clear "Sign in again".

        Returns:
            None when they are in the keyring, else why they are kept only
            for this session.
        """
        warning = self._save(mailbox_id, _Stored(tokens, client_secret))
        _mark(self.store, mailbox_id, False, None)
        return warning

    def invalidate(self, mailbox_id: str) -> None:
        """The server refused the access token: renew it at the next `access_token`."""
        with self._lock:
            self._stale.add(mailbox_id)

    def access_token(self, mailbox_id: str) -> str | None:
        """A usable access token, renewed first when it is about to expire or was refused.

        Returns None when the rep must sign in (never signed in on this device,
        or the provider no longer accepts the refresh token).

        Raises:
            OAuthError: the provider could not be reached or answered an error
                that trying later may fix (kind 'unreachable' or 'refused').
        """
        with self.store.read() as session:
            settings = get_oauth(session, mailbox_id)
            row = session.get(Mailbox, mailbox_id)
            cafile = (row.ca_file if row is not None else None) or None
        if settings is None or settings.needs_sign_in:
            return None
        with self._lock:
            box_lock = self._box_locks.setdefault(mailbox_id, threading.Lock())
        with box_lock:
            stored = self._load(mailbox_id)
            if stored is None:
                _mark(self.store, mailbox_id, True, "Not signed in on this computer.")
                return None
            with self._lock:
                stale = mailbox_id in self._stale
            if not stale and not stored.tokens.expiring():
                return stored.tokens.access_token
            provider = settings.provider_for(client_secret=stored.client_secret)
            try:
                fresh = self._refresh(provider, stored.tokens, cafile=cafile)
            except OAuthError as exc:
                if exc.needs_sign_in:
                    self.forget(mailbox_id)
                    _mark(self.store, mailbox_id, True, exc.user_message)
                    return None
                raise
            self._save(mailbox_id, _Stored(fresh, stored.client_secret))
            return fresh.access_token


class MailCredentials:
    """The secret for each mailbox: its password, or for OAuth2 mailboxes a fresh access token.

    Callable like a password lookup (``credentials(mailbox_id)``).
    """

    def __init__(self, passwords: PasswordBook, tokens: TokenBook) -> None:
        self.passwords = passwords
        self.tokens = tokens

    def is_oauth(self, mailbox_id: str) -> bool:
        """True when the mailbox signs in with OAuth2 on this device."""
        return self.tokens.settings(mailbox_id) is not None

    def __call__(self, mailbox_id: str) -> str | None:
        if self.tokens.settings(mailbox_id) is None:
            return self.passwords.get(mailbox_id)
        return self.tokens.access_token(mailbox_id)

    def refused(self, mailbox_id: str) -> bool:
        """The server refused the secret: renew an OAuth2 token (True) or not (a password)."""
        if not self.is_oauth(mailbox_id):
            return False
        self.tokens.invalidate(mailbox_id)
        return True

    def sign_in_problem(self, mailbox_id: str) -> str | None:
        """'Sign in again' with the reason, when an OAuth2 mailbox waits for a sign-in."""
        settings = self.tokens.settings(mailbox_id)
        if settings is None or not settings.needs_sign_in:
            return None
        reason = settings.last_error or ""
        return f"{SIGN_IN_AGAIN}: {reason}" if reason else f"{SIGN_IN_AGAIN}."


def sign_in_with_browser(
    tokens: TokenBook,
    mailbox_id: str,
    *,
    client_secret: str = "",
    login_hint: str = "",
    open_url: Callable[[str], object] = webbrowser.open,
    timeout: float = 300.0,
    cancel: threading.Event | None = None,
) -> str | None:
    """Sign a mailbox in through the system browser (loopback redirect with PKCE).

    Nothing is stored unless the whole sign-in succeeds.

    Returns:
        None, or why the tokens are kept only for this session.

    Raises:
        OAuthError: in words for the rep.
    """
    settings, cafile = _settings_and_ca(tokens, mailbox_id)
    provider = settings.provider_for(client_secret=client_secret)
    got = oauth.sign_in_browser(
        provider, open_url, login_hint=login_hint, cafile=cafile, timeout=timeout, cancel=cancel
    )
    return tokens.signed_in(mailbox_id, got, client_secret)


def sign_in_with_device_code(
    tokens: TokenBook,
    mailbox_id: str,
    show: Callable[[oauth.DeviceCode], object],
    *,
    client_secret: str = "",
    cancel: threading.Event | None = None,
    sleep: Callable[[float], object] | None = None,
) -> str | None:
    """Sign a mailbox in with a device code (RFC 8628): `show` tells the rep where to go."""
    settings, cafile = _settings_and_ca(tokens, mailbox_id)
    provider = settings.provider_for(client_secret=client_secret)
    device = oauth.start_device(provider, cafile=cafile)
    show(device)
    extra = {"sleep": sleep} if sleep is not None else {}
    got = oauth.poll_device(provider, device, cafile=cafile, cancel=cancel, **extra)  # type: ignore[arg-type]
    return tokens.signed_in(mailbox_id, got, client_secret)


def _settings_and_ca(tokens: TokenBook, mailbox_id: str) -> tuple[OAuthSettings, str | None]:
    with tokens.store.read() as session:
        settings = get_oauth(session, mailbox_id)
        row = session.get(Mailbox, mailbox_id)
    if row is None:
        raise ActionError("That mailbox was removed.")
    if settings is None:
        raise OAuthError("settings", "This mailbox is not set up to sign in with OAuth2.")
    return settings, row.ca_file or None


def oauth_connection_test(tokens: TokenBook, info: MailboxInfo) -> ConnectionReport:
    """The connection test of an OAuth2 mailbox, step by step.

    Renews the token (so the rep sees that renewal works), checks the
    granted permissions, then signs in to IMAP and SMTP with it.
    """
    steps: list[StepResult] = []
    settings = tokens.settings(info.id) if info.id else None
    skipped = StepResult(False, "Not tried: sign in first.", "token")
    if settings is None:
        step = StepResult(False, "This mailbox is not set up to sign in with OAuth2.", "token")
        return ConnectionReport(skipped, skipped, (step,))
    provider = settings.provider_for()
    if settings.needs_sign_in:
        text = f"{SIGN_IN_AGAIN}: {settings.last_error}" if settings.last_error else SIGN_IN_AGAIN
        return ConnectionReport(skipped, skipped, (StepResult(False, text, "token"),))
    tokens.invalidate(info.id)
    try:
        access = tokens.access_token(info.id)
    except OAuthError as exc:
        step = StepResult(False, f"Token renewal failed: {exc.user_message}", "token")
        return ConnectionReport(skipped, skipped, (step,))
    if access is None:
        again = tokens.settings(info.id)
        reason = again.last_error if again is not None and again.last_error else ""
        step = StepResult(False, f"{SIGN_IN_AGAIN}. {reason}".strip(), "token")
        return ConnectionReport(skipped, skipped, (step,))
    stored = tokens._load(info.id)
    steps.append(StepResult(True, f"Token renewed with {provider.name}."))
    granted = stored.tokens.scope if stored is not None else ""
    missing = oauth.missing_scopes(settings.scopes, granted)
    if missing:
        steps.append(StepResult(
            False,
            f"Consent missing for {', '.join(missing)}: sign in again and allow it (an "
            "administrator may have to grant consent for the app first).",
            "consent",
        ))  # fmt: skip
    else:
        steps.append(StepResult(True, "Consent: every permission the mailbox needs is granted."))
    report = test_connection(info.config(), access)
    return ConnectionReport(report.imap, report.smtp, tuple(steps))
