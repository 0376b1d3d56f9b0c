"""The PyInstaller build (``supportdesk.spec``) runs: ``--version`` and ``--screenshot``.

A build takes a minute or more, so these tests run only when asked:

    SUPPORTDESK_TEST_PACKAGE=1 make pytest PYTEST_ARGS="tests/test_package.py -s"

The build goes to a temporary folder; ``-s`` shows its time and size.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from supportdesk import __version__
from supportdesk.store.engine import database_path
from supportdesk.store.store import head_revision

REPO = Path(__file__).resolve().parents[1]
SPEC = REPO / "supportdesk.spec"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("SUPPORTDESK_TEST_PACKAGE") != "1",
        reason="PyInstaller build not tested: it takes minutes; set SUPPORTDESK_TEST_PACKAGE=1 "
        "to build supportdesk.spec in a temporary folder and run the result",
    ),
    pytest.mark.skipif(sys.platform != "linux", reason="supportdesk.spec is written for Linux"),
    pytest.mark.timeout(1800),
]


def _size_mb(folder: Path) -> float:
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    return total / 1e6


@pytest.fixture(scope="module")
def app_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/supportdesk/ built from the spec, once for this module."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail(
            f"SUPPORTDESK_TEST_PACKAGE=1 but PyInstaller is not installed in {sys.executable}",
            pytrace=False,
        )
    out = tmp_path_factory.mktemp("package")
    started = time.monotonic()
    build = subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
            "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(SPEC),
        ],
        cwd=REPO, capture_output=True, text=True, timeout=1700, check=False,
    )
    seconds = time.monotonic() - started
    assert build.returncode == 0, f"pyinstaller failed:\n{build.stderr[-6000:]}"
    folder = out / "dist" / "supportdesk"
    print(f"\nPyInstaller build: {seconds:.0f} s, dist/supportdesk: {_size_mb(folder):.0f} MB")
    return folder


def _run(app_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [str(app_dir / "supportdesk"), *args],
        capture_output=True, text=True, timeout=300, env=env, check=False,
    )


def test_frozen_app_prints_its_version(app_dir: Path) -> None:
    result = _run(app_dir, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"SupportDesk {__version__}"


def test_frozen_app_makes_the_demo_and_renders_the_window(app_dir: Path, tmp_path: Path) -> None:
    profile, png = tmp_path / "profile", tmp_path / "shot.png"
    result = _run(app_dir, "--profile", str(profile), "--screenshot", str(png), "--size=1400x860")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr

    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1400, 860)

    # The demo workspace went through every shipped migration (Alembic read them from files).
    with sqlite3.connect(database_path(profile)) as db:
        version = db.execute("SELECT version_num FROM alembic_version").fetchone()
        assert version == (head_revision(),)
        assert db.execute("SELECT count(*) FROM conversations").fetchone()[0] > 0


def test_bundle_has_the_icons_and_the_qt_it_needs_only(app_dir: Path) -> None:
    bundled = app_dir / "_internal"
    icons = {p.name for p in (REPO / "supportdesk/resources/icons").glob("*.svg")}
    assert {p.name for p in (bundled / "supportdesk/resources/icons").glob("*.svg")} == icons
    plugins = bundled / "PySide6/Qt/plugins"
    for needed in ("platforms/libqoffscreen.so", "platforms/libqxcb.so",
                   "iconengines/libqsvgicon.so", "imageformats/libqsvg.so"):
        assert (plugins / needed).is_file(), needed
    unused = sorted(
        p.name for p in bundled.rglob("libQt6*")
        if p.name.startswith(("libQt6Quick", "libQt6Qml", "libQt6WebEngine", "libQt63D",
                              "libQt6Multimedia", "libQt6Pdf", "libQt6Designer"))
    )
    assert unused == []


# --- The Debian package (make package builds it from the same folder) -----------------------

DEB_FILES = (
    "/usr/bin/supportdesk",
    "/usr/share/applications/supportdesk.desktop",
    "/usr/share/icons/hicolor/scalable/apps/supportdesk.svg",
    "/usr/share/icons/hicolor/48x48/apps/supportdesk.png",
    "/usr/share/icons/hicolor/256x256/apps/supportdesk.png",
    "/opt/supportdesk/supportdesk",
)


@pytest.fixture(scope="module")
def deb(app_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("deb")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    built = subprocess.run(
        [sys.executable, str(REPO / "packaging/deb/build.py"), "--dist", str(app_dir),
         "--out", str(out)],
        capture_output=True, text=True, timeout=600, env=env, check=False,
    )
    assert built.returncode == 0, built.stderr
    path = Path(built.stdout.strip().splitlines()[-1])
    assert path.is_file() and path.suffix == ".deb"
    print(f"\n.deb: {path.name}, {path.stat().st_size / 1e6:.0f} MB")
    return path


def test_deb_holds_a_valid_desktop_entry_and_hicolor_icons(deb: Path, tmp_path: Path) -> None:
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True,
                             text=True, check=True).stdout
    for wanted in DEB_FILES:
        assert f".{wanted}" in listing, wanted
    subprocess.run(["dpkg-deb", "--extract", str(deb), str(tmp_path)], check=True)
    validate = subprocess.run(
        ["desktop-file-validate", str(tmp_path / "usr/share/applications/supportdesk.desktop")],
        capture_output=True, text=True, check=False,
    )
    assert validate.returncode == 0, validate.stdout + validate.stderr
    png = (tmp_path / "usr/share/icons/hicolor/256x256/apps/supportdesk.png").read_bytes()
    assert struct.unpack(">II", png[16:24]) == (256, 256)


@pytest.mark.skipif(os.geteuid() != 0 and not os.environ.get("CI"),
                    reason="installing a .deb needs root (CI runs as root)")
def test_deb_installs_runs_and_uninstalls_cleanly(deb: Path, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DEBIAN_FRONTEND="noninteractive")
    install = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True,
                             env=env, timeout=600, check=False)
    try:
        assert install.returncode == 0, install.stdout + install.stderr
        for path in DEB_FILES:
            assert Path(path).exists(), path
        version = subprocess.run(["/usr/bin/supportdesk", "--version"], capture_output=True,
                                 text=True, env=env, timeout=120, check=False)
        assert version.stdout.strip() == f"SupportDesk {__version__}", version.stderr
        png = tmp_path / "installed.png"
        shot = subprocess.run(
            ["/usr/bin/supportdesk", "--profile", str(tmp_path / "p"), "--screenshot", str(png),
             "--size=1366x768"],
            capture_output=True, text=True, env=env, timeout=300, check=False,
        )
        assert shot.returncode == 0, shot.stderr
        assert struct.unpack(">II", png.read_bytes()[16:24]) == (1366, 768)
    finally:
        remove = subprocess.run(["dpkg", "--purge", "supportdesk"], capture_output=True, text=True,
                                env=env, timeout=300, check=False)
    assert remove.returncode == 0, remove.stdout + remove.stderr
    for path in DEB_FILES:
        assert not Path(path).exists(), f"{path} left after uninstall"
