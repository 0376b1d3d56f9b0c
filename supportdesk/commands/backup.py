"""``supportdesk backup``: one archive of a profile (for cron); the app may stay open."""

from __future__ import annotations

import argparse
from pathlib import Path

from supportdesk.cli import CommandError, print_json, resolve_profile


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``supportdesk backup``."""
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                        help="the archive to write (replaced only once complete)")
    parser.add_argument("--json", action="store_true", help="print what was written as JSON")


def run(args: argparse.Namespace) -> int:
    """Write the backup; say where, how big, at which schema."""
    from supportdesk.services.backup import BackupError, make_backup

    try:
        result = make_backup(resolve_profile(args), args.output)
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    if args.json:
        print_json({"path": str(result.path), "size": result.size, "schema": result.schema,
                    "files": result.files, "attachments": result.blobs})
    else:
        print(f"Backed up to {result.path} ({result.size / 1e6:.1f} MB, schema "
              f"{result.schema}, {result.blobs} attachment file(s)). No passwords or tokens "
              "are in it.")
    return 0
