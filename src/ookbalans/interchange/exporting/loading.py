"""Loading a coalition's services for an export, a chunk at a time, in few queries and few objects.

Django's prefetch runs one query per related set with the chunk's ids in an `IN` list, and makes a
new Term for every link of every service. Here each chunk is a range of ids: every related table
is read in one query per chunk on `service_id BETWEEN first AND last`; the six sets of framework
terms and the languages are links to reference rows loaded once, shared by every service; so are the
locations (a coalition has a few, named by every service at a location): one object per location.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import CharField, Value

from ookbalans.catalogue.models import CostOption, Language, Location, Schedule, Service, ServiceAtLocation
from ookbalans.framework.models import Term
from ookbalans.interchange import mapping, prefetched

TERM_FIELDS = tuple(mapping.SERVICE_TERM_FIELDS)
CHUNK = 1000


def services_in_chunks(services, chunk_size: int = CHUNK) -> Iterator[list[Service]]:
    """The services of a queryset (one coalition's, or a set of ids), in id order, in chunks of
    `chunk_size`, each with every related set the mapping reads (mapping: `prefetched.related`)."""
    terms = Term.objects.in_bulk()
    languages = Language.objects.in_bulk()
    locations: dict = {}
    last = None
    while True:
        page = services.select_related("national_intervention").order_by("id")
        if last is not None:
            page = page.filter(id__gt=last)
        chunk = list(page[:chunk_size])
        if not chunk:
            return
        last = chunk[-1].id
        attach_parts(chunk, services, terms, languages, locations)
        yield chunk
        if len(chunk) < chunk_size:
            return


def attach_parts(
    chunk: list[Service], services, terms: dict, languages: dict, locations: dict | None = None
) -> None:
    """Every related set of the chunk's services, as lists on `prefetched.loaded(name)`.

    `locations` holds the locations loaded so far by id (with their municipality), filled here.
    """
    locations = {} if locations is None else locations
    first, last = chunk[0].id, chunk[-1].id
    ids = services.filter(id__gte=first, id__lte=last).values("id")
    in_range = {"service_id__gte": first, "service_id__lte": last, "service_id__in": ids}
    found = {(service.id, name): [] for service in chunk for name in (*TERM_FIELDS, "languages")}
    links = [
        Service._meta.get_field(name)
        .remote_field.through.objects.filter(**in_range)
        .values_list("service_id", "term_id", Value(name, output_field=CharField()))
        for name in TERM_FIELDS
    ]
    for service_id, term_id, name in links[0].union(*links[1:], all=True):
        found[(service_id, name)].append(terms[term_id])
    for service_id, code in Service.languages.through.objects.filter(**in_range).values_list(
        "service_id", "language_id"
    ):
        found[(service_id, "languages")].append(languages[code])
    options = grouped(CostOption.objects.filter(**in_range).order_by("id"), "service_id")
    places = list(ServiceAtLocation.objects.filter(**in_range).order_by("id"))
    missing = {place.location_id for place in places} - locations.keys()
    if missing:
        locations |= Location.objects.select_related("municipality").in_bulk(missing)
    for place in places:
        place.location = locations[place.location_id]
    hours = grouped(
        Schedule.objects.filter(
            service_at_location__service_id__gte=first,
            service_at_location__service_id__lte=last,
            service_at_location__service_id__in=ids,
        ).order_by("weekday", "opens_at", "id"),
        "service_at_location_id",
    )
    for place in places:
        setattr(place, prefetched.loaded("schedules"), hours.get(place.id, []))
    places_of = grouped(places, "service_id")
    for service in chunk:
        for name in (*TERM_FIELDS, "languages"):
            setattr(service, prefetched.loaded(name), found[(service.id, name)])
        setattr(service, prefetched.loaded("cost_options"), options.get(service.id, []))
        setattr(service, prefetched.loaded("service_at_locations"), places_of.get(service.id, []))


def grouped(objects, key: str) -> dict:
    """Objects by the value of one of their fields, in the order they come."""
    groups: dict = {}
    for obj in objects:
        groups.setdefault(getattr(obj, key), []).append(obj)
    return groups
