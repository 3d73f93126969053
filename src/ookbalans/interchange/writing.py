"""Writing the checked plans of an import: every object of the file saved in bulk, inside one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from django.utils import timezone
from django.utils.translation import get_language
from modeltranslation.fields import TranslationField
from modeltranslation.utils import build_localized_fieldname

from ookbalans.catalogue.changes import services_changed, writing_in_bulk
from ookbalans.catalogue.copying import insert_objects, insert_rows
from ookbalans.catalogue.models import (
    ContactPoint,
    CostOption,
    Location,
    Organisation,
    PostcodeArea,
    Schedule,
    Service,
    ServiceAtLocation,
)
from ookbalans.interchange import comparing, mapping, written
from ookbalans.interchange.checking.attributes import phase_of
from ookbalans.interchange.checking.changes import kept_of
from ookbalans.interchange.checking.context import CheckContext
from ookbalans.interchange.checking.notes import note_kept_fields
from ookbalans.interchange.exporting.loading import services_in_chunks
from ookbalans.interchange.models import KeptFields
from ookbalans.interchange.problems import SOURCE, Problems

BATCH = 2000
# Keys that are never kept as extras: the nested organisation is imported as an organisation itself.
NOT_KEPT = {"service": {"id", "organization"}, "organization": {"id"}, "location": {"id"}, "contact": {"id"}}
# Fields compared otherwise than as they are (see kept_fields).
SPECIAL = {"contacts", "service_areas", "application_process"}


@dataclass
class Report:
    """What an import did or would do."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)
    dry_run: bool = False
    # What differs from the catalogue, per object, as the page shows it (checking/changes.py).
    changes: dict = field(default_factory=dict)

    def count(self, kind: str, created: bool) -> None:
        target = self.created if created else self.updated
        target[kind] = target.get(kind, 0) + 1


@dataclass
class Ahead:
    """What a file of only new objects needs written besides them, worked out before the write (`ahead`)."""

    # The fields to keep, as (kind, object id, fields); a service's `last_modified` is mapped again
    # from the time it is written (`keep_extras`).
    kept: list[tuple[str, str, dict]]


def write_plans(check: CheckContext, report: Report, prepared: list = (), ahead: Ahead | None = None) -> None:
    """Save every plan; the caller holds the transaction. `prepared`, `ahead`: see `importing.prepare_new`."""
    now = timezone.now()
    with writing_in_bulk(Service, check.coalition.pk):
        new = {
            "organization": save_plans(
                check, Organisation, check.organisations, "organisation", report, "organisations", now
            ),
            "location": save_plans(
                check, Location, check.locations, "location", report, "locations", now, location_values(check)
            ),
            "service": save_plans(
                check, Service, check.services, "service", report, "services", now, service_values
            ),
        }
        places = write_service_parts(check, report)
        new["contact"] = save_plans(
            check, ContactPoint, check.contacts, "contact point", report, "contact_points", now
        )
        if not check.strict:
            # An Excel workbook holds only what ookbalans has columns for: nothing to keep.
            if ahead is None:
                keep_extras(check, new, places)
            else:
                keep_extras(check, new, places, ahead.kept)
    if not report.dry_run:
        # Bulk writes send no model signals: the catalogue tells its receivers (the search index) once.
        services_changed(Service, check.services, prepared)


def plan_values(plan: dict) -> dict:
    return {**plan["fields"]}


def service_values(plan: dict) -> dict:
    return {**plan["fields"], "organization_id": plan["organisation_id"]}


def location_values(check: CheckContext):
    """A location's values, with municipality (and, if the file has none, map position) from its postcode."""
    areas = {
        a.pc4: a
        for a in PostcodeArea.objects.filter(
            pc4__in={p["fields"]["postal_code"][:4] for p in check.locations.values()}
        )
    }

    def values_of(plan: dict) -> dict:
        values = dict(plan["fields"])
        area = areas.get(values["postal_code"][:4])
        if area is not None:
            if values["latitude"] is None:
                values["latitude"], values["longitude"] = area.latitude, area.longitude
            values["municipality_id"] = area.municipality_id
        else:
            values["municipality_id"] = None
        return values

    return values_of


def save_plans(
    check: CheckContext,
    model,
    plans: dict,
    own_kind: str,
    report: Report,
    kind: str,
    now,
    values_of=plan_values,
) -> list:
    """Create the new objects and update those the coalition has already, in batches; the new ones."""
    new, existing, names = instances(check, model, plans, check.own[own_kind], now, values_of)
    insert_objects(model, new)
    if existing:
        model.objects.bulk_update(existing, sorted(names | {"modified_at"}), batch_size=1000)
    if new:
        report.created[kind] = len(new)
    if existing:
        report.updated[kind] = len(existing)
    return new


def instances(check: CheckContext, model, plans: dict, own: set, now, values_of=plan_values):
    """The plans' model instances as written: the new ones, those of `own` objects, and the fields named."""
    new, existing = [], []
    names = set()
    for object_id, plan in plans.items():
        values = values_of(plan)
        names |= set(values)
        obj = model(id=object_id, coalition=check.coalition, **translation_defaults(model, *values), **values)
        obj.modified_at = now
        if object_id in own:
            existing.append(obj)
        else:
            obj.created_at = now
            new.append(obj)
    return new, existing, names


def translation_defaults(model, *given: str) -> dict:
    """The defaults of the model's translation fields that the values `given` leave out.

    Django asks each field left out for its default; modeltranslation's fields switch the language
    to give it (`override`), a fifth of the time of making an instance. A name without language
    among `given` (`description`) stands for its field in the active language, as modeltranslation
    reads it.
    """
    return _translation_defaults(model, get_language(), frozenset(given))


@cache
def _translation_defaults(model, language: str | None, given: frozenset) -> dict:
    defaults = {}
    for column in model._meta.concrete_fields:
        if not isinstance(column, TranslationField) or column.attname in given or callable(column.default):
            continue
        original = column.translated_field.name
        if original in given and (
            language is None or column.attname == build_localized_fieldname(original, language)
        ):
            continue
        defaults[column.attname] = column.get_default()
    return defaults


def write_service_parts(check: CheckContext, report: Report) -> dict[str, list[ServiceAtLocation]]:
    """A service's links and parts are replaced by those in the file, keeping the file's ids.

    Returns the services' places (at a location) as written, by service id.
    """
    # Only services that were there before have parts to replace (none, for a new coalition's file).
    service_ids = [i for i in check.services if i in check.own["service"]]
    if service_ids:
        ServiceAtLocation.objects.filter(service_id__in=service_ids).delete()
        CostOption.objects.filter(service_id__in=service_ids).delete()
    through_rows = {name: [] for name in mapping.SERVICE_TERM_FIELDS}
    language_rows, schedules, options = [], [], []
    sals = places_of(check)
    for service_id, plan in check.services.items():
        for name, term_ids in plan["terms"].items():
            through_rows[name] += [(service_id, t) for t in term_ids]
        language_rows += [(service_id, code) for code in plan["languages"]]
        options += [(o["id"], service_id, o["kind"], o["amount"], o["option"]) for o in plan["cost_options"]]
        for sal in plan["service_at_locations"]:
            schedules += [
                (s["id"], sal["id"], s["weekday"], s["opens_at"], s["closes_at"]) for s in sal["schedules"]
            ]
    for name, rows in through_rows.items():
        through = getattr(Service, name).through
        if service_ids:
            through.objects.filter(service_id__in=service_ids).delete()
        insert_rows(through, ("service", "term"), rows)
    if service_ids:
        Service.languages.through.objects.filter(service_id__in=service_ids).delete()
    insert_rows(Service.languages.through, ("service", "language"), language_rows)
    insert_rows(CostOption, ("id", "service", "kind", "amount", "option"), options)
    insert_objects(ServiceAtLocation, sals)
    insert_rows(Schedule, ("id", "service_at_location", "weekday", "opens_at", "closes_at"), schedules)
    for kind, count in (
        ("cost_options", len(options)),
        ("service_at_locations", len(sals)),
        ("schedules", len(schedules)),
    ):
        if count:
            report.created[kind] = count
    return by_service(sals)


def places_of(check: CheckContext) -> list[ServiceAtLocation]:
    """The services' places (at a location) as written."""
    return [
        ServiceAtLocation(
            **translation_defaults(ServiceAtLocation, "description"),
            id=sal["id"],
            service_id=service_id,
            location_id=sal["location_id"],
            description=sal["description"],
        )
        for service_id, plan in check.services.items()
        for sal in plan["service_at_locations"]
    ]


def by_service(sals: list[ServiceAtLocation]) -> dict[str, list[ServiceAtLocation]]:
    places: dict[str, list[ServiceAtLocation]] = {}
    for sal in sals:
        places.setdefault(sal.service_id, []).append(sal)
    return places


def without_source(value):
    if isinstance(value, dict):
        return {k: without_source(v) for k, v in value.items() if k != SOURCE}
    if isinstance(value, list):
        return [without_source(v) for v in value]
    return value


def kept_fields(check: CheckContext, kind: str, original: dict, mapped: dict) -> dict:
    """The fields of a file's object that its export would not give back the same."""
    kept = {}
    for key, value in original.items():
        if key in NOT_KEPT[kind] or key == SOURCE:
            continue
        if key not in SPECIAL and comparing.same(value, mapped.get(key)):
            continue  # the common case, decided without copying or writing the value
        value = without_source(value)
        if kind == "organization" and key == "contacts" and isinstance(value, list):
            # ookbalans' contact points are imported as such; only other contacts are kept.
            value = [c for c in value if not (isinstance(c, dict) and phase_of(check, c))]
            if not value:
                continue
        if key == "service_areas":
            foreign = [
                a
                for a in value or []
                if not (isinstance(a, dict) and a.get("extent_type") == "cbs_gemeentecode")
            ]
            if foreign:
                kept[key] = {"original": foreign, "mapped": None}
            continue
        compared = value
        if (
            key == "application_process"
            and isinstance(value, str)
            and value in mapping.FORMER_APPLICATION_PROCESS
        ):
            compared = mapping.application_process(mapping.FORMER_APPLICATION_PROCESS[value])
        if mapping.canonical(compared) != mapping.canonical(mapped.get(key)):
            kept[key] = {"original": value, "mapped": mapped.get(key)}
    return kept


def keep_extras(check: CheckContext, new: dict[str, list], places: dict[str, list], kept=None) -> None:
    """Keep every field of the file that the export would not give back the same, for the next export.

    `new` are the objects just created by kind, mapped as they are (`written`); the objects updated
    are loaded again. `places` are the written services' places by service id. `kept`: the rows to
    keep when they were worked out ahead (`Ahead`), with their notes.
    """
    coalition = check.coalition
    ids = {kind: [object_id for (k, object_id) in check.originals if k == kind] for kind in NOT_KEPT}
    KeptFields.objects.filter(object_id__in=[i for group in ids.values() for i in group]).delete()
    if kept is None:
        kept = kept_rows(check, new, places, kept_of(coalition))
    else:
        # Worked out ahead: a service's `last_modified` maps the time it was written (each its own).
        written_at = {str(service.id): service.modified_at.isoformat() for service in new["service"]}
        for kind, object_id, fields in kept:
            if kind == "service" and "last_modified" in fields:
                fields["last_modified"]["mapped"] = written_at[object_id]
    rows = [(coalition.pk, *row) for row in kept]
    insert_rows(KeptFields, ("coalition", "kind", "object_id", "fields"), rows)


def kept_rows(check: CheckContext, new: dict[str, list], places: dict[str, list], extras: dict) -> list:
    """The fields to keep of the file's objects, as (kind, object id, fields), and their notes.

    `extras`: what is kept of the coalition's objects that are not written (the export maps with it).
    """
    coalition = check.coalition
    ids = {kind: [object_id for (k, object_id) in check.originals if k == kind] for kind in NOT_KEPT}
    context = mapping.Context(municipalities=coalition.municipalities.order_by("code"), extras=extras)
    rows = []

    def keep(kind, object_id, mapped):
        kept = kept_fields(check, kind, check.originals[(kind, object_id)], mapped)
        if kept:
            context.extras[(kind, object_id)] = kept
            rows.append((kind, object_id, kept))

    created = {kind: [written.as_loaded(obj) for obj in objects] for kind, objects in new.items()}
    done = {kind: {str(obj.id) for obj in objects} for kind, objects in created.items()}
    again = {kind: [i for i in ids[kind] if i not in done[kind]] for kind in created}
    for organisation in [
        *created["organization"],
        *Organisation.objects.filter(id__in=again["organization"]),
    ]:
        keep(
            "organization",
            str(organisation.id),
            mapping.organization_to_hsds(organisation, mapping.Context()),
        )
    locations = written.with_municipalities(created["location"])
    locations += Location.objects.filter(id__in=again["location"]).select_related("municipality")
    for location in locations:
        keep("location", str(location.id), mapping.location_to_hsds(location, mapping.Context()))
    for point in [
        *created["contact"],
        *ContactPoint.objects.filter(id__in=again["contact"]).select_related("phase"),
    ]:
        keep("contact", str(point.id), mapping.contact_to_hsds(point, mapping.Context()))
    shared = {str(location.id): location for location in created["location"]}
    for service in written.with_parts(check, created["service"], places, shared):
        keep("service", str(service.id), mapping.service_to_hsds(service, context))
    if again["service"]:
        services = Service.objects.filter(coalition=coalition)
        wanted = set(again["service"])
        if len(wanted) * 2 < services.count():  # a few services of a large coalition: by their ids
            services = services.filter(id__in=wanted)
        for chunk in services_in_chunks(services):
            for service in chunk:
                if str(service.id) in wanted:
                    keep("service", str(service.id), mapping.service_to_hsds(service, context))
    note_kept_fields(check.problems, context.extras)
    return rows
