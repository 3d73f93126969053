"""Checks across objects: ids of another coalition, references that lead nowhere, names and phases twice."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ookbalans.catalogue.models import (
    ContactPoint,
    CostOption,
    Location,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
)
from ookbalans.interchange.checking.context import CheckContext
from ookbalans.interchange.problems import Where


def check_ownership(check: CheckContext) -> None:
    """Ids of another coalition, references that lead nowhere, and duplicate names."""
    for kind, label, model, plans in (
        ("organisation", _("organisation"), Organisation, check.organisations),
        ("location", _("location"), Location, check.locations),
        ("service", _("service"), Service, check.services),
        ("contact point", _("contact point"), ContactPoint, check.contacts),
    ):
        check.own[kind] = own_ids(check, label, model, set(plans), {k: p["where"] for k, p in plans.items()})
    check_references(check)
    check_part_ids(check)
    check_organisation_names(check)
    check_contact_points_unique(check)


def own_ids(check: CheckContext, kind: str, model, ids: set[str], where_by_id: dict[str, Where]) -> set[str]:
    """Ids that exist already in this coalition; ids of another coalition are an error."""
    found = dict(model.objects.filter(id__in=ids).values_list("id", "coalition_id"))
    own = set()
    for object_id, coalition_id in found.items():
        if coalition_id == check.coalition.id:
            own.add(str(object_id))
        else:
            check.problems.error(
                where_by_id[str(object_id)],
                "id",
                object_id,
                _("this %(kind)s id belongs to another coalition. Remove the id to add it as a new %(kind)s.")
                % {"kind": kind},
            )
    return own


def existing_ids(check: CheckContext, model) -> set[str]:
    return {str(i) for i in model.objects.filter(coalition=check.coalition).values_list("id", flat=True)}


def check_references(check: CheckContext) -> None:
    """Every organisation and location that services and contact points name is in the file or coalition."""
    organisations = set(check.organisations) | existing_ids(check, Organisation)
    locations = set(check.locations) | existing_ids(check, Location)
    no_organisation = _("expected an organisation in the file or already in the coalition.")
    for plan in check.services.values():
        if plan["organisation_id"] and plan["organisation_id"] not in organisations:
            check.problems.error(plan["where"], "organization_id", plan["organisation_id"], no_organisation)
        for sal in plan["service_at_locations"]:
            if sal["location_id"] not in locations:
                check.problems.error(
                    sal["where"],
                    "location_id",
                    sal["location_id"],
                    _("expected a location in the file or already in the coalition."),
                )
    for plan in check.contacts.values():
        organisation_id = plan["fields"]["organization_id"]
        if organisation_id and organisation_id not in organisations:
            check.problems.error(plan["where"], "organization_id", organisation_id, no_organisation)


def check_part_ids(check: CheckContext) -> None:
    """The ids of services' parts (places, opening hours, costs): once in the file, and no other service's.

    The import replaces the parts of the services in the file, so a part id of another service (of
    this coalition or another) would collide when written: it is reported here instead.
    """
    claimed: dict = {ServiceAtLocation: {}, Schedule: {}, CostOption: {}}
    labels = {
        ServiceAtLocation: _("service at a location"),
        Schedule: _("opening hours"),
        CostOption: _("cost option"),
    }

    def claim(model, object_id: str, where: Where) -> None:
        if object_id in claimed[model]:
            check.problems.error(
                where,
                "id",
                object_id,
                _("expected each %(kind)s id only once in the file.") % {"kind": labels[model]},
            )
        claimed[model][object_id] = where

    for plan in check.services.values():
        for option in plan["cost_options"]:
            claim(CostOption, option["id"], plan["where"])
        for sal in plan["service_at_locations"]:
            claim(ServiceAtLocation, sal["id"], sal["where"])
            for schedule in sal["schedules"]:
                claim(Schedule, schedule["id"], sal["where"])
    owner = {ServiceAtLocation: "service", CostOption: "service", Schedule: "service_at_location__service"}
    for model, where_by_id in claimed.items():
        ids = list(where_by_id)
        for start in range(0, len(ids), 2000):
            chunk = ids[start : start + 2000]
            rows = model.objects.filter(id__in=chunk).values_list(
                "id", owner[model], f"{owner[model]}__coalition"
            )
            for object_id, service_id, coalition_id in rows:
                if str(service_id) in check.services:
                    continue  # a part of a service in the file: replaced by the import
                if coalition_id == check.coalition.id:
                    expected = _(
                        "this %(kind)s id belongs to another service. "
                        "Remove the id to add it as a new %(kind)s."
                    )
                else:
                    expected = _(
                        "this %(kind)s id belongs to another coalition. "
                        "Remove the id to add it as a new %(kind)s."
                    )
                check.problems.error(
                    where_by_id[str(object_id)], "id", object_id, expected % {"kind": labels[model]}
                )


def check_organisation_names(check: CheckContext) -> None:
    """Each organisation name once: within the file, and against the coalition's other organisations."""
    names = {}
    for object_id, plan in check.organisations.items():
        name = plan["fields"]["name"].casefold()
        if name in names:
            check.problems.error(
                plan["where"], "name", plan["fields"]["name"], _("expected each organisation name only once.")
            )
        names[name] = object_id
    for other_id, name in Organisation.objects.filter(coalition=check.coalition).values_list("id", "name"):
        if name.casefold() in names and names[name.casefold()] != str(other_id):
            check.problems.error(
                check.organisations[names[name.casefold()]]["where"],
                "name",
                name,
                _("another organisation of the coalition has this name already."),
            )


def check_contact_points_unique(check: CheckContext) -> None:
    """One contact point per phase (and municipality) in the coalition."""
    seen = {
        (str(cp.phase_id), str(cp.municipality_id)): str(cp.id)
        for cp in ContactPoint.objects.filter(coalition=check.coalition).exclude(id__in=list(check.contacts))
    }
    for object_id, plan in check.contacts.items():
        key = (str(plan["fields"]["phase"].id), str(plan["fields"]["municipality_id"]))
        if key in seen and seen[key] != object_id:
            check.problems.error(
                plan["where"],
                "attributes",
                plan["fields"]["phase"].label,
                _("the coalition already has a contact point for this phase (and municipality)."),
            )
        seen[key] = object_id
