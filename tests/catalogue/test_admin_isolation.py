"""Coalition isolation in the admin: a member of coalition A can neither see nor change coalition B's data."""

import pytest
from django.urls import reverse

from ookbalans.catalogue.models import (
    Coalition,
    ContactPoint,
    Location,
    Membership,
    Organisation,
    Service,
    ServiceAtLocation,
)
from tests.factories import (
    ContactPointFactory,
    LocationFactory,
    MembershipFactory,
    OrganisationFactory,
    ServiceFactory,
    UserFactory,
    term,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """Coalitions A and B, each with an organisation, a location, a service there and a contact point."""
    data = {}
    for side in ("a", "b"):
        membership = MembershipFactory(role=Membership.Role.COORDINATOR)
        coalition = membership.coalition
        organisation = OrganisationFactory(coalition=coalition, name=f"Organisatie van {side.upper()}")
        location = LocationFactory(coalition=coalition, name=f"Locatie van {side.upper()}")
        service = ServiceFactory(
            coalition=coalition, organization=organisation, name_nl=f"Dienst van {side.upper()}"
        )
        at_location = ServiceAtLocation.objects.create(service=service, location=location)
        contact_point = ContactPointFactory(coalition=coalition, name=f"Aanspreekpunt van {side.upper()}")
        data[side] = {
            "user": membership.user,
            "coalition": coalition,
            "organisation": organisation,
            "location": location,
            "service": service,
            "serviceatlocation": at_location,
            "contactpoint": contact_point,
        }
    return data


OBJECT_KINDS = ["coalition", "organisation", "location", "service", "serviceatlocation", "contactpoint"]


def admin_url(obj, view):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=[obj.pk])


@pytest.mark.parametrize("kind", OBJECT_KINDS)
@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_member_of_a_cannot_open_any_page_of_bs_objects(client, world, kind, view):
    client.force_login(world["a"]["user"])
    obj = world["b"][kind]
    response = client.get(admin_url(obj, view))
    # Django's admin answers a hidden object as a missing one (back to the index with a message),
    # or refuses outright where the user's role could never do this (deleting a coalition).
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url == reverse("admin:index")
        assert str(obj) not in client.get(response.url).content.decode()


@pytest.mark.parametrize("kind", OBJECT_KINDS)
def test_member_of_a_cannot_change_or_delete_bs_objects_by_posting(client, world, kind):
    client.force_login(world["a"]["user"])
    obj = world["b"][kind]
    before = type(obj).objects.filter(pk=obj.pk).values().get()
    client.post(admin_url(obj, "change"), {"name": "Overgenomen door A", "name_nl": "Overgenomen door A"})
    client.post(admin_url(obj, "delete"), {"post": "yes"})
    assert type(obj).objects.filter(pk=obj.pk).values().get() == before


@pytest.mark.parametrize(
    ("model", "name_of_b"),
    [
        (Service, "Dienst van B"),
        (Organisation, "Organisatie van B"),
        (Location, "Locatie van B"),
        (ContactPoint, "Aanspreekpunt van B"),
        (Coalition, None),
    ],
)
def test_lists_and_their_filters_show_only_the_own_coalition(client, world, model, name_of_b):
    client.force_login(world["a"]["user"])
    response = client.get(reverse(f"admin:catalogue_{model._meta.model_name}_changelist"))
    page = response.content.decode()
    assert response.status_code == 200
    assert world["b"]["coalition"].name not in page
    if name_of_b:
        assert name_of_b not in page
    assert "Organisatie van B" not in page  # not in the filters either


def test_search_and_filters_do_not_reach_into_b(client, world):
    client.force_login(world["a"]["user"])
    url = reverse("admin:catalogue_service_changelist")
    found = client.get(url, {"q": '"Dienst van B"'}).context["cl"].result_list
    assert list(found) == []
    response = client.get(url, {"coalition__id__exact": world["b"]["coalition"].pk})
    assert "Dienst van B" not in response.content.decode()


def service_form(coalition, organisation, **overrides):
    data = {
        "coalition": coalition.pk,
        "organization": organisation.pk,
        "status": "active",
        "name_nl": "Nieuwe dienst",
        "short_description_nl": "Je kunt hier terecht met je vragen.",
        "pyramid_levels": [term("pyramid_level", "basis").pk],
        "phases": [term("phase", "baby").pk],
        "aims": [term("aim", "informele_steun").pk],
        "target_groups": [term("target_group", "ouders").pk],
        "access": "open",
        "frequency": "weekly",
        "cost_options-TOTAL_FORMS": "0",
        "cost_options-INITIAL_FORMS": "0",
        "service_at_locations-TOTAL_FORMS": "0",
        "service_at_locations-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_a_member_cannot_add_a_service_to_b(client, world):
    client.force_login(world["a"]["user"])
    response = client.post(
        reverse("admin:catalogue_service_add"),
        service_form(world["b"]["coalition"], world["b"]["organisation"]),
    )
    assert response.status_code == 200  # the form again, with errors
    assert not Service.objects.filter(name_nl="Nieuwe dienst").exists()
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_a_member_cannot_use_bs_organisation_or_location(client, world):
    client.force_login(world["a"]["user"])
    data = service_form(
        world["a"]["coalition"],
        world["b"]["organisation"],
        **{
            "service_at_locations-TOTAL_FORMS": "1",
            "service_at_locations-0-location": world["b"]["location"].pk,
        },
    )
    response = client.post(reverse("admin:catalogue_service_add"), data)
    assert response.status_code == 200
    assert not Service.objects.filter(name_nl="Nieuwe dienst").exists()


def test_the_same_form_with_own_data_is_saved(client, world):
    client.force_login(world["a"]["user"])
    data = service_form(
        world["a"]["coalition"],
        world["a"]["organisation"],
        **{
            "service_at_locations-TOTAL_FORMS": "1",
            "service_at_locations-0-location": world["a"]["location"].pk,
        },
    )
    response = client.post(reverse("admin:catalogue_service_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    service = Service.objects.get(name_nl="Nieuwe dienst")
    assert service.coalition == world["a"]["coalition"]
    assert service.service_at_locations.get().location == world["a"]["location"]


def test_a_viewer_reads_but_cannot_change(client, world):
    viewer = UserFactory()
    Membership.objects.create(user=viewer, coalition=world["a"]["coalition"], role=Membership.Role.VIEWER)
    client.force_login(viewer)
    service = world["a"]["service"]
    page = client.get(admin_url(service, "change"))
    assert page.status_code == 200
    assert "Dienst van A" in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
    response = client.post(
        admin_url(service, "change"), service_form(service.coalition, service.organization)
    )
    assert response.status_code == 403
    assert client.get(reverse("admin:catalogue_service_add")).status_code == 403
    assert client.post(admin_url(service, "delete"), {"post": "yes"}).status_code == 403
    assert Service.objects.filter(pk=service.pk, name_nl="Dienst van A").exists()


def test_an_editor_cannot_change_the_coalition_or_contact_points(client, world):
    editor = UserFactory()
    Membership.objects.create(user=editor, coalition=world["a"]["coalition"], role=Membership.Role.EDITOR)
    client.force_login(editor)
    assert client.get(admin_url(world["a"]["service"], "change")).status_code == 200
    contact = world["a"]["contactpoint"]
    assert client.post(admin_url(contact, "change"), {"name": "Anders"}).status_code == 403
    assert client.post(admin_url(world["a"]["coalition"], "change"), {"name": "Anders"}).status_code == 403


def test_a_user_without_membership_sees_no_coalition_data(client, world):
    client.force_login(UserFactory())
    index = client.get(reverse("admin:index")).content.decode()
    assert "Dienst" not in index
    assert client.get(reverse("admin:catalogue_service_changelist")).status_code == 403


def test_superusers_see_every_coalition(client, world, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("beheer", password="x-long-password-1"))
    page = client.get(reverse("admin:catalogue_service_changelist")).content.decode()
    assert "Dienst van A" in page
    assert "Dienst van B" in page


def test_a_member_of_two_coalitions_cannot_mix_them_in_a_new_service(client, world):
    user = world["a"]["user"]
    Membership.objects.create(user=user, coalition=world["b"]["coalition"], role=Membership.Role.EDITOR)
    client.force_login(user)
    data = service_form(
        world["a"]["coalition"],
        world["a"]["organisation"],
        **{
            "service_at_locations-TOTAL_FORMS": "1",
            "service_at_locations-0-location": world["b"]["location"].pk,
        },
    )
    response = client.post(reverse("admin:catalogue_service_add"), data)
    assert response.status_code == 200
    assert "Kies een locatie van dezelfde coalitie als de dienst." in response.content.decode()
    assert not Service.objects.filter(name_nl="Nieuwe dienst").exists()
