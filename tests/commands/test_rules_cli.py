"""``supportdesk rules test FILE.eml --json``: the outcome, headless, nothing written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from supportdesk.models import Message
from supportdesk.store import Store
from tests.services.rules.mails import mail


def sd(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "supportdesk", *args], capture_output=True,
                          text=True, timeout=120, check=False)


def test_rules_test_prints_the_outcome_and_writes_nothing(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    Store.open(profile).close()
    eml = tmp_path / "urgent.eml"
    eml.write_bytes(mail("Срочно: сайт не работает", msgid="<cli@x>",
                         headers={"X-Priority": "1"}))
    done = sd("rules", "test", "--profile", str(profile), str(eml), "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert {"priority", "tags", "assignee", "status", "page", "rules"} <= set(out)
    assert out["priority"] == "urgent" and out["status"] == "open" and out["page"] is False
    assert out["assignee"] is None and out["tags"] == []
    assert [r["name"] for r in out["rules"]] == ["Urgent mail"]
    assert out["rules"][0]["effects"][0]["text"] == "set priority Urgent"
    store = Store.open(profile)
    try:
        with store.read() as s:
            assert s.query(Message).count() == 0
    finally:
        store.close()
    listed = sd("rules", "list", "--profile", str(profile), "--json")
    assert [r["name"] for r in json.loads(listed.stdout)] == [
        "Mailing lists and auto-replies", "Urgent mail"]


def test_rules_test_on_a_list_mail_and_bad_input(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    Store.open(profile).close()
    eml = tmp_path / "list.eml"
    eml.write_bytes(mail("URGENT digest", headers={"List-Id": "<a.b>"}))
    out = json.loads(sd("rules", "test", "--profile", str(profile), str(eml), "--json").stdout)
    assert out["priority"] == "normal" and out["tags"] == ["no-ack", "no-sla"]
    missing = sd("rules", "test", "--profile", str(profile), str(tmp_path / "nope.eml"))
    assert missing.returncode != 0 and "cannot read" in missing.stderr
