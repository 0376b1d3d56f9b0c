"""Files written in one step: a reader sees the old file or the new one, never half."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class NotAPlainFileError(OSError):
    """The path names a link, a folder or a device: replacing it is refused."""


def replace_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    Only a plain file (or nothing) is replaced: renaming over a link or a device
    (``/dev/null`` given as an output path) would destroy it.

    Raises:
        NotAPlainFileError: something other than a plain file is in the way.
    """
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise NotAPlainFileError(f"{path} is in the way (not a plain file); move it aside.")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
