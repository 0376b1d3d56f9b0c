"""A profile's store: one SQLite file, one writer thread, readers anywhere."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Engine, event, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from supportdesk.models import Meta, new_id
from supportdesk.store.blobs import BlobStore
from supportdesk.store.engine import (
    check_profile_writable,
    database_path,
    make_engine,
    verify_database,
)
from supportdesk.store.errors import NewerDatabaseError, StoreError
from supportdesk.store.foreground import STEP, Foreground
from supportdesk.store.hlc import ClockDriftError, HybridClock
from supportdesk.store.uow import ChangeSet, UnitOfWork

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

#: The newest migration; when a database is already there, Alembic is not even
#: imported, which keeps start-up quick. A test keeps this equal to Alembic's head.
SCHEMA_HEAD = "0014"

R = TypeVar("R")

#: Meta key: the newest clock stamp this profile has seen from other devices.
HLC_HIGH_WATER = "hlc_high_water"
ChangeListener = Callable[[ChangeSet], None]


def alembic_config() -> Config:
    """Alembic's configuration for the migrations shipped in the package."""
    from alembic.config import Config

    cfg = Config()
    location = resources.files("supportdesk.store") / "migrations"
    cfg.set_main_option("script_location", str(location))
    return cfg


def head_revision() -> str:
    """The newest schema revision this version of SupportDesk knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def migrate(
    engine: Engine,
    db_file: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bool:
    """Bring the schema up to date; returns True when anything ran.

    A non-empty database is copied aside before its schema changes. A long step
    (rebuilding the search index) calls ``progress(done, total)`` between batches.

    Raises:
        NewerDatabaseError: the file was written by a newer SupportDesk.
    """
    with engine.connect() as conn:
        has_version = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).first()
        current = (
            conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            if has_version
            else None
        )
    if current == SCHEMA_HEAD:
        return False
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    if current == head:
        return False
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
            raise NewerDatabaseError(
                f"This profile's database was written by a newer SupportDesk (schema "
                f"{current}; this version knows up to {head}). It was not changed. "
                "Install the newer SupportDesk to open it."
            ) from exc
        if db_file is not None:
            backup = db_file.with_name(f"{db_file.name}.before-{head}")
            _backup(db_file, backup)
            log.info("database copied to %s before migrating", backup)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        cfg.attributes["progress"] = progress
        command.upgrade(cfg, "head")
    return True


def _backup(src: Path, dest: Path) -> None:
    with sqlite3.connect(src) as source, sqlite3.connect(dest) as target:
        source.backup(target)
    source.close()
    target.close()


class Store:
    """The open database of one profile.

    Writes run on one worker thread, in order; ``read()`` gives a session for
    reading on whatever thread asks.
    """

    def __init__(self, profile: Path, engine: Engine) -> None:
        self.profile = profile
        self.engine = engine
        self.blobs = BlobStore(profile / "blobs")
        #: background work steps aside for the GUI thread (the UI attaches it)
        self.foreground = Foreground()
        self._sessions = sessionmaker(engine, expire_on_commit=False,
                                      info={STEP: self.foreground.pause})
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
        self._listeners: list[ChangeListener] = []
        self._listeners_lock = threading.Lock()
        event.listen(engine, "before_cursor_execute", self._step)
        # ...and as each object of a big query is loaded (a long run of Python, one query)
        event.listen(self._sessions, "loaded_as_persistent", self._step)
        with self.read() as session:
            self.device_id = self._meta(session, "device_id") or ""
            self.agent_id = self._meta(session, "agent_id")
            high_water = self._meta(session, HLC_HIGH_WATER)
        if not self.device_id:
            self.device_id = new_id()
            self.set_meta("device_id", self.device_id)
        self.clock = HybridClock(self.device_id)
        if high_water:
            # Never stamp below what this profile has already seen (sync keeps this).
            with suppress(ClockDriftError):
                self.clock.observe(high_water)

    def _step(self, *_args: object) -> None:
        # Before every SQL statement (and each object a query loads), on whatever
        # thread: a background thread steps aside here for the GUI thread.
        self.foreground.pause()

    @classmethod
    def open(
        cls, profile: Path, progress: Callable[[int, int], None] | None = None
    ) -> Store:
        """Open (creating and migrating when needed) the store of a profile.

        ``progress(done, total)`` hears how a long migration step gets on.

        Raises:
            StoreError: the profile cannot be used; the message says why.
        """
        profile = profile.expanduser().absolute()  # a relative profile breaks file URLs
        check_profile_writable(profile)
        db_file = database_path(profile)
        engine = make_engine(db_file)
        try:
            verify_database(engine, db_file)
            migrate(engine, db_file, progress)
        except StoreError:
            engine.dispose()
            raise
        except OperationalError as exc:
            engine.dispose()
            if "disk" in str(exc).lower() or "full" in str(exc).lower():
                raise StoreError(
                    f"The disk holding {db_file} is full. Free some space and try again; "
                    "nothing was lost."
                ) from exc
            raise StoreError(f"Cannot open {db_file}: {exc.orig}") from exc
        return cls(profile, engine)

    # -- reading -----------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; made for this use and closed after it."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.close()

    @staticmethod
    def _meta(session: Session, key: str) -> str | None:
        return session.scalar(select(Meta.value).where(Meta.key == key))

    def get_meta(self, key: str) -> str | None:
        """A profile-local setting (not synced)."""
        with self.read() as session:
            return self._meta(session, key)

    # -- writing -----------------------------------------------------------------------

    def set_meta(self, key: str, value: str, *, wait: bool = True) -> None:
        """Set a profile-local value (not synced, so no outbox entry).

        Args:
            wait: return only once it is saved; the GUI thread passes False, so it
                never waits behind a long write (a failure is logged).
        """

        def run() -> None:
            with self._sessions.begin() as session:
                session.merge(Meta(key=key, value=value))

        future = self._writer.submit(run)
        if wait:
            with self.foreground.waiting():
                future.result()
            return

        def done(f: Future[None]) -> None:
            if (exc := f.exception()) is not None:
                log.error("could not save %s", key, exc_info=exc)

        future.add_done_callback(done)

    def set_agent(self, agent_id: str) -> None:
        """Remember which agent works on this device."""
        self.set_meta("agent_id", agent_id)
        self.agent_id = agent_id

    def submit(self, work: Callable[[UnitOfWork], R]) -> Future[R]:
        """Run ``work`` in one transaction on the writer thread.

        The returned future resolves to what ``work`` returned once the
        transaction is committed and listeners were told what changed.
        """
        return self._writer.submit(self._run, work)

    def write(self, work: Callable[[UnitOfWork], R]) -> R:
        """Like ``submit`` but waits for the result (CLI, tests, workers)."""
        if threading.current_thread().name.startswith("store-writer"):
            raise RuntimeError("Store.write called from the writer thread; use the given uow")
        future = self.submit(work)
        with self.foreground.waiting():
            return future.result()

    def _run(self, work: Callable[[UnitOfWork], R]) -> R:
        session = self._sessions()
        uow = UnitOfWork(session, self.clock, self.agent_id)
        try:
            with session.begin():
                result = work(uow)
                session.flush()
                uow.flush_outbox()
        except OperationalError as exc:
            if "full" in str(exc).lower():
                raise StoreError(
                    "The disk is full: the change was not saved. Free some space and try "
                    "again; nothing already saved was lost."
                ) from exc
            raise
        finally:
            session.close()
        if uow.changes:
            self._announce(uow.changes)
        return result

    # -- change notification -----------------------------------------------------------

    def on_change(self, listener: ChangeListener) -> Callable[[], None]:
        """Call ``listener`` (on the writer thread) after each commit; returns an unsubscribe."""
        with self._listeners_lock:
            self._listeners.append(listener)

        def remove() -> None:
            with self._listeners_lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return remove

    def _announce(self, changes: ChangeSet) -> None:
        with self._listeners_lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:
                log.exception("change listener failed")

    def close(self) -> None:
        """Finish pending writes and close the database."""
        self.foreground.detach()
        self._writer.shutdown(wait=True)
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA optimize")
        self.engine.dispose()
