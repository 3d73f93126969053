"""A result rendered from memory looks exactly as Django renders finder/_result.html, and a change
to the service (or anything else the template reads) is rendered anew."""

from __future__ import annotations

import pytest
from django.template import engines
from django.urls import reverse
from django.utils import translation

from ookbalans.catalogue.models import Service
from ookbalans.finder.templatetags import finder_results

pytestmark = pytest.mark.django_db

SLUG = "voorbeeldregio"


@pytest.fixture(scope="module")
def demo(shared_demo):
    """The demo coalition, loaded once for this module."""


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Every page is made: these tests look at how its results are rendered, not at kept pages."""
    settings.OOKBALANS_PAGE_CACHE_SECONDS = 0


def page_context(client, view: str, params: dict) -> dict:
    response = client.get(reverse(view, args=[SLUG]), params)
    assert response.status_code == 200
    return {
        name: response.context[name]
        for name in ("page", "coalition", "professional", "detail_query")
        if name in response.context
    }


def render(source: str, context: dict, item) -> str:
    template = engines["django"].from_string("{% load finder_results %}" + source)
    return template.render({**context, "item": item})


@pytest.mark.parametrize(
    ("view", "params"),
    [
        ("finder:results", {"q": "borstvoeding"}),
        ("finder:results", {"q": "huilen", "postcode": "7241", "lang": "ar"}),
        ("finder:results", {"q": 'moe & "verdrietig" <b>', "fase": "baby"}),
        ("finder:results", {"fase": "zwangerschap", "lang": "en"}),
        ("finder:professionals", {"q": "opvoeden", "niveau": "basis", "lang": "tr"}),
    ],
)
def test_a_remembered_result_is_the_result_as_django_renders_it(client, demo, view, params):
    finder_results._rendered.clear()
    context = page_context(client, view, params)
    items = list(context["page"])
    assert items
    with translation.override(params.get("lang", "nl")):
        for _round in range(2):  # rendered with a hole for the search, then from memory
            for item in items:
                expected = render('{% include "finder/_result.html" %}', context, item)
                assert render("{% result_item item %}", context, item) == expected
    assert len(finder_results._rendered) == len(items)


def test_the_same_service_on_another_search_is_taken_from_memory_with_that_search_in_its_link(client, demo):
    finder_results._rendered.clear()
    first = client.get(reverse("finder:results", args=[SLUG]), {"q": "borstvoeding"}).content.decode()
    kept = len(finder_results._rendered)
    second = client.get(
        reverse("finder:results", args=[SLUG]), {"q": "borstvoeding", "x": "1"}
    ).content.decode()
    assert len(finder_results._rendered) == kept  # every result came from memory
    assert "?q=borstvoeding&amp;x=1" in second and "?q=borstvoeding&amp;x=1" not in first
    assert "\x00" not in second


def test_a_changed_service_is_rendered_anew(client, demo):
    url = reverse("finder:results", args=[SLUG])
    client.get(url, {"q": "borstvoeding"})
    service = Service.objects.get(
        pk=list(client.get(url, {"q": "borstvoeding"}).context["page"])[0].service.pk
    )
    service.short_description_nl = "Een nieuwe korte beschrijving van dit aanbod."
    service.home_visits = not service.home_visits
    service.save()
    page = client.get(url, {"q": "borstvoeding"}).content.decode()
    assert "Een nieuwe korte beschrijving van dit aanbod." in page
