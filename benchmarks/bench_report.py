"""Issue 7 benchmark: the weekly summary over the 100k-conversation workspace, to PDF.

    PYTHONPATH=. python -m benchmarks.bench_report [--week 2026-W46] [--runs 3] [--json FILE]

Measures compute (``metrics.weekly_summary``) and PDF rendering separately,
best and median of a few runs (goal: compute + PDF <= 2 s), as wall time and as
this process's CPU time (the machine is shared: CPU time moves less with other
load). Uses the cached dataset from ``benchmarks.dataset``; it is made only if
it does not exist, and opened with ``Store.open``, which migrates it (copying
the old file aside first) when the schema is older than this version's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select

from benchmarks.dataset import NOW, dataset
from supportdesk.models.tables import Message
from supportdesk.reports import metrics
from supportdesk.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--week", default="2026-W46")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    from supportdesk.reports import pdf

    pdf.ensure_app()
    profile = dataset(100_000)
    store = Store.open(profile)
    compute: list[float] = []
    render: list[float] = []
    compute_cpu: list[float] = []
    render_cpu: list[float] = []
    try:
        with store.read() as session:
            messages = session.scalar(select(func.count()).select_from(Message)) or 0
        out = Path(tempfile.mkdtemp()) / "weekly.pdf"
        summary = None
        with store.engine.connect() as conn:
            schema = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        for _ in range(args.runs):
            t0, c0 = time.perf_counter(), time.process_time()
            with store.read() as session:
                summary = metrics.weekly_summary(session, args.week, now=NOW)
            t1, c1 = time.perf_counter(), time.process_time()
            pdf.weekly_pdf(summary, out)
            t2, c2 = time.perf_counter(), time.process_time()
            compute.append(t1 - t0)
            render.append(t2 - t1)
            compute_cpu.append(c1 - c0)
            render_cpu.append(c2 - c1)
    finally:
        store.close()
    assert summary is not None
    result = {
        "messages": messages,
        "schema": schema,
        "week": args.week,
        "opened": summary.opened,
        "first_responses": summary.first_response.count,
        "compute_s_best": round(min(compute), 3),
        "compute_s_median": round(statistics.median(compute), 3),
        "pdf_s_best": round(min(render), 3),
        "pdf_s_median": round(statistics.median(render), 3),
        "total_s_best": round(min(c + r for c, r in zip(compute, render, strict=True)), 3),
        "compute_cpu_s_median": round(statistics.median(compute_cpu), 3),
        "pdf_cpu_s_median": round(statistics.median(render_cpu), 3),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "goal_s": 2.0,
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
