"""``supportdesk export``: a conversation (PDF, HTML, .eml, mbox) or a customer's history."""

from __future__ import annotations

import argparse
from pathlib import Path

from supportdesk.cli import CommandError
from supportdesk.commands import open_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``supportdesk export``."""
    parser.add_argument("what", choices=["conversation", "customer"])
    parser.add_argument("id", help="the conversation's or customer's id")
    parser.add_argument("--format", default="pdf",
                        choices=["pdf", "html", "eml", "mbox", "zip"],
                        help="conversation: pdf, html, eml (a folder), mbox; customer: pdf, zip")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="PATH")
    notes = parser.add_mutually_exclusive_group()
    notes.add_argument("--notes", action="store_true", default=None,
                       help="include internal notes (default: yes for a conversation, "
                            "no for a customer's history)")
    notes.add_argument("--no-notes", dest="notes", action="store_false")


def run(args: argparse.Namespace) -> int:
    """Write the export and say where."""
    from supportdesk.services.export import ExportError
    from supportdesk.services.export.files import export_conversation, export_customer

    with open_store(args) as store:
        try:
            if args.what == "conversation":
                notes = True if args.notes is None else args.notes
                path = export_conversation(store, args.id, args.format, args.output,
                                           notes=notes)
            else:
                notes = False if args.notes is None else args.notes
                path = export_customer(store, args.id, args.format, args.output, notes=notes)
        except ExportError as exc:
            raise CommandError(str(exc)) from exc
    print(f"Exported to {path}")
    return 0
