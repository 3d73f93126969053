"""The changes of an import as a coordinator reads them: per object its fields, old value → new value."""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from ookbalans.catalogue.models import CostOption, Location, Schedule, Service
from ookbalans.interchange import mapping

# How many new or changed objects are listed one by one; the rest are only counted.
SHOWN = 200
# A value longer than this is shortened on the page.
LONGEST = 160
# The marker of an object whose only change is in the fields that ookbalans keeps as the file has them.
KEPT = "kept"


class Shower:
    """Turns the differences found into the readable list the import page shows."""

    def __init__(self, check, changes) -> None:
        self.check = check
        self.changes = changes
        self.term_labels = {str(t.id): t.label for t in check.terms.values()}
        self.location_names: dict[str, str] = {}
        self.related_names: dict[tuple, str] = {}

    def add(self, kind: str, object_id: str, differing: list) -> None:
        if len(self.changes.listed) >= SHOWN:
            self.changes.listed_left_out += 1
            return
        plan = self.check.plans_of(HSDS_KINDS[kind])[object_id]
        self.changes.listed.append(
            {
                "kind": str(KIND_LABELS[kind]()),
                "name": plan["fields"].get("name_nl") or plan["fields"].get("name") or object_id,
                "where": place(plan["where"]),
                "new": not differing,
                "fields": [self.field(item) for item in differing],
            }
        )

    def field(self, item) -> dict:
        if item == KEPT:
            return {
                "label": _("fields that ookbalans does not take over exactly, kept for the next export"),
                "old": "",
                "new": "",
            }
        name, old, new = item
        if isinstance(name, models.Field):
            return {"label": label_of(name), "old": self.value(name, old), "new": self.value(name, new)}
        return {"label": part_label(name), "old": self.part(name, old), "new": self.part(name, new)}

    def value(self, model_field: models.Field, value) -> str:
        if value in (None, ""):
            return _("(empty)")
        if model_field.is_relation:
            return self.related_name(model_field.related_model, value)
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        return shown(value)

    def related_name(self, model, pk) -> str:
        key = (model, str(pk))
        if key not in self.related_names:
            plans = {"Organisation": self.check.organisations, "Location": self.check.locations}.get(
                model.__name__, {}
            )
            if str(pk) in plans:
                self.related_names[key] = plans[str(pk)]["fields"]["name"]
            else:
                found = model.objects.filter(pk=pk).first()
                self.related_names[key] = str(found) if found is not None else str(pk)
        return self.related_names[key]

    def location_name(self, location_id: str) -> str:
        return self.related_name(Location, location_id)

    def part(self, name: str, values: list) -> str:
        if not values:
            return _("(empty)")
        if name in mapping.SERVICE_TERM_FIELDS:
            return ", ".join(sorted(self.term_labels.get(v, v) for v in values))
        if name == "languages":
            return ", ".join(sorted(str(self.check.languages.get(v, v)) for v in values))
        if name == "costs":
            return "; ".join(sorted(cost_text(*v) for v in values))
        if name == "places":
            return "; ".join(
                sorted(self.location_name(loc) + (f" ({note})" if note else "") for loc, note in values)
            )
        by_location = defaultdict(list)
        for location_id, weekday, opens, closes in sorted(values, key=lambda v: (v[1], v[2])):
            day = Schedule.Weekday(weekday).label
            by_location[self.location_name(location_id)].append(f"{day} {opens}–{closes}")
        return "; ".join(f"{name}: {', '.join(hours)}" for name, hours in sorted(by_location.items()))


HSDS_KINDS = {
    "organisation": "organization",
    "location": "location",
    "service": "service",
    "contact point": "contact",
}
KIND_LABELS = {
    "organisation": lambda: _("organisation"),
    "location": lambda: _("location"),
    "service": lambda: _("service"),
    "contact point": lambda: _("contact point"),
}


def place(where) -> str:
    if where.row is not None:
        return _("%(source)s, row %(row)s") % {"source": where.source, "row": where.row}
    return where.source


def label_of(model_field: models.Field) -> str:
    """A field's name as the admin shows it; a translation's with its language (Dutch is the original)."""
    base, _sep, language = model_field.name.rpartition("_")
    if language in mapping.TRANSLATED_LANGUAGES or language == "nl":
        try:
            original = model_field.model._meta.get_field(base)
        except Exception:  # noqa: BLE001 - not a translated field after all
            return capfirst(str(model_field.verbose_name))
        if language == "nl":
            return capfirst(str(original.verbose_name))
        return f"{capfirst(str(original.verbose_name))} ({language.upper()})"
    return capfirst(str(model_field.verbose_name))


def part_label(name: str) -> str:
    if name in mapping.SERVICE_TERM_FIELDS or name == "languages":
        return capfirst(str(Service._meta.get_field(name).verbose_name))
    return capfirst(
        str(
            {
                "costs": CostOption._meta.verbose_name_plural,
                "places": Location._meta.verbose_name_plural,
                "hours": Schedule._meta.verbose_name_plural,
            }[name]
        )
    )


def cost_text(kind: str, amount, option: str) -> str:
    text = f"€ {amount}" if amount is not None else str(CostOption.Kind(kind).label)
    return f"{text} ({option})" if option else text


def shown(value) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return f"{value:%H:%M}"
    if isinstance(value, Decimal | float | int):
        return str(value)
    text = str(value)
    return text if len(text) <= LONGEST else text[: LONGEST - 1] + "…"
