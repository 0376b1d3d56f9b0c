"""Issue 19: demo generation grows linearly (no quadratic corners).

    PYTHONPATH=. python -m benchmarks.bench_demo_scaling [--sizes 10000 20000 40000] [--json FILE]

Runs the real entry point a user runs, ``supportdesk demo --conversations N``,
as a process into a fresh profile for each size, and reports the wall time and
the ratio of each doubling. Goal: every doubling within 2.5x (a quadratic step
shows as ~4x). The check is in the report, not a test: the times depend on the
machine.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_RATIO = 2.5


def _demo(conversations: int, workdir: Path) -> float:
    profile = workdir / f"demo-{conversations}"
    shutil.rmtree(profile, ignore_errors=True)
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "supportdesk", "--profile", str(profile), "demo",
         "--conversations", str(conversations), "--json"],
        check=True, stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - t0
    shutil.rmtree(profile, ignore_errors=True)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 40_000])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    results: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="sd-demo-scale-") as tmp:
        for n in sizes:
            seconds = _demo(n, Path(tmp))
            row: dict[str, float] = {"conversations": n, "seconds": round(seconds, 2)}
            if results:
                prev = results[-1]
                # Normalised to one doubling, so sizes that are not doublings compare too.
                doublings = math.log2(n / prev["conversations"])
                row["ratio_per_doubling"] = round(
                    (seconds / prev["seconds"]) ** (1 / doublings), 2)
            results.append(row)
            print(json.dumps(row), flush=True)
    worst = max((r.get("ratio_per_doubling", 0.0) for r in results), default=0.0)
    summary = {"runs": results, "worst_ratio_per_doubling": worst, "goal": GOAL_RATIO,
               "linear": worst <= GOAL_RATIO}
    print(json.dumps(summary, indent=2))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return 0 if summary["linear"] else 1


if __name__ == "__main__":
    sys.exit(main())
