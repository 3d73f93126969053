"""The finder keeps a coalition's contact points in the cache, and shows every change at once."""

import pytest
from django.urls import reverse
from django.utils import timezone

from ookbalans.catalogue.models import ContactPoint
from ookbalans.finder import finding
from tests.factories import ContactPointFactory, term

# These tests write as an import does, row by row without signals: the cache under the page cache.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def start_page(client, coalition) -> str:
    return client.get(reverse("finder:start", args=[coalition.slug])).content.decode()


def test_a_cached_page_shows_every_change_of_a_contact_point(client):
    point = ContactPointFactory(name="Consultatiebureau De Linde")
    coalition = point.coalition
    assert "Consultatiebureau De Linde" in start_page(client, coalition)
    assert "Consultatiebureau De Linde" in start_page(client, coalition)  # from the cache

    point.name = "Consultatiebureau Het Anker"
    point.save()  # as the admin and the management API save
    assert "Consultatiebureau Het Anker" in start_page(client, coalition)

    # As an import writes: in bulk, without signals, with a new modification time.
    ContactPoint.objects.filter(pk=point.pk).update(name="JGZ De Berkel", modified_at=timezone.now())
    assert "JGZ De Berkel" in start_page(client, coalition)

    ContactPointFactory(coalition=coalition, phase=term("phase", "zwangerschap"), name="Verloskundige Dijk")
    assert "Verloskundige Dijk" in start_page(client, coalition)

    point.delete()
    page = start_page(client, coalition)
    assert "JGZ De Berkel" not in page and "Verloskundige Dijk" in page


def test_the_contact_points_of_a_page_cost_one_query_once_cached(client, django_assert_num_queries):
    point = ContactPointFactory()
    finding.coalition_contact_points(point.coalition)
    with django_assert_num_queries(1):
        points = finding.coalition_contact_points(point.coalition)
        assert [p.phase.code for p in points] == ["baby"]
        assert finding.contact_points(point.coalition, "baby", None, points)[0].name == point.name


def test_each_coalition_has_its_own_contact_points(client):
    ours = ContactPointFactory(name="Ons consultatiebureau")
    theirs = ContactPointFactory(name="Hun consultatiebureau")
    assert "Hun consultatiebureau" not in start_page(client, ours.coalition)
    assert "Ons consultatiebureau" not in start_page(client, theirs.coalition)
