"""Synthetic WhatsApp exports for tests and benchmarks (deterministic)."""

from __future__ import annotations

import random
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"

_NAMES = ["Ana Souza", "Ben Okafor", "Chloé Martin", "Dmitri Ivanov", "+44 7700 900123"]
_WORDS = [
    "order", "refund", "invoice", "shipping", "delayed", "thanks", "please", "hello",
    "update", "account", "password", "reset", "screen", "crash", "tomorrow", "today",
    "works", "fine", "sorry", "issue", "ticket", "support", "café", "naïve", "👍",
]  # fmt: skip


def generate_whatsapp(
    n_lines: int, path: Path, *, seed: int = 0, style: str = "android", twelve_hour: bool = False
) -> int:
    """Write an export of exactly ``n_lines`` physical lines; return the message count.

    Args:
        n_lines: physical lines to write (multi-line messages count each line).
        path: where to write the .txt file (UTF-8, LF line ends).
        seed: random seed; the same seed gives the same file.
        style: "android" (``dd/mm/yyyy, hh:mm - ``) or "ios" (``[dd/mm/yy, hh:mm:ss] ``).
        twelve_hour: write 12-hour times with a U+202F before AM/PM.
    """
    rng = random.Random(seed)
    when = datetime(2021, 1, 13, 8, 0, 0)
    written = 0
    messages = 0
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        while written < n_lines:
            when += timedelta(seconds=rng.randint(5, 900))
            head = _header(when, style, twelve_hour)
            roll = rng.random()
            body_lines: list[str]
            if roll < 0.02:
                fh.write(f"{head}{rng.choice(_NAMES)} added {rng.choice(_NAMES)}\n")
                written += 1
                messages += 1
                continue
            name = rng.choice(_NAMES)
            if roll < 0.05:
                body_lines = ["<Media omitted>"]
            elif roll < 0.10:
                body_lines = [_sentence(rng) for _ in range(rng.randint(2, 3))]
            else:
                body_lines = [_sentence(rng)]
            body_lines = body_lines[: max(1, n_lines - written)]
            fh.write(f"{head}{name}: " + "\n".join(body_lines) + "\n")
            written += len(body_lines)
            messages += 1
    return messages


def _header(when: datetime, style: str, twelve_hour: bool) -> str:
    if twelve_hour:
        hour = when.hour % 12 or 12
        clock = f"{hour}:{when.minute:02d}"
        suffix = "\u202fPM" if when.hour >= 12 else "\u202fAM"
    else:
        clock = f"{when.hour:02d}:{when.minute:02d}"
        suffix = ""
    if style == "ios":
        return f"[{when:%d/%m/%y}, {clock}:{when.second:02d}{suffix}] "
    return f"{when:%d/%m/%Y}, {clock}{suffix} - "


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 14)))


def write_zip(path: Path, members: dict[str, bytes | str]) -> Path:
    """Write a zip whose members are given as text (UTF-8) or bytes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path
