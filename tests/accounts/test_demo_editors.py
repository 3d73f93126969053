"""The demo's organisation editors and its pending proposal: loaded once, the same after a second run."""

import pytest
from django.urls import reverse

from ookbalans.accounts.demo import PROPOSED_TEXT, load_demo
from ookbalans.catalogue.demo import demo_id
from ookbalans.catalogue.models import Membership, Proposal, Service

pytestmark = pytest.mark.django_db


def test_two_organisation_editors_and_one_pending_proposal_idempotently(shared_demo, client):
    assert load_demo() == {"organisation editor": 2, "proposal": 1}
    assert load_demo() == {}
    editors = Membership.objects.filter(role=Membership.Role.ORGANISATION_EDITOR)
    assert sorted(editors.values_list("user__username", flat=True)) == ["bibliotheek", "verloskundige"]
    proposal = Proposal.objects.get()
    assert proposal.status == Proposal.Status.PENDING
    service = Service.objects.get(pk=demo_id("service", "voorlichtingsavond-bevallen"))
    assert service.short_description_nl != PROPOSED_TEXT  # parents keep the approved text
    # The midwife sees her own services and her practice's location, not the library's.
    client.force_login(editors.get(user__username="verloskundige").user)
    services = client.get(reverse("admin:catalogue_service_changelist")).context["cl"].result_list
    assert {service.organization.name for service in services} == {"Verloskundigenpraktijk De Berkel"}
    locations = client.get(reverse("admin:catalogue_location_changelist")).context["cl"].result_list
    assert [location.pk for location in locations] == [demo_id("location", "vk-berkel")]
