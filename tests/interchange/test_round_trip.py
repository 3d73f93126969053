"""Round trips: export, import into an empty coalition, export again: the same apart from the coalition."""

import io
import json
import zipfile

import pytest
from openpyxl import load_workbook

from ookbalans.catalogue.demo import remove_demo
from ookbalans.catalogue.models import Service
from ookbalans.interchange import formats
from ookbalans.interchange.models import KeptFields
from tests.interchange.conftest import empty_like

pytestmark = pytest.mark.django_db


def move(demo, fmt: str) -> tuple[bytes, bytes]:
    """Export, delete the coalition (its ids are global), import into an empty one, export again."""
    first = formats.export_bytes(demo, fmt)
    municipalities = list(demo.municipalities.all())
    remove_demo("voorbeeldregio")
    target = empty_like(demo)
    target.municipalities.set(municipalities)
    formats.import_file(target, first, f"export.{formats.FORMATS[fmt][1]}")
    return first, formats.export_bytes(target, fmt)


def test_hsds_json_round_trip_is_identical_apart_from_the_coalition(demo):
    first, second = move(demo, "hsds-json")
    before, after = json.loads(first), json.loads(second)
    assert before.pop("coalition")["slug"] == "voorbeeldregio"
    assert after.pop("coalition")["slug"] == "kopie"
    assert len(before["services"]) == 82
    assert before == after


def test_datapackage_round_trip_is_identical(demo):
    first, second = move(demo, "datapackage")
    with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(io.BytesIO(second)) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())
        assert "services.csv" in a.namelist() and "attributes.csv" in a.namelist()
        for name in a.namelist():
            assert a.read(name) == b.read(name), name


def workbook_values(data: bytes) -> dict:
    workbook = load_workbook(io.BytesIO(data))
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in workbook.worksheets
        if sheet.title != "Toelichting"
    }


def test_excel_round_trip_is_identical(demo):
    first, second = move(demo, "xlsx")
    before, after = workbook_values(first), workbook_values(second)
    assert len(before["Diensten"]) == 83  # header and 82 services
    assert before == after


def test_json_import_then_same_file_again_changes_nothing_and_keeps_nothing_extra(demo):
    data = formats.export_bytes(demo, "hsds-json")
    report = formats.import_file(demo, data, "export.json")
    assert report.changes["nothing"] and report.updated == {} and report.created == {}
    assert Service.objects.filter(coalition=demo).count() == 82
    assert not KeptFields.objects.exclude(fields__has_key="last_modified").exists()
    assert json.loads(formats.export_bytes(demo, "hsds-json")) == json.loads(data)
