"""``supportdesk restore FILE --profile NEWDIR``: a backup into a new profile."""

from __future__ import annotations

import argparse
from pathlib import Path

from supportdesk.cli import CommandError, print_json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``supportdesk restore``."""
    parser.add_argument("archive", type=Path, metavar="FILE", help="the backup archive")
    parser.add_argument("--verify-only", action="store_true",
                        help="check every file's checksum and restore nothing")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def run(args: argparse.Namespace) -> int:
    """Check the archive, then build the new profile from it."""
    from supportdesk.services.backup import BackupError, restore_backup, verify_backup

    try:
        if args.verify_only:
            manifest = verify_backup(args.archive)
            print(f"{args.archive}: all {len(manifest['files'])} file(s) match their "
                  f"checksums (schema {manifest.get('schema')}, "
                  f"made {manifest.get('created_at')}).")
            return 0
        target = getattr(args, "profile", None)
        if target is None:
            raise CommandError("say where to restore it: --profile NEW_FOLDER (a new, empty "
                               "folder; a restore never overwrites a profile)")
        result = restore_backup(args.archive, target)
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    if args.json:
        print_json({"profile": str(result.profile), "schema_before": result.schema_before,
                    "schema": result.schema_after, "files": result.files,
                    "signed_in_before": result.was_signed_in,
                    "unsent_changes": result.unsent_changes})
        return 0
    text = f"Restored into {result.profile} (schema {result.schema_after}"
    if result.schema_before != result.schema_after:
        text += f", upgraded from {result.schema_before}"
    print(text + ").")
    if result.was_signed_in:
        print("It was signed in to a team server: sign in again (supportdesk login) and it "
              f"syncs as a new device; {result.unsent_changes} change(s) it had not sent yet "
              "will be sent.")
    print(f"Open it with: supportdesk --profile {result.profile}")
    return 0
