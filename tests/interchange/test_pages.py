"""The coordinators' import and export pages: login, own coalition only, editors and coordinators only."""

import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ookbalans.catalogue.models import Membership, Service
from tests.factories import CoalitionFactory, MembershipFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    membership = MembershipFactory(role=Membership.Role.EDITOR)
    ServiceFactory(coalition=membership.coalition, name_nl="Borstvoedingscafé")
    client.force_login(membership.user)
    return membership


def test_login_is_required(client):
    coalition = CoalitionFactory()
    for url in (
        reverse("interchange:index"),
        reverse("interchange:coalition", args=[coalition.slug]),
        reverse("interchange:export", args=[coalition.slug, "xlsx"]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def downloaded(response) -> bytes:
    """The file of a streamed download."""
    return b"".join(response.streaming_content)


def test_editor_downloads_the_three_formats(client, editor):
    slug = editor.coalition.slug
    page = client.get(reverse("interchange:coalition", args=[slug]))
    assert page.status_code == 200
    workbook = client.get(reverse("interchange:export", args=[slug, "xlsx"]))
    assert workbook["Content-Disposition"] == f'attachment; filename="ookbalans-{slug}.xlsx"'
    assert workbook.streaming  # written as it is read: memory stays flat for a large coalition
    sheet = load_workbook(io.BytesIO(downloaded(workbook)))["Diensten"]
    assert sheet["B2"].value == "Borstvoedingscafé"
    document = json.loads(downloaded(client.get(reverse("interchange:export", args=[slug, "hsds-json"]))))
    assert document["services"][0]["name"] == "Borstvoedingscafé"
    archive = client.get(reverse("interchange:export", args=[slug, "datapackage"]))
    assert downloaded(archive)[:2] == b"PK"
    assert client.get(reverse("interchange:export", args=[slug, "pdf"])).status_code == 404


def test_editor_uploads_an_edited_workbook(client, editor):
    slug = editor.coalition.slug
    data = downloaded(client.get(reverse("interchange:export", args=[slug, "xlsx"])))
    workbook = load_workbook(io.BytesIO(data))
    workbook["Diensten"]["B2"] = "Borstvoedingscafé Zutphen"
    out = io.BytesIO()
    workbook.save(out)
    out.name = "aanbod.xlsx"
    out.seek(0)
    checked = client.post(reverse("interchange:coalition", args=[slug]), {"file": out, "dry_run": "on"})
    assert checked.status_code == 200 and checked.context["report"].dry_run
    assert Service.objects.get(coalition=editor.coalition).name_nl == "Borstvoedingscafé"
    out.seek(0)
    response = client.post(reverse("interchange:coalition", args=[slug]), {"file": out})
    assert response.status_code == 200 and response.context["report"].updated["services"] == 1
    assert Service.objects.get(coalition=editor.coalition).name_nl == "Borstvoedingscafé Zutphen"
    assert Service.objects.filter(coalition=editor.coalition).count() == 1


def test_a_bad_upload_lists_every_problem_and_escapes_markup(client, editor):
    bad = io.BytesIO(json.dumps([{"id": "<b>x</b>", "name": ""}]).encode())
    bad.name = "aanbod.json"
    response = client.post(reverse("interchange:coalition", args=[editor.coalition.slug]), {"file": bad})
    assert response.status_code == 400
    html = response.content.decode()
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html
    assert len(response.context["failure"].errors) >= 3


def test_other_coalitions_and_viewers_are_refused(client, editor):
    other = CoalitionFactory()
    assert client.get(reverse("interchange:coalition", args=[other.slug])).status_code == 404
    assert client.get(reverse("interchange:export", args=[other.slug, "hsds-json"])).status_code == 404
    index = client.get(reverse("interchange:index")).content.decode()
    assert editor.coalition.name in index and other.name not in index
    viewer = MembershipFactory(coalition=other, role=Membership.Role.VIEWER)
    client.force_login(viewer.user)
    assert client.get(reverse("interchange:coalition", args=[other.slug])).status_code == 404
    assert client.get(reverse("interchange:export", args=[other.slug, "xlsx"])).status_code == 404
