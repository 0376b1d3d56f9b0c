"""Fetch new mail over IMAP with verified TLS, wait for it with IDLE, file Sent copies.

Blocking (IMAPClient); the app runs one `ImapSession` per worker thread in an
executor. A session is not thread-safe. Usage::

    with ImapSession(cfg, password) as imap:
        run = imap.fetch_new("INBOX", state, since=date(2024, 1, 1))
        for mail in run:
            ingest(mail)
        save(run.state)
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from types import TracebackType
from typing import Any, Self

from imapclient import IMAPClient, SocketTimeout
from imapclient.exceptions import LoginError

from supportdesk.channels.email.connection import (
    MailboxConfig,
    MailError,
    mail_errors,
    make_ssl_context,
    no_crlf,
    server_text,
)

Progress = Callable[[int, int], None]

# Cap on the bytes fetched in one command, so a batch of big mails stays small.
SENT_FLAG = b"\\Sent"  # RFC 6154 SPECIAL-USE
SPECIAL_USE = frozenset(
    b"\\" + n for n in (b"All", b"Archive", b"Drafts", b"Flagged", b"Junk", b"Sent", b"Trash")
)
MAX_BATCH_BYTES = 16 * 1024 * 1024
_APPENDUID = re.compile(rb"\[APPENDUID \d+ (\d+)\]")
_FLAG = re.compile(rb"\\?[A-Za-z0-9$_.-]+")


@dataclass(frozen=True)
class FolderState:
    """What the last fetch saw in a folder; store it and pass it back next time."""

    uidvalidity: int
    last_uid: int
    highestmodseq: int | None = None


@dataclass(frozen=True)
class FolderChanges:
    """What changed in a folder's known messages (see `ImapSession.changes_since`)."""

    vanished: tuple[int, ...]
    flags: dict[int, tuple[bytes, ...]]
    highestmodseq: int | None
    #: 'qresync' (asked the server for changes only), 'search' (compared), 'none'
    method: str


@dataclass(frozen=True)
class FetchedMail:
    """One message as the server holds it."""

    uid: int
    raw: bytes
    flags: tuple[bytes, ...]
    internaldate: datetime | None


class FetchRun(Iterator[FetchedMail]):
    """The mails of one `ImapSession.fetch_new` call, fetched lazily in batches.

    Iterate it; afterwards (or after stopping early) read:

    Attributes:
        state: pass this to the next `fetch_new`. It only covers mails the
            caller has finished with (the next mail was asked for, or the run
            ended), so stopping early, cancelling or a `MailError` midway
            never loses mail: save it in every case. None means "start over
            with the date window".
        uidvalidity_changed: the server renumbered the folder; the stored
            state was dropped and the date window fetched again.
        cancelled: `cancel` was set and the run stopped between batches.
        total: how many mails the run meant to fetch.
        skipped_fetch: nothing had changed, so no message was fetched.
    """

    def __init__(
        self,
        session: ImapSession,
        folder: str,
        state: FolderState | None,
        since: date | None,
        batch: int,
        cancel: threading.Event | None,
        progress: Progress | None,
    ) -> None:
        self.state = state
        self.uidvalidity_changed = False
        self.cancelled = False
        self.total = 0
        self.skipped_fetch = False
        self._session = session
        self._folder = folder
        self._since = since
        self._batch = max(1, batch)
        self._cancel = cancel
        self._progress = progress
        self._items = self._run()

    def __next__(self) -> FetchedMail:
        return next(self._items)

    def _report(self, done: int) -> None:
        if self._progress is not None:
            self._progress(done, self.total)

    def _cancelled(self) -> bool:
        if self._cancel is not None and self._cancel.is_set():
            self.cancelled = True
        return self.cancelled

    def _run(self) -> Iterator[FetchedMail]:
        session, old = self._session, self.state
        client = session.client
        host, port = session.cfg.imap_host, session.cfg.imap_port
        with mail_errors(host, port):
            info = client.select_folder(self._folder, readonly=True)
            uidvalidity = int(info[b"UIDVALIDITY"])
            uidnext: int | None = info.get(b"UIDNEXT")
            modseq: int | None = info.get(b"HIGHESTMODSEQ")
            if old is not None and old.uidvalidity != uidvalidity:
                self.uidvalidity_changed, old, self.state = True, None, None
            if old is not None:
                if _unchanged(old, uidnext, modseq):
                    self.skipped_fetch = True
                    self.state = replace(old, highestmodseq=modseq)
                    self._report(0)
                    return
                found = client.search(["UID", f"{old.last_uid + 1}:*"])
                uids = sorted(uid for uid in found if uid > old.last_uid)
            else:
                criteria: list[Any] = ["SINCE", self._since] if self._since else ["ALL"]
                uids = sorted(client.search(criteria))
        self.total = len(uids)
        self._report(0)
        done = 0
        for start in range(0, len(uids), self._batch):
            if self._cancelled():
                return
            with mail_errors(host, port):
                groups = _groups_by_size(client, uids[start : start + self._batch])
            for group in groups:
                if self._cancelled():
                    return
                with mail_errors(host, port):
                    data = client.fetch(group, ["BODY.PEEK[]", "FLAGS", "INTERNALDATE"])
                for uid in group:
                    item = data.get(uid)
                    if item is None or b"BODY[]" not in item:
                        continue  # expunged since the SEARCH
                    yield FetchedMail(
                        uid=uid,
                        raw=bytes(item[b"BODY[]"]),
                        flags=tuple(item.get(b"FLAGS", ())),
                        internaldate=item.get(b"INTERNALDATE"),
                    )
                    self.state = FolderState(uidvalidity, uid, old.highestmodseq if old else None)
                done += len(group)
                self._report(done)
        # Done: every UID below UIDNEXT (as of the SELECT) has been considered.
        floor = max(uidnext - 1 if uidnext else 0, uids[-1] if uids else 0)
        if old is not None:
            floor = max(floor, old.last_uid)
        self.state = FolderState(uidvalidity, floor, modseq)


def _unchanged(old: FolderState, uidnext: int | None, modseq: int | None) -> bool:
    """True when the SELECT answer alone proves no mail arrived since `old`."""
    if modseq is not None and old.highestmodseq == modseq:
        return True
    return uidnext is not None and uidnext <= old.last_uid + 1


def _groups_by_size(client: Any, uids: list[int]) -> list[list[int]]:
    """Split `uids` so each group's messages add up to at most MAX_BATCH_BYTES."""
    if not uids:
        return []
    sizes = client.fetch(uids, ["RFC822.SIZE"])
    groups: list[list[int]] = [[]]
    total = 0
    for uid in uids:
        size = int(sizes.get(uid, {}).get(b"RFC822.SIZE", 0))
        if groups[-1] and total + size > MAX_BATCH_BYTES:
            groups.append([])
            total = 0
        groups[-1].append(uid)
        total += size
    return groups


def _check_flags(flags: Sequence[bytes]) -> tuple[bytes, ...]:
    """Return `flags` if each is a plain IMAP flag atom, else raise ValueError."""
    for flag in flags:
        if not _FLAG.fullmatch(flag):
            raise ValueError(f"not an IMAP flag: {flag!r}")
    return tuple(flags)


class ImapSession:
    """One signed-in IMAP connection (implicit TLS or mandatory STARTTLS).

    Args:
        cfg: the mailbox settings.
        password: the IMAP password (never logged).
        timeout: seconds to wait for the server on connect and on each read.
    """

    def __init__(self, cfg: MailboxConfig, password: str, timeout: float = 30.0) -> None:
        self.cfg = cfg
        self._password = password
        self._timeout = timeout
        self._client: Any = None
        self._sent_folder: str | None = None
        #: the SASL mechanism (or LOGIN) the session signed in with
        self.mechanism = ""
        #: QRESYNC is enabled: flag changes and expunges come with CHANGEDSINCE / VANISHED
        self.qresync = False

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def client(self) -> Any:
        """The underlying IMAPClient (signed in)."""
        if self._client is None:
            raise RuntimeError("ImapSession is not open")
        return self._client

    def open(self) -> None:
        """Connect, encrypt, verify the certificate and sign in.

        Raises:
            MailError: saying which step failed; the password is only sent
                over a verified encrypted connection.
        """
        cfg = self.cfg
        host, port = cfg.imap_host, cfg.imap_port
        context = make_ssl_context(cfg.cafile)
        timeout = SocketTimeout(connect=self._timeout, read=self._timeout)
        with mail_errors(host, port):
            if cfg.imap_security == "tls":
                client = IMAPClient(host, port, ssl=True, ssl_context=context, timeout=timeout)
            else:
                client = IMAPClient(host, port, ssl=False, timeout=timeout)
        try:
            with mail_errors(host, port):
                if cfg.imap_security == "starttls":
                    if not client.has_capability("STARTTLS"):
                        raise MailError(
                            "starttls",
                            f"The server {host} does not offer STARTTLS on port {port}, so "
                            "the connection cannot be encrypted. SupportDesk does not send "
                            "passwords unencrypted. Check the port, or choose SSL/TLS.",
                            host=host,
                            port=port,
                        )
                    client.starttls(context)
                self._login(client)
                client.normalise_times = False
                if client.has_capability("ENABLE"):
                    # QRESYNC (RFC 7162) includes CONDSTORE; it reports expunges as VANISHED.
                    if client.has_capability("QRESYNC"):
                        self.qresync = bool(client.enable("QRESYNC"))
                    if not self.qresync and client.has_capability("CONDSTORE"):
                        client.enable("CONDSTORE")
        except BaseException:
            _shutdown(client)
            raise
        self._client = client

    def _login(self, client: Any) -> None:
        host, port = self.cfg.imap_host, self.cfg.imap_port
        try:
            if self.cfg.auth == "oauth2":
                self.mechanism = _oauth_login(client, self.cfg, self._password)
            else:
                client.login(no_crlf(self.cfg.username), self._password)
                self.mechanism = "LOGIN"
        except LoginError as exc:
            if self.cfg.auth == "oauth2":
                raise MailError(
                    "login",
                    f"The server {host} did not accept the sign-in token for "
                    f"{server_text(self.cfg.username)} ({server_text(exc)}). The token is "
                    "renewed and tried again; if that fails, sign in again.",
                    retryable=False,
                    detail=f"LoginError: {server_text(exc)}",
                    host=host,
                    port=port,
                ) from exc
            text = server_text(exc)
            temporary = "UNAVAILABLE" in text
            raise MailError(
                "login",
                f"The server {host} did not accept the user name or password for "
                f"{server_text(self.cfg.username)} ({text})."
                if not temporary
                else f"The server {host} cannot sign you in right now ({text}).",
                retryable=temporary,
                detail=f"LoginError: {text}",
                host=host,
                port=port,
            ) from exc

    def close(self) -> None:
        """Sign out and close the connection; never raises."""
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:  # the connection may already be gone
            _shutdown(client)

    def has_capability(self, name: str) -> bool:
        """True when the server offers the IMAP capability `name`."""
        with mail_errors(self.cfg.imap_host, self.cfg.imap_port):
            return bool(self.client.has_capability(name))

    def fetch_new(
        self,
        folder: str = "INBOX",
        state: FolderState | None = None,
        since: date | None = None,
        batch: int = 200,
        cancel: threading.Event | None = None,
        progress: Progress | None = None,
    ) -> FetchRun:
        """Return the mails that are new since `state`, as a lazy `FetchRun`.

        Without a state (first run, or the server changed UIDVALIDITY) the
        folder is searched for mail since `since` (all mail when None);
        otherwise only UIDs above `state.last_uid` are fetched. When the
        server's HIGHESTMODSEQ (CONDSTORE) or UIDNEXT shows nothing changed,
        no SEARCH or FETCH is sent at all. Mails are not marked as read.

        Args:
            folder: the folder to read.
            state: the `FetchRun.state` of the previous run, or None.
            since: the date window for a first run.
            batch: mails per FETCH command (also capped at 16 MiB).
            cancel: set it to stop between batches.
            progress: called with (done, total) after each batch, in the
                calling (worker) thread.
        """
        return FetchRun(self, no_crlf(folder), state, since, batch, cancel, progress)

    def idle_wait(
        self,
        folder: str = "INBOX",
        timeout_s: float = 25 * 60.0,
        *,
        cancel: threading.Event | None = None,
        state: FolderState | None = None,
    ) -> bool:
        """Wait until the server announces new mail in `folder`.

        Returns True when new mail arrived (or `state` is already behind),
        False on timeout, on `cancel`, or at once when the server does not
        offer IDLE (the caller then polls). Keep `timeout_s` under 29 minutes.
        """
        client = self.client
        host, port = self.cfg.imap_host, self.cfg.imap_port
        with mail_errors(host, port):
            if not client.has_capability("IDLE"):
                return False
            info = client.select_folder(no_crlf(folder), readonly=True)
            if state is not None and (
                info.get(b"UIDVALIDITY") != state.uidvalidity
                or info.get(b"UIDNEXT", 0) > state.last_uid + 1
            ):
                return True
            count = int(info.get(b"EXISTS", 0))
            deadline = time.monotonic() + timeout_s
            client.idle()
            try:
                while True:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0 or (cancel is not None and cancel.is_set()):
                        return False
                    for response in client.idle_check(timeout=min(remaining, 1.0)):
                        count, arrived = _apply_idle_response(response, count, host)
                        if arrived:
                            return True
            finally:
                client.idle_done()

    def folders(self) -> list[tuple[str, tuple[str, ...]]]:
        """Every folder with its SPECIAL-USE names (RFC 6154: Sent, Archive, Junk, ...)."""
        with mail_errors(self.cfg.imap_host, self.cfg.imap_port):
            listed = self.client.list_folders()
        out = []
        for flags, _sep, name in listed:
            if b"\\Noselect" in flags or b"\\NonExistent" in flags:
                continue
            uses = tuple(f.decode().lstrip("\\") for f in flags if f in SPECIAL_USE)
            out.append((str(name), uses))
        return out

    def changes_since(
        self, folder: str, state: FolderState, known: Sequence[int]
    ) -> FolderChanges | None:
        """Flags changed and messages expunged in `folder` since `state`.

        With QRESYNC only what changed is asked for (CHANGEDSINCE, VANISHED);
        without it the flags of `known` UIDs are read and missing ones count
        as expunged. None when the folder was renumbered (UIDVALIDITY).
        """
        client = self.client
        with mail_errors(self.cfg.imap_host, self.cfg.imap_port):
            info = client.select_folder(no_crlf(folder), readonly=True)
            if int(info[b"UIDVALIDITY"]) != state.uidvalidity:
                return None
            modseq: int | None = info.get(b"HIGHESTMODSEQ")
            top = max([state.last_uid, *known]) if known or state.last_uid else 0
            if top == 0 or not known:
                return FolderChanges((), {}, modseq, "none")
            if self.qresync and state.highestmodseq and modseq is not None:
                if modseq == state.highestmodseq:
                    return FolderChanges((), {}, modseq, "qresync")
                flags: dict[int, tuple[bytes, ...]] = {}
                gone: set[int] = set()
                for start in range(0, len(known), 1000):  # the UIDs SupportDesk has
                    chunk = sorted(known)[start : start + 1000]
                    client._imap.untagged_responses.pop("VANISHED", None)
                    data = client.fetch(chunk, ["FLAGS"], modifiers=[
                        f"CHANGEDSINCE {state.highestmodseq}", "VANISHED"])  # fmt: skip
                    raw = client._imap.untagged_responses.pop("VANISHED", [])
                    gone |= {u for item in raw for u in _uid_set(item)}
                    flags |= {uid: tuple(d.get(b"FLAGS", ())) for uid, d in data.items()}
                vanished = sorted(gone & set(known))
                return FolderChanges(tuple(vanished), flags, modseq, "qresync")
            present = set(client.search(["UID", f"1:{top}"]))
            vanished = sorted(set(known) - present)
            still = sorted(set(known) & present)
            data = client.fetch(still, ["FLAGS"]) if still else {}
            flags = {uid: tuple(d.get(b"FLAGS", ())) for uid, d in data.items()}
            return FolderChanges(tuple(vanished), flags, modseq, "search")

    def sent_folder(self) -> str:
        """Return the Sent folder: the configured one, else the one marked \\Sent.

        Falls back to the usual names ('Sent', 'Sent Items', ...), and creates
        'Sent' when there is none.
        """
        if self.cfg.sent_folder:
            return no_crlf(self.cfg.sent_folder)
        if self._sent_folder is None:
            client = self.client
            with mail_errors(self.cfg.imap_host, self.cfg.imap_port):
                found = client.find_special_folder(SENT_FLAG)
                if found is None:
                    found = "Sent"
                    client.create_folder(found)
                    client.subscribe_folder(found)
            self._sent_folder = str(found)
        return self._sent_folder

    def append(
        self,
        folder: str | None,
        raw: bytes,
        flags: Sequence[bytes] = (b"\\Seen",),
        when: datetime | None = None,
    ) -> int | None:
        """Store `raw` in `folder` (None: the Sent folder).

        Returns:
            The new message's UID when the server says it (UIDPLUS), else None.
        """
        target = self.sent_folder() if folder is None else no_crlf(folder)
        with mail_errors(self.cfg.imap_host, self.cfg.imap_port):
            answer = self.client.append(target, raw, flags=_check_flags(flags), msg_time=when)
        match = _APPENDUID.search(answer if isinstance(answer, bytes) else b"")
        return int(match.group(1)) if match else None


def _uid_set(item: Any) -> set[int]:
    """The UIDs of a VANISHED response ("(EARLIER) 1:3,7" or "5")."""
    text = item.decode() if isinstance(item, bytes) else str(item)
    text = text.replace("(EARLIER)", "").strip()
    out: set[int] = set()
    for part in text.split(","):
        low, _, high = part.strip().partition(":")
        if low.isdigit() and (not high or high.isdigit()):
            first, last = int(low), int(high or low)
            out.update(range(min(first, last), max(first, last) + 1))
    return out


def _apply_idle_response(response: tuple[Any, ...], count: int, host: str) -> tuple[int, bool]:
    """Track the message count through one IDLE response; True when mail arrived."""
    if response and response[0] == b"VANISHED":  # QRESYNC's EXPUNGE
        gone = sum(len(_uid_set(part)) for part in response[1:])
        return count - gone, False
    if len(response) >= 2 and isinstance(response[0], int):
        if response[1] == b"EXPUNGE":
            return count - 1, False
        if response[1] == b"EXISTS":
            return response[0], response[0] > count
    if response and response[0] == b"BYE":
        raise MailError(
            "connect",
            f"The server {host} closed the connection. It will be tried again.",
            retryable=True,
            detail=repr(response),
            host=host,
        )
    return count, False


def _oauth_login(client: Any, cfg: MailboxConfig, token: str) -> str:
    """Sign in with OAUTHBEARER (RFC 7628) or XOAUTH2, whichever the server offers."""
    user = no_crlf(cfg.username)
    if client.has_capability("AUTH=OAUTHBEARER"):
        client.oauthbearer_login(user, no_crlf(token))
        return "OAUTHBEARER"
    if client.has_capability("AUTH=XOAUTH2"):
        client.oauth2_login(user, no_crlf(token))
        return "XOAUTH2"
    raise MailError(
        "login",
        f"The server {cfg.imap_host} does not offer OAuth2 sign-in (SASL OAUTHBEARER or "
        "XOAUTH2). Use a password for this mailbox, or check the server name.",
        host=cfg.imap_host,
        port=cfg.imap_port,
    )


def _shutdown(client: Any) -> None:
    """Close the socket without talking to the server; never raises."""
    with contextlib.suppress(Exception):  # already closed is fine
        client.shutdown()
