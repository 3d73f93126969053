"""The demo's organisation editors (the midwives' practice, the library) and one change awaiting review."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from ookbalans.catalogue import proposals
from ookbalans.catalogue.demo import DEMO_PASSWORD, demo_id
from ookbalans.catalogue.models import Coalition, Location, Membership, Organisation, Proposal, Service

# user name -> (organisation key, the locations it keeps)
EDITORS = {
    "verloskundige": ("vk-berkel", ["vk-berkel"]),
    "bibliotheek": ("bibliotheek", ["bieb-zutphen", "bieb-lochem"]),
}
PROPOSED_SERVICE = "voorlichtingsavond-bevallen"
PROPOSED_TEXT = (
    "Op deze avond hoor je hoe een bevalling gaat en wat er gebeurt in de kraamweek. "
    "Je partner is ook welkom. Meld je aan via de website."
)


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Idempotent: the two editors with their memberships, their locations, and one pending proposal."""
    coalition = Coalition.objects.filter(slug="voorbeeldregio", is_demo=True).first()
    if coalition is None:
        return {}
    created = {"organisation editor": 0, "proposal": 0}
    users = {}
    for username, (organisation_key, location_keys) in EDITORS.items():
        organisation = Organisation.objects.get(pk=demo_id("organisation", organisation_key))
        user, new = get_user_model().objects.get_or_create(
            username=username,
            defaults={"is_staff": True, "first_name": "Demo", "last_name": organisation.name},
        )
        if new:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        _, new_membership = Membership.objects.get_or_create(
            user=user,
            coalition=coalition,
            defaults={"role": Membership.Role.ORGANISATION_EDITOR, "organisation": organisation},
        )
        created["organisation editor"] += int(new_membership)
        Location.objects.filter(pk__in=[demo_id("location", key) for key in location_keys]).update(
            organization=organisation
        )
        users[username] = user
    service = Service.objects.get(pk=demo_id("service", PROPOSED_SERVICE))
    if not Proposal.objects.filter(service=service).exists():
        proposals.propose(users["verloskundige"], service, {"short_description_nl": PROPOSED_TEXT})
        created["proposal"] += 1
    return {kind: count for kind, count in created.items() if count}  # nothing on a second run
