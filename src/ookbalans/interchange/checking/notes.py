"""Notes on what an import keeps without using it: one per kind of object, not one per object and field."""

from __future__ import annotations

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from ookbalans.catalogue.models import ContactPoint, Location, Organisation, Service
from ookbalans.interchange import mapping
from ookbalans.interchange.problems import Problems, Where

MODELS = {"organization": Organisation, "location": Location, "service": Service, "contact": ContactPoint}
# Kept quietly: the date of the last change always differs after an import.
QUIET = {"last_modified"}


def empty(value) -> bool:
    return value in (None, "", [], {})


def without_empties(value):
    """A value with its empty fields left out, at every depth: `"schedules": []` says nothing."""
    if isinstance(value, dict):
        return {k: without_empties(v) for k, v in value.items() if not empty(without_empties(v))}
    if isinstance(value, list):
        return [without_empties(v) for v in value]
    return value


def noteworthy(kept: dict) -> bool:
    """Whether a kept field says something: not empty, and not only empties more than ookbalans' value."""
    original = without_empties(kept.get("original"))
    return not empty(original) and mapping.canonical(original) != mapping.canonical(
        without_empties(kept.get("mapped"))
    )


def note_kept_fields(problems: Problems, extras: dict[tuple[str, str], dict]) -> None:
    """One note per kind of object: which fields with a value ookbalans keeps for the next export.

    Fields the file leaves empty, or that differ from ookbalans' own only by empty parts, are kept too
    (so the export gives them back the same), but not noted: nothing of meaning is lost or doubtful there.
    """
    fields: dict[str, set[str]] = {}
    objects: dict[str, int] = {}
    for (kind, _object_id), kept in extras.items():
        noted = {key for key, value in kept.items() if key not in QUIET and noteworthy(value)}
        if noted:
            fields.setdefault(kind, set()).update(noted)
            objects[kind] = objects.get(kind, 0) + 1
    for kind in MODELS:
        if kind not in fields:
            continue
        problems.warning(
            Where(_("the file")),
            "",
            "",
            _(
                "%(kind)s (%(count)s): fields that ookbalans does not take over exactly as the file has them "
                "are kept and given back unchanged in the next export: %(fields)s."
            )
            % {
                "kind": capfirst(MODELS[kind]._meta.verbose_name_plural),
                "count": objects[kind],
                "fields": ", ".join(sorted(fields[kind])),
            },
        )
