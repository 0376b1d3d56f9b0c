"""``supportdesk-server``: run the sync server, or administer its teams.

    supportdesk-server --data DIR [--database URL] [--host H] [--port P]
    supportdesk-server admin --data DIR create-team NAME --owner USER
    supportdesk-server admin --data DIR add-agent USER [--team NAME]
    supportdesk-server admin --data DIR remove-agent USER
    supportdesk-server admin --data DIR reset-password USER
    supportdesk-server admin --data DIR devices
    supportdesk-server admin --data DIR revoke-device ID
    supportdesk-server admin --data DIR migrate
    supportdesk-server admin --data DIR status      (or: schema)
    supportdesk-server admin backup --data DIR -o FILE
    supportdesk-server admin restore FILE --data EMPTY_DIR

The server upgrades its database on start (``migrate`` does it without
serving); a database upgraded by a newer server is refused, untouched.

Passwords are read from standard input when it is not a terminal, and
prompted for (twice, unechoed) when it is.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from sqlalchemy import Engine

from supportdesk.server import admin, db
from supportdesk.store.private import private_dir, private_file

DB_FILE = "server.sqlite3"


def database_url(data: Path, database: str | None) -> str:
    """The database to use: ``--database`` or the SQLite file in ``--data``."""
    if database:
        return database
    private_dir(data)  # every team's mail and notes: the server's user only
    private_file(data / DB_FILE)
    return f"sqlite:///{(data / DB_FILE).resolve()}"


def read_password(stdin: TextIO, prompt: str = "Password: ") -> str:
    """A password from a pipe, or prompted for twice on a terminal."""
    if not stdin.isatty():
        line = stdin.readline()
        return line.rstrip("\r\n")
    first = getpass.getpass(prompt)
    if getpass.getpass("Again: ") != first:
        raise admin.AdminError("The two passwords differ.")
    return first


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="supportdesk-server", description="The SupportDesk team sync server."
    )
    parser.add_argument("--data", type=Path, required=True, metavar="DIR",
                        help="folder for the server's files (and its SQLite database)")
    parser.add_argument("--database", metavar="URL",
                        help="a database URL instead, e.g. postgresql+psycopg://user@host/db")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8787, help="port to listen on")
    parser.add_argument("--log-level", default="info",
                        choices=["debug", "info", "warning", "error"])
    parser.add_argument("--tls-cert", type=Path, metavar="FILE",
                        help="serve https with this certificate (PEM, with its chain)")
    parser.add_argument("--tls-key", type=Path, metavar="FILE",
                        help="the certificate's private key (PEM)")
    parser.add_argument("--trusted-proxy", action="append", default=[], metavar="ADDRESS",
                        help="a reverse proxy (address or network) whose X-Forwarded-For is "
                             "believed; repeat for several. Others' headers are ignored.")
    parser.add_argument("--max-push-mb", type=int, default=32, metavar="MB",
                        help="largest sync push body accepted (default 32)")
    parser.add_argument("--max-blob-mb", type=int, default=64, metavar="MB",
                        help="largest attachment upload accepted (default 64)")
    return parser


def _admin_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="supportdesk-server admin",
                                     description="Manage teams, agents and devices.")
    parser.add_argument("--data", type=Path, metavar="DIR")
    parser.add_argument("--database", metavar="URL")
    subs = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = subs.add_parser("backup", help="copy the SQLite database into one archive (live)")
    p.add_argument("--data", type=Path, metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p = subs.add_parser("restore", help="restore a backup into an empty data folder")
    p.add_argument("archive", type=Path, metavar="FILE")
    p.add_argument("--data", type=Path, metavar="DIR", default=argparse.SUPPRESS)
    p = subs.add_parser("create-team", help="make a team and its owner")
    p.add_argument("name")
    p.add_argument("--owner", required=True, metavar="USER")
    for name, text in (("add-agent", "add an agent to a team"),
                       ("remove-agent", "remove an agent (their work stays)"),
                       ("reset-password", "set a user's password and end their sessions")):
        p = subs.add_parser(name, help=text)
        p.add_argument("user")
        if name == "add-agent":
            p.add_argument("--team", metavar="NAME", help="needed when there are several")
            p.add_argument("--role", choices=["agent", "owner"], default="agent")
    p = subs.add_parser("devices", help="list signed-in devices")
    p.add_argument("--team", metavar="NAME")
    p = subs.add_parser("revoke-device", help="end a device's sign-in for good")
    p.add_argument("id")
    subs.add_parser("migrate", help="upgrade the database to this server's schema, then exit")
    subs.add_parser("status", aliases=["schema"],
                    help="show the database's schema and whether an upgrade is pending")
    return parser


def _upgraded_text(up: db.Upgrade) -> str:
    text = f"Upgraded the server database from schema {up.before} to {up.after}"
    if up.backup is not None:
        text += f"; the database as it was is in {up.backup}"
    return text + "."


def _migrate(engine: Engine, out: TextIO) -> None:
    up = db.upgrade_schema(engine)
    if up.before is None:
        print(f"Created a new server database at schema {up.after}.", file=out)
    elif not up.applied:
        print(f"The server database is at schema {up.after} already; nothing to do.", file=out)
    else:
        print(_upgraded_text(up), file=out)
        for step in up.applied:
            print(f"  {step.version}: {step.summary}", file=out)


def _status(engine: Engine, out: TextIO) -> int:
    st = db.schema_status(engine)
    if st.version is None:
        print(f"The database has no SupportDesk server tables yet; the server creates them "
              f"(schema {st.latest}) when it starts.", file=out)
        return 0
    print(f"Schema: {st.version} (this server knows schema {st.latest})", file=out)
    if st.too_new:
        print(f"supportdesk-server admin: {db.too_new_message(st.version, st.latest)}",
              file=sys.stderr)
        return 1
    if not st.pending:
        print("Up to date: no upgrade pending.", file=out)
        return 0
    print(f"Upgrade pending to schema {st.latest}:", file=out)
    for step in st.pending:
        print(f"  {step.version}: {step.summary}", file=out)
    print("The server runs it when it starts; 'admin migrate' runs it now.", file=out)
    source = db.sqlite_path(engine)
    if source is not None:
        backup = source.with_name(f"backup-before-schema-{st.latest}.sqlite3")
        print(f"The database is copied to {backup} first.", file=out)
    return 0


def _backup_action(args: argparse.Namespace, out: TextIO) -> int:
    from supportdesk.server import backup

    if args.database:
        print("supportdesk-server admin: backup and restore here are for the SQLite database; "
              "back up PostgreSQL with pg_dump and restore it with pg_restore (see the README).",
              file=sys.stderr)
        return 1
    try:
        if args.action == "backup":
            made = backup.backup(args.data, args.output)
            print(f"Backed up the server database (schema {made.schema}) to {made.path} "
                  f"({made.size / 1e6:.1f} MB).", file=out)
        else:
            done = backup.restore(args.archive, args.data)
            print(f"Restored the server database (schema {done.schema}) into {args.data}. "
                  "Start the server on it; devices keep syncing where they were.", file=out)
    except backup.ServerBackupError as exc:
        print(f"supportdesk-server admin: {exc}", file=sys.stderr)
        return 1
    return 0


def run_admin(argv: Sequence[str], stdin: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    """Run one admin action; returns the exit code."""
    parser = _admin_parser()
    args = parser.parse_args(argv)
    if args.data is None:
        parser.error("the following arguments are required: --data")
    if args.action in ("backup", "restore"):
        return _backup_action(args, out)
    if args.action in ("status", "schema") and not args.database:
        path = args.data / DB_FILE
        if not path.exists():
            print(f"supportdesk-server admin: there is no server database in {args.data} "
                  "(the server or 'admin create-team' makes it).", file=sys.stderr)
            return 1
    engine = db.make_engine(database_url(args.data, args.database))
    try:
        if args.action in ("status", "schema"):
            return _status(engine, out)
        if args.action == "migrate":
            _migrate(engine, out)
            return 0
        up = db.upgrade_schema(engine)
        if up.applied:
            print(_upgraded_text(up), file=sys.stderr)
        if args.action == "create-team":
            admin.create_team(engine, args.name, args.owner, read_password(stdin))
            print(f"Team {args.name!r} created with owner {args.owner!r}.", file=out)
        elif args.action == "add-agent":
            team_id = admin.team_id_for(engine, args.team)
            admin.add_user(engine, team_id, args.user, read_password(stdin), args.role)
            print(f"{args.user!r} added.", file=out)
        elif args.action == "remove-agent":
            admin.remove_user(engine, args.user)
            print(f"{args.user!r} removed; their devices are signed out.", file=out)
        elif args.action == "reset-password":
            admin.reset_password(engine, args.user, read_password(stdin))
            print(f"Password of {args.user!r} changed; their devices are signed out.", file=out)
        elif args.action == "devices":
            only = admin.team_id_for(engine, args.team) if args.team else None
            for d in admin.list_devices(engine, only):
                state = "revoked" if d.revoked else "active"
                print(f"{d.id}\t{d.team}\t{d.user}\t{d.name}\t{state}", file=out)
        elif args.action == "revoke-device":
            if not admin.revoke_device(engine, args.id):
                raise admin.AdminError(f"There is no device {args.id!r}.")
            print(f"Device {args.id} revoked.", file=out)
    except (admin.AdminError, db.SchemaError) as exc:
        print(f"supportdesk-server admin: {exc}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``supportdesk-server`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "admin":
        return run_admin(argv[1:])
    args = _parser().parse_args(argv)
    import logging

    import uvicorn

    from supportdesk.server import logs
    from supportdesk.server.app import create_app
    from supportdesk.server.limits import MIB, Limits

    logs.setup(getattr(logging, args.log_level.upper()))
    if (args.tls_cert is None) != (args.tls_key is None):
        print("supportdesk-server: --tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    limits = Limits(push=args.max_push_mb * MIB, blob=args.max_blob_mb * MIB + 64 * 1024,
                    trusted_proxies=tuple(args.trusted_proxy))
    try:
        app = create_app(database_url(args.data, args.database), limits=limits)
    except db.SchemaError as exc:
        print(f"supportdesk-server: {exc}", file=sys.stderr)
        return 1
    logs.event("server_start", host=args.host, port=args.port,
               database=app.state.engine.dialect.name)
    tls = {"ssl_certfile": str(args.tls_cert), "ssl_keyfile": str(args.tls_key)} if (
        args.tls_cert) else {}
    # X-Forwarded-For is read by the app, from --trusted-proxy peers only
    uvicorn.run(app, host=args.host, port=args.port, log_config=None,
                access_log=False, log_level=args.log_level, proxy_headers=False,
                **tls)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
