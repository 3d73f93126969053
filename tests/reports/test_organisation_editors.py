"""Reports from the public reach the organisation's editors: in the queue (their own only) and by mail."""

import pytest
from django.core import mail
from django.urls import reverse

from ookbalans.catalogue.models import Membership
from ookbalans.reports import notifications
from ookbalans.reports.models import Report
from tests.factories import MembershipFactory, OrganisationFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db

Role = Membership.Role
TEXT, SUGGESTION = "De mevrouw bij de balie zei dat het niet meer bestaat.", "Zet er Markt 3 bij."


@pytest.fixture
def world():
    """One coalition with organisations A and B (each a service, an editor and a report) and a coordinator."""
    coordinator = MembershipFactory(
        role=Role.COORDINATOR, user=UserFactory(email="coordinator@coalitie.example")
    )
    coalition = coordinator.coalition
    data = {"coalition": coalition, "coordinator": coordinator.user}
    for side in ("a", "b"):
        organisation = OrganisationFactory(coalition=coalition, name=f"Organisatie {side.upper()}")
        service = ServiceFactory(
            coalition=coalition, organization=organisation, name_nl=f"Dienst van {side.upper()}"
        )
        editor = Membership.objects.create(
            user=UserFactory(email=f"redacteur-{side}@organisatie.example"),
            coalition=coalition,
            role=Role.ORGANISATION_EDITOR,
            organisation=organisation,
        ).user
        report = Report.objects.create(
            coalition=coalition, service=service, kind="cost", text=f"Melding {side}"
        )
        data[side] = {"organisation": organisation, "service": service, "editor": editor, "report": report}
    return data


def change_url(report):
    return reverse("admin:reports_report_change", args=[report.pk])


LIST = reverse("admin:reports_report_changelist")


def test_an_organisation_editor_sees_only_the_reports_on_the_own_services(client, world):
    client.force_login(world["a"]["editor"])
    assert client.get(reverse("admin:index")).status_code == 200
    listing = client.get(LIST).content.decode()
    assert "Dienst van A" in listing and "Dienst van B" not in listing
    assert client.get(change_url(world["a"]["report"])).status_code == 200
    assert "Melding a" in client.get(change_url(world["a"]["report"])).content.decode()
    assert client.get(change_url(world["b"]["report"])).status_code in (302, 403, 404)
    client.post(change_url(world["b"]["report"]), {"status": "handled", "note": "weg"})
    world["b"]["report"].refresh_from_db()
    assert world["b"]["report"].status == Report.Status.NEW and world["b"]["report"].note == ""


def test_an_organisation_editor_handles_the_own_reports_and_no_others(client, world):
    editor = world["a"]["editor"]
    client.force_login(editor)
    response = client.post(
        change_url(world["a"]["report"]), {"status": "handled", "note": "Prijs aangepast."}
    )
    assert response.status_code == 302
    own = Report.objects.get(pk=world["a"]["report"].pk)
    assert own.status == Report.Status.HANDLED and own.handled_by == editor and own.note == "Prijs aangepast."
    # The action on both reports handles only the own one.
    own.status = Report.Status.NEW
    own.save()
    client.post(
        LIST,
        {"action": "mark_handled", "_selected_action": [world["a"]["report"].pk, world["b"]["report"].pk]},
    )
    statuses = dict(Report.objects.values_list("service__name_nl", "status"))
    assert statuses == {"Dienst van A": Report.Status.HANDLED, "Dienst van B": Report.Status.NEW}
    # What the visitor sent stays as it came, and an organisation editor deletes nothing.
    assert (
        client.post(reverse("admin:reports_report_delete", args=[own.pk]), {"post": "yes"}).status_code == 403
    )
    assert Report.objects.filter(pk=own.pk).exists()


def test_the_coordinator_keeps_seeing_every_report_of_the_coalition(client, world):
    client.force_login(world["coordinator"])
    listing = client.get(LIST).content.decode()
    assert "Dienst van A" in listing and "Dienst van B" in listing


def test_an_editor_of_another_coalition_sees_nothing_of_it(client, world):
    elsewhere = MembershipFactory(role=Role.COORDINATOR)
    other_organisation = OrganisationFactory(coalition=elsewhere.coalition)
    outsider = Membership.objects.create(
        user=UserFactory(),
        coalition=elsewhere.coalition,
        role=Role.ORGANISATION_EDITOR,
        organisation=other_organisation,
    ).user
    client.force_login(outsider)
    listing = client.get(LIST).content.decode()
    assert "Dienst van A" not in listing and "Dienst van B" not in listing
    assert client.get(change_url(world["a"]["report"])).status_code in (302, 403, 404)


def send(client, service, headers=None, **data):
    url = reverse("reports:report", args=[service.coalition.slug, service.pk])
    return client.post(
        url, {"kind": "place_time", "text": TEXT, "suggestion": SUGGESTION, **data}, headers=headers or {}
    )


def test_a_report_mails_the_organisations_editors_in_plain_dutch_without_what_the_visitor_wrote(
    client, world
):
    Membership.objects.create(
        user=UserFactory(email="tweede@organisatie.example"),
        coalition=world["coalition"],
        role=Role.ORGANISATION_EDITOR,
        organisation=world["a"]["organisation"],
    )
    assert send(client, world["a"]["service"]).status_code == 302
    report = Report.objects.latest("created_at")
    # One mail per editor of A, none to B's editor nor to the coordinator; nobody sees another's address.
    assert sorted(message.to[0] for message in mail.outbox) == [
        "redacteur-a@organisatie.example",
        "tweede@organisatie.example",
    ]
    assert all(len(message.to) == 1 and not message.cc and not message.bcc for message in mail.outbox)
    message = mail.outbox[0]
    assert message.subject == "Melding over Dienst van A: er klopt misschien iets niet"
    assert world["coalition"].name in message.body
    assert "Wat er niet klopt, volgens de melding: Adres of openingstijden." in message.body
    assert "http://testserver" + change_url(report) in message.body
    assert TEXT not in message.body and SUGGESTION not in message.body and "Markt" not in message.body


def test_without_an_editor_the_coordinators_are_mailed(client, world):
    lonely = ServiceFactory(
        coalition=world["coalition"], organization=OrganisationFactory(coalition=world["coalition"])
    )
    MembershipFactory(
        coalition=world["coalition"], role=Role.EDITOR, user=UserFactory(email="editor@x.example")
    )
    MembershipFactory(
        coalition=world["coalition"], role=Role.COORDINATOR, user=UserFactory(email="", username="z")
    )
    assert send(client, lonely).status_code == 302
    assert [message.to for message in mail.outbox] == [["coordinator@coalitie.example"]]


def test_inactive_editors_are_not_mailed(client, world):
    editor = world["a"]["editor"]
    editor.is_active = False
    editor.save()
    send(client, world["a"]["service"])
    assert [message.to for message in mail.outbox] == [["coordinator@coalitie.example"]]


def test_a_failing_mail_server_does_not_lose_the_report(client, world, monkeypatch):
    def fail(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr(notifications, "send_mass_mail", fail)
    before = Report.objects.count()
    assert send(client, world["a"]["service"]).status_code == 302
    assert Report.objects.count() == before + 1


def test_a_trapped_or_refused_report_mails_nobody(client, world):
    send(client, world["a"]["service"], website="https://spam.example")
    send(client, world["a"]["service"], text="Bel mij op 06-12345678")
    assert mail.outbox == []


def test_a_report_keeps_nothing_about_the_visitor(client, world):
    client.defaults["REMOTE_ADDR"] = "203.0.113.9"
    send(client, world["a"]["service"], headers={"user-agent": "Mozilla/5.0 test"})
    report = Report.objects.latest("created_at")
    kept = " ".join(str(getattr(report, field.attname)) for field in Report._meta.concrete_fields)
    assert "203.0.113.9" not in kept and "Mozilla" not in kept
    stored = {field.name for field in Report._meta.get_fields()}
    assert stored == {
        "id", "coalition", "created_at", "modified_at", "service", "kind", "text", "suggestion",
        "language", "status", "handled_at", "handled_by", "note",
    }  # fmt: skip
