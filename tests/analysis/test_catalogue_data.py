"""Reading the catalogue into the analysis's plain data: every field the rules use."""

import datetime

import pytest

from ookbalans.analysis.catalogue_data import CostData, load_catalogue, load_catalogues
from ookbalans.catalogue.models import (
    CostOption,
    Language,
    Municipality,
    NationalIntervention,
    ServiceAtLocation,
)
from tests.factories import CoalitionFactory, LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_a_service_is_read_with_everything_the_rules_need():
    coalition = CoalitionFactory(slug="hier")
    coalition.municipalities.add(Municipality.objects.get(code="GM0301"))
    intervention = NationalIntervention.objects.create(
        name="Testinterventie analyse", recognition_level="goed_onderbouwd"
    )
    service = ServiceFactory(
        coalition=coalition,
        name_nl="Stevig Ouderschap Zutphen",
        levels=["steuntje"],
        national_intervention=intervention,
        home_visits=True,
        access="referral",
        waiting_time_weeks=3,
        last_checked_on=datetime.date(2026, 1, 5),
    )
    service.languages.set(Language.objects.filter(code__in=["nl", "ar"]))
    CostOption.objects.create(service=service, kind="amount", amount=4)
    ServiceAtLocation.objects.create(service=service, location=LocationFactory(coalition=coalition))
    other = CoalitionFactory()
    ServiceFactory(coalition=other)

    catalogue = load_catalogue(coalition, datetime.date(2026, 11, 28))
    (data,) = catalogue.services
    assert data.id == str(service.pk) and data.name == "Stevig Ouderschap Zutphen"
    assert data.levels == ("steuntje",) and data.phases == ("baby",) and data.target_groups == ("ouders",)
    assert data.languages == ("ar", "nl") and data.costs == (CostData("amount", 4.0),)
    assert data.recognition_level == "goed_onderbouwd" and data.access == "referral"
    assert (data.home_visits, data.waiting_time_weeks) == (True, 3)
    assert data.locations[0].pc4 == "7201" and data.locations[0].municipality_code == "GM0301"
    assert catalogue.municipalities == {"GM0301": "Zutphen"}
    assert catalogue.areas and all(area.municipality_code == "GM0301" for area in catalogue.areas)
    assert catalogue.unmet_searches == ()

    both = load_catalogues([coalition, other])
    assert len(both[other.pk].services) == 1
    assert both[coalition.pk].services == catalogue.services


def test_a_service_without_intervention_is_not_assessed_and_an_unknown_level_stays_unknown():
    coalition = CoalitionFactory()
    ServiceFactory(coalition=coalition, name_nl="A")
    ServiceFactory(
        coalition=coalition,
        name_nl="B",
        national_intervention=NationalIntervention.objects.create(name="Testinterventie zonder niveau"),
    )
    levels = [s.recognition_level for s in load_catalogue(coalition).services]
    assert levels == ["niet_beoordeeld", ""]
