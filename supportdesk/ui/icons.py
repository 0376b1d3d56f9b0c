"""Icons from the package's resources, loaded once."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from supportdesk.resources import resource_dir


@cache
def icon(name: str) -> QIcon:
    """An icon by file stem, e.g. ``email``; an empty icon when it is missing."""
    path = resource_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def channel_icon(channel: str) -> QIcon:
    """The icon of a channel (email, chat, phone)."""
    return icon(channel)
