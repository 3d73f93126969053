"""Checking where a service is offered (its HSDS service_at_locations) and the weekly opening hours there."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ookbalans.catalogue.models import ServiceAtLocation
from ookbalans.interchange import mapping
from ookbalans.interchange import taxonomies as tx
from ookbalans.interchange.checking import rules
from ookbalans.interchange.checking.context import CheckContext
from ookbalans.interchange.checking.values import identified, identifier, list_of, optional_text, text, time
from ookbalans.interchange.problems import SOURCE, Where, where_of


def check_service_at_locations(check: CheckContext, item: dict, where: Where) -> list[dict]:
    found = []
    seen_locations = set()
    for sal in list_of(check, item, "service_at_locations", where):
        sal_where = where_of(sal, where.source) if SOURCE in sal else where
        object_id = identifier(check, sal, sal_where, _("service at a location"))
        location_id = text(sal.get("location_id")) or (
            text(sal["location"].get("id")) if isinstance(sal.get("location"), dict) else ""
        )
        if not location_id:
            check.problems.error(sal_where, "location_id", "", _("expected the id of a location."))
            continue
        if object_id is None:
            continue
        if location_id in seen_locations:
            check.problems.error(
                sal_where, "location_id", location_id, _("expected each location only once per service.")
            )
            continue
        seen_locations.add(location_id)
        found.append(
            {
                "id": object_id,
                "location_id": location_id,
                "where": sal_where,
                "description": optional_text(
                    check, sal, "description", sal_where, rules.max_length(ServiceAtLocation, "description")
                ),
                "schedules": check_schedules(check, sal, sal_where),
            }
        )
    return found


def check_schedules(check: CheckContext, sal: dict, where: Where) -> list[dict]:
    """Weekly opening hours, one row per day: HSDS' byday list becomes one schedule per weekday."""
    found = []
    for object_id, schedule in identified(check, sal, "schedules", where, _("opening hours")):
        days = [d.strip().upper() for d in text(schedule.get("byday")).split(",") if d.strip()]
        opens, closes = time(check, schedule, "opens_at", where), time(check, schedule, "closes_at", where)
        freq = text(schedule.get("freq")).upper()
        if freq != "WEEKLY" or not days or opens is None or closes is None:
            check.flag(
                where,
                "schedules",
                schedule.get("byday") or freq,
                _("expected weekly opening hours: freq WEEKLY, byday, opens_at and closes_at."),
            )
            continue
        if any(day not in mapping.DAY_NUMBERS for day in days):
            check.problems.error(
                where, "byday", schedule.get("byday"), _("expected days like MO,TU,WE,TH,FR,SA,SU.")
            )
            continue
        if opens >= closes:
            check.problems.error(
                where,
                "closes_at",
                schedule.get("closes_at"),
                _("expected a closing time after the opening time."),
            )
            continue
        for number, day in enumerate(days):
            day_id = object_id if number == 0 else tx.derived_id(object_id, day)
            found.append(
                {"id": day_id, "weekday": mapping.DAY_NUMBERS[day], "opens_at": opens, "closes_at": closes}
            )
    return found
