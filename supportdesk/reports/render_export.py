"""HTML exports to PDF with Qt's text layout (QTextDocument printed to a QPdfWriter).

Run it on the GUI thread in the app (Qt's painting is not thread-safe); the
CLI runs it on its only thread.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from supportdesk.reports.pdf import ensure_app


def html_to_pdf(html: str, out: Path) -> Path:
    """Lay out ``html`` on A4 pages and write the PDF to ``out`` (replaced when complete)."""
    ensure_app()
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".pdf")
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait,
                                         QMarginsF(15, 15, 15, 15),
                                         QPageLayout.Unit.Millimeter))
        writer.setResolution(144)
        writer.setCreator("SupportDesk")
        doc = QTextDocument()
        doc.setHtml(html)
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        doc.setPageSize(QSizeF(rect.width(), rect.height()))
        doc.print_(writer)
        del writer
        Path(tmp).replace(out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out
