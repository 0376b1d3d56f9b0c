"""Customer ETAs, their phrasing in en/ru/is and the acknowledgement text."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportdesk.services.sla import (
    LANGUAGES,
    PRIORITIES,
    SlaPolicy,
    SlaTargets,
    ack_text,
    always_open,
    default_policy,
    estimate_eta,
    format_eta,
    to_utc,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")
POLICY = default_policy(LONDON)
MIN = timedelta(minutes=1)
MON, TUE, SAT = (2024, 3, 11), (2024, 3, 12), (2024, 3, 9)


def at(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, tz: ZoneInfo = LONDON
) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=tz)


# --- estimate_eta ---------------------------------------------------------------------


def test_empty_queue_promises_the_sla_due_time() -> None:
    eta = estimate_eta(POLICY, "normal", at(*MON, 10), at(*MON, 10), 0, 20, 2)
    assert (eta.promised_at, eta.basis) == (at(*MON, 14), "sla")
    assert eta.promised_at.tzinfo is LONDON


def test_long_queue_moves_the_promise_later() -> None:
    # 30 ahead x 20 min / 2 agents = 300 min = 5 h from Mon 10:00 -> 15:00, after the 14:00 target.
    eta = estimate_eta(POLICY, "normal", at(*MON, 10), at(*MON, 10), 30, 20, 2)
    assert (eta.promised_at, eta.basis) == (at(*MON, 15), "queue")
    assert eta.sla_due == at(*MON, 14)
    assert "30 ahead" in eta.explanation


def test_queue_work_runs_in_business_time_across_the_night() -> None:
    # Received 16:00 Mon: SLA 1 h Mon + 3 h Tue -> Tue 12:00.
    # 10 x 15 min = 150 min: 60 Mon + 90 Tue -> Tue 10:30, earlier: keep the SLA time.
    short = estimate_eta(POLICY, "normal", at(*MON, 16), at(*MON, 16), 10, 15, 1)
    assert (short.promised_at, short.basis) == (at(*TUE, 12), "sla")
    assert short.queue_clear_at == at(*TUE, 10, 30)
    # 20 x 15 min = 300 min: 60 Mon + 240 Tue -> Tue 13:00, later than the SLA.
    long = estimate_eta(POLICY, "normal", at(*MON, 16), at(*MON, 16), 20, 15, 1)
    assert (long.promised_at, long.basis) == (at(*TUE, 13), "queue")


def test_promise_rounds_up_to_a_quarter_hour() -> None:
    # SLA was due 13:00 (already past). 7 x 10 min / 3 agents = 23 min 20 s from 13:50
    # -> 14:13:20, rounded up to 14:15.
    eta = estimate_eta(POLICY, "normal", at(*MON, 9), at(*MON, 13, 50), 7, 10, 3)
    assert (eta.promised_at, eta.basis) == (at(*MON, 14, 15), "queue")


def test_overdue_with_empty_queue_promises_as_soon_as_possible() -> None:
    # SLA due 13:00 has passed; now 15:07 -> 15:15, never in the past.
    eta = estimate_eta(POLICY, "normal", at(*MON, 9), at(*MON, 15, 7), 0, 10, 2)
    assert (eta.promised_at, eta.basis) == (at(*MON, 15, 15), "asap")


def test_closed_now_counts_from_next_opening() -> None:
    # Saturday 10:00, SLA: Mon 09:00 + 4 h = 13:00.
    eta = estimate_eta(POLICY, "normal", at(*SAT, 10), at(*SAT, 10), 0, 10, 2)
    assert (eta.promised_at, eta.basis) == (at(*MON, 13), "sla")
    # With no first-response target the earliest realistic answer is Monday's opening.
    no_target = SlaPolicy("None", POLICY.calendar, dict.fromkeys(PRIORITIES, SlaTargets(None)))
    eta = estimate_eta(no_target, "normal", at(*SAT, 10), at(*SAT, 10), 0, 10, 2)
    assert (eta.promised_at, eta.basis) == (at(*MON, 9), "asap")


def test_no_agents_counts_as_one() -> None:
    # Low SLA 8 h from Mon 10:00: 7 h Monday + 1 h Tuesday -> Tue 10:00.
    # Queue with 0 agents counted as 1: 20 x 30 min = 10 h: 7 h Mon + 3 h Tue -> Tue 12:00.
    eta = estimate_eta(POLICY, "low", at(*MON, 10), at(*MON, 10), 20, 30, 0)
    assert (eta.promised_at, eta.basis) == (at(*TUE, 12), "queue")
    assert eta.sla_due == at(*TUE, 10)


@pytest.mark.parametrize(
    ("queue", "minutes", "agents"), [(-1, 10.0, 1), (1, -5.0, 1), (1, math.nan, 1), (1, 5.0, -1)]
)
def test_bad_queue_figures_are_refused(queue: int, minutes: float, agents: int) -> None:
    with pytest.raises(ValueError):
        estimate_eta(POLICY, "normal", at(*MON, 9), at(*MON, 9), queue, minutes, agents)


# Midnight UTC on the Mondays before London's spring and autumn clock changes.
BASES = (datetime(2024, 3, 25, tzinfo=UTC), datetime(2024, 10, 21, tzinfo=UTC))
ROUND_THE_CLOCK = SlaPolicy(
    "24/7", always_open(LONDON), dict.fromkeys(PRIORITIES, SlaTargets(timedelta(hours=3)))
)


@settings(max_examples=150, deadline=None)
@given(
    policy=st.sampled_from([POLICY, ROUND_THE_CLOCK]),
    base=st.sampled_from(BASES),
    received_min=st.integers(0, 10 * 24 * 60),
    wait_min=st.integers(0, 5 * 24 * 60),
    queue=st.integers(0, 200),
    handling=st.floats(0, 120, allow_nan=False),
    agents=st.integers(0, 8),
    priority=st.sampled_from(PRIORITIES),
)
def test_eta_is_honest(
    policy: SlaPolicy,
    base: datetime,
    received_min: int,
    wait_min: int,
    queue: int,
    handling: float,
    agents: int,
    priority: str,
) -> None:
    received = base + received_min * MIN
    now = received + wait_min * MIN
    eta = estimate_eta(policy, priority, received, now, queue, handling, agents)
    floor = max(to_utc(policy.calendar.next_open(now)), to_utc(eta.queue_clear_at))
    if eta.sla_due is not None:
        floor = max(floor, to_utc(eta.sla_due))
    promised = to_utc(eta.promised_at)
    assert promised >= to_utc(now)
    assert floor <= promised < floor + 15 * MIN
    assert eta.promised_at.astimezone(UTC).minute % 15 == 0
    assert eta.promised_at.second == eta.promised_at.microsecond == 0


# --- format_eta -----------------------------------------------------------------------

# Tue 12 Mar 2024 14:30 GMT is 10:30 in New York (EDT since 10 March).
ETA_AT = at(*TUE, 14, 30)


@pytest.mark.parametrize(
    ("now", "en", "ru", "is_"),
    [
        (
            at(*TUE, 8, tz=NEW_YORK),
            "by 10:30 today (your time)",
            "сегодня до 10:30 (по вашему времени)",
            "fyrir kl. 10:30 í dag (að þínum staðartíma)",
        ),
        (
            at(*MON, 23, tz=NEW_YORK),
            "by 10:30 tomorrow (your time)",
            "завтра до 10:30 (по вашему времени)",
            "fyrir kl. 10:30 á morgun (að þínum staðartíma)",
        ),
        (
            at(*SAT, 9, tz=NEW_YORK),
            "by Tuesday 10:30 (your time)",
            "во вторник до 10:30 (по вашему времени)",
            "fyrir kl. 10:30 á þriðjudag (að þínum staðartíma)",
        ),
        (
            at(2024, 3, 1, 9, tz=NEW_YORK),
            "by Tuesday 12 March, 10:30 (your time)",
            "во вторник, 12 марта, до 10:30 (по вашему времени)",
            "fyrir kl. 10:30 þriðjudaginn 12. mars (að þínum staðartíma)",
        ),
        (
            at(2023, 12, 28, 9, tz=NEW_YORK),
            "by Tuesday 12 March 2024, 10:30 (your time)",
            "во вторник, 12 марта 2024 г., до 10:30 (по вашему времени)",
            "fyrir kl. 10:30 þriðjudaginn 12. mars 2024 (að þínum staðartíma)",
        ),
    ],
)
def test_format_eta(now: datetime, en: str, ru: str, is_: str) -> None:
    assert format_eta(ETA_AT, NEW_YORK, "en", now) == en
    assert format_eta(ETA_AT, NEW_YORK, "ru", now) == ru
    assert format_eta(ETA_AT, NEW_YORK, "is", now) == is_


def test_format_eta_uses_the_customers_date() -> None:
    # Mon 16:00 GMT is Tue 03:00 on Lord Howe Island (+11); it is Mon 21:00 there now.
    eta_at, now = at(*MON, 16), at(*MON, 10)
    assert format_eta(eta_at, LORD_HOWE, "en", now) == "by 03:00 tomorrow (your time)"


def test_weekday_forms() -> None:
    # Each ETA two days ahead, Saturday 9 March .. Friday 15 March 2024, at 12:00 UTC.
    ru, is_ = [], []
    for n in range(7):
        eta_at = datetime(2024, 3, 9 + n, 12, tzinfo=UTC)
        now = eta_at - timedelta(days=2)
        ru.append(format_eta(eta_at, ZoneInfo("UTC"), "ru", now).split(" до ")[0])
        is_.append(
            format_eta(eta_at, ZoneInfo("UTC"), "is", now)
            .split(" (")[0]
            .removeprefix("fyrir kl. 12:00 ")
        )
    assert ru == [
        "в субботу",
        "в воскресенье",
        "в понедельник",
        "во вторник",
        "в среду",
        "в четверг",
        "в пятницу",
    ]
    assert is_ == [
        "á laugardag",
        "á sunnudag",
        "á mánudag",
        "á þriðjudag",
        "á miðvikudag",
        "á fimmtudag",
        "á föstudag",
    ]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        format_eta(ETA_AT, NEW_YORK, "de", at(*MON, 9))


# --- ack_text -------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_ack_carries_reference_and_eta(language: str) -> None:
    phrase = format_eta(ETA_AT, NEW_YORK, language, at(*SAT, 9, tz=NEW_YORK))
    subject, body = ack_text(language, "Anna", "SD-1042", phrase)
    assert subject.startswith("[SD-1042]")
    assert "SD-1042" in body
    assert phrase in body
    assert "Anna" in body.splitlines()[0]


def test_ack_english_text() -> None:
    subject, body = ack_text("en", "Anna", "SD-1042", "by Tuesday 10:30 (your time)")
    assert subject == "[SD-1042] received"
    assert body.startswith("Hi Anna,\n\nThank you for getting in touch.")
    assert "A person on our team will reply by Tuesday 10:30 (your time)." in body
    assert body.endswith("Kind regards,\nThe support team\n")


def test_ack_russian_and_icelandic_greetings_and_signatures() -> None:
    _, ru = ack_text("ru", "", "SD-7", "завтра до 10:30 (по вашему времени)", team_name="Acme")
    assert ru.startswith("Здравствуйте!\n\n")
    assert "Сотрудник нашей команды ответит вам завтра до 10:30 (по вашему времени)." in ru
    assert ru.endswith("Служба поддержки Acme\n")
    _, is_ = ack_text("is", "Jón", "SD-7", "fyrir kl. 10:30 á morgun (að þínum staðartíma)")
    assert is_.startswith("Góðan dag, Jón,\n\n")
    assert "Starfsmaður okkar svarar þér fyrir kl. 10:30 á morgun" in is_


def test_ack_strips_header_injection() -> None:
    subject, body = ack_text("en", "Eve\r\nBcc: x@example.com", "SD-1\r\nX: y", "by 10:30 today")
    assert "\r" not in subject and "\n" not in subject
    assert body.splitlines()[0] == "Hi Eve Bcc: x@example.com,"


def test_ack_needs_reference_and_eta() -> None:
    with pytest.raises(ValueError):
        ack_text("en", "Anna", " ", "by 10:30 today")
    with pytest.raises(ValueError):
        ack_text("en", "Anna", "SD-1", "")
