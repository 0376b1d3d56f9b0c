"""Sync tokens in the OS keyring, never in a file.

One keyring entry per profile and server (service ``SupportDesk``). Where no
keyring works, nothing is stored and the message says what to do.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors

SERVICE = "SupportDesk"

NO_KEYRING = (
    "SupportDesk keeps its sign-in only in the system keyring, and none is usable here "
    "({detail}). Nothing was saved. Start or unlock your desktop's keyring (GNOME Keyring, "
    "KWallet, macOS Keychain or Windows Credential Manager) and sign in again; on a server "
    "without a desktop, run the command under 'dbus-run-session' with gnome-keyring unlocked."
)


class KeyringUnavailableError(Exception):
    """No keyring can hold the tokens; the message says what to do."""


@dataclass(frozen=True)
class Tokens:
    """A device's tokens for one server."""

    access: str
    refresh: str


def entry_name(profile: Path, server_url: str) -> str:
    """The keyring user name of a profile's tokens for a server."""
    return f"{profile.expanduser().resolve()}|{server_url}"


def _backend() -> keyring.backend.KeyringBackend:
    backend = keyring.get_keyring()
    module = type(backend).__module__
    # keyrings.alt's file backends store secrets in plain or weakly protected files.
    if module.startswith(("keyring.backends.fail", "keyrings.alt")) or backend.priority <= 0:
        raise KeyringUnavailableError(NO_KEYRING.format(detail=type(backend).__name__))
    return backend


def check_keyring() -> None:
    """Fail early, in words, when tokens could not be kept.

    Raises:
        KeyringUnavailableError: no usable keyring.
    """
    backend = _backend()
    try:
        backend.get_password(SERVICE, "probe")
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailableError(NO_KEYRING.format(detail=str(exc) or type(exc).__name__)) \
            from exc


def save(profile: Path, server_url: str, tokens: Tokens) -> None:
    """Store tokens.

    Raises:
        KeyringUnavailableError: no usable keyring; nothing was stored.
    """
    data = json.dumps({"access": tokens.access, "refresh": tokens.refresh})
    try:
        _backend().set_password(SERVICE, entry_name(profile, server_url), data)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailableError(NO_KEYRING.format(detail=str(exc) or type(exc).__name__)) \
            from exc


def load(profile: Path, server_url: str) -> Tokens | None:
    """The stored tokens, or None when this profile is not signed in there.

    Raises:
        KeyringUnavailableError: no usable keyring.
    """
    try:
        raw = _backend().get_password(SERVICE, entry_name(profile, server_url))
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailableError(NO_KEYRING.format(detail=str(exc) or type(exc).__name__)) \
            from exc
    if not raw:
        return None
    try:
        data = json.loads(raw)
        return Tokens(str(data["access"]), str(data["refresh"]))
    except (ValueError, KeyError, TypeError):
        return None


def forget(profile: Path, server_url: str) -> None:
    """Remove stored tokens (signing out); no error when there were none."""
    try:
        _backend().delete_password(SERVICE, entry_name(profile, server_url))
    except (keyring.errors.PasswordDeleteError, KeyringUnavailableError):
        pass
    except keyring.errors.KeyringError:
        pass


def held_refresh(profile: Path, server_url: str) -> str | None:
    """The refresh token this profile still holds for ``server_url``, if any."""
    try:
        held = load(profile, server_url)
    except Exception:  # no keyring, nothing stored: sign in with the password alone
        return None
    return held.refresh if held is not None else None
