"""Bounded imports: hostile files are refused with a Dutch message, and nothing is written.

How fast and with how much memory is measured by benchmarks/imports_memory.py, not here: a timed test
fails on a busy machine. What the tests hold instead is that the refusal comes before the work (the
body's file is never read, a zip is judged from its directory).
"""

import io
import json
import random
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from benchmarks import hostile_files as hostile
from ookbalans.catalogue.models import Location, Membership, Organisation, Service
from ookbalans.interchange import formats, writing
from ookbalans.interchange.limits import MB, Limits
from ookbalans.interchange.problems import ImportFailed
from tests.factories import CoalitionFactory, MembershipFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def counts():
    return [model.objects.count() for model in (Organisation, Location, Service)]


def refused(source, name: str, limits: Limits | None = None, coalition=None) -> list[str]:
    """The Dutch errors of an import that must fail and change nothing."""
    coalition = coalition or CoalitionFactory()
    before = counts()
    with translation.override("nl"), pytest.raises(ImportFailed) as caught:
        formats.import_file(coalition, source, name, limits=limits)
    assert counts() == before
    with translation.override("nl"):
        return [str(problem) for problem in caught.value.problems.errors]


@pytest.mark.parametrize("name", ["pakket.zip", "werkmap.xlsx"])
def test_a_zip_bomb_is_refused_before_it_is_unpacked(name):
    errors = refused(hostile.zip_bomb(unpacked_mb=30), name)
    assert any("hoogstens 100 keer zo groot" in error for error in errors), errors


def test_a_zip_that_unpacks_beyond_the_limit_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", "{}")
        archive.writestr("services.csv", b"id,name\n" + random.Random(1).randbytes(2 * MB))
    errors = refused(out.getvalue(), "pakket.zip", Limits(unpacked_bytes=MB))
    assert any("uitgepakt hoogstens 1 MB" in error for error in errors), errors


def test_a_zip_that_lies_about_its_sizes_is_refused():
    errors = refused(hostile.lying_zip(unpacked_mb=2), "pakket.zip")
    assert any("verwacht: een .zip-bestand" in error for error in errors), errors


def test_reading_stops_when_the_actual_bytes_pass_the_limit(tmp_path):
    (tmp_path / "datapackage.json").write_text("{}")
    (tmp_path / "services.csv").write_bytes(b"id,name\n1," + b"x" * (2 * MB) + b"\n")
    errors = refused(tmp_path, "map", Limits(unpacked_bytes=MB))
    assert any("uitgepakt hoogstens 1 MB" in error for error in errors), errors


def test_unusual_packing_and_too_many_parts_are_refused():
    bzip = io.BytesIO()
    with zipfile.ZipFile(bzip, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("datapackage.json", "{}")
    assert any("(deflate)" in error for error in refused(bzip.getvalue(), "pakket.zip"))
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as archive:
        for number in range(1001):
            archive.writestr(f"deel{number}.csv", "")
    assert any("1000 onderdelen" in error for error in refused(many.getvalue(), "pakket.zip"))


@pytest.mark.parametrize("depth", [100_000, 900])
def test_deeply_nested_json_is_refused_with_a_message(depth):
    errors = refused(hostile.deep_json(depth), "aanbod.json")
    assert len(errors) == 1 and errors[0].startswith("aanbod.json"), errors
    assert "hoogstens 64 niveaus diep genest" in errors[0]


def test_a_sheet_of_a_million_rows_is_refused_at_once():
    workbook = hostile.huge_workbook(1_000_000)
    errors = refused(workbook, "werkmap.xlsx")
    assert any(error.startswith("Diensten") and "meer dan 50.000 regels" in error for error in errors), errors


def test_a_sheet_that_does_not_declare_its_size_is_counted():
    workbook = hostile.huge_workbook(5000, dimension=False)
    errors = refused(workbook, "werkmap.xlsx", Limits(rows=1000))
    assert any(error.startswith("Diensten") and "meer dan 1.000 regels" in error for error in errors), errors


def test_services_per_file_are_capped_and_the_cli_can_raise_the_cap(tmp_path, capsys):
    source = CoalitionFactory(slug="bron")
    for number in range(4):
        ServiceFactory(coalition=source, name_nl=f"Dienst {number}")
    document = json.loads(formats.export_bytes(source, "hsds-json"))
    for service in document["services"]:
        service["name"] += " (nieuw)"  # a change, so that the import would update all four
    data = json.dumps(document).encode()
    errors = refused(data, "aanbod.json", Limits(services=3))
    assert any("'services'" in error and "hoogstens 3" in error for error in errors), errors
    path = tmp_path / "aanbod.json"
    path.write_bytes(data)
    with override_settings(OOKBALANS_IMPORT_MAX_SERVICES=3):
        with pytest.raises(CommandError, match="nothing was imported"):
            call_command("import", str(path), coalition="bron")
        call_command("import", str(path), coalition="bron", max_services=10, dry_run=True)
    assert "4 services" in capsys.readouterr().out.splitlines()[-1]


def test_problems_are_listed_up_to_200_and_counted_by_kind(tmp_path, capsys):
    CoalitionFactory(slug="doel")
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"id": f"x{n}", "name": "Dienst", "status": "?"} for n in range(300)]))
    with pytest.raises(CommandError, match=r"^\d+ problem"):
        call_command("import", str(path), coalition="doel")
    err = capsys.readouterr().err
    assert len([line for line in err.splitlines() if line.startswith("error:")]) == 200
    assert "not listed; all errors by kind:" in err
    assert "      300 × " in err  # e.g. every service's status, counted once per kind


def test_only_the_writing_holds_a_transaction(tmp_path, monkeypatch):
    source = CoalitionFactory(slug="bron")
    ServiceFactory(coalition=source)
    document = json.loads(formats.export_bytes(source, "hsds-json"))
    document["services"][0]["name"] = "Anders"  # a change: an unchanged file writes nothing at all
    path = tmp_path / "aanbod.json"
    path.write_text(json.dumps(document))
    depths = {}
    read, write = formats.read_document, writing.write_plans

    def reading(*args, **kwargs):
        depths["reading"] = len(connection.savepoint_ids)
        return read(*args, **kwargs)

    def writing_(*args, **kwargs):
        depths["writing"] = len(connection.savepoint_ids)
        return write(*args, **kwargs)

    monkeypatch.setattr(formats, "read_document", reading)
    monkeypatch.setattr("ookbalans.interchange.importing.write_plans", writing_)
    baseline = len(connection.savepoint_ids)
    call_command("import", str(path), coalition="bron")
    assert depths == {"reading": baseline, "writing": baseline + 1}


@pytest.fixture
def editor_client():
    membership = MembershipFactory(role=Membership.Role.EDITOR)
    client = Client(enforce_csrf_checks=True)
    client.force_login(membership.user)
    return client, membership.coalition


def test_a_body_over_the_limit_is_refused_before_it_is_read(editor_client):
    client, coalition = editor_client
    url = reverse("interchange:coalition", args=[coalition.slug])
    client.get(url)
    token = client.cookies["csrftoken"].value
    boundary = "grens"
    body, length = hostile.multipart_body(
        boundary, {"csrfmiddlewaretoken": token}, "file", "aanbod.json", 210 * MB
    )
    before = counts()
    with translation.override("nl"):
        response = client.generic(
            "POST",
            url,
            **{
                "wsgi.input": body,
                "CONTENT_LENGTH": str(length),
                "CONTENT_TYPE": f"multipart/form-data; boundary={boundary}",
            },
        )
    assert response.status_code == 413
    assert "groter dan 200 MB en is niet ingelezen" in response.content.decode()
    assert body.read_bytes < 2 * MB  # the file itself was never read
    assert counts() == before


def test_a_page_lists_200_problems_and_the_counts_per_kind(editor_client):
    client, coalition = editor_client
    url = reverse("interchange:coalition", args=[coalition.slug])
    client.get(url)
    bad = io.BytesIO(json.dumps([{"id": f"x{n}", "name": "Dienst"} for n in range(250)]).encode())
    bad.name = "aanbod.json"
    with translation.override("nl"):
        response = client.post(url, {"file": bad, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count("<li>aanbod.json") + html.count("<li>services[") == 200
    assert "Soort probleem" in html and "Hieronder staan de eerste 200" in html
