"""The API's queries and fetched rows do not grow with the catalogue: 1,000 against 10,000 services.

Apart from the demo-based query counts (test_query_counts.py): the demo must not be loaded here.
"""

from __future__ import annotations

import contextlib

import pytest
from django.db import connection

from ookbalans.catalogue.models import (
    Coalition,
    Location,
    Municipality,
    Organisation,
    Service,
    ServiceAtLocation,
)
from ookbalans.interchange import taxonomies as tx
from tests.factories import term

# The API's own queries; the catalogue grows by bulk_create, which no page cache could notice.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


class FetchedRows:
    """Counts the queries and the rows fetched from the database while it is active."""

    def __init__(self) -> None:
        self.queries = 0
        self.rows = 0

    def __call__(self, execute, sql, params, many, context):
        self.queries += 1
        cursor = context["cursor"]
        for name, count in (("fetchone", lambda row: row is not None), ("fetchmany", len), ("fetchall", len)):
            fetch = getattr(cursor.cursor, name)
            setattr(cursor, name, self.counting(fetch, count))
        return execute(sql, params, many, context)

    def counting(self, fetch, count):
        def fetched(*args, **kwargs):
            result = fetch(*args, **kwargs)
            self.rows += count(result)
            return result

        return fetched


@contextlib.contextmanager
def fetched_rows():
    counter = FetchedRows()
    with connection.execute_wrapper(counter):
        yield counter


def grow_catalogue(to: int, owners: list[tuple[Coalition, Organisation, Location]]) -> None:
    """Services (with a term and a place each) spread over the coalitions, up to `to` in all."""
    phase = term("phase", "baby")
    have = Service.objects.count()
    services, places = [], []
    for number in range(have, to):
        coalition, organisation, location = owners[number % len(owners)]
        service = Service(
            coalition=coalition,
            organization=organisation,
            name_nl=f"Dienst {number:06d}",
            short_description_nl="Je kunt hier terecht met vragen over je baby.",
        )
        services.append(service)
        places.append(ServiceAtLocation(service=service, location=location))
    Service.objects.bulk_create(services, batch_size=500)
    ServiceAtLocation.objects.bulk_create(places, batch_size=500)
    Service.phases.through.objects.bulk_create(
        [Service.phases.through(service_id=s.id, term_id=phase.pk) for s in services], batch_size=500
    )


def test_queries_and_rows_do_not_grow_with_the_catalogue(client):
    # Three coalitions: a page of 50 in id order then holds services of all three, at either size.
    owners = []
    for number, municipality in enumerate(Municipality.objects.order_by("code")[:3]):
        coalition = Coalition.objects.create(name=f"Kansrijke Start {number}", slug=f"ks-{number}")
        coalition.municipalities.set([municipality])
        organisation = Organisation.objects.create(coalition=coalition, name=f"Organisatie {number}")
        location = Location.objects.create(
            coalition=coalition, name=f"Buurthuis {number}", latitude=52.1, longitude=6.2
        )
        owners.append((coalition, organisation, location))
    endpoints = [
        "/api/hsds/services",
        "/api/hsds/services?full=true",
        "/api/hsds/services?minimal=true&page=3",
        "/api/hsds/services?taxonomy_term_id={phase}",
        "/api/hsds/ks-1/services",
        "/api/hsds/organizations",
        "/api/hsds/service_at_locations",
        "/api/hsds/service_at_locations?full=true",
        "/api/hsds/ks-1/service_at_locations?page=2",
    ]
    phase = tx.term_id("phase", "baby")
    costs = {}
    for size in (1_000, 10_000):
        grow_catalogue(size, owners)
        for endpoint in endpoints:
            with fetched_rows() as counter:
                response = client.get(endpoint.format(phase=phase))
            assert response.status_code == 200
            assert response.json()["size"] == (3 if "organizations" in endpoint else 50)
            costs.setdefault(endpoint, []).append((counter.queries, counter.rows))
    for endpoint, (small, large) in costs.items():
        assert small[1] >= 3, f"{endpoint}: the counter saw no rows"
        assert small == large, f"{endpoint}: (queries, rows) {small} at 1,000 services, {large} at 10,000"
