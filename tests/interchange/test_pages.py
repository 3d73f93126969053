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


def renamed_workbook(client, slug: str) -> io.BytesIO:
    """The coalition's own Excel export with one cell changed (the first service's name), as an upload."""
    data = downloaded(client.get(reverse("interchange:export", args=[slug, "xlsx"])))
    workbook = load_workbook(io.BytesIO(data))
    workbook["Diensten"]["B2"] = "Borstvoedingscafé Zutphen"
    out = io.BytesIO()
    workbook.save(out)
    out.name = "aanbod.xlsx"
    out.seek(0)
    return out


def test_editor_uploads_an_edited_workbook(client, editor):
    slug = editor.coalition.slug
    out = renamed_workbook(client, slug)
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


def test_a_checked_file_is_imported_with_one_upload_and_only_once(client, editor):
    slug = editor.coalition.slug
    out = renamed_workbook(client, slug)
    page = client.get(reverse("interchange:coalition", args=[slug]))
    assert page.context["form"]["dry_run"].value() is True  # checking first is the default
    checked = client.post(reverse("interchange:coalition", args=[slug]), {"file": out, "dry_run": "on"})
    job = checked.context["checked"]
    assert job is not None and job.parts.exists()
    [item] = checked.context["report"].changes["objects"]
    assert item["fields"] == [
        {"label": "Naam", "old": "Borstvoedingscafé", "new": "Borstvoedingscafé Zutphen"}
    ]
    assert "Borstvoedingscafé Zutphen" in checked.content.decode()
    imported = client.post(reverse("interchange:import_checked", args=[slug, job.pk]), follow=True)
    assert imported.status_code == 200 and imported.context["report"].updated == {"services": 1}
    assert Service.objects.get(coalition=editor.coalition).name_nl == "Borstvoedingscafé Zutphen"
    job.refresh_from_db()
    assert not job.dry_run and job.status == "done"
    again = client.post(reverse("interchange:import_checked", args=[slug, job.pk]), follow=True)
    assert again.status_code == 200 and again.context["checked"] is None


def test_an_unchanged_file_is_not_kept_and_says_nothing_changed(client, editor):
    slug = editor.coalition.slug
    out = io.BytesIO(downloaded(client.get(reverse("interchange:export", args=[slug, "hsds-json"]))))
    out.name = "aanbod.json"
    checked = client.post(reverse("interchange:coalition", args=[slug]), {"file": out, "dry_run": "on"})
    assert checked.context["checked"] is None and not editor.coalition.import_jobs.exists()
    assert "Niets veranderd" in checked.content.decode()


def test_a_check_older_than_the_kept_hours_cannot_be_imported(client, editor, settings):
    from ookbalans.interchange import jobs

    slug = editor.coalition.slug
    document = json.loads(downloaded(client.get(reverse("interchange:export", args=[slug, "hsds-json"]))))
    document["services"][0]["name"] = "Anders"
    out = io.BytesIO(json.dumps(document).encode())
    out.name = "aanbod.json"
    job = client.post(reverse("interchange:coalition", args=[slug]), {"file": out, "dry_run": "on"}).context[
        "checked"
    ]
    settings.OOKBALANS_IMPORT_CHECKED_KEEP_HOURS = 0
    assert jobs.forget_checked_files() == 1 and not job.parts.exists()
    page = client.post(reverse("interchange:import_checked", args=[slug, job.pk]), follow=True)
    assert page.context["expired"] and Service.objects.get(coalition=editor.coalition).name_nl != "Anders"
