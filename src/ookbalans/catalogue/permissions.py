"""Who may see and change which coalition: roles from memberships, superusers everywhere."""

from __future__ import annotations

from django.db.models import QuerySet

from ookbalans.catalogue.models import Coalition, Membership

Role = Membership.Role

# What each role may do; a role includes the rights of the roles below it.
EDIT_ROLES = (Role.COORDINATOR, Role.EDITOR)
ALL_ROLES = (Role.COORDINATOR, Role.EDITOR, Role.VIEWER)


def coalitions_for(user, roles=ALL_ROLES) -> QuerySet[Coalition]:
    """The coalitions in which the user holds one of the roles; every coalition for a superuser."""
    if not (user.is_authenticated and user.is_active):
        return Coalition.objects.none()
    if user.is_superuser:
        return Coalition.objects.all()
    return Coalition.objects.filter(memberships__user=user, memberships__role__in=roles).distinct()


def coalition_ids_for(user, roles=ALL_ROLES) -> set:
    return set(coalitions_for(user, roles).values_list("id", flat=True))


def has_role(user, coalition_id, roles=ALL_ROLES) -> bool:
    return coalition_id in coalition_ids_for(user, roles)
