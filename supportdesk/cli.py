"""The ``supportdesk`` command: the app, and headless subcommands for scripts.

``supportdesk`` alone starts the window. Subcommands run without a display;
each takes ``--profile DIR``. A capability adds its subcommand by adding a
``Command`` to ``COMMANDS`` (its module is imported only when it runs).
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from supportdesk import __version__
from supportdesk.config import default_profile

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A subcommand failed; the message is printed for the user as it is."""


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
]


def profile_arg(parser: argparse.ArgumentParser, *, sub: bool = False) -> None:
    """Add the ``--profile DIR`` option every subcommand takes.

    A subcommand's copy has no default of its own, so ``supportdesk --profile X
    demo`` keeps the X given before the subcommand (argparse would otherwise
    overwrite it with the subcommand's default).
    """
    parser.add_argument(
        "--profile",
        type=Path,
        default=argparse.SUPPRESS if sub else None,
        metavar="DIR",
        help="the profile folder (default: the platform's data folder)",
    )


def resolve_profile(args: argparse.Namespace) -> Path:
    """The profile folder named on the command line, or the default one."""
    given: Path | None = getattr(args, "profile", None)
    return (given or default_profile()).expanduser()


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Callable[..., int]]]:
    """The argument parser, with every registered subcommand."""
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
    subs = parser.add_subparsers(dest="command", metavar="COMMAND")
    runners: dict[str, Callable[..., int]] = {}
    for cmd in COMMANDS:
        sub = subs.add_parser(cmd.name, help=cmd.help, description=cmd.help)
        profile_arg(sub, sub=True)
        module = importlib.import_module(cmd.module)
        module.add_arguments(sub)
        runners[cmd.name] = module.run
    return parser, runners


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


def print_json(data: object) -> None:
    """Print machine-readable output, UTF-8, one document."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    sys.exit(main())
