"""The catalogue's models in the audit trail: each with the way to its coalition."""

from __future__ import annotations

from ookbalans.audit.tracking import track
from ookbalans.catalogue import models


def own_coalition(obj):
    return obj.coalition_id


def track_catalogue() -> None:
    track(models.Coalition, lambda coalition: coalition.pk)
    track(models.Membership, own_coalition)
    track(models.Organisation, own_coalition)
    track(models.Location, own_coalition)
    track(models.Service, own_coalition, status_field="status")
    track(models.ContactPoint, own_coalition)
    track(models.CostOption, lambda option: option.service.coalition_id)
    track(models.ServiceAtLocation, lambda at_location: at_location.service.coalition_id)
    # A proposal's creation, approval and sending back (its status) are entries of their own.
    track(models.Proposal, own_coalition)
    track(models.Schedule, lambda schedule: schedule.service_at_location.service.coalition_id)
