"""Mailbox passwords: the OS keyring only, or this session's memory when there is none.

Never written to disk by SupportDesk and never logged. A keyring that keeps
passwords in a plain file (``keyrings.alt``) is treated as no keyring.

A password is bound to the servers it was typed for (user name, IMAP and SMTP host,
port, security and CA file: :func:`endpoint`). When a mailbox's settings change (on
this device or through sync), the stored password is not handed out for the new
servers until the rep has seen them and typed it again (``PasswordBook.changed``
says what changed), so a teammate who points the mailbox at a host of theirs never
receives it.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import keyring
import keyring.errors

log = logging.getLogger(__name__)

SERVICE = "SupportDesk"


class _Endpoints(Protocol):
    @property
    def username(self) -> str: ...
    @property
    def imap_host(self) -> str: ...
    @property
    def imap_port(self) -> int: ...
    @property
    def imap_security(self) -> str: ...
    @property
    def smtp_host(self) -> str: ...
    @property
    def smtp_port(self) -> int: ...
    @property
    def smtp_security(self) -> str: ...
    @property
    def ca_file(self) -> str | None: ...


def endpoint(box: _Endpoints) -> str:
    """Where a mailbox's password goes: user, both servers, their security, the CA file."""
    return (f"{box.username}@imap://{box.imap_host}:{box.imap_port}/{box.imap_security}"
            f" smtp://{box.smtp_host}:{box.smtp_port}/{box.smtp_security}"
            f" ca={box.ca_file or ''}")


def _pack(password: str, bound: str) -> str:
    return json.dumps({"password": password, "endpoint": bound})


def _unpack(stored: str) -> tuple[str, str]:
    """(password, endpoint); a value from before binding is bound to nothing."""
    try:
        data = json.loads(stored)
    except ValueError:
        return stored, ""
    if isinstance(data, dict) and isinstance(data.get("password"), str):
        return data["password"], str(data.get("endpoint") or "")
    return stored, ""


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

    Thread-safe; fetch and send workers read from it. Once :meth:`bind` gave it a
    way to find a mailbox's current servers, it hands a password out only for the
    servers it was stored for.
    """

    def __init__(self, status: KeyringStatus | None = None) -> None:
        self._memory: dict[str, tuple[str, str]] = {}
        self._lock = threading.Lock()
        self.status = status or keyring_status()
        self._endpoint_of: Callable[[str], str | None] | None = None
        #: mailbox id -> (servers the password was typed for, servers now)
        self._changed: dict[str, tuple[str, str]] = {}

    def bind(self, endpoint_of: Callable[[str], str | None]) -> None:
        """Check every password against a mailbox's current servers (``endpoint``).

        Passwords typed this session before the book knew the servers are bound to
        the current ones (a password from the keyring that was stored before
        binding existed is not: the rep types it once more).
        """
        self._endpoint_of = endpoint_of
        with self._lock:
            unbound = [mid for mid, (_pw, bound) in self._memory.items() if not bound]
        for mid in unbound:
            servers = endpoint_of(mid) or ""
            with self._lock:
                entry = self._memory.get(mid)
                if entry is not None and not entry[1]:
                    self._memory[mid] = (entry[0], servers)

    def get(self, mailbox_id: str) -> str | None:
        """The password, or None when the rep has to be asked (also: servers changed)."""
        now = self._endpoint_of(mailbox_id) if self._endpoint_of is not None else None
        return self._get(mailbox_id, now)

    def get_for(self, mailbox_id: str, servers: str) -> str | None:
        """The password only if it was stored for exactly these servers (``endpoint``)."""
        return self._get(mailbox_id, servers)

    def changed(self, mailbox_id: str) -> tuple[str, str] | None:
        """(old servers, new servers) when a password was held back because they differ."""
        with self._lock:
            return self._changed.get(mailbox_id)

    def _lookup(self, mailbox_id: str) -> tuple[str, str] | None:
        with self._lock:
            known = self._memory.get(mailbox_id)
        if known is not None or not self.status.usable:
            return known
        try:
            stored = keyring.get_password(SERVICE, keyring_key(mailbox_id))
        except keyring.errors.KeyringError as exc:
            log.warning("keyring read failed: %s", type(exc).__name__)
            return None
        if stored is None:
            return None
        found = _unpack(stored)
        with self._lock:
            self._memory[mailbox_id] = found
        return found

    def _get(self, mailbox_id: str, servers: str | None) -> str | None:
        found = self._lookup(mailbox_id)
        if found is None:
            return None
        password, bound = found
        if servers is not None and bound != servers:
            with self._lock:
                self._changed[mailbox_id] = (bound, servers)
            log.warning("mailbox %s: servers changed since the password was typed; "
                        "asking again", mailbox_id)
            return None
        return password

    def set(self, mailbox_id: str, password: str, *, remember: bool = True,
            servers: str | None = None) -> str | None:
        """Use ``password`` from now on; store it in the keyring when asked and possible.

        The password is bound to ``servers`` (default: the mailbox's current ones).

        Returns:
            None when it was stored as asked, else a sentence saying why it
            is only kept for this session.
        """
        if servers is None and self._endpoint_of is not None:
            servers = self._endpoint_of(mailbox_id)
        bound = servers or ""
        with self._lock:
            self._memory[mailbox_id] = (password, bound)
            self._changed.pop(mailbox_id, None)
        if not remember:
            return None
        if not self.status.usable:
            return self.status.reason
        try:
            keyring.set_password(SERVICE, keyring_key(mailbox_id), _pack(password, bound))
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
            self._changed.pop(mailbox_id, None)
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
