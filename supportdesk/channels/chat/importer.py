"""Entry points: detect an export's format and parse it into a Transcript."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from supportdesk.channels.chat import (
    discord,
    generic_csv,
    messenger,
    slack,
    telegram,
    whatsapp,
    widgets,
)
from supportdesk.channels.chat._common import DateOrder, ParseOptions
from supportdesk.channels.chat._io import Source
from supportdesk.channels.chat.detect import FORMATS, detect_source
from supportdesk.channels.chat.generic_csv import CsvMapping
from supportdesk.channels.chat.model import (
    NO_MEDIA,
    ChatImportError,
    ChatLine,
    ChatThread,
    MediaLocator,
    Transcript,
)

Parser = Callable[[Source, ParseOptions], Transcript]
_T = TypeVar("_T")

PARSERS: dict[str, Parser] = {
    "whatsapp": whatsapp.parse,
    "telegram": telegram.parse,
    "slack": slack.parse,
    "discord": discord.parse,
    "discord_csv": discord.parse_csv,
    "messenger": messenger.parse,
    "tawkto": lambda src, opts: widgets.parse(src, opts, "tawkto"),
    "livechat": lambda src, opts: widgets.parse(src, opts, "livechat"),
    "crisp": lambda src, opts: widgets.parse(src, opts, "crisp"),
    "csv": generic_csv.parse,
}
assert set(PARSERS) == set(FORMATS)

PREVIEW_LINES = 200
#: Most messages one export may hold (a phone's lifetime of chat is far less).
MAX_MESSAGES = 5_000_000

# Errors that mean "this input is not what the parser expected"; anything
# else (MemoryError, KeyboardInterrupt) is left alone.
_UNEXPECTED = (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError,
               RecursionError, UnicodeError, AssertionError)  # fmt: skip


def detect_format(path: Path) -> str:
    """One of :data:`FORMATS` for a file, zip or folder.

    Raises:
        ChatImportError: "cannot tell what kind of export this is ...", an
            empty file, a damaged zip, a missing path.
    """
    with Source.open(Path(path)) as src:
        return _guarded(src, lambda: detect_source(src))


def parse_export(
    path: Path,
    *,
    fmt: str | None = None,
    tz: ZoneInfo | None = None,
    csv_mapping: CsvMapping | None = None,
    date_order: DateOrder | None = None,
    limit: int | None = None,
    attachments_from: Path | None = None,
) -> Transcript:
    """Parse an export into a :class:`Transcript`.

    Args:
        path: a file, a zip or a folder.
        fmt: a name from :data:`FORMATS`; None detects it.
        tz: zone for naive times (WhatsApp, old Telegram, some CSVs).
        csv_mapping: column mapping for generic CSV (None guesses one).
        date_order: "dmy", "mdy" or "ymd" to override WhatsApp's inference.
        limit: stop after this many lines (see :func:`preview`).
        attachments_from: for a single file, the folder holding its attachments,
            only when the rep confirmed it (else a single file has none).

    Raises:
        ChatImportError: for anything that is not a readable export.
    """
    if fmt is not None and fmt not in PARSERS:
        raise ChatImportError(
            path, None, f'unknown format "{fmt}"; use one of {", ".join(FORMATS)}'
        )
    opts = ParseOptions(tz=tz, limit=limit, csv_mapping=csv_mapping, date_order=date_order)
    with Source.open(Path(path), attachments_from=attachments_from) as src, _gc_paused():
        name = fmt or _guarded(src, lambda: detect_source(src))
        transcript = _guarded(src, lambda: PARSERS[name](src, opts))
        _check_count(src, transcript.line_count)
        return transcript


def preview(
    path: Path,
    *,
    fmt: str | None = None,
    tz: ZoneInfo | None = None,
    csv_mapping: CsvMapping | None = None,
    date_order: DateOrder | None = None,
    limit: int = PREVIEW_LINES,
    attachments_from: Path | None = None,
) -> Transcript:
    """The first ``limit`` lines of an export, cheap even for huge text files.

    Text formats (WhatsApp, CSV) stop reading after ``limit`` lines; JSON
    formats still parse the document but build only ``limit`` lines. WhatsApp
    infers the date order from the lines read, so a preview may warn where the
    full import would not.
    """
    return parse_export(
        path, fmt=fmt, tz=tz, csv_mapping=csv_mapping, date_order=date_order, limit=limit,
        attachments_from=attachments_from,
    )


@dataclass
class StreamInfo:
    """What :func:`stream_whatsapp` learns before the first line: counts and warnings."""

    messages: int = 0
    warnings: list[str] = field(default_factory=list)
    media: MediaLocator = NO_MEDIA


@contextmanager
def stream_whatsapp(
    path: Path,
    *,
    tz: ZoneInfo | None = None,
    date_order: DateOrder | None = None,
    info: StreamInfo | None = None,
    attachments_from: Path | None = None,
) -> Iterator[tuple[ChatThread, Iterator[ChatLine]]]:
    """Read a huge WhatsApp export line by line, in flat memory.

    Yields the chat (title and participants; ``lines`` stays empty) and an
    iterator of its lines, valid inside the ``with`` block. The file is read twice: once
    to learn the date order, clocks and authors, once to build lines; every
    date and time is checked in the first pass, so a bad one fails before the
    first line. ``info``, when given, is filled with the number of lines, the
    warnings (such as an assumed date order) and where the media files are.

    Raises:
        ChatImportError: as :func:`parse_export` does, also while iterating.
    """
    opts = ParseOptions(tz=tz, date_order=date_order)
    with Source.open(Path(path), attachments_from=attachments_from) as src:
        found: list[str] = []
        thread, lines, count = _guarded(src, lambda: whatsapp.iter_lines(src, opts, found))
        _check_count(src, count)
        if info is not None:
            info.messages = count
            info.warnings.extend(found)
            info.media = src.media()

        def guarded_lines() -> Iterator[ChatLine]:
            try:
                yield from lines
            except ChatImportError:
                raise
            except _UNEXPECTED as exc:
                raise src.error(None, f"could not read this export ({exc})") from exc

        yield thread, guarded_lines()


def _check_count(src: Source, count: int) -> None:
    if count > MAX_MESSAGES:
        raise src.error(None, f"this export holds {count:,} messages, more than the "
                        f"{MAX_MESSAGES:,} one import takes; split it")


def _guarded(src: Source, work: Callable[[], _T]) -> _T:
    try:
        return work()
    except ChatImportError:
        raise
    except _UNEXPECTED as exc:
        raise src.error(
            None, f"could not read this export ({exc.__class__.__name__}: {exc})"
        ) from exc


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects.

    The parsers build no reference cycles, and the collector's repeated scans
    of a growing heap cost a third of the time on a million-line export.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
