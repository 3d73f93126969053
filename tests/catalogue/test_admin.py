"""A coordinator's path through the admin: entering a service, Dutch messages, the plain-language hint."""

import pytest
from django.urls import reverse

from ookbalans.catalogue.models import Location, Membership, NationalIntervention, Service
from tests.catalogue.test_admin_isolation import service_form
from tests.factories import LocationFactory, MembershipFactory, OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    membership = MembershipFactory(role=Membership.Role.COORDINATOR)
    client.force_login(membership.user)
    return membership


def test_the_service_form_explains_itself_in_dutch(client, coordinator):
    page = client.get(reverse("admin:catalogue_service_add")).content.decode()
    assert "Korte beschrijving" in page
    assert "300 tekens" in page  # the help text of the short description
    assert "Steuntje in de rug" in page  # pyramid levels with the framework's labels
    assert "Dreumes (1 tot 2 jaar)" in page


def test_a_hard_short_description_is_saved_with_a_plain_language_warning(client, coordinator):
    organisation = OrganisationFactory(coalition=coordinator.coalition)
    data = service_form(
        coordinator.coalition,
        organisation,
        short_description_nl=(
            "Multidisciplinaire ondersteuning ten behoeve van ouders met meervoudige psychosociale "
            "problematiek, gericht op het versterken van opvoedingsvaardigheden binnen het gezinssysteem."
        ),
    )
    response = client.post(reverse("admin:catalogue_service_add"), data, follow=True)
    assert Service.objects.filter(name_nl="Nieuwe dienst").exists()
    messages = [str(m) for m in response.context["messages"]]
    assert any("B1" in m and "opvoedingsvaardigheden" in m for m in messages), messages


def test_a_plain_short_description_gets_no_warning(client, coordinator):
    organisation = OrganisationFactory(coalition=coordinator.coalition)
    response = client.post(
        reverse("admin:catalogue_service_add"), service_form(coordinator.coalition, organisation), follow=True
    )
    assert not any("B1" in str(m) for m in response.context["messages"])


def test_missing_short_description_is_refused_in_dutch(client, coordinator):
    organisation = OrganisationFactory(coalition=coordinator.coalition)
    data = service_form(coordinator.coalition, organisation, short_description_nl="")
    response = client.post(reverse("admin:catalogue_service_add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["short_description_nl"]
    assert errors and errors[0].startswith("Dit veld is")  # Dutch, whichever catalogue words it
    assert not Service.objects.exists()


def test_a_bad_postcode_and_phone_are_refused_with_what_to_do(client, coordinator):
    response = client.post(
        reverse("admin:catalogue_location_add"),
        {
            "coalition": coordinator.coalition.pk,
            "name": "Buurthuis",
            "postal_code": "72O1 AB",
            "city": "Zutphen",
        },
    )
    assert "1234 AB" in response.content.decode()
    assert not Location.objects.exists()
    response = client.post(
        reverse("admin:catalogue_organisation_add"),
        {"coalition": coordinator.coalition.pk, "name": "Buurthuis", "domain": "sociaal", "phone": "12345"},
    )
    assert "0575 512 345" in response.content.decode()


def test_a_location_typed_loosely_is_stored_neatly_and_placed_on_the_map(client, coordinator):
    response = client.post(
        reverse("admin:catalogue_location_add"),
        {
            "coalition": coordinator.coalition.pk,
            "name": "Buurthuis",
            "postal_code": "7241ab",
            "city": "Lochem",
        },
    )
    assert response.status_code == 302
    location = Location.objects.get()
    assert location.postal_code == "7241 AB"
    assert location.municipality.name == "Lochem"
    assert location.latitude == pytest.approx(52.16, abs=0.01)


def test_service_list_filters_by_level_phase_status_and_organisation(client, coordinator):
    LocationFactory(coalition=coordinator.coalition)
    from tests.factories import ServiceFactory

    ServiceFactory(coalition=coordinator.coalition, name_nl="Inloop", levels=["basis"])
    ServiceFactory(coalition=coordinator.coalition, name_nl="Gezinscoach", levels=["extra"])
    url = reverse("admin:catalogue_service_changelist")
    page = client.get(url).content.decode()
    for heading in ("niveaus in de ondersteuningspiramide", "fasen", "status", "organisatie"):
        assert heading in page.lower(), heading
    from tests.factories import term

    extra = (
        client.get(url, {"pyramid_levels__id__exact": term("pyramid_level", "extra").pk})
        .context["cl"]
        .result_list
    )
    assert [s.name for s in extra] == ["Gezinscoach"]


def test_coordinators_read_national_interventions_but_cannot_change_them(client, coordinator):
    from ookbalans.catalogue.models import NationalIntervention

    voorzorg = NationalIntervention.objects.get(name="VoorZorg")
    page = client.get(reverse("admin:catalogue_nationalintervention_changelist")).content.decode()
    assert "VoorZorg" in page
    url = reverse("admin:catalogue_nationalintervention_change", args=[voorzorg.pk])
    assert 'name="_save"' not in client.get(url).content.decode()
    client.post(url, {"name": "Iets anders", "recognition_level": "effectief_sterke"})
    voorzorg.refresh_from_db()
    assert (voorzorg.name, voorzorg.recognition_level) == ("VoorZorg", "effectief_goede")


def test_the_national_interventions_show_how_many_of_your_own_active_services_use_each(client, coordinator):
    own = coordinator.coalition
    intervention = NationalIntervention.objects.order_by("name").first()
    ServiceFactory(coalition=own, national_intervention=intervention)
    ServiceFactory(coalition=own, national_intervention=intervention, status=Service.Status.INACTIVE)
    ServiceFactory(national_intervention=intervention)  # another coalition's
    url = reverse("admin:catalogue_nationalintervention_changelist")
    response = client.get(url, {"q": intervention.name})
    assert response.status_code == 200
    assert "Actief in je coalities" in response.content.decode()
    shown = {obj.pk: obj.used_locally for obj in response.context["cl"].result_list}
    assert shown[intervention.pk] == 1
