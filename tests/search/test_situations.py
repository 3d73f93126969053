"""A parent's situation: the generalist door of social needs, someone else's situation, who eats."""

import pytest

from ookbalans.catalogue.models import Service
from ookbalans.search import ranking
from ookbalans.search.engine import search, understood
from ookbalans.search.understanding import Need
from tests.search.demo_region import coalition

pytestmark = pytest.mark.django_db

DOORS = {
    "Vraag het Sociaal Team Zutphen",
    "Vraag het Sociaal Team Lochem",
    "Gezinscoach Sociaal Team Zutphen",
}


def names(query):
    outcome = search(query, Service.objects.all(), coalition=coalition())
    return [service.name for service, _score in outcome.hits]


def carrying(query):
    analysis = understood(query, coalition().pk)
    return {code for need in analysis.needs if not need.situation for code in need.codes}, analysis


def test_a_door_meets_social_needs_and_stacked_problems_beside_them():
    debts = Need(
        words=("schulden",), keys=("schuld",), codes=frozenset({"schulden"}), factors=frozenset({"financien"})
    )
    sleep = Need(
        words=("slaapt",), keys=("slap",), codes=frozenset({"slapen"}), factors=frozenset({"temperament"})
    )
    common = Need(words=("maanden",), keys=("maand",), generic=True)
    assert ranking.door_needs((debts,)) == [ranking.DOOR]
    assert ranking.door_needs((debts, sleep, common)) == [ranking.DOOR, ranking.BESIDE_DOOR, 0.0]
    assert ranking.door_needs((sleep,)) == [0.0]  # a child's sleep alone is no social situation
    beside = Need(words=("schulden",), keys=("schuld",), codes=frozenset({"schulden"}), situation=True)
    assert not ranking.social(beside)


def test_housing_without_a_housing_service_finds_the_social_team(demo):
    found = names("wij vinden al maanden geen woning")
    assert found and set(found[:3]) <= DOORS


def test_a_service_about_the_need_comes_before_the_door(demo):
    found = names("schulden")
    assert found[0] == "Schuldhulpverlening"
    assert DOORS & set(found[:8])
    assert names("mijn man slaat mij")[0] == "Veilig Thuis: advies bij geweld of zorgen thuis"


def test_stacked_problems_bring_the_door_and_the_services_about_each(demo):
    found = names("ik heb schulden, ruzie met mijn man en mijn peuter slaapt slecht")
    assert DOORS & set(found[:3])
    assert "Schuldhulpverlening" in found[:6]


def test_someone_elses_situation_is_who_not_what(demo):
    codes, analysis = carrying("mijn zus is zwanger en heeft geen geld voor babyspullen")
    assert "babyuitzet" in codes and "broertjes_zusjes" not in codes
    assert names("mijn buurvrouw is zwanger en heeft geen geld voor babyspullen")[0] == (
        "Babyuitzet: gratis babyspullen"
    )
    _codes, analysis = carrying("mijn buurvrouw is zwanger en heeft geen geld voor babyspullen")
    assert all(need.situation for need in analysis.needs if need.words == ("buurvrouw",))
    # a child's sibling is still the need
    assert "broertjes_zusjes" in carrying("hij is jaloers op zijn zusje")[0]


def test_who_does_not_eat_chooses_the_concept(demo):
    assert "eetproblemen" in carrying("mijn dochter wil bijna niks eten")[0]
    assert "eetproblemen" in carrying("hij wil bijna niks eten en spuugt alles uit")[0]
    assert "voedselbank" not in carrying("hij wil bijna niks eten")[0]
    assert "voedselbank" in carrying("we hebben niks te eten")[0]
    assert "voedselbank" in carrying("ik heb niks te eten voor de kinderen")[0]


def test_a_negated_phrase_of_the_concept_keeps_its_factors(demo):
    _codes, analysis = carrying("wij vinden geen woning")
    housing = [need for need in analysis.needs if "dakloosheid" in need.codes]
    assert housing and "financien" in housing[0].factors


def test_beside_who_and_in_what_form_a_noun_is_asked(demo):
    _codes, analysis = carrying("Bestaat er een cursus Spaans voor peuters?")
    spanish = [need for need in analysis.needs if need.words == ("spaans",)]
    assert spanish and not spanish[0].situation
    assert "Ouderavond 'Nee! De peuterpuberteit'" not in names("Bestaat er een cursus Spaans voor peuters?")
