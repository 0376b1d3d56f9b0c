"""Files and folders only their owner can read, whatever the umask.

Profiles hold customers' mail and the team's notes; a server's data folder holds
every team's. Folders are 0700 and files 0600 (POSIX; elsewhere the OS's defaults
stand), created that way and tightened when they already exist.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """Make ``path`` (and missing parents) and leave it readable by its owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    with contextlib.suppress(OSError):  # not ours to change (a shared mount): leave it
        if os.name == "posix" and (path.stat().st_mode & 0o777) != DIR_MODE:
            path.chmod(DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty if missing, and leave it readable by its owner only."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    with contextlib.suppress(OSError):
        if os.name == "posix" and (path.stat().st_mode & 0o777) != FILE_MODE:
            path.chmod(FILE_MODE)
    return path
