"""What every subcommand shares, without importing any of them.

Exit codes, the error a subcommand raises, the ``--profile`` option and how it
resolves, and JSON output. Kept apart from ``cli`` so that the window
(``app``) and the subcommands use them without importing the parser that
imports them (no app<->cli or cli<->commands cycle).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from supportdesk.config import default_profile

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A subcommand failed; the message is printed for the user as it is."""


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
    return (given or default_profile()).expanduser().absolute()


def print_json(data: object) -> None:
    """Print machine-readable output, UTF-8, one document."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
