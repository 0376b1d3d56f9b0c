"""The Reports window and the scheduled export, offscreen, on a demo workspace."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from supportdesk.config import Settings
from supportdesk.reports import metrics
from supportdesk.services import report_schedule as rs
from supportdesk.services.report_schedule import Schedule
from supportdesk.store import Store
from supportdesk.ui.mainwindow import MainWindow
from supportdesk.ui.reports import ReportsController
from supportdesk.ui.reports.schedule import ScheduleDialog
from supportdesk.ui.reports.tables import ROLE_ID, ReportTableModel
from supportdesk.ui.reports.window import ReportsWindow, hours_text, team_zone
from tests.conftest import DEMO_NOW


class Clock:
    """A settable clock."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def app(qtbot: QtBot, demo_store: Store, profile: Path
        ) -> Iterator[tuple[MainWindow, ReportsController, Clock]]:
    window = MainWindow(demo_store, Settings(profile))
    qtbot.addWidget(window)
    clock = Clock(DEMO_NOW)
    controller = ReportsController(window, clock)
    window.resize(1200, 800)
    window.show()
    yield window, controller, clock
    window.close()


def _settle(qtbot: QtBot, controller: ReportsController) -> None:
    qtbot.waitUntil(lambda: not controller.worker.busy and not controller.scheduler.running,
                    timeout=30_000)
    rw = controller.reports_window
    if rw is not None:
        qtbot.waitUntil(lambda: not rw.busy, timeout=30_000)


def _open(qtbot: QtBot, controller: ReportsController) -> ReportsWindow:
    rw = controller.open_reports()
    _settle(qtbot, controller)
    return rw


def _summary(store: Store, window: MainWindow, when: str | tuple[date, date]
             ) -> metrics.WeeklySummary:
    tz = team_zone(store, window.settings)
    with store.read() as session:
        return metrics.weekly_summary(session, when, tz, now=DEMO_NOW)


def _tile(rw: ReportsWindow, key: str) -> str:
    return rw.tiles[key].value.text()


def _assert_tiles(rw: ReportsWindow, w: metrics.WeeklySummary) -> None:
    assert _tile(rw, "opened") == str(w.opened)
    assert _tile(rw, "solved") == str(w.solved)
    assert _tile(rw, "reopened") == str(w.reopened)
    assert _tile(rw, "backlog") == f"{w.backlog_start} → {w.backlog_end}"
    assert _tile(rw, "first_response") == hours_text(w.first_response.median_hours)
    assert _tile(rw, "resolution") == hours_text(w.resolution.median_hours)
    assert rw.tiles["first_response"].detail.text().startswith(
        f"p90 {hours_text(w.first_response.p90_hours)}")
    sla = "–" if w.sla.percent is None else f"{w.sla.percent:.0f} %"
    assert _tile(rw, "sla") == sla
    assert _tile(rw, "escalations") == str(w.escalations)
    assert _tile(rw, "oncall") == str(w.oncall_pages)


def test_menu_and_shortcut(app: tuple[MainWindow, ReportsController, Clock]) -> None:
    window, controller, _clock = app
    assert controller.act_reports in window.tools_menu.actions()
    assert controller.act_reports.shortcut().toString() == "Ctrl+Shift+R"
    assert any("Reports" in label for _keys, label in window.shortcut_list())


def test_default_week_and_tiles_match_the_summary(
    qtbot: QtBot, app: tuple[MainWindow, ReportsController, Clock], demo_store: Store
) -> None:
    window, controller, _clock = app
    rw = _open(qtbot, controller)
    # DEMO_NOW is Wednesday of 2026-W47: the last complete week is W46.
    assert rw.request().week == "2026-W46"
    rw.select_week("2026-W45")
    _settle(qtbot, controller)
    expected = _summary(demo_store, window, "2026-W45")
    assert expected.opened > 0 and expected.solved > 0
    assert rw.summary is not None and rw.summary.period.label == "2026-W45"
    _assert_tiles(rw, expected)
    assert "2026-W45" in rw.title.text()
    # the trend chart shows the five weeks' opened counts
    assert rw.trend_chart.series[0][1] == [float(p.opened) for p in expected.trend]
    assert rw.heatmap.grid == expected.heatmap
    by_agent = rw.models["by_agent"]
    assert by_agent.rowCount() == len(expected.by_agent)
    # previous/next buttons step a week
    rw.step_week(1)
    _settle(qtbot, controller)
    assert rw.summary is not None and rw.summary.period.label == "2026-W46"
    _assert_tiles(rw, _summary(demo_store, window, "2026-W46"))


def test_date_range_recomputes(
    qtbot: QtBot, app: tuple[MainWindow, ReportsController, Clock], demo_store: Store
) -> None:
    window, controller, _clock = app
    rw = _open(qtbot, controller)
    one_week = rw.summary
    assert one_week is not None
    first, last = date(2026, 11, 2), date(2026, 11, 15)
    rw.select_range(first, last)
    _settle(qtbot, controller)
    assert rw.summary is not None
    assert (rw.summary.period.first_day, rw.summary.period.last_day) == (first, last)
    expected = _summary(demo_store, window, (first, last))
    _assert_tiles(rw, expected)
    assert expected.opened > one_week.opened  # two weeks hold more than one
    assert rw.billing is not None and rw.billing.period.first_day == first


def test_double_click_on_a_waiting_conversation_opens_it(
    qtbot: QtBot, app: tuple[MainWindow, ReportsController, Clock]
) -> None:
    window, controller, _clock = app
    rw = _open(qtbot, controller)
    model = rw.models["oldest_waiting"]
    assert rw.summary is not None and rw.summary.oldest_waiting
    assert model.rowCount() == len(rw.summary.oldest_waiting)
    index = model.index(0, 1)
    cid = index.data(ROLE_ID)
    assert cid == rw.summary.oldest_waiting[0].conversation_id
    rw.waiting_view.doubleClicked.emit(index)
    assert window.current_id == cid
    assert window.pane.detail is not None


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    m = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    assert m
    return int(m.group(1))


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler's pdfinfo")
def test_exports_write_pdf_csv_and_html(
    qtbot: QtBot, app: tuple[MainWindow, ReportsController, Clock], tmp_path: Path
) -> None:
    _window, controller, _clock = app
    rw = _open(qtbot, controller)
    out = tmp_path / "out"
    rw.export_to("pdf", out / "week.pdf", page="letter")
    _settle(qtbot, controller)
    assert rw.last_written == [out / "week.pdf"]
    assert _pages(out / "week.pdf") > 0
    assert rw.message.isVisibleTo(rw) and rw.message.open_button.isVisibleTo(rw)
    assert rw.message.folder == out

    rw.export_to("csv", out / "csv", bom=True)
    _settle(qtbot, controller)
    overview = out / "csv" / "overview.csv"
    assert overview.read_bytes().startswith(b"\xef\xbb\xbf")
    with overview.open(encoding="utf-8-sig", newline="") as fh:
        rows = {r[0]: r[1] for r in csv.reader(fh)}
    assert rw.summary is not None
    assert rows["Conversations opened"] == str(rw.summary.opened)
    rw.export_to("csv", out / "plain", bom=False)
    _settle(qtbot, controller)
    assert not (out / "plain" / "overview.csv").read_bytes().startswith(b"\xef\xbb\xbf")

    rw.tabs.setCurrentIndex(1)  # the billing tab exports billing
    rw.export_to("html", out / "billing.html")
    _settle(qtbot, controller)
    assert "Support time and billing" in (out / "billing.html").read_text(encoding="utf-8")
    # no temporary files are left behind
    leftovers = [p.name for p in out.rglob(".*")]
    assert leftovers == []


@pytest.fixture
def locked_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder this process may not write to (immutable when running as root)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "keep.txt").write_text("already here", encoding="utf-8")
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        done = chattr and subprocess.run([chattr, "+i", str(folder)], capture_output=True)
        if not done or done.returncode != 0:
            pytest.skip("root can write anywhere and chattr +i is not available here")
        yield folder
        subprocess.run([str(chattr), "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)


@pytest.mark.parametrize("fmt", ["pdf", "csv", "html"])
def test_unwritable_folder_shows_an_error_and_writes_nothing(
    qtbot: QtBot, app: tuple[MainWindow, ReportsController, Clock], locked_folder: Path,
    fmt: str,
) -> None:
    _window, controller, _clock = app
    rw = _open(qtbot, controller)
    target = locked_folder / ("tables" if fmt == "csv" else f"week.{fmt}")
    rw.export_to(fmt, target)
    _settle(qtbot, controller)
    assert rw.message.isVisibleTo(rw)
    assert rw.message.property("error") is True
    text = rw.message.label.text()
    assert "may not write" in text and "nothing was written" in text
    assert sorted(p.name for p in locked_folder.iterdir()) == ["keep.txt"]
    assert rw.last_written == []


def test_the_table_model_is_sound(qtmodeltester: object, qtbot: QtBot,
                                  app: tuple[MainWindow, ReportsController, Clock]) -> None:
    _window, controller, _clock = app
    rw = _open(qtbot, controller)
    model: ReportTableModel = rw.models["by_channel"]
    assert model.rowCount() > 0
    qtmodeltester.check(model)  # type: ignore[attr-defined]


# -- the scheduler ---------------------------------------------------------------------------


def _monday_8(folder: Path, since: datetime, formats: tuple[str, ...] = ("pdf", "csv")
              ) -> Schedule:
    return Schedule(weekday=0, at=time(8, 0), folder=str(folder), formats=formats, since=since)


def _local(store: Store, window: MainWindow, text: str) -> datetime:
    tz = team_zone(store, window.settings)
    return datetime.fromisoformat(text).replace(tzinfo=tz)


def test_scheduler_writes_last_week_on_the_monday_tick_once(
    qtbot: QtBot, app: tuple[MainWindow, ReportsController, Clock], demo_store: Store,
    tmp_path: Path,
) -> None:
    window, controller, clock = app
    folder = tmp_path / "weekly"
    rs.save(demo_store, _monday_8(folder, _local(demo_store, window, "2026-11-10 12:00")))
    scheduler = controller.scheduler
    clock.now = _local(demo_store, window, "2026-11-16 07:59")
    scheduler.check()
    _settle(qtbot, controller)
    assert not folder.exists()  # not due yet
    clock.now = _local(demo_store, window, "2026-11-16 08:00")
    with qtbot.waitSignal(scheduler.wrote, timeout=30_000) as signal:
        scheduler.check()
    assert "2026-W46" in str(signal.args[0])
    pdf = folder / "weekly-2026-W46.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert (folder / "weekly-2026-W46" / "overview.csv").exists()
    assert rs.last_done(demo_store) == date(2026, 11, 9)
    stamp = pdf.stat().st_mtime_ns
    # the next ticks the same day write nothing again
    for minutes in (1, 60):
        clock.now = _local(demo_store, window, "2026-11-16 08:00") + timedelta(minutes=minutes)
        scheduler.check()
        _settle(qtbot, controller)
    assert pdf.stat().st_mtime_ns == stamp
    assert [w.label for w in scheduler.written] == ["2026-W46"]
    assert sorted(p.name for p in folder.iterdir()) == ["weekly-2026-W46",
                                                        "weekly-2026-W46.pdf"]


def test_scheduler_catches_up_missed_mondays_on_start(
    qtbot: QtBot, demo_store: Store, profile: Path, tmp_path: Path
) -> None:
    window = MainWindow(demo_store, Settings(profile))
    qtbot.addWidget(window)
    window.show()
    folder = tmp_path / "weekly"
    since = _local(demo_store, window, "2026-10-20 12:00")
    rs.save(demo_store, _monday_8(folder, since, formats=("html",)))
    rs.mark_done(demo_store, date(2026, 10, 26))  # W44 was written before the app closed
    # The app was closed on Mondays 9 and 16 Nov; it starts on Wednesday 18 Nov.
    controller = ReportsController(window, Clock(DEMO_NOW))
    _settle(qtbot, controller)
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["weekly-2026-W45.html", "weekly-2026-W46.html"]
    assert rs.last_done(demo_store) == date(2026, 11, 9)
    window.close()
    # Starting again the same day writes nothing more.
    window2 = MainWindow(demo_store, Settings(profile))
    qtbot.addWidget(window2)
    window2.show()
    controller2 = ReportsController(window2, Clock(DEMO_NOW + timedelta(hours=2)))
    _settle(qtbot, controller2)
    assert controller2.scheduler.written == []
    assert sorted(p.name for p in folder.iterdir()) == names
    window2.close()


def test_scheduler_failure_is_reported_and_not_recorded(
    qtbot: QtBot, app: tuple[MainWindow, ReportsController, Clock], demo_store: Store,
    locked_folder: Path,
) -> None:
    window, controller, clock = app
    rs.save(demo_store, _monday_8(locked_folder / "weekly",
                                  _local(demo_store, window, "2026-11-10 12:00")))
    clock.now = _local(demo_store, window, "2026-11-16 09:00")
    _settle(qtbot, controller)  # a check the app made at start may still be running
    with qtbot.waitSignal(controller.scheduler.failed, timeout=30_000) as signal:
        assert controller.scheduler.check()
    assert "may not write" in str(signal.args[0])
    assert rs.last_done(demo_store) is None
    assert sorted(p.name for p in locked_folder.iterdir()) == ["keep.txt"]


def test_schedule_dialog_saves_and_explains_the_next_run(
    qtbot: QtBot, app: tuple[MainWindow, ReportsController, Clock], demo_store: Store,
    tmp_path: Path,
) -> None:
    _window, controller, _clock = app
    dialog = ScheduleDialog(controller.scheduler)
    qtbot.addWidget(dialog)
    dialog.enabled.setChecked(True)
    dialog.folder.setText("")
    dialog.save()
    assert "folder" in dialog.problem.text()
    assert rs.load(demo_store) is None
    dialog.folder.setText(str(tmp_path / "reports"))
    dialog.formats["html"].setChecked(True)
    assert "2026-W47" in dialog.info.text()  # next Monday writes this week
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.save()
    saved = rs.load(demo_store)
    assert saved is not None and saved.enabled
    assert saved.formats == ("pdf", "html") and saved.weekday == 0
    assert saved.folder == str(tmp_path / "reports")
