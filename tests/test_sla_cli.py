"""``supportdesk sla preview``: due times and ETAs worked out by hand."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from supportdesk.cli import main
from supportdesk.config import TEAM_TIMEZONE, Settings
from supportdesk.services.sla import SlaTargets
from supportdesk.services.workflow import team
from supportdesk.store import Store
from supportdesk.store.engine import database_path

REPO = Path(__file__).resolve().parents[1]


def _profile(tmp_path: Path, zone: str = "Europe/London") -> Path:
    """A profile with only a settings file naming the team's zone (no database)."""
    profile = tmp_path / "p"
    Settings(profile).set(TEAM_TIMEZONE, zone)
    return profile


def preview(capsys: pytest.CaptureFixture[str], profile: Path, *args: str) -> dict[str, Any]:
    code = main(["sla", "preview", "--profile", str(profile), "--json", *args])
    out = capsys.readouterr()
    assert code == 0, out.err
    data: dict[str, Any] = json.loads(out.out)
    return data


def test_friday_afternoon_normal_is_due_monday_noon(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = _profile(tmp_path)
    data = preview(capsys, profile, "--priority", "normal", "--received", "2026-11-20T16:00")
    assert data["first_response_due"] == "2026-11-23T12:00:00+00:00"  # 1 h Fri + 3 h Mon
    assert data["resolution_due"] == "2026-11-25T16:00:00+00:00"  # 1 + 8 + 8 + 7 h
    assert data["eta"] == "2026-11-23T12:00:00+00:00"
    assert data["eta_basis"] == "sla" and data["queue_ahead"] == 0
    assert data["time_zone"] == "Europe/London"
    assert data["business_hours"] == "mon-fri 09:00-17:00"
    assert data["eta_text"]["en"] == "by Monday 12:00 (your time)"
    assert not database_path(profile).exists(), "a preview must not create a database"


def test_urgent_and_a_dst_weekend(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = _profile(tmp_path)
    urgent = preview(capsys, profile, "--priority", "urgent", "--received", "2026-11-20T16:30")
    assert urgent["first_response_due"] == "2026-11-23T09:30:00+00:00"  # 30 min + 30 min
    assert urgent["resolution_due"] == "2026-11-23T16:30:00+00:00"  # 30 min + 7 h 30 min
    # Clocks go forward on Sunday 29 March 2026: Monday noon is BST.
    spring = preview(capsys, profile, "--priority", "normal", "--received", "2026-03-27T16:00")
    assert spring["first_response_due"] == "2026-03-30T12:00:00+01:00"


def test_times_without_a_zone_are_the_teams_and_output_is_in_the_teams_zone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "ny"
    store = Store.open(profile)
    store.write(lambda uow: team.save_team(uow, timezone="America/New_York",
                                           week_text="mon-fri 09:00-17:00"))
    store.close()
    naive = preview(capsys, profile, "--priority", "normal", "--received", "2026-11-20T16:00")
    aware = preview(capsys, profile, "--priority", "normal",
                    "--received", "2026-11-20T21:00:00Z")
    assert naive["received"] == aware["received"] == "2026-11-20T16:00:00-05:00"
    assert naive["first_response_due"] == aware["first_response_due"] == (
        "2026-11-23T12:00:00-05:00")


def test_a_stored_policy_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "custom"
    store = Store.open(profile)
    targets = dict(team.DEFAULT_TARGETS)
    targets["normal"] = SlaTargets.from_dict(
        {"first_response_minutes": 120, "resolution_minutes": 16 * 60})
    store.write(lambda uow: team.save_team(uow, timezone="Europe/London",
                                           week_text="mon-thu 08:00-16:00"))
    store.write(lambda uow: team.save_policy(uow, name="Gold", targets=targets,
                                             is_default=True))
    store.close()
    data = preview(capsys, profile, "--priority", "normal", "--received", "2026-11-19T15:00")
    # Thursday 15:00 + 2 business hours on a Mon-Thu 08-16 week: 1 h Thu + 1 h Mon -> 09:00.
    assert data["policy"] == "Gold"
    assert data["first_response_due"] == "2026-11-23T09:00:00+00:00"
    assert data["resolution_due"] == "2026-11-24T15:00:00+00:00"  # 1 h Thu + 8 Mon + 7 Tue


def test_a_long_queue_moves_the_eta(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = _profile(tmp_path)
    data = preview(capsys, profile, "--priority", "normal", "--received", "2026-11-20T16:00",
                   "--queue", "30")
    # 30 ahead x 20 min / 1 agent = 10 business hours: 1 h Fri + 8 h Mon + 1 h Tue.
    assert data["eta"] == "2026-11-24T10:00:00+00:00"
    assert data["eta_basis"] == "queue"
    assert data["first_response_due"] == "2026-11-23T12:00:00+00:00"


def test_bad_input_is_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = _profile(tmp_path)
    code = main(["sla", "preview", "--profile", str(profile), "--priority", "normal",
                 "--received", "next friday"])
    assert code == 1
    assert "cannot read --received 'next friday'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["sla", "preview", "--priority", "soon", "--received", "2026-11-20T16:00"])
    assert exc.value.code == 2


def test_the_real_command_prints_text(tmp_path: Path) -> None:
    profile = _profile(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-m", "supportdesk", "sla", "preview", "--priority", "normal",
         "--received", "2026-11-20T16:00", "--profile", str(profile)],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    assert lines["First response due"].strip() == "2026-11-23T12:00:00+00:00"
    assert lines["ETA promised"].strip().startswith("2026-11-23T12:00:00+00:00")
    assert lines["Customer reads (ru)"].strip() == "в понедельник до 12:00 (по вашему времени)"
