"""CSV reports in the team's language: headers and labels translated, values as they are."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from supportdesk.reports import csv_export
from supportdesk.reports.i18n import localize, report_language
from supportdesk.reports.tables import weekly_tables
from supportdesk.services import team_locale
from tests.reports.conftest import Fixture
from tests.reports.test_exports import _billing, _weekly


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


@pytest.mark.parametrize(
    ("lang", "opened", "day", "total", "customer"),
    [("ru", "Открыто обращений", "День", "Итого", "Клиент"),
     ("is", "Erindi opnuð", "Dagur", "Samtals", "Viðskiptavinur")],
)
def test_csv_in_the_team_language(
    hand: Fixture, tmp_path: Path, lang: str, opened: str, day: str, total: str, customer: str
) -> None:
    hand.store.write(lambda uow: team_locale.save_locale(uow, language=lang))
    with hand.store.read() as session:
        assert report_language(session) == lang
    w = _weekly(hand)
    csv_export.export_weekly(w, tmp_path / "w", language=lang)
    overview = {row[0]: row[1] for row in _read(tmp_path / "w" / "overview.csv")[1:]}
    assert int(overview[opened]) == w.opened == 3  # the value is untouched
    heat = _read(tmp_path / "w" / "heatmap.csv")
    assert heat[0][0] == day and heat[0][1] == "00"
    by_customer = _read(tmp_path / "w" / "by_customer.csv")
    assert by_customer[0][0] == customer
    assert "Ольга Попова" in [r[0] for r in by_customer]  # names never translated
    files = csv_export.export_billing(_billing(hand), tmp_path / "b", language=lang)
    rows = _read(files[0])
    assert total in [r[0] for r in rows[1:]]
    assert "Jón Sigurðsson" in [r[0] for r in rows[1:]]


def test_english_and_unknown_languages_leave_the_tables_alone(hand: Fixture) -> None:
    tables = weekly_tables(_weekly(hand))
    assert localize(tables, "") == tables
    assert localize(tables, "en") == tables
    assert localize(tables, "de") == tables
    every = {h for t in localize(tables, "ru") for h in t.headers if h.isascii() and h.strip()}
    assert every <= {f"{h:02d}" for h in range(24)}  # only the hour columns stay as they are


def test_html_in_the_team_language(hand: Fixture) -> None:
    from supportdesk.reports import html_export

    doc = html_export.weekly_html(_weekly(hand), "ru")
    assert '<html lang="ru">' in doc
    assert "Недельная сводка поддержки 2026-W43" in doc and "Открыто обращений" in doc
    assert "Weekly support summary" not in doc and "Conversations opened" not in doc
    bill = html_export.billing_html(_billing(hand), "is")
    assert "Þjónustutími og reikningar" in bill and "Yfirlit fyrir Jón Sigurðsson" in bill
    assert "Support time and billing" not in bill
    english = html_export.weekly_html(_weekly(hand))
    assert '<html lang="en">' in english and "Conversations opened" in english
