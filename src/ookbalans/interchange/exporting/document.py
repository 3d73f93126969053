"""A coalition's catalogue read out as one HSDS document: the common start of every export and of the API."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from ookbalans.catalogue.models import (
    Coalition,
    ContactPoint,
    Location,
    Organisation,
    Service,
    ServiceAtLocation,
)
from ookbalans.interchange import mapping, prefetched
from ookbalans.interchange.exporting import loading
from ookbalans.interchange.models import KeptFields

PROFILE_URL = "https://ookbalans.nl/hsds-profiel"
TERM_FIELDS = tuple(mapping.SERVICE_TERM_FIELDS)


def services_for_export(queryset: QuerySet[Service], *, terms: bool = True) -> QuerySet[Service]:
    """Services with everything the mapping reads, in a fixed number of queries.

    Each related set is prefetched into a list (mapping.loaded), which the mapping reads. With
    `terms=False` the six sets of framework terms are left to the caller (the API loads them for a
    page in one query).
    """
    names = (*(TERM_FIELDS if terms else ()), "languages", "cost_options")
    return queryset.select_related("national_intervention", "organization").prefetch_related(
        *[Prefetch(name, to_attr=prefetched.loaded(name)) for name in names],
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location__municipality").prefetch_related(
                Prefetch("schedules", to_attr=prefetched.loaded("schedules"))
            ),
            to_attr=prefetched.loaded("service_at_locations"),
        ),
    )


def kept_fields(coalition_ids) -> dict:
    return {
        (kept.kind, str(kept.object_id)): kept.fields
        for kept in KeptFields.objects.filter(coalition_id__in=coalition_ids)
    }


def context_for(coalition: Coalition) -> mapping.Context:
    return mapping.Context(
        municipalities=coalition.municipalities.order_by("code"), extras=kept_fields([coalition.id])
    )


def iter_services(coalition: Coalition, context: mapping.Context):
    """Yield the coalition's services as HSDS dicts, in id order, a chunk at a time to bound memory."""
    for chunk in loading.services_in_chunks(Service.objects.filter(coalition=coalition)):
        for service in chunk:
            yield mapping.service_to_hsds(service, context)


def in_pages(queryset, size: int = 2000):
    """The queryset's objects in id order, a page of `size` per query (a coalition has a page or two).

    Not `iterator()`: on PostgreSQL that is a server-side cursor, three round trips for a few rows.
    """
    last = None
    while True:
        page = list((queryset if last is None else queryset.filter(id__gt=last)).order_by("id")[:size])
        yield from page
        if len(page) < size:
            return
        last = page[-1].id


class CoalitionDocument:
    """A coalition's HSDS document read lazily, part by part, so that an export streams it.

    `organizations()`, `services()`, `locations()` and `contacts()` each yield HSDS dicts in id
    order; nothing but the mapping context (municipalities, kept fields) is held between them.
    """

    def __init__(self, coalition: Coalition, progress=None):
        self.coalition = coalition
        self.context = context_for(coalition)
        self.progress = progress

    def header(self) -> dict:
        return {
            "hsds_version": mapping.HSDS_VERSION,
            "profile": PROFILE_URL,
            "coalition": {"name": self.coalition.name, "slug": self.coalition.slug},
        }

    def organizations(self):
        for organisation in in_pages(Organisation.objects.filter(coalition=self.coalition)):
            yield mapping.organization_to_hsds(organisation, self.context)

    def services(self):
        for service in iter_services(self.coalition, self.context):
            yield service
            if self.progress:
                self.progress(1)

    def locations(self):
        locations = Location.objects.filter(coalition=self.coalition).select_related("municipality")
        for location in in_pages(locations):
            yield mapping.location_to_hsds(location, self.context)

    def contacts(self):
        points = ContactPoint.objects.filter(coalition=self.coalition).select_related("phase")
        for point in in_pages(points):
            yield mapping.contact_to_hsds(point, self.context)

    def parts(self):
        """The document's lists by their HSDS key, in the order of a file."""
        return {
            "organizations": self.organizations,
            "services": self.services,
            "locations": self.locations,
            "contacts": self.contacts,
        }


def coalition_bundle(coalition: Coalition, progress=None) -> dict:
    """The whole coalition as one HSDS document in memory: organizations, services, locations, contacts."""
    document = CoalitionDocument(coalition, progress)
    return document.header() | {key: list(items()) for key, items in document.parts().items()}
