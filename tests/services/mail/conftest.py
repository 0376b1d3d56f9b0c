"""Fixtures for the mail services: stores, mailboxes, and the real test servers.

The servers are the project's own (``tests/servers``): a throwaway CA, a real
Dovecot and real aiosmtpd. A missing server skips loudly, or fails under CI.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from supportdesk.store import Store
from tests.servers.smtpd import SmtpServer

MakeSmtp = Callable[..., SmtpServer]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests that use the real Dovecot with `dovecot` (for -m selection)."""
    for item in items:
        if "dovecot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.dovecot)


@pytest.fixture
def make_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[], Store]]:
    """Factory for extra, separate profiles (closed after the test)."""
    stores: list[Store] = []

    def make() -> Store:
        s = Store.open(tmp_path_factory.mktemp("profile"))
        stores.append(s)
        return s

    yield make
    for s in stores:
        s.close()
