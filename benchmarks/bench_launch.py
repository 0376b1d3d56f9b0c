"""Issue 19: launch of the real app against an empty PySide6 window, whole processes.

    PYTHONPATH=. python -m benchmarks.bench_launch [--runs 7] [--large] [--json FILE]

Each run starts a new process, as a user's click does:
  * empty: a tiny PySide6 program that shows a QMainWindow, paints it and saves a PNG;
  * app:   the installed entry point ``supportdesk --profile P --screenshot X.png``
           (every capability installed, exactly what ``make run`` starts),
interleaved (empty, app, empty, app, ...) so both see the same machine load.
Reported: median wall time of each, their ratio (goal: app <= 3x empty), and
the import-time profile of the app's start (top 15 modules by cumulative time,
from ``-X importtime``). Profiles: the 2,000-conversation demo (made once in a
temporary folder) and, with ``--large``, the 100k-conversation benchmark
workspace from ``benchmarks.dataset``.

``bench_inbox.py``'s launch figure builds the window in-process without the
capabilities; it is not this figure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOAL = 3.0

EMPTY_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.resize(1400, 860)
w.show()
app.processEvents()
w.grab().save(sys.argv[1])
"""


def _entry_point() -> list[str]:
    installed = Path(sys.executable).parent / "supportdesk"
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "supportdesk"]


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _time(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=_env(), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=300)
    return time.perf_counter() - t0


def _import_profile(profile: Path, png: Path, top: int = 15) -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "supportdesk", "--profile", str(profile),
         "--screenshot", str(png)],
        env=_env(), capture_output=True, text=True, check=True, timeout=300,
    )
    rows: list[tuple[int, int, str]] = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = line[len("import time:"):].split("|")
        try:
            own, cumulative = int(parts[0]), int(parts[1])
        except ValueError:
            continue
        name = parts[2].rstrip()
        depth = (len(name) - len(name.lstrip())) // 2
        if depth <= 1:  # modules the app itself asked for, not their insides
            rows.append((cumulative, own, name.strip()))
    rows.sort(reverse=True)
    return [{"module": n, "cumulative_ms": round(c / 1000, 1), "self_ms": round(o / 1000, 1)}
            for c, o, n in rows[:top]]


def measure(profile: Path, runs: int, label: str, workdir: Path) -> dict[str, object]:
    empty_script = workdir / "empty_window.py"
    empty_script.write_text(EMPTY_WINDOW, encoding="utf-8")
    png = workdir / "shot.png"
    # One warm-up of each: bytecode compiled, files in the page cache (as on a second start).
    _time([sys.executable, str(empty_script), str(png)])
    _time([*_entry_point(), "--profile", str(profile), "--screenshot", str(png)])
    empty: list[float] = []
    app: list[float] = []
    for _ in range(runs):
        empty.append(_time([sys.executable, str(empty_script), str(png)]))
        app.append(_time([*_entry_point(), "--profile", str(profile), "--screenshot", str(png)]))
    result: dict[str, object] = {
        "profile": label,
        "runs": runs,
        "empty_window_median_s": round(statistics.median(empty), 3),
        "app_median_s": round(statistics.median(app), 3),
        "ratio": round(statistics.median(app) / statistics.median(empty), 2),
        "goal_ratio": GOAL,
        "app_runs_s": [round(x, 3) for x in app],
        "empty_runs_s": [round(x, 3) for x in empty],
        "import_profile_top15": _import_profile(profile, png),
    }
    print(json.dumps({k: v for k, v in result.items() if k != "import_profile_top15"}),
          flush=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--conversations", type=int, default=2000)
    parser.add_argument("--large", action="store_true",
                        help="also the 100k-conversation benchmark workspace")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="sd-launch-") as tmp:
        work = Path(tmp)
        demo = work / "demo"
        subprocess.run([*_entry_point(), "--profile", str(demo), "demo", "--conversations",
                        str(args.conversations)], check=True, env=_env(),
                       stdout=subprocess.DEVNULL)
        results.append(measure(demo, args.runs, f"demo-{args.conversations}", work))
        if args.large:
            from benchmarks.dataset import dataset

            big = dataset(100_000)
            results.append(measure(big, args.runs, "benchmark-100k", work))
        shutil.rmtree(demo, ignore_errors=True)
    for r in results:
        print(f"\n{r['profile']}: app {r['app_median_s']} s, empty window "
              f"{r['empty_window_median_s']} s, ratio {r['ratio']}x (goal {GOAL}x)")
        for row in r["import_profile_top15"]:  # type: ignore[attr-defined]
            print(f"  {row['cumulative_ms']:8.1f} ms  {row['module']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
