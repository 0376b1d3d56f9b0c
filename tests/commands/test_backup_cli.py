"""``supportdesk backup`` and ``supportdesk restore`` as cron or a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import run


def test_backup_then_restore_from_the_command_line(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    made = run("demo", "--profile", str(profile), "--conversations", "40", "--seed", "3")
    assert made.returncode == 0, made.stderr
    archive = tmp_path / "nightly.sdbackup"
    done = run("backup", "--profile", str(profile), "-o", str(archive), "--json")
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout)
    assert info["size"] == archive.stat().st_size > 0

    checked = run("restore", str(archive), "--verify-only")
    assert checked.returncode == 0 and "match their checksums" in checked.stdout

    refused = run("restore", str(archive), "--profile", str(profile))
    assert refused.returncode == 1 and "not empty" in refused.stderr

    target = tmp_path / "restored"
    back = run("restore", str(archive), "--profile", str(target))
    assert back.returncode == 0, back.stderr
    assert f"--profile {target}" in back.stdout
    original = json.loads(run("search", "--profile", str(profile), "--json", "ВОЙТИ").stdout)
    copy = json.loads(run("search", "--profile", str(target), "--json", "ВОЙТИ").stdout)
    assert original and copy == original

    missing = run("backup", "--profile", str(tmp_path / "none"), "-o", str(tmp_path / "x"))
    assert missing.returncode == 1 and "no SupportDesk profile" in missing.stderr


def test_rates_from_the_command_line(tmp_path: Path) -> None:
    profile = str(tmp_path / "p")
    assert "No hourly rates" in run("rates", "list", "--profile", profile).stdout
    done = run("rates", "set", "team", "120.50", "--profile", profile)
    assert done.returncode == 0, done.stderr
    assert run("rates", "set", "customer", "c-1", "95", "--currency", "isk",
               "--profile", profile).returncode == 0
    listed = run("rates", "list", "--profile", profile).stdout
    assert "team\t-\t120.50 EUR" in listed and "customer\tc-1\t95.00 ISK" in listed
    bad = run("rates", "set", "team", "lots", "--profile", profile)
    assert bad.returncode == 1 and "not an amount" in bad.stderr
    assert run("rates", "clear", "team", "--profile", profile).returncode == 0
    assert "team" not in run("rates", "list", "--profile", profile).stdout
