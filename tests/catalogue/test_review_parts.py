"""Under review an editor's change of places, opening hours and costs is part of the proposal too."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from ookbalans.catalogue import proposals
from ookbalans.catalogue.changes import catalogue_changed
from ookbalans.catalogue.models import CostOption, Membership, Proposal, Schedule, ServiceAtLocation
from tests.catalogue.test_admin_isolation import service_form
from tests.factories import (
    LocationFactory,
    MembershipFactory,
    OrganisationFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NAME = "Zwangerschapscursus"


@pytest.fixture
def world():
    """A service of an organisation at one place (Monday 9-11), free, with its editor and a coordinator."""
    coordinator = MembershipFactory(role=Membership.Role.COORDINATOR)
    coalition = coordinator.coalition
    organisation = OrganisationFactory(coalition=coalition, name="Verloskundigenpraktijk De Wieg")
    service = ServiceFactory(coalition=coalition, organization=organisation, name_nl=NAME, status="active")
    place = ServiceAtLocation.objects.create(
        service=service,
        location=LocationFactory(coalition=coalition, organization=organisation, name="Praktijk De Wieg"),
    )
    hours = Schedule.objects.create(
        service_at_location=place, weekday=1, opens_at=datetime.time(9), closes_at=datetime.time(11)
    )
    cost = CostOption.objects.create(service=service, kind="free")
    editor = Membership.objects.create(
        user=UserFactory(),
        coalition=coalition,
        role=Membership.Role.ORGANISATION_EDITOR,
        organisation=organisation,
    ).user
    second_location = LocationFactory(coalition=coalition, organization=organisation, name="Bibliotheek Oost")
    return {
        "coalition": coalition,
        "coordinator": coordinator.user,
        "editor": editor,
        "organisation": organisation,
        "service": service,
        "place": place,
        "hours": hours,
        "cost": cost,
        "second_location": second_location,
    }


def change_url(obj):
    return reverse(f"admin:catalogue_{obj._meta.model_name}_change", args=[obj.pk])


def service_data(world, costs=None, places=None, **fields):
    """The service form as it is now, with the given cost rows, place rows and field changes."""
    service = world["service"]
    costs = (
        costs if costs is not None else [{"id": world["cost"].pk, "kind": "free", "amount": "", "option": ""}]
    )
    places = (
        places if places is not None else [{"id": world["place"].pk, "location": world["place"].location_id}]
    )
    data = service_form(world["coalition"], world["organisation"], name_nl=NAME)
    data["short_description_nl"] = service.short_description_nl
    data["access"], data["frequency"] = service.access, service.frequency
    for name in ("pyramid_levels", "phases", "aims", "target_groups"):
        data[name] = [term.pk for term in getattr(service, name).all()]
    for prefix, rows, parent in (
        ("cost_options", costs, "service"),
        ("service_at_locations", places, "service"),
    ):
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
        data[f"{prefix}-INITIAL_FORMS"] = str(sum(1 for row in rows if row.get("id")))
        for index, row in enumerate(rows):
            for key, value in row.items():
                data[f"{prefix}-{index}-{key}"] = value
            data[f"{prefix}-{index}-{parent}"] = service.pk
    data.update(fields)
    return data


def hours_data(world, rows, **fields):
    """The place's page (its note in every language, and its opening hours) with the given hour rows."""
    place = world["place"]
    data = {"service": world["service"].pk, "location": place.location_id, **fields}
    data["schedules-TOTAL_FORMS"] = str(len(rows))
    data["schedules-INITIAL_FORMS"] = str(sum(1 for row in rows if row.get("id")))
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"schedules-{index}-{key}"] = value
        data[f"schedules-{index}-service_at_location"] = place.pk
    return data


def finder_page(client, world):
    client.logout()
    return client.get(
        reverse("finder:service", args=[world["coalition"].slug, world["service"].pk])
    ).content.decode()


def api_service(client, world):
    return client.get(f"/api/hsds/services/{world['service'].pk}").json()


def rows_now(world):
    service = world["service"]
    return (
        sorted(map(str, CostOption.objects.filter(service=service).values_list("kind", "amount", "option"))),
        sorted(
            map(str, ServiceAtLocation.objects.filter(service=service).values_list("location", "description"))
        ),
        sorted(
            map(
                str,
                Schedule.objects.filter(service_at_location__service=service).values_list(
                    "weekday", "opens_at"
                ),
            )
        ),
    )


def propose_costs_and_places(client, world):
    """The editor changes the cost to € 12,50 per meeting, and gives the service at a second place too."""
    client.force_login(world["editor"])
    data = service_data(
        world,
        costs=[{"id": world["cost"].pk, "kind": "amount", "amount": "12.50", "option": "per bijeenkomst"}],
        places=[
            {"id": world["place"].pk, "location": world["place"].location_id, "description": "Even weken"},
            {"location": world["second_location"].pk, "description": ""},
        ],
    )
    return client.post(change_url(world["service"]), data)


def test_changed_costs_and_added_places_wait_in_the_proposal(client, world):
    before = rows_now(world)
    response = propose_costs_and_places(client, world)
    assert response.status_code == 302, response.content.decode()[:3000]
    proposal = Proposal.objects.get()
    assert proposal.values == {}
    assert proposal.parts["cost_options"] == {
        "changed": {str(world["cost"].pk): {"kind": "amount", "amount": "12.50", "option": "per bijeenkomst"}}
    }
    places = proposal.parts["service_at_locations"]
    assert places["changed"] == {str(world["place"].pk): {"description": "Even weken"}}
    assert places["added"] == [
        {"location": str(world["second_location"].pk), "description": "", "service": str(world["service"].pk)}
    ]
    assert rows_now(world) == before
    page = finder_page(client, world)
    assert "Bibliotheek Oost" not in page and "12,50" not in page


def test_the_coordinator_sees_old_and_new_rows_in_dutch_and_approval_publishes_them(client, world):
    propose_costs_and_places(client, world)
    proposal = Proposal.objects.get()
    client.force_login(world["coordinator"])
    page = client.get(change_url(proposal)).content.decode()
    for text in (
        "kostenoptie (gewijzigd)",
        "gratis",
        "€ 12.50 (per bijeenkomst)",
        "locatie (gewijzigd)",
        "Even weken",
        "locatie (toegevoegd)",
        "Bibliotheek Oost",
    ):
        assert text in page, text
    told = []

    def receiver(sender, service_ids, **kwargs):
        told.extend(service_ids)

    catalogue_changed.connect(receiver, dispatch_uid="test-review-parts")
    try:
        response = client.post(change_url(proposal), {"decision": "approve", "comment": ""})
    finally:
        catalogue_changed.disconnect(dispatch_uid="test-review-parts")
    assert response.status_code == 302
    assert told == [world["service"].pk]
    cost = CostOption.objects.get(service=world["service"])
    assert (cost.pk, cost.kind, str(cost.amount), cost.option) == (
        world["cost"].pk,
        "amount",
        "12.50",
        "per bijeenkomst",
    )
    places = {
        place.location.name: place for place in ServiceAtLocation.objects.filter(service=world["service"])
    }
    assert set(places) == {"Praktijk De Wieg", "Bibliotheek Oost"}
    assert places["Praktijk De Wieg"].description_nl == "Even weken"
    assert Schedule.objects.filter(service_at_location=world["place"]).count() == 1  # its hours stay
    page = finder_page(client, world)
    assert "Bibliotheek Oost" in page and "12,50" in page and "Even weken" in page
    api = api_service(client, world)
    assert {place["location"]["name"] for place in api["service_at_locations"]} >= {"Bibliotheek Oost"}
    assert [option["amount"] for option in api["cost_options"]] == [12.5]


def test_changed_opening_hours_on_the_places_page_wait_in_the_proposal(client, world):
    client.force_login(world["editor"])
    page = client.get(change_url(world["place"]))
    assert page.status_code == 200 and 'name="_save"' in page.content.decode()
    rows = [
        {"id": world["hours"].pk, "weekday": "1", "opens_at": "09:00", "closes_at": "12:00"},
        {"weekday": "3", "opens_at": "13:30", "closes_at": "15:00"},
    ]
    response = client.post(change_url(world["place"]), hours_data(world, rows))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response.url == reverse("admin:catalogue_proposal_changelist")
    schedules = Proposal.objects.get().parts["schedules"]
    assert schedules["changed"] == {str(world["hours"].pk): {"closes_at": "12:00:00"}}
    assert schedules["added"] == [
        {
            "weekday": 3,
            "opens_at": "13:30:00",
            "closes_at": "15:00:00",
            "service_at_location": str(world["place"].pk),
        }
    ]
    assert "12:00" not in finder_page(client, world)
    client.force_login(world["coordinator"])
    review = client.get(change_url(Proposal.objects.get())).content.decode()
    assert "openingstijden (gewijzigd)" in review and "openingstijden (toegevoegd)" in review
    assert "maandag 09:00–11:00" in review and "maandag 09:00–12:00" in review
    assert "Praktijk De Wieg" in review and "woensdag 13:30–15:00" in review
    client.post(change_url(Proposal.objects.get()), {"decision": "approve", "comment": ""})
    hours = sorted(
        (s.weekday, s.opens_at, s.closes_at)
        for s in Schedule.objects.filter(service_at_location=world["place"])
    )
    assert hours == [(1, datetime.time(9), datetime.time(12)), (3, datetime.time(13, 30), datetime.time(15))]
    page = finder_page(client, world)
    assert "09:00–12:00" in page and "13:30–15:00" in page


def test_removed_rows_are_proposed_and_sending_back_leaves_everything_as_it_was(client, world):
    client.force_login(world["editor"])
    data = service_data(
        world,
        costs=[{"id": world["cost"].pk, "kind": "free", "amount": "", "option": "", "DELETE": "on"}],
        places=[{"id": world["place"].pk, "location": world["place"].location_id, "DELETE": "on"}],
    )
    assert client.post(change_url(world["service"]), data).status_code == 302
    client.post(change_url(world["place"]), hours_data(world, [
        {"id": world["hours"].pk, "weekday": "1", "opens_at": "09:00", "closes_at": "11:00", "DELETE": "on"}
    ]))  # fmt: skip
    proposal = Proposal.objects.get()
    assert proposal.parts["cost_options"] == {"removed": [str(world["cost"].pk)]}
    assert proposal.parts["service_at_locations"] == {"removed": [str(world["place"].pk)]}
    assert proposal.parts["schedules"] == {"removed": [str(world["hours"].pk)]}
    before = rows_now(world)
    client.force_login(world["coordinator"])
    review = client.get(change_url(proposal)).content.decode()
    assert "kostenoptie (verwijderd)" in review and "locatie (verwijderd)" in review
    client.post(change_url(proposal), {"decision": "send_back", "comment": "De cursus blijft gratis."})
    assert Proposal.objects.get().status == Proposal.Status.SENT_BACK
    assert rows_now(world) == before
    assert "09:00–11:00" in finder_page(client, world)


def test_approved_removals_take_the_rows_away(client, world):
    client.force_login(world["editor"])
    data = service_data(
        world, places=[{"id": world["place"].pk, "location": world["place"].location_id, "DELETE": "on"}]
    )
    client.post(change_url(world["service"]), data)
    client.force_login(world["coordinator"])
    client.post(change_url(Proposal.objects.get()), {"decision": "approve", "comment": ""})
    assert not ServiceAtLocation.objects.filter(service=world["service"]).exists()
    assert not Schedule.objects.filter(pk=world["hours"].pk).exists()


def test_a_place_that_no_longer_fits_refuses_approval_and_changes_nothing(client, world):
    propose_costs_and_places(client, world)
    # Meanwhile the coordinator gave the service at the second place already.
    ServiceAtLocation.objects.create(service=world["service"], location=world["second_location"])
    before = rows_now(world)
    client.force_login(world["coordinator"])
    response = client.post(
        change_url(Proposal.objects.get()), {"decision": "approve", "comment": ""}, follow=True
    )
    assert "kan niet worden toegepast" in response.content.decode()
    assert Proposal.objects.get().status == Proposal.Status.PENDING
    assert rows_now(world) == before


# -- one pending proposal per service ------------------------------------------------------------------


def test_a_second_change_is_added_to_the_waiting_proposal_not_a_competing_one(client, world):
    client.force_login(world["editor"])
    client.post(change_url(world["service"]), service_data(world, name_nl="Zwangerschapscursus Oost"))
    first = Proposal.objects.get()
    # The editor opens the service again: told in Dutch what waits, and the form starts from the proposal.
    page = client.get(change_url(world["service"])).content.decode()
    assert "wacht nog op de coördinator" in page
    assert 'value="Zwangerschapscursus Oost"' in page
    data = service_data(
        world,
        name_nl="Zwangerschapscursus Oost",
        access="referral",
        costs=[{"id": world["cost"].pk, "kind": "amount", "amount": "5", "option": ""}],
    )
    response = client.post(change_url(world["service"]), data, follow=True)
    assert "toegevoegd aan je voorstel" in response.content.decode()
    proposal = Proposal.objects.get()
    assert proposal.pk == first.pk and proposal.updated_at is not None
    assert proposal.values == {"name_nl": "Zwangerschapscursus Oost", "access": "referral"}
    assert proposal.parts["cost_options"]["changed"][str(world["cost"].pk)]["amount"] == "5"
    # Setting a field back to what parents see takes it out of the proposal.
    client.post(change_url(world["service"]), service_data(world, name_nl=NAME, access="referral"))
    assert Proposal.objects.get().values == {"access": "referral"}
    # The coordinator sees that the proposal was added to, and is told on the service's own page.
    client.force_login(world["coordinator"])
    assert "Aangevuld op" in client.get(change_url(proposal)).content.decode()
    service_page = client.get(change_url(world["service"])).content.decode()
    assert "wacht een voorgestelde wijziging" in service_page
    assert change_url(proposal) in service_page


def test_a_change_that_changes_nothing_sends_nothing(client, world):
    client.force_login(world["editor"])
    response = client.post(change_url(world["service"]), service_data(world), follow=True)
    assert "niets gewijzigd" in response.content.decode()
    assert not Proposal.objects.exists()


def test_after_a_decision_the_next_change_is_a_new_proposal(client, world):
    client.force_login(world["editor"])
    client.post(change_url(world["service"]), service_data(world, name_nl="Cursus A"))
    client.force_login(world["coordinator"])
    client.post(change_url(Proposal.objects.get()), {"decision": "send_back", "comment": "Nee."})
    client.force_login(world["editor"])
    client.post(change_url(world["service"]), service_data(world, name_nl="Cursus B"))
    assert sorted(Proposal.objects.values_list("status", flat=True)) == ["pending", "sent_back"]


def test_the_database_refuses_two_pending_proposals_for_one_service(world):
    proposals.propose(world["editor"], world["service"], {"name_nl": "Een"})
    with pytest.raises(IntegrityError), transaction.atomic():
        Proposal.objects.create(
            coalition=world["coalition"],
            service=world["service"],
            values={"name_nl": "Twee"},
            proposed_by=world["editor"],
        )


def test_merging_parts_keeps_the_newer_value_per_field():
    old = {
        "cost_options": {"added": [{"kind": "free"}], "changed": {"c1": {"kind": "amount", "amount": "5"}}},
        "service_at_locations": {"removed": ["p1"]},
    }
    new = {
        "cost_options": {"changed": {"c1": {"amount": "7"}}, "removed": ["c2"]},
        "service_at_locations": {"changed": {"p1": {"description": "Even weken"}}},
        "schedules": {"added": [{"weekday": 2}]},
    }
    assert proposals.merged_parts(old, new) == {
        "cost_options": {
            "added": [{"kind": "free"}],
            "changed": {"c1": {"kind": "amount", "amount": "7"}},
            "removed": ["c2"],
        },
        "service_at_locations": {"changed": {"p1": {"description": "Even weken"}}},
        "schedules": {"added": [{"weekday": 2}]},
    }
    assert proposals.merged_parts({}, {}) == {}


def test_another_organisations_editor_cannot_propose_hours_for_this_place(client, world):
    outsider = Membership.objects.create(
        user=UserFactory(),
        coalition=world["coalition"],
        role=Membership.Role.ORGANISATION_EDITOR,
        organisation=OrganisationFactory(coalition=world["coalition"]),
    ).user
    client.force_login(outsider)
    rows = [{"weekday": "3", "opens_at": "13:30", "closes_at": "15:00"}]
    assert client.post(change_url(world["place"]), hours_data(world, rows)).status_code in (302, 403)
    other_service = ServiceFactory(coalition=world["coalition"])
    assert client.post(change_url(other_service), {}).status_code in (302, 403)
    assert not Proposal.objects.exists()
