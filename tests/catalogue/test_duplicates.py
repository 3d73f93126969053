"""A service saved twice: the admin warns first, links to the existing one, and saves only when asked."""

import pytest
from django.urls import reverse

from ookbalans.catalogue.duplicates import Candidate, normalised, possible_duplicates
from ookbalans.catalogue.models import Membership, Service
from tests.catalogue.test_admin_isolation import service_form
from tests.factories import MembershipFactory, OrganisationFactory, ServiceFactory


def candidate(name, organisation="jgz", pk=None):
    return Candidate(pk or name, name, organisation, organisation.upper())


def test_names_are_compared_without_case_accents_and_punctuation():
    assert normalised("  Papa-Café  Zutphen! ") == "papa cafe zutphen"


def test_same_name_at_the_same_organisation_comes_first():
    found = possible_duplicates(
        "Borstvoedingscafé",
        "jgz",
        [candidate("Borstvoedingscafe", "kraamzorg"), candidate("borstvoedingscafé", "jgz", pk=1)],
    )
    assert [c.id for c in found] == [1, "Borstvoedingscafe"]


def test_near_identical_names_are_found_and_different_ones_are_not():
    candidates = [candidate("Borstvoedingscafe Zutphen"), candidate("Budgetcoach"), candidate("Babymassage")]
    assert [c.name for c in possible_duplicates("Borstvoedingscafé Zutphen", "x", candidates)] == [
        "Borstvoedingscafe Zutphen"
    ]
    assert possible_duplicates("Peuterspeelgroep", "x", candidates) == []


def test_the_service_itself_is_no_duplicate():
    assert possible_duplicates("Budgetcoach", "jgz", [candidate("Budgetcoach", pk=7)], exclude_id=7) == []


@pytest.fixture
def coordinator(client):
    membership = MembershipFactory(role=Membership.Role.COORDINATOR)
    client.force_login(membership.user)
    return membership


@pytest.mark.django_db
def test_saving_the_same_service_twice_warns_with_a_link_and_saves_nothing(client, coordinator):
    organisation = OrganisationFactory(coalition=coordinator.coalition, name="JGZ Testregio")
    existing = ServiceFactory(
        coalition=coordinator.coalition, organization=organisation, name_nl="Nieuwe dienst"
    )
    response = client.post(
        reverse("admin:catalogue_service_add"), service_form(coordinator.coalition, organisation)
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Deze dienst bestaat misschien al" in page
    assert reverse("admin:catalogue_service_change", args=[existing.pk]) in page
    assert "Toch opslaan" in page
    assert Service.objects.filter(name_nl="Nieuwe dienst").count() == 1


@pytest.mark.django_db
def test_save_anyway_saves_the_second_service(client, coordinator):
    organisation = OrganisationFactory(coalition=coordinator.coalition)
    ServiceFactory(coalition=coordinator.coalition, organization=organisation, name_nl="Nieuwe dienst")
    data = service_form(coordinator.coalition, organisation, save_anyway="on")
    response = client.post(reverse("admin:catalogue_service_add"), data)
    assert response.status_code == 302
    assert Service.objects.filter(name_nl="Nieuwe dienst").count() == 2


@pytest.mark.django_db
def test_another_coalitions_service_of_the_same_name_is_no_duplicate(client, coordinator):
    organisation = OrganisationFactory(coalition=coordinator.coalition)
    ServiceFactory(name_nl="Nieuwe dienst")  # in a coalition of its own
    response = client.post(
        reverse("admin:catalogue_service_add"), service_form(coordinator.coalition, organisation)
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_changing_a_service_does_not_warn_about_itself(client, coordinator):
    organisation = OrganisationFactory(coalition=coordinator.coalition)
    service = ServiceFactory(
        coalition=coordinator.coalition, organization=organisation, name_nl="Nieuwe dienst"
    )
    response = client.post(
        reverse("admin:catalogue_service_change", args=[service.pk]),
        service_form(coordinator.coalition, organisation),
    )
    assert response.status_code == 302
