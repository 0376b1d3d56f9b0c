"""Shared fixtures: the offscreen Qt platform, fresh profiles and stores."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

# Before any QApplication exists (pytest-qt makes it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from supportdesk.services import demo
from supportdesk.store import Store

# The real test servers (a throwaway CA, Dovecot, aiosmtpd), one of each per session.
pytest_plugins = ["tests.servers.fixtures"]

#: A fixed "now" for demo workspaces, so tests see the same data every run.
DEMO_NOW = datetime(2026, 11, 18, 15, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user's profile or settings."""
    monkeypatch.setenv("SUPPORTDESK_PROFILE", str(tmp_path / "default-profile"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    """An empty profile folder."""
    path = tmp_path / "profile"
    path.mkdir()
    return path


@pytest.fixture
def store(profile: Path) -> Iterator[Store]:
    """A fresh, migrated store."""
    s = Store.open(profile)
    yield s
    s.close()


@pytest.fixture
def demo_store(profile: Path) -> Iterator[Store]:
    """A store holding a small deterministic demo workspace."""
    s = Store.open(profile)
    demo.generate(s, 120, seed=7, now=DEMO_NOW)
    yield s
    s.close()


def corpus_dir(kind: str) -> Path | None:
    """The shared corpus folder of a kind (email, chat), or None when absent."""
    env = os.environ.get("SUPPORTDESK_CORPUS")
    root = Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    folder = root / kind
    return folder if folder.is_dir() else None
