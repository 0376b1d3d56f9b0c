"""History is not a queue: old transcripts import as solved, without an SLA clock."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from supportdesk.models import Conversation
from supportdesk.models.workflow import SlaTracking
from supportdesk.services.chat_import import ImportOptions, import_chat_export
from supportdesk.services.workflow import tracking
from supportdesk.services.workflow.due import DueInfo
from supportdesk.store import Store

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
REPO = Path(__file__).resolve().parents[2]


def export_2019(folder: Path) -> Path:
    """A 2019 Android export saved under a file name that names nobody."""
    path = folder / "chat_backup_2019.txt"
    path.write_text(
        "24/06/2019, 08:59 - Messages and calls are end-to-end encrypted.\n"
        "24/06/2019, 09:00 - Ana Souza: Hello,   my blender arrived broken and the lid is "
        "cracked in two places, what now?\n"
        "25/06/2019, 09:02 - Acme Support: Sorry to hear! A replacement is on its way.\n",
        encoding="utf-8",
    )
    return path


def recent(folder: Path) -> Path:
    day = NOW - timedelta(days=2)
    path = folder / "WhatsApp Chat with Bruno Lima.txt"
    path.write_text(f"{day:%d/%m/%Y, %H:%M} - Bruno Lima: The kettle whistles\n",
                    encoding="utf-8")
    return path


def only(store: Store) -> Conversation:
    with store.read() as session:
        [conv] = session.scalars(select(Conversation)).all()
        session.expunge(conv)
        return conv


def test_an_old_transcript_is_solved_history_with_a_sensible_subject(
    store: Store, tmp_path: Path
) -> None:
    options = ImportOptions(us=("Acme Support",), now=NOW)
    import_chat_export(store, export_2019(tmp_path), options)
    conv = only(store)
    assert conv.status == "solved" and not conv.unread
    assert conv.subject == (
        "WhatsApp: Ana Souza — Hello, my blender arrived broken and the lid is cracked in…")
    # The start-up catch-up gives no clock to solved history.
    store.write(lambda uow: tracking.refresh_many(
        uow, tracking.unsolved_ids(uow.session), NOW))
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(SlaTracking)) == 0


def test_a_recent_chat_stays_open_work(store: Store, tmp_path: Path) -> None:
    import_chat_export(store, recent(tmp_path), ImportOptions(now=NOW))
    conv = only(store)
    assert conv.status == "open"
    assert conv.subject == "WhatsApp: Bruno Lima"  # a real title is kept


def test_no_threshold_imports_everything_open(store: Store, tmp_path: Path) -> None:
    import_chat_export(store, export_2019(tmp_path),
                       ImportOptions(us=("Acme Support",), now=NOW, history_days=None))
    assert only(store).status == "open"


def test_long_due_times_read_as_days() -> None:
    assert DueInfo("overdue", remaining=-timedelta(hours=15545)).countdown == "-647 days"
    assert DueInfo("ok", remaining=timedelta(hours=72)).countdown == "72 h"
    assert DueInfo("ok", remaining=timedelta(hours=73)).countdown == "3 days"
    assert DueInfo("ok", remaining=timedelta(hours=5, minutes=3)).countdown == "5 h 3 min"


def test_cli_history_days_option(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    profile = tmp_path / "p"
    path = export_2019(tmp_path)

    def run(*args: str) -> dict[str, object]:
        done = subprocess.run(
            [sys.executable, "-m", "supportdesk", "import", "--profile", str(profile),
             "--us", "Acme Support", "--json", *args, str(path)],
            capture_output=True, text=True, timeout=120, env=env, check=False)
        assert done.returncode == 0, done.stderr
        result: dict[str, object] = json.loads(done.stdout)
        return result

    run("--history-days", "-1")
    store = Store.open(profile)
    try:
        assert only(store).status == "open"
    finally:
        store.close()
