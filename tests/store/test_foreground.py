"""Background work steps aside while the GUI thread does what it was handed."""

from __future__ import annotations

import threading
import time

import pytest

from supportdesk.models import Meta
from supportdesk.store import Store, UnitOfWork
from supportdesk.store import foreground as fg
from supportdesk.store.foreground import Foreground


def _in_background(work: object) -> tuple[threading.Thread, threading.Event]:
    finished = threading.Event()

    def run() -> None:
        work()  # type: ignore[operator]
        finished.set()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, finished


def test_without_a_foreground_thread_nothing_waits() -> None:
    front = Foreground()
    front.poke()  # nobody is the foreground: a poke means nothing
    assert not front.busy
    started = time.monotonic()
    for _ in range(10_000):
        front.pause()
    assert front.pauses == 0
    assert time.monotonic() - started < 1.0


def test_background_waits_until_the_handed_work_is_done() -> None:
    front = Foreground()
    front.attach()  # this (test) thread plays the GUI thread
    front.poke()
    front.poke()  # two results handed over
    thread, finished = _in_background(front.pause)
    assert not finished.wait(0.02)  # it waits...
    front.done()
    assert front.busy and not finished.wait(0.01)  # ...for both
    front.done()
    assert finished.wait(1.0)
    thread.join()
    assert front.pauses == 1 and not front.busy


def test_the_foreground_thread_itself_never_waits() -> None:
    front = Foreground()
    front.attach()
    front.poke()
    started = time.monotonic()
    front.pause()
    assert time.monotonic() - started < 0.01 and front.pauses == 0


def test_a_pause_is_bounded_and_then_the_thread_runs_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Work handed over and never done (its receiver died first) slows background
    work down; it never stops it."""
    monkeypatch.setattr(fg, "MAX_WAIT_S", 0.02)
    monkeypatch.setattr(fg, "FREE_RUN_S", 10.0)
    front = Foreground()
    front.attach()
    front.poke()  # never done

    def many_steps() -> None:
        for _ in range(1000):
            front.pause()

    thread, finished = _in_background(many_steps)
    assert finished.wait(2.0)
    thread.join()
    assert front.pauses == 1  # one bounded wait, then a free run for the rest


def test_background_breathes_while_a_gui_thread_exists(monkeypatch: pytest.MonkeyPatch) -> None:
    """A thread releasing the interpreter lock only around short C calls starves the
    GUI thread (CPython's lock goes back to it before a waiter wakes): at its steps, a
    background thread sleeps a moment every SLICE_S."""
    slept: list[float] = []
    real_sleep = time.sleep
    monkeypatch.setattr(fg.time, "sleep", lambda s: (slept.append(s), real_sleep(s)))
    front = Foreground()

    def steps_for(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            front.pause()

    thread, _ = _in_background(lambda: steps_for(0.05))
    thread.join()
    assert slept == []  # no GUI thread: full speed
    front.attach()

    def steps_until_breaths(count: int, limit_s: float) -> None:
        # Counted, not timed: under load the thread may get only part of any wall window.
        end = time.monotonic() + limit_s
        while len(slept) < count and time.monotonic() < end:
            front.pause()

    thread, _ = _in_background(lambda: steps_until_breaths(5, 30.0))
    thread.join()
    assert len(slept) >= 5
    assert set(slept) == {fg.BREATH_S}


def test_a_store_steps_aside_at_every_statement_but_not_for_a_write_the_gui_waits_for(
    store: Store,
) -> None:
    front = store.foreground
    front.attach()
    front.poke()  # the GUI thread has work...
    # ...and waits for a write: the writer must not wait for the GUI thread meanwhile.
    store.write(lambda uow: uow.session.merge(Meta(key="k", value="v")))
    assert front.pauses == 0 and front.busy
    # A write it does not wait for steps aside at its statements until the work is done.
    future = store.submit(lambda uow: uow.session.merge(Meta(key="k", value="w")))
    time.sleep(0.05)
    assert not future.done()
    front.done()
    future.result(timeout=2)
    assert front.pauses >= 1
    assert store.get_meta("k") == "w"
    front.detach()


def test_a_long_load_steps_aside_between_objects(store: Store) -> None:
    """Loading many rows is one statement and a long run of Python: each object
    loaded is a step."""

    def add(uow: UnitOfWork) -> None:
        for i in range(200):
            uow.session.add(Meta(key=f"m{i}", value=str(i)))

    store.write(add)
    steps: list[int] = []
    store.foreground.pause = lambda: steps.append(1)  # type: ignore[method-assign]
    with store.read() as session:
        loaded = session.query(Meta).filter(Meta.key.like("m%")).all()
    assert len(loaded) == 200
    assert len(steps) >= 200  # the statement, then every object
