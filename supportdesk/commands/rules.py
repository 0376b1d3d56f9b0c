"""``supportdesk rules``: list the rules, and try them on a mail file without writing."""

from __future__ import annotations

import argparse
from pathlib import Path

from supportdesk.cli import CommandError, print_json, profile_arg, resolve_profile
from supportdesk.commands import open_store
from supportdesk.store.engine import database_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``supportdesk rules``."""
    sub = parser.add_subparsers(dest="action", required=True)
    test = sub.add_parser("test", help="what the rules would do to a mail (nothing is written)")
    test.add_argument("file", nargs="?", type=Path, help="a mail file (.eml)")
    test.add_argument("--conversation", metavar="ID", help="a past conversation instead")
    test.add_argument("--mailbox", default="import", help="the mailbox it came to")
    test.add_argument("--json", action="store_true", help="print the outcome as JSON")
    profile_arg(test, sub=True)
    listing = sub.add_parser("list", help="the rules in the order they run")
    listing.add_argument("--json", action="store_true", help="print the rules as JSON")
    profile_arg(listing, sub=True)


def run(args: argparse.Namespace) -> int:
    """Run the chosen action."""
    from supportdesk.services.rules.preview import (
        MAX_PREVIEW_BYTES,
        PreviewError,
        preview_conversation,
        preview_raw,
    )
    from supportdesk.services.rules.service import all_rules, rule_stats

    if not database_path(resolve_profile(args)).exists():
        raise CommandError(f"no SupportDesk profile at {resolve_profile(args)}")
    with open_store(args) as store, store.read() as session:
        if args.action == "list":
            stats = rule_stats(session)
            rows = []
            for r in all_rules(session):
                st = stats.get(r.id)
                rows.append({**r.to_json(), "fired": st.count if st else 0,
                             "last_fired": st.last.isoformat() if st and st.last else None})
            if args.json:
                print_json(rows)
            else:
                for row in rows:
                    state = "on " if row["enabled"] else "off"
                    print(f"{state} {row['position']:>4}  {row['name']}  (fired {row['fired']})")
            return 0
        try:
            if args.conversation:
                outcome = preview_conversation(session, store.blobs, args.conversation)
            elif args.file is not None:
                try:
                    size = args.file.stat().st_size
                    if size > MAX_PREVIEW_BYTES:
                        raise CommandError(f"{args.file} is larger than the 25 MB limit")
                    raw = args.file.read_bytes()
                except OSError as exc:
                    raise CommandError(f"cannot read {args.file}: {exc.strerror}") from exc
                outcome = preview_raw(session, raw, args.mailbox)
            else:
                raise CommandError("give a mail file or --conversation ID")
        except PreviewError as exc:
            raise CommandError(str(exc)) from exc
    if args.json:
        print_json(outcome.to_json())
        return 0
    print(f"priority: {outcome.priority}  status: {outcome.status}  "
          f"assignee: {outcome.assignee or '-'}  page: {'yes' if outcome.page else 'no'}")
    print(f"tags: {', '.join(outcome.tags) or '-'}")
    for fired in outcome.fired:
        print(f"  {fired.name}: {'; '.join(e.text for e in fired.effects) or 'no change'}")
    if not outcome.fired:
        print("  no rule fired")
    return 0
