"""``supportdesk search QUERY``: the search box, for scripts."""

from __future__ import annotations

import argparse

from supportdesk.cliargs import CommandError, print_json, resolve_profile
from supportdesk.commands import open_store
from supportdesk.store.engine import database_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``supportdesk search``."""
    parser.add_argument("query", help="words to find (any order, prefixes match)")
    parser.add_argument("--limit", type=int, default=50, metavar="N")
    parser.add_argument("--json", action="store_true", help="print results as JSON")


def run(args: argparse.Namespace) -> int:
    """Print matching conversations, best first."""
    from supportdesk.services.search import plain_excerpt, search

    if not database_path(resolve_profile(args)).exists():
        raise CommandError(f"no SupportDesk profile at {resolve_profile(args)}")
    with open_store(args) as store, store.read() as session:
        hits = search(session, args.query, limit=args.limit)
    if args.json:
        print_json(
            [{**h.to_json(), "excerpt": plain_excerpt(h.excerpt)} for h in hits]
        )
        return 0
    if not hits:
        print("No conversations match.")
        return 0
    for h in hits:
        when = h.last_activity_at.strftime("%Y-%m-%d")
        print(f"{h.ticket}  {when}  {h.status:<7} {h.customer_name} — {h.subject}")
        print(f"    {plain_excerpt(h.excerpt)}")
    return 0
