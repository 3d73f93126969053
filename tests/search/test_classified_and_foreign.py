"""Services found through the factors they are classified with, and real words of other languages."""

import pytest

from ookbalans.catalogue.models import Service
from ookbalans.search import search_services
from ookbalans.search.engine import understood
from ookbalans.search.ranking import CLASSIFIED_FILL
from tests.factories import CoalitionFactory, ServiceFactory, term

pytestmark = pytest.mark.django_db


def names(query, coalition):
    return [
        service.name for service, _ in search_services(query, Service.objects.filter(coalition=coalition))
    ]


def classify(service, *factors):
    service.factors.set([term("factor", code) for code in factors])


@pytest.fixture
def region():
    coalition = CoalitionFactory()
    about = ServiceFactory(
        coalition=coalition,
        name_nl="Koffieochtend tegen eenzaamheid",
        short_description_nl="Voel je je eenzaam met een baby? Drink koffie met andere ouders.",
    )
    # A mothers' group whose text never names loneliness, classified for social contacts (the
    # factor the thesaurus' concept of loneliness points at).
    group = ServiceFactory(
        coalition=coalition,
        name_nl="Moedergroep De Linde",
        short_description_nl="Elke dinsdag praten moeders over opvoeden, met een tolk.",
    )
    other = ServiceFactory(
        coalition=coalition,
        name_nl="Fietsles voor moeders",
        short_description_nl="Leer fietsen in een groep.",
    )
    return coalition, about, group, other


def test_a_service_classified_for_the_need_follows_those_whose_text_names_it(region):
    coalition, about, group, other = region
    assert names("eenzaam", coalition) == [about.name]
    classify(group, "sociale_contacten")  # re-indexed by the signal on the factors
    classify(other, "gezondheid_kind")
    assert names("eenzaam", coalition) == [about.name, group.name]


def test_a_classification_alone_never_makes_something_fit(region):
    coalition, about, group, _other = region
    classify(group, "sociale_contacten")
    about.delete()
    assert names("eenzaam", coalition) == []


def test_classified_services_only_fill_the_first_places(region):
    coalition, _about, group, _other = region
    classify(group, "sociale_contacten")
    for number in range(CLASSIFIED_FILL + 2):
        classify(
            ServiceFactory(
                coalition=coalition, name_nl=f"Spelletjesavond {number}", short_description_nl="Spelen."
            ),
            "sociale_contacten",
        )
    found = names("eenzaam", coalition)
    assert len(found) == CLASSIFIED_FILL
    assert found[0] == "Koffieochtend tegen eenzaamheid"


def test_a_real_word_of_another_language_is_foreign_not_unknown():
    analysis = understood("nauka języka niderlandzkiego")
    assert [code for need in analysis.needs for code in need.codes] == ["nederlands_leren"]
    assert analysis.foreign == ("jezyka",)
    assert analysis.unknown == ()
    assert understood("xqzvw ploktrin").unknown == ("xqzvw", "ploktrin")
