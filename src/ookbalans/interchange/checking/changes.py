"""What an import would change: per object of the file, the values that differ from the catalogue's.

Run after the checks and before writing: the writing step then saves only what is new or changed,
so that importing an unchanged file (the coalition's own export) writes nothing at all.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ookbalans.catalogue.models import (
    ContactPoint,
    CostOption,
    Location,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
)
from ookbalans.interchange import mapping
from ookbalans.interchange.checking import shown_changes
from ookbalans.interchange.checking.context import CheckContext
from ookbalans.interchange.models import KeptFields

BATCH = 2000
# Kinds of objects as the checks name them (CheckContext.own), with their model and report key.
KINDS = (
    ("organisation", Organisation, "organisations", "organization"),
    ("location", Location, "locations", "location"),
    ("service", Service, "services", "service"),
    ("contact point", ContactPoint, "contact_points", "contact"),
)
PART_KINDS = ("cost_options", "service_at_locations", "schedules")


@dataclass
class Changes:
    """The new and changed objects of an import, what happens to the services' parts, and what to show."""

    new: dict[str, set[str]] = field(default_factory=dict)
    changed: dict[str, set[str]] = field(default_factory=dict)
    added_parts: Counter = field(default_factory=Counter)
    removed_parts: Counter = field(default_factory=Counter)
    # Per object (up to shown_changes.SHOWN): its kind, name, whether new, and its changed fields.
    listed: list[dict] = field(default_factory=list)
    listed_left_out: int = 0
    # Services of the coalition the file does not hold: they stay as they are.
    not_in_file: int = 0

    @property
    def nothing(self) -> bool:
        return not any(self.new.values()) and not any(self.changed.values())

    def created(self) -> dict[str, int]:
        counts = {report: len(self.new[kind]) for kind, _m, report, _h in KINDS if self.new.get(kind)}
        return counts | {kind: n for kind, n in self.added_parts.items() if n}

    def updated(self) -> dict[str, int]:
        return {report: len(self.changed[kind]) for kind, _m, report, _h in KINDS if self.changed.get(kind)}

    def removed(self) -> dict[str, int]:
        return {kind: n for kind, n in self.removed_parts.items() if n}

    def as_data(self) -> dict:
        """What the import page shows (and a background job stores): plain JSON."""
        return {
            "nothing": self.nothing,
            "objects": self.listed,
            "left_out": self.listed_left_out,
            "removed": self.removed(),
            "not_in_file": self.not_in_file,
        }


def find_changes(check: CheckContext) -> Changes:
    """Compare every checked object with the catalogue's (before anything is written)."""
    changes = Changes()
    shown = shown_changes.Shower(check, changes)
    for kind, model, _report, hsds_kind in KINDS:
        plans = check.plans_of(hsds_kind)
        own = check.own.get(kind, set())
        changes.new[kind] = {object_id for object_id in plans if object_id not in own}
        differing = field_changes(check, kind, model, plans, own)
        if kind == "service":
            for service_id, parts in part_changes(check, own, changes).items():
                differing.setdefault(service_id, []).extend(parts)
        if not check.strict:
            for object_id in kept_fields_changed(check, hsds_kind, model, own - set(differing)):
                differing[object_id] = [shown_changes.KEPT]
        changes.changed[kind] = set(differing)
        for object_id in plans:
            if object_id in changes.new[kind] or object_id in differing:
                shown.add(kind, object_id, differing.get(object_id, []))
    # The coalition's services minus those of the file it has already (no list of ids in the query).
    changes.not_in_file = Service.objects.filter(coalition=check.coalition).count() - len(
        check.own.get("service", set())
    )
    return changes


def values_of_kind(check: CheckContext, kind: str):
    """The function that gives a plan's column values as the writing step saves them."""
    from ookbalans.interchange import writing

    return {
        "location": writing.location_values(check),
        "service": writing.service_values,
    }.get(kind, writing.plan_values)


def written_names(plans: dict) -> set[str]:
    """The fields the writing step saves for every object of a kind: those any of its plans has."""
    names = set()
    for plan in plans.values():
        names |= set(plan["fields"])
    return names


def field_changes(check: CheckContext, kind: str, model, plans: dict, own: set[str]) -> dict[str, list]:
    """Per existing object: the (field, old, new) of each column whose value the import would change."""
    values_of = values_of_kind(check, kind)
    names = written_names(plans)
    found: dict[str, list] = {}
    ids = sorted(own)
    for start in range(0, len(ids), BATCH):
        for existing in model.objects.filter(id__in=ids[start : start + BATCH]):
            object_id = str(existing.id)
            plan = plans[object_id]
            values = values_of(plan)
            candidate = model(id=object_id, coalition=check.coalition, **values)
            for name in sorted(names | set(values)):
                model_field = model._meta.get_field(name)
                old = getattr(existing, model_field.attname)
                new = getattr(candidate, model_field.attname)
                if not same(old, new):
                    found.setdefault(object_id, []).append((model_field, old, new))
    return found


def same(old, new) -> bool:
    if isinstance(old, float) or isinstance(new, float):
        if old is None or new is None:
            return old is new
        return abs(float(old) - float(new)) < 1e-9
    if old in (None, "") and new in (None, ""):
        return True
    return str(old) == str(new) if type(old) is not type(new) else old == new


def part_changes(check: CheckContext, own: set[str], changes: Changes) -> dict[str, list]:
    """Per existing service: its classifications, languages, costs, places and opening hours that differ.

    Parts are compared by what they say, not by their ids: a file that says the same keeps them as they are.
    """
    ids = sorted(own)
    now = stored_parts(ids)
    found: dict[str, list] = {}
    for service_id, plan in check.services.items():
        planned = planned_parts(plan)
        before = now.get(service_id, empty_parts()) if service_id in own else empty_parts()
        for kind, key in (
            ("cost_options", "costs"),
            ("service_at_locations", "places"),
            ("schedules", "hours"),
        ):
            added = Counter(planned[key]) - Counter(before[key])
            removed = Counter(before[key]) - Counter(planned[key])
            changes.added_parts[kind] += sum(added.values())
            changes.removed_parts[kind] += sum(removed.values())
        if service_id not in own:
            continue
        differing = [
            (name, before[name], planned[name])
            for name in (*mapping.SERVICE_TERM_FIELDS, "languages")
            if set(before[name]) != set(planned[name])
        ]
        for key in ("costs", "places", "hours"):
            if Counter(before[key]) != Counter(planned[key]):
                differing.append((key, before[key], planned[key]))
        if differing:
            found[service_id] = differing
    return found


def empty_parts() -> dict[str, list]:
    return {name: [] for name in (*mapping.SERVICE_TERM_FIELDS, "languages", "costs", "places", "hours")}


def cost_key(kind: str, amount, option: str) -> tuple:
    return (kind, None if amount is None else f"{amount:.2f}", option or "")


def planned_parts(plan: dict) -> dict[str, list]:
    """A plan's parts in the comparable form stored_parts gives."""
    parts = empty_parts()
    for name, term_ids in plan["terms"].items():
        parts[name] = [str(t) for t in term_ids]
    parts["languages"] = list(plan["languages"])
    parts["costs"] = [cost_key(o["kind"], o["amount"], o["option"]) for o in plan["cost_options"]]
    for sal in plan["service_at_locations"]:
        parts["places"].append((sal["location_id"], sal["description"] or ""))
        parts["hours"] += [
            (sal["location_id"], s["weekday"], f"{s['opens_at']:%H:%M}", f"{s['closes_at']:%H:%M}")
            for s in sal["schedules"]
        ]
    return parts


def stored_parts(service_ids: list[str]) -> dict[str, dict[str, list]]:
    """The parts the catalogue holds now for these services, by service id."""
    parts: dict[str, dict[str, list]] = {}

    def of(service_id) -> dict[str, list]:
        return parts.setdefault(str(service_id), empty_parts())

    for start in range(0, len(service_ids), BATCH):
        chunk = service_ids[start : start + BATCH]
        for name in mapping.SERVICE_TERM_FIELDS:
            through = getattr(Service, name).through
            for service_id, term_id in through.objects.filter(service_id__in=chunk).values_list(
                "service_id", "term_id"
            ):
                of(service_id)[name].append(str(term_id))
        for service_id, code in Service.languages.through.objects.filter(service_id__in=chunk).values_list(
            "service_id", "language_id"
        ):
            of(service_id)["languages"].append(code)
        for service_id, kind, amount, option in CostOption.objects.filter(service_id__in=chunk).values_list(
            "service_id", "kind", "amount", "option"
        ):
            of(service_id)["costs"].append(cost_key(kind, amount, option))
        for service_id, location_id, description in ServiceAtLocation.objects.filter(
            service_id__in=chunk
        ).values_list("service_id", "location_id", "description"):
            of(service_id)["places"].append((str(location_id), description or ""))
        for service_id, location_id, weekday, opens, closes in Schedule.objects.filter(
            service_at_location__service_id__in=chunk
        ).values_list(
            "service_at_location__service_id",
            "service_at_location__location_id",
            "weekday",
            "opens_at",
            "closes_at",
        ):
            of(service_id)["hours"].append((str(location_id), weekday, f"{opens:%H:%M}", f"{closes:%H:%M}"))
    return parts


def kept_fields_changed(check: CheckContext, hsds_kind: str, model, ids: set[str]) -> set[str]:
    """Unchanged objects whose fields unused by ookbalans differ from those kept at the last import."""
    from ookbalans.interchange import writing
    from ookbalans.interchange.exporting.document import services_for_export

    if not ids:
        return set()
    stored = {
        str(object_id): fields
        for object_id, fields in KeptFields.objects.filter(
            coalition=check.coalition, kind=hsds_kind
        ).values_list("object_id", "fields")
        if str(object_id) in ids
    }
    # As the writing step maps a service: with what is kept of the organisations and locations it names.
    context = mapping.Context(
        municipalities=check.coalition.municipalities.order_by("code"),
        extras=kept_of(check.coalition) if hsds_kind == "service" else {},
    )
    to_hsds = {
        "organization": lambda o: mapping.organization_to_hsds(o, mapping.Context()),
        "location": lambda o: mapping.location_to_hsds(o, mapping.Context()),
        "contact": lambda o: mapping.contact_to_hsds(o, mapping.Context()),
        "service": lambda o: mapping.service_to_hsds(o, context),
    }[hsds_kind]
    related = {"location": ("municipality",), "contact": ("phase",)}.get(hsds_kind, ())
    differing = set()
    ordered = sorted(ids)
    for start in range(0, len(ordered), BATCH):
        chunk = model.objects.filter(id__in=ordered[start : start + BATCH]).select_related(*related)
        if hsds_kind == "service":
            chunk = services_for_export(chunk)
        for obj in chunk:
            object_id = str(obj.id)
            kept = writing.kept_fields(
                check, hsds_kind, check.originals[(hsds_kind, object_id)], to_hsds(obj)
            )
            if mapping.canonical(kept) != mapping.canonical(stored.get(object_id, {})):
                differing.add(object_id)
    return differing


def kept_of(coalition) -> dict[tuple[str, str], dict]:
    """What is kept of the coalition's organisations, locations and contacts: a service's mapping uses it."""
    return {
        (kind, str(object_id)): fields
        for kind, object_id, fields in KeptFields.objects.filter(
            coalition=coalition, kind__in=("organization", "location", "contact")
        ).values_list("kind", "object_id", "fields")
    }


def keep_only_changes(check: CheckContext, changes: Changes) -> None:
    """Leave in the check's plans only what is new or changed, so that the writing step saves only that.

    A field that some plan of a kind has is saved for every object of that kind (its default where the
    object's plan lacks it); the plans that stay get it explicitly, so that they are saved as before.
    """
    for kind, model, _report, hsds_kind in KINDS:
        plans = check.plans_of(hsds_kind)
        names = written_names(plans)
        keep = changes.new.get(kind, set()) | changes.changed.get(kind, set())
        for object_id in list(plans):
            if object_id not in keep:
                del plans[object_id]
                check.originals.pop((hsds_kind, object_id), None)
                continue
            for name in names - set(plans[object_id]["fields"]):
                plans[object_id]["fields"][name] = model._meta.get_field(name).get_default()


def services_to_index(check: CheckContext, changes: Changes) -> set[str]:
    """Services of the file that are unchanged themselves but whose organisation or location changed."""
    organisations = changes.changed.get("organisation", set())
    locations = changes.changed.get("location", set())
    if not organisations and not locations:
        return set()
    # Read through the coalition's links rather than with a (possibly very long) list of ids.
    found = {
        str(service_id)
        for service_id, organisation_id in Service.objects.filter(coalition=check.coalition).values_list(
            "id", "organization_id"
        )
        if str(organisation_id) in organisations
    }
    found |= {
        str(service_id)
        for service_id, location_id in ServiceAtLocation.objects.filter(
            service__coalition=check.coalition
        ).values_list("service_id", "location_id")
        if str(location_id) in locations
    }
    return found - changes.changed.get("service", set()) - changes.new.get("service", set())
