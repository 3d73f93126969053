"""The HSDS read API's answers as pure data: filters, pages and the objects, for all or one coalition."""

from __future__ import annotations

import datetime
import math
import uuid

from django.db.models import Q, QuerySet
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import is_naive, make_aware

from ookbalans.catalogue.geo import distance_km
from ookbalans.catalogue.models import (
    Location,
    Organisation,
    PostcodeArea,
    Service,
    ServiceAtLocation,
)
from ookbalans.framework import codes
from ookbalans.interchange import mapping
from ookbalans.interchange import taxonomies as tx
from ookbalans.interchange.exporting import document as exporter

MAX_PER_PAGE = 500
DEFAULT_PER_PAGE = 50
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


def number(params, name: str, default: int, low: int, high: int) -> int:
    value = params.get(name)
    if value in (None, ""):
        return default
    try:
        result = int(value)
    except ValueError:
        raise BadParameter(f"'{name}' must be a whole number.") from None
    if not low <= result <= high:
        raise BadParameter(f"'{name}' must be from {low} to {high}.")
    return result


def page_envelope(items: list, params, convert) -> dict:
    """The HSDS page: total_items, total_pages, page_number, size, first_page, last_page, empty, contents."""
    per_page = number(params, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    total = len(items)
    pages = max(1, math.ceil(total / per_page))
    page = number(params, "page", 1, 1, 10**9)
    chosen = items[(page - 1) * per_page : page * per_page] if page <= pages else []
    contents = convert(chosen)
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": total == 0,
        "contents": contents,
    }


def term_filter(term_value: str) -> Q | None:
    """Services with a taxonomy term (by id or URI); None when the term is not one of ookbalans'."""
    known = tx.known_terms().get(term_value)
    if known is None:
        return None
    for field_name, taxonomy_code in mapping.SERVICE_TERM_FIELDS.items():
        if known.taxonomy == taxonomy_code:
            return Q(**{f"{field_name}__taxonomy": taxonomy_code, f"{field_name}__code": known.code})
    if known.taxonomy == codes.RECOGNITION_LEVELS.code:
        if known.code == "niet_beoordeeld":
            return Q(national_intervention__isnull=True)
        return Q(national_intervention__recognition_level=known.code)
    return None


def taxonomy_filter(taxonomy_value: str) -> Q | None:
    taxonomy_code = tx.known_taxonomy_ids().get(taxonomy_value)
    for field_name, code in mapping.SERVICE_TERM_FIELDS.items():
        if taxonomy_code == code:
            return Q(**{f"{field_name}__isnull": False})
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


def filter_services(services: QuerySet[Service], params) -> QuerySet[Service]:
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
    return services.distinct()


def ranked(query: str, services: QuerySet[Service]) -> list[Service]:
    """The services matching a search, best first, through the finder's search (ookbalans.search)."""
    from ookbalans.search import search_services

    if len(query) > 200:
        raise BadParameter("'search' must be at most 200 characters.")
    if services.query.is_empty():
        # A filter already excluded everything (services.none()); the search cannot take an empty query.
        return []
    return [service for service, _score in search_services(query, services, limit=SEARCH_LIMIT)]


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return False
    return True


class Contexts:
    """Mapping contexts per coalition (municipalities and kept fields), built once per request."""

    def __init__(self) -> None:
        self.cache = {}

    def __call__(self, coalition) -> mapping.Context:
        if coalition.id not in self.cache:
            self.cache[coalition.id] = exporter.context_for(coalition)
        return self.cache[coalition.id]


def full_services(
    services: list[Service], contexts: Contexts, nested_organization: bool = True
) -> list[dict]:
    loaded = {
        s.id: s
        for s in exporter.services_for_export(
            Service.objects.filter(id__in=[s.id for s in services]).select_related("coalition")
        )
    }
    result = []
    for service in services:
        service = loaded[service.id]
        context = contexts(service.coalition)
        organisation = (
            mapping.organization_to_hsds(service.organization, context) if nested_organization else None
        )
        result.append(mapping.service_to_hsds(service, context, nested_organization=organisation))
    return result


def list_services(services: list[Service], contexts: Contexts) -> list[dict]:
    return [
        mapping.list_service(item) for item in full_services(services, contexts, nested_organization=False)
    ]


def service_detail(service: Service) -> dict:
    return full_services([service], Contexts())[0]


def organisation_full(organisation: Organisation, contexts: Contexts, *, full_service: bool = False) -> dict:
    services = list(organisation.services.filter(status=Service.Status.ACTIVE).order_by("name_nl", "id"))
    context = contexts(organisation.coalition)
    result = mapping.organization_to_hsds(
        organisation,
        context,
        contacts=organisation.contact_points.select_related("phase").order_by("id"),
        services=services,
    )
    if full_service:
        result["services"] = full_services(services, contexts, nested_organization=False)
    return result


def organisation_list(organisation: Organisation, contexts: Contexts) -> dict:
    full = mapping.organization_to_hsds(organisation, contexts(organisation.coalition))
    return {key: value for key, value in full.items() if not isinstance(value, list | dict)}


def filter_service_at_locations(at_locations: QuerySet[ServiceAtLocation], params) -> list[ServiceAtLocation]:
    services = filter_services(Service.objects.all(), params)
    if any(params.get(k) for k in ("taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after")):
        at_locations = at_locations.filter(service__in=services)
    result = list(at_locations.select_related("location", "service__coalition").order_by("id"))
    postcode = (params.get("postcode") or "").replace(" ", "")
    proximity = params.get("proximity")
    if proximity and not proximity.isdigit():
        raise BadParameter("'proximity' must be a whole number of metres.")
    if proximity and not postcode:
        raise BadParameter("'proximity' needs a 'postcode'.")
    if postcode:
        area = PostcodeArea.objects.filter(pc4=postcode[:4]).first() if postcode[:4].isdigit() else None
        if area is None:
            return []
        if proximity:
            limit_km = int(proximity) / 1000  # HSDS asks for metres
            result = [
                item
                for item in result
                if item.location.latitude is not None
                and distance_km(
                    area.latitude, area.longitude, item.location.latitude, item.location.longitude
                )
                <= limit_km
            ]
        else:
            # Without a distance: services whose area (their coalition's municipalities) covers the postcode.
            covering = set(
                Service.objects.filter(coalition__municipalities=area.municipality_id).values_list(
                    "coalition_id", flat=True
                )
            )
            result = [item for item in result if item.service.coalition_id in covering]
    return result


def service_at_location_item(at_location: ServiceAtLocation, contexts: Contexts, *, full: bool) -> dict:
    context = contexts(at_location.service.coalition)
    if full:
        loaded = (
            ServiceAtLocation.objects.select_related("location__municipality")
            .prefetch_related("schedules")
            .get(id=at_location.id)
        )
        result = mapping.service_at_location_to_hsds(loaded, context)
        result["service"] = mapping.list_service(full_services([at_location.service], contexts, False)[0])
        return result
    return {
        "id": str(at_location.id),
        "service_id": str(at_location.service_id),
        "location_id": str(at_location.location_id),
        **({"description": at_location.description} if at_location.description else {}),
    }


def locations_of(coalition_ids) -> QuerySet[Location]:
    return Location.objects.filter(coalition_id__in=coalition_ids)
