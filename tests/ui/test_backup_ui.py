"""File → Back up now…, Restore from backup… and the automatic backup, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QPushButton

from supportdesk.config import Settings
from supportdesk.services.backup import schedule as auto
from supportdesk.services.backup import verify_backup
from supportdesk.services.backup.archive import backup_name
from supportdesk.store import Store
from supportdesk.store.engine import DB_NAME
from supportdesk.ui.backup import BackupController, BackupSettingsDialog, Job
from supportdesk.ui.mainwindow import MainWindow
from tests.conftest import DEMO_NOW


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def app(qtbot: QtBot, demo_store: Store, profile: Path, tmp_path: Path
        ) -> Iterator[tuple[MainWindow, BackupController, Clock]]:
    settings = Settings(profile)
    settings.set(auto.BACKUP_FOLDER, str(tmp_path / "auto"))
    window = MainWindow(demo_store, settings)
    qtbot.addWidget(window)
    clock = Clock(DEMO_NOW)
    controller = BackupController(window, clock)
    window.show()
    yield window, controller, clock
    window.close()


def test_file_menu_has_the_backup_entries(app: tuple[MainWindow, BackupController, Clock]
                                          ) -> None:
    window, _controller, _clock = app
    texts = [a.text() for a in window.file_menu.actions()]
    assert texts.index("Back up now…") < texts.index("Quit")
    assert "Restore from backup…" in texts and "Backup settings…" in texts


def test_back_up_now_shows_progress_and_writes_a_checked_archive(
        qtbot: QtBot, app: tuple[MainWindow, BackupController, Clock], tmp_path: Path) -> None:
    window, controller, _clock = app
    demo_store = window.store
    demo_store.blobs.put(b"an attachment " * 300_000)
    out = tmp_path / "now.sdbackup"
    job = controller.back_up_now(out)
    assert job is not None and controller.dialog is not None
    qtbot.waitUntil(lambda: job.done, timeout=60_000)
    assert controller.last_error is None and controller.dialog is None
    manifest = verify_backup(out)
    assert manifest["schema"]
    assert "Backed up to" in window.statusBar().currentMessage()


def test_cancel_leaves_no_file(qtbot: QtBot, app: tuple[MainWindow, BackupController, Clock],
                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window, controller, _clock = app
    window.store.blobs.put(b"big " * 400_000)
    out = tmp_path / "cancelled.sdbackup"
    start = Job.start
    monkeypatch.setattr(Job, "start", lambda self: None)  # held until Cancel is pressed
    job = controller.back_up_now(out)
    assert job is not None and controller.dialog is not None
    cancel = controller.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    cancel.click()
    start(job)
    qtbot.waitUntil(lambda: job.done, timeout=60_000)
    assert controller.last_error is not None and "cancelled" in controller.last_error
    assert not out.exists()
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_automatic_backup_once_a_day_and_rotated(
        qtbot: QtBot, app: tuple[MainWindow, BackupController, Clock], tmp_path: Path) -> None:
    window, controller, clock = app
    where = tmp_path / "auto"
    where.mkdir()
    for day in range(1, 40):  # old automatic backups, one a day
        (where / backup_name(clock.now - timedelta(days=day))).write_bytes(b"old")
    job = controller.check_auto()
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=60_000)
    assert controller.last_error is None
    found = auto.backups(where)
    assert found[0].path.name == backup_name(clock.now)
    verify_backup(found[0].path)
    assert len(found) == 11
    clock.now += timedelta(hours=5)
    assert controller.check_auto() is None  # not due yet
    clock.now += timedelta(hours=20)
    window.settings.set(auto.BACKUP_AUTO, False)
    assert controller.check_auto() is None  # switched off


def test_restore_opens_the_new_profile(qtbot: QtBot,
                                       app: tuple[MainWindow, BackupController, Clock],
                                       tmp_path: Path) -> None:
    _window, controller, _clock = app
    out = tmp_path / "b.sdbackup"
    job = controller.back_up_now(out)
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=60_000)
    opened: list[Path] = []
    controller.open_profile = opened.append
    target = tmp_path / "restored"
    job = controller.restore_from(out, target)
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=60_000)
    assert controller.last_error is None, controller.last_error
    assert (target / DB_NAME).exists()
    box = controller.restored_box
    qtbot.waitUntil(box.isVisible)
    box.button(box.StandardButton.Open).click()
    assert opened == [target.absolute()]
    # a damaged archive: refused, in words, and nothing written
    bad = tmp_path / "bad.sdbackup"
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad.write_bytes(bytes(data))
    job = controller.restore_from(bad, tmp_path / "second")
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=60_000)
    assert controller.last_error is not None and "Nothing was restored" in controller.last_error
    assert not (tmp_path / "second").exists()
    controller.error_box.close()


def test_settings_dialog_saves_folder_and_switch(
        qtbot: QtBot, app: tuple[MainWindow, BackupController, Clock], tmp_path: Path) -> None:
    window, controller, _clock = app
    dialog = controller.open_settings()
    assert isinstance(dialog, BackupSettingsDialog)
    dialog.auto_box.setChecked(False)
    dialog.folder_edit.setText(str(tmp_path / "elsewhere"))
    dialog.accept()
    assert window.settings.get(auto.BACKUP_AUTO) is False
    assert controller.folder() == tmp_path / "elsewhere"
