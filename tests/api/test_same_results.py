"""The API's pages hold exactly what a plain reading of the catalogue gives: every page, both scopes.

Characterisation tests for the speed work of issue 11: each list is compared, page by page, with
the same objects mapped one by one from a simple query (as the exports do), so that a faster way
of counting, filtering or loading cannot change what a client gets.
"""

from __future__ import annotations

import math

import pytest

from ookbalans.catalogue.models import (
    Coalition,
    Location,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
)
from ookbalans.interchange import mapping
from ookbalans.interchange import taxonomies as tx
from ookbalans.interchange.exporting import document
from ookbalans.search import search_services
from tests.factories import CoalitionFactory, term

pytestmark = pytest.mark.django_db

PER_PAGE = 7
SECOND = "tweede-regio"


@pytest.fixture
def two_coalitions(shared_demo):
    """The demo and a small second coalition whose names interleave with the demo's."""
    demo = Coalition.objects.get(slug="voorbeeldregio")
    other = CoalitionFactory(slug=SECOND, name="Kansrijke Start Tweede Regio")
    other.municipalities.set(demo.municipalities.order_by("code")[:1])
    organisation = Organisation.objects.create(coalition=other, name="Welzijn Tweede Regio", domain="sociaal")
    locations = [
        Location.objects.create(
            coalition=other, name=f"Buurthuis {name}", latitude=52.14, longitude=6.19, postal_code="7201 AB"
        )
        for name in ("De Linde", "De Eik")
    ]
    phases = ["baby", "zwangerschap", "peuter"]
    for number, name in enumerate(
        [
            "Borstvoedingscafé De Linde",
            "Consultatiebureau De Linde",
            "Inloop voor ouders",
            "Opvoedcursus voor ouders van peuters",
            "Zwangerschapscursus",
            "Borstvoeding thuis: hulp bij het aanleggen",
            "Voorleesmoment",
            "Maatje voor jonge ouders",
        ]
    ):
        service = Service.objects.create(
            coalition=other,
            organization=organisation,
            name_nl=name,
            short_description_nl="Je kunt hier terecht met vragen over borstvoeding en je baby.",
            status="inactive" if number == 6 else "active",
        )
        service.pyramid_levels.set([term("pyramid_level", "basis")])
        service.phases.set([term("phase", phases[number % 3])])
        service.target_groups.set([term("target_group", "ouders")])
        for location in locations[: 1 + number % 2]:
            place = ServiceAtLocation.objects.create(service=service, location=location)
            Schedule.objects.create(
                service_at_location=place, weekday=1 + number % 5, opens_at="09:00", closes_at="11:00"
            )
    return demo, other


def reference_services(services, form: str) -> list[dict]:
    """Services (a queryset in page order) mapped one by one, as the export maps them."""
    contexts = {c.id: document.context_for(c) for c in Coalition.objects.all()}
    result = []
    for service in document.services_for_export(services):
        if form == "minimal":
            result.append(mapping.minimal_service(service))
            continue
        context = contexts[service.coalition_id]
        nested = mapping.organization_to_hsds(service.organization, context) if form == "full" else None
        mapped = mapping.service_to_hsds(service, context, nested_organization=nested)
        result.append(mapped if form == "full" else mapping.list_service(mapped))
    return result


def reference_places(places, full: bool) -> list[dict]:
    """Places (a queryset in page order) mapped one by one, with their service in list form when full."""
    contexts = {c.id: document.context_for(c) for c in Coalition.objects.all()}
    result = []
    for place in places.select_related("location__municipality", "service"):
        if not full:
            ids = {
                "id": str(place.id),
                "service_id": str(place.service_id),
                "location_id": str(place.location_id),
            }
            result.append(ids | ({"description": place.description} if place.description else {}))
            continue
        context = contexts[place.service.coalition_id]
        mapped = mapping.service_at_location_to_hsds(place, context)
        mapped["service"] = reference_services(Service.objects.filter(id=place.service_id), "list")[0]
        result.append(mapped)
    return result


def all_pages(client, url: str, per_page: int = PER_PAGE) -> tuple[int, list[dict]]:
    """Every page of a list, each envelope checked; (total_items, the contents of all pages)."""
    joiner = "&" if "?" in url else "?"
    first = client.get(f"{url}{joiner}per_page={per_page}").json()
    total = first["total_items"]
    pages = max(1, math.ceil(total / per_page))
    contents = []
    for number in range(1, pages + 2):  # one page past the end, which is empty
        page = client.get(f"{url}{joiner}per_page={per_page}&page={number}")
        assert page.status_code == 200, page.content[:300]
        body = page.json()
        expected_size = max(0, min(per_page, total - (number - 1) * per_page))
        assert {key: value for key, value in body.items() if key != "contents"} == {
            "total_items": total,
            "total_pages": pages,
            "page_number": number,
            "size": expected_size,
            "first_page": number == 1,
            "last_page": number >= pages,
            "empty": total == 0,
        }, url
        assert len(body["contents"]) == expected_size
        contents += body["contents"]
    return total, contents


def scopes(other):
    return [
        ("/api/hsds/", Service.objects.all()),
        (f"/api/hsds/{SECOND}/", Service.objects.filter(coalition=other)),
    ]


@pytest.mark.parametrize("form", ["list", "full", "minimal"])
def test_service_pages_are_the_services_in_name_order(client, two_coalitions, form):
    _demo, other = two_coalitions
    for base, services in scopes(other):
        query = "" if form == "list" else f"?{form}=true"
        total, contents = all_pages(client, f"{base}services{query}")
        expected = reference_services(services.filter(status="active").order_by("name_nl", "id"), form)
        assert total == len(expected) > 0
        assert contents == expected


@pytest.mark.parametrize(
    "parameter",
    [
        "taxonomy_term_id={baby}",
        "taxonomy_term_id={baby_uri}",
        "taxonomy_term_id={unassessed}",
        "taxonomy_term_id={well_founded}",
        "taxonomy_term_id=onbekend",
        "taxonomy_id={phase_taxonomy}",
        "taxonomy_id={recognition_taxonomy}",
        "taxonomy_term_id={baby}&full=true",
    ],
)
def test_taxonomy_filters_give_the_services_with_the_term(client, two_coalitions, parameter):
    _demo, other = two_coalitions
    values = {
        "baby": tx.term_id("phase", "baby"),
        "baby_uri": tx.term_uri("phase", "baby"),
        "unassessed": tx.term_id("recognition_level", "niet_beoordeeld"),
        "well_founded": tx.term_id("recognition_level", "goed_onderbouwd"),
        "phase_taxonomy": tx.taxonomy_id("phase"),
        "recognition_taxonomy": tx.taxonomy_id("recognition_level"),
    }
    wanted = {
        "taxonomy_term_id={baby}": {"phases__code": "baby"},
        "taxonomy_term_id={baby_uri}": {"phases__code": "baby"},
        "taxonomy_term_id={unassessed}": {"national_intervention__isnull": True},
        "taxonomy_term_id={well_founded}": {"national_intervention__recognition_level": "goed_onderbouwd"},
        "taxonomy_term_id=onbekend": {"pk__in": []},
        "taxonomy_id={phase_taxonomy}": {"phases__isnull": False},
        "taxonomy_id={recognition_taxonomy}": {},
        "taxonomy_term_id={baby}&full=true": {"phases__code": "baby"},
    }[parameter]
    form = "full" if "full=true" in parameter else "list"
    for base, services in scopes(other):
        total, contents = all_pages(client, f"{base}services?{parameter.format(**values)}")
        matching = services.filter(status="active", **wanted).values("pk")
        expected = reference_services(Service.objects.filter(pk__in=matching).order_by("name_nl", "id"), form)
        assert total == len(expected)
        assert contents == expected
    if parameter.startswith("taxonomy_term_id={baby}"):
        assert total > 0
        # The whole country's count subtracts inactive services with the term: there must be one.
        assert Service.objects.exclude(status="active").filter(phases__code="baby").exists()


@pytest.mark.parametrize("form", ["list", "full", "minimal"])
@pytest.mark.parametrize("query", ["borstvoeding", "hulp bij opvoeden", "zwangerschap cursus"])
def test_search_pages_follow_the_finders_ranking(client, two_coalitions, form, query):
    _demo, other = two_coalitions
    for base, services in scopes(other):
        suffix = "" if form == "list" else f"&{form}=true"
        total, contents = all_pages(client, f"{base}services?search={query}{suffix}")
        coalition = None if base == "/api/hsds/" else other
        ranked = [service.id for service, _score in search_services(query, services, 1000, coalition)]
        expected = [reference_services(Service.objects.filter(pk=pk), form)[0] for pk in ranked]
        assert total == len(expected)
        assert contents == expected
    assert len(ranked) > 0 or query != "borstvoeding"


@pytest.mark.parametrize("full", [False, True])
def test_place_pages_are_the_places_of_active_services_in_id_order(client, two_coalitions, full):
    _demo, other = two_coalitions
    for base, services in scopes(other):
        total, contents = all_pages(client, f"{base}service_at_locations" + ("?full=true" if full else ""))
        places = ServiceAtLocation.objects.filter(service__in=services.filter(status="active")).order_by("id")
        expected = reference_places(places, full)
        assert total == len(expected) > 0
        assert contents == expected
    # The whole country's count subtracts the places of inactive services: there must be some.
    assert ServiceAtLocation.objects.exclude(service__status="active").exists()


def test_place_pages_of_a_search_follow_its_ranking(client, two_coalitions):
    _demo, other = two_coalitions
    for base, services in scopes(other):
        total, contents = all_pages(client, f"{base}service_at_locations?search=borstvoeding&full=true")
        coalition = None if base == "/api/hsds/" else other
        rank = {
            s.id: n
            for n, (s, _score) in enumerate(search_services("borstvoeding", services, 1000, coalition))
        }
        places = sorted(
            ServiceAtLocation.objects.filter(service_id__in=list(rank)).order_by("id"),
            key=lambda place: rank[place.service_id],
        )
        expected = [
            reference_places(ServiceAtLocation.objects.filter(pk=place.pk), True)[0] for place in places
        ]
        assert total == len(expected) > 0
        assert contents == expected
