"""Icons, themes and translations shipped inside the package."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    """The folder holding the resources, also when frozen by PyInstaller."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "supportdesk" / "resources"
    return Path(__file__).resolve().parent
