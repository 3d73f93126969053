"""The service form as a coordinator meets it: essentials first, the rest folded, coalition chosen."""

import re

import pytest
from django.urls import reverse

from ookbalans.catalogue.models import Membership
from tests.factories import CoalitionFactory, MembershipFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    membership = MembershipFactory(role=Membership.Role.COORDINATOR)
    client.force_login(membership.user)
    return membership


def test_the_essentials_come_first_and_the_rest_is_folded(client, coordinator):
    page = client.get(reverse("admin:catalogue_service_add")).content.decode()
    essentials = [
        page.index(f'name="{name}"') for name in ("organization", "name_nl", "short_description_nl")
    ]
    essentials += [page.index('name="pyramid_levels"'), page.index('name="access"')]
    cost = page.index('name="cost_options-0-kind"')  # one empty cost row, usable without JavaScript
    first_fold = page.index("<details>")
    assert max(essentials) < cost < first_fold
    assert page.index('name="description"') > first_fold
    assert page.count("<details>") == 5
    assert "Vertalingen" in page


def test_other_languages_sit_in_one_section_with_the_help_text_said_once(client, coordinator):
    page = client.get(reverse("admin:catalogue_service_add")).content.decode()
    translations = page[page.index("Vertalingen") :]
    for code in ("en", "ar", "tr", "pl", "uk"):
        assert f'name="name_{code}"' in translations
        assert f'name="short_description_{code}"' in translations
    assert page.count("Een korte naam die ouders begrijpen") == 1
    assert page.count("Hoogstens 300 tekens") == 1
    assert "Naam [nl]" not in page


def test_the_coalition_is_chosen_for_a_member_of_one(client, coordinator):
    page = client.get(reverse("admin:catalogue_service_add")).content.decode()
    assert re.search(rf'<option value="{coordinator.coalition.pk}" selected>', page)


def test_a_member_of_two_coalitions_chooses(client, coordinator):
    MembershipFactory(user=coordinator.user, coalition=CoalitionFactory(), role=Membership.Role.EDITOR)
    page = client.get(reverse("admin:catalogue_service_add")).content.decode()
    options = page.split('name="coalition"')[1].split("</select>")[0]
    assert not re.search(r'value="[0-9a-f-]{36}" selected', options)


def test_opening_hours_are_reached_from_the_service(client, coordinator):
    from tests.factories import LocationFactory

    service = ServiceFactory(coalition=coordinator.coalition)
    location = LocationFactory(coalition=coordinator.coalition)
    at = service.service_at_locations.create(location=location)
    page = client.get(reverse("admin:catalogue_service_change", args=[service.pk])).content.decode()
    assert reverse("admin:catalogue_serviceatlocation_change", args=[at.pk]) in page
    assert "Openingstijden wijzigen" in page


def test_the_list_shows_levels_status_and_check_date_but_one_coalition_no_coalition_column(
    client, coordinator
):
    ServiceFactory(coalition=coordinator.coalition, name_nl="Budgetcoach")
    page = client.get(reverse("admin:catalogue_service_changelist")).content.decode()
    for column in ("column-levels", "column-status", "column-last_checked_on", "column-organization"):
        assert column in page
    assert "column-coalition" not in page
