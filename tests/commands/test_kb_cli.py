"""``supportdesk kb list`` and ``kb search`` on a demo profile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supportdesk.cli import main as cli_main
from supportdesk.services import demo
from supportdesk.store import Store
from tests.conftest import DEMO_NOW


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    profile = tmp_path / "kb-profile"
    store = Store.open(profile)
    demo.generate(store, 40, seed=3, now=DEMO_NOW)
    store.close()
    return profile


def test_list_and_search(profile_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["kb", "list", "--profile", str(profile_dir), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 12
    assert {a["language"] for a in listed} == {"en", "ru", "is"}
    assert cli_main(["kb", "search", "LYKILORÐ", "--profile", str(profile_dir), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found and {a["language"] for a in found} == {"is"}
    assert cli_main(["kb", "search", "zzzz-nothing", "--profile", str(profile_dir)]) == 0
    assert "No articles." in capsys.readouterr().out


def test_a_missing_profile_is_an_error(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["kb", "list", "--profile", str(tmp_path / "none")]) == 1
    assert "no SupportDesk profile" in capsys.readouterr().err
