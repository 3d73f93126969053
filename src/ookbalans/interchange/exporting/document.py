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


def iter_services(coalition: Coalition, context: mapping.Context, chunk_size: int = 2000):
    """Yield the coalition's services as HSDS dicts, in id order, a chunk at a time to bound memory."""
    ids = list(Service.objects.filter(coalition=coalition).order_by("id").values_list("id", flat=True))
    for start in range(0, len(ids), chunk_size):
        chunk = services_for_export(Service.objects.filter(id__in=ids[start : start + chunk_size])).order_by(
            "id"
        )
        for service in chunk:
            yield mapping.service_to_hsds(service, context)


def coalition_bundle(coalition: Coalition, progress=None) -> dict:
    """The whole coalition as one HSDS JSON document: organizations, services, locations, contacts."""
    context = context_for(coalition)
    points = list(ContactPoint.objects.filter(coalition=coalition).select_related("phase").order_by("id"))
    services = []
    for service in iter_services(coalition, context):
        services.append(service)
        if progress:
            progress(1)
    return {
        "hsds_version": mapping.HSDS_VERSION,
        "profile": PROFILE_URL,
        "coalition": {"name": coalition.name, "slug": coalition.slug},
        "organizations": [
            mapping.organization_to_hsds(organisation, context)
            for organisation in Organisation.objects.filter(coalition=coalition).order_by("id")
        ],
        "services": services,
        "locations": [
            mapping.location_to_hsds(location, context)
            for location in Location.objects.filter(coalition=coalition)
            .select_related("municipality")
            .order_by("id")
        ],
        "contacts": [mapping.contact_to_hsds(point, context) for point in points],
    }
