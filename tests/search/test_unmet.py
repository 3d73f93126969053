"""Searches that find nothing: counted per normalised term and week, nothing personal, rare terms hidden."""

import datetime

import pytest
from django.urls import reverse

from ookbalans.search.engine import record_unmet_search, unmet_term
from ookbalans.search.models import UnmetSearch
from tests.factories import CoalitionFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_term_is_normalised_and_drops_digits_and_fillers():
    assert unmet_term("Hulp bij SLAAPTRAINING voor mijn Tweeling") == "slaaptraining tweeling"
    assert unmet_term("bel me 0612345678 postcode 7201AB") == "bel postcode"
    assert unmet_term("ik zoek hulp") == ""


def test_counted_per_term_and_monday():
    coalition = CoalitionFactory()
    wednesday = datetime.date(2026, 11, 25)
    for _ in range(3):
        record_unmet_search(coalition, "Tweeling hulp", today=wednesday)
    record_unmet_search(coalition, "tweeling", today=datetime.date(2026, 12, 1))
    rows = list(UnmetSearch.objects.order_by("week").values_list("term", "week", "count"))
    assert rows == [
        ("tweeling", datetime.date(2026, 11, 23), 3),
        ("tweeling", datetime.date(2026, 11, 30), 1),
    ]
    assert [row.count for row in UnmetSearch.objects.shown()] == [3]


def test_the_model_holds_nothing_beyond_the_term():
    fields = {field.name for field in UnmetSearch._meta.get_fields()}
    assert fields == {"id", "coalition", "term", "week", "count"}


def test_the_finder_counts_a_search_without_results_and_sets_no_cookie(client):
    coalition = CoalitionFactory()
    response = client.get(reverse("finder:results", args=[coalition.slug]), {"q": "tweelingcursus"})
    assert response.status_code == 200
    assert not response.cookies
    assert UnmetSearch.objects.get().term == "tweelingcursus"


def test_coordinators_see_only_their_coalitions_terms_seen_three_times(client):
    mine, other = CoalitionFactory(), CoalitionFactory()
    coordinator = UserFactory()
    MembershipFactory(user=coordinator, coalition=mine, role="coordinator")
    week = datetime.date(2026, 11, 23)
    UnmetSearch.objects.create(coalition=mine, term="tweeling", week=week, count=3)
    UnmetSearch.objects.create(coalition=mine, term="zeldzaam", week=week, count=2)
    UnmetSearch.objects.create(coalition=other, term="andermans", week=week, count=9)
    client.force_login(coordinator)
    page = client.get(reverse("admin:search_unmetsearch_changelist")).content.decode()
    assert "tweeling" in page
    assert "zeldzaam" not in page
    assert "andermans" not in page


def test_editors_and_viewers_do_not_see_them(client):
    coalition = CoalitionFactory()
    for role in ("editor", "viewer"):
        user = UserFactory()
        MembershipFactory(user=user, coalition=coalition, role=role)
        client.force_login(user)
        assert client.get(reverse("admin:search_unmetsearch_changelist")).status_code == 403
