"""Make (once) the benchmark workspace: 100k conversations, about 1M messages.

    python benchmarks/dataset.py [--conversations N] [--out DIR]

The profile is cached under benchmarks/out/; it is made again only when
missing or when its size does not match.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from supportdesk.models import Conversation, Message
from supportdesk.services import demo
from supportdesk.store import Store
from supportdesk.store.engine import database_path

OUT = Path(__file__).resolve().parent / "out"
#: The demo's average conversation length that gives ~10 messages each.
MESSAGES_PER_CONVERSATION = 9.0
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def dataset(conversations: int = 100_000, out: Path = OUT) -> Path:
    """The profile folder of a benchmark workspace of this size, made if needed."""
    profile = out / f"profile-{conversations}"
    if database_path(profile).exists():
        store = Store.open(profile)
        with store.read() as s:
            have = s.scalar(select(func.count()).select_from(Conversation))
        store.close()
        if have == conversations:
            return profile
        raise SystemExit(f"{profile} holds {have} conversations; delete it to remake it")
    started = time.perf_counter()
    store = Store.open(profile)

    def progress(done: int, total: int) -> None:
        print(f"\r  generating {done:,}/{total:,} conversations", end="", file=sys.stderr)

    summary = demo.generate(
        store, conversations, seed=2026, now=NOW,
        messages_per_conversation=MESSAGES_PER_CONVERSATION, progress=progress,
    )
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA optimize")
        conn.exec_driver_sql("ANALYZE")
    with store.read() as s:
        messages = s.scalar(select(func.count()).select_from(Message))
    store.close()
    print(
        f"\n  made {summary.conversations:,} conversations, {messages:,} messages in "
        f"{time.perf_counter() - started:.0f} s -> {profile}",
        file=sys.stderr,
    )
    return profile


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    print(dataset(args.conversations, args.out))


if __name__ == "__main__":
    main()
