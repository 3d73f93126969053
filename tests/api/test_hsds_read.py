"""The HSDS read API: every answer validates against the HSDS 3.0 schemas; filters, pages, CORS, 404s."""

import pytest

from ookbalans.catalogue.models import Service
from ookbalans.framework import codes
from ookbalans.interchange import taxonomies as tx
from tests.factories import CoalitionFactory, ServiceFactory
from tests.interchange.schemas import errors, page_errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_api(demo, client):
    return client


def get(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content[:500]
    return response.json()


@pytest.mark.parametrize("base", ["/api/hsds/", "/api/hsds/voorbeeldregio/"])
def test_every_endpoint_validates_against_the_hsds_schemas(demo_api, base):
    root = get(demo_api, base)
    assert root["version"] == "3.0" and root["openapi_url"].endswith(base + "openapi.json")
    services = get(demo_api, base + "services", per_page=500)
    assert services["total_items"] == Service.objects.filter(status="active").count() == 80
    assert not page_errors(services, "service.json", list_fields=set())
    full = get(demo_api, base + "services", full="true", per_page=20, page=2)
    assert full["page_number"] == 2 and full["size"] == 20 and not full["first_page"]
    assert not page_errors(full, "service.json")
    for item in full["contents"]:
        detail = get(demo_api, base + f"services/{item['id']}")
        assert not errors(detail, "service.json")
        assert detail["organization"]["id"] == item["organization_id"]
        assert detail["attributes"] and detail["service_areas"]
    organisations = get(demo_api, base + "organizations", per_page=100)
    assert not page_errors(organisations, "organization.json", list_fields=set())
    for item in organisations["contents"][:10]:
        assert not errors(
            get(demo_api, base + f"organizations/{item['id']}", full_service="true"), "organization.json"
        )
    assert not page_errors(get(demo_api, base + "taxonomies"), "taxonomy.json")
    terms = get(demo_api, base + "taxonomy_terms", per_page=500)
    assert terms["total_items"] == sum(len(t.terms) for t in tx.ALL_PUBLISHED)
    assert not page_errors(terms, "taxonomy_term.json")
    places = get(demo_api, base + "service_at_locations", per_page=500)
    assert not page_errors(places, "service_at_location.json")
    for item in places["contents"][:10]:
        assert not errors(
            get(demo_api, base + f"service_at_locations/{item['id']}"), "service_at_location.json"
        )
    assert not page_errors(
        get(demo_api, base + "service_at_locations", full="true", per_page=5), "service_at_location.json"
    )


def test_inactive_services_are_never_served(demo_api):
    inactive = Service.objects.filter(status="inactive").first()
    assert inactive is not None
    listed = {s["id"] for s in get(demo_api, "/api/hsds/services", per_page=500, minimal="true")["contents"]}
    assert str(inactive.id) not in listed
    get(demo_api, f"/api/hsds/services/{inactive.id}", status=404)


def test_taxonomy_filters_follow_the_framework(demo_api):
    baby = tx.term_id(codes.PHASES.code, "baby")
    found = get(demo_api, "/api/hsds/services", taxonomy_term_id=baby, per_page=500)
    expected = Service.objects.filter(status="active", phases__code="baby").count()
    assert found["total_items"] == expected > 0
    by_uri = get(demo_api, "/api/hsds/services", taxonomy_term_id=tx.term_uri("phase", "baby"), per_page=1)
    assert by_uri["total_items"] == expected
    levels = get(demo_api, "/api/hsds/services", taxonomy_id=tx.taxonomy_id("pyramid_level"), per_page=1)
    assert levels["total_items"] == 80
    assert get(demo_api, "/api/hsds/services", taxonomy_term_id="onbekend")["empty"]
    terms = get(demo_api, "/api/hsds/taxonomy_terms", taxonomy_id=tx.taxonomy_id("phase"), per_page=100)
    assert [t["code"] for t in terms["contents"]] == codes.PHASES.codes()
    assert terms["contents"][0]["term_uri"] == "https://ookbalans.nl/taxonomie/phase/kinderwens"


def test_organisation_and_modified_after_filters(demo_api):
    service = Service.objects.filter(status="active").first()
    found = get(demo_api, "/api/hsds/services", organization_id=str(service.organization_id), per_page=500)
    assert str(service.id) in {s["id"] for s in found["contents"]}
    assert all(s["organization_id"] == str(service.organization_id) for s in found["contents"])
    assert get(demo_api, "/api/hsds/services", modified_after="2999-01-01")["empty"]
    assert get(demo_api, "/api/hsds/services", modified_after="2000-01-01T00:00:00Z")["total_items"] == 80
    assert (
        "modified_after"
        in get(demo_api, "/api/hsds/services", status=400, modified_after="gisteren")["detail"]
    )


def test_proximity_in_metres_from_the_postcode(demo_api):
    near = get(demo_api, "/api/hsds/service_at_locations", postcode="7201 AB", proximity="1500", per_page=500)
    far = get(demo_api, "/api/hsds/service_at_locations", postcode="7201AB", proximity="50000", per_page=500)
    assert 0 < near["total_items"] < far["total_items"]
    assert get(demo_api, "/api/hsds/service_at_locations", postcode="9999ZZ")["empty"]
    covered = get(demo_api, "/api/hsds/service_at_locations", postcode="7241 AA", per_page=1)  # Lochem
    assert covered["total_items"] > 0
    assert get(demo_api, "/api/hsds/service_at_locations", postcode="1012 AB")["empty"]  # Amsterdam
    get(demo_api, "/api/hsds/service_at_locations", status=400, postcode="7201AB", proximity="ver")


def test_one_coalition_only_shows_its_own(demo_api):
    other = CoalitionFactory(slug="elders")
    ServiceFactory(coalition=other)
    assert get(demo_api, "/api/hsds/elders/services")["total_items"] == 1
    assert get(demo_api, "/api/hsds/services", per_page=1)["total_items"] == 81
    own = Service.objects.filter(coalition__slug="voorbeeldregio", status="active").first()
    get(demo_api, f"/api/hsds/elders/services/{own.id}", status=404)
    get(demo_api, "/api/hsds/bestaat-niet/services", status=404)


def test_read_only_open_and_cors(demo_api):
    response = demo_api.get("/api/hsds/services", HTTP_ORIGIN="https://gemeente.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert demo_api.post("/api/hsds/services", {}).status_code == 405
    assert "Access-Control-Allow-Origin" not in demo_api.get("/admin/login/", HTTP_ORIGIN="https://x.example")


def test_pages_reject_nonsense(demo_api):
    get(demo_api, "/api/hsds/services", status=400, per_page="0")
    get(demo_api, "/api/hsds/services", status=400, page="-1")
    get(demo_api, "/api/hsds/services", status=400, full="misschien")
    assert get(demo_api, "/api/hsds/services", page="99")["contents"] == []


def test_served_openapi_document_is_filled_in_and_offline(demo_api):
    document = get(demo_api, "/api/hsds/voorbeeldregio/openapi.json")
    assert document["info"]["title"] == "ookbalans HSDS API"
    assert document["servers"] == [{"url": "http://testserver/api/hsds/voorbeeldregio"}]
    assert "raw.githubusercontent.com" not in str(document)
    assert "REQUIRED" not in str(document["info"])


def test_nul_characters_in_parameters_are_refused_not_crashing(demo_api):
    get(demo_api, "/api/hsds/organizations", status=400, search="a\x00b")
    get(demo_api, "/api/hsds/services", status=400, organization_id="\x00")


def test_search_ranks_like_the_finder(demo_api):
    from ookbalans.search import search_services

    found = get(demo_api, "/api/hsds/voorbeeldregio/services", search="borstvoeding", per_page=500)
    expected = search_services(
        "borstvoeding", Service.objects.filter(coalition__slug="voorbeeldregio"), limit=1000
    )
    assert found["total_items"] == len(expected) > 0
    assert [s["id"] for s in found["contents"]] == [str(service.id) for service, _score in expected]
    assert not page_errors(found, "service.json")
    places = get(demo_api, "/api/hsds/service_at_locations", search="borstvoeding", per_page=500)
    assert places["total_items"] > 0
    assert {p["service_id"] for p in places["contents"]} <= {s["id"] for s in found["contents"]}


def test_imported_services_are_found_by_search(demo_api):
    from ookbalans.catalogue.demo import remove_demo
    from ookbalans.interchange import formats
    from tests.interchange.conftest import empty_like

    demo = Service.objects.first().coalition
    data = formats.export_bytes(demo, "hsds-json")
    municipalities = list(demo.municipalities.all())
    remove_demo("voorbeeldregio")
    target = empty_like(demo, slug="kopie")
    target.municipalities.set(municipalities)
    formats.import_file(target, data, "export.json")
    assert get(demo_api, "/api/hsds/kopie/services", search="borstvoeding")["total_items"] > 0


def test_search_after_a_filter_that_excludes_everything(demo_api):
    found = get(demo_api, "/api/hsds/services", search="borstvoeding", taxonomy_term_id="onbekend")
    assert found["empty"]


def test_modified_after_with_a_far_offset_is_answered(demo_api):
    found = get(demo_api, "/api/hsds/services", modified_after="0012-02-23T12:14:40+16:00", per_page=1)
    assert found["total_items"] == 80
