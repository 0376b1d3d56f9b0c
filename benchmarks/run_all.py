"""Run every benchmark script in this folder and keep the results in benchmarks/out/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    failed = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"== {script.name}", flush=True)
        result = subprocess.run(
            [sys.executable, "-m", f"benchmarks.{script.stem}", "--json",
             str(out / f"{script.stem}.json")],
            cwd=HERE.parent, check=False,
        )
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
