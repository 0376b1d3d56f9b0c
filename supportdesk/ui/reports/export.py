"""Writing a report to PDF, CSV or HTML so that nothing is ever half-written.

Every file is first written to a hidden temporary file in the destination
folder and renamed over its final name only when complete; CSV tables go to
a temporary folder beside them first. A failure leaves the folder as it was
and is described in plain words (:class:`ExportError`).

CSV and HTML may be written from any thread; PDF only from the GUI thread
(its charts are QtCharts items, which are not thread-safe).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from supportdesk.reports import csv_export, html_export
from supportdesk.reports.metrics import BillingReport, WeeklySummary

FORMATS = ("pdf", "csv", "html")
Report = WeeklySummary | BillingReport


class ExportError(Exception):
    """An export that could not be written; the message is for the user."""


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def describe(exc: OSError, where: Path) -> str:
    """An OS error while writing to ``where``, in words a person can act on."""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return _t("There is no room left to write to {0} (the disk is full). Free some "
                  "space or choose another folder; nothing was written.").format(where)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _t("SupportDesk may not write to {0}. Choose a folder you can write to; "
                  "nothing was written.").format(where)
    if code in (errno.ENOTDIR, errno.EEXIST):
        return _t("{0} is a file, not a folder. Choose a folder; nothing was written.").format(
            where)
    if code == errno.ENOENT:
        return _t("The folder {0} does not exist. Choose another; nothing was written.").format(
            where)
    reason = exc.strerror or str(exc)
    return _t("Could not write to {0}: {1}. Nothing was written.").format(where, reason)


def report_stem(report: Report) -> str:
    """A file name (without suffix) for a report, e.g. ``weekly-2026-W47``."""
    p = report.period
    span = p.label if p.label.count("-W") == 1 else f"{p.first_day}_{p.last_day}"
    kind = "weekly" if isinstance(report, WeeklySummary) else "billing"
    return f"{kind}-{span}"


def _make_folder(folder: Path) -> list[Path]:
    """Create ``folder`` and missing parents; returns those it made (deepest last)."""
    made: list[Path] = []
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for path in reversed(missing):
        path.mkdir()
        made.append(path)
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder))
    return made


def _remove_empty(made: list[Path]) -> None:
    for path in reversed(made):
        with contextlib.suppress(OSError):
            path.rmdir()


def _complete_pdf(path: Path) -> bool:
    size = path.stat().st_size
    if size < 64:
        return False
    with path.open("rb") as fh:
        fh.seek(max(0, size - 1024))
        return b"%%EOF" in fh.read()


def _write_file(target: Path, write: Callable[[Path], None], check: Callable[[Path], bool]
                ) -> Path:
    folder = target.parent
    made: list[Path] = []
    tmp: Path | None = None
    try:
        made = _make_folder(folder)
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{target.stem}-", suffix=".part")
        os.close(fd)
        tmp = Path(name)
        write(tmp)
        if not check(tmp):
            raise OSError(errno.ENOSPC, "the file came out incomplete")
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        tmp.replace(target)
        tmp = None
        return target
    except OSError as exc:
        raise ExportError(describe(exc, folder)) from exc
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
            _remove_empty(made)


def _write_text(text: str) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()

    return write


def _write_folder(folder: Path, write: Callable[[Path], list[Path]]) -> list[Path]:
    made: list[Path] = []
    scratch: Path | None = None
    done = False
    try:
        made = _make_folder(folder)
        scratch = Path(tempfile.mkdtemp(dir=folder, prefix=".supportdesk-export-"))
        files = write(scratch)
        for f in files:
            with f.open("rb+") as fh:
                os.fsync(fh.fileno())
        out = []
        for f in files:
            dest = folder / f.name
            f.replace(dest)
            out.append(dest)
        done = True
        return out
    except OSError as exc:
        raise ExportError(describe(exc, folder)) from exc
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
        if not done:
            _remove_empty(made)


def export(report: Report, fmt: str, target: Path, *, page: str = "a4",
           bom: bool = False, language: str = "") -> list[Path]:
    """Write ``report`` as ``fmt`` to ``target`` (a file; a folder for CSV).

    ``language`` is the team's language for reports: CSV headers and labels use it.

    Returns:
        The files written.

    Raises:
        ExportError: nothing was written; the message says why.
    """
    if fmt == "csv":
        if isinstance(report, WeeklySummary):
            return _write_folder(target, lambda d: csv_export.export_weekly(
                report, d, bom=bom, language=language))
        return _write_folder(target, lambda d: csv_export.export_billing(
            report, d, bom=bom, language=language))
    if fmt == "html":
        doc = (html_export.weekly_html(report, language) if isinstance(report, WeeklySummary)
               else html_export.billing_html(report, language))
        return [_write_file(target, _write_text(doc), lambda p: p.stat().st_size > 0)]
    if fmt == "pdf":
        from supportdesk.reports import pdf

        def write_pdf(path: Path) -> None:
            if isinstance(report, WeeklySummary):
                pdf.weekly_pdf(report, path, page=page)
            else:
                pdf.billing_pdf(report, path, page=page)

        return [_write_file(target, write_pdf, _complete_pdf)]
    raise ExportError(f"Unknown format {fmt!r}; choose PDF, CSV or HTML.")
