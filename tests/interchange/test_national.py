"""A national import (`ookbalans import_all FOLDER`): each coalition's file into it, in one transaction."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from ookbalans.catalogue.models import Service
from ookbalans.interchange import formats
from ookbalans.search import indexing
from ookbalans.search.models import SearchDocument
from tests.factories import CoalitionFactory, ServiceFactory


def two_coalitions_exported(folder):
    """Two coalitions with services, each exported to the folder under its own name, then emptied."""
    names = {}
    for slug, count in (("noord", 2), ("zuid", 3)):
        coalition = CoalitionFactory(slug=slug)
        for number in range(count):
            ServiceFactory(coalition=coalition, name_nl=f"Spreekuur {slug} {number}")
        (folder / formats.file_name(coalition, "hsds-json")).write_bytes(
            formats.export_bytes(coalition, "hsds-json")
        )
        names[slug] = sorted(Service.objects.filter(coalition=coalition).values_list("name_nl", flat=True))
        Service.objects.filter(coalition=coalition).delete()
    return names


def names_in(slug):
    return sorted(Service.objects.filter(coalition__slug=slug).values_list("name_nl", flat=True))


@pytest.mark.django_db
def test_every_file_goes_into_the_coalition_its_name_gives(tmp_path, capsys):
    names = two_coalitions_exported(tmp_path)
    call_command("import_all", str(tmp_path), processes=0, dry_run=True)
    assert "Would create" in capsys.readouterr().out
    assert names_in("noord") == names_in("zuid") == []
    call_command("import_all", str(tmp_path), processes=0)
    out = capsys.readouterr().out
    assert "2 files" in out
    assert "5 services" in out
    assert names_in("noord") == names["noord"]
    assert names_in("zuid") == names["zuid"]


@pytest.mark.django_db
def test_one_bad_file_leaves_every_coalition_as_it_was(tmp_path, capsys):
    two_coalitions_exported(tmp_path)
    document = json.loads((tmp_path / "ookbalans-zuid.json").read_text())
    document["services"][0]["status"] = "?"
    (tmp_path / "ookbalans-zuid.json").write_text(json.dumps(document))
    with pytest.raises(CommandError, match="in 1 of 2 files; nothing was imported"):
        call_command("import_all", str(tmp_path), processes=0)
    assert "ookbalans-zuid.json:" in capsys.readouterr().err
    # The good file came first and was written, then undone with the rest.
    assert names_in("noord") == names_in("zuid") == []


@pytest.mark.django_db
def test_a_file_for_no_coalition_is_refused_before_anything_is_read(tmp_path):
    CoalitionFactory(slug="noord")
    (tmp_path / "ookbalans-noord.json").write_text("[]")
    (tmp_path / "ookbalans-nergens.json").write_text("[]")
    with pytest.raises(CommandError, match="ookbalans-nergens.json"):
        call_command("import_all", str(tmp_path), processes=0)


@pytest.mark.django_db(transaction=True)
def test_worker_processes_check_the_files_and_this_process_writes_them(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("forked workers need a database server (SQLite's test database is in memory)")
    names = two_coalitions_exported(tmp_path)
    call_command("import_all", str(tmp_path), processes=1)
    assert names_in("noord") == names["noord"]
    assert names_in("zuid") == names["zuid"]
    # The workers made the search documents ahead: the same as made again from the database.
    made_ahead = documents()
    assert len(made_ahead) == 5
    indexing.rebuild()
    assert documents() == made_ahead


def documents():
    return {
        str(d.service_id): (d.coalition_id, d.title, d.body, d.labels, d.description, d.concepts)
        for d in SearchDocument.objects.all()
    }
