"""The team's phone country and language: local numbers read where the team is."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from supportdesk.models import Channel, Customer, Identity
from supportdesk.models.locale import TEAM_LOCALE_ID, TeamLocale
from supportdesk.services import actions, team_locale
from supportdesk.services.customers import normalize_phone
from supportdesk.services.workflow import team
from supportdesk.store import Store


@pytest.mark.parametrize(
    ("typed", "region", "e164"),
    [
        ("451 7759", "IS", "+3544517759"),        # 7-digit Icelandic local number
        ("4517759", "IS", "+3544517759"),
        ("8 495 123-45-67", "RU", "+74951234567"),  # Russian trunk prefix 8
        ("8 (912) 345-67-89", "RU", "+79123456789"),
        ("+1 212 555 0100", "IS", "+12125550100"),  # a + number is never re-read
        ("+354 451 7759", "RU", "+3544517759"),
        ("00354 451 7759", "RU", "+3544517759"),
    ],
)
def test_local_numbers_are_read_in_the_given_country(typed: str, region: str, e164: str) -> None:
    assert normalize_phone(typed, region).e164 == e164


def test_zone_tells_the_country() -> None:
    assert team_locale.region_for_zone("Atlantic/Reykjavik") == "IS"
    assert team_locale.region_for_zone("Europe/Moscow") == "RU"
    assert team_locale.region_for_zone("Mars/Olympus") is None


def test_team_country_follows_the_team_zone_until_chosen(store: Store) -> None:
    store.write(lambda uow: team.save_team(uow, timezone="Atlantic/Reykjavik",
                                           week_text="mon-fri 09:00-17:00"))
    with store.read() as s:
        info = team_locale.load_locale(s, ZoneInfo("America/New_York"))
        got = team_locale.call_region(s, None)
    assert (info.phone_region, info.phone_region_chosen, info.language) == ("IS", False, "")
    assert got == team_locale.CallRegion("IS", "zone")
    assert normalize_phone("451 7759", got.region).e164 == "+3544517759"

    store.write(lambda uow: team_locale.save_locale(uow, phone_region="ru", language="ru"))
    with store.read() as s:
        info = team_locale.load_locale(s)
        row = s.get(TeamLocale, TEAM_LOCALE_ID)
        assert row is not None
        assert team_locale.call_region(s, None) == team_locale.CallRegion("RU", "team")
    assert (info.phone_region, info.phone_region_chosen, info.language) == ("RU", True, "ru")

    # The language alone leaves the country as chosen.
    store.write(lambda uow: team_locale.save_locale(uow, language="is"))
    with store.read() as s:
        assert team_locale.load_locale(s) == team_locale.TeamLocaleInfo("RU", True, "is")


def test_without_a_team_zone_the_device_zone_is_used(store: Store) -> None:
    with store.read() as s:
        assert team_locale.load_locale(s, ZoneInfo("Europe/Moscow")).phone_region == "RU"
        assert team_locale.load_locale(s, ZoneInfo("UTC"), "GB").phone_region == "GB"


@pytest.mark.parametrize("bad", ["XX", "Iceland", ""])
def test_unknown_countries_and_languages_are_refused(store: Store, bad: str) -> None:
    with pytest.raises(team_locale.TeamLocaleError, match="two-letter code"):
        store.write(lambda uow: team_locale.save_locale(uow, phone_region=bad))
    with pytest.raises(team_locale.TeamLocaleError, match="language"):
        store.write(lambda uow: team_locale.save_locale(uow, language="de"))
    with store.read() as s:
        assert s.get(TeamLocale, TEAM_LOCALE_ID) is None


def test_the_customer_country_wins_over_the_team(store: Store) -> None:
    store.write(lambda uow: team_locale.save_locale(uow, phone_region="IS"))

    def work(uow):  # type: ignore[no-untyped-def]
        cust = uow.add(Customer(name="Наталья"))
        uow.add(Identity(customer_id=cust.id, kind="phone", value="+74951234567",
                         display="+7 495 123-45-67", search_key="74951234567"))
        ru = actions.create_conversation(uow, channel=Channel.PHONE, customer_id=cust.id)
        other = uow.add(Customer(name="Sigrún"))  # no phone on record
        nobody = actions.create_conversation(uow, channel=Channel.EMAIL, customer_id=other.id)
        return ru.id, nobody.id

    ru, nobody = store.write(work)
    with store.read() as s:
        assert team_locale.call_region(s, ru) == team_locale.CallRegion("RU", "customer")
        assert team_locale.call_region(s, nobody) == team_locale.CallRegion("IS", "team")
    assert normalize_phone("8 495 765-43-21", "RU").e164 == "+74957654321"


def test_team_locale_syncs() -> None:
    from supportdesk.sync.schema import registry

    spec = registry()["team_locale"]
    assert {"phone_region", "language"} <= set(spec.fields)


def test_acknowledgements_fall_back_to_the_team_language() -> None:
    from supportdesk.services.workflow.autoack import customer_language

    assert customer_language(None, None, "is") == "is"
    assert customer_language("ru", None, "is") == "ru"      # the customer's wins
    assert customer_language(None, "ru-RU", "is") == "ru"   # then the message's
    assert customer_language(None, None, "") == "en"
    assert customer_language(None, None) == "en"
