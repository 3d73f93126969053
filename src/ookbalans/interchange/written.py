"""The objects an import has just created, as the HSDS mapping reads them, without loading them again.

Finding the fields to keep (`writing.keep_extras`) maps every written object back to HSDS. A new
object was written with all its columns from the instance the writing step built, so that instance,
given its links and parts from the plan, maps as the same object loaded from the database would:
ids as UUIDs, related sets as the prefetched lists of `interchange.prefetched`, parts in the order
`exporting.loading` reads them. Objects that existed before are loaded again (columns the file
does not name keep their stored values).
"""

from __future__ import annotations

import uuid
from functools import cache
from types import SimpleNamespace

from django.db import models

from ookbalans.catalogue.models import Location, Municipality
from ookbalans.interchange.checking.context import CheckContext
from ookbalans.interchange.prefetched import loaded


def as_loaded(obj):
    """The instance with its ids as the database gives them back (UUIDs, not the file's text)."""
    for attname in uuid_columns(type(obj)):
        value = getattr(obj, attname)
        if isinstance(value, str):
            setattr(obj, attname, uuid.UUID(value))
    return obj


@cache
def uuid_columns(model) -> tuple[str, ...]:
    """The model's columns that hold a UUID (its own id or another object's)."""
    return tuple(
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field.target_field if field.is_relation else field, models.UUIDField)
    )


def with_municipalities(locations: list[Location]) -> list[Location]:
    """New locations with their municipality object, which the mapping reads (its province)."""
    codes = {location.municipality_id for location in locations if location.municipality_id}
    found = Municipality.objects.in_bulk(codes)
    for location in locations:
        if location.municipality_id:
            location.municipality = found[location.municipality_id]
    return locations


def with_parts(check: CheckContext, services: list, places: dict[str, list], locations: dict) -> list:
    """New services with their terms, languages, costs and places (each place with its location and hours).

    `places` are the written services' places by service id; `locations` the new locations by id,
    to which the others the places name are added from the database.
    """
    terms = {term.id: term for term in check.terms.values()}
    named = {str(place.location_id) for group in places.values() for place in group}
    missing = named - locations.keys()
    if missing:
        for location in Location.objects.filter(id__in=missing).select_related("municipality"):
            locations[str(location.id)] = location
    for service in services:
        plan = check.services[str(service.id)]
        for name, term_ids in plan["terms"].items():
            setattr(service, loaded(name), [terms[term_id] for term_id in term_ids])
        setattr(service, loaded("languages"), [check.languages[code] for code in plan["languages"]])
        setattr(
            service,
            loaded("cost_options"),
            [SimpleNamespace(service_id=service.id, **option) for option in plan["cost_options"]],
        )
        hours = {
            sal["id"]: sorted(
                (
                    SimpleNamespace(service_at_location_id=uuid.UUID(sal["id"]), **schedule)
                    for schedule in sal["schedules"]
                ),
                key=lambda hour: (hour.weekday, hour.opens_at, hour.id),
            )
            for sal in plan["service_at_locations"]
        }
        for place in places.get(str(service.id), []):
            place.location = locations[str(place.location_id)]
            setattr(place, loaded("schedules"), hours[str(place.id)])
        setattr(service, loaded("service_at_locations"), places.get(str(service.id), []))
    return services
