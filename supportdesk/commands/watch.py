"""``supportdesk watch``: the headless, always-on watcher (see README, "Night watch")."""

from __future__ import annotations

import argparse
import html
import logging
import signal
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from supportdesk.cli import CommandError, print_json, resolve_profile
from supportdesk.commands import open_store
from supportdesk.store.engine import database_path

log = logging.getLogger("supportdesk.watch")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``supportdesk watch``."""
    parser.add_argument("--status", action="store_true", help="say whether the watcher runs")
    parser.add_argument("--json", action="store_true", help="with --status: print JSON")
    parser.add_argument("--ack", metavar="CODE", help="acknowledge the page with this code")
    parser.add_argument("--by", default="command line", help="with --ack: who acknowledges")
    parser.add_argument("--set-paging", nargs=2, metavar=("AGENT", "ADDRESS"),
                        help="page AGENT (name or id) at this mail address")
    parser.add_argument("--ntfy", default="", metavar="URL",
                        help="with --set-paging: also push to this ntfy topic URL")
    parser.add_argument("--login", nargs=2, metavar=("SERVER", "USER"),
                        help="sign the watcher in to the team server (password on stdin)")
    parser.add_argument("--mailbox-password", metavar="ADDRESS",
                        help="keep the password of this mailbox (read from stdin)")
    parser.add_argument("--credentials", type=Path, metavar="FILE",
                        help="keep passwords and sync tokens in this file (mode 600) "
                             "instead of the system keyring")
    parser.add_argument("--ack-minutes", type=int, default=10, metavar="N",
                        help="page the next in the rota after N minutes (default 10)")
    parser.add_argument("--ack-listen", metavar="HOST:PORT",
                        help="serve acknowledgement links here (e.g. 127.0.0.1:8765)")
    parser.add_argument("--ack-url", default="", metavar="URL",
                        help="the address of the acknowledgement links, as phones reach it")
    parser.add_argument("--page-from", default="", metavar="ADDRESS",
                        help="the mailbox whose SMTP account sends pages (default: the first)")
    parser.add_argument("--tick", type=float, default=5.0, metavar="SECONDS",
                        help="how often to sync, check SLAs and pages (default 5)")
    parser.add_argument("--clock-file", type=Path, help=argparse.SUPPRESS)  # tests: fake time


def _clock(path: Path | None) -> Any:
    from supportdesk.models import utcnow

    if path is None:
        return utcnow

    def now() -> datetime:
        try:
            text = path.read_text(encoding="utf-8").strip()
            value = datetime.fromisoformat(text)
            return value if value.tzinfo else value.replace(tzinfo=UTC)
        except (OSError, ValueError):
            return utcnow()

    return now


def _status(args: argparse.Namespace) -> int:
    from supportdesk.services.paging.watcher import read_status

    data = read_status(resolve_profile(args))
    if args.json:
        print_json(data or {"running": False})
    elif data is None:
        print("No watcher has run with this profile.")
    else:
        state = "running" if data["running"] else "not running"
        print(f"Watcher {state} (pid {data.get('pid')}), last round {data.get('last_tick')}")
        for address, kind in sorted((data.get("mailboxes") or {}).items()):
            print(f"  {address}: {kind}")
        print(f"  last sync: {data.get('last_sync') or 'never'}"
              + (f" ({data['sync_error']})" if data.get("sync_error") else ""))
        print(f"  pages sent: {data.get('pages_sent', 0)}, open: {data.get('open_pages', 0)}")
    return 0 if data and data["running"] else 1


def _use_credentials(path: Path | None) -> None:
    if path is None:
        return
    import keyring

    from supportdesk.services.paging.credfile import CredentialsFileError, CredentialsFileKeyring

    try:
        keyring.set_keyring(CredentialsFileKeyring(path.expanduser()))
    except CredentialsFileError as exc:
        raise CommandError(str(exc)) from exc


def _ack_server(
    listen: str, store: Any, wake: threading.Event, clock: Callable[[], datetime]
) -> ThreadingHTTPServer:
    from supportdesk.services.paging.pager import AckError, acknowledge

    host, _, port = listen.rpartition(":")
    if not host or not port.isdigit():
        raise CommandError("--ack-listen takes HOST:PORT, e.g. 127.0.0.1:8765")

    class Handler(BaseHTTPRequestHandler):
        def _code(self) -> str:
            parts = self.path.split("?")[0].strip("/").split("/")
            return parts[1][:16] if len(parts) == 2 and parts[0] == "ack" else ""

        def _answer(self, status: int, text: str, form: str = "") -> None:
            body = (f"<!doctype html><meta charset=utf-8><title>SupportDesk page</title>"
                    f"<p>{html.escape(text)}</p>{form}").encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            code = self._code()
            if not code:
                self._answer(404, "Nothing here.")
                return
            self._answer(200, f"Acknowledge page {code}?",
                         '<form method=post><button>Acknowledge</button></form>')

        def do_POST(self) -> None:
            code = self._code()
            try:
                page = store.write(
                    lambda uow: acknowledge(uow, code, "acknowledgement link", clock()))
            except AckError as exc:
                self._answer(404, str(exc))
                return
            log.info("page.acked", extra={"page": page.id, "via": "link"})
            wake.set()
            self._answer(200, "Acknowledged. The next person will not be paged.")

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer((host, int(port)), Handler)
    threading.Thread(target=server.serve_forever, name="ack-listener", daemon=True).start()
    return server


def run(args: argparse.Namespace) -> int:
    """Watch, or answer --status / --ack / --set-paging."""
    if args.status:
        return _status(args)
    profile = resolve_profile(args)
    if not database_path(profile).exists():
        raise CommandError(f"no SupportDesk profile at {profile}")
    _use_credentials(args.credentials)
    from supportdesk.services.paging.pager import AckError, acknowledge, set_paging_address

    if args.ack:
        with open_store(args) as store:
            try:
                now = _clock(args.clock_file)()
                page = store.write(lambda uow: acknowledge(uow, args.ack, args.by, now))
            except AckError as exc:
                raise CommandError(str(exc)) from exc
        print(f"Acknowledged page {page.code}.")
        return 0
    if args.set_paging:
        return _set_paging(args, set_paging_address)
    if args.login or args.mailbox_password:
        return _sign_in(args)
    return _watch(args, profile)


def _set_paging(args: argparse.Namespace, setter: Any) -> int:
    from sqlalchemy import or_, select

    from supportdesk.models import Agent

    who, address = args.set_paging
    with open_store(args) as store:
        with store.read() as session:
            ids = session.scalars(select(Agent.id).where(or_(Agent.id == who,
                                                             Agent.name == who))).all()
        if len(ids) != 1:
            raise CommandError(f"no single agent is called {who!r}")
        store.write(lambda uow: setter(uow, ids[0], address, args.ntfy))
    print(f"{who} is paged at {address}" + (f" and {args.ntfy}" if args.ntfy else ""))
    return 0


def _sign_in(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from supportdesk.commands.login import read_password
    from supportdesk.models import Mailbox
    from supportdesk.services.mail.passwords import PasswordBook
    from supportdesk.sync.client import RequestsTransport, SyncClient, SyncError
    from supportdesk.sync.credentials import KeyringUnavailableError

    password = read_password()
    if not password:
        raise CommandError("No password given (type it, or pipe it on standard input).")
    with open_store(args) as store:
        if args.mailbox_password:
            with store.read() as session:
                box = session.scalars(select(Mailbox.id).where(
                    Mailbox.address == args.mailbox_password)).first()  # fmt: skip
            if box is None:
                raise CommandError(f"this profile has no mailbox {args.mailbox_password}")
            problem = PasswordBook().set(box, password)
            if problem:
                raise CommandError(problem)
            print(f"The password of {args.mailbox_password} is kept.")
            return 0
        try:
            SyncClient(store, RequestsTransport()).login(args.login[0], args.login[1], password)
        except (SyncError, KeyringUnavailableError) as exc:
            raise CommandError(str(exc)) from exc
    print(f"Signed in to {args.login[0]} as {args.login[1]}.")
    return 0


def _watch(args: argparse.Namespace, profile: Path) -> int:
    from sqlalchemy import select

    from supportdesk.models import Mailbox
    from supportdesk.services.mail.mailboxes import get_mailbox
    from supportdesk.services.mail.passwords import PasswordBook
    from supportdesk.services.paging.claims import ClaimError, server_claim
    from supportdesk.services.paging.pager import PagingSettings, local_claim
    from supportdesk.services.paging.transport import SmtpNtfyTransport
    from supportdesk.services.paging.watcher import JsonLogFormatter, Watcher
    from supportdesk.sync.client import RequestsTransport, SyncClient

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLogFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    for noisy in ("urllib3", "sqlalchemy", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    passwords = PasswordBook()
    with open_store(args) as store:
        with store.read() as session:
            ids = list(session.scalars(select(Mailbox.id).order_by(Mailbox.created_at,
                                                                   Mailbox.id)))
            boxes = [b for b in (get_mailbox(session, i) for i in ids) if b is not None]
        sender = next((b for b in boxes if args.page_from and b.address == args.page_from),
                      boxes[0] if boxes else None)
        # The mailbox's own CA file (if any) is in its config for SMTP; pushes to ntfy
        # are verified against the system's trust store.
        transport = SmtpNtfyTransport(
            sender.config() if sender else None, passwords(sender.id) if sender else None)
        client: SyncClient | None = SyncClient(store, RequestsTransport())
        assert client is not None
        claim: Callable[[str], bool] = local_claim
        if client.peer() is None:
            client = None
            log.info("watch.no_server", extra={"detail": "pages are claimed locally"})
        else:
            by_server = server_claim(client)

            def claim_at_server(key: str) -> bool:
                try:
                    return by_server(key)
                except ClaimError as exc:
                    log.warning("page.claim_failed", extra={"detail": str(exc)[:200]})
                    return False

            claim = claim_at_server

        watcher = Watcher(
            store, profile, passwords=passwords, transport=transport, claim=claim,
            client=client, settings=PagingSettings(args.ack_minutes, args.ack_url),
            clock=_clock(args.clock_file), tick_seconds=args.tick,
        )  # fmt: skip
        ack = (_ack_server(args.ack_listen, store, watcher.wake, watcher.clock)
               if args.ack_listen else None)
        signal.signal(signal.SIGTERM, lambda *_a: watcher.stop())
        signal.signal(signal.SIGINT, lambda *_a: watcher.stop())
        try:
            watcher.run()
        finally:
            if ack is not None:
                ack.shutdown()
                ack.server_close()
    return 0
