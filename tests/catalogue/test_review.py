"""Review before publishing: an organisation editor's change waits until a coordinator approves it."""

import pytest
from django.urls import reverse

from ookbalans.audit.models import Entry
from ookbalans.catalogue.models import Membership, Proposal, Service, ServiceAtLocation
from tests.catalogue.test_admin_isolation import service_form
from tests.factories import (
    LocationFactory,
    MembershipFactory,
    OrganisationFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

OLD, NEW = "Zwangerschapscursus", "Zwangerschapscursus voor aanstaande ouders"


@pytest.fixture
def world():
    coordinator = MembershipFactory(role=Membership.Role.COORDINATOR)
    coalition = coordinator.coalition
    organisation = OrganisationFactory(coalition=coalition, name="Verloskundigenpraktijk De Wieg")
    location = LocationFactory(coalition=coalition, organization=organisation)
    service = ServiceFactory(coalition=coalition, organization=organisation, name_nl=OLD, status="active")
    at_location = ServiceAtLocation.objects.create(service=service, location=location)
    editor = Membership.objects.create(
        user=UserFactory(),
        coalition=coalition,
        role=Membership.Role.ORGANISATION_EDITOR,
        organisation=organisation,
    ).user
    return {
        "coalition": coalition,
        "coordinator": coordinator.user,
        "editor": editor,
        "organisation": organisation,
        "location": location,
        "service": service,
        "at_location": at_location,
    }


def change_url(obj):
    return reverse(f"admin:catalogue_{obj._meta.model_name}_change", args=[obj.pk])


def edit(client, world, user, **fields):
    """Post the service form as the user: its current values with the given changes."""
    client.force_login(user)
    data = service_form(
        world["coalition"],
        world["organisation"],
        **{
            "service_at_locations-TOTAL_FORMS": "1",
            "service_at_locations-INITIAL_FORMS": "1",
            "service_at_locations-0-id": world["at_location"].pk,
            "service_at_locations-0-service": world["service"].pk,
            "service_at_locations-0-location": world["location"].pk,
        },
    )
    service = world["service"]
    data["name_nl"] = OLD
    data["short_description_nl"] = service.short_description_nl
    data["access"] = service.access
    data["frequency"] = service.frequency
    for name in ("pyramid_levels", "phases", "aims", "target_groups"):
        data[name] = [term.pk for term in getattr(service, name).all()]
    data.update(fields)
    return client.post(change_url(world["service"]), data)


def finder_page(client, world):
    url = reverse("finder:service", args=[world["coalition"].slug, world["service"].pk])
    return client.get(url).content.decode()


def api_name(client, world):
    return client.get(f"/api/hsds/services/{world['service'].pk}").json()["name"]


def test_an_editors_change_waits_and_parents_keep_the_approved_version(client, world):
    response = edit(client, world, world["editor"], name_nl=NEW, access="referral")
    assert response.status_code == 302
    assert response.url == reverse("admin:catalogue_proposal_changelist")
    service = Service.objects.get(pk=world["service"].pk)
    assert service.name_nl == OLD
    proposal = Proposal.objects.get()
    assert proposal.status == Proposal.Status.PENDING
    assert proposal.proposed_by == world["editor"]
    assert proposal.values == {"name_nl": NEW, "access": "referral"}
    client.logout()
    assert OLD in finder_page(client, world)
    assert NEW not in finder_page(client, world)
    assert api_name(client, world) == OLD


def test_the_coordinator_sees_old_and_new_per_field_and_approval_publishes_at_once(client, world):
    edit(client, world, world["editor"], name_nl=NEW, access="referral")
    proposal = Proposal.objects.get()
    client.force_login(world["coordinator"])
    page = client.get(change_url(proposal)).content.decode()
    assert OLD in page
    assert NEW in page
    access = dict(Service._meta.get_field("access").flatchoices)
    assert str(access["open"]) in page  # old and new access by their labels
    assert str(access["referral"]) in page
    response = client.post(change_url(proposal), {"decision": "approve", "comment": ""})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.APPROVED
    assert proposal.reviewed_by == world["coordinator"]
    service = Service.objects.get(pk=world["service"].pk)
    assert service.name_nl == NEW
    assert service.access == "referral"
    client.logout()
    assert NEW in finder_page(client, world)
    assert api_name(client, world) == NEW
    results = client.get(reverse("finder:results", args=[world["coalition"].slug]), {"q": "aanstaande"})
    assert NEW in results.content.decode()


def test_sending_back_needs_a_comment_and_changes_nothing(client, world):
    edit(client, world, world["editor"], name_nl=NEW)
    proposal = Proposal.objects.get()
    client.force_login(world["coordinator"])
    without_comment = client.post(change_url(proposal), {"decision": "send_back", "comment": ""})
    assert without_comment.status_code == 200
    client.post(change_url(proposal), {"decision": "send_back", "comment": "Noem ook de kosten."})
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SENT_BACK
    assert proposal.comment == "Noem ook de kosten."
    assert Service.objects.get(pk=world["service"].pk).name_nl == OLD
    # The editor reads the comment on their proposal, and cannot decide it.
    client.force_login(world["editor"])
    assert "Noem ook de kosten." in client.get(change_url(proposal)).content.decode()
    assert client.post(change_url(proposal), {"decision": "approve"}).status_code == 403


def test_an_editor_cannot_approve_the_own_proposal(client, world):
    edit(client, world, world["editor"], name_nl=NEW)
    proposal = Proposal.objects.get()
    assert client.post(change_url(proposal), {"decision": "approve", "comment": ""}).status_code == 403
    assert Service.objects.get(pk=world["service"].pk).name_nl == OLD


def test_other_organisations_editors_do_not_see_the_proposal(client, world):
    edit(client, world, world["editor"], name_nl=NEW)
    other = OrganisationFactory(coalition=world["coalition"])
    outsider = Membership.objects.create(
        user=UserFactory(),
        coalition=world["coalition"],
        role=Membership.Role.ORGANISATION_EDITOR,
        organisation=other,
    ).user
    client.force_login(outsider)
    listing = client.get(reverse("admin:catalogue_proposal_changelist")).content.decode()
    assert OLD not in listing
    assert client.get(change_url(Proposal.objects.get())).status_code in (302, 403)


def test_coordinators_changes_publish_directly(client, world):
    assert edit(client, world, world["coordinator"], name_nl=NEW).status_code == 302
    assert Service.objects.get(pk=world["service"].pk).name_nl == NEW
    assert not Proposal.objects.exists()


def test_without_review_the_editors_change_publishes_directly(client, world):
    world["coalition"].review_organisation_changes = False
    world["coalition"].save()
    edit(client, world, world["editor"], name_nl=NEW)
    assert Service.objects.get(pk=world["service"].pk).name_nl == NEW
    assert not Proposal.objects.exists()


def test_under_review_a_locations_address_stays_as_approved(client, world):
    # A location's address is the coordinators'; the service's places, hours and costs are proposed
    # (test_review_parts.py).
    client.force_login(world["editor"])
    page = client.get(change_url(world["location"])).content.decode()
    assert 'name="_save"' not in page
    assert client.post(change_url(world["location"]), {"name": "Elders"}).status_code == 403


def test_a_new_service_by_an_editor_stays_hidden_until_approved(client, world):
    client.force_login(world["editor"])
    response = client.post(
        reverse("admin:catalogue_service_add"), service_form(world["coalition"], world["organisation"])
    )
    assert response.status_code == 302
    service = Service.objects.get(name_nl="Nieuwe dienst")
    assert service.status == Service.Status.INACTIVE
    proposal = Proposal.objects.get(service=service)
    assert proposal.values == {"status": "active"}
    client.force_login(world["coordinator"])
    client.post(change_url(proposal), {"decision": "approve", "comment": ""})
    assert Service.objects.get(pk=service.pk).status == Service.Status.ACTIVE


def test_proposal_approval_and_sending_back_are_in_the_audit_trail(client, world):
    edit(client, world, world["editor"], name_nl=NEW)
    first = Proposal.objects.get()
    client.force_login(world["coordinator"])
    client.post(change_url(first), {"decision": "approve", "comment": ""})
    edit(client, world, world["editor"], name_nl="Nog anders")
    second = Proposal.objects.get(status=Proposal.Status.PENDING)
    client.force_login(world["coordinator"])
    client.post(change_url(second), {"decision": "send_back", "comment": "Liever niet."})
    entries = Entry.objects.filter(object_type="catalogue.proposal")
    by_object = {}
    for entry in entries.order_by("pk"):
        by_object.setdefault(entry.object_id, []).append(entry)
    assert [entry.action for entry in by_object[str(first.pk)]] == ["created", "changed"]
    assert [entry.action for entry in by_object[str(second.pk)]] == ["created", "changed"]
    approval = by_object[str(first.pk)][1]
    assert "approved" in str(approval.changes)
    assert approval.actor == world["coordinator"]
    # The applied change itself is an entry of the service, by the coordinator.
    service_entries = Entry.objects.filter(
        object_type="catalogue.service", object_id=str(world["service"].pk)
    )
    assert service_entries.filter(action="changed", actor=world["coordinator"]).exists()
    assert not service_entries.filter(actor=world["editor"]).exists()
