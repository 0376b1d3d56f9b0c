"""``supportdesk login``: sign a profile in to its team's sync server."""

from __future__ import annotations

import argparse
import getpass
import sys

from supportdesk.cliargs import CommandError
from supportdesk.commands import open_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``supportdesk login``."""
    parser.add_argument("--server", required=True, metavar="URL",
                        help="the team server, e.g. https://sync.example.com")
    parser.add_argument("--user", required=True, metavar="NAME", help="your user name there")
    parser.add_argument("--insecure-http", action="store_true",
                        help="allow a plain http:// server that is not this computer (the "
                             "password and tokens travel unencrypted; use https instead)")
    parser.add_argument("--ca-file", metavar="FILE",
                        help="also trust this certificate authority (a team's own)")


def read_password() -> str:
    """The password: from standard input when piped, prompted for on a terminal."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass("Password: ")


def run(args: argparse.Namespace) -> int:
    """Sign in; tokens go to the system keyring only."""
    from supportdesk.sync.client import RequestsTransport, SyncClient, SyncError

    password = read_password()
    if not password:
        raise CommandError("No password given (type it, or pipe it on standard input).")
    with open_store(args) as store:
        transport = RequestsTransport(ca_file=args.ca_file)
        try:
            peer = SyncClient(store, transport).login(
                args.server, args.user, password,
                insecure_http=getattr(args, "insecure_http", False))
        except SyncError as exc:
            raise CommandError(str(exc)) from exc
        finally:
            transport.close()
    print(f"Signed in to {peer.server_url} as {peer.user} (team {peer.team}). "
          "Run 'supportdesk sync' to sync.")
    return 0
