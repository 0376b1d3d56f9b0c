"""The ``supportdesk`` command: the app, and headless subcommands for scripts.

``supportdesk`` alone starts the window. Subcommands run without a display;
each takes ``--profile DIR``. A capability adds its subcommand by adding a
``Command`` to ``COMMANDS`` (its module is imported only when it runs).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from supportdesk import __version__
from supportdesk.cliargs import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    print_json,
    profile_arg,
    resolve_profile,
)

# The shared names stay importable from here for older callers.
__all__ = [
    "COMMANDS",
    "EXIT_ERROR",
    "EXIT_OK",
    "EXIT_USAGE",
    "Command",
    "CommandError",
    "build_parser",
    "main",
    "print_json",
    "profile_arg",
    "resolve_profile",
]

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class Command:
    """A subcommand: its name, help line, and the module that implements it.

    The module has ``add_arguments(parser)`` and ``run(args) -> int``.
    """

    name: str
    help: str
    module: str


COMMANDS: list[Command] = [
    Command("demo", "make a demo workspace in a profile", "supportdesk.commands.demo"),
    Command("search", "search conversations as the search box does", "supportdesk.commands.search"),
    Command("sla", "preview SLA due times and customer ETAs", "supportdesk.commands.sla"),
    Command("import", "import email files or chat exports", "supportdesk.commands.import_"),
    Command("report", "weekly summary and billing: PDF, CSV, HTML", "supportdesk.commands.report"),
    Command("login", "sign in to the team's sync server", "supportdesk.commands.login"),
    Command("sync", "push local changes and pull the team's, once", "supportdesk.commands.sync"),
    Command("mailbox", "sign a mailbox in with Google, Microsoft or OAuth2",
            "supportdesk.commands.mailbox"),
    Command("rules", "list the triage rules, or try them on a mail", "supportdesk.commands.rules"),
    Command("watch", "the always-on watcher: fetch, rules, SLA, sync, pages",
            "supportdesk.commands.watch"),
    Command("backup", "back up a profile into one archive", "supportdesk.commands.backup"),
    Command("restore", "restore a backup into a new profile", "supportdesk.commands.restore"),
    Command("export", "export a conversation or a customer's history",
            "supportdesk.commands.export"),
    Command("kb", "knowledge base: publish the help site, search, list",
            "supportdesk.commands.kb"),
    Command("rates", "hourly rates that price invoice lines", "supportdesk.commands.rates"),
]


class _LazyParser(argparse.ArgumentParser):
    """A subcommand's parser that imports its module only when it is used.

    ``supportdesk --help`` and ``--version`` then answer without importing the
    store, SQLAlchemy or Qt; ``supportdesk demo --help`` imports only ``demo``.
    """

    def __init__(self, *args: Any, module: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._module = module
        self._loaded = not module

    def load(self) -> None:
        if not self._loaded:
            self._loaded = True
            importlib.import_module(self._module).add_arguments(self)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        self.load()
        return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        self.load()
        return super().format_help()


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Callable[..., int]]]:
    """The argument parser, with every registered subcommand (each loaded when used)."""
    parser = argparse.ArgumentParser(
        prog="supportdesk",
        description="SupportDesk: one offline-first inbox for email, chat and phone.",
        epilog="Run 'supportdesk COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"SupportDesk {__version__}")
    profile_arg(parser)
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE",
        help="render the main window offscreen to a PNG file and exit",
    )
    parser.add_argument(
        "--theme", choices=["system", "light", "dark"], help="colour theme for this run"
    )
    parser.add_argument("--size", default="1400x860", help="window size for --screenshot")
    parser.add_argument("--empty", action="store_true",
                        help="a new profile starts as an empty workspace, not the demo")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    subs = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_LazyParser)
    runners: dict[str, Callable[..., int]] = {}
    for cmd in COMMANDS:
        sub = subs.add_parser(cmd.name, help=cmd.help, description=cmd.help, module=cmd.module)
        profile_arg(sub, sub=True)
        runners[cmd.name] = _runner(cmd.module)
    return parser, runners


def _runner(module: str) -> Callable[..., int]:
    def run(args: argparse.Namespace) -> int:
        return int(importlib.import_module(module).run(args))

    return run


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``supportdesk`` console script."""
    parser, runners = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if args.command is None:
        from supportdesk.app import run_app  # Qt is imported only for the window

        return int(run_app(args))
    try:
        return runners[args.command](args)
    except CommandError as exc:
        print(f"supportdesk {args.command}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
