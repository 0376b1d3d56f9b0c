"""``supportdesk demo``: generate a demo workspace headless (also for benchmarks)."""

from __future__ import annotations

import argparse
import sys
import time

from supportdesk.cliargs import CommandError, print_json, resolve_profile
from supportdesk.commands import open_store
from supportdesk.store.engine import database_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``supportdesk demo``."""
    parser.add_argument("--conversations", type=int, default=400, metavar="N")
    parser.add_argument("--seed", type=int, default=1, metavar="S")
    parser.add_argument(
        "--messages-per-conversation", type=float, default=4.0, metavar="M",
        help="average conversation length (the benchmark dataset uses 10)",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON summary")


def run(args: argparse.Namespace) -> int:
    """Make the workspace; refuses a profile that already has data."""
    from supportdesk.services import demo

    if args.conversations < 1:
        raise CommandError("--conversations must be at least 1")
    profile = resolve_profile(args)
    if database_path(profile).exists():
        raise CommandError(
            f"{profile} already has a database; demo data goes only into a new profile."
        )
    started = time.perf_counter()
    with open_store(args) as store:

        def progress(done: int, total: int) -> None:
            if not args.json and sys.stderr.isatty():
                print(f"\r{done}/{total} conversations", end="", file=sys.stderr)

        summary = demo.generate(
            store,
            args.conversations,
            args.seed,
            messages_per_conversation=args.messages_per_conversation,
            progress=progress,
        )
    elapsed = time.perf_counter() - started
    if args.json:
        print_json({**summary.__dict__, "profile": str(profile), "seconds": round(elapsed, 2)})
    else:
        print(
            f"Demo workspace in {profile}: {summary.conversations} conversations, "
            f"{summary.messages} messages, {summary.customers} customers, "
            f"{summary.agents} agents ({elapsed:.1f} s)."
        )
    return 0
