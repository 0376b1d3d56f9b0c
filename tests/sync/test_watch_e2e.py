"""The night watch end to end, with real parts: the team server under uvicorn, Dovecot,
aiosmtpd, a local ntfy stand-in and ``supportdesk watch`` processes; the clock is a file
the watcher reads (03:00 on a Tuesday), so nothing sleeps for the minutes that pass."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from supportdesk.models import Activity
from supportdesk.models.rules import Page, PageEvent, RuleFiring
from supportdesk.services.mail.mailboxes import MailboxInfo, save_mailbox
from supportdesk.services.paging.watcher import read_status
from supportdesk.store import Store
from supportdesk.sync.client import RequestsTransport, SyncClient
from tests.server.services import LiveServer, free_port, python_env
from tests.services.rules.mails import mail
from tests.services.rules.paging_helpers import PushServer
from tests.services.rules.test_paging import ANN, BOB, NIGHT, setup_team
from tests.sync.harness import PASSWORD

HERE = Path(__file__).parent


def wait_for(what: str, check: Callable[[], object], timeout: float = 60.0) -> object:
    """Wait until ``check()`` is truthy (polling a condition, not sleeping blind)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


class Rig:
    """A watcher profile set up with a mailbox, a rota, paging addresses and a sign-in."""

    def __init__(self, tmp: Path, live: LiveServer, dovecot, user, smtp, tls, push) -> None:  # type: ignore[no-untyped-def]
        self.tmp, self.live, self.dovecot, self.user = tmp, live, dovecot, user
        self.smtp, self.push = smtp, push
        self.profile = tmp / "watcher"
        self.creds = tmp / "watch-credentials.json"
        self.clock = tmp / "clock"
        self.set_clock(NIGHT)
        self.ack_port = free_port()
        store = Store.open(self.profile)
        try:
            setup_team(store, push.url)
            info = MailboxInfo(
                id="", name="Support", address="support@acme.test", display_name="Acme Support",
                username=user.name, imap_host="127.0.0.1", imap_port=dovecot.imaps_port,
                imap_security="tls", smtp_host="127.0.0.1", smtp_port=smtp.port,
                smtp_security="starttls", sent_folder=None, ca_file=str(tls.ca_cert),
                fetch_window_days=90,
            )  # fmt: skip
            store.write(lambda uow: save_mailbox(uow, info))
        finally:
            store.close()
        # Signed in and given the mailbox password as the README says, into the file.
        for extra, secret in ((["--login", live.url, "alice"], PASSWORD),
                              (["--mailbox-password", "support@acme.test"], user.password)):
            done = subprocess.run(
                [sys.executable, "-m", "supportdesk", "watch", "--profile", str(self.profile),
                 "--credentials", str(self.creds), *extra], input=secret + "\n",
                capture_output=True, text=True, env=python_env(), timeout=120, check=False)
            assert done.returncode == 0, done.stderr
        assert self.creds.stat().st_mode & 0o077 == 0

    def set_clock(self, when) -> None:  # type: ignore[no-untyped-def]
        self.clock.write_text(when.isoformat())

    def start(self, crash_at: str = "") -> subprocess.Popen[bytes]:
        env = python_env()
        env.update(SD_CRASH_AT=crash_at, SD_CRASH_MARK=str(self.tmp / f"crashed-{crash_at}"))
        cmd = [sys.executable, str(HERE / "watch_crash.py"), "watch", "--profile",
               str(self.profile), "--credentials", str(self.creds), "--clock-file",
               str(self.clock), "--tick", "0.3", "--ack-minutes", "10",
               "--ack-listen", f"127.0.0.1:{self.ack_port}",
               "--ack-url", f"http://127.0.0.1:{self.ack_port}"]
        with open(self.tmp / "watch.log", "ab") as log:  # the child keeps its own copy
            return subprocess.Popen(cmd, stdout=log, stderr=log, env=env,
                                    cwd=str(HERE.parents[1]))

    def status(self) -> dict[str, object]:
        return read_status(self.profile) or {}

    def status_command(self) -> tuple[int, dict[str, object]]:
        done = subprocess.run([sys.executable, "-m", "supportdesk", "watch", "--status",
                               "--json", "--profile", str(self.profile)],
                              capture_output=True, text=True, env=python_env(), timeout=60,
                              check=False)
        return done.returncode, dict(json.loads(done.stdout))

    def idle(self) -> bool:
        st = self.status()
        return bool(st.get("running")) and (st.get("mailboxes") or {}).get(  # type: ignore[union-attr]
            "support@acme.test") == "idle"

    def log(self) -> str:
        return (self.tmp / "watch.log").read_text(errors="replace")


@pytest.fixture
def rig(tmp_path: Path, live: LiveServer, dovecot, mail_user, make_smtp, tls_files  # type: ignore[no-untyped-def]
        ) -> Iterator[Rig]:
    push = PushServer().start()
    smtp = make_smtp("starttls", {mail_user.name: mail_user.password})
    try:
        yield Rig(tmp_path, live, dovecot, mail_user, smtp, tls_files, push)
    finally:
        push.stop()


@contextmanager
def running(proc: subprocess.Popen[bytes]) -> Iterator[subprocess.Popen[bytes]]:
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_urgent_mail_at_night_pages_escalates_and_is_acknowledged(rig: Rig,
                                                                  tmp_path: Path) -> None:
    with running(rig.start()) as proc:
        wait_for("the watcher to IDLE", rig.idle)
        landed = time.monotonic()
        rig.dovecot.append(rig.user, mail("URGENT: site down", msgid="<night@x>", date=NIGHT))
        wait_for("the first page", lambda: len(rig.smtp.messages) >= 1)
        latency = time.monotonic() - landed
        [first] = rig.smtp.messages
        assert first.rcpt_tos == ["ann@pager.test"], rig.log()
        text = message_from_bytes(first.content, policy=default).get_content()
        code = text.split("Acknowledge with code ")[1].split()[0]
        wait_for("the push", lambda: rig.push.pushes)
        assert rig.push.pushes[0].path == "/oncall-ann"
        # Nobody acknowledges within ten minutes: Bob is paged.
        rig.set_clock(NIGHT + timedelta(minutes=11))
        wait_for("the second page", lambda: len(rig.smtp.messages) >= 2)
        assert [m.rcpt_tos for m in rig.smtp.messages] == [["ann@pager.test"],
                                                           ["bob@pager.test"]]
        # Bob opens the link and acknowledges: nobody else is paged.
        link = f"http://127.0.0.1:{rig.ack_port}/ack/{code}"
        assert requests.get(link, timeout=10).status_code == 200
        assert requests.post(link, timeout=10).status_code == 200
        ticks = int(rig.status()["ticks"])  # type: ignore[call-overload]
        rig.set_clock(NIGHT + timedelta(hours=1))
        wait_for("three more rounds", lambda: int(rig.status()["ticks"]) > ticks + 3)  # type: ignore[call-overload]
        assert len(rig.smtp.messages) == 2
        wait_for("the ack to reach the server", lambda: '"sync.done"' in rig.log())
        assert proc.poll() is None
        code, st = rig.status_command()
        assert code == 0 and st["running"] and st["pages_sent"] == 2 and st["open_pages"] == 0
    code, st = rig.status_command()
    assert code == 1 and st["running"] is False
    assert "pw" not in rig.log() and rig.user.password not in rig.log()
    print(f"\nmail landing in Dovecot -> page at SMTP: {latency:.2f} s")

    # A laptop that signs in afterwards sees the page, the escalation and the acknowledgement.
    laptop = Store.open(tmp_path / "laptop")
    try:
        client = SyncClient(laptop, RequestsTransport())
        client.login(rig.live.url, "bob", PASSWORD)
        client.sync()
        with laptop.read() as s:
            page = s.scalars(select(Page)).one()
            assert (page.state, page.acked_by, page.agent_id) == ("acked",
                                                                  "acknowledgement link", BOB)
            assert [e.kind for e in s.scalars(select(PageEvent).order_by(PageEvent.at,
                                                                         PageEvent.level))] == [
                "sent", "escalated", "acked"]
            texts = [a.detail.get("text") for a in s.scalars(
                select(Activity).where(Activity.conversation_id == page.conversation_id)
                .order_by(Activity.created_at))]
            assert "Rule 'Urgent mail' set priority Urgent" in texts
            assert {"Paged Ann (on call)", "Nobody acknowledged; paged Bob",
                    "Page acknowledged by acknowledgement link"} <= set(texts)
            assert page.chain[:2] == [ANN, BOB]
    finally:
        laptop.close()


def test_kill_9_mid_ingest_and_mid_page_loses_nothing_and_pages_once(rig: Rig) -> None:
    crashed = rig.start("rules")
    wait_for("the watcher to IDLE", rig.idle)
    rig.dovecot.append(rig.user, mail("Срочно: сайт не работает", msgid="<kill@x>",
                                      date=NIGHT))
    assert crashed.wait(60) == -signal.SIGKILL
    assert rig.smtp.messages == []
    crashed = rig.start("page")  # fetches the mail again, rules fire, the page is claimed...
    assert crashed.wait(60) == -signal.SIGKILL
    assert rig.smtp.messages == []
    with running(rig.start()):
        wait_for("the page", lambda: len(rig.smtp.messages) >= 1)
        ticks = int(rig.status()["ticks"])  # type: ignore[call-overload]
        wait_for("three more rounds", lambda: int(rig.status()["ticks"]) > ticks + 3)  # type: ignore[call-overload]
    assert [m.rcpt_tos for m in rig.smtp.messages] == [["ann@pager.test"]]
    assert len(rig.push.pushes) == 1
    store = Store.open(rig.profile)
    try:
        with store.read() as s:
            assert s.scalar(select(func.count()).select_from(RuleFiring)) == 1
            assert [e.kind for e in s.scalars(select(PageEvent))] == ["sent"]
    finally:
        store.close()
    assert (rig.tmp / "crashed-rules").exists() and (rig.tmp / "crashed-page").exists()

