"""``supportdesk import PATH``: chat exports and mail files from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from supportdesk.cli import main
from supportdesk.services.chat_import import looks_like_mail
from supportdesk.store import Store
from tests.services.chat_exports import EXPORTS, whatsapp_txt, whatsapp_zip
from tests.services.test_chat_import import counts
from tests.services.test_chat_import_edges import BAD

REPO = Path(__file__).resolve().parents[2]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["import", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_human_summary_then_nothing_new(
    tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = whatsapp_txt(tmp_path)
    code, out, err = cli(capsys, str(path), "--profile", str(profile), "--us", "Acme Support",
                         "--tz", "Europe/Berlin")  # fmt: skip
    assert code == 0, err
    assert "Imported WhatsApp Chat with Ana Souza.txt (WhatsApp): 6 message(s) added" in out
    assert "us: Acme Support (new agent)" in out and "customers: Ana Souza (new)" in out
    assert "read as Europe/Berlin (as given)" in out
    assert "original export is kept" in out
    code, out, _ = cli(capsys, str(path), "--profile", str(profile), "--us", "Acme Support")
    assert code == 0 and "0 message(s) added, 6 already there" in out


def test_json_summary(tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = whatsapp_zip(tmp_path)
    code, out, err = cli(capsys, str(path), "--profile", str(profile), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["ok"] is True and data["kind"] == "chat" and data["format"] == "whatsapp"
    assert data["added"] == 4 and data["skipped"] == [] and data["failed"] == []
    assert data["attachments"] == {"stored": 1, "missing": 1}
    assert data["timezone"]["assumed"] is True and data["timezone"]["times_without_zone"] == 4
    (conv,) = data["conversations"]
    assert conv["created"] and conv["ticket"].startswith("SD-")
    assert {p["side"] for p in conv["participants"]} == {"unknown"}
    code, out, _ = cli(capsys, str(path), "--profile", str(profile), "--json")
    again = json.loads(out)
    assert again["added"] == 0 and again["skipped_duplicates"] == 4
    assert again["skipped"] == [{"reason": "already in SupportDesk (imported before)", "count": 4}]


@pytest.mark.parametrize("name", ["telegram", "slack", "messenger", "csv", "crisp"])
def test_other_formats(
    tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    build, _ = EXPORTS[name]
    code, out, err = cli(capsys, str(build(tmp_path)), "--profile", str(profile), "--json")
    assert code == 0, err
    assert json.loads(out)["added"] > 0


def test_format_can_be_forced(
    tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build, _ = EXPORTS["discord_csv"]
    path = build(tmp_path)
    code, out, _ = cli(capsys, str(path), "--profile", str(profile), "--format", "csv", "--json")
    # read as a plain CSV the columns are guessed: Author, Date, Content
    assert code == 0 and json.loads(out)["format"] == "csv"


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_fails_clearly_and_changes_nothing(
    tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    seed = tmp_path / "seed"
    seed.mkdir()
    assert cli(capsys, str(whatsapp_txt(seed)), "--profile", str(profile))[0] == 0
    store = Store.open(profile)
    before = counts(store)
    store.close()
    build, line, words = BAD[name]
    path = build(tmp_path)
    code, out, err = cli(capsys, str(path), "--profile", str(profile))
    assert code == 1
    assert err.startswith(f"supportdesk import: {path.name}: ")
    assert words in err and "Traceback" not in err
    if line is not None:
        assert f"line {line}" in err
    code, out, err = cli(capsys, str(path), "--profile", str(profile), "--json")
    assert code == 1
    error = json.loads(out)["error"]
    assert error["file"] == str(path) and error["line"] == line and words in error["message"]
    store = Store.open(profile)
    assert counts(store) == before
    store.close()


def test_usage_errors(tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, str(tmp_path / "nope.txt"), "--profile", str(profile))
    assert code == 1 and "nope.txt: no such file or folder" in err
    path = whatsapp_txt(tmp_path)
    code, _, err = cli(capsys, str(path), "--profile", str(profile), "--tz", "Mars/Olympus")
    assert code == 1 and "--tz" in err and "Europe/Berlin" in err
    code, _, err = cli(capsys, str(path), "--profile", str(profile), "--us", "Bob")
    assert code == 1 and 'nobody in this export is called "Bob"' in err


def test_the_team_zone_setting_is_the_default(
    tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from supportdesk.config import TEAM_TIMEZONE, Settings

    Settings(profile).set(TEAM_TIMEZONE, "Asia/Tokyo")
    code, out, _ = cli(capsys, str(whatsapp_txt(tmp_path)), "--profile", str(profile), "--json")
    assert code == 0
    assert json.loads(out)["timezone"] == {"zone": "Asia/Tokyo", "assumed": True,
                                           "times_without_zone": 6}  # fmt: skip


# -- mail goes to the email channel's importer ------------------------------------------------

EML = (
    b"From: Ana Souza <ana@example.org>\r\nTo: help@acme.example\r\n"
    b"Subject: Broken blender\r\nMessage-ID: <blender-1@example.org>\r\n"
    b"Date: Mon, 15 Jan 2024 09:00:00 +0000\r\n\r\nThe lid is cracked.\r\n"
)


def test_mail_paths_are_told_from_chat_exports(tmp_path: Path) -> None:
    eml = tmp_path / "a.eml"
    eml.write_bytes(EML)
    bare = tmp_path / "message"
    bare.write_bytes(EML)
    mbox = tmp_path / "archive"
    mbox.write_bytes(b"From ana@example.org Mon Jan 15 09:00:00 2024\n" + EML)
    folder = tmp_path / "mails"
    folder.mkdir()
    (folder / "1.eml").write_bytes(EML)
    assert all(looks_like_mail(p) for p in (eml, bare, mbox, folder))
    for name in ("whatsapp", "telegram", "slack", "csv", "discord"):
        build, _ = EXPORTS[name]
        target = tmp_path / name
        target.mkdir()
        assert not looks_like_mail(build(target)), name


def test_eml_files_go_to_the_mail_importer(
    tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    import importlib

    mail = importlib.import_module("supportdesk.services.mail")
    calls: list[Path] = []

    class Summary:
        added, duplicates, failed = 1, 0, [("b.eml", "not mail")]

    def fake(store: Any, path: Path, progress: Any = None, cancel: Any = None) -> Summary:
        calls.append(path)
        return Summary()

    monkeypatch.setattr(mail, "import_mail_path", fake)
    eml = tmp_path / "a.eml"
    eml.write_bytes(EML)
    code, out, err = cli(capsys, str(eml), "--profile", str(profile), "--us", "X")
    assert code == 0 and calls == [eml]
    assert "Imported a.eml (email): 1 message(s) added, 0 already there." in out
    assert "b.eml: not mail" in out and "apply to chat exports only" in err


def test_real_mail_import_when_the_email_channel_has_it(
    tmp_path: Path, profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib

    mail = importlib.import_module("supportdesk.services.mail")
    if not hasattr(mail, "import_mail_path"):
        pytest.skip("supportdesk.services.mail has no import_mail_path yet")
    folder = tmp_path / "mails"
    folder.mkdir()
    (folder / "1.eml").write_bytes(EML)
    code, out, err = cli(capsys, str(folder), "--profile", str(profile), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["kind"] == "mail" and data["added"] == 1
    code, out, _ = cli(capsys, str(folder), "--profile", str(profile), "--json")
    assert json.loads(out)["added"] == 0
    junk = tmp_path / "junk.eml"
    junk.write_bytes(b"\x00\x01 not mail at all")
    code, out, err = cli(capsys, str(junk), "--profile", str(profile))
    assert code == 1 and "junk.eml" in err


def test_the_installed_command_runs(tmp_path: Path, profile: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-m", "supportdesk", "import", str(whatsapp_txt(tmp_path)),
         "--profile", str(profile), "--us", "Acme Support", "--json"],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["added"] == 6
    helptext = subprocess.run(
        [sys.executable, "-m", "supportdesk", "--help"],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    ).stdout  # fmt: skip
    assert "import" in helptext
