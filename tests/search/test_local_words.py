"""Coordinators' local words change what their own coalition finds, and only there; the admin is scoped."""

import pytest
from django.urls import reverse

from ookbalans.catalogue.models import Membership, Service
from ookbalans.search import search_services
from ookbalans.search.models import LocalWord
from tests.factories import MembershipFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_coalitions():
    """Coalitions A and B, each with a coordinator and the same service for low mood after birth."""
    sides = {}
    for side in ("a", "b"):
        membership = MembershipFactory(role=Membership.Role.COORDINATOR)
        service = ServiceFactory(
            coalition=membership.coalition,
            name_nl=f"Praten over somberheid na de bevalling ({side.upper()})",
            short_description_nl="Een praktijkondersteuner luistert en helpt verder.",
        )
        sides[side] = {"user": membership.user, "coalition": membership.coalition, "service": service}
    return sides


def names(query, coalition):
    services = Service.objects.filter(coalition=coalition)
    return [service.name for service, _ in search_services(query, services, coalition=coalition)]


def test_a_local_word_finds_the_concepts_services_in_its_own_coalition_only(two_coalitions):
    a, b = two_coalitions["a"], two_coalitions["b"]
    assert names("mistmama", a["coalition"]) == []
    LocalWord.objects.create(
        coalition=a["coalition"], concept_code="somberheid_na_bevalling", word="mistmama"
    )
    assert names("mistmama", a["coalition"]) == [a["service"].name]
    assert names("mistmama", b["coalition"]) == []


def test_a_local_word_in_a_services_text_gives_it_the_concept(two_coalitions):
    a = two_coalitions["a"]
    service = ServiceFactory(
        coalition=a["coalition"],
        name_nl="Het Wolkenhuis",
        short_description_nl="Koffie en een luisterend oor.",
    )
    assert service.name not in names("postnatale depressie", a["coalition"])
    LocalWord.objects.create(
        coalition=a["coalition"], concept_code="somberheid_na_bevalling", word="wolkenhuis"
    )
    assert service.name in names("postnatale depressie", a["coalition"])
    LocalWord.objects.filter(word="wolkenhuis").delete()
    assert service.name not in names("postnatale depressie", a["coalition"])


def test_the_api_search_of_a_coalition_uses_its_local_words(two_coalitions):
    a = two_coalitions["a"]
    LocalWord.objects.create(
        coalition=a["coalition"], concept_code="somberheid_na_bevalling", word="mistmama"
    )
    services = Service.objects.filter(coalition=a["coalition"])
    assert [s.name for s, _ in search_services("mistmama", services)] == [a["service"].name]


def test_the_admin_shows_and_changes_only_the_own_coalitions_words(client, two_coalitions):
    a, b = two_coalitions["a"], two_coalitions["b"]
    own = LocalWord.objects.create(coalition=a["coalition"], concept_code="voedselbank", word="uitdeelpunt")
    other = LocalWord.objects.create(
        coalition=b["coalition"], concept_code="voedselbank", word="pakkettenhuis"
    )
    client.force_login(a["user"])
    page = client.get(reverse("admin:search_localword_changelist")).content.decode()
    assert "uitdeelpunt" in page and "pakkettenhuis" not in page
    response = client.get(reverse("admin:search_localword_change", args=[other.pk]))
    assert response.status_code in (302, 403)
    client.post(reverse("admin:search_localword_delete", args=[other.pk]), {"post": "yes"})
    assert LocalWord.objects.filter(pk=other.pk).exists()
    response = client.post(
        reverse("admin:search_localword_add"),
        {"coalition": b["coalition"].pk, "concept_code": "voedselbank", "word": "ingebroken"},
    )
    assert not LocalWord.objects.filter(word="ingebroken").exists()
    response = client.post(
        reverse("admin:search_localword_add"),
        {"coalition": a["coalition"].pk, "concept_code": "voedselbank", "word": "weggeefwinkel"},
    )
    assert response.status_code == 302
    assert LocalWord.objects.filter(coalition=a["coalition"], word="weggeefwinkel").exists()
    assert own.coalition == a["coalition"]


def test_the_admin_accepts_only_concepts_of_the_thesaurus(client, two_coalitions):
    a = two_coalitions["a"]
    client.force_login(a["user"])
    client.post(
        reverse("admin:search_localword_add"),
        {"coalition": a["coalition"].pk, "concept_code": "bestaat_niet", "word": "iets"},
    )
    assert not LocalWord.objects.exists()
