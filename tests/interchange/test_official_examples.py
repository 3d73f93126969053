"""The official HSDS 3.0 examples import without loss: every field comes back in the next export."""

import io
import json
import zipfile
from pathlib import Path

import pytest

from ookbalans.catalogue.models import Organisation, Service
from ookbalans.interchange import formats, tables
from ookbalans.interchange.exporting.datapackage import flatten
from ookbalans.interchange.problems import Problems
from ookbalans.interchange.reading.csv_files import read_csv
from ookbalans.interchange.reading.datapackage import typed
from tests.factories import CoalitionFactory
from tests.interchange.schemas import errors

pytestmark = pytest.mark.django_db
EXAMPLES = tables.HSDS_DIR / "examples"


def by_id(items):
    return {item["id"]: item for item in items}


def test_service_full_example_imports_without_loss():
    example = json.loads((EXAMPLES / "json" / "service_full.json").read_text())
    coalition = CoalitionFactory()
    report = formats.import_file(coalition, json.dumps([example]).encode(), "service_full.json")
    assert report.created["services"] == 1
    assert report.problems.warnings  # what ookbalans cannot hold is reported, and kept
    service = Service.objects.get(id=example["id"])
    assert service.name_nl == "Community Counselling"
    assert Organisation.objects.get(id=example["organization"]["id"]).name == "Example Organization Inc."
    exported = json.loads(formats.export_bytes(coalition, "hsds-json"))
    again = by_id(exported["services"])[example["id"]]
    for key, value in example.items():
        if key in ("organization", "service_areas"):
            continue
        assert again[key] == value, key
    assert all(area in again["service_areas"] for area in example["service_areas"])
    organisation = by_id(exported["organizations"])[example["organization"]["id"]]
    for key, value in example["organization"].items():
        assert organisation[key] == value, key


def test_organization_full_example_imports_without_loss():
    example = json.loads((EXAMPLES / "json" / "organization_full.json").read_text())
    coalition = CoalitionFactory()
    formats.import_file(
        coalition, json.dumps({"organizations": [example]}).encode(), "organization_full.json"
    )
    exported = json.loads(formats.export_bytes(coalition, "hsds-json"))
    organisation = by_id(exported["organizations"])[example["id"]]
    for key, value in example.items():
        assert organisation[key] == value, key


def test_csv_example_datapackage_imports_without_loss():
    coalition = CoalitionFactory()
    report = formats.import_file(coalition, EXAMPLES / "csv", "csv")
    assert report.created["services"] == 1 and report.created["organisations"] == 1
    # The example's one attribute links to an id that is in no table: reported, not silently dropped.
    orphans = [p for p in report.problems.warnings if p.field == "id"]
    assert [(p.where.source, p.value) for p in orphans] == [
        ("attributes.csv", "ae58cc39-8b70-4ab1-8aea-786882e5ac8e"),
        ("taxonomy_terms.csv", "3f7b145d-84af-42d7-8fae-eaca714b02b2"),
        ("taxonomies.csv", "5c4d79d7-cc55-470e-9f1f-8cad074e4892"),
    ]
    reported = {p.value for p in orphans}
    exported = flatten(json.loads(formats.export_bytes(coalition, "hsds-json")))
    for path in sorted((EXAMPLES / "csv").glob("*.csv")):
        table = next(name for name, r in tables.resources().items() if r["path"] == path.name)
        if table in ("metadata", "meta_table_description", "taxonomy", "taxonomy_term"):
            continue  # change history is reported, not imported; taxonomies travel inside attributes
        rows = read_csv(path.read_bytes(), path.name, Problems())
        exported_rows = by_id(exported[table])
        for row in rows:
            row.pop("_source")
            if row["id"] in reported:
                continue
            again = exported_rows.get(row["id"])
            assert again is not None, (path.name, row["id"])
            for key, value in typed(table, row).items():
                assert str(again.get(key)) == str(value), (path.name, key)


def test_every_example_in_the_export_still_validates():
    coalition = CoalitionFactory()
    example = json.loads((EXAMPLES / "json" / "service_full.json").read_text())
    formats.import_file(coalition, json.dumps([example]).encode(), "service_full.json")
    exported = json.loads(formats.export_bytes(coalition, "hsds-json"))
    for service in exported["services"]:
        assert not errors(service, "service.json")


def test_datapackage_zip_with_semicolons_and_bom_reads_like_the_folder():
    coalition = CoalitionFactory()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in Path(EXAMPLES / "csv").iterdir():
            data = path.read_bytes()
            if path.suffix == ".csv":
                import csv

                rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
                out = io.StringIO()
                csv.writer(out, delimiter=";").writerows(rows)
                data = "\ufeff".encode() + out.getvalue().encode("utf-8")
            archive.writestr(f"voorbeeld/{path.name}", data)
    report = formats.import_file(coalition, buffer.getvalue(), "voorbeeld.zip")
    assert report.created["services"] == 1
    assert Service.objects.get(coalition=coalition).name_nl == "Community Counselling"


@pytest.mark.parametrize(
    ("filename", "kind", "count"),
    [
        ("service_full.json", "services", 1),
        ("organization_full.json", "organizations", 1),
        ("service_list.json", "services", None),
        ("organization_list.json", "organizations", None),
    ],
)
def test_the_official_json_files_import_as_they_are(filename, kind, count):
    """A coordinator uploads the example file itself: one object, or a page of an HSDS API answer."""
    from ookbalans.interchange.reading.hsds_json import as_document

    document = json.loads((EXAMPLES / "json" / filename).read_text())
    shaped = as_document(document)
    assert list(shaped) == [kind]
    assert len(shaped[kind]) == (count or len(document["contents"]))
    coalition = CoalitionFactory()
    formats.import_file(coalition, (EXAMPLES / "json" / filename).read_bytes(), filename)
    model = Service if kind == "services" else Organisation
    assert model.objects.filter(coalition=coalition).count() >= 1
