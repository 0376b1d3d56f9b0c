"""Run inside ``dbus-run-session`` with gnome-keyring unlocked (see test_keyring.py).

Signs a profile in with the real ``supportdesk login`` command, syncs with
``supportdesk sync --json`` in another process, then syncs against a dead
port; prints one JSON line of what happened.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import keyring

from supportdesk.sync.credentials import SERVICE, entry_name


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tests.server.sdcli", *args], input=stdin,
                          capture_output=True, text=True, timeout=120, check=False)


def main() -> None:
    profile, url, user, password, dead_url = sys.argv[1:6]
    out: dict[str, object] = {"backend": type(keyring.get_keyring()).__name__}
    login = run("login", "--profile", profile, "--server", url, "--user", user,
                stdin=password + "\n")
    out["login"] = [login.returncode, login.stdout, login.stderr]
    stored = keyring.get_password(SERVICE, entry_name(Path(profile), url))
    out["stored"] = stored is not None
    if stored:
        tokens = json.loads(stored)
        blob = b"".join(p.read_bytes() for p in Path(profile).rglob("*") if p.is_file())
        out["token_in_files"] = any(t.encode() in blob for t in tokens.values())
    sync = run("sync", "--profile", profile, "--json")
    out["sync"] = [sync.returncode, sync.stdout, sync.stderr]
    # The same profile pointed at a server that is gone.
    import sqlite3

    db = sqlite3.connect(Path(profile) / "supportdesk.sqlite3")
    db.execute("UPDATE sync_peer SET server_url = ?", (dead_url,))
    db.commit()
    db.close()
    keyring.set_password(SERVICE, entry_name(Path(profile), dead_url), stored or "")
    offline = run("sync", "--profile", profile, "--json")
    out["offline"] = [offline.returncode, offline.stdout, offline.stderr]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
