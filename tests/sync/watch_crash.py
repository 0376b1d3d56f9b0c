"""``supportdesk watch`` that kills itself with SIGKILL once at a chosen point (kill tests).

``SD_CRASH_AT`` names the point (``rules``: inside the ingest's unit of work,
before commit; ``page``: after the page step was claimed, before it was sent);
``SD_CRASH_MARK`` is a file made just before the kill, so a restart runs on.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from supportdesk.cli import main
from supportdesk.services.paging import pager
from supportdesk.services.rules import run


def _hook(point: str) -> None:
    mark = Path(os.environ["SD_CRASH_MARK"])
    if point == os.environ.get("SD_CRASH_AT") and not mark.exists():
        mark.write_text(point)
        os.kill(os.getpid(), signal.SIGKILL)


run.crash_hook = _hook
pager.crash_hook = _hook
sys.exit(main(sys.argv[1:]))
