"""An honest ETA for the customer, and the auto-acknowledgement that carries it.

The promise is the SLA first-response due time, moved later only when the
queue ahead says the team cannot make it, never before the team is at work,
never in the past, and rounded *up* to a quarter hour.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal, get_args
from zoneinfo import ZoneInfo

from .calendar import ZERO, to_utc
from .policy import Pause, SlaPolicy, compute_due

__all__ = [
    "LANGUAGES",
    "Eta",
    "EtaBasis",
    "Language",
    "ack_text",
    "estimate_eta",
    "format_eta",
]

Language = Literal["en", "ru", "is"]
LANGUAGES: tuple[Language, ...] = get_args(Language)

#: Why the promise is what it is: the SLA target, the queue ahead, or simply
#: the first moment someone is at work (the target has passed, queue empty).
EtaBasis = Literal["sla", "queue", "asap"]

GRANULARITY = timedelta(minutes=15)


@dataclass(frozen=True)
class Eta:
    """A promised first-answer time and how it was reached."""

    promised_at: datetime
    basis: EtaBasis
    explanation: str
    sla_due: datetime | None
    queue_clear_at: datetime


def _fmt_duration(amount: timedelta) -> str:
    minutes = math.ceil(amount / timedelta(minutes=1))
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return f"{hours} h {minutes} min"
    return f"{hours} h" if hours else f"{minutes} min"


def _round_up(moment: datetime, step: timedelta) -> datetime:
    """Round up to a multiple of ``step`` since the Unix epoch.

    Every zone in use today is offset from UTC by whole quarter hours, so a
    quarter hour in UTC is a quarter hour on the customer's clock too.
    """
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    steps = math.ceil((to_utc(moment) - epoch) / step)
    return epoch + steps * step


def estimate_eta(
    policy: SlaPolicy,
    priority: str,
    received_at: datetime,
    now: datetime,
    queue_ahead: int,
    handling_minutes_per_conversation: float,
    agents_available: int,
    *,
    pauses: Sequence[Pause] = (),
    granularity: timedelta = GRANULARITY,
) -> Eta:
    """When to promise the first answer.

    The queue estimate is ``queue_ahead * handling / agents`` minutes of
    business time from ``now``. Fewer than one agent counts as one: the team
    still answers during business hours. The promise is the latest of the SLA
    due time, the queue estimate and the next moment the team is at work,
    rounded up to ``granularity``.

    Returns:
        An :class:`Eta` in the policy calendar's zone.
    """
    if queue_ahead < 0 or agents_available < 0:
        raise ValueError("queue_ahead and agents_available must not be negative")
    if (
        not math.isfinite(handling_minutes_per_conversation)
        or handling_minutes_per_conversation < 0
    ):
        raise ValueError("handling_minutes_per_conversation must be a finite, non-negative number")
    if granularity <= ZERO:
        raise ValueError("granularity must be positive")
    calendar = policy.calendar
    agents = max(1, agents_available)
    work = timedelta(
        seconds=math.ceil(queue_ahead * handling_minutes_per_conversation * 60 / agents)
    )
    # Compare in UTC: same-zone comparisons ignore the DST fold.
    earliest = to_utc(calendar.next_open(now))
    queue_clear = to_utc(calendar.add_business_time(now, work))
    sla_due = compute_due(policy, priority, received_at, pauses).first_response_due
    sla_due_utc = None if sla_due is None else to_utc(sla_due)

    promised = earliest
    basis: EtaBasis = "asap"
    explanation = "as soon as the team is at work"
    if work > ZERO and queue_clear > promised:
        promised, basis = queue_clear, "queue"
        explanation = (
            f"queue: {queue_ahead} ahead x {handling_minutes_per_conversation:g} min"
            f" / {agents} agent(s) = {_fmt_duration(work)} of business time"
        )
    if sla_due_utc is not None and sla_due_utc >= promised:
        target = policy.targets(priority).first_response
        promised, basis = sla_due_utc, "sla"
        explanation = f"first-response target: {_fmt_duration(target or ZERO)} of business time"
    promised = _round_up(promised, granularity)
    return Eta(
        promised.astimezone(calendar.tz),
        basis,
        explanation,
        sla_due,
        queue_clear.astimezone(calendar.tz),
    )


# ---------------------------------------------------------------------------
# Customer-facing phrases

_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# "on Tuesday" takes the accusative in Russian; "во" before "вторник".
_RU_ON_DAY = (
    "в понедельник", "во вторник", "в среду", "в четверг",
    "в пятницу", "в субботу", "в воскресенье",
)  # fmt: skip
_RU_MONTHS_GEN = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
# Icelandic: "á þriðjudag" (accusative) without a date, "þriðjudaginn 19. mars" with one.
_IS_ON_DAY = (
    "á mánudag", "á þriðjudag", "á miðvikudag", "á fimmtudag",
    "á föstudag", "á laugardag", "á sunnudag",
)  # fmt: skip
_IS_DAY_DEF = (
    "mánudaginn", "þriðjudaginn", "miðvikudaginn", "fimmtudaginn",
    "föstudaginn", "laugardaginn", "sunnudaginn",
)  # fmt: skip
_IS_MONTHS = (
    "janúar", "febrúar", "mars", "apríl", "maí", "júní",
    "júlí", "ágúst", "september", "október", "nóvember", "desember",
)  # fmt: skip


def _check_language(language: str) -> Language:
    for known in LANGUAGES:
        if language == known:
            return known
    raise ValueError(f"unsupported language {language!r}; use one of {', '.join(LANGUAGES)}")


def format_eta(eta_at: datetime, customer_tz: ZoneInfo, language: str, now: datetime) -> str:
    """A short phrase for the customer, on their clock.

    Today and tomorrow are named as such, the next days by weekday, later
    dates in full (with the year when it differs), e.g. ``by Tuesday 14:30
    (your time)``, ``во вторник до 14:30 (по вашему времени)``, ``fyrir kl.
    14:30 á þriðjudag (að þínum staðartíma)``.
    """
    lang = _check_language(language)
    local = eta_at.astimezone(customer_tz)
    today = now.astimezone(customer_tz).date()
    days = (local.date() - today).days
    hm = f"{local:%H:%M}"
    wd, day, month, year = local.weekday(), local.day, local.month - 1, local.year
    year_part = year != today.year
    if lang == "en":
        if days <= 1:
            when = f"by {hm} {'today' if days <= 0 else 'tomorrow'}"
        elif days < 7:
            when = f"by {_EN_DAYS[wd]} {hm}"
        else:
            year_text = f" {year}" if year_part else ""
            when = f"by {_EN_DAYS[wd]} {day} {_EN_MONTHS[month]}{year_text}, {hm}"
        return f"{when} (your time)"
    if lang == "ru":
        if days <= 1:
            when = f"{'сегодня' if days <= 0 else 'завтра'} до {hm}"
        elif days < 7:
            when = f"{_RU_ON_DAY[wd]} до {hm}"
        else:
            year_text = f" {year} г." if year_part else ""
            when = f"{_RU_ON_DAY[wd]}, {day} {_RU_MONTHS_GEN[month]}{year_text}, до {hm}"
        return f"{when} (по вашему времени)"
    if days <= 1:
        when = f"fyrir kl. {hm} {'í dag' if days <= 0 else 'á morgun'}"
    elif days < 7:
        when = f"fyrir kl. {hm} {_IS_ON_DAY[wd]}"
    else:
        year_text = f" {year}" if year_part else ""
        when = f"fyrir kl. {hm} {_IS_DAY_DEF[wd]} {day}. {_IS_MONTHS[month]}{year_text}"
    return f"{when} (að þínum staðartíma)"


# ---------------------------------------------------------------------------
# Auto-acknowledgement

_ACK = {
    "en": (
        "[{ref}] received",
        "{greeting}\n\n"
        "Thank you for getting in touch. Your message has reached our support team"
        " and is logged as {ref}.\n\n"
        "A person on our team will reply {eta}. If that changes, we will tell you"
        " rather than leave you waiting.\n\n"
        "If you have anything to add (screenshots, an order number, the steps that"
        " led to the problem), simply reply to this email and keep {ref} in the"
        " subject line: it goes straight into the same conversation.\n\n"
        "Kind regards,\n{signature}\n",
    ),
    "ru": (
        "[{ref}] получено",
        "{greeting}\n\n"
        "Спасибо, что написали нам. Ваше обращение получено службой поддержки"
        " и зарегистрировано под номером {ref}.\n\n"
        "Сотрудник нашей команды ответит вам {eta}. Если срок изменится, мы сразу"
        " сообщим об этом, а не оставим вас в ожидании.\n\n"
        "Если хотите что-то добавить (скриншоты, номер заказа, шаги, после которых"
        " возникла проблема), просто ответьте на это письмо, сохранив {ref} в теме:"
        " сообщение попадёт в то же обращение.\n\n"
        "С уважением,\n{signature}\n",
    ),
    "is": (
        "[{ref}] móttekið",
        "{greeting}\n\n"
        "Takk fyrir að hafa samband. Erindið þitt hefur borist þjónustuverinu okkar"
        " og er skráð sem {ref}.\n\n"
        "Starfsmaður okkar svarar þér {eta}. Ef það breytist látum við þig vita"
        " frekar en að láta þig bíða.\n\n"
        "Ef þú vilt bæta einhverju við (skjáskotum, pöntunarnúmeri eða lýsingu á því"
        " sem gerðist) skaltu einfaldlega svara þessum pósti og halda {ref} í"
        " efnislínunni: þá fer það beint í sama mál.\n\n"
        "Bestu kveðjur,\n{signature}\n",
    ),
}

_GREETING = {
    "en": ("Hi {name},", "Hello,"),
    "ru": ("Здравствуйте, {name}!", "Здравствуйте!"),
    "is": ("Góðan dag, {name},", "Góðan dag,"),
}

_SIGNATURE = {
    "en": ("The {team} support team", "The support team"),
    "ru": ("Служба поддержки {team}", "Служба поддержки"),
    "is": ("Þjónustuver {team}", "Þjónustuverið"),
}


def _clean(text: str | None) -> str:
    """One line of text: control characters (CR/LF too) become spaces, runs collapse."""
    return re.sub(r"[\x00-\x1f\x7f\s]+", " ", text or "").strip()


def ack_text(
    language: str,
    customer_name: str | None,
    ticket_ref: str,
    eta_phrase: str,
    *,
    team_name: str | None = None,
) -> tuple[str, str]:
    """The automatic acknowledgement.

    Args:
        language: ``en``, ``ru`` or ``is``.
        customer_name: How to address the customer; empty for a neutral greeting.
        ticket_ref: The human ticket reference, e.g. ``SD-1042``.
        eta_phrase: From :func:`format_eta` in the same language.
        team_name: Optional, used in the signature.

    Returns:
        ``(subject_suffix, body)``; the suffix carries the reference so that
        replies thread, and is safe to put in a header (no CR/LF).
    """
    lang = _check_language(language)
    name, ref, eta, team = (_clean(v) for v in (customer_name, ticket_ref, eta_phrase, team_name))
    if not ref or not eta:
        raise ValueError("ticket_ref and eta_phrase must not be empty")
    with_name, without_name = _GREETING[lang]
    greeting = with_name.format(name=name) if name else without_name
    with_team, without_team = _SIGNATURE[lang]
    signature = with_team.format(team=team) if team else without_team
    subject, body = _ACK[lang]
    return (
        subject.format(ref=ref),
        body.format(greeting=greeting, ref=ref, eta=eta, signature=signature),
    )
