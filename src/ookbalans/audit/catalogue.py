"""The catalogue's models in the audit trail: each with the way to its coalition."""

from __future__ import annotations

from ookbalans.audit.tracking import track
from ookbalans.catalogue.models import (
    Coalition,
    ContactPoint,
    CostOption,
    Location,
    Membership,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
)


def own_coalition(obj):
    return obj.coalition_id


def track_catalogue() -> None:
    track(Coalition, lambda coalition: coalition.pk)
    track(Membership, own_coalition)
    track(Organisation, own_coalition)
    track(Location, own_coalition)
    track(Service, own_coalition, status_field="status")
    track(ContactPoint, own_coalition)
    track(CostOption, lambda option: option.service.coalition_id)
    track(ServiceAtLocation, lambda at_location: at_location.service.coalition_id)
    track(Schedule, lambda schedule: schedule.service_at_location.service.coalition_id)
