"""Chat exports into the store: each chat a conversation, each line a message.

``import_chat_export`` does the work (CLI, dialog, benchmark); ``inspect_export``
reads what the dialog previews; ``ImportSummary`` says what happened.
"""

from supportdesk.services.chat_import.kinds import looks_like_mail
from supportdesk.services.chat_import.people import NETWORKS, UsMatcher, chat_sides, suggest_us
from supportdesk.services.chat_import.preview import (
    ChatInfo,
    ExportPreview,
    PersonInfo,
    csv_headers,
    import_time,
    inspect_export,
    match_people,
    parse_columns,
)
from supportdesk.services.chat_import.run import (
    chat_key,
    conversation_id_for,
    import_chat_export,
)
from supportdesk.services.chat_import.summary import (
    DEFAULT_BATCH,
    DEFAULT_HISTORY_DAYS,
    FORMAT_LABELS,
    ChatImportInterruptedError,
    ChatImportRefusedError,
    ChatOutcome,
    ImportOptions,
    ImportSummary,
    PersonChoice,
    PersonOutcome,
    Side,
)
from supportdesk.services.chat_import.zones import (
    UnknownZoneError,
    local_zone,
    zone_name,
    zone_named,
)

__all__ = [
    "DEFAULT_BATCH",
    "DEFAULT_HISTORY_DAYS",
    "FORMAT_LABELS",
    "NETWORKS",
    "ChatImportInterruptedError",
    "ChatImportRefusedError",
    "ChatInfo",
    "ChatOutcome",
    "ExportPreview",
    "ImportOptions",
    "ImportSummary",
    "PersonChoice",
    "PersonInfo",
    "PersonOutcome",
    "Side",
    "UnknownZoneError",
    "UsMatcher",
    "chat_key",
    "chat_sides",
    "conversation_id_for",
    "csv_headers",
    "import_chat_export",
    "import_time",
    "inspect_export",
    "local_zone",
    "looks_like_mail",
    "match_people",
    "parse_columns",
    "suggest_us",
    "zone_name",
    "zone_named",
]
