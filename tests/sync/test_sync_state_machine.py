"""2 to 5 clients against the real server app, with faults; they must always converge.

Faults: dropped requests, answers lost after the server committed, duplicated
requests, stale pushes replayed out of order, server restarts, a client killed
in the middle of applying a pull (its transaction never commits; it restarts
on the same profile), and clocks skewed by minutes (one client beyond the
server's drift limit: its changes wait, kept, until the server's clock catches
up at the end).

After every run all clients equal the server and a reference model (every
change any client made, merged with the pure merge function), no message is
duplicated, and nothing acknowledged is lost.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
)
from sqlalchemy import func, select

from supportdesk.models import Conversation, ConversationTag, Message, OutboxEntry, Priority, Status
from supportdesk.models.workflow import CannedResponse
from supportdesk.server import admin, db
from supportdesk.server.app import create_app
from supportdesk.services import actions
from supportdesk.services.mail import manage
from supportdesk.services.workflow import canned
from supportdesk.store import Store, UnitOfWork
from supportdesk.sync import apply
from supportdesk.sync.client import HttpResponse, ServerUnreachableError, SyncClient, SyncError
from supportdesk.sync.merge import Mutation, merge_all
from tests.sync.harness import PASSWORD, SERVER, AppTransport, local_rows, server_rows, visible

FAULTS = ["none", "none", "drop", "lose_answer", "duplicate", "replay_old"]


class ServerHolder:
    """The server app on one SQLite file; can be restarted."""

    def __init__(self, root: Path) -> None:
        self.url = f"sqlite:///{root / 'server.sqlite3'}"
        self.offset = 0.0
        self.client: TestClient | None = None
        self.start()
        self.team = admin.create_team(self.engine, "Acme", "owner", PASSWORD)

    def clock(self) -> float:
        return time.time() + self.offset

    def start(self) -> None:
        app = create_app(self.url, clock=self.clock)
        self.engine = app.state.engine
        self.client = TestClient(app)
        self.client.__enter__()
        self.transport = AppTransport(self.client)

    def stop(self) -> None:
        if self.client is not None:
            self.client.__exit__(None, None, None)
            self.engine.dispose()
            self.client = None


class Killed(Exception):
    """The client process died."""


class FaultyTransport:
    """Passes requests to the current server, sometimes badly."""

    def __init__(self, holder: ServerHolder) -> None:
        self.holder = holder
        self.fault = "none"
        self.fault_at = 0
        self.count = 0
        self.old_pushes: list[tuple[dict[str, str], bytes]] = []

    def arm(self, fault: str, at: int) -> None:
        self.fault, self.fault_at, self.count = fault, at, 0

    def request(
        self, method: str, url: str, *, headers: dict[str, str], body: bytes | None = None
    ) -> HttpResponse:
        inner = self.holder.transport
        index = self.count
        self.count += 1
        fault = self.fault if index == self.fault_at else "none"
        if fault == "drop":
            raise ServerUnreachableError("request dropped")
        if fault == "replay_old" and self.old_pushes:
            old_headers, old_body = self.old_pushes[0]
            inner.request("POST", f"{SERVER}/sync/push", headers=old_headers, body=old_body)
        if "/sync/push" in url and body is not None:
            self.old_pushes.append((headers, body))
            del self.old_pushes[:-5]
        resp = inner.request(method, url, headers=headers, body=body)
        if fault == "duplicate":
            resp = inner.request(method, url, headers=headers, body=body)
        if fault == "lose_answer":
            raise ServerUnreachableError("answer lost after the server committed")
        return resp


class SyncMachine(RuleBasedStateMachine):
    """Reps editing offline and syncing through an unreliable network."""

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="sd-sm-"))
        self.server = ServerHolder(self.root)
        self.clients: list[SyncClient] = []
        self.skews: list[float] = []
        self.notes_made: set[str] = set()

    # -- setup -------------------------------------------------------------------------

    @initialize(skews=st.lists(st.sampled_from([0.0, -180.0, 120.0, 240.0, 420.0]),
                               min_size=2, max_size=5))
    def make_clients(self, skews: list[float]) -> None:
        for i, skew in enumerate(skews):
            self.skews.append(skew)
            self.clients.append(self._open(i, login=True))

    def _open(self, i: int, login: bool) -> SyncClient:
        store = Store.open(self.root / f"client{i}")
        skew = self.skews[i]
        # Skew the wall clock under the store's own clock (which remembers what it saw).
        store.clock._wall = lambda: time.time() + skew
        client = SyncClient(store, FaultyTransport(self.server), push_batch=7, pull_page=9,
                            snapshot_page=11)
        if login:
            admin.add_user(self.server.engine, self.server.team, f"rep{i}", PASSWORD)
            client.login(SERVER, f"rep{i}", PASSWORD)
        return client

    def teardown(self) -> None:
        try:
            if self.clients:
                self._converge_and_check()
        finally:
            for c in self.clients:
                c.store.close()
            self.server.stop()
            shutil.rmtree(self.root, ignore_errors=True)

    # -- helpers ----------------------------------------------------------------------------

    def _conversations(self, client: SyncClient) -> list[str]:
        with client.store.read() as session:
            return sorted(session.scalars(select(Conversation.id)))

    def _pick(self, data: st.DataObject) -> tuple[int, SyncClient]:
        i = data.draw(st.integers(0, len(self.clients) - 1), label="client")
        return i, self.clients[i]

    # -- rules -------------------------------------------------------------------------------

    @rule(data=st.data(), subject=st.sampled_from(["Refund", "Login", "Printer"]))
    def create_conversation(self, data: st.DataObject, subject: str) -> None:
        _i, client = self._pick(data)

        def run(uow: UnitOfWork) -> None:
            conv = actions.create_conversation(
                uow, channel=actions.Channel.EMAIL, customer_id=None, subject=subject
            )
            self.notes_made.add(actions.add_note(uow, conv.id, "first look", "rep").id)
            actions.add_tag(uow, conv.id, "new")

        client.store.write(run)

    @rule(data=st.data(), text=st.sampled_from(["called back", "waiting on vendor", "Jökull"]))
    def add_note(self, data: st.DataObject, text: str) -> None:
        _i, client = self._pick(data)
        convs = self._conversations(client)
        if convs:
            cid = data.draw(st.sampled_from(convs), label="conversation")
            note = client.store.write(lambda uow: actions.add_note(uow, cid, text, "rep"))
            self.notes_made.add(note.id)

    @rule(data=st.data(), status=st.sampled_from(list(Status)),
          priority=st.sampled_from(list(Priority)))
    def edit(self, data: st.DataObject, status: Status, priority: Priority) -> None:
        _i, client = self._pick(data)
        convs = self._conversations(client)
        if convs:
            cid = data.draw(st.sampled_from(convs), label="conversation")
            which = data.draw(st.sampled_from(["status", "priority", "read"]), label="edit")
            if which == "status":
                client.store.write(lambda uow: actions.set_status(uow, cid, status))
            elif which == "priority":
                client.store.write(lambda uow: actions.set_priority(uow, cid, priority))
            else:
                client.store.write(lambda uow: actions.mark_read(uow, cid, True))

    @rule(data=st.data(), tag=st.sampled_from(["vip", "new", "bug"]), add=st.booleans())
    def tag(self, data: st.DataObject, tag: str, add: bool) -> None:
        _i, client = self._pick(data)
        convs = self._conversations(client)
        if convs:
            cid = data.draw(st.sampled_from(convs), label="conversation")
            if add:
                client.store.write(lambda uow: actions.add_tag(uow, cid, tag))
                return
            with client.store.read() as session:
                present = sorted(session.scalars(
                    select(ConversationTag.tag).where(ConversationTag.conversation_id == cid)))
            if present:
                gone = data.draw(st.sampled_from(present), label="tag to remove")
                client.store.write(lambda uow: actions.remove_tag(uow, cid, gone))

    @rule(data=st.data(), title=st.sampled_from(["Refund", "Greeting"]),
          body=st.sampled_from(["Hi {customer_name}", "Refunds take 5 days", "Takk!"]))
    def edit_canned_answer(self, data: st.DataObject, title: str, body: str) -> None:
        """A workflow entity: the team's canned answers (create one, or edit one)."""
        _i, client = self._pick(data)
        with client.store.read() as session:
            answers = sorted(session.scalars(select(CannedResponse.id)))
        target = data.draw(st.sampled_from([None, *answers]), label="answer")
        client.store.write(lambda uow: canned.save_canned(
            uow, title=title, body=body, canned_id=target))

    @rule(data=st.data())
    def move_note(self, data: st.DataObject) -> None:
        """A rep moves a message to another conversation (its conversation_id changes)."""
        _i, client = self._pick(data)
        with client.store.read() as session:
            notes = sorted(session.execute(select(Message.id, Message.conversation_id)).tuples())
        convs = self._conversations(client)
        if notes and len(convs) > 1:
            mid, source = data.draw(st.sampled_from(notes), label="note")
            target = data.draw(st.sampled_from([c for c in convs if c != source]), label="to")
            client.store.write(lambda uow: manage.move_message(uow, mid, target))

    @rule(data=st.data(), fault=st.sampled_from(FAULTS), at=st.integers(0, 3))
    def sync(self, data: st.DataObject, fault: str, at: int) -> None:
        _i, client = self._pick(data)
        transport = client.transport
        assert isinstance(transport, FaultyTransport)
        transport.arm(fault, at)
        try:
            client.sync()
        except SyncError:
            pass  # offline is normal; the next sync finishes the work
        finally:
            transport.arm("none", -1)

    @rule()
    def restart_server(self) -> None:
        self.server.stop()
        self.server.start()

    @rule(data=st.data(), after=st.integers(0, 2))
    def kill_client_mid_apply(self, data: st.DataObject, after: int) -> None:
        i, client = self._pick(data)
        real = apply.apply_mutations
        calls = 0

        def dying(*args: Any, **kwargs: Any) -> apply.ApplyResult:
            nonlocal calls
            out = real(*args, **kwargs)
            calls += 1
            if calls > after:
                raise Killed("killed before the transaction committed")
            return out

        apply.apply_mutations = dying  # type: ignore[assignment]
        try:
            client.sync()
        except (Killed, SyncError):
            pass
        finally:
            apply.apply_mutations = real  # type: ignore[assignment]
        client.store.close()
        self.clients[i] = self._open(i, login=False)

    @rule()
    def everyone_syncs(self) -> None:
        for client in self.clients:
            with contextlib.suppress(SyncError):
                client.sync()

    # -- checks ------------------------------------------------------------------------------

    @invariant()
    def nothing_marked_pushed_that_the_server_lacks(self) -> None:
        if not self.clients:
            return
        with self.server.engine.connect() as conn:
            last = dict(conn.execute(
                select(db.devices.c.client_device, db.devices.c.last_mutation_id)
            ).all())
        for client in self.clients:
            with client.store.read() as session:
                top = session.scalar(
                    select(func.max(OutboxEntry.seq)).where(OutboxEntry.pushed.is_(True))
                )
            assert (top or 0) <= last.get(client.store.device_id, 0)

    def _converge_and_check(self) -> None:
        self.server.offset = 600.0  # every skewed stamp is in the past now
        for _round in range(2):
            for client in self.clients:
                transport = client.transport
                assert isinstance(transport, FaultyTransport)
                transport.arm("none", -1)
                result = client.sync()
                assert result.blocked is None, result.blocked
        for client in self.clients:
            assert client.waiting() == 0
        # The reference: every change any client made, merged by the pure function.
        mutations: dict[tuple[str, str], list[Mutation]] = {}
        for client in self.clients:
            with client.store.read() as session:
                for e in session.scalars(select(OutboxEntry)):
                    mutations.setdefault((e.entity, e.entity_id), []).append(
                        Mutation(e.entity, e.entity_id, e.op, e.payload, e.hlc)
                    )
        reference = {}
        for key, muts in mutations.items():
            state, _ = merge_all(None, muts)
            assert state is not None
            reference[key] = state
        expected = visible(reference)
        on_server = server_rows(self.server.engine)
        assert on_server == expected
        for n, client in enumerate(self.clients):
            got = local_rows(client.store)
            diff = {k: {f: (got.get(k, {}).get(f), v) for f, v in expected[k].items()
                        if got.get(k, {}).get(f) != v}
                    for k in expected if got.get(k) != expected[k]}
            assert got == expected, (n, diff, set(got) - set(expected))
            with client.store.read() as session:
                ids = list(session.scalars(select(Message.id)))
                assert len(ids) == len(set(ids)) == len(self.notes_made)
                assert set(ids) == self.notes_made
                ok = session.connection().exec_driver_sql("PRAGMA integrity_check").scalar()
                assert ok == "ok"


SyncMachine.TestCase.settings = settings(
    max_examples=35,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.slow
@pytest.mark.timeout(1200)  # a failure shrinks for minutes before it is reported
class TestSyncMachine(SyncMachine.TestCase):  # type: ignore[name-defined,misc]
    """Run the machine."""
