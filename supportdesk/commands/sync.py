"""``supportdesk sync``: one full sync with the team server (for scripts and cron)."""

from __future__ import annotations

import argparse
import sys

from supportdesk.cliargs import EXIT_ERROR, CommandError, print_json, resolve_profile
from supportdesk.commands import open_store
from supportdesk.store.engine import database_path

#: exit code when the server cannot be reached (work stays queued)
EXIT_UNREACHABLE = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``supportdesk sync``."""
    parser.add_argument("--json", action="store_true",
                        help='print {"pushed": n, "pulled": n, ...} as JSON')
    parser.add_argument("--ca-file", metavar="FILE",
                        help="also trust this certificate authority (a team's own)")
    parser.add_argument("--logout", action="store_true",
                        help="sign this profile out instead (forget its tokens)")


def run(args: argparse.Namespace) -> int:
    """Push waiting changes, pull the team's; say what moved."""
    from supportdesk.sync.client import (
        RequestsTransport,
        ServerUnreachableError,
        SyncClient,
        SyncError,
    )

    if not database_path(resolve_profile(args)).exists():
        raise CommandError(f"no SupportDesk profile at {resolve_profile(args)}")
    with open_store(args) as store:
        transport = RequestsTransport(ca_file=args.ca_file)
        client = SyncClient(store, transport)
        try:
            if args.logout:
                client.logout()
                print("Signed out; the tokens were removed from the keyring.")
                return 0
            result = client.sync()
        except ServerUnreachableError as exc:
            _fail(args, str(exc), client.waiting(), "unreachable")
            return EXIT_UNREACHABLE
        except SyncError as exc:
            _fail(args, str(exc), client.waiting(), "error")
            return EXIT_ERROR
        finally:
            transport.close()
    if args.json:
        print_json({**result.as_dict(), "ok": result.blocked is None})
    else:
        print(f"Pushed {result.pushed}, pulled {result.pulled}"
              + (f" (first sync: {result.snapshot_rows} records)" if result.snapshot_rows else "")
              + (f", {result.conflicts} conflict(s) logged" if result.conflicts else "")
              + (f", {result.rejected} refused by the server" if result.rejected else "")
              + (f", {result.blobs_uploaded} file(s) sent" if result.blobs_uploaded else "")
              + (f", {result.blobs_downloaded} file(s) fetched"
                 if result.blobs_downloaded else "")
              + f"; {result.waiting} change(s) waiting"
              + (f", {result.blobs_waiting} file(s) not on the server yet"
                 if result.blobs_waiting else "")
              + ".")
        for problem in result.blob_problems:
            print(problem, file=sys.stderr)
        if result.blocked:
            print(result.blocked, file=sys.stderr)
    return 0 if result.blocked is None else EXIT_ERROR


def _fail(args: argparse.Namespace, message: str, waiting: int, kind: str) -> None:
    if args.json:
        print_json({"ok": False, "error": kind, "message": message, "waiting": waiting})
    print(f"supportdesk sync: {message}", file=sys.stderr)
