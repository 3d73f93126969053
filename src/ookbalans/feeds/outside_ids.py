"""A feed's own ids made local: each coalition's copy of an outside object gets an id of its own.

An outside feed names its objects with its own ids (any text). Imported as they are, the ids of a
regional feed could serve one coalition only, since an id belongs to one coalition. Here every id
in the document that the importer reads is replaced by a local id: the one already recorded for
(coalition, source, kind, outside id), else one derived from those four (uuid5), so that pulling
the same feed again gives the same local ids and another coalition gets ids of its own.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterator

# The namespace of the derived ids (a fixed, random UUID: the ids stay the same across installations).
NAMESPACE = uuid.UUID("6f4c7d1e-2b0a-4d8e-9a51-3c7f0e9b2d64")

# Kinds of object whose ids the importer reads (the HSDS table names).
KINDS = (
    "organization",
    "location",
    "service",
    "contact",
    "service_at_location",
    "schedule",
    "cost_option",
)

Key = tuple[str, str]  # (kind, outside id)


def derived_id(coalition_id, source: str, kind: str, outside_id: str) -> str:
    """The local id of an outside object that has none recorded yet: the same for the same four values."""
    return str(uuid.uuid5(NAMESPACE, f"{coalition_id}\n{source}\n{kind}\n{outside_id}"))


def outside_id(value) -> str | None:
    """An outside id as text; None for what is no id (missing, empty, a list): the importer reports it."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value).strip()
    return text or None


class Localiser:
    """Replaces the outside ids of one document, remembering which local id each one got."""

    def __init__(self, coalition_id, source: str, known: dict[Key, str]) -> None:
        self.coalition_id = coalition_id
        self.source = source
        self.known = known
        self.used: dict[Key, str] = {}

    def local(self, kind: str, value):
        """The local id for an outside id; a value that is no id is left for the importer to report."""
        key = outside_id(value)
        if key is None:
            return value
        local = self.known.get((kind, key)) or derived_id(self.coalition_id, self.source, kind, key)
        self.used[(kind, key)] = local
        return local

    def replace(self, item, key: str, kind: str) -> None:
        if isinstance(item, dict) and key in item:
            item[key] = self.local(kind, item[key])

    def organisation(self, item) -> None:
        self.replace(item, "id", "organization")
        for contact in objects(item, "contacts"):
            self.contact(contact)
        for location in objects(item, "locations"):
            self.location(location)

    def location(self, item) -> None:
        self.replace(item, "id", "location")
        self.replace(item, "organization_id", "organization")

    def contact(self, item) -> None:
        self.replace(item, "id", "contact")
        self.replace(item, "organization_id", "organization")

    def service(self, item) -> None:
        self.replace(item, "id", "service")
        self.replace(item, "organization_id", "organization")
        if isinstance(item.get("organization"), dict):
            self.organisation(item["organization"])
        for option in objects(item, "cost_options"):
            self.replace(option, "id", "cost_option")
        for sal in objects(item, "service_at_locations"):
            self.replace(sal, "id", "service_at_location")
            self.replace(sal, "location_id", "location")
            if isinstance(sal.get("location"), dict):
                self.location(sal["location"])
            for schedule in objects(sal, "schedules"):
                self.replace(schedule, "id", "schedule")


def objects(item, key: str) -> Iterator[dict]:
    value = item.get(key) if isinstance(item, dict) else None
    if isinstance(value, list):
        yield from (entry for entry in value if isinstance(entry, dict))


def localise(document: dict, coalition_id, source: str, known: dict[Key, str]) -> tuple[dict, dict[Key, str]]:
    """A copy of the document (as `as_document` gives it) with local ids, and the local id per outside id."""
    document = copy.deepcopy(document)
    localiser = Localiser(coalition_id, source, known)
    if not isinstance(document, dict):
        return document, {}
    for item in objects(document, "organizations"):
        localiser.organisation(item)
    for item in objects(document, "locations"):
        localiser.location(item)
    for item in objects(document, "services"):
        localiser.service(item)
    for item in objects(document, "contacts"):
        localiser.contact(item)
    return document, localiser.used
