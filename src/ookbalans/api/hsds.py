"""The HSDS read API's answers as pure data: filters, pages and the objects, for all or one coalition."""

from __future__ import annotations

import datetime
import math
import uuid

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import is_naive, make_aware

from ookbalans.api.pages import attach_terms, services_for_page, without_lists
from ookbalans.catalogue.geo import distance_km
from ookbalans.catalogue.models import (
    Coalition,
    ContactPoint,
    Organisation,
    PostcodeArea,
    Service,
    ServiceAtLocation,
)
from ookbalans.framework import codes
from ookbalans.framework.models import Term
from ookbalans.interchange import mapping, prefetched
from ookbalans.interchange import taxonomies as tx
from ookbalans.interchange.exporting import document as exporter
from ookbalans.interchange.models import KeptFields

# A search answers at most this many services, best first; nobody pages further than this.
SEARCH_LIMIT = 1000


class BadParameter(ValueError):
    """A query parameter the API cannot use; the message says which and what it expects."""


def flag(params, name: str) -> bool:
    value = params.get(name)
    if value in (None, ""):
        return False
    if value.lower() in ("true", "1"):
        return True
    if value.lower() in ("false", "0"):
        return False
    raise BadParameter(f"'{name}' must be true or false.")


def term_links(term_value: str) -> QuerySet | None:
    """The links of services to a framework term (by id or URI), or None for another kind of term.

    The term's id goes in as a value, not as a join with the terms: PostgreSQL then knows from its
    statistics how many services have the term (a phase like 'baby': 70%) and plans for that.
    """
    known = tx.known_terms().get(term_value)
    for field_name, taxonomy_code in mapping.SERVICE_TERM_FIELDS.items():
        if known is not None and known.taxonomy == taxonomy_code:
            term = Term.objects.filter(taxonomy=taxonomy_code, code=known.code).values_list("pk", flat=True)
            through = Service._meta.get_field(field_name).remote_field.through
            return through.objects.filter(term_id=term.first())
    return None


def term_filter(term_value: str) -> Q | None:
    """Services with a taxonomy term (by id or URI); None when the term is not one of ookbalans'."""
    known = tx.known_terms().get(term_value)
    if known is None:
        return None
    if (links := term_links(term_value)) is not None:
        # EXISTS, not a join: the page walks the services in name order and checks each one's link.
        return Q(Exists(links.filter(service_id=OuterRef("pk"))))
    if known.taxonomy == codes.RECOGNITION_LEVELS.code:
        if known.code == "niet_beoordeeld":
            return Q(national_intervention__isnull=True)
        return Q(national_intervention__recognition_level=known.code)
    return None


def taxonomy_filter(taxonomy_value: str) -> Q | None:
    taxonomy_code = tx.known_taxonomy_ids().get(taxonomy_value)
    for field_name, code in mapping.SERVICE_TERM_FIELDS.items():
        if taxonomy_code == code:
            # A subquery, not a join: a join would repeat a service once per term it has.
            through = Service._meta.get_field(field_name).remote_field.through
            return Q(pk__in=through.objects.values("service_id"))
    if taxonomy_code == codes.RECOGNITION_LEVELS.code:
        return Q()
    return None


def moment(value: str) -> datetime.datetime:
    parsed = parse_datetime(value)
    if parsed is None:
        day = parse_date(value)
        if day is None:
            raise ValueError(value)
        parsed = datetime.datetime.combine(day, datetime.time())
    parsed = make_aware(parsed) if is_naive(parsed) else parsed
    # In UTC: PostgreSQL refuses offsets beyond ±15:59, which Python accepts (up to ±23:59).
    return parsed.astimezone(datetime.UTC)


# The parameters filter_services reads.
SERVICE_FILTERS = ("taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after")


def filter_services(services: QuerySet[Service], params) -> QuerySet[Service]:
    """The HSDS filters; none of them joins a many-to-many, so no row is repeated and no DISTINCT needed."""
    if value := params.get("taxonomy_term_id"):
        condition = term_filter(value)
        services = services.filter(condition) if condition is not None else services.none()
    if value := params.get("taxonomy_id"):
        condition = taxonomy_filter(value)
        services = services.filter(condition) if condition is not None else services.none()
    if value := params.get("organization_id"):
        services = services.filter(organization_id=value) if is_uuid(value) else services.none()
    if value := params.get("modified_after"):
        try:
            services = services.filter(modified_at__gte=moment(value))
        except (ValueError, OverflowError):
            raise BadParameter(
                "'modified_after' must be a date and time like 2025-01-31T12:00:00Z."
            ) from None
    return services


def ranked_ids(query: str, services: QuerySet[Service], coalition: Coalition | None = None) -> list:
    """The ids of the services matching a search, best first, through the finder's search."""
    from ookbalans.search.engine import search

    if len(query) > 200:
        raise BadParameter("'search' must be at most 200 characters.")
    if services.query.is_empty():
        # A filter already excluded everything (services.none()); the search cannot take an empty query.
        return []
    outcome = search(query, services, limit=SEARCH_LIMIT, coalition=coalition, load_services=False)
    return [pk for pk, _score in outcome.ranked]


def in_order(queryset: QuerySet, ids: list) -> list:
    """The objects with these ids, in the order of the ids (which came from a ranking or a page)."""
    found = queryset.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return False
    return True


class Contexts:
    """Mapping contexts of the coalitions on one page, in two queries: their municipalities, and the
    fields kept from imports for the objects on the page (not the whole coalition's)."""

    def __init__(self, coalition_ids, object_ids) -> None:
        coalition_ids = set(coalition_ids)
        municipalities = {coalition_id: [] for coalition_id in coalition_ids}
        if coalition_ids:
            links = (
                Coalition.municipalities.through.objects.filter(coalition_id__in=coalition_ids)
                .select_related("municipality")
                .order_by("municipality__code")
            )
            for link in links:
                municipalities[link.coalition_id].append(link.municipality)
        object_ids = set(object_ids)
        extras = {}
        if coalition_ids and object_ids:
            kept = KeptFields.objects.filter(coalition_id__in=coalition_ids, object_id__in=object_ids)
            extras = {(item.kind, str(item.object_id)): item.fields for item in kept}
        self.cache = {
            coalition_id: mapping.Context(municipalities=found, extras=extras)
            for coalition_id, found in municipalities.items()
        }

    @classmethod
    def for_services(cls, services, *more_ids) -> Contexts:
        ids = [*more_ids]
        for service in services:
            ids += [service.id, service.organization_id]
            for at_location in prefetched.related(service, "service_at_locations"):
                ids += [at_location.id, at_location.location_id]
        return cls({s.coalition_id for s in services}, ids)

    def __call__(self, coalition_id) -> mapping.Context:
        return self.cache[coalition_id]


def full_services(
    services: list[Service], contexts: Contexts, nested_organization: bool = True
) -> list[dict]:
    """Services loaded through services_for_page as full HSDS services."""
    attach_terms([s for s in services if not hasattr(s, prefetched.loaded(exporter.TERM_FIELDS[0]))])
    result = []
    for service in services:
        context = contexts(service.coalition_id)
        organisation = (
            mapping.organization_to_hsds(service.organization, context) if nested_organization else None
        )
        result.append(mapping.service_to_hsds(service, context, nested_organization=organisation))
    return result


def services_page(services: list[Service], *, minimal: bool, full: bool) -> list[dict]:
    if minimal:
        return [mapping.minimal_service(s) for s in services]
    if not full:
        without_lists(services)
    items = full_services(services, Contexts.for_services(services), nested_organization=full)
    return items if full else [mapping.list_service(item) for item in items]


def service_detail(service: Service) -> dict:
    """One service as HSDS; loaded again with everything the mapping reads, in a fixed number of queries."""
    loaded = services_for_page(Service.objects.filter(id=service.id)).get()
    return full_services([loaded], Contexts.for_services([loaded]))[0]


def organisations_for_page(queryset: QuerySet[Organisation], *, full: bool) -> QuerySet[Organisation]:
    """Organisations with, for the full form, their active services' names and their contact points."""
    if not full:
        return queryset
    return queryset.prefetch_related(
        Prefetch(
            "services",
            queryset=Service.objects.filter(status=Service.Status.ACTIVE)
            .only("id", "name_nl", "organization_id")
            .order_by("name_nl", "id"),
            to_attr="active_services",
        ),
        Prefetch(
            "contact_points",
            queryset=ContactPoint.objects.select_related("phase").order_by("id"),
            to_attr="ordered_contact_points",
        ),
    )


def organisations_page(organisations: list[Organisation], *, full: bool, full_service: bool) -> list[dict]:
    """Organisations loaded through organisations_for_page as HSDS organizations (list or full form)."""
    ids = [o.id for o in organisations]
    if not full:
        contexts = Contexts({o.coalition_id for o in organisations}, ids)
        return [organisation_list(o, contexts) for o in organisations]
    services = {}
    if full_service:
        chosen = [s.id for o in organisations for s in o.active_services]
        loaded = list(services_for_page(Service.objects.filter(id__in=chosen)))
        attach_terms(loaded)
        services = {s.id: s for s in loaded}
        places = [(s, prefetched.related(s, "service_at_locations")) for s in loaded]
        ids += [pk for s, found in places for pk in (s.id, *[a.id for a in found])]
        ids += [a.location_id for _s, found in places for a in found]
    ids += [point.id for o in organisations for point in o.ordered_contact_points]
    contexts = Contexts({o.coalition_id for o in organisations}, ids)
    result = []
    for organisation in organisations:
        mapped = mapping.organization_to_hsds(
            organisation,
            contexts(organisation.coalition_id),
            contacts=organisation.ordered_contact_points,
            services=organisation.active_services,
        )
        if full_service:
            mapped["services"] = full_services(
                [services[s.id] for s in organisation.active_services], contexts, nested_organization=False
            )
        result.append(mapped)
    return result


def organisation_list(organisation: Organisation, contexts: Contexts) -> dict:
    full = mapping.organization_to_hsds(organisation, contexts(organisation.coalition_id))
    return {key: value for key, value in full.items() if not isinstance(value, list | dict)}


def service_at_locations(
    at_locations: QuerySet[ServiceAtLocation], params, rank: dict | None = None
) -> QuerySet[ServiceAtLocation] | list:
    """The places matching the filters: a queryset in id order, or (with a distance or a search) their ids.

    `rank` maps a service id to its place in a search; only those services' places are then given,
    best first. A distance is checked in Python, over the coordinates of the places in a box around it.
    """
    postcode = (params.get("postcode") or "").replace(" ", "")
    proximity = params.get("proximity")
    if proximity and not proximity.isdigit():
        raise BadParameter("'proximity' must be a whole number of metres.")
    if proximity and not postcode:
        raise BadParameter("'proximity' needs a 'postcode'.")
    at_locations = at_locations.order_by("id")
    if rank is not None:
        at_locations = at_locations.filter(service_id__in=list(rank))
    area = None
    if postcode:
        area = PostcodeArea.objects.filter(pc4=postcode[:4]).first() if postcode[:4].isdigit() else None
        if area is None:
            return at_locations.none()
        if not proximity:
            # Without a distance: services whose area (their coalition's municipalities) covers the postcode.
            at_locations = at_locations.filter(service__coalition__municipalities=area.municipality_id)
    # Distances and ranks need only ids and coordinates, never the related rows of the full form.
    candidates = at_locations.select_related(None).prefetch_related(None)
    if proximity:
        limit = int(proximity)
        # One degree of latitude is 111 km everywhere; of longitude, less away from the equator.
        dlat = limit / 111_000 + 1e-6
        dlon = limit / (111_000 * max(0.01, math.cos(math.radians(area.latitude)))) + 1e-6
        rows = candidates.filter(
            location__latitude__range=(area.latitude - dlat, area.latitude + dlat),
            location__longitude__range=(area.longitude - dlon, area.longitude + dlon),
        ).values_list("id", "service_id", "location__latitude", "location__longitude")
        rows = [
            (pk, service_id)
            for pk, service_id, lat, lon in rows
            if distance_km(area.latitude, area.longitude, lat, lon) * 1000 <= limit
        ]
    elif rank is not None:
        rows = list(candidates.values_list("id", "service_id"))
    else:
        return at_locations
    if rank is not None:
        rows.sort(key=lambda row: rank[row[1]])  # stable: places of one service stay in id order
    return [pk for pk, _service_id in rows]


def places_for_page(queryset: QuerySet[ServiceAtLocation], *, full: bool) -> QuerySet[ServiceAtLocation]:
    """Places with what the mapping reads: the bare row, or (full) the location and its opening hours."""
    if not full:
        return queryset
    return (
        queryset.select_related("location__municipality")
        .defer("location__created_at", "location__modified_at")
        .prefetch_related(Prefetch("schedules", to_attr=prefetched.loaded("schedules")))
    )


def service_at_locations_page(chosen: list, *, full: bool) -> list[dict]:
    """The page's places (loaded through places_for_page, or their ids) as HSDS."""
    at_locations = chosen
    if chosen and not isinstance(chosen[0], ServiceAtLocation):
        at_locations = in_order(places_for_page(ServiceAtLocation.objects.all(), full=full), chosen)
    if not full:
        return [
            {
                "id": str(at_location.id),
                "service_id": str(at_location.service_id),
                "location_id": str(at_location.location_id),
                **({"description": at_location.description} if at_location.description else {}),
            }
            for at_location in at_locations
        ]
    services = {
        s.id: s
        for s in without_lists(
            list(
                services_for_page(
                    Service.objects.filter(id__in={a.service_id for a in at_locations}), listed=True
                )
            )
        )
    }
    place_ids = [pk for a in at_locations for pk in (a.id, a.location_id)]
    contexts = Contexts.for_services(list(services.values()), *place_ids)
    result = []
    for at_location in at_locations:
        service = services[at_location.service_id]
        mapped = mapping.service_at_location_to_hsds(at_location, contexts(service.coalition_id))
        mapped["service"] = mapping.list_service(full_services([service], contexts, False)[0])
        result.append(mapped)
    return result
