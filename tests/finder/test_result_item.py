"""A result card taken from the cache looks exactly as Django renders finder/_result.html for that page,
and a change of the catalogue (an edit in the admin or the API, an import) shows at once."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.cache import caches
from django.template import engines
from django.urls import reverse
from django.utils import translation

from ookbalans.catalogue.changes import writing_in_bulk
from ookbalans.catalogue.models import CostOption, Language, Service
from ookbalans.finder import cards, finding

# Every page is made: these tests look at how its results are rendered, not at kept pages.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

SLUG = "voorbeeldregio"


@pytest.fixture(scope="module")
def demo(shared_demo):
    """The demo coalition, loaded once for this module."""


def get(client, view: str, params: dict):
    response = client.get(reverse(view, args=[SLUG]), params)
    assert response.status_code == 200
    return response


def plain(response, card) -> str:
    """The result as Django renders it from its service loaded anew, with this page's reasons and distance."""
    context = response.context
    distances = {} if card.distance is None else {card.service_id: card.distance}
    [item] = finding.found_for([card.service_id], context["coalition"], distances)
    item.reasons = card.reasons
    return (
        engines["django"]
        .from_string('{% include "finder/_result.html" %}')
        .render(
            {
                "item": item,
                "coalition": context["coalition"],
                "professional": context.get("professional"),
                "detail_query": context.get("detail_query"),
            }
        )
    )


def filled(response, card) -> str:
    """The result as the page shows it: the kept card with the page's parts filled in."""
    context = response.context
    return (
        engines["django"]
        .from_string("{% load finder_results %}{% result_item item %}")
        .render(
            {
                "item": card,
                "coalition": context["coalition"],
                "professional": context.get("professional"),
                "detail_query": context.get("detail_query"),
            }
        )
    )


def card_of(response, service_id):
    return next(card for card in response.context["page"] if card.service_id == service_id)


@pytest.mark.parametrize(
    ("view", "params"),
    [
        ("finder:results", {"q": "borstvoeding"}),
        ("finder:results", {"q": "huilen", "postcode": "7241", "lang": "ar"}),
        ("finder:results", {"q": 'moe & "verdrietig" <b>', "fase": "baby"}),
        ("finder:results", {"fase": "zwangerschap", "lang": "en"}),
        ("finder:professionals", {"q": "opvoeden", "niveau": "basis", "lang": "tr"}),
        ("finder:professionals", {"q": "huilen", "postcode": "7241"}),
    ],
)
def test_a_kept_card_is_the_result_as_django_renders_it(client, demo, view, params):
    pages = []
    with mock.patch.object(finding, "found_for", wraps=finding.found_for) as loaded:
        for _round in range(2):  # made and kept, then from the cache
            pages.append(get(client, view, params))
    assert loaded.call_count == 1  # the second page loaded no service: every card was kept
    first, second = pages
    assert second.content == first.content and b"\x00" not in second.content
    with translation.override(params.get("lang", "nl")):
        for card in second.context["page"]:
            assert filled(second, card) == plain(second, card)
    if "postcode" in params:
        assert any(card.distance is not None for card in second.context["page"])


def test_the_same_card_on_another_search_has_that_search_in_its_link_and_its_reasons(client, demo):
    first = get(client, "finder:results", {"q": "borstvoeding"})
    with mock.patch.object(finding, "found_for", wraps=finding.found_for) as loaded:
        second = get(client, "finder:results", {"q": "borstvoeding", "x": "1"})
    assert not loaded.called  # every card was kept
    other = get(client, "finder:results", {"q": "kolven"})
    assert "?q=borstvoeding&amp;x=1" in second.content.decode()
    assert "?q=borstvoeding&amp;x=1" not in first.content.decode()
    shared = {card.service_id for card in first.context["page"]} & {
        card.service_id for card in other.context["page"]
    }
    assert shared  # the same services, found for other words
    for service_id in shared:
        assert filled(other, card_of(other, service_id)) == plain(other, card_of(other, service_id))
        assert "?q=kolven" in filled(other, card_of(other, service_id))


def test_a_kept_card_holds_nothing_of_the_visitors_search(client, demo):
    words = "borstvoeding voor Sanne"
    response = get(client, "finder:results", {"q": words})
    assert response.context["page"]
    coalition = response.context["coalition"]
    keys = [
        cards.card_key(coalition, card.service_id, "nl", False, True) for card in response.context["page"]
    ]
    kept = caches[cards.CARDS_CACHE].get_many(keys)
    assert len(kept) == len(keys)
    assert not any("Sanne" in html or "q=" in html for html, _translated in kept.values())


def first_result(client, params=None):
    response = get(client, "finder:results", params or {"q": "borstvoeding"})
    card = next(iter(response.context["page"]))
    return Service.objects.get(pk=card.service_id), response


def shows_anew(client, service, params=None) -> str:
    """The service's result on the page now: equal to Django's rendering of the database as it is."""
    response = get(client, "finder:results", params or {"q": "borstvoeding"})
    card = card_of(response, service.pk)
    with translation.override((params or {}).get("lang", "nl")):
        html = filled(response, card)
        assert html == plain(response, card)
    return html


def test_an_edited_service_shows_at_once(client, demo):
    service, _page = first_result(client)
    before = shows_anew(client, service)
    service.short_description_nl = "Een nieuwe korte beschrijving van dit aanbod."
    service.home_visits = not service.home_visits
    service.save()  # as the admin's change form and the management API save it
    after = shows_anew(client, service)
    assert "Een nieuwe korte beschrijving van dit aanbod." in after and after != before


def test_a_changed_part_label_or_place_of_a_service_shows_at_once(client, demo):
    service, _page = first_result(client, {"q": "borstvoeding", "lang": "ar"})
    params = {"q": "borstvoeding", "lang": "ar"}
    seen = {shows_anew(client, service, params)}

    CostOption.objects.filter(service=service).delete()
    seen.add(shows_anew(client, service, params))
    CostOption.objects.create(service=service, kind=CostOption.Kind.FREE)
    seen.add(shows_anew(client, service, params))
    service.languages.add(Language.objects.get(code="ar"))  # "in your own language"
    seen.add(shows_anew(client, service, params))
    place = service.service_at_locations.select_related("location").first()
    if place is not None:
        place.location.city = "Nieuwe Plaats"
        place.location.save()
        assert "Nieuwe Plaats" in shows_anew(client, service, params)
    assert len(seen) == 4  # each change gave another result


def test_an_import_written_in_bulk_without_signals_shows_at_its_end(client, demo):
    service, _page = first_result(client)
    shows_anew(client, service)
    with writing_in_bulk(Service, service.coalition_id):  # as interchange/writing.py writes an import
        Service.objects.filter(pk=service.pk).update(short_description_nl="Zo schreef de import het.")
    assert "Zo schreef de import het." in shows_anew(client, service)


def test_a_hole_outside_a_card_is_its_content():
    template = engines["django"].from_string(
        "{% load finder_results %}[{% hole part item %}<b>{{ item }}</b>{% endhole %}]"
    )
    assert template.render({"item": "a & b"}) == "[<b>a &amp; b</b>]"
    assert template.render({"item": "x", cards.LEAVE_HOLES: True}) == "[\x00hole:part\x00]"
