"""Content-addressed files beside the database (attachments, raw originals)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from supportdesk.store.private import private_dir


class BlobStore:
    """Files named by the sha256 of their content, written atomically."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        """Where the blob with this hash lives (it may not exist)."""
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes) -> str:
        """Store bytes and return their sha256; storing the same bytes twice is free."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_for(digest)
        if target.exists():
            return digest
        private_dir(target.parent)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            Path(tmp).replace(target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return digest

    def get(self, sha256: str) -> bytes:
        """The bytes of a stored blob.

        Raises:
            FileNotFoundError: no blob with that hash is stored here.
        """
        return self.path_for(sha256).read_bytes()

    def has(self, sha256: str) -> bool:
        """Whether the blob is stored here."""
        return self.path_for(sha256).exists()
