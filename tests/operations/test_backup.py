"""Backup and restore: a backup restored into an empty database gives every row and every export back."""

import gzip
import io
import json
import zipfile

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ookbalans.audit import context as audit
from ookbalans.audit.models import Entry
from ookbalans.catalogue.models import Coalition, Service
from ookbalans.operations.backup import REFERENCE, backed_up_models, counts
from ookbalans.search.models import SearchDocument
from ookbalans.vision.models import Vision

FORMATS = {"hsds-json": "json", "datapackage": "zip", "xlsx": "xlsx"}


def export_contents(tmp_path, name: str) -> dict:
    """Each export of the demo coalition as comparable content (archives and workbooks by their entries)."""
    result = {}
    for export_format, suffix in FORMATS.items():
        path = tmp_path / f"{name}.{suffix}"
        call_command(
            "export", coalition="voorbeeldregio", format=export_format, output=str(path), stdout=io.StringIO()
        )
        if suffix == "zip":
            with zipfile.ZipFile(path) as archive:
                result[export_format] = {entry: archive.read(entry) for entry in sorted(archive.namelist())}
        elif suffix == "xlsx":
            workbook = openpyxl.load_workbook(path, read_only=True)
            result[export_format] = {
                sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook
            }
        else:
            result[export_format] = path.read_bytes()
    return result


def wipe_data() -> None:
    """What an empty, migrated database holds: the reference data of the migrations and nothing else."""
    SearchDocument.objects.all().delete()
    with audit.quiet():  # an empty database has no audit entries of its emptying either
        for model in reversed(backed_up_models()):
            if model._meta.label_lower not in REFERENCE:
                model._base_manager.all().delete()


@pytest.fixture(scope="module")
def demo_backup(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo (every app's part) once for the module, with one backup of it; removed after."""
    from ookbalans.catalogue.demo import remove_demo
    from ookbalans.search.models import SearchWord

    backup = tmp_path_factory.mktemp("backup") / "backup.jsonl.gz"
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())
        call_command("backup", output=str(backup), stdout=io.StringIO())
    yield backup
    with django_db_blocker.unblock():
        remove_demo()
        SearchWord.objects.all().delete()
        Entry.objects.all().delete()


@pytest.fixture
def full_demo(demo_backup, db):
    return Coalition.objects.get(slug="voorbeeldregio")


def test_backup_restore_gives_every_row_and_export_back(full_demo, demo_backup, tmp_path):
    assert Vision.objects.filter(coalition=full_demo).exists()
    before_counts = counts(backed_up_models())
    before_exports = export_contents(tmp_path, "before")
    searched = [s.pk for s in Service.objects.filter(coalition=full_demo, status=Service.Status.ACTIVE)[:3]]
    backup = demo_backup

    wipe_data()
    assert not Coalition.objects.exists()
    output = io.StringIO()
    call_command("restore", str(backup), stdout=output)

    assert "Restore complete" in output.getvalue()
    assert counts(backed_up_models()) == before_counts
    assert export_contents(tmp_path, "after") == before_exports
    # The search index was rebuilt: the restored services are findable again.
    assert SearchDocument.objects.filter(service_id__in=searched).count() == len(searched)


def test_backup_header_counts_rows_and_leaves_out_what_is_rebuilt(full_demo, demo_backup):
    with gzip.open(demo_backup, "rt") as stream:
        header = json.loads(stream.readline())
        models = {json.loads(line)["model"] for line in stream}
    assert header["format"] == "ookbalans-backup"
    assert header["counts"]["catalogue.service"] == Service.objects.count()
    assert "search.searchdocument" not in models and "auth.permission" not in models
    assert {"catalogue.service", "vision.vision", "auth.user"} <= models


def test_restore_refuses_a_database_that_holds_data(full_demo, demo_backup):
    backup = demo_backup
    services = Service.objects.count()
    with pytest.raises(CommandError, match="already holds data"):
        call_command("restore", str(backup), stdout=io.StringIO())
    assert Service.objects.count() == services


def test_restore_refuses_a_backup_of_other_migrations(full_demo, demo_backup, tmp_path):
    with gzip.open(demo_backup, "rt") as stream:
        lines = stream.readlines()
    header = json.loads(lines[0])
    header["migrations"]["catalogue"].append("9999_from_the_future")
    lines[0] = json.dumps(header) + "\n"
    changed = tmp_path / "changed.jsonl.gz"
    with gzip.open(changed, "wt") as stream:
        stream.writelines(lines)
    wipe_data()
    with pytest.raises(CommandError, match="other migrations"):
        call_command("restore", str(changed), stdout=io.StringIO())
    assert not Coalition.objects.exists()


@pytest.mark.django_db
def test_restore_refuses_a_file_that_is_no_backup(tmp_path):
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello")
    with pytest.raises(CommandError, match="not an ookbalans backup"):
        call_command("restore", str(not_a_backup), stdout=io.StringIO())


def test_backup_does_not_overwrite_a_file(full_demo, tmp_path):
    existing = tmp_path / "backup.jsonl.gz"
    existing.write_text("keep me")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", output=str(existing), stdout=io.StringIO())
    assert existing.read_text() == "keep me"


def test_reference_models_are_those_the_migrations_fill(full_demo):
    """After the demo is gone, the database holds rows only in the reference models the migrations fill."""
    wipe_data()
    filled = {model._meta.label_lower for model in backed_up_models() if model._base_manager.exists()}
    assert filled == REFERENCE
