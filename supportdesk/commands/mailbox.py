"""``supportdesk mailbox``: sign a mailbox in with OAuth2 (device code, no browser needed here).

``supportdesk mailbox login support@acme.example --provider microsoft --client-id ID``
prints a code and an address; the rep opens the address on any device (a
phone will do), types the code and allows access. The tokens go to the
system keyring only. A mailbox that does not exist yet is created with the
preset's IMAP and SMTP servers.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from supportdesk.cli import CommandError
from supportdesk.commands import open_store

PROVIDERS = ("google", "microsoft", "generic")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``supportdesk mailbox``."""
    parser.add_argument("action", choices=["login", "status", "logout"],
                        help="login: sign in (device code); status: say how it signs in; "
                             "logout: forget the tokens and use a password again")
    parser.add_argument("address", help="the mailbox's email address")
    parser.add_argument("--provider", choices=PROVIDERS, default=None,
                        help="google, microsoft, or generic (give the endpoints)")
    parser.add_argument("--client-id", metavar="ID", help="the client id of your registered app")
    parser.add_argument("--client-secret-stdin", action="store_true",
                        help="read the app's client secret from standard input (Google desktop "
                             "apps have one)")
    parser.add_argument("--tenant", default="organizations",
                        help="Microsoft: your directory (tenant) id or domain")
    parser.add_argument("--authorization-endpoint", metavar="URL")
    parser.add_argument("--token-endpoint", metavar="URL")
    parser.add_argument("--device-endpoint", metavar="URL")
    parser.add_argument("--scopes", metavar="'A B'", help="space-separated scopes")
    parser.add_argument("--imap-host", help="for a new mailbox with the generic provider")
    parser.add_argument("--smtp-host", help="for a new mailbox with the generic provider")
    parser.add_argument("--username", help="the sign-in name, when it is not the address")
    parser.add_argument("--ca-file", metavar="FILE",
                        help="also trust this certificate authority (a self-hosted server)")


def _provider(args: argparse.Namespace) -> object:
    from supportdesk.channels.email import oauth

    kind = args.provider or "generic"
    if kind == "google":
        base = oauth.google()
    elif kind == "microsoft":
        base = oauth.microsoft(tenant=args.tenant)
    else:
        missing = [name for name in ("authorization_endpoint", "token_endpoint", "scopes")
                   if not getattr(args, name)]
        if missing:
            flags = ", ".join("--" + m.replace("_", "-") for m in missing)
            raise CommandError(f"The generic provider needs {flags}.")
        base = oauth.OAuthProvider(
            key="generic", name="The sign-in provider",
            authorization_endpoint=args.authorization_endpoint, token_endpoint=args.token_endpoint,
            scopes=tuple(args.scopes.split()),
            imap_host=args.imap_host or "", smtp_host=args.smtp_host or "",
        )  # fmt: skip
    return replace(
        base,
        client_id=(args.client_id or "").strip(),
        authorization_endpoint=args.authorization_endpoint or base.authorization_endpoint,
        token_endpoint=args.token_endpoint or base.token_endpoint,
        device_endpoint=args.device_endpoint or base.device_endpoint,
        scopes=tuple(args.scopes.split()) if args.scopes else base.scopes,
    )


def run(args: argparse.Namespace) -> int:
    """Sign in, show the state, or sign out."""
    from supportdesk.channels.email import oauth
    from supportdesk.channels.email.oauth import OAuthError, OAuthProvider
    from supportdesk.services.actions import ActionError
    from supportdesk.services.mail.mailboxes import MailboxInfo, mailbox_for_address, save_mailbox
    from supportdesk.services.mail.oauth import (
        OAuthSettings,
        TokenBook,
        get_oauth,
        save_oauth,
        sign_in_with_device_code,
    )

    with open_store(args) as store:
        with store.read() as session:
            box = mailbox_for_address(session, args.address)
            settings = get_oauth(session, box.id) if box is not None else None
        tokens = TokenBook(store)
        if args.action == "status":
            if box is None:
                raise CommandError(f"There is no mailbox {args.address}.")
            if settings is None:
                print(f"{box.address} signs in with a password.")
            elif settings.needs_sign_in:
                print(f"{box.address} ({settings.provider}): Sign in again. "
                      f"{settings.last_error or ''}".rstrip())
            else:
                print(f"{box.address} signs in with {settings.provider} (OAuth2).")
            return 0
        if args.action == "logout":
            if box is None:
                raise CommandError(f"There is no mailbox {args.address}.")
            tokens.forget(box.id)
            store.write(lambda uow: save_oauth(uow, box.id, None))
            print(f"{box.address} will sign in with a password again.")
            return 0

        provider = _provider(args)
        assert isinstance(provider, OAuthProvider)
        secret = sys.stdin.readline().strip() if args.client_secret_stdin else ""
        provider = replace(provider, client_secret=secret)
        try:
            oauth.check_provider(provider, device=True)
        except OAuthError as exc:
            raise CommandError(exc.user_message) from exc
        if box is None:
            if not (provider.imap_host and provider.smtp_host):
                raise CommandError(
                    f"There is no mailbox {args.address}; give --imap-host and --smtp-host "
                    "to create it, or use the google or microsoft preset."
                )
            info = MailboxInfo(
                id="", name=args.address, address=args.address, display_name="",
                username=args.username or args.address,
                imap_host=provider.imap_host, imap_port=provider.imap_port,
                imap_security=provider.imap_security, smtp_host=provider.smtp_host,
                smtp_port=provider.smtp_port, smtp_security=provider.smtp_security,
                ca_file=args.ca_file,
            )  # fmt: skip
            try:
                mailbox_id = store.write(lambda uow: save_mailbox(uow, info))
            except ActionError as exc:
                raise CommandError(str(exc)) from exc
        else:
            mailbox_id = box.id
        store.write(lambda uow: save_oauth(uow, mailbox_id, OAuthSettings.from_provider(provider)))

        def show(device: oauth.DeviceCode) -> None:
            print(f"To sign in, open {device.verification_uri} on any device and enter the "
                  f"code {device.user_code}", flush=True)

        try:
            warning = sign_in_with_device_code(tokens, mailbox_id, show, client_secret=secret)
        except (OAuthError, KeyboardInterrupt) as exc:
            # Nothing changes when the sign-in does not complete.
            store.write(lambda uow: save_oauth(uow, mailbox_id, settings))
            if isinstance(exc, KeyboardInterrupt):
                raise
            raise CommandError(exc.user_message) from exc
    print(f"Signed in: {args.address} now uses {provider.name} sign-in.")
    if warning:
        print(warning)
    return 0
