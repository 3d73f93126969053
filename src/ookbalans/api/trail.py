"""The management API's audit entries: a service body may create or change organisations and locations too."""

from __future__ import annotations

from ookbalans.api import hsds
from ookbalans.audit.tracking import record_saved, snapshot
from ookbalans.catalogue.models import Location, Organisation


def named_ids(body: dict) -> tuple[set[str], set[str]]:
    """The ids of the organisations and locations a service body names, nested or by id (pure)."""
    organisations, locations = set(), set()

    def add(ids: set, value) -> None:
        if isinstance(value, str) and hsds.is_uuid(value):
            ids.add(value.lower())

    organisation = body.get("organization")
    add(organisations, body.get("organization_id"))
    if isinstance(organisation, dict):
        add(organisations, organisation.get("id"))
        for location in organisation.get("locations") or []:
            if isinstance(location, dict):
                add(locations, location.get("id"))
    for at_location in body.get("service_at_locations") or []:
        if not isinstance(at_location, dict):
            continue
        add(locations, at_location.get("location_id"))
        if isinstance(at_location.get("location"), dict):
            add(locations, at_location["location"].get("id"))
    return organisations, locations


class Before:
    """The organisations and locations a body names, as they were before it was imported."""

    def __init__(self, coalition, body: dict) -> None:
        self.coalition = coalition
        organisation_ids, location_ids = named_ids(body)
        self.queries = (
            Organisation.objects.filter(coalition=coalition, id__in=organisation_ids),
            Location.objects.filter(coalition=coalition, id__in=location_ids),
        )
        self.old = {(type(obj), str(obj.pk)): snapshot(obj) for query in self.queries for obj in query}

    def record(self) -> None:
        """One entry per organisation or location the import created or changed (none if unchanged)."""
        for query in self.queries:
            for obj in query.all():
                record_saved(obj, self.old.get((type(obj), str(obj.pk))))
