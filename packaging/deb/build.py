"""Build a Debian package (.deb) from the PyInstaller folder ``dist/supportdesk``.

    python packaging/deb/build.py [--dist dist/supportdesk] [--out dist]

Why a .deb and not an AppImage: dpkg-deb is on every Debian/Ubuntu machine and
the package installs, upgrades and uninstalls through the system's own tools,
with the desktop entry and icons where the desktop looks for them; building an
AppImage needs appimagetool, which is not in Debian's archive.

Layout:
    /opt/supportdesk/...                          the frozen app, as PyInstaller made it
    /usr/bin/supportdesk -> /opt/supportdesk/supportdesk
    /usr/share/applications/supportdesk.desktop    (from resources/, validated)
    /usr/share/icons/hicolor/scalable/apps/supportdesk.svg
    /usr/share/icons/hicolor/NxN/apps/supportdesk.png  for the usual sizes
The maintainer scripts refresh the icon and desktop caches when the tools exist.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ICON_SVG = ROOT / "supportdesk" / "resources" / "icons" / "app.svg"
DESKTOP = ROOT / "resources" / "supportdesk.desktop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
NAME = "supportdesk"

POSTINST = """#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q /usr/share/applications || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
fi
exit 0
"""


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from supportdesk import __version__

    return __version__


def architecture() -> str:
    out = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                         check=True)
    return out.stdout.strip()


def render_icons(target: Path) -> None:
    """PNG icons at the hicolor sizes, drawn from the app's SVG by Qt's SVG renderer."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {ICON_SVG}")
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        folder = target / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not image.save(str(folder / f"{NAME}.png")):
            raise SystemExit(f"cannot write the {size}px icon")
    scalable = target / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ICON_SVG, scalable / f"{NAME}.svg")


def installed_size_kb(root: Path) -> int:
    return sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) // 1024 + 1


def build(dist: Path, out: Path) -> Path:
    if not (dist / NAME).is_file():
        raise SystemExit(f"{dist}/{NAME} not found: run 'make package' (PyInstaller) first")
    ver = version()
    arch = architecture()
    with tempfile.TemporaryDirectory(prefix="sd-deb-") as tmp:
        root = Path(tmp) / "root"
        shutil.copytree(dist, root / "opt" / NAME, symlinks=True)
        (root / "usr" / "bin").mkdir(parents=True)
        (root / "usr" / "bin" / NAME).symlink_to(f"/opt/{NAME}/{NAME}")
        apps = root / "usr" / "share" / "applications"
        apps.mkdir(parents=True)
        shutil.copyfile(DESKTOP, apps / f"{NAME}.desktop")
        render_icons(root / "usr" / "share" / "icons" / "hicolor")
        debian = root / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(
            f"Package: {NAME}\n"
            f"Version: {ver}\n"
            f"Architecture: {arch}\n"
            "Maintainer: SupportDesk developers <support@example.invalid>\n"
            "Section: mail\n"
            "Priority: optional\n"
            f"Installed-Size: {installed_size_kb(root)}\n"
            "Depends: libc6, libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, "
            "libdbus-1-3, libxcb-cursor0\n"
            "Description: offline-first helpdesk for small support teams\n"
            " One inbox for a small team's email, chat transcripts and phone notes,\n"
            " kept in a local database that works offline and syncs with the team.\n",
            encoding="utf-8",
        )
        for script in ("postinst", "postrm"):
            path = debian / script
            path.write_text(POSTINST, encoding="utf-8")
            path.chmod(0o755)
        for path in [root, *root.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        out.mkdir(parents=True, exist_ok=True)
        deb = out / f"{NAME}_{ver}_{arch}.deb"
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(root), str(deb)],
                       check=True, stdout=subprocess.DEVNULL)
    return deb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / NAME)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args()
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(DESKTOP)], check=True)
    print(build(args.dist, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
