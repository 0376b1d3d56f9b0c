"""Hybrid logical clock stamps for the outbox and last-writer-wins merges.

A stamp is a fixed-width string ``PPPPPPPPPPPPP-CCCC-DEVICE`` (milliseconds,
a counter, the device id), so stamps compare correctly as plain strings and
the device id breaks ties.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

#: A remote stamp further ahead of our wall clock than this is refused.
MAX_DRIFT_MS = 5 * 60 * 1000


class ClockDriftError(ValueError):
    """A stamp from another device is too far in the future to trust."""


@dataclass(frozen=True, order=True)
class Stamp:
    """One parsed clock reading."""

    millis: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.millis:013d}-{self.counter:04x}-{self.device}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        """Read a stamp written by ``str(stamp)``."""
        millis, counter, device = text.split("-", 2)
        return cls(int(millis), int(counter, 16), device)


class HybridClock:
    """A hybrid logical clock for one device; safe to use from several threads."""

    def __init__(self, device: str, wall: Callable[[], float] = time.time) -> None:
        self.device = device
        self._wall = wall
        self._lock = threading.Lock()
        self._millis = 0
        self._counter = 0

    def now(self) -> str:
        """A new stamp, later than every stamp this clock has made or seen."""
        with self._lock:
            wall = int(self._wall() * 1000)
            if wall > self._millis:
                self._millis, self._counter = wall, 0
            else:
                self._counter += 1
            return str(Stamp(self._millis, self._counter, self.device))

    def wall_ms(self) -> int:
        """This computer's clock now, in milliseconds."""
        return int(self._wall() * 1000)

    def rewind(self) -> bool:
        """Come back to the wall clock when this clock ran far ahead of it.

        After the computer's clock was set a year ahead and then fixed, the clock would
        otherwise keep stamping a year ahead (it never goes back by itself). Returns
        whether it moved.
        """
        with self._lock:
            wall = int(self._wall() * 1000)
            if self._millis - wall <= MAX_DRIFT_MS:
                return False
            self._millis, self._counter = wall, 0
            return True

    def observe(self, remote: str) -> None:
        """Move past a stamp received from another device.

        Raises:
            ClockDriftError: the stamp is more than ``MAX_DRIFT_MS`` ahead of us.
        """
        stamp = Stamp.parse(remote)
        with self._lock:
            wall = int(self._wall() * 1000)
            if stamp.millis - wall > MAX_DRIFT_MS:
                raise ClockDriftError(f"clock stamp {remote} is too far in the future")
            if stamp.millis > self._millis:
                self._millis, self._counter = stamp.millis, stamp.counter
            elif stamp.millis == self._millis:
                self._counter = max(self._counter, stamp.counter)
