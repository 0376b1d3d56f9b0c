"""Flags and expunges made in another mail client, seen with QRESYNC (and without) on Dovecot."""

from __future__ import annotations

from supportdesk.channels.email.connection import MailboxConfig
from supportdesk.channels.email.imap import ImapSession, _apply_idle_response, _uid_set
from tests.servers.dovecot import DovecotServer, MailUser


def message(n: int) -> bytes:
    head = f"From: a@example.com\r\nSubject: m{n}\r\nMessage-ID: <m{n}@x>\r\n"
    return f"{head}\r\nbody {n}\r\n".encode()


def test_flag_and_expunge_elsewhere_are_seen(
    dovecot: DovecotServer, mail_user: MailUser, imap_cfg: MailboxConfig
) -> None:
    for n in (1, 2, 3):
        dovecot.append(mail_user, message(n))
    dovecot.create_folder(mail_user, "Archive")
    with ImapSession(imap_cfg, mail_user.password) as imap:
        assert imap.qresync  # Dovecot offers it
        run = imap.fetch_new("INBOX")
        uids = [m.uid for m in run]
        state = run.state
        assert state is not None and state.highestmodseq
        assert imap.changes_since("INBOX", state, uids).vanished == ()
        assert ("Archive", ()) in imap.folders()
    with dovecot.client(mail_user) as other:  # another client: flag one, delete one
        other.select_folder("INBOX")
        other.add_flags([uids[1]], [b"\\Flagged"])
        other.delete_messages([uids[2]])
        other.expunge()
    with ImapSession(imap_cfg, mail_user.password) as imap:
        changes = imap.changes_since("INBOX", state, uids)
        assert changes is not None and changes.method == "qresync"
        assert changes.vanished == (uids[2],)
        assert b"\\Flagged" in changes.flags[uids[1]] and uids[0] not in changes.flags
        assert changes.highestmodseq and changes.highestmodseq > state.highestmodseq
        imap.qresync = False  # the same answer by comparing, for servers without QRESYNC
        plain = imap.changes_since("INBOX", state, uids)
        assert plain is not None and plain.method == "search"
        assert plain.vanished == (uids[2],) and b"\\Flagged" in plain.flags[uids[1]]


def test_vanished_during_idle_keeps_the_count() -> None:
    assert _uid_set(b"(EARLIER) 1:3,7") == {1, 2, 3, 7}
    assert _apply_idle_response((b"VANISHED", b"4:5"), 10, "h") == (8, False)
    assert _apply_idle_response((9, b"EXISTS"), 8, "h") == (9, True)
