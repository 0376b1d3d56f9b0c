"""Headless subcommands of the ``supportdesk`` command, one module each."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from supportdesk.cliargs import CommandError, resolve_profile
from supportdesk.store import Store, StoreError


@contextmanager
def open_store(args: argparse.Namespace) -> Iterator[Store]:
    """The store of the profile on the command line; errors become CommandError."""
    profile = resolve_profile(args)
    try:
        store = Store.open(profile)
    except StoreError as exc:
        raise CommandError(str(exc)) from exc
    try:
        yield store
    finally:
        store.close()
