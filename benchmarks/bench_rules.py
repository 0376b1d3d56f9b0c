"""Rules in ingest: what the rules add per message over the 100k-conversation workspace.

    PYTHONPATH=. .venv/bin/python -m benchmarks.bench_rules [--conversations N]
        [--messages M] [--json FILE]

A copy of the workspace (``dataset.py``) gets M new mails (5 % with urgent words,
5 % from a mailing list, the rest plain), in batches of 100 as a fetch stores
them. Batches alternate between ingest with the rules (the two starter rules
plus five of the team's: sender domain, organisation, contract kind, a body
pattern, round-robin assignment of urgent mail; ``--heavy``: the pattern and
the assignment fire on every message) and ingest with the rules' hook made a no-op;
the difference of the medians, per message, is what the rules cost. Times are
the writer thread's CPU time (``time.thread_time``), so other load on the
machine does not count; the commit itself is outside both.

Goal (issue 16): under 1 ms per message.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from benchmarks.dataset import NOW, dataset
from supportdesk.models import Agent
from supportdesk.services.mail.blobs import BlobBatch
from supportdesk.services.mail.ingest import ingest_prepared, prepare
from supportdesk.services.rules import run as rules_run
from supportdesk.services.rules import service
from supportdesk.store import Store, UnitOfWork
from supportdesk.store.engine import database_path

GOAL_MS = 1.0
BATCH = 100


def make_mail(i: int, rng: random.Random) -> bytes:
    msg = EmailMessage()
    kind = rng.random()
    msg["From"] = f"person{rng.randrange(50_000)}@customer{rng.randrange(3000)}.example"
    msg["To"] = "support@bench.example"
    subject = f"Question {i} about the printer"
    if kind < 0.05:
        subject = rng.choice(["URGENT: site down", "Срочно: не работает", "Áríðandi: villa"])
    elif kind < 0.10:
        msg["List-Id"] = "<users.lists.example>"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(NOW)
    msg["Message-ID"] = f"<bench-rules-{i}-{rng.random()}@example>"
    msg.set_content("Hello,\n\n" + " ".join(rng.choice(["printer", "error", "login", "please",
                                                        "invoice", "crash"]) for _ in range(200)))
    return msg.as_bytes()


def copy_profile(src: Path, dest: Path) -> None:
    dest.mkdir(parents=True)
    source = sqlite3.connect(database_path(src))
    target = sqlite3.connect(database_path(dest))
    with target:
        source.backup(target)
    source.close()
    target.close()


def team_rules(uow: UnitOfWork, heavy: bool = False) -> None:
    """Five rules of the team's; ``heavy``: two of them fire on every message."""
    agents = [a.id for a in uow.session.query(Agent).limit(3)]
    spread = ([] if heavy else [{"field": "priority", "op": "is", "value": "urgent"}])
    pattern = r"crash\s+crash" if heavy else r"\brefund(?:ed)?\b.*\bbank\b"
    for name, conds, acts in [
        ("Domain", [{"field": "sender_domain", "op": "is", "value": "customer7.example"}],
         [{"type": "add_tag", "value": "seven"}]),
        ("Org", [{"field": "organization", "op": "contains", "value": "northwind"}],
         [{"type": "set_priority", "value": "high"}]),
        ("Contract", [{"field": "contract_kind", "op": "is", "value": "prepaid_hours"}],
         [{"type": "add_tag", "value": "prepaid"}]),
        ("Pattern", [{"field": "body", "op": "matches", "value": pattern}],
         [{"type": "add_tag", "value": "crashes"}]),
        ("Spread", [{"field": "assignee", "op": "missing", "value": None}, *spread],
         [{"type": "assign", "value": "round_robin" if agents else ""}]),
    ]:
        service.save_rule(uow, name=name, conditions=conds, actions=acts)


def _timed(uow: UnitOfWork, batch: list[Any]) -> float:
    started = time.thread_time()
    ingest_prepared(uow, batch)
    uow.session.flush()
    return time.thread_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--heavy", action="store_true",
                        help="rules that fire on every message (a firing costs writes)")
    args = parser.parse_args()
    source = dataset(args.conversations)
    rng = random.Random(16)
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        copy_profile(source, profile)
        store = Store.open(profile)
        store.write(lambda uow: team_rules(uow, args.heavy))
        blobs = BlobBatch(store.blobs)
        mails = [prepare(make_mail(i, rng), mailbox_key="support@bench.example", blobs=blobs)
                 for i in range(args.messages)]
        blobs.sync()
        real = rules_run.run_inbound
        timings: dict[str, list[float]] = {"with": [], "without": []}
        for n, start in enumerate(range(0, len(mails), BATCH)):
            batch = mails[start:start + BATCH]
            on = n % 2 == 0
            rules_run.run_inbound = real if on else (lambda *_a, **_k: [])  # type: ignore[assignment]
            # CPU time of the writer thread: what ingest costs, whatever else the box runs.
            spent = store.write(lambda uow, batch=batch: _timed(uow, batch))
            timings["with" if on else "without"].append(spent / len(batch))
        rules_run.run_inbound = real  # type: ignore[assignment]
        with store.read() as s:
            stats = service.rule_stats(s)
        store.close()
    with_ms = statistics.median(timings["with"]) * 1000
    without_ms = statistics.median(timings["without"]) * 1000
    result: dict[str, Any] = {
        "conversations": args.conversations, "messages": args.messages, "heavy": args.heavy,
        "ingest_ms_per_message_without_rules": round(without_ms, 3),
        "ingest_ms_per_message_with_rules": round(with_ms, 3),
        "rules_ms_per_message": round(with_ms - without_ms, 3),
        "goal_ms": GOAL_MS, "firings": {k: v.count for k, v in stats.items()},
    }
    result["ok"] = result["rules_ms_per_message"] < GOAL_MS
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
