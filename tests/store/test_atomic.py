"""Files written in one step, and never over something that is not a plain file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from supportdesk.store.atomic import NotAPlainFileError, replace_file


def test_a_file_is_replaced_whole_and_no_temporary_file_stays(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.html"
    replace_file(target, b"old")
    replace_file(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.html"]


def test_a_link_a_folder_or_a_device_is_never_replaced(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep")
    link = tmp_path / "link"
    link.symlink_to(victim)
    folder = tmp_path / "folder"
    folder.mkdir()
    for path in (link, folder, Path(os.devnull)):
        with pytest.raises(NotAPlainFileError):
            replace_file(path, b"x")
    assert victim.read_bytes() == b"keep" and link.is_symlink() and folder.is_dir()
    assert Path(os.devnull).is_char_device()
