"""Loading a page of services for the HSDS mapping: what each form reads, in few queries."""

from __future__ import annotations

from django.db.models import CharField, QuerySet, Value

from ookbalans.catalogue.models import Service
from ookbalans.framework.models import Term
from ookbalans.interchange import prefetched
from ookbalans.interchange.exporting import document as exporter

# The timestamps of a service and its organisation that no HSDS form shows.
UNREAD_TIMES = ("created_at", "organization__created_at", "organization__modified_at")
# What a service's list form (mapping.list_service: the one-to-one fields) leaves out.
LISTED_AWAY = (*exporter.TERM_FIELDS, "languages", "cost_options", "service_at_locations")


def services_for_page(
    queryset: QuerySet[Service], *, minimal: bool = False, listed: bool = False
) -> QuerySet[Service]:
    """Services with what the mapping reads (all of it, the list form, or the minimal fields), per page.

    For the list form no related set is loaded: `without_lists` primes them empty, without a query,
    for a mapping whose lists the list form then drops.
    """
    if minimal:
        return queryset.only("id", "name_nl", "status", "modified_at")
    if listed:
        return queryset.select_related("national_intervention")
    # Timestamps the mapping does not read are not loaded: parsing them costs more than their transfer.
    return exporter.services_for_export(queryset, terms=False).defer(*UNREAD_TIMES)


def without_lists(services: list[Service]) -> list[Service]:
    """Services loaded for the list form, their related sets primed empty (mapping.loaded)."""
    for service in services:
        for name in LISTED_AWAY:
            setattr(service, prefetched.loaded(name), [])
    return services


def attach_terms(services: list[Service]) -> None:
    """The framework terms of the services, all six sets in two queries, as the mapping reads them.

    Django's prefetch would run one query per set; on a page of 50 the round trips cost more than
    the rows.
    """
    if not services:
        return
    links = [
        Service._meta.get_field(name)
        .remote_field.through.objects.filter(service_id__in=[s.id for s in services])
        .values_list("service_id", "term_id", Value(name, output_field=CharField()))
        for name in exporter.TERM_FIELDS
    ]
    rows = list(links[0].union(*links[1:], all=True))
    terms = Term.objects.in_bulk({term_id for _service_id, term_id, _name in rows})
    found = {(service.id, name): [] for service in services for name in exporter.TERM_FIELDS}
    for service_id, term_id, name in rows:
        found[(service_id, name)].append(terms[term_id])
    for service in services:
        for name in exporter.TERM_FIELDS:
            setattr(service, prefetched.loaded(name), found[(service.id, name)])
