"""Mailbox passwords: the OS keyring only, or this session's memory when there is none.

Never written to disk by SupportDesk and never logged. A keyring that keeps
passwords in a plain file (``keyrings.alt``) is treated as no keyring.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

import keyring
import keyring.errors

log = logging.getLogger(__name__)

SERVICE = "SupportDesk"


def keyring_key(mailbox_id: str) -> str:
    """The keyring user name a mailbox's password is stored under."""
    return f"mailbox:{mailbox_id}"


@dataclass(frozen=True)
class KeyringStatus:
    """Whether passwords can be kept between sessions, and if not, why."""

    usable: bool
    backend: str
    reason: str


_NO_KEYRING = (
    "No system keyring (GNOME Keyring, KWallet, the macOS Keychain or the Windows "
    "Credential Manager) is available to SupportDesk, so it cannot keep the mailbox "
    "password. It will ask for it once each session and keep it only in memory."
)
_PLAIN_FILE = (
    "The only keyring available ({0}) keeps passwords in a file on disk, which "
    "SupportDesk does not use. It will ask for the password once each session and keep it "
    "only in memory."
)


def keyring_status() -> KeyringStatus:
    """Check the keyring backend keyring chose for this process."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken backend configuration
        return KeyringStatus(False, type(exc).__name__, _NO_KEYRING)
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    parts = [name] + [
        f"{type(b).__module__}.{type(b).__name__}" for b in getattr(backend, "backends", ())
    ]
    if any(p.startswith("keyrings.alt") or "plaintext" in p.lower() for p in parts):
        return KeyringStatus(False, name, _PLAIN_FILE.format(name))
    try:
        priority = float(backend.priority)
    except Exception:
        priority = 0.0
    if name.startswith("keyring.backends.fail") or priority <= 0:
        return KeyringStatus(False, name, _NO_KEYRING)
    return KeyringStatus(True, name, f"Passwords are kept in the system keyring ({name}).")


class PasswordBook:
    """Where the app gets mailbox passwords: memory for this session, then the keyring.

    Thread-safe; fetch and send workers read from it.
    """

    def __init__(self, status: KeyringStatus | None = None) -> None:
        self._memory: dict[str, str] = {}
        self._lock = threading.Lock()
        self.status = status or keyring_status()

    def get(self, mailbox_id: str) -> str | None:
        """The password, or None when the rep has to be asked."""
        with self._lock:
            known = self._memory.get(mailbox_id)
        if known is not None or not self.status.usable:
            return known
        try:
            stored = keyring.get_password(SERVICE, keyring_key(mailbox_id))
        except keyring.errors.KeyringError as exc:
            log.warning("keyring read failed: %s", type(exc).__name__)
            return None
        if stored is not None:
            with self._lock:
                self._memory[mailbox_id] = stored
        return stored

    def set(self, mailbox_id: str, password: str, *, remember: bool = True) -> str | None:
        """Use ``password`` from now on; store it in the keyring when asked and possible.

        Returns:
            None when it was stored as asked, else a sentence saying why it
            is only kept for this session.
        """
        with self._lock:
            self._memory[mailbox_id] = password
        if not remember:
            return None
        if not self.status.usable:
            return self.status.reason
        try:
            keyring.set_password(SERVICE, keyring_key(mailbox_id), password)
        except keyring.errors.KeyringError as exc:
            log.warning("keyring write failed: %s", type(exc).__name__)
            return (
                "The system keyring refused to store the password "
                f"({type(exc).__name__}); it is kept only for this session."
            )
        return None

    def forget(self, mailbox_id: str) -> None:
        """Drop the password from memory and from the keyring."""
        with self._lock:
            self._memory.pop(mailbox_id, None)
        if not self.status.usable:
            return
        try:
            keyring.delete_password(SERVICE, keyring_key(mailbox_id))
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            log.warning("keyring delete failed: %s", type(exc).__name__)

    def __call__(self, mailbox_id: str) -> str | None:
        return self.get(mailbox_id)
