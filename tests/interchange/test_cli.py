"""The command line: `ookbalans export` and `ookbalans import` with --create-coalition and --dry-run."""

import json

import pytest
from django.core.management import CommandError, call_command

from ookbalans.catalogue.models import Coalition, Service
from tests.factories import CoalitionFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_export_then_import_into_a_new_coalition_from_the_command_line(tmp_path, capsys):
    source = CoalitionFactory(slug="bron")
    ServiceFactory(coalition=source, name_nl="Voorleesochtend")
    for fmt, name in (("hsds-json", "a.json"), ("datapackage", "a.zip"), ("xlsx", "a.xlsx")):
        call_command("export", coalition="bron", format=fmt, output=str(tmp_path / name))
        assert (tmp_path / name).stat().st_size > 0
    assert "Wrote 1 services" in capsys.readouterr().out
    document = json.loads((tmp_path / "a.json").read_text())
    for item in document["services"] + document["organizations"]:
        item.pop("id")  # new ids: the originals belong to the source coalition
    document["services"][0]["organization"] = document["organizations"][0]
    document["services"][0]["organization"]["id"] = "0e8f6a4c-1d2b-4c3d-9e8f-7a6b5c4d3e2f"
    document["services"][0]["id"] = "1e8f6a4c-1d2b-4c3d-9e8f-7a6b5c4d3e2f"
    document["services"][0]["organization_id"] = "0e8f6a4c-1d2b-4c3d-9e8f-7a6b5c4d3e2f"
    document["organizations"] = []
    (tmp_path / "b.json").write_text(json.dumps(document))
    call_command(
        "import", str(tmp_path / "b.json"), coalition="nieuw", create_coalition="Nieuw", dry_run=True
    )
    assert not Coalition.objects.filter(slug="nieuw").exists()
    call_command("import", str(tmp_path / "b.json"), coalition="nieuw", create_coalition="Nieuw")
    assert Service.objects.get(coalition__slug="nieuw").name_nl == "Voorleesochtend"


def test_import_errors_exit_with_every_problem(tmp_path, capsys):
    CoalitionFactory(slug="doel")
    (tmp_path / "bad.json").write_text(json.dumps([{"id": "x", "status": "?"}]))
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import", str(tmp_path / "bad.json"), coalition="doel")
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error:")]
    assert len(errors) >= 3
    with pytest.raises(CommandError, match="--create-coalition"):
        call_command("import", str(tmp_path / "bad.json"), coalition="bestaat-niet")
    with pytest.raises(CommandError):
        call_command("export", coalition="bestaat-niet", format="xlsx", output=str(tmp_path / "x.xlsx"))
