"""Organisation editors in the admin: they see and change only their organisation's entries."""

import pytest
from django.urls import reverse

from ookbalans.catalogue.models import (
    Location,
    Membership,
    Organisation,
    Service,
    ServiceAtLocation,
)
from tests.catalogue.test_admin_isolation import service_form
from tests.factories import (
    ContactPointFactory,
    LocationFactory,
    MembershipFactory,
    OrganisationFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

Role = Membership.Role


@pytest.fixture
def world():
    """One coalition with organisations A and B, each with a location, a service there and an editor."""
    coordinator = MembershipFactory(role=Role.COORDINATOR)
    coalition = coordinator.coalition
    # Changes publish directly here; review before publishing is tested in test_review.py.
    coalition.review_organisation_changes = False
    coalition.save()
    data = {
        "coalition": coalition,
        "coordinator": coordinator.user,
        "contactpoint": ContactPointFactory(coalition=coalition, name="Aanspreekpunt"),
    }
    for side in ("a", "b"):
        organisation = OrganisationFactory(coalition=coalition, name=f"Organisatie van {side.upper()}")
        location = LocationFactory(
            coalition=coalition, organization=organisation, name=f"Locatie van {side.upper()}"
        )
        service = ServiceFactory(
            coalition=coalition, organization=organisation, name_nl=f"Dienst van {side.upper()}"
        )
        editor = Membership.objects.create(
            user=UserFactory(), coalition=coalition, role=Role.ORGANISATION_EDITOR, organisation=organisation
        ).user
        data[side] = {
            "editor": editor,
            "organisation": organisation,
            "location": location,
            "service": service,
            "serviceatlocation": ServiceAtLocation.objects.create(service=service, location=location),
        }
    return data


def admin_url(obj, view):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=[obj.pk])


def user_of(world, role):
    return world["coordinator"] if role == "coordinator" else world[role[-1]]["editor"]


OWN_KINDS = ["service", "location", "serviceatlocation", "organisation"]
ROLES = ["coordinator", "editor of a", "editor of b"]

# What each role gets on the object pages of one organisation's objects, by view: 200 (the page),
# "hidden" (the admin answers as if the object did not exist: back to the index, or 403).
EXPECTED_OWN = {
    # An organisation editor opens, changes and reads the history of their own entries; deleting is
    # for the coordinators (an editor ends a service by its status); the organisation itself is read only.
    ("service", "change"): 200,
    ("service", "history"): 200,
    ("service", "delete"): 403,
    ("location", "change"): 200,
    ("location", "history"): 200,
    ("location", "delete"): 403,
    ("serviceatlocation", "change"): 200,
    ("serviceatlocation", "history"): 200,
    ("serviceatlocation", "delete"): 403,
    ("organisation", "change"): 200,
    ("organisation", "history"): 200,
    ("organisation", "delete"): 403,
}


def assert_hidden(client, response, obj):
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url == reverse("admin:index")
        assert str(obj) not in client.get(response.url).content.decode()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("side", ["a", "b"])
@pytest.mark.parametrize("kind", OWN_KINDS)
@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_every_object_page_by_role(client, world, role, side, kind, view):
    client.force_login(user_of(world, role))
    obj = world[side][kind]
    response = client.get(admin_url(obj, view))
    if role == "coordinator":
        assert response.status_code == 200
    elif role == f"editor of {side}":
        assert response.status_code == EXPECTED_OWN[(kind, view)]
    else:
        assert_hidden(client, response, obj)


@pytest.mark.parametrize("role", ["editor of a", "editor of b"])
@pytest.mark.parametrize("kind", ["coalition", "contactpoint"])
@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_organisation_editors_reach_neither_the_coalition_nor_its_contact_points(
    client, world, role, kind, view
):
    client.force_login(user_of(world, role))
    obj = world["coalition"] if kind == "coalition" else world["contactpoint"]
    assert_hidden(client, client.get(admin_url(obj, view)), obj)


CHANGELISTS = ["service", "location", "organisation", "coalition", "contactpoint"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model_name", CHANGELISTS)
def test_every_list_by_role(client, world, role, model_name):
    client.force_login(user_of(world, role))
    response = client.get(reverse(f"admin:catalogue_{model_name}_changelist"))
    if role == "coordinator":
        assert response.status_code == 200
        return
    if model_name in ("coalition", "contactpoint"):
        assert response.status_code == 403
        return
    own, other = role[-1].upper(), "B" if role[-1] == "a" else "A"
    page = response.content.decode()
    assert response.status_code == 200
    assert f"van {own}" in page
    assert f"van {other}" not in page  # neither in the rows nor in the filters


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model_name", ["service", "location", "organisation", "contactpoint", "coalition"])
def test_every_add_page_by_role(client, world, role, model_name):
    client.force_login(user_of(world, role))
    response = client.get(reverse(f"admin:catalogue_{model_name}_add"))
    if role == "coordinator":
        assert response.status_code == (403 if model_name == "coalition" else 200)
    else:
        assert response.status_code == (200 if model_name in ("service", "location") else 403)


def test_the_admin_index_lists_only_what_an_organisation_editor_works_with(client, world):
    client.force_login(world["a"]["editor"])
    index = client.get(reverse("admin:index"))
    models = {model["object_name"] for app in index.context["app_list"] for model in app["models"]}
    # The national interventions are reference data every staff user reads; the proposals are the
    # editor's own changes waiting for review; the reports are the public's on the own services.
    assert models == {"Service", "Location", "Organisation", "NationalIntervention", "Proposal", "Report"}


def test_form_choices_offer_only_the_own_organisation(client, world):
    client.force_login(world["a"]["editor"])
    form = client.get(admin_url(world["a"]["service"], "change")).context["adminform"].form
    assert list(form.fields["organization"].queryset) == [world["a"]["organisation"]]
    assert list(form.fields["coalition"].queryset) == [world["coalition"]]
    location_form = client.get(reverse("admin:catalogue_location_add")).context["adminform"].form
    assert list(location_form.fields["organization"].queryset) == [world["a"]["organisation"]]
    assert location_form.fields["organization"].required


def test_an_organisation_editor_changes_the_own_service(client, world):
    client.force_login(world["a"]["editor"])
    service = world["a"]["service"]
    data = service_form(
        world["coalition"],
        world["a"]["organisation"],
        name_nl="Dienst van A, vernieuwd",
        **{
            "service_at_locations-TOTAL_FORMS": "1",
            "service_at_locations-INITIAL_FORMS": "1",
            "service_at_locations-0-id": world["a"]["serviceatlocation"].pk,
            "service_at_locations-0-service": service.pk,
            "service_at_locations-0-location": world["a"]["location"].pk,
        },
    )
    response = client.post(admin_url(service, "change"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    service.refresh_from_db()
    assert service.name_nl == "Dienst van A, vernieuwd"


def test_an_organisation_editor_cannot_move_a_service_to_another_organisation(client, world):
    client.force_login(world["a"]["editor"])
    service = world["a"]["service"]
    response = client.post(
        admin_url(service, "change"), service_form(world["coalition"], world["b"]["organisation"])
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    service.refresh_from_db()
    assert service.organization == world["a"]["organisation"]


def test_an_organisation_editor_cannot_add_a_service_for_another_organisation(client, world):
    client.force_login(world["a"]["editor"])
    response = client.post(
        reverse("admin:catalogue_service_add"), service_form(world["coalition"], world["b"]["organisation"])
    )
    assert response.status_code == 200
    assert not Service.objects.filter(name_nl="Nieuwe dienst").exists()


def test_an_organisation_editor_adds_a_service_and_a_location_of_the_own_organisation(client, world):
    client.force_login(world["a"]["editor"])
    location = {
        "coalition": world["coalition"].pk,
        "organization": world["a"]["organisation"].pk,
        "name": "Nieuwe plek",
        "address_1": "Markt",
        "house_number": "2",
        "postal_code": "7201 AB",
        "city": "Zutphen",
    }
    without_organisation = client.post(
        reverse("admin:catalogue_location_add"), {**location, "organization": ""}
    )
    assert without_organisation.status_code == 200
    assert not Location.objects.filter(name="Nieuwe plek").exists()
    assert client.post(reverse("admin:catalogue_location_add"), location).status_code == 302
    new_location = Location.objects.get(name="Nieuwe plek")
    data = service_form(
        world["coalition"],
        world["a"]["organisation"],
        **{"service_at_locations-TOTAL_FORMS": "1", "service_at_locations-0-location": new_location.pk},
    )
    response = client.post(reverse("admin:catalogue_service_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Service.objects.get(name_nl="Nieuwe dienst").organization == world["a"]["organisation"]
    assert "Nieuwe dienst" in client.get(reverse("admin:catalogue_service_changelist")).content.decode()


def test_an_organisation_editor_cannot_use_the_other_organisations_location(client, world):
    client.force_login(world["a"]["editor"])
    data = service_form(
        world["coalition"],
        world["a"]["organisation"],
        **{
            "service_at_locations-TOTAL_FORMS": "1",
            "service_at_locations-0-location": world["b"]["location"].pk,
        },
    )
    response = client.post(reverse("admin:catalogue_service_add"), data)
    assert response.status_code == 200
    assert not Service.objects.filter(name_nl="Nieuwe dienst").exists()


def test_a_location_the_coordinators_keep_stays_usable_for_the_service_already_there(client, world):
    town_hall = LocationFactory(coalition=world["coalition"], name="Stadhuis")
    ServiceAtLocation.objects.create(service=world["a"]["service"], location=town_hall)
    client.force_login(world["a"]["editor"])
    form = client.get(admin_url(world["a"]["service"], "change")).context["inline_admin_formsets"][1].formset
    choices = set(form.forms[0].fields["location"].queryset)
    assert town_hall in choices
    assert world["b"]["location"] not in choices
    # ... but it is not the editor's to change.
    assert_hidden(client, client.get(admin_url(town_hall, "change")), town_hall)


@pytest.mark.parametrize("kind", ["service", "location", "serviceatlocation", "organisation"])
def test_posting_to_the_other_organisations_objects_changes_nothing(client, world, kind):
    client.force_login(world["a"]["editor"])
    obj = world["b"][kind]
    before = type(obj).objects.filter(pk=obj.pk).values().get()
    client.post(admin_url(obj, "change"), {"name": "Overgenomen door A", "name_nl": "Overgenomen door A"})
    client.post(admin_url(obj, "delete"), {"post": "yes"})
    assert type(obj).objects.filter(pk=obj.pk).values().get() == before


def test_an_organisation_editor_cannot_delete_or_change_the_own_organisation(client, world):
    client.force_login(world["a"]["editor"])
    organisation = world["a"]["organisation"]
    page = client.get(admin_url(organisation, "change")).content.decode()
    assert 'name="_save"' not in page
    assert (
        client.post(admin_url(organisation, "change"), {"name": "Anders", "domain": "sociaal"}).status_code
        == 403
    )
    assert client.post(admin_url(world["a"]["service"], "delete"), {"post": "yes"}).status_code == 403
    assert Organisation.objects.filter(pk=organisation.pk, name="Organisatie van A").exists()
    assert Service.objects.filter(pk=world["a"]["service"].pk).exists()


def test_an_organisation_editor_has_no_coalition_role_elsewhere(client, world):
    """Views that ask for coalition roles (analysis, vision, imports) keep organisation editors out."""
    from ookbalans.catalogue import permissions

    editor = world["a"]["editor"]
    assert permissions.coalition_ids_for(editor) == set()
    assert permissions.organisation_ids_for(editor) == {world["a"]["organisation"].pk}
    assert not permissions.has_role(editor, world["coalition"].pk)


def test_a_membership_names_an_organisation_exactly_for_organisation_editors(world):
    from django.core.exceptions import ValidationError

    coalition = world["coalition"]
    with pytest.raises(ValidationError):
        Membership(user=UserFactory(), coalition=coalition, role=Role.ORGANISATION_EDITOR).full_clean()
    with pytest.raises(ValidationError):
        Membership(
            user=UserFactory(), coalition=coalition, role=Role.EDITOR, organisation=world["a"]["organisation"]
        ).full_clean()
    elsewhere = OrganisationFactory()
    with pytest.raises(ValidationError):
        Membership(
            user=UserFactory(), coalition=coalition, role=Role.ORGANISATION_EDITOR, organisation=elsewhere
        ).full_clean()
