"""The ``supportdesk`` command as a user or a script runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from supportdesk import __version__
from supportdesk.store.engine import database_path
from supportdesk.store.lock import LOCK_NAME

REPO = Path(__file__).resolve().parents[1]


def run(*args: str, timeout: float = 120, **kw: object) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "supportdesk", *args],
        capture_output=True, text=True, timeout=timeout, env=env, check=False, **kw,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("argv", [["--version"], ["--help"]])
def test_version_and_help_import_no_store_qt_or_sqlalchemy(argv: list[str]) -> None:
    """``--help`` and ``--version`` answer without the heavy parts (issue 19)."""
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['supportdesk', *{argv!r}]\n"
        "try:\n"
        "    runpy.run_module('supportdesk', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'PySide6', 'requests', 'keyring') or m.startswith('supportdesk.store'))\n"
        "sys.stderr.write('HEAVY=' + ','.join(heavy))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60, env=env, check=False)
    assert "SupportDesk" in done.stdout or "usage: supportdesk" in done.stdout
    assert done.stderr.strip().endswith("HEAVY="), done.stderr


def test_subcommand_help_loads_only_that_command() -> None:
    out = run("demo", "--help")
    assert out.returncode == 0
    assert "--conversations" in out.stdout


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"SupportDesk {__version__}"
    helptext = run("--help").stdout
    for word in ("demo", "search", "--profile", "--screenshot"):
        assert word in helptext


def test_demo_then_search_as_json(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    made = run("demo", "--profile", str(profile), "--conversations", "60", "--seed", "5", "--json")
    assert made.returncode == 0, made.stderr
    summary = json.loads(made.stdout)
    assert summary["conversations"] == 60 and summary["messages"] >= 60
    again = run("demo", "--profile", str(profile))
    assert again.returncode == 1 and "already has a database" in again.stderr

    found = run("search", "--profile", str(profile), "--json", "ВОЙТИ")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert hits, "the Russian demo topics should match"
    assert {"conversation_id", "ticket", "subject", "customer_name", "excerpt"} <= set(hits[0])
    assert "\x02" not in hits[0]["excerpt"]

    plain = run("search", "--profile", str(profile), "zzzzzz-nothing")
    assert plain.returncode == 0 and "No conversations match." in plain.stdout


def test_profile_given_before_the_subcommand_is_kept(tmp_path: Path) -> None:
    from supportdesk.cli import build_parser, resolve_profile

    parser, _ = build_parser()
    before = parser.parse_args(["--profile", str(tmp_path / "a"), "demo"])
    after = parser.parse_args(["demo", "--profile", str(tmp_path / "b")])
    neither = parser.parse_args(["demo"])
    assert resolve_profile(before) == tmp_path / "a"
    assert resolve_profile(after) == tmp_path / "b"
    assert resolve_profile(neither) != tmp_path / "a"

    made = run("--profile", str(tmp_path / "p"), "demo", "--conversations", "5", "--json")
    assert made.returncode == 0, made.stderr
    assert database_path(tmp_path / "p").exists()


def test_search_without_a_profile_says_so(tmp_path: Path) -> None:
    result = run("search", "--profile", str(tmp_path / "none"), "x")
    assert result.returncode == 1
    assert "no SupportDesk profile" in result.stderr
    assert "Traceback" not in result.stderr


def test_screenshot_renders_a_png_of_a_fresh_demo_profile(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    shot = tmp_path / "shot.png"
    result = run("--profile", str(profile), "--screenshot", str(shot), "--size", "1200x800")
    assert result.returncode == 0, result.stderr
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 800)
    assert database_path(profile).exists()  # the demo workspace was made


def test_corrupt_database_is_reported_and_kept(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    db = database_path(profile)
    db.write_bytes(b"garbage" * 500)
    result = run("--profile", str(profile), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 1
    assert "damaged" in result.stderr and "Traceback" not in result.stderr
    assert db.read_bytes() == b"garbage" * 500


def test_second_copy_hands_over_to_the_first(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    first = subprocess.Popen(
        [sys.executable, "-m", "supportdesk", "--profile", str(profile)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        lock = profile / LOCK_NAME
        while time.monotonic() < deadline:
            if first.poll() is not None:
                pytest.fail(f"the first copy exited: {first.communicate()}")
            if lock.exists() and lock.read_text() == str(first.pid):
                break
            time.sleep(0.2)
        # No pause: the first copy may still be building its demo workspace; it answers
        # (it listens before it opens the database) or the second one waits for it.
        second = run("--profile", str(profile), timeout=90)
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stdout
        assert first.poll() is None  # the first copy is untouched
    finally:
        first.terminate()
        first.communicate(timeout=30)
