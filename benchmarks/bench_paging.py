"""Night watch: from a mail landing in Dovecot to the page arriving at the SMTP server.

    PYTHONPATH=. .venv/bin/python -m benchmarks.bench_paging [--mails N] [--json FILE]

Real parts on loopback, as in ``tests/sync/test_watch_e2e.py``: the team server
under uvicorn, Dovecot (IMAP IDLE), aiosmtpd (the paging address's server), a
local stand-in for ntfy, and a ``supportdesk watch`` process whose clock reads
03:00 on a Tuesday. N urgent mails are appended one at a time; each is timed
from the APPEND to the page's arrival at the SMTP server.

Goal (issue 16): p95 under 10 s.
"""

from __future__ import annotations

import argparse
import json
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.server.services import LiveServer, python_env
from tests.servers.dovecot import DovecotServer, dovecot_problem
from tests.servers.smtpd import SmtpServer
from tests.servers.tlsca import make_pki
from tests.services.rules.mails import mail
from tests.services.rules.paging_helpers import PushServer
from tests.services.rules.test_paging import NIGHT
from tests.sync.harness import PASSWORD
from tests.sync.test_watch_e2e import Rig, wait_for

GOAL_S = 10.0


def admin(data: Path, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "supportdesk.server.cli", "admin", "--data", str(data), *args],
        input=PASSWORD + "\n", capture_output=True, text=True, env=python_env(), timeout=120,
        check=False)
    if done.returncode:
        raise SystemExit(done.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=20)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    problem = dovecot_problem()
    if problem:
        print(f"no Dovecot: {problem}")
        return 1
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        tls = make_pki(tmp / "pki")
        dovecot = DovecotServer(tls)
        dovecot.start()
        push = PushServer().start()
        smtp: SmtpServer | None = None
        live: LiveServer | None = None
        proc = None
        try:
            user = dovecot.add_user()
            smtp = SmtpServer(tls, "starttls")
            smtp.add_user(user.name, user.password)
            smtp.start()
            admin(tmp / "server", "create-team", "Acme", "--owner", "alice")
            admin(tmp / "server", "add-agent", "bob")
            live = LiveServer(tmp / "server").start()
            rig = Rig(tmp, live, dovecot, user, smtp, tls, push)
            proc = rig.start()
            wait_for("the watcher to IDLE", rig.idle, timeout=120)
            latencies: list[float] = []
            for i in range(args.mails):
                landed = time.monotonic()
                dovecot.append(user, mail(f"URGENT {i}: site down", sender=f"c{i}@example.test",
                                          msgid=f"<bench-page-{i}@x>", date=NIGHT))
                wait_for(f"page {i}", lambda i=i: len(smtp.messages) > i, timeout=120)  # type: ignore[union-attr]
                latencies.append(time.monotonic() - landed)
        finally:
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                proc.wait(30)
            if live is not None:
                live.stop()
            if smtp is not None:
                smtp.stop()
            push.stop()
            dovecot.cleanup()
    latencies.sort()
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    result: dict[str, Any] = {
        "mails": len(latencies), "p50_s": round(statistics.median(latencies), 3),
        "p95_s": round(p95, 3), "max_s": round(latencies[-1], 3), "goal_p95_s": GOAL_S,
        "ok": p95 < GOAL_S,
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
