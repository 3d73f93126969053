"""The finder's searches without results reach the gap analysis as a demand finding."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from ookbalans.analysis.models import AnalysisSettings
from ookbalans.analysis.running import run_analysis
from ookbalans.search.models import UnmetSearch
from tests.factories import CoalitionFactory, ServiceFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 28)
MONDAY = datetime.date(2026, 11, 23)


def demand(coalition):
    return [f for f in run_analysis(coalition, today=TODAY).findings if f.code == "demand.unmet_searches"]


def test_terms_searched_often_without_result_become_a_finding():
    service = ServiceFactory()
    coalition = service.coalition
    UnmetSearch.objects.create(coalition=coalition, term="tweeling", week=MONDAY, count=2)
    UnmetSearch.objects.create(
        coalition=coalition, term="tweeling", week=MONDAY - datetime.timedelta(weeks=1), count=2
    )
    UnmetSearch.objects.create(coalition=coalition, term="zeldzaam", week=MONDAY, count=1)
    UnmetSearch.objects.create(coalition=CoalitionFactory(), term="elders", week=MONDAY, count=9)
    (finding,) = demand(coalition)
    assert "tweeling" in finding.message
    assert "zeldzaam" not in finding.message and "elders" not in finding.message
    assert finding.numbers["terms"] == {"tweeling": 4}


def test_old_or_rare_searches_give_no_finding():
    coalition = ServiceFactory().coalition
    UnmetSearch.objects.create(
        coalition=coalition, term="oud", week=MONDAY - datetime.timedelta(weeks=20), count=9
    )
    UnmetSearch.objects.create(coalition=coalition, term="zeldzaam", week=MONDAY, count=2)
    assert demand(coalition) == []


def test_a_coalition_cannot_lower_the_privacy_minimum():
    settings = AnalysisSettings(coalition=CoalitionFactory(), min_unmet_searches=2)
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "min_unmet_searches" in error.value.message_dict
