"""The API's cost per request is fixed: query counts per endpoint, and no growth with the catalogue."""

from __future__ import annotations

import pytest

from ookbalans.api.models import ApiToken
from ookbalans.catalogue.models import (
    Coalition,
    Service,
    ServiceAtLocation,
)
from ookbalans.interchange import taxonomies as tx

# The pages' own queries, not the public page cache's answers (tests/operations/test_page_cache.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


# The most queries each read endpoint may run with the demo loaded (measured: 0-18); the bounds hold
# for every page size, as the related rows are prefetched for the page as a whole.
READ_ENDPOINTS = {
    "": 2,
    "openapi.json": 2,
    "services": 16,
    "services?full=true&per_page=500": 16,
    "services?minimal=true": 4,
    "services?search=borstvoeding": 20,
    "services?taxonomy_id={phase_taxonomy}": 16,
    "services/{service}": 16,
    "organizations": 6,
    "organizations?full=true&per_page=500": 8,
    "organizations?full_service=true&per_page=500": 20,
    "organizations/{organisation}": 8,
    "organizations/{organisation}?full_service=true": 19,
    "taxonomies": 2,
    "taxonomies/{taxonomy}": 2,
    "taxonomy_terms": 2,
    "taxonomy_terms/{term}": 2,
    "service_at_locations": 5,
    "service_at_locations?full=true&per_page=500": 19,
    "service_at_locations?search=borstvoeding": 9,
    "service_at_locations?postcode=7201AB&proximity=5000": 6,
    "service_at_locations?postcode=7241AA": 6,
    "service_at_locations?full=true&search=borstvoeding": 22,
    "service_at_locations?full=true&postcode=7201AB&proximity=5000": 20,
    "service_at_locations/{place}": 18,
}


@pytest.fixture
def ids(shared_demo):
    service = Service.objects.filter(status=Service.Status.ACTIVE).order_by("id").first()
    return {
        "service": service.id,
        "organisation": service.organization_id,
        "place": ServiceAtLocation.objects.filter(service=service).order_by("id").first().id,
        "phase_taxonomy": tx.taxonomy_id("phase"),
        "taxonomy": tx.all_taxonomies()[0]["id"],
        "term": tx.all_terms()[0]["id"],
    }


@pytest.mark.parametrize("base", ["/api/hsds/", "/api/hsds/voorbeeldregio/"])
@pytest.mark.parametrize(("endpoint", "most"), READ_ENDPOINTS.items())
def test_each_read_endpoint_runs_a_fixed_number_of_queries(
    client, ids, base, endpoint, most, django_assert_max_num_queries
):
    with django_assert_max_num_queries(most):
        response = client.get(base + endpoint.format(**ids))
    assert response.status_code == 200, response.content[:300]


def test_each_management_endpoint_runs_a_bounded_number_of_queries(
    client, shared_demo, django_assert_max_num_queries
):
    coalition = Coalition.objects.get(slug="voorbeeldregio")
    _token, secret = ApiToken.issue(coalition, "query count")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    service = Service.objects.filter(coalition=coalition, status=Service.Status.ACTIVE).order_by("id").first()
    url = f"/api/beheer/services/{service.id}"
    with django_assert_max_num_queries(16):
        got = client.get(url, **auth)
    assert got.status_code == 200
    document = got.json()
    # Saving goes through the importer (one service, its places and terms), then answers the service.
    with django_assert_max_num_queries(120):
        assert client.put(url, document, content_type="application/json", **auth).status_code == 200
    # Deactivating saves the service, and the search re-indexes it (about 10 queries of its own,
    # its factors included).
    with django_assert_max_num_queries(22):
        assert client.delete(url, **auth).status_code == 204
