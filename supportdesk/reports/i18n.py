"""The reports' table titles, headers and labels in the team's language (no Qt).

The team chooses the language of its reports and acknowledgements
(``team_locale.language``); :func:`localize` turns the English tables of
``reports.tables`` into that language for the files a report writes. Values
(names, subjects, numbers) are never translated: only the titles, headers,
notes, the label column and the few fixed words the tables write (yes, no,
weekday names).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from supportdesk.models.locale import TEAM_LOCALE_ID, TeamLocale
from supportdesk.reports.tables import Cell, Table

#: English text -> (Russian, Icelandic)
_TEXTS: dict[str, tuple[str, str]] = {
    "Overview": ("Сводка", "Yfirlit"),
    "Measure": ("Показатель", "Mælikvarði"),
    "Value": ("Значение", "Gildi"),
    "By channel": ("По каналам", "Eftir rás"),
    "By agent": ("По агентам", "Eftir fulltrúa"),
    "By customer": ("По клиентам", "Eftir viðskiptavini"),
    "SLA attainment (first response) by channel": ("Выполнение SLA (первый ответ) по каналам",
                                                   "SLA-árangur (fyrsta svar) eftir rás"),
    "This week against the previous four": ("Эта неделя в сравнении с четырьмя предыдущими",
                                            "Þessi vika borin saman við fjórar síðustu"),
    "Oldest conversations still waiting": ("Самые старые ожидающие обращения",
                                           "Elstu erindi sem bíða enn"),
    "Time by customer (minutes)": ("Время по клиентам (минуты)",
                                   "Tími eftir viðskiptavini (mínútur)"),
    "Contracts and prepaid balances": ("Договоры и предоплаченные остатки",
                                       "Samningar og fyrirframgreidd inneign"),
    "Work done": ("Выполненная работа", "Unnin vinna"),
    "Vendor support on your behalf": ("Поддержка поставщика от вашего имени",
                                      "Aðstoð birgis fyrir þína hönd"),
    "Totals": ("Итоги", "Samtals"),
    "Channel": ("Канал", "Rás"),
    "First responses": ("Первые ответы", "Fyrstu svör"),
    "FR median (h)": ("Медиана первого ответа (ч)", "Miðgildi fyrsta svars (klst.)"),
    "FR p90 (h)": ("p90 первого ответа (ч)", "p90 fyrsta svars (klst.)"),
    "Resolved": ("Решено", "Leyst"),
    "Resolution median (h)": ("Медиана решения (ч)", "Miðgildi úrlausnar (klst.)"),
    "Resolution p90 (h)": ("p90 решения (ч)", "p90 úrlausnar (klst.)"),
    "Measured": ("Измерено", "Mælt"),
    "Met": ("Соблюдено", "Stóðst"),
    "Attainment (%)": ("Выполнение (%)", "Árangur (%)"),
    "Agent": ("Агент", "Fulltrúi"),
    "Customer": ("Клиент", "Viðskiptavinur"),
    "Week": ("Неделя", "Vika"),
    "Opened": ("Открыто", "Opnuð"),
    "Solved": ("Решено", "Leyst"),
    "Reopened": ("Открыто повторно", "Opnuð aftur"),
    "Day": ("День", "Dagur"),
    "Ticket": ("Обращение", "Erindi"),
    "Subject": ("Тема", "Efni"),
    "Waiting since": ("Ждёт с", "Bíður síðan"),
    "Business hours waiting": ("Ожидание в рабочих часах", "Bið í vinnutíma"),
    "Organization": ("Организация", "Fyrirtæki"),
    "Conversations": ("Обращения", "Erindi"),
    "Billable": ("Оплачиваемое", "Reikningshæft"),
    "Non-billable": ("Неоплачиваемое", "Ekki reikningshæft"),
    "Vendor support": ("Поддержка поставщика", "Aðstoð birgis"),
    "Vendor phone": ("Поставщик по телефону", "Birgir í síma"),
    "Contract": ("Договор", "Samningur"),
    "Kind": ("Вид", "Tegund"),
    "Balance before": ("Остаток до", "Staða fyrir"),
    "Used": ("Использовано", "Notað"),
    "Topped up": ("Пополнено", "Fyllt á"),
    "Expired unused": ("Сгорело", "Rann út ónotað"),
    "Balance after": ("Остаток после", "Staða á eftir"),
    "Expires": ("Действует до", "Rennur út"),
    "Owed": ("К оплате", "Skuld"),
    "Currency": ("Валюта", "Gjaldmiðill"),
    "Date": ("Дата", "Dagsetning"),
    "Minutes": ("Минуты", "Mínútur"),
    "Vendor": ("Поставщик", "Birgir"),
    "Vendor case": ("Номер у поставщика", "Málsnúmer birgis"),
    "Drawn from contract": ("Списано с договора", "Dregið af samningi"),
    "Rate": ("Ставка", "Taxti"),
    "Amount": ("Сумма", "Upphæð"),
    "Vendor and their case": ("Поставщик и номер обращения", "Birgir og málsnúmer"),
    "What for": ("Зачем", "Til hvers"),
    "Unit": ("Единица", "Eining"),
    "Conversations opened": ("Открыто обращений", "Erindi opnuð"),
    "Conversations solved": ("Решено обращений", "Erindi leyst"),
    "Conversations reopened": ("Открыто повторно", "Erindi opnuð aftur"),
    "Backlog at start (open + pending)": ("Очередь в начале (открытые + ожидающие)",
                                          "Óafgreitt í upphafi (opin + í bið)"),
    "Backlog at end (open + pending)": ("Очередь в конце (открытые + ожидающие)",
                                        "Óafgreitt í lok (opin + í bið)"),
    "First response median (business h)": ("Медиана первого ответа (рабочие ч)",
                                           "Miðgildi fyrsta svars (vinnustundir)"),
    "First response p90 (business h)": ("p90 первого ответа (рабочие ч)",
                                        "p90 fyrsta svars (vinnustundir)"),
    "Resolution median (business h)": ("Медиана решения (рабочие ч)",
                                       "Miðgildi úrlausnar (vinnustundir)"),
    "Resolution p90 (business h)": ("p90 решения (рабочие ч)", "p90 úrlausnar (vinnustundir)"),
    "SLA first response measured": ("Первых ответов измерено по SLA", "Fyrstu svör mæld (SLA)"),
    "SLA first response met": ("Первый ответ в срок SLA", "Fyrsta svar innan SLA"),
    "SLA attainment (%)": ("Выполнение SLA (%)", "SLA-árangur (%)"),
    "Escalations": ("Эскалации", "Stigmagnanir"),
    "On-call pages": ("Вызовы дежурных", "Útköll á bakvakt"),
    "Auto-ack ETAs promised": ("Обещано сроков в автоответах", "Lofaður svartími"),
    "Auto-ack ETAs met": ("Обещанные сроки соблюдены", "Lofaður svartími stóðst"),
    "Auto-ack ETAs missed": ("Обещанные сроки пропущены", "Lofaður svartími stóðst ekki"),
    "Auto-ack ETAs not yet due": ("Обещанные сроки ещё не наступили",
                                  "Lofaður svartími ekki liðinn"),
    "Email": ("Эл. почта", "Tölvupóstur"),
    "Chat": ("Чат", "Spjall"),
    "Phone": ("Телефон", "Sími"),
    "All channels": ("Все каналы", "Allar rásir"),
    "Total": ("Итого", "Samtals"),
    "Total amount": ("Итоговая сумма", "Heildarupphæð"),
    "Subtotal: Billable work": ("Подытог: оплачиваемая работа",
                                "Millisamtala: reikningshæf vinna"),
    "Subtotal: Non-billable work": ("Подытог: неоплачиваемая работа",
                                    "Millisamtala: vinna sem ekki er rukkuð"),
    "Subtotal: Vendor support": ("Подытог: поддержка поставщика",
                                 "Millisamtala: aðstoð birgis"),
    "Subtotal: of which billable": ("Подытог: из них оплачиваемое",
                                    "Millisamtala: þar af reikningshæft"),
    "Subtotal: Incidents used": ("Подытог: использовано инцидентов",
                                 "Millisamtala: notuð atvik"),
    "Billable work": ("Оплачиваемая работа", "Reikningshæf vinna"),
    "Non-billable work": ("Неоплачиваемая работа", "Vinna sem ekki er rukkuð"),
    "of which billable": ("из них оплачиваемое", "þar af reikningshæft"),
    "Incidents used": ("Использовано инцидентов", "Notuð atvik"),
    "yes": ("да", "já"),
    "no": ("нет", "nei"),
    "work": ("работа", "vinna"),
    "vendor support": ("поддержка поставщика", "aðstoð birgis"),
    "minutes": ("минуты", "mínútur"),
    "incidents": ("инциденты", "atvik"),
    "Backlog at end": ("Очередь в конце", "Óafgreitt í lok"),
    "First response (median)": ("Первый ответ (медиана)", "Fyrsta svar (miðgildi)"),
    "Resolution (median)": ("Решение (медиана)", "Úrlausn (miðgildi)"),
    "SLA met": ("SLA соблюдён", "SLA stóðst"),
    "Support time and billing": ("Время поддержки и биллинг", "Þjónustutími og reikningar"),
    "{0} to {1}": ("{0} — {1}", "{0} til {1}"),
    "made {0}": ("создано {0}", "gert {0}"),
    "{0} h": ("{0} ч", "{0} klst."),
    "{0} min": ("{0} мин", "{0} mín."),
    # The knowledge base (issue 18) and the night watch (issue 16).
    "Top articles": ("Самые используемые статьи", "Mest notuðu greinarnar"),
    "Article": ("Статья", "Grein"),
    "Language": ("Язык", "Tungumál"),
    "Uses": ("Использований", "Notkun"),
    "Articles whose text or link went into replies this week.": (
        "Статьи, текст или ссылка на которые вошли в ответы на этой неделе.",
        "Greinar sem texti eða tengill fór úr í svör þessa viku."),
    "Frequent questions without an article": ("Частые вопросы без статьи",
                                              "Algengar spurningar án greinar"),
    "Question (most common subject)": ("Вопрос (самая частая тема)",
                                       "Spurning (algengasta efni)"),
    "Words": ("Слова", "Orð"),
    "New conversations with similar subjects that no article is linked to: candidates for "
    "the knowledge base.": (
        "Новые обращения с похожими темами, к которым не привязана ни одна статья: "
        "кандидаты для базы знаний.",
        "Ný erindi með svipuð efni sem engin grein er tengd við: efni í þekkingarbankann."),
    "Pages sent by the night watch": ("Вызовов отправлено ночным дежурством",
                                      "Útköll send af næturvaktinni"),
    "Median minutes to acknowledge a page": ("Медиана минут до подтверждения вызова",
                                             "Miðgildi mínútna þar til útkall er staðfest"),
    "Mon": ("Пн", "mán."), "Tue": ("Вт", "þri."), "Wed": ("Ср", "mið."),
    "Thu": ("Чт", "fim."), "Fri": ("Пт", "fös."), "Sat": ("Сб", "lau."), "Sun": ("Вс", "sun."),
    "Vendor support is time spent with a supplier's support on the customer's behalf, shown "
    "apart from the team's own work.": (
        "Поддержка поставщика — время, проведённое с поддержкой поставщика от имени клиента; "
        "показана отдельно от собственной работы команды.",
        "Aðstoð birgis er tími sem fór í samskipti við þjónustu birgis fyrir hönd "
        "viðskiptavinarins, sýndur aðskilinn frá vinnu teymisins sjálfs."),
}
#: titles with a value in them: pattern -> (Russian, Icelandic) with {0} for the value
_PATTERNS: list[tuple[re.Pattern[str], tuple[str, str]]] = [
    (re.compile(r"Customer messages by weekday and hour \((.*)\)"),
     ("Сообщения клиентов по дням недели и часам ({0})",
      "Skilaboð viðskiptavina eftir vikudegi og klukkustund ({0})")),
    (re.compile(r"Statement for (.*)"), ("Выписка для {0}", "Yfirlit fyrir {0}")),
    (re.compile(r"Weekly support summary (.*)"),
     ("Недельная сводка поддержки {0}", "Vikuyfirlit þjónustu {0}")),
]
LANGUAGES = ("ru", "is")


def report_language(session: Session) -> str:
    """The team's language for reports ("" or ``en``: English)."""
    row = session.get(TeamLocale, TEAM_LOCALE_ID)
    return row.language if row is not None else ""


def text(value: str, language: str) -> str:
    """One fixed report text in ``language`` (as it is when there is no translation)."""
    if language not in LANGUAGES:
        return value
    index = LANGUAGES.index(language)
    if value in _TEXTS:
        return _TEXTS[value][index]
    for pattern, forms in _PATTERNS:
        if (m := pattern.fullmatch(value)) is not None:
            return forms[index].format(m.group(1))
    return value


#: fixed words the tables write into value columns
_WORDS = frozenset({"yes", "no", "work", "vendor support", "minutes", "incidents", "Total",
                    "Total amount"})


def _cell(value: Cell, language: str, label: bool) -> Cell:
    if isinstance(value, str) and (label or value in _WORDS or value.startswith("Subtotal: ")):
        return text(value, language)
    return value


def localize(tables: Sequence[Table], language: str) -> list[Table]:
    """``tables`` with their titles, headers, notes and labels in ``language``."""
    if language not in LANGUAGES:
        return list(tables)
    out = []
    for t in tables:
        labels = t.name in ("overview", "heatmap", "sla_by_channel", "subtotals", "by_channel")
        rows = [[_cell(c, language, labels and i == 0) for i, c in enumerate(row)]
                for row in t.rows]
        out.append(replace(
            t, title=text(t.title, language), headers=[text(h, language) for h in t.headers],
            rows=rows, note=text(t.note, language), wide=tuple(text(w, language) for w in t.wide)))
    return out
