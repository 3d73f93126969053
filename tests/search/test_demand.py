"""The search app's account of unmet searches, as the analysis reads it: per coalition, summed, recent."""

import datetime

import pytest

from ookbalans.search.demand import unmet_searches_by_coalition
from ookbalans.search.models import UnmetSearch
from tests.factories import CoalitionFactory

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 11, 23)


def test_searches_are_summed_per_term_for_each_coalition_most_searched_first():
    here, there, quiet = CoalitionFactory(), CoalitionFactory(), CoalitionFactory()
    for week, count in ((MONDAY, 2), (MONDAY - datetime.timedelta(weeks=1), 3)):
        UnmetSearch.objects.create(coalition=here, term="tweeling", week=week, count=count)
    UnmetSearch.objects.create(coalition=here, term="au pair", week=MONDAY, count=5)
    UnmetSearch.objects.create(coalition=here, term="zeldzaam", week=MONDAY, count=1)
    UnmetSearch.objects.create(coalition=there, term="elders", week=MONDAY, count=9)
    found = unmet_searches_by_coalition([here.pk, quiet.pk], MONDAY - datetime.timedelta(weeks=4))
    assert found == {here.pk: (("au pair", 5), ("tweeling", 5), ("zeldzaam", 1))}


def test_weeks_before_the_start_are_left_out():
    coalition = CoalitionFactory()
    UnmetSearch.objects.create(coalition=coalition, term="nieuw", week=MONDAY, count=4)
    UnmetSearch.objects.create(
        coalition=coalition, term="oud", week=MONDAY - datetime.timedelta(weeks=14), count=40
    )
    assert unmet_searches_by_coalition([coalition.pk], MONDAY - datetime.timedelta(weeks=13)) == {
        coalition.pk: (("nieuw", 4),)
    }
