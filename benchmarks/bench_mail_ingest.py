"""Mail ingest: 10k mails of ~10 KB from a local Dovecot into a fresh profile.

    python -m benchmarks.bench_mail_ingest [--messages N] [--json FILE] [--no-imap]

Steps:
1. generate N realistic mails (~10 KB: text, often an HTML alternative, some
   threads with References, some small attachments) and APPEND them to a
   throwaway Dovecot (the project's test server, TLS with a test CA);
2. fetch them over IMAP into memory (network and server time, reported apart);
3. ingest them into a new profile exactly as a fetch does (``Ingestor``:
   parse, blob files, dedupe, threading, customers, rows with outbox
   entries, FTS triggers, Message-ID index) and report messages per second
   of wall time and per CPU-second (all threads of the process), with the
   cProfile top entries of that local work;
4. run ``fetch_mailbox`` end to end into another new profile.

Goal (issue 3): >= 500 messages/s per core of local work. ``--no-imap``
skips Dovecot and ingests the generated mails directly (steps 3 only).
"""

from __future__ import annotations

import argparse
import base64
import cProfile
import io
import json
import pstats
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from supportdesk.services.mail.ingest import (
    Ingestor,
    IngestOutcome,
    ingest_prepared,
    mailbox_key_for,
    prepare,
)
from supportdesk.store import Store, UnitOfWork

WORDS = [
    "printer", "invoice", "refund", "password", "account", "login", "error", "order",
    "shipping", "delay", "update", "license", "server", "backup", "network", "crash", "screen",
    "email", "calendar", "sync", "install", "upgrade", "billing", "customer", "ticket",
    "report", "export", "import", "settings", "mobile", "app", "window", "button", "please",
    "thanks", "again", "soon", "today", "tomorrow", "yesterday", "still", "cannot", "works",
    "broken", "fixed",
]  # fmt: skip
GOAL = 500.0
ADDRESS = "support@bench.example"


def paragraph(rng: random.Random, words: int) -> str:
    out = [rng.choice(WORDS) for _ in range(words)]
    out[0] = out[0].capitalize()
    lines, line = [], []
    for word in out:
        line.append(word)
        if len(" ".join(line)) > 70:
            lines.append(" ".join(line))
            line = []
    lines.append(" ".join(line) + ".")
    return "\n".join(lines)


def make_messages(n: int, seed: int = 42) -> list[bytes]:
    """N mails of about 10 KB; a third are replies in threads."""
    rng = random.Random(seed)
    start = datetime(2024, 5, 1, 8, tzinfo=UTC)
    threads: list[list[str]] = []
    out: list[bytes] = []
    for i in range(n):
        sender = f"customer{rng.randrange(n // 4 + 1)}@example{rng.randrange(50)}.net"
        at = start + timedelta(minutes=7 * i)
        mid = f"bench{i}.{rng.getrandbits(32):08x}@example.net"
        headers = [
            f"From: Customer {sender.split('@')[0][8:]} <{sender}>",
            f"To: Support <{ADDRESS}>",
            f"Date: {format_datetime(at)}",
            f"Message-ID: <{mid}>",
            "MIME-Version: 1.0",
            f"Received: from mx{rng.randrange(9)}.example.net by mail.bench.example; "
            f"{format_datetime(at)}",
        ]
        if threads and rng.random() < 0.35:
            chain = rng.choice(threads)
            headers.append(f"Subject: Re: Question {chain[0][5:10]}")
            headers.append("References: " + " ".join(f"<{c}>" for c in chain))
            headers.append(f"In-Reply-To: <{chain[-1]}>")
            chain.append(mid)
        else:
            headers.append(f"Subject: Question {mid[5:10]} about {rng.choice(WORDS)}")
            threads.append([mid])
        text = "\n\n".join(paragraph(rng, rng.randrange(100, 170)) for _ in range(10))
        kind = rng.random()
        if kind < 0.5:
            body = "\r\n".join(
                ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
                 "", text]
            )  # fmt: skip
            raw = "\r\n".join(headers) + "\r\n" + body
        else:
            html = "".join(f"<p>{p}</p>" for p in text.split("\n\n")[:4])
            parts = [
                "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text[: len(text) // 2],
                f"Content-Type: text/html; charset=utf-8\r\n\r\n<html><body>{html}</body></html>",
            ]
            mixed = kind > 0.9
            boundary = f"b{i}"
            alt = "".join(f"--{boundary}\r\n{p}\r\n" for p in parts) + f"--{boundary}--\r\n"
            if mixed:
                blob = base64.encodebytes(rng.randbytes(1500)).decode().replace("\n", "\r\n")
                raw = "\r\n".join(headers) + (
                    f'\r\nContent-Type: multipart/mixed; boundary="m{i}"\r\n\r\n'
                    f'--m{i}\r\nContent-Type: multipart/alternative; boundary="{boundary}"\r\n\r\n'
                    f"{alt}--m{i}\r\nContent-Type: application/octet-stream\r\n"
                    f'Content-Disposition: attachment; filename="log{i}.bin"\r\n'
                    f"Content-Transfer-Encoding: base64\r\n\r\n{blob}--m{i}--\r\n"
                )
            else:
                raw = "\r\n".join(headers) + (
                    f'\r\nContent-Type: multipart/alternative; boundary="{boundary}"\r\n\r\n{alt}'
                )
        out.append(raw.replace("\r\n", "\n").replace("\n", "\r\n").encode())
    return out


class ProfiledIngestor(Ingestor):
    """An Ingestor whose writes are profiled on the store's writer thread too."""

    def __init__(self, store: Store, writer_profile: cProfile.Profile) -> None:
        super().__init__(store)
        self.writer_profile = writer_profile

    def flush(self) -> list[IngestOutcome]:
        if not self._batch:
            return []
        batch, self._batch = self._batch, []
        self.blobs.sync()
        profile = self.writer_profile
        return self.store.write(lambda uow: profile.runcall(ingest_prepared, uow, batch))


class TimedIngestor(Ingestor):
    """An Ingestor that notes where the wall time goes."""

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.times = {"parse_and_blob_files_s": 0.0, "blob_syncfs_s": 0.0,
                      "writer_rows_s": 0.0, "commit_and_handoff_s": 0.0}  # fmt: skip

    def add(self, raw: bytes, **kw: Any) -> list[IngestOutcome]:
        t0 = time.perf_counter()
        self._batch.append(prepare(raw, blobs=self.blobs, **kw))
        self.times["parse_and_blob_files_s"] += time.perf_counter() - t0
        return self.flush() if len(self._batch) >= self.batch_size else []

    def flush(self) -> list[IngestOutcome]:
        if not self._batch:
            return []
        batch, self._batch = self._batch, []
        t0 = time.perf_counter()
        self.blobs.sync()
        t1 = time.perf_counter()
        inside = [0.0]

        def work(uow: UnitOfWork) -> list[IngestOutcome]:
            start = time.perf_counter()
            try:
                return ingest_prepared(uow, batch)
            finally:
                inside[0] = time.perf_counter() - start

        out = self.store.write(work)
        t2 = time.perf_counter()
        self.times["blob_syncfs_s"] += t1 - t0
        self.times["writer_rows_s"] += inside[0]
        self.times["commit_and_handoff_s"] += (t2 - t1) - inside[0]
        return out


def ingest(store: Store, raws: list[bytes], profile: bool) -> dict[str, object]:
    """Ingest as a fetch does; returns timings (and the profile's top entries)."""
    profiler = cProfile.Profile() if profile else None
    writer_profiler = cProfile.Profile() if profile else None
    ingestor: Ingestor = (
        ProfiledIngestor(store, writer_profiler) if writer_profiler else TimedIngestor(store)
    )
    key = mailbox_key_for(ADDRESS)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    added = 0
    for raw in raws:
        added += sum(o.status == "added" for o in ingestor.add(raw, mailbox_key=key))
    added += sum(o.status == "added" for o in ingestor.flush())
    if profiler:
        profiler.disable()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    result: dict[str, object] = {
        "messages": len(raws),
        "added": added,
        "wall_s": round(wall, 3),
        "cpu_s": round(cpu, 3),
        "messages_per_s_wall": round(len(raws) / wall, 1),
        "messages_per_cpu_s": round(len(raws) / cpu, 1),
    }
    if isinstance(ingestor, TimedIngestor):
        result["wall_breakdown"] = {k: round(v, 2) for k, v in ingestor.times.items()}
    if profiler and writer_profiler:
        for name, prof in (("worker", profiler), ("writer", writer_profiler)):
            stream = io.StringIO()
            pstats.Stats(prof, stream=stream).sort_stats("tottime").print_stats(18)
            result[f"profile_{name}_tottime"] = stream.getvalue()
            stream = io.StringIO()
            pstats.Stats(prof, stream=stream).sort_stats("cumulative").print_stats(22)
            result[f"profile_{name}_cumulative"] = stream.getvalue()
    return result


def run_imap(raws: list[bytes], results: dict[str, object], work: Path) -> list[bytes] | None:
    """Append to a throwaway Dovecot, fetch back, and run fetch_mailbox end to end."""
    from supportdesk.channels.email.connection import MailboxConfig
    from supportdesk.channels.email.imap import ImapSession
    from supportdesk.services.mail.fetch import fetch_mailbox
    from supportdesk.services.mail.mailboxes import MailboxInfo, save_mailbox
    from tests.servers.dovecot import DovecotServer, dovecot_problem
    from tests.servers.tlsca import make_pki

    problem = dovecot_problem()
    if problem:
        print(f"!!! no Dovecot, IMAP part skipped: {problem}")
        results["imap"] = f"skipped: {problem}"
        return None
    tls = make_pki(work / "pki")
    server = DovecotServer(tls)
    server.start()
    try:
        user = server.add_user()
        t0 = time.perf_counter()
        with server.client(user) as client:
            for start in range(0, len(raws), 500):
                client.multiappend("INBOX", raws[start : start + 500])
        results["append_s"] = round(time.perf_counter() - t0, 2)
        cfg = MailboxConfig(
            name="Bench", email_address=ADDRESS, username=user.name, imap_host="127.0.0.1",
            imap_port=server.imaps_port, imap_security="tls", smtp_host="127.0.0.1",
            smtp_port=9, smtp_security="starttls", cafile=str(tls.ca_cert),
        )  # fmt: skip
        t0 = time.perf_counter()
        with ImapSession(cfg, user.password, timeout=120) as imap:
            fetched = [m.raw for m in imap.fetch_new("INBOX", None, since=None)]
        took = time.perf_counter() - t0
        results["imap_fetch_only_s"] = round(took, 2)
        results["imap_fetch_only_messages_per_s"] = round(len(fetched) / took, 1)

        store = Store.open(work / "end-to-end")
        try:
            info = MailboxInfo(
                id="", name="Bench", address=ADDRESS, display_name="", username=user.name,
                imap_host="127.0.0.1", imap_port=server.imaps_port, imap_security="tls",
                smtp_host="127.0.0.1", smtp_port=9, smtp_security="starttls",
                ca_file=str(tls.ca_cert), fetch_window_days=3650,
            )  # fmt: skip
            box_id = store.write(lambda uow: save_mailbox(uow, info))
            t0, c0 = time.perf_counter(), time.process_time()
            report = fetch_mailbox(store, box_id, user.password, today=date(2024, 12, 31))
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            results["end_to_end"] = {
                "added": report.added,
                "wall_s": round(wall, 2),
                "cpu_s_this_process": round(cpu, 2),
                "messages_per_s_wall": round(report.added / wall, 1),
            }
        finally:
            store.close()
        return fetched
    finally:
        server.cleanup()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--no-imap", action="store_true")
    args = parser.parse_args()
    results: dict[str, object] = {}
    raws = make_messages(args.messages)
    results["average_message_bytes"] = sum(map(len, raws)) // len(raws)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if not args.no_imap:
            fetched = run_imap(raws, results, work)
            if fetched is not None:
                assert len(fetched) == len(raws), (len(fetched), len(raws))
                raws = fetched
        store = Store.open(work / "local")
        try:
            results["local"] = ingest(store, raws, profile=False)
        finally:
            store.close()
        store = Store.open(work / "profiled")
        try:
            results["profiled"] = ingest(store, raws, profile=True)
        finally:
            store.close()
    local = results["local"]
    assert isinstance(local, dict)
    rate = float(local["messages_per_cpu_s"])
    print(json.dumps({k: v for k, v in results.items() if k != "profiled"}, indent=2))
    profiled = results["profiled"]
    assert isinstance(profiled, dict)
    for name in ("worker", "writer"):
        print(f"== where the time goes: the {name} thread")
        print(profiled[f"profile_{name}_tottime"])
        print(profiled[f"profile_{name}_cumulative"])
    verdict = "meets" if rate >= GOAL else "MISSES"
    print(f"local work: {rate:.0f} messages per CPU-second ({verdict} the goal of {GOAL:.0f})")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
