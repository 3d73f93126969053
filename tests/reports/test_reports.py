"""Reports from the public: the form, what it refuses, its limits, and the coalition's queue in the admin."""

import pytest
from django.test import Client
from django.urls import reverse

from ookbalans.audit.models import Entry
from ookbalans.catalogue.models import Membership, Service
from ookbalans.reports import limits
from ookbalans.reports.models import Report
from tests.factories import MembershipFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def service():
    return ServiceFactory(name_nl="Papa Café Zutphen")


def report_url(service, **query):
    url = reverse("reports:report", args=[service.coalition.slug, service.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def send(client, service, **data):
    return client.post(report_url(service), {"kind": "contact", **data})


def test_the_service_page_links_to_the_form(client, service):
    page = client.get(reverse("finder:service", args=[service.coalition.slug, service.pk])).content.decode()
    assert report_url(service) in page and "Klopt er iets niet?" in page


def test_a_report_lands_in_the_queue_with_its_service_and_no_personal_data(client, service):
    response = send(
        client, service, text="Het nummer werkt niet meer.", suggestion="Nieuw nummer staat op hun site."
    )
    assert response.status_code == 302 and "/bedankt/" in response["Location"]
    report = Report.objects.get()
    assert report.service == service and report.coalition == service.coalition
    assert report.kind == "contact" and report.status == Report.Status.NEW and report.language == "nl"
    stored = {field.name for field in Report._meta.get_fields()}
    assert not stored & {"ip", "ip_address", "email", "name", "user_agent"}


def test_only_the_kind_is_required(client, service):
    assert send(client, service).status_code == 302
    assert client.post(report_url(service), {"text": "iets"}).status_code == 200
    assert Report.objects.count() == 1


@pytest.mark.parametrize(
    "text",
    ["Mail me op sanne@example.nl", "Bel me: 06-12345678", "mijn nummer is +31 6 1234 5678"],
)
def test_text_with_an_email_address_or_phone_number_is_refused(client, service, text):
    for field in ("text", "suggestion"):
        response = send(client, service, **{field: text})
        assert response.status_code == 200
        assert "Laat e-mailadressen en telefoonnummers weg" in response.content.decode()
    assert not Report.objects.exists()


def test_a_filled_honeypot_is_thanked_and_ignored(client, service):
    response = send(client, service, website="https://spam.example")
    assert response.status_code == 302
    assert not Report.objects.exists()


def test_the_form_needs_its_csrf_token(service):
    client = Client(enforce_csrf_checks=True)
    assert send(client, service).status_code == 403
    page = client.get(report_url(service))
    token = page.cookies["csrftoken"].value
    assert client.post(report_url(service), {"kind": "cost", "csrfmiddlewaretoken": token}).status_code == 302


def test_a_client_may_send_a_few_reports_an_hour(client, service, settings):
    settings.OOKBALANS_REPORTS_PER_HOUR = 3
    assert [send(client, service).status_code for _ in range(4)] == [302, 302, 302, 429]
    assert Report.objects.count() == 3
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert send(other, service).status_code == 302


def test_the_rate_limit_keeps_only_a_hash_of_the_address_with_a_daily_salt():
    import datetime

    today, tomorrow = datetime.date(2026, 12, 2), datetime.date(2026, 12, 3)
    key = limits.client_key("203.0.113.5", today)
    assert "203.0.113.5" not in key
    assert key == limits.client_key("203.0.113.5", today)
    assert key != limits.client_key("203.0.113.5", tomorrow)
    assert key != limits.client_key("203.0.113.6", today)


def test_the_form_and_thanks_in_arabic(client, service):
    page = client.get(report_url(service, lang="ar")).content.decode()
    assert 'dir="rtl"' in page and "هل هناك خطأ ما؟" in page
    assert "?lang=ar" in page  # the form posts back in the same language
    response = client.post(report_url(service, lang="ar"), {"kind": "gone"})
    assert response["Location"].endswith("?lang=ar")
    assert Report.objects.get().language == "ar"
    assert "شكرًا لك" in client.get(response["Location"]).content.decode()


def test_an_inactive_service_cannot_be_reported(client, service):
    Service.objects.filter(pk=service.pk).update(status=Service.Status.INACTIVE)
    assert client.get(report_url(service)).status_code == 404


@pytest.fixture
def queue(service):
    """A report in the service's coalition and one in another coalition, and people with roles."""
    own = Report.objects.create(
        coalition=service.coalition, service=service, kind="cost", text="Is niet gratis"
    )
    elsewhere_service = ServiceFactory(name_nl="Dienst elders")
    elsewhere = Report.objects.create(
        coalition=elsewhere_service.coalition, service=elsewhere_service, kind="gone", text="Bestaat niet"
    )
    people = {
        role: MembershipFactory(coalition=service.coalition, role=role).user
        for role in (Membership.Role.COORDINATOR, Membership.Role.EDITOR, Membership.Role.VIEWER)
    }
    return own, elsewhere, people


def change_url(report):
    return reverse("admin:reports_report_change", args=[report.pk])


def test_coordinators_see_only_their_coalitions_queue_with_the_service_linked(client, queue):
    own, elsewhere, people = queue
    client.force_login(people[Membership.Role.COORDINATOR])
    listing = client.get(reverse("admin:reports_report_changelist")).content.decode()
    assert "Papa Café Zutphen" in listing and "Dienst elders" not in listing
    page = client.get(change_url(own)).content.decode()
    assert reverse("admin:catalogue_service_change", args=[own.service_id]) in page
    assert "Is niet gratis" in page
    assert client.get(change_url(elsewhere)).status_code in (302, 403, 404)


def test_a_coordinator_marks_reports_handled_and_the_trail_records_it(client, queue):
    own, elsewhere, people = queue
    coordinator = people[Membership.Role.COORDINATOR]
    client.force_login(coordinator)
    response = client.post(
        reverse("admin:reports_report_changelist"),
        {"action": "mark_handled", "_selected_action": [own.pk, elsewhere.pk]},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    elsewhere.refresh_from_db()
    assert own.status == Report.Status.HANDLED and own.handled_by == coordinator and own.handled_at
    assert elsewhere.status == Report.Status.NEW
    entries = Entry.objects.filter(object_type="reports.report", object_id=str(own.pk))
    assert {entry.action for entry in entries} >= {Entry.Action.CHANGED}
    assert all("Is niet gratis" not in str(entry.changes) for entry in entries)  # redacted


def test_editors_read_the_queue_but_only_coordinators_handle_it_and_viewers_do_not_see_it(client, queue):
    own, _elsewhere, people = queue
    client.force_login(people[Membership.Role.EDITOR])
    assert client.get(change_url(own)).status_code == 200
    client.post(change_url(own), {"status": "handled", "note": ""})
    own.refresh_from_db()
    assert own.status == Report.Status.NEW
    client.force_login(people[Membership.Role.VIEWER])
    assert client.get(reverse("admin:reports_report_changelist")).status_code == 403


def test_nobody_adds_reports_in_the_admin(client, queue):
    client.force_login(queue[2][Membership.Role.COORDINATOR])
    assert client.get(reverse("admin:reports_report_add")).status_code == 403


def test_a_new_report_is_in_the_audit_trail_without_its_words(client, service):
    send(client, service, text="Het adres is verhuisd naar de Markt.")
    entry = Entry.objects.get(object_type="reports.report", action=Entry.Action.CREATED)
    assert entry.coalition_id == service.coalition_id
    assert "Markt" not in str(entry.changes) + str(entry.details) + entry.object_repr
