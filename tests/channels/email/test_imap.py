"""ImapSession against a real Dovecot: windowed and incremental fetch, IDLE, Sent copies."""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from supportdesk.channels.email import imap as imap_module
from supportdesk.channels.email.connection import MailboxConfig, MailError
from supportdesk.channels.email.imap import FetchedMail, FolderState, ImapSession
from tests.servers.dovecot import DovecotServer, MailUser

OLD = datetime(2020, 3, 1, 12, 0, tzinfo=UTC)
RECENT = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
WINDOW = date(2024, 1, 1)


def message(subject: str, body: str = "Hello") -> bytes:
    """A small RFC 5322 message with a unique Message-ID."""
    return (
        "From: Customer <customer@example.net>\r\n"
        "To: Support <support@example.com>\r\n"
        f"Subject: {subject}\r\n"
        f"Message-ID: <{secrets.token_hex(8)}@example.net>\r\n"
        "Date: Sat, 01 Jun 2024 12:00:00 +0000\r\n"
        "\r\n"
        f"{body}\r\n"
    ).encode()


def subjects(mails: list[FetchedMail]) -> list[str]:
    """The Subject header of each fetched mail."""
    out = []
    for mail in mails:
        for line in mail.raw.split(b"\r\n"):
            if line.startswith(b"Subject: "):
                out.append(line[len(b"Subject: ") :].decode())
    return out


def sent_commands(caplog: pytest.LogCaptureFixture) -> list[str]:
    """IMAP command lines the client sent, as IMAPClient logs them."""
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == "imapclient.imaplib" and record.getMessage().startswith(">")
    ]


def test_first_run_fetches_the_date_window(
    dovecot: DovecotServer, mail_user: MailUser, imap_cfg: MailboxConfig
) -> None:
    dovecot.append(mail_user, message("old one"), when=OLD)
    dovecot.append(mail_user, message("old two"), when=OLD)
    dovecot.append(mail_user, message("new one"), when=RECENT)
    dovecot.append(mail_user, message("new two"), when=RECENT)
    progress: list[tuple[int, int]] = []

    with ImapSession(imap_cfg, mail_user.password) as imap:
        run = imap.fetch_new(
            "INBOX", None, since=WINDOW, progress=lambda d, t: progress.append((d, t))
        )
        mails = list(run)

    assert subjects(mails) == ["new one", "new two"]
    assert [m.uid for m in mails] == [3, 4]
    assert mails[0].internaldate == RECENT
    assert progress[0] == (0, 2) and progress[-1] == (2, 2)
    assert run.state is not None and run.state.last_uid == 4
    assert run.state.highestmodseq is not None  # CONDSTORE was used
    assert not run.uidvalidity_changed
    # Fetching did not mark anything as read (BODY.PEEK).
    assert all(b"\\Seen" not in flags for _, flags in dovecot.messages(mail_user))


def test_incremental_run_fetches_only_new_mail(
    dovecot: DovecotServer, mail_user: MailUser, imap_cfg: MailboxConfig
) -> None:
    dovecot.append(mail_user, message("first"), when=RECENT)
    with ImapSession(imap_cfg, mail_user.password) as imap:
        first = imap.fetch_new(since=WINDOW)
        assert subjects(list(first)) == ["first"]
        dovecot.append(mail_user, message("second"), when=OLD)  # old date, still new mail
        dovecot.append(mail_user, message("third"))
        second = imap.fetch_new(state=first.state, since=WINDOW)
        assert subjects(list(second)) == ["second", "third"]
        third = imap.fetch_new(state=second.state, since=WINDOW)
        assert list(third) == []
    assert second.state is not None and second.state.last_uid == 3
    assert third.state == second.state


def test_no_change_check_sends_no_search_or_fetch(
    dovecot: DovecotServer,
    mail_user: MailUser,
    imap_cfg: MailboxConfig,
    caplog: pytest.LogCaptureFixture,
) -> None:
    dovecot.append(mail_user, message("only"), when=RECENT)
    with ImapSession(imap_cfg, mail_user.password) as imap:
        first = imap.fetch_new(since=WINDOW)
        list(first)
        with caplog.at_level(logging.DEBUG, logger="imapclient.imaplib"):
            caplog.clear()
            again = imap.fetch_new(state=first.state, since=WINDOW)
            assert list(again) == []
    commands = sent_commands(caplog)
    assert any("EXAMINE" in line for line in commands), commands
    assert not any("FETCH" in line or "SEARCH" in line for line in commands), commands
    assert again.skipped_fetch
    assert again.state == first.state


def test_flag_change_alone_fetches_no_message(
    dovecot: DovecotServer,
    mail_user: MailUser,
    imap_cfg: MailboxConfig,
    caplog: pytest.LogCaptureFixture,
) -> None:
    dovecot.append(mail_user, message("flagged later"), when=RECENT)
    with ImapSession(imap_cfg, mail_user.password) as imap:
        first = imap.fetch_new(since=WINDOW)
        list(first)
        with dovecot.client(mail_user) as other:
            other.select_folder("INBOX")
            other.add_flags([1], [b"\\Flagged"])
        with caplog.at_level(logging.DEBUG, logger="imapclient.imaplib"):
            caplog.clear()
            again = imap.fetch_new(state=first.state)
            assert list(again) == []
    commands = sent_commands(caplog)
    assert not any("FETCH" in line for line in commands), commands
    assert first.state is not None and again.state is not None
    assert again.state.highestmodseq != first.state.highestmodseq
    assert again.state.last_uid == first.state.last_uid


def test_uidvalidity_change_resets_state_and_refetches_window(
    dovecot: DovecotServer, mail_user: MailUser, imap_cfg: MailboxConfig
) -> None:
    dovecot.append(mail_user, message("before"), when=RECENT)
    dovecot.append(mail_user, message("outside window"), when=OLD)
    with ImapSession(imap_cfg, mail_user.password) as imap:
        first = imap.fetch_new(since=WINDOW)
        assert subjects(list(first)) == ["before"]
        new_validity = dovecot.bump_uidvalidity(mail_user)
        again = imap.fetch_new(state=first.state, since=WINDOW)
        assert subjects(list(again)) == ["before"]
    assert again.uidvalidity_changed
    assert again.state is not None and again.state.uidvalidity == new_validity


def test_cancel_stops_between_batches_and_resumes_without_loss(
    dovecot: DovecotServer, mail_user: MailUser, imap_cfg: MailboxConfig
) -> None:
    for n in range(5):
        dovecot.append(mail_user, message(f"m{n}"), when=RECENT)
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done >= 2:
            cancel.set()

    with ImapSession(imap_cfg, mail_user.password) as imap:
        run = imap.fetch_new(since=WINDOW, batch=2, cancel=cancel, progress=progress)
        got = list(run)
        assert run.cancelled and run.total == 5
        assert subjects(got) == ["m0", "m1"]
        assert run.state is not None and run.state.last_uid == 2
        rest = imap.fetch_new(state=run.state, since=WINDOW)
        assert subjects(list(rest)) == ["m2", "m3", "m4"]


def test_state_only_covers_mail_the_caller_finished(
    dovecot: DovecotServer, mail_user: MailUser, imap_cfg: MailboxConfig
) -> None:
    for n in range(3):
        dovecot.append(mail_user, message(f"m{n}"), when=RECENT)
    with ImapSession(imap_cfg, mail_user.password) as imap:
        run = imap.fetch_new(since=WINDOW)
        next(run)
        next(run)  # asking for the second mail means the first is done
        assert run.state is not None and run.state.last_uid == 1


def test_big_mails_are_fetched_in_smaller_groups(
    dovecot: DovecotServer,
    mail_user: MailUser,
    imap_cfg: MailboxConfig,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for n in range(3):
        dovecot.append(mail_user, message(f"big{n}", body="x" * 5000))
    monkeypatch.setattr(imap_module, "MAX_BATCH_BYTES", 6000)
    with (
        ImapSession(imap_cfg, mail_user.password) as imap,
        caplog.at_level(logging.DEBUG, logger="imapclient.imaplib"),
    ):
        mails = list(imap.fetch_new(batch=200))
    assert subjects(mails) == ["big0", "big1", "big2"]
    body_fetches = [line for line in sent_commands(caplog) if "BODY.PEEK[]" in line]
    assert len(body_fetches) == 3, body_fetches


def test_idle_wait_returns_true_when_mail_arrives(
    dovecot: DovecotServer, mail_user: MailUser, imap_cfg: MailboxConfig
) -> None:
    deliver = threading.Timer(0.5, dovecot.append, args=(mail_user, message("pushed")))
    with ImapSession(imap_cfg, mail_user.password) as imap:
        start = time.monotonic()
        deliver.start()
        try:
            arrived = imap.idle_wait("INBOX", timeout_s=10)
        finally:
            deliver.join()
        elapsed = time.monotonic() - start
        assert arrived
        assert elapsed < 5
        assert subjects(list(imap.fetch_new(since=WINDOW))) == ["pushed"]


def test_idle_wait_times_out_and_can_be_cancelled(
    mail_user: MailUser, imap_cfg: MailboxConfig
) -> None:
    cancel = threading.Event()
    with ImapSession(imap_cfg, mail_user.password) as imap:
        assert imap.idle_wait("INBOX", timeout_s=0.5) is False
        threading.Timer(0.3, cancel.set).start()
        start = time.monotonic()
        assert imap.idle_wait("INBOX", timeout_s=30, cancel=cancel) is False
        assert time.monotonic() - start < 5
        # The session is still usable after IDLE.
        assert list(imap.fetch_new()) == []


def test_idle_wait_returns_at_once_when_state_is_behind(
    dovecot: DovecotServer, mail_user: MailUser, imap_cfg: MailboxConfig
) -> None:
    with ImapSession(imap_cfg, mail_user.password) as imap:
        run = imap.fetch_new()
        list(run)
        assert run.state is not None
        dovecot.append(mail_user, message("arrived before idling"))
        start = time.monotonic()
        assert imap.idle_wait("INBOX", timeout_s=10, state=run.state)
        assert time.monotonic() - start < 2


def test_sent_copy_goes_to_the_special_use_sent_folder(
    dovecot: DovecotServer, mail_user: MailUser, imap_cfg: MailboxConfig
) -> None:
    dovecot.create_folder(mail_user, "Sent Messages")  # marked \Sent by the server
    raw = message("our reply")
    with ImapSession(imap_cfg, mail_user.password) as imap:
        assert imap.sent_folder() == "Sent Messages"
        uid = imap.append(None, raw)
    assert uid == 1
    [(stored, flags)] = dovecot.messages(mail_user, "Sent Messages")
    assert stored == raw
    assert b"\\Seen" in flags


def test_sent_folder_is_created_when_missing(
    dovecot: DovecotServer, mail_user: MailUser, imap_cfg: MailboxConfig
) -> None:
    with ImapSession(imap_cfg, mail_user.password) as imap:
        imap.append(None, message("first reply"))
    assert "Sent" in dovecot.folders(mail_user)
    assert len(dovecot.messages(mail_user, "Sent")) == 1


def test_configured_sent_folder_wins(
    dovecot: DovecotServer, mail_user: MailUser, make_cfg: Callable[..., MailboxConfig]
) -> None:
    dovecot.create_folder(mail_user, "Sent Messages")
    dovecot.create_folder(mail_user, "Outbox Copies")
    cfg = make_cfg(mail_user, imap_port=dovecot.imaps_port, sent_folder="Outbox Copies")
    with ImapSession(cfg, mail_user.password) as imap:
        imap.append(None, message("reply"))
    assert len(dovecot.messages(mail_user, "Outbox Copies")) == 1
    assert dovecot.messages(mail_user, "Sent Messages") == []


def test_crlf_in_folder_names_is_stripped(
    dovecot: DovecotServer, mail_user: MailUser, imap_cfg: MailboxConfig
) -> None:
    dovecot.create_folder(mail_user, "Archive")
    dovecot.create_folder(mail_user, "Victim")
    with ImapSession(imap_cfg, mail_user.password) as imap:
        imap.append("Arc\r\nhive", message("filed"))
        assert subjects(list(imap.fetch_new("IN\r\nBOX"))) == []
        with pytest.raises(MailError) as caught:
            imap.append('Archive"\r\nA1 DELETE "Victim', message("injected"))
        assert caught.value.stage == "command"
    assert len(dovecot.messages(mail_user, "Archive")) == 1
    assert "Victim" in dovecot.folders(mail_user)


def test_starttls_port_works(
    dovecot: DovecotServer, mail_user: MailUser, make_cfg: Callable[..., MailboxConfig]
) -> None:
    cfg = make_cfg(mail_user, imap_port=dovecot.imap_port, imap_security="starttls")
    dovecot.append(mail_user, message("over starttls"))
    with ImapSession(cfg, mail_user.password) as imap:
        run = imap.fetch_new()
        assert subjects(list(run)) == ["over starttls"]
        assert run.state is not None
        assert run.state == FolderState(run.state.uidvalidity, 1, run.state.highestmodseq)
