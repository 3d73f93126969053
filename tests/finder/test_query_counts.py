"""The finder's pages run a fixed number of queries, whatever the page shows (demo loaded)."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ookbalans.catalogue.models import Service
from ookbalans.finder.finding import short_code

# The pages' own queries, not the public page cache's answers (tests/operations/test_page_cache.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

SLUG = "voorbeeldregio"


@pytest.fixture(scope="module")
def demo(shared_demo):
    """The demo coalition, loaded once for this module."""


def services():
    return list(Service.objects.filter(coalition__slug=SLUG, status=Service.Status.ACTIVE).order_by("id"))


# The most queries each page may run with the demo loaded, from a warm process (the vocabulary, the
# offered languages, the contact points and the result cards in the cache; the stamps that tell a change
# still asked).
PAGES = {
    "results": ("finder:results", {"q": "borstvoeding"}, 3),
    "results with filters": ("finder:results", {"q": "huilen", "fase": "baby", "gratis": "1"}, 4),
    "results with a postcode": ("finder:results", {"q": "opvoeden", "postcode": "7241"}, 6),
    "results without words": ("finder:results", {"fase": "zwangerschap"}, 2),
    "professionals": ("finder:professionals", {"q": "borstvoeding", "niveau": "basis"}, 4),
    "start": ("finder:start", {}, 1),
}


@pytest.mark.parametrize(("name", "page"), PAGES.items())
def test_each_finder_page_runs_a_fixed_number_of_queries(
    client, demo, name, page, django_assert_max_num_queries
):
    view, params, most = page
    url = reverse(view, args=[SLUG])
    assert client.get(url, params).status_code == 200  # warm: caches filled
    with django_assert_max_num_queries(most):
        assert client.get(url, params).status_code == 200


def test_a_service_page_runs_a_fixed_number_of_queries(client, demo, django_assert_max_num_queries):
    service = services()[0]
    url = reverse("finder:service", args=[SLUG, service.pk])
    client.get(url)
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [1, 3, 10])
def test_a_parents_list_loads_only_its_services(client, demo, count, django_assert_max_num_queries):
    chosen = services()[:count]
    url = reverse("finder:list", args=[SLUG, ".".join(short_code(service) for service in chosen)])
    client.get(url)
    with django_assert_max_num_queries(12):
        page = client.get(url).content.decode()
    assert all(
        service.name_nl in page or service.name_nl.replace("'", "&#x27;") in page for service in chosen
    )


def test_a_list_code_that_is_not_hexadecimal_or_of_another_coalition_shows_nothing(client, demo):
    ours = services()[0]
    assert client.get(reverse("finder:list", args=[SLUG, "zzzzzzzz"])).status_code == 404
    theirs = Service.objects.exclude(coalition__slug=SLUG).first()
    if theirs is not None:
        url = reverse("finder:list", args=[SLUG, f"{short_code(theirs)}.{short_code(ours)}"])
        page = client.get(url).content.decode()
        assert theirs.name_nl not in page


def test_a_results_page_asks_the_coalition_its_demo_flag_and_contact_points_in_one_query(client, demo):
    """The coalition, whether the site holds demo data and the contact points' stamp: one query; the
    page's services and their facts: two when their result cards are not kept, none when they are."""
    url = reverse("finder:results", args=[SLUG])
    client.get(url, {"q": "borstvoeding"})
    for cards_kept in (True, False):
        if not cards_kept:
            for cache in caches.all():
                cache.clear()  # what a coalition's first visitor after a change finds
            client.get(url, {"q": "baby"})  # the vocabulary and contact points in the cache, not the cards
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url, {"q": "borstvoeding"})
        assert page.status_code == 200 and page.context["page"].object_list
        sql = [query["sql"] for query in queries.captured_queries]
        assert sum("catalogue_coalition" in statement for statement in sql) == 1
        assert sum("catalogue_contactpoint" in statement for statement in sql) == 1
        # The facts in one query with every other fact, only for the cards not kept.
        assert sum("catalogue_costoption" in statement for statement in sql) == (0 if cards_kept else 1)
        assert len(sql) <= (3 if cards_kept else 5), sql
