"""File → Import mail: pick files, import them in a worker, say what happened."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from supportdesk.services.mail.importer import ImportSummary, import_mail_path
from supportdesk.ui.i18n import _n
from supportdesk.ui.plain import literal

if TYPE_CHECKING:
    from supportdesk.ui.mail.controller import MailController


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def import_mail_files(self: MailController, path: Path | None = None) -> None:
    """Import .eml files, a folder of them or an mbox file, in a worker."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, _t("Import mail (.eml or mbox)"), str(Path.home()),
            _t("Mail files (*.eml *.mbox *.mbx);;All files (*)"),
        )  # fmt: skip
        if not chosen:
            return
        path = Path(chosen)
    cancel = threading.Event()
    self.progress.setRange(0, 0)
    self.progress.show()
    self.stop_button.show()
    self.stop_button.clicked.connect(cancel.set)

    def done(summary: ImportSummary) -> None:
        self.stop_button.clicked.disconnect(cancel.set)
        self.update_status()
        lines = [_n("%Ln messages added, {0} already there.", "",
            summary.added).format(summary.duplicates)]  # fmt: skip
        if summary.failed:
            lines.append(_t("Not imported:"))
            lines += [f"• {Path(item).name}: {reason}"
                      for item, reason in summary.failed[:20]]  # fmt: skip
        self.window.statusBar().showMessage(lines[0], 10000)
        self.window._flush_changes()
        QMessageBox.information(self.window, _t("Import"), literal("\n".join(lines)))

    self.run(lambda: import_mail_path(self.store, path, cancel=cancel), done)
