"""Work of the writing step done ahead, where a file is checked (a national import's worker process).

The process that writes a national import holds the one transaction, so whatever can be worked out
before the write is done by the workers that check the files: the catalogue's receivers' work for
the file's new services (the search documents, through `catalogue.changes.services_coming`), and,
for a file of only new objects, the fields to keep with the time they are written with. Each is
what the writing step would work out itself, from the same plans, so the result is the same.
"""

from __future__ import annotations

from django.utils import timezone

from ookbalans.catalogue.changes import prepare_services
from ookbalans.catalogue.models import ContactPoint, Location, Organisation, Service
from ookbalans.interchange import writing
from ookbalans.interchange.checking import changes as changing
from ookbalans.interchange.importing import Checked

# The writing step's kinds of objects: (HSDS kind, model, the check's kind of its own objects).
WRITTEN = (
    ("organization", Organisation, "organisation"),
    ("location", Location, "location"),
    ("service", Service, "service"),
    ("contact", ContactPoint, "contact point"),
)


def prepare(checked: Checked) -> Checked:
    """The checked file with the work of its write that can be done now (`Checked.prepared`, `.ahead`)."""
    checked.prepared = tuple(prepare_services(Service, checked.check.coalition.pk, new_services(checked)))
    checked.ahead = only_new(checked)
    return checked


def new_services(checked: Checked) -> dict:
    """The file's new services as `services_coming` gives them: they are written as their plans say."""
    check, new = checked.check, checked.changes.new.get("service", set())
    plans = {service_id: plan for service_id, plan in check.services.items() if service_id in new}
    names = {object_id: plan["fields"]["name"] for object_id, plan in check.organisations.items()}
    missing = {plan["organisation_id"] for plan in plans.values()} - names.keys()
    if missing:
        found = Organisation.objects.filter(pk__in=missing).values_list("pk", "name")
        names |= {str(pk): name for pk, name in found}
    return {
        service_id: {
            "fields": plan["fields"],
            "organisation": names[plan["organisation_id"]],
            "terms": plan["terms"],
        }
        for service_id, plan in plans.items()
        if plan["organisation_id"] in names
    }


def only_new(checked: Checked) -> writing.Ahead | None:
    """For a file whose every object is new: the fields to keep.

    A file with objects of the catalogue maps those after their update: left to the writing step.
    So is an Excel workbook, which keeps nothing.
    """
    check = checked.check
    if check.strict or any(check.own.get(own) for _kind, _model, own in WRITTEN):
        return None
    now = timezone.now()
    # The plans as the writing step saves them (every object is new: nothing is left out).
    changing.keep_only_changes(check, checked.changes)
    values = {"location": writing.location_values(check), "service": writing.service_values}
    new = {
        kind: writing.instances(
            check, model, check.plans_of(kind), set(), now, values.get(kind, writing.plan_values)
        )[0]
        for kind, model, _own in WRITTEN
    }
    places = writing.by_service(writing.places_of(check))
    # What is kept of the coalition's other objects; the file's own ids are written afresh.
    ids = {object_id for _kind, object_id in check.originals}
    extras = {key: kept for key, kept in changing.kept_of(check.coalition).items() if key[1] not in ids}
    kept = writing.kept_rows(check, new, places, extras)
    # The file's objects as they were are needed no more, only their ids: the checked file that
    # goes to the writing process is the smaller (and quicker to send).
    check.originals = dict.fromkeys(check.originals)
    for kind, _model, _own in WRITTEN:
        for plan in check.plans_of(kind).values():
            plan.pop("hsds", None)
    return writing.Ahead(kept)
