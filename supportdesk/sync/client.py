"""The sync client: push the outbox, then pull the team's changes.

One full sync: push unpushed outbox entries in order and in batches (marking
them pushed in the same local transaction that records the server's answer),
upload the files the acknowledged rows name, take a snapshot when this device
has none, then pull pages from the stored cursor, applying each page and its
cursor in one local transaction, and fetch the files the pulled rows name. A
kill at any point loses nothing: unacknowledged entries are pushed again (the
server skips what it already applied) and an unapplied page is pulled again.

A schema or epoch change pushes first, then resets: when the server's database
was replaced (another epoch), or when this app's data schema differs from the
one this profile's rows were pulled under (``sync_peer.schema_digest``: the app
was upgraded and old rows lack its new fields), the outbox is pushed and the
profile takes a snapshot again, merged over what is here.
"""

from __future__ import annotations

import logging
import platform
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import Any
from urllib.parse import quote

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from supportdesk.models import (
    Mailbox,
    Message,
    Meta,
    OutboxEntry,
    SyncConflict,
    SyncPeer,
    SyncState,
    utcnow,
)
from supportdesk.store import Store, UnitOfWork
from supportdesk.store.hlc import ClockDriftError
from supportdesk.sync import apply, blobs, credentials, restamp, snapshot
from supportdesk.sync.credentials import Tokens
from supportdesk.sync.merge import Mutation, mutation_values, state_mutations, unpack_clocks
from supportdesk.sync.pieces import PIECES_PER_STEP, loads_in_pieces
from supportdesk.sync.protocol import (
    ProtocolError,
    change_from_wire,
    dumps,
    loads,
    mutation_to_wire,
    row_to_state,
)
from supportdesk.sync.schema import Kind, registry, schema_version
from supportdesk.sync.transport import (
    HttpResponse,
    RequestsTransport,
    ServerUnreachableError,
    SyncError,
    Transport,
    check_server_url,
    check_status,
    error_detail,
)

# What callers import from here (the transport and the piecewise parser live apart).
__all__ = [
    "HttpResponse", "RequestsTransport", "ServerUnreachableError", "SyncClient", "SyncError",
    "SyncProgress", "SyncResult", "Transport", "check_server_url", "is_demo", "loads_in_pieces",
]  # fmt: skip

log = logging.getLogger(__name__)

#: Meta key: mailboxes saved before they synced have been given outbox entries.
MAILBOXES_RECORDED = "sync_mailboxes_recorded"
#: Meta key: raw originals of mail stored before originals travelled are queued for upload.
ORIGINALS_RECORDED = "sync_originals_recorded"
ORIGINALS_PAGE = 5000
PUSH_BATCH = 500
PULL_PAGE = 2000
SNAPSHOT_PAGE = 5000


@dataclass
class SyncResult:
    """What one sync moved."""

    pushed: int = 0
    pulled: int = 0
    rejected: int = 0
    conflicts: int = 0
    snapshot_rows: int = 0
    waiting: int = 0
    requests: int = 0
    blocked: str | None = None
    seconds: float = 0.0
    #: attachment files sent to the server / fetched from it
    blobs_uploaded: int = 0
    blobs_downloaded: int = 0
    #: attachment files still to move (their author has not uploaded them yet)
    blobs_waiting: int = 0
    #: what went wrong with files, in a rep's words (the rows synced regardless)
    blob_problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """For ``--json``."""
        return dict(self.__dict__)


@dataclass(frozen=True)
class SyncProgress:
    """How far a long step of a sync has come (for a progress display).

    ``phase`` is ``"snapshot"`` while a new device takes the team's whole
    inbox, ``"pull"`` while it takes changes; ``done`` counts the rows taken
    so far in this phase and ``total`` is how many there are, when known.
    """

    phase: str
    done: int
    total: int | None = None
    finished: bool = False


class SyncClient:
    """Sync one profile's store with its team server.

    ``progress``, when set, is called on the syncing thread before the first
    page of a snapshot or pull is written and after each page (it must be
    quick and must not touch the store).
    """

    def __init__(
        self,
        store: Store,
        transport: Transport | None = None,
        *,
        push_batch: int = PUSH_BATCH,
        pull_page: int = PULL_PAGE,
        snapshot_page: int = SNAPSHOT_PAGE,
    ) -> None:
        self.store = store
        self.transport: Transport = transport or RequestsTransport()
        self.push_batch = push_batch
        self.pull_page = pull_page
        self.snapshot_page = snapshot_page
        self._tokens: Tokens | None = None
        self._requests = 0
        self.progress: Callable[[SyncProgress], None] | None = None
        #: when the last sync finished (also kept in sync_peer, at most 5 minutes old)
        self.last_sync_at: datetime | None = None

    # -- profile facts --------------------------------------------------------------------

    def peer(self) -> SyncPeer | None:
        """The server this profile syncs with, if it signed in."""
        with self.store.read() as session:
            return session.get(SyncPeer, 1)

    def _refuse_demo(self) -> None:
        if self.store.get_meta("demo") == "1":
            raise SyncError(
                "This profile holds a generated demo workspace, which never syncs with a team "
                "server (its made-up data would mix with real work). Sign in from a new, "
                "empty profile instead (--profile DIR)."
            )

    # -- auth -----------------------------------------------------------------------------

    def login(self, server_url: str, user: str, password: str, *,
              insecure_http: bool = False) -> SyncPeer:
        """Sign this device in and keep its tokens in the keyring.

        Raises:
            SyncError: wrong password, throttled, unreachable, or no keyring (then
                nothing is written anywhere).
        """
        self._refuse_demo()
        url = check_server_url(server_url, insecure_http=insecure_http)
        try:
            credentials.check_keyring()
        except credentials.KeyringUnavailableError as exc:
            raise SyncError(str(exc)) from exc
        request: dict[str, str] = {
            "user": user, "password": password,
            "device_name": platform.node() or "SupportDesk device",
            "device_id": self.store.device_id,
        }
        held = credentials.held_refresh(self.store.profile, url)
        if held:  # proves this is the user's own device: a lock-out does not stop it
            request["refresh_token"] = held
        body = dumps(request)
        resp = self.transport.request("POST", f"{url}/auth/login", headers={}, body=body)
        if resp.status in (401, 403, 429, 422):
            raise SyncError(error_detail(resp, "The server refused the sign-in."))
        check_status(resp)
        data = loads(resp.body)
        tokens = Tokens(data["access_token"], data["refresh_token"])
        try:
            credentials.save(self.store.profile, url, tokens)
        except credentials.KeyringUnavailableError as exc:
            raise SyncError(str(exc)) from exc

        def record(uow: UnitOfWork) -> None:
            peer = uow.session.get(SyncPeer, 1)
            same = peer is not None and peer.server_url == url and peer.epoch == data["epoch"]
            if peer is None:
                peer = SyncPeer(id=1, server_url=url, user=user)
                uow.session.add(peer)
            peer.server_url, peer.user = url, user
            peer.team, peer.device = data["team"], data["device"]
            if not same:
                peer.epoch, peer.cursor = data["epoch"], None
                peer.snapshot_after, peer.snapshot_version = None, None
                peer.schema_digest = None
            peer.last_error = None

        self.store.write(record)
        self._tokens = tokens
        peer = self.peer()
        assert peer is not None
        return peer

    def logout(self) -> None:
        """End this device's sign-in on the server (when it answers) and forget the tokens."""
        peer = self.peer()
        if peer is None:
            return
        try:
            tokens = credentials.load(self.store.profile, peer.server_url)
            if tokens is not None:
                self.transport.request(
                    "POST", f"{peer.server_url}/auth/logout",
                    headers={"Authorization": f"Bearer {tokens.access}"},
                )
        except (SyncError, credentials.KeyringUnavailableError):
            pass
        credentials.forget(self.store.profile, peer.server_url)
        self._tokens = None

    def _load_tokens(self, peer: SyncPeer) -> Tokens:
        if self._tokens is None:
            try:
                self._tokens = credentials.load(self.store.profile, peer.server_url)
            except credentials.KeyringUnavailableError as exc:
                raise SyncError(str(exc)) from exc
        if self._tokens is None:
            raise SyncError(
                f"This profile is not signed in to {peer.server_url}; run "
                f"'supportdesk login --server {peer.server_url} --user {peer.user}'."
            )
        return self._tokens

    def _refresh(self, peer: SyncPeer) -> None:
        tokens = self._load_tokens(peer)
        resp = self.transport.request(
            "POST", f"{peer.server_url}/auth/refresh", headers={},
            body=dumps({"refresh_token": tokens.refresh}),
        )
        self._requests += 1
        if resp.status == 401:
            raise SyncError(
                "The sign-in has ended (signed out, password changed or device revoked); run "
                f"'supportdesk login --server {peer.server_url} --user {peer.user}'."
            )
        check_status(resp)
        answer = loads(resp.body)
        # the server rotates refresh tokens: the one just sent is spent
        self._tokens = Tokens(answer["access_token"], answer.get("refresh_token") or tokens.refresh)
        try:
            credentials.save(self.store.profile, peer.server_url, self._tokens)
        except credentials.KeyringUnavailableError as exc:
            raise SyncError(str(exc)) from exc

    def _send(
        self, peer: SyncPeer, method: str, path: str, body: bytes | None = None,
        content_type: str = "",
    ) -> HttpResponse:
        """One request with this device's token (refreshed once when it has expired)."""
        for attempt in range(2):
            tokens = self._load_tokens(peer)
            headers = {"Authorization": f"Bearer {tokens.access}",
                       "X-SupportDesk-Schema": schema_version()}
            if content_type:
                headers["Content-Type"] = content_type
            resp = self.transport.request(
                method, f"{peer.server_url}{path}", headers=headers, body=body
            )
            self._requests += 1
            if resp.status == 401 and attempt == 0:
                self._refresh(peer)
                continue
            return resp
        raise SyncError("The server keeps refusing this device's sign-in; sign in again.")

    def _call(self, peer: SyncPeer, method: str, path: str, body: bytes | None = None) -> Any:
        resp = self._send(peer, method, path, body)
        check_status(resp)
        try:
            return loads_in_pieces(resp.body, self.store.foreground.pause)
        except ProtocolError as exc:
            raise SyncError(f"The server sent something unreadable: {exc}") from exc

    def _move_blobs(self, peer: SyncPeer, result: SyncResult, *, up: bool) -> None:
        """Upload (or download) attachment files; problems are reported, never fatal."""

        def send(method: str, path: str, body: bytes | None, ctype: str) -> tuple[int, bytes]:
            resp = self._send(peer, method, path, body, ctype)
            if resp.status >= 500 or resp.status == 401:
                check_status(resp)
            return resp.status, resp.body

        out = blobs.BlobResult()
        try:
            (blobs.upload if up else blobs.download)(self.store, send, out)
        except (SyncError, blobs.BlobError, ValueError) as exc:
            out.problems.append(
                f"Attachment files were not {'sent' if up else 'fetched'} this time: {exc}"
            )
            # Batches already settled left the queue; what is left still waits.
            out.waiting = blobs.count(self.store, blobs.TO_UPLOAD if up else blobs.TO_DOWNLOAD)
        result.blobs_uploaded += out.uploaded
        result.blobs_downloaded += out.downloaded
        result.blobs_waiting += out.waiting
        result.blob_problems.extend(out.problems)

    # -- sync -------------------------------------------------------------------------------

    def sync(self) -> SyncResult:
        """One full sync: push everything, snapshot when needed, pull everything.

        Raises:
            SyncError: the reason, in words (ServerUnreachableError when offline).
        """
        started = time.perf_counter()
        self._refuse_demo()
        peer = self.peer()
        if peer is None:
            raise SyncError(
                "This profile is not signed in to a team server; run "
                "'supportdesk login --server URL --user NAME' first."
            )
        result = SyncResult()
        self._requests = 0
        try:
            self._record_unsynced_mailboxes()
            self._record_unsent_originals()
            self._push_all(peer, result)
            self._move_blobs(peer, result, up=True)
            peer = self.peer()
            assert peer is not None
            # Pushed first (under this app's schema, which the server accepted); now
            # the rows pulled under an older app's schema are taken again.
            if self._check_schema(peer):
                peer = self.peer()
                assert peer is not None
            if peer.cursor is None:
                self._snapshot(peer, result)
                peer = self.peer()
                assert peer is not None
            self._pull_all(peer, result)
            self._move_blobs(peer, result, up=False)
        except SyncError as exc:
            self._note_error(str(exc))
            raise
        result.waiting = self.waiting()
        result.requests = self._requests
        moved = result.pushed or result.pulled or result.snapshot_rows or result.rejected
        # A no-op sync writes nothing locally unless the recorded time grows stale.
        if moved or result.blocked or peer.last_error or _stale(peer.last_sync_at):
            self._note_done(result.blocked)
        self.last_sync_at = utcnow()
        result.seconds = round(time.perf_counter() - started, 3)
        return result

    def _record_unsynced_mailboxes(self) -> None:
        """Once per profile: give mailboxes saved before they synced their insert.

        Versions before mailbox settings synced wrote them without outbox entries,
        so the team would never learn of them.
        """
        if self.store.get_meta(MAILBOXES_RECORDED) is not None:
            return

        def run(uow: UnitOfWork) -> None:
            recorded = select(OutboxEntry.entity_id).where(OutboxEntry.entity == "mailboxes")
            for row in uow.session.scalars(select(Mailbox).where(Mailbox.id.not_in(recorded))):
                uow.add(row)  # already stored: this only records its insert
            uow.session.merge(Meta(key=MAILBOXES_RECORDED, value="1"))

        self.store.write(run)

    def _record_unsent_originals(self) -> None:
        """Once per profile: queue the raw originals of mail stored here for upload.

        Versions before raw originals travelled synced the message rows but never
        their files; the server is asked which it lacks, and only those go. Done
        a page of hashes at a time, so a large profile never holds them all.
        """
        if self.store.get_meta(ORIGINALS_RECORDED) is not None:
            return
        after = ""
        while True:
            with self.store.read() as session:
                page = [h for h in session.scalars(
                    select(Message.raw_sha256).where(Message.raw_sha256 > after)
                    .group_by(Message.raw_sha256).order_by(Message.raw_sha256)
                    .limit(ORIGINALS_PAGE)) if h is not None]
            if not page:
                break
            after = page[-1]
            here = [h for h in page if blobs.is_sha256(h) and self.store.blobs.has(h)]
            if here:
                self.store.write(partial(self._queue_uploads, here))
        self.store.write(lambda uow: uow.session.merge(Meta(key=ORIGINALS_RECORDED, value="1")))

    @staticmethod
    def _queue_uploads(hashes: list[str], uow: UnitOfWork) -> None:
        blobs.note(uow.session, blobs.TO_UPLOAD, hashes)

    def waiting(self) -> int:
        """How many local changes wait to be pushed.

        Outbox entries of tables this version does not sync stay in the outbox,
        unsent, for a version that does.
        """
        with self.store.read() as session:
            return len(session.scalars(
                select(OutboxEntry.seq).where(
                    OutboxEntry.pushed.is_(False), OutboxEntry.entity.in_(registry())
                )
            ).all())

    def _note_error(self, message: str) -> None:
        def run(uow: UnitOfWork) -> None:
            uow.session.execute(update(SyncPeer).where(SyncPeer.id == 1)
                                .values(last_error=message[:2000]))

        self.store.write(run)

    def _note_done(self, blocked: str | None) -> None:
        def run(uow: UnitOfWork) -> None:
            uow.session.execute(update(SyncPeer).where(SyncPeer.id == 1)
                                .values(last_sync_at=utcnow(), last_error=blocked))

        self.store.write(run)

    def _check_schema(self, peer: SyncPeer) -> bool:
        """Start over from a snapshot when this profile's rows were pulled by an app with
        another data schema (the app was upgraded); returns whether it did.

        Rows pulled under an older schema lack the fields it did not have, and a pull
        only brings what changed since; a snapshot brings every row again and merges
        it over what is here. Call it only after the outbox was pushed.
        """
        if peer.cursor is None and peer.snapshot_after is None:
            return False  # a first snapshot, or none begun yet: nothing old to take again
        current = schema_version()
        if peer.schema_digest == current:
            return False
        log.warning("data schema changed (%s -> %s): starting over from a snapshot",
                    peer.schema_digest, current)

        def reset(uow: UnitOfWork) -> None:
            uow.session.execute(update(SyncPeer).where(SyncPeer.id == 1).values(
                cursor=None, snapshot_after=None, snapshot_version=None))

        self.store.write(reset)
        return True

    def _check_epoch(self, peer: SyncPeer, epoch: str) -> bool:
        """Whether the server's database is the one the cursor came from; resets if not."""
        if epoch == peer.epoch:
            return True
        log.warning("server epoch changed (%s -> %s): starting over from a snapshot",
                    peer.epoch, epoch)

        def reset(uow: UnitOfWork) -> None:
            uow.session.execute(update(SyncPeer).where(SyncPeer.id == 1).values(
                epoch=epoch, cursor=None, snapshot_after=None, snapshot_version=None))

        self.store.write(reset)
        return False

    # -- push -------------------------------------------------------------------------------

    def _pending(self, limit: int) -> list[tuple[int, Mutation]]:
        with self.store.read() as session:
            rows = session.execute(
                select(OutboxEntry.seq, OutboxEntry.entity, OutboxEntry.entity_id,
                       OutboxEntry.op, OutboxEntry.payload, OutboxEntry.hlc)
                .where(OutboxEntry.pushed.is_(False), OutboxEntry.entity.in_(registry()))
                .order_by(OutboxEntry.seq)
                .limit(limit)
            ).all()
            ids = sorted({r.entity_id for r in rows})
            clocks: dict[tuple[str, str], dict[str, str]] = {}
            for start in range(0, len(ids), 500):
                for ent, eid, packed in session.execute(
                    select(SyncState.entity, SyncState.entity_id, SyncState.clocks).where(
                        SyncState.entity_id.in_(ids[start : start + 500])
                    )
                ):
                    clocks[(ent, eid)] = unpack_clocks(loads(packed))
            filled = self._complete_inserts(session, rows)
        out: list[tuple[int, Mutation]] = []
        for seq, ent, eid, op, payload, hlc in rows:
            payload = filled.get(seq, payload)
            m = Mutation(ent, eid, op, payload, hlc)
            seen = clocks.setdefault((ent, eid), {})
            written = mutation_values(m)
            base = {f: seen[f] for f in written if f in seen}
            for f in written:
                seen[f] = hlc
            out.append((seq, Mutation(ent, eid, op, payload, hlc, base)))
        return out

    @staticmethod
    def _complete_inserts(session: Session, rows: Sequence[Any]) -> dict[int, dict[str, Any]]:
        """Inserts recorded without some columns (left to their defaults) get them
        from the row, so every replica stores the same values."""
        out: dict[int, dict[str, Any]] = {}
        for seq, ent, eid, op, payload, _hlc in rows:
            spec = registry()[ent]
            if op != "insert" or spec.kind is Kind.TAGS:
                continue
            missing = [n for n in spec.fields if n not in payload]
            if not missing:
                continue
            found = session.execute(
                select(*(spec.table.c[n] for n in missing)).where(spec.table.c.id == eid)
            ).first()
            if found is not None:
                out[seq] = {**payload, **{n: apply.to_json(v)
                                          for n, v in zip(missing, found, strict=True)}}
        return out

    def restamp_future(self) -> int:
        """Stamp again the waiting changes made while the clock ran ahead (see
        :func:`supportdesk.sync.restamp.restamp_future`)."""
        return restamp.restamp_future(self.store)

    def _push_all(self, peer: SyncPeer, result: SyncResult) -> None:
        restamped = False
        while True:
            batch = self._pending(self.push_batch)
            if not batch:
                return
            body = dumps({"mutations": [mutation_to_wire(i, m) for i, m in batch]})
            answer = self._call(peer, "POST", "/sync/push", body)
            through = int(answer["applied_through"])
            rejected = {int(r["id"]): r for r in answer.get("rejected", [])}
            blocked = [r for r in rejected.values() if r.get("retryable")]
            self._record_ack(batch, through, rejected, answer.get("lost") or [])
            done = [i for i, _m in batch if i <= through]
            result.pushed += len([i for i in done if i not in rejected])
            result.rejected += len([i for i in done if i in rejected])
            if blocked and not restamped and self.restamp_future():
                restamped = True  # the clock was ahead and is right now: send them again
                continue
            if blocked:
                result.blocked = (
                    f"The server did not take {len(batch) - len(done)} change(s) yet: "
                    f"{blocked[0]['reason']}. Check this computer's clock; they are kept and "
                    "sent again at the next sync."
                )
                return
            if not done:
                raise SyncError("The server did not accept the next change; try again later.")
            self._check_epoch(peer, answer.get("epoch", peer.epoch))

    def _record_ack(
        self, batch: list[tuple[int, Mutation]], through: int, rejected: dict[int, Any],
        lost: list[Any],
    ) -> None:
        acked = [(i, m) for i, m in batch if i <= through]
        if not acked:
            return

        def run(uow: UnitOfWork) -> None:
            session = uow.session
            accepted = [m for i, m in acked if i not in rejected]
            apply.stamp_acknowledged(session, accepted)
            blobs.note(session, blobs.TO_UPLOAD, blobs.file_hashes(accepted))
            if lost:
                winners: list[Mutation] = []
                for row in lost:
                    ent, eid, state = row_to_state(row)
                    winners.extend(state_mutations(ent, eid, state))
                _announce(uow, apply.apply_mutations(session, winners, observe=self._observe,
                                                     authoritative=True))
            for i, m in acked:
                if i in rejected:
                    session.add(SyncConflict(
                        entity=m.entity, entity_id=m.entity_id, field="*",
                        lost_value=dumps({"op": m.op, "fields": dict(m.fields)}).decode(),
                        lost_stamp=m.stamp,
                        won_value=dumps({"reason": rejected[i]["reason"]}).decode(),
                        won_stamp=m.stamp, reason="rejected",
                    ))
            session.execute(
                update(OutboxEntry)
                .where(OutboxEntry.seq.in_([i for i, _m in acked]))
                .values(pushed=True)
            )

        self.store.write(run)

    # -- snapshot and pull ----------------------------------------------------------------

    def _observe(self, stamp: str) -> None:
        try:
            self.store.clock.observe(stamp)
        except ClockDriftError:
            log.warning("a stamp from the server is far ahead of this computer's clock")

    def _report(self, progress: SyncProgress) -> None:
        if self.progress is not None:
            self.progress(progress)

    def _snapshot(self, peer: SyncPeer, result: SyncResult) -> None:
        """Take the team's merged state page by page (the next page downloads while
        this one is applied); progress is saved with each page, so an interrupted
        snapshot resumes where it stopped."""
        version = peer.snapshot_version

        def fetch(after: str | None) -> Any:
            query = f"/sync/snapshot?limit={self.snapshot_page}"
            if after:
                query += f"&after={quote(after, safe='')}"
            return self._call(peer, "GET", query)

        done = 0
        total: int | None = None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-net") as net:
            pending = net.submit(fetch, peer.snapshot_after)
            self._report(SyncProgress("snapshot", 0))
            while True:
                page = pending.result()
                if not self._check_epoch(peer, page["epoch"]):
                    peer = self.peer() or peer
                    version, done, total = None, 0, None
                    pending = net.submit(fetch, None)
                    continue
                if version is None:
                    version = int(page["version"])
                nxt = page["next"]
                if nxt is not None:
                    pending = net.submit(fetch, nxt)
                if isinstance(page.get("total"), int):  # the first page says (newer servers)
                    total = page["total"]
                rows = page["rows"]
                if not isinstance(rows, list):
                    raise SyncError("The server sent a malformed snapshot page.")
                try:
                    out = self.store.write(
                        partial(self._apply_snapshot_page, rows, nxt, version, True))
                except snapshot.BulkRefusedError as exc:
                    log.info("snapshot page merged row by row: %s", exc)
                    out = self.store.write(
                        partial(self._apply_snapshot_page, rows, nxt, version, False))
                result.snapshot_rows += len(page["rows"])
                result.conflicts += out.conflicts
                done += len(rows)
                self._report(SyncProgress("snapshot", done, total, finished=nxt is None))
                if nxt is None:
                    return

    def _apply_snapshot_page(
        self, rows: list[Any], nxt: str | None, version: int, bulk: bool, uow: UnitOfWork
    ) -> apply.ApplyResult:
        """One page in one transaction: in bulk on a new device, else merged row by row."""
        try:
            out = None
            if bulk:
                out = snapshot.apply_page(uow.session, rows, observe=self._observe)
            mutations: list[Mutation] = []
            if out is None:
                for row in rows:
                    ent, eid, state = row_to_state(row)
                    mutations.extend(state_mutations(ent, eid, state))
                out = apply.apply_mutations(uow.session, mutations, observe=self._observe)
        except ProtocolError as exc:
            raise SyncError(f"The server sent a malformed snapshot page: {exc}") from exc
        lacking = {h for h in blobs.row_hashes(rows) if not self.store.blobs.has(h)}
        blobs.note(uow.session, blobs.TO_DOWNLOAD, lacking)
        values: dict[str, Any] = {"snapshot_after": nxt, "snapshot_version": version,
                                  "schema_digest": schema_version()}
        if nxt is None:
            values.update(cursor=version, snapshot_after=None, snapshot_version=None)
            snapshot.rebuild_search(uow.session)
        uow.session.execute(update(SyncPeer).where(SyncPeer.id == 1).values(**values))
        _announce(uow, out, "snapshot")
        return out

    def _note_downloads(self, uow: UnitOfWork, mutations: Sequence[Mutation]) -> None:
        """Queue the files named by pulled rows that this device lacks (same transaction)."""
        lacking = {h for h in blobs.file_hashes(mutations) if not self.store.blobs.has(h)}
        blobs.note(uow.session, blobs.TO_DOWNLOAD, lacking)

    def _pull_all(self, peer: SyncPeer, result: SyncResult) -> None:
        cursor = peer.cursor or 0
        while True:
            page = self._call(peer, "GET", f"/sync/pull?cursor={cursor}&limit={self.pull_page}")
            if not self._check_epoch(peer, page["epoch"]):
                fresh = self.peer()
                assert fresh is not None
                self._push_all(fresh, result)
                self._snapshot(fresh, result)
                fresh = self.peer()
                assert fresh is not None
                peer, cursor = fresh, fresh.cursor or 0
                continue
            changes = []
            for i, c in enumerate(page["changes"]):
                if i % PIECES_PER_STEP == 0:
                    self.store.foreground.pause()
                changes.append(change_from_wire(c))
            new_cursor = int(page["cursor"])
            if changes or new_cursor != cursor:

                def run(uow: UnitOfWork, changes: list[tuple[int, Mutation]] = changes,
                        new_cursor: int = new_cursor) -> apply.ApplyResult:
                    pulled = [m for _v, m in changes]
                    out = apply.apply_mutations(uow.session, pulled, observe=self._observe)
                    self._note_downloads(uow, pulled)
                    uow.session.execute(
                        update(SyncPeer).where(SyncPeer.id == 1).values(cursor=new_cursor)
                    )
                    _announce(uow, out, "pull")
                    return out

                if not result.pulled:
                    self._report(SyncProgress("pull", 0))
                out = self.store.write(run)
                result.pulled += len(changes)
                result.conflicts += out.conflicts
                self._report(SyncProgress("pull", result.pulled, finished=not page["more"]))
                cursor = new_cursor
            if not page["more"]:
                break
        if result.snapshot_rows or result.pulled:
            self.store.write(lambda uow: apply.retry_hidden(uow.session))


def _stale(when: datetime | None) -> bool:
    return when is None or utcnow() - when > timedelta(minutes=5)


def _announce(uow: UnitOfWork, out: apply.ApplyResult, origin: str = "pull") -> None:
    """Tell the store's listeners (the UI) which rows the pull changed."""
    uow.changes.origin = origin
    for ent, ids in out.changed.items():
        for eid in ids:
            uow.changes.add(ent, eid)


def is_demo(store: Store) -> bool:
    """Whether the profile holds a generated demo workspace."""
    with store.read() as session:
        return session.get(Meta, "demo") is not None

