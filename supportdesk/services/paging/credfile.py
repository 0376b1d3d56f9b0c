"""A credentials file for the headless watcher, for boxes with no keyring.

The watcher runs where no desktop keyring is unlocked (a server, under
systemd). It may then keep its mailbox passwords and sync tokens in one JSON
file that only its own user can read: the file must belong to the user the
watcher runs as and have no permissions for group or others (``chmod 600``),
or it is refused. Writes replace the file atomically and keep it private.
It is selected with ``--credentials FILE``; nothing else in SupportDesk uses it.
"""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class CredentialsFileError(Exception):
    """The file cannot be trusted or read; the message says how to fix it."""


def check_private(path: Path) -> None:
    """Raise unless ``path`` is a regular file of this user, readable by nobody else."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        raise CredentialsFileError(f"{path} is not a regular file.")
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise CredentialsFileError(f"{path} belongs to another user; the watcher refuses it.")
    if info.st_mode & 0o077:
        raise CredentialsFileError(
            f"{path} can be read by other users (mode {stat.S_IMODE(info.st_mode):o}); "
            f"run 'chmod 600 {path}' and start the watcher again."
        )


class CredentialsFileKeyring(KeyringBackend):
    """A keyring backend over one private JSON file (the watcher's, never the app's)."""

    #: only ever set explicitly (``--credentials``): no entry point makes keyring find it
    priority = 1

    def __init__(self, path: Path) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.path = path
        self._lock = threading.Lock()
        check_private(path)

    def _read(self) -> dict[str, str]:
        check_private(self.path)
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise CredentialsFileError(f"{self.path} cannot be read: {exc}") from exc
        if not isinstance(data, dict):
            raise CredentialsFileError(f"{self.path} is not a credentials file.")
        return {str(k): str(v) for k, v in data.items()}

    def _write(self, data: dict[str, str]) -> None:
        tmp = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out)
            out.flush()
            os.fsync(out.fileno())
        tmp.chmod(0o600)
        tmp.replace(self.path)

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self._read().get(f"{service}|{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            data = self._read()
            data[f"{service}|{username}"] = password
            self._write(data)

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            data = self._read()
            if data.pop(f"{service}|{username}", None) is None:
                raise PasswordDeleteError("not stored")
            self._write(data)
