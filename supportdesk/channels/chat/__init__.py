"""Chat-export parsers: WhatsApp, Telegram, Slack, Discord, Messenger, widgets, CSV.

Pure and store-agnostic: :func:`parse_export` turns a file, zip or folder into
a :class:`Transcript` of plain dataclasses, and raises :class:`ChatImportError`
(with the file and line) for anything it cannot read.
"""

from supportdesk.channels.chat._common import DateOrder
from supportdesk.channels.chat.detect import FORMATS
from supportdesk.channels.chat.generic_csv import CsvMapping, guess_mapping
from supportdesk.channels.chat.importer import (
    PREVIEW_LINES,
    StreamInfo,
    detect_format,
    parse_export,
    preview,
    stream_whatsapp,
)
from supportdesk.channels.chat.model import (
    ChatAttachment,
    ChatImportError,
    ChatLine,
    ChatThread,
    LineKind,
    MediaLocator,
    Participant,
    Transcript,
    line_key,
    line_keys,
)

__all__ = [
    "FORMATS",
    "PREVIEW_LINES",
    "ChatAttachment",
    "ChatImportError",
    "ChatLine",
    "ChatThread",
    "CsvMapping",
    "DateOrder",
    "LineKind",
    "MediaLocator",
    "Participant",
    "StreamInfo",
    "Transcript",
    "detect_format",
    "guess_mapping",
    "line_key",
    "line_keys",
    "parse_export",
    "preview",
    "stream_whatsapp",
]
