"""A mail's raw original in the window: saved as .eml when here, explained while on its way."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QUrl

from supportdesk.services.mail.ingest import ingest_raw
from supportdesk.store import Store
from tests.ui.test_mail_ui import make_window

RAW = (
    "From: Þórunn Gísladóttir <thorunn@example.is>\r\nTo: support@acme.example\r\n"
    "Subject: Prentarinn festist\r\nMessage-ID: <jam-2@example.is>\r\n"
    "Date: Tue, 17 Nov 2026 09:12:00 +0000\r\n\r\nThe printer jams on tray 2 again.\r\n"
).encode()
WAITING = ("The original of this message has not reached this computer yet; it arrives "
           "with the next sync.")


def test_an_original_on_its_way_says_so_and_can_be_saved_once_here(
    qtbot: QtBot, store: Store, profile: Path, tmp_path: Path
) -> None:
    outcome = ingest_raw(store, RAW)
    digest = hashlib.sha256(RAW).hexdigest()
    # As on a laptop that pulled the mail from the team before its original came.
    store.blobs.path_for(digest).unlink()
    window, controller = make_window(qtbot, store, profile)
    window.open_conversation(outcome.conversation_id)
    text = " ".join(window.pane.browser.toPlainText().split())
    assert "The printer jams on tray 2 again." in text
    assert WAITING in text and "Save as .eml" not in text
    folder = os.environ.get("SUPPORTDESK_SCREENSHOTS")
    if folder:
        window.grab().save(str(Path(folder) / "window-original-waiting.png"))
    controller.on_anchor(QUrl(f"sdmail:original?m={outcome.row_id}"))  # a stale link
    assert window.statusBar().currentMessage() == WAITING
    assert controller.save_original(outcome.row_id, tmp_path / "x.eml") is None
    assert not (tmp_path / "x.eml").exists()

    store.blobs.put(RAW)  # the next sync brought it
    window.pane.render_timeline()
    text = " ".join(window.pane.browser.toPlainText().split())
    assert WAITING not in text and "Original message: Save as .eml…" in text
    if folder:
        window.grab().save(str(Path(folder) / "window-original-here.png"))
    saved = controller.save_original(outcome.row_id, tmp_path / "jam.eml")
    assert saved is not None and saved.read_bytes() == RAW
    window.close()
