"""Who may see and change which coalition: roles from memberships, superusers everywhere.

Organisation editors are not in ALL_ROLES: they hold no coalition-wide right, only the entries of
their organisation (`organisation_ids_for`), so every view that asks for coalition roles keeps them out.
"""

from __future__ import annotations

from django.db.models import QuerySet

from ookbalans.catalogue.models import Coalition, Membership

Role = Membership.Role

# What each role may do; a role includes the rights of the roles below it.
EDIT_ROLES = (Role.COORDINATOR, Role.EDITOR)
ALL_ROLES = (Role.COORDINATOR, Role.EDITOR, Role.VIEWER)
ORGANISATION_ROLES = (Role.ORGANISATION_EDITOR,)

# The user's roles are read once per user object and kept on it. Django makes a new user object for
# every request (from the session), so the admin's ~50 checks on one page cost one query, and a
# change of membership is seen from the next request on.
CACHE_ATTRIBUTE = "_ookbalans_memberships"
ORGANISATIONS_ATTRIBUTE = "_ookbalans_organisations"


def roles_of(user) -> dict:
    """The user's role per coalition id; every coalition as coordinator for a superuser."""
    roles = getattr(user, CACHE_ATTRIBUTE, None)
    if roles is None:
        organisations = {}
        if not (user.is_authenticated and user.is_active):
            roles = {}
        elif user.is_superuser:
            roles = dict.fromkeys(Coalition.objects.values_list("id", flat=True), Role.COORDINATOR)
        else:
            roles = {}
            rows = Membership.objects.filter(user=user).values_list("coalition_id", "role", "organisation_id")
            for coalition_id, role, organisation_id in rows:
                roles[coalition_id] = role
                if role in ORGANISATION_ROLES:
                    organisations[organisation_id] = coalition_id
        setattr(user, CACHE_ATTRIBUTE, roles)
        setattr(user, ORGANISATIONS_ATTRIBUTE, organisations)
    return roles


def organisation_ids_for(user) -> set:
    """The ids of the organisations whose entries the user keeps as organisation editor (none for others)."""
    roles_of(user)
    return set(getattr(user, ORGANISATIONS_ATTRIBUTE, {}))


def coalition_ids_for(user, roles=ALL_ROLES) -> set:
    """The ids of the coalitions in which the user holds one of the roles; all of them for a superuser."""
    return {coalition_id for coalition_id, role in roles_of(user).items() if role in roles}


def coalitions_for(user, roles=ALL_ROLES) -> QuerySet[Coalition]:
    """The coalitions in which the user holds one of the roles; every coalition for a superuser."""
    if not (user.is_authenticated and user.is_active):
        return Coalition.objects.none()
    if user.is_superuser:
        return Coalition.objects.all()
    return Coalition.objects.filter(id__in=coalition_ids_for(user, roles))


def has_role(user, coalition_id, roles=ALL_ROLES) -> bool:
    return coalition_id in coalition_ids_for(user, roles)
