"""Overdue services are flagged in the admin's list and on the start page and counted in the analysis;
the coordinator sets the coalition's rule, a service may have its own interval."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ookbalans.analysis.catalogue_data import load_catalogue
from ookbalans.analysis.rules import analyse
from ookbalans.catalogue.models import Membership, Service
from ookbalans.reminders import schedule
from ookbalans.reminders.models import CheckInterval, ReminderSettings
from tests.factories import MembershipFactory
from tests.reminders.conftest import months_ago

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:catalogue_service_changelist")


@pytest.fixture
def coordinator_client(client, world):
    client.force_login(world["coordinator"])
    return client


def names(response) -> list[str]:
    return sorted(service.name for service in response.context["cl"].result_list)


def test_the_list_filters_due_and_overdue_services_and_flags_them(coordinator_client, world):
    # Due: 7 and 8 months ago (6 months' rule), 4 months ago with its own 3 months. Overdue: 8 weeks later.
    due = coordinator_client.get(CHANGELIST + "?controle=te-doen")
    assert names(due) == ["Inloopspreekuur", "Koffieochtend", "Zwangerschapsspreekuur"]
    overdue = coordinator_client.get(CHANGELIST + "?controle=te-laat")
    assert names(overdue) == ["Koffieochtend"]
    page = coordinator_client.get(CHANGELIST).content.decode()
    assert "column-next_check" in page
    assert page.count("te laat: te controleren sinds") == 1
    assert page.count("<strong>te controleren sinds") == 2
    # Flagged, never hidden: the parents' page of the overdue service still shows it.
    service = world["services"]["due_coordinator"]
    finder = coordinator_client.get(reverse("finder:service", args=[world["coalition"].slug, service.pk]))
    assert finder.status_code == 200


def test_python_and_database_agree_on_what_is_due(world):
    today = timezone.localdate()
    services = Service.objects.filter(coalition=world["coalition"])
    for later in (0, 20, 45, 70, 200):
        day = today + datetime.timedelta(days=later)
        rule = schedule.DEFAULT_RULE
        own = schedule.intervals_for(services)
        in_python = {
            s.pk
            for s in services.filter(status=Service.Status.ACTIVE)
            if schedule.check_of(s, rule, own.get(s.pk), day).overdue
        }
        in_database = set(
            schedule.overdue_services(services, {world["coalition"].pk}, day).values_list("pk", flat=True)
        )
        assert in_python == in_database, later


def test_the_start_page_counts_overdue_services_and_links_to_them(coordinator_client):
    page = coordinator_client.get(reverse("admin:index")).content.decode()
    assert "1 dienst is te laat gecontroleerd; ouders zien hem nog wel" in page
    assert f"{CHANGELIST}?controle=te-laat" in page


def test_the_analysis_counts_overdue_services(world):
    analysis = analyse(load_catalogue(world["coalition"]))
    assert analysis.indicators["overdue_checks"]["count"] == 1
    ReminderSettings.objects.create(coalition=world["coalition"], overdue_after_weeks=1)
    analysis = analyse(load_catalogue(world["coalition"]))
    # One week late now counts: 7 and 8 months (6 months' rule) and 4 months (own 3 months).
    assert analysis.indicators["overdue_checks"]["count"] == 3


def test_the_coordinator_sets_the_rule_an_editor_may_not(coordinator_client, client, world):
    add = reverse("admin:reminders_remindersettings_add")
    response = coordinator_client.post(
        add,
        {
            "coalition": world["coalition"].pk,
            "check_interval_months": 12,
            "overdue_after_weeks": 4,
            "send_reminders": "on",
        },
    )
    assert response.status_code == 302
    assert ReminderSettings.objects.get(coalition=world["coalition"]).check_interval_months == 12
    editor = MembershipFactory(coalition=world["coalition"], role=Membership.Role.EDITOR).user
    client.force_login(editor)
    settings_id = ReminderSettings.objects.get().pk
    change = reverse("admin:reminders_remindersettings_change", args=[settings_id])
    response = client.post(change, {"coalition": world["coalition"].pk, "check_interval_months": 1})
    assert response.status_code in (302, 403)
    assert ReminderSettings.objects.get().check_interval_months == 12


def test_a_service_gets_its_own_interval(coordinator_client, world):
    service = world["services"]["fresh_editors"]
    assert not schedule.service_check(service).due
    response = coordinator_client.post(
        reverse("admin:reminders_checkinterval_add"), {"service": service.pk, "months": 1}
    )
    assert response.status_code == 302
    assert CheckInterval.objects.get(service=service).months == 1
    assert schedule.service_check(service).due  # checked a month ago, due every month
    assert service.last_checked_on == months_ago(1)
    listed = coordinator_client.get(CHANGELIST + "?controle=te-doen")
    assert "Echo" in names(listed)


def test_organisation_editors_see_the_due_date_but_not_the_intervals(client, world):
    client.force_login(world["editors"][0])
    interval = CheckInterval.objects.create(service=world["services"]["due_editors"], months=2)
    listed = client.get(CHANGELIST).content.decode()
    assert "column-next_check" in listed and "te controleren sinds" in listed
    assert client.get(reverse("admin:reminders_checkinterval_changelist")).status_code == 403
    change = reverse("admin:reminders_checkinterval_change", args=[interval.pk])
    assert client.post(change, {"service": interval.service_id, "months": 24}).status_code in (302, 403)
    interval.refresh_from_db()
    assert interval.months == 2
