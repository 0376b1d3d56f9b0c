"""Profiles, databases, blobs and server data are their owner's only (issue 13, finding 9)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from supportdesk.cli import build_parser, resolve_profile
from supportdesk.server.cli import DB_FILE, database_url
from supportdesk.store import Store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


@pytest.fixture
def loose_umask() -> Iterator[None]:
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_profile_is_private_under_umask_022(tmp_path: Path, loose_umask: None) -> None:
    profile = tmp_path / "profile"
    store = Store.open(profile)
    try:
        digest = store.blobs.put(b"an attachment")
        store.set_meta("probe", "1")
        assert mode(profile) == 0o700
        files = [p for p in profile.rglob("*") if p.is_file() and p.suffix != ".lock"]
        assert files and {p.name: mode(p) for p in files} == dict.fromkeys(
            (p.name for p in files), 0o600)
        blob = store.blobs.path_for(digest)
        assert mode(blob) == 0o600 and mode(blob.parent) == 0o700
    finally:
        store.close()


def test_an_old_loose_profile_is_tightened(tmp_path: Path, loose_umask: None) -> None:
    profile = tmp_path / "profile"
    Store.open(profile).close()
    profile.chmod(0o755)
    db = next(profile.glob("*.sqlite3"))
    db.chmod(0o644)
    Store.open(profile).close()
    assert (mode(profile), mode(db)) == (0o700, 0o600)


def test_server_data_is_private(tmp_path: Path, loose_umask: None) -> None:
    from supportdesk.server.app import create_app

    data = tmp_path / "server"
    app = create_app(database_url(data, None))
    app.state.engine.dispose()
    assert mode(data) == 0o700 and mode(data / DB_FILE) == 0o600


def test_a_relative_profile_becomes_absolute(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    parser, _ = build_parser()
    args = parser.parse_args(["--profile", "rel", "search", "x"])
    assert resolve_profile(args) == tmp_path / "rel"
    store = Store.open(Path("rel2"))
    try:
        assert store.profile.is_absolute()
        digest = store.blobs.put(b"inline image")
        assert store.blobs.path_for(digest).as_uri().startswith("file:///")
    finally:
        store.close()
