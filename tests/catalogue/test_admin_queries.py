"""The admin's cost per page: a fixed number of queries for the demo coordinator, roles read once."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ookbalans.audit import context as audit
from ookbalans.audit.models import Entry
from ookbalans.catalogue.demo import DEMO_USERNAME
from ookbalans.catalogue.models import Location, Organisation, Service

pytestmark = pytest.mark.django_db

MOST_QUERIES = 30


@pytest.fixture
def coordinator(shared_demo, client):
    user = get_user_model().objects.get(username=DEMO_USERNAME)
    with audit.scope(user=user):  # a page of the Logboek to show: the demo is loaded without one
        for service in Service.objects.order_by("id")[:60]:
            service.waiting_time_weeks = (service.waiting_time_weeks or 0) + 1
            service.save()
    client.force_login(user)
    return client


def pages():
    service = Service.objects.order_by("id").first()
    return [
        reverse("admin:index"),
        reverse("admin:catalogue_service_changelist"),
        reverse("admin:catalogue_service_change", args=[service.pk]),
        reverse("admin:catalogue_service_add"),
        reverse("admin:catalogue_organisation_changelist"),
        reverse("admin:catalogue_organisation_change", args=[Organisation.objects.order_by("id").first().pk]),
        reverse("admin:catalogue_location_changelist"),
        reverse("admin:catalogue_location_change", args=[Location.objects.order_by("id").first().pk]),
        reverse("admin:catalogue_serviceatlocation_changelist"),
        reverse("admin:catalogue_contactpoint_changelist"),
        reverse("admin:audit_entry_changelist"),
        reverse("admin:audit_entry_change", args=[Entry.objects.filter(coalition__is_demo=True).first().pk]),
    ]


def test_each_admin_page_runs_at_most_thirty_queries(coordinator, django_assert_max_num_queries):
    for url in pages():
        with django_assert_max_num_queries(MOST_QUERIES, info=url):
            response = coordinator.get(url)
        assert response.status_code == 200, url


def test_the_memberships_are_read_once_per_request(coordinator):
    for url in pages():
        with CaptureQueriesContext(connection) as queries:
            coordinator.get(url)
        reads = [q for q in queries.captured_queries if 'FROM "catalogue_membership"' in q["sql"]]
        assert len(reads) == 1, url
