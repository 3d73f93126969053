"""The admin home as the coordinator's start page: what needs attention, and the way to the work."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ookbalans.catalogue import coordinator_home
from ookbalans.catalogue.models import Membership
from tests.factories import MembershipFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    membership = MembershipFactory(role=Membership.Role.COORDINATOR)
    client.force_login(membership.user)
    return membership


def test_stale_services_lead_to_the_filtered_list(client, coordinator):
    today = timezone.localdate()
    ServiceFactory(coalition=coordinator.coalition, name_nl="Nooit gecontroleerd")
    ServiceFactory(
        coalition=coordinator.coalition,
        name_nl="Lang geleden",
        last_checked_on=today - datetime.timedelta(days=400),
    )
    ServiceFactory(coalition=coordinator.coalition, name_nl="Net gecontroleerd", last_checked_on=today)
    ServiceFactory(name_nl="Van een andere coalitie")
    items = coordinator_home.stale_services(coordinator.user, {coordinator.coalition_id})
    assert [item.count for item in items] == [1 + 1]
    assert items[0].text == "2 actieve diensten zijn het afgelopen jaar niet gecontroleerd"
    listed = client.get(items[0].url)
    names = [service.name for service in listed.context["cl"].result_list]
    assert sorted(names) == ["Lang geleden", "Nooit gecontroleerd"]


def test_the_start_page_counts_unchecked_services_once_by_the_coalitions_own_interval(client, coordinator):
    # The reminders' interval (6 months by default, overdue 8 weeks later) replaces the rule of a year:
    # one count, not two by different rules.
    today = timezone.localdate()
    ServiceFactory(
        coalition=coordinator.coalition,
        name_nl="Lang geleden",
        last_checked_on=today - datetime.timedelta(days=400),
    )
    ServiceFactory(
        coalition=coordinator.coalition,
        name_nl="Acht maanden geleden",
        last_checked_on=today - datetime.timedelta(days=250),
    )
    page = client.get(reverse("admin:index")).content.decode()
    assert "Vraagt aandacht" in page
    assert "afgelopen jaar niet gecontroleerd" not in page
    assert "2 diensten zijn te laat gecontroleerd; ouders zien ze nog wel" in page


def test_the_start_page_leads_to_analysis_vision_exchange_and_finder(client, coordinator):
    slug = coordinator.coalition.slug
    page = client.get(reverse("admin:index")).content.decode()
    for url in (
        reverse("admin:catalogue_service_add"),
        reverse("analysis:dashboard", args=[slug]),
        reverse("vision:coalition", args=[slug]),
        reverse("interchange:coalition", args=[slug]),
        reverse("finder:start", args=[slug]),
    ):
        assert f'href="{url}"' in page


def test_the_coalitions_work_comes_before_the_api_tokens(client, coordinator):
    page = client.get(reverse("admin:index")).content.decode()
    assert page.index("app-catalogue") < page.index("app-analysis") < page.index("app-api")


def test_apps_add_what_needs_attention_through_the_hook(client, coordinator):
    def reminder(user, coalition_ids):
        return [coordinator_home.Attention(text="Bel de wethouder", url="/x/", count=1)]

    coordinator_home.contribute("test.reminder", reminder, order=99)
    try:
        assert "Bel de wethouder" in client.get(reverse("admin:index")).content.decode()
    finally:
        coordinator_home._providers[:] = [p for p in coordinator_home._providers if p[1] != "test.reminder"]
