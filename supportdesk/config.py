"""Typed settings, declared once, stored as JSON in the profile; no Qt.

Each setting names its key, type and default in one place. A version number
lets later releases upgrade old files step by step.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import platformdirs

log = logging.getLogger(__name__)

T = TypeVar("T")

SETTINGS_FILE = "settings.json"
SETTINGS_VERSION = 1
APP_NAME = "SupportDesk"

#: Set to a folder to keep every profile there (tests, portable installs).
PROFILE_ENV = "SUPPORTDESK_PROFILE"


def default_profile() -> Path:
    """The profile folder used when no ``--profile`` is given."""
    override = os.environ.get(PROFILE_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "default"


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: its key, its type and its default."""

    key: str
    type: type[T]
    default: T
    doc: str = ""


THEME = Setting("theme", str, "system", "light, dark or system")
DEFAULT_REGION = Setting("default_region", str, "US", "region for phone numbers without +")
TEAM_TIMEZONE = Setting("team_timezone", str, "", "IANA zone; empty means this computer's")
WINDOW_GEOMETRY = Setting("window_geometry", str, "", "base64 of the main window geometry")
WINDOW_STATE = Setting("window_state", str, "", "base64 of the splitter layout")
LANGUAGE = Setting("language", str, "", "UI language; empty means the system's")
UNDO_SEND_SECONDS = Setting("undo_send_seconds", int, 10, "seconds a sent mail can be undone")
INBOX_HIDDEN_COLUMNS = Setting("inbox_hidden_columns", str, "", "list columns the rep hid")

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    THEME,
    DEFAULT_REGION,
    TEAM_TIMEZONE,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    LANGUAGE,
    UNDO_SEND_SECONDS,
    INBOX_HIDDEN_COLUMNS,
)

#: Steps that move a settings dict from version N to N+1.
UPGRADES: dict[int, Callable[[dict[str, Any]], None]] = {}


class Settings:
    """The settings of one profile."""

    def __init__(self, profile: Path) -> None:
        self.path = profile / SETTINGS_FILE
        self._values: dict[str, Any] = {}
        self._load()

    def _load(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable (%s); defaults used", self.path, exc)
            return
        if not isinstance(raw, dict):
            return
        version = int(raw.get("version", 1))
        while version < SETTINGS_VERSION:
            UPGRADES[version](raw)
            version += 1
        self._values = raw.get("values", {})

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when unset or of the wrong type."""
        value = self._values.get(setting.key, setting.default)
        if not isinstance(value, setting.type):
            return setting.default
        return value

    def set(self, setting: Setting[T], value: T) -> None:
        """Change a setting and save the file atomically."""
        if not isinstance(value, setting.type):
            raise TypeError(f"{setting.key} takes {setting.type.__name__}")
        self._values[setting.key] = value
        self.save()

    def save(self) -> None:
        """Write the settings file (atomically: a crash leaves the old one)."""
        # Imported here: the store package pulls in SQLAlchemy, which --help and
        # --version must not pay for.
        from supportdesk.store.private import private_dir

        private_dir(self.path.parent)
        data = json.dumps(
            {"version": SETTINGS_VERSION, "values": self._values}, indent=2, ensure_ascii=False
        )
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
            Path(tmp).replace(self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
