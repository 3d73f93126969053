"""The contact point aside taken from memory looks exactly as Django renders finder/_contact.html for the
page, and a changed contact point shows at once."""

from __future__ import annotations

import pytest
from django.template import engines
from django.urls import reverse
from django.utils import timezone, translation

from ookbalans.catalogue.models import ContactPoint
from ookbalans.finder.templatetags import finder_contact

# These tests look at the pages' own work, not at kept pages.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

SLUG = "voorbeeldregio"


@pytest.fixture(scope="module")
def demo(shared_demo):
    """The demo coalition, loaded once for this module."""


def plain(response) -> str:
    """The aside as Django renders it, from the contact points worked out anew for the page."""
    context = response.context
    return (
        engines["django"]
        .from_string('{% include "finder/_contact.html" %}')
        .render({"professional": context.get("professional"), **context["contact"].context()})
    )


PAGES = [
    ("finder:start", {}),
    ("finder:start", {"lang": "ar"}),
    ("finder:results", {"q": "borstvoeding"}),
    ("finder:results", {"q": "huilen", "fase": "baby", "lang": "en"}),
    ("finder:results", {"fase": "zwangerschap", "postcode": "7241"}),
    ("finder:professionals", {"q": "opvoeden", "fase": "peuter", "lang": "tr"}),
]


@pytest.mark.parametrize(("view", "params"), PAGES)
def test_a_remembered_aside_is_the_aside_as_django_renders_it(client, demo, view, params):
    finder_contact._rendered.clear()
    url = reverse(view, args=[SLUG])
    first, second = client.get(url, params), client.get(url, params)
    assert len(finder_contact._rendered) == 1  # made once, then from memory
    assert second.content == first.content
    with translation.override(params.get("lang", "nl")):
        assert plain(second) in second.content.decode()
        assert 'class="contact-point"' in plain(second)


def test_a_changed_contact_point_shows_at_once_on_a_results_page(client, demo):
    url = reverse("finder:results", args=[SLUG])
    params = {"q": "huilen", "fase": "baby"}
    point = ContactPoint.objects.filter(coalition__slug=SLUG, phase__code="baby").first()
    assert point.name in client.get(url, params).content.decode()

    point.name = "Consultatiebureau Het Anker"
    point.save()  # as the admin and the management API save
    assert "Consultatiebureau Het Anker" in client.get(url, params).content.decode()

    # As an import writes: in bulk, without signals, with a new modification time.
    ContactPoint.objects.filter(pk=point.pk).update(name="JGZ De Berkel", modified_at=timezone.now())
    assert "JGZ De Berkel" in client.get(url, params).content.decode()
