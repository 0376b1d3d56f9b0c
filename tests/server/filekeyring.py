"""A keyring backend for child processes in kill tests only (never in the app).

Selected with ``PYTHON_KEYRING_BACKEND=tests.server.filekeyring.TestFileKeyring``
and ``SD_TEST_KEYRING_FILE``; it lets a process killed with SIGKILL be
restarted with its sign-in, where no Secret Service runs.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class TestFileKeyring(KeyringBackend):
    """Secrets in a JSON file named by ``SD_TEST_KEYRING_FILE``."""

    priority = 1  # type: ignore[assignment]

    def _path(self) -> Path:
        return Path(os.environ["SD_TEST_KEYRING_FILE"])

    def _read(self) -> dict[str, str]:
        try:
            return dict(json.loads(self._path().read_text()))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}|{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._read()
        data[f"{service}|{username}"] = password
        tmp = self._path().with_suffix(".tmp")
        tmp.write_text(json.dumps(data))
        tmp.replace(self._path())

    def delete_password(self, service: str, username: str) -> None:
        data = self._read()
        data.pop(f"{service}|{username}", None)
        self._path().write_text(json.dumps(data))
