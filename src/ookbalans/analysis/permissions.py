"""Who may see which analysis: the coalition's members, regional members for comparison, superusers."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from ookbalans.analysis.models import Region
from ookbalans.catalogue.models import Coalition
from ookbalans.catalogue.permissions import ALL_ROLES, Role, coalitions_for

SNAPSHOT_ROLES = (Role.COORDINATOR,)
SETTINGS_ROLES = (Role.COORDINATOR,)


def coalition_for(user, slug: str, roles=ALL_ROLES) -> Coalition:
    """The user's coalition by slug, or 404: another coalition's analysis does not exist for them."""
    coalition = coalitions_for(user, roles).filter(slug=slug).first()
    if coalition is None:
        raise Http404
    return coalition


def regions_for(user) -> QuerySet[Region]:
    if not (user.is_authenticated and user.is_active):
        return Region.objects.none()
    if user.is_superuser:
        return Region.objects.all()
    return Region.objects.filter(members=user)


def region_for(user, slug: str) -> Region:
    region = regions_for(user).filter(slug=slug).first()
    if region is None:
        raise Http404
    return region
