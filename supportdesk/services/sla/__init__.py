"""SLA time arithmetic: business calendars, due times with pauses, honest ETAs.

Pure functions and dataclasses over aware datetimes; no store, no Qt.
"""

from .calendar import (
    MIDNIGHT_END,
    WEEKDAY_NAMES,
    BusinessCalendar,
    Week,
    always_open,
    format_week,
    parse_week,
    to_utc,
)
from .eta import LANGUAGES, Eta, EtaBasis, Language, ack_text, estimate_eta, format_eta
from .policy import (
    DEFAULT_TARGETS,
    PRIORITIES,
    DueTimes,
    Pause,
    Priority,
    SlaPolicy,
    SlaState,
    SlaTargets,
    compute_due,
    default_policy,
    remaining_business,
    sla_state,
)

__all__ = [
    "DEFAULT_TARGETS",
    "LANGUAGES",
    "MIDNIGHT_END",
    "PRIORITIES",
    "WEEKDAY_NAMES",
    "BusinessCalendar",
    "DueTimes",
    "Eta",
    "EtaBasis",
    "Language",
    "Pause",
    "Priority",
    "SlaPolicy",
    "SlaState",
    "SlaTargets",
    "Week",
    "ack_text",
    "always_open",
    "compute_due",
    "default_policy",
    "estimate_eta",
    "format_eta",
    "format_week",
    "parse_week",
    "remaining_business",
    "sla_state",
    "to_utc",
]
