"""One SupportDesk process per profile: an advisory lock on a file in the profile."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from supportdesk.store.errors import ProfileLockedError

LOCK_NAME = "supportdesk.lock"


class ProfileLock:
    """An exclusive lock held for as long as the app has the profile open.

    The operating system drops the lock when the process dies, so a crash
    never leaves a profile locked.
    """

    def __init__(self, profile: Path) -> None:
        self.path = profile / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock.

        Raises:
            ProfileLockedError: another process holds it.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            raise ProfileLockedError(
                f"SupportDesk is already running with the profile {self.path.parent}."
            ) from exc
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        """Let go of the lock."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> ProfileLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
