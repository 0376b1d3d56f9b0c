"""Run the ``supportdesk`` command with the sync subcommands registered.

Used by tests as ``python -m tests.server.sdcli ...``; once ``supportdesk/cli.py``
lists ``login`` and ``sync`` this adds nothing.
"""

from __future__ import annotations

import sys

from supportdesk import cli

for name, text in (("login", "sign this profile in to the team's sync server"),
                   ("sync", "push local changes and pull the team's, once")):
    if not any(c.name == name for c in cli.COMMANDS):
        cli.COMMANDS.append(cli.Command(name, text, f"supportdesk.commands.{name}"))

if __name__ == "__main__":
    sys.exit(cli.main())
