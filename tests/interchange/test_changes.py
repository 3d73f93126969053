"""Imports write only what differs: an unchanged file writes nothing, a changed one lists its fields."""

import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from ookbalans.audit.models import Entry as AuditEntry
from ookbalans.catalogue.models import CostOption, Schedule, Service, ServiceAtLocation
from ookbalans.interchange import formats
from ookbalans.interchange.models import KeptFields

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]


@pytest.mark.parametrize("fmt", ["hsds-json", "datapackage", "xlsx"])
def test_reimporting_the_own_export_writes_nothing_and_says_so(demo, fmt):
    data = formats.export_bytes(demo, fmt)
    modified = dict(Service.objects.filter(coalition=demo).values_list("id", "modified_at"))
    parts = (CostOption.objects.count(), ServiceAtLocation.objects.count(), Schedule.objects.count())
    entries = AuditEntry.objects.count()
    with CaptureQueriesContext(connection) as queries:
        report = formats.import_file(demo, data, f"aanbod.{formats.FORMATS[fmt][1]}")
    assert writes(queries.captured_queries) == []
    assert report.changes["nothing"] is True
    assert report.changes["objects"] == [] and report.changes["removed"] == {}
    assert report.created == {} and report.updated == {}
    assert report.problems.warnings == []
    assert dict(Service.objects.filter(coalition=demo).values_list("id", "modified_at")) == modified
    assert (CostOption.objects.count(), ServiceAtLocation.objects.count(), Schedule.objects.count()) == parts
    assert AuditEntry.objects.count() == entries
    assert not KeptFields.objects.exists()


def changed_workbook(demo, header: str, value) -> tuple[bytes, Service]:
    """The coalition's workbook with one cell of the first service's row on Diensten changed."""
    workbook = load_workbook(io.BytesIO(formats.export_bytes(demo, "xlsx")))
    sheet = workbook["Diensten"]
    headers = [cell.value for cell in sheet[1]]
    row = sheet[2]
    service = Service.objects.get(pk=row[headers.index("ID")].value)
    row[headers.index(header)].value = value
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue(), service


def test_one_changed_cell_lists_exactly_that_field_and_writes_only_that_service(demo):
    data, service = changed_workbook(demo, "Beschrijving", "Een nieuwe beschrijving.")
    old = service.description
    others = dict(
        Service.objects.filter(coalition=demo).exclude(pk=service.pk).values_list("id", "modified_at")
    )
    checked = formats.import_file(demo, data, "aanbod.xlsx", dry_run=True)
    assert checked.updated == {"services": 1} and checked.created == {}
    [listed] = checked.changes["objects"]
    assert listed["name"] == service.name_nl and listed["new"] is False
    assert listed["fields"] == [
        {
            "label": "Volledige beschrijving",
            "old": old[:159] + "…" if len(old) > 160 else old,
            "new": "Een nieuwe beschrijving.",
        }
    ]
    assert Service.objects.get(pk=service.pk).description == old  # only checked
    report = formats.import_file(demo, data, "aanbod.xlsx")
    assert report.updated == {"services": 1}
    assert Service.objects.get(pk=service.pk).description == "Een nieuwe beschrijving."
    assert (
        dict(Service.objects.filter(coalition=demo).exclude(pk=service.pk).values_list("id", "modified_at"))
        == others
    )
    again = formats.import_file(demo, data, "aanbod.xlsx")
    assert again.changes["nothing"] is True


def test_changed_parts_are_listed_with_what_is_added_and_removed(demo):
    document = json.loads(formats.export_bytes(demo, "hsds-json"))
    service = next(
        s for s in document["services"] if any(sal.get("schedules") for sal in s["service_at_locations"])
    )
    sal = next(sal for sal in service["service_at_locations"] if sal.get("schedules"))
    removed = sal["schedules"].pop()
    service["name"] = "Andere naam"
    new = dict(
        service,
        id="0b7f6f5e-5c5f-4a59-9d2e-6a8f1d3c2b10",
        name="Nieuwe dienst",
        service_at_locations=[],
        cost_options=[],
    )
    document["services"].append(new)
    report = formats.import_file(demo, json.dumps(document).encode(), "aanbod.json", dry_run=True)
    assert report.created == {"services": 1} and report.updated == {"services": 1}
    assert report.changes["removed"] == {"schedules": len(removed["byday"].split(","))}
    listed = {item["name"]: item for item in report.changes["objects"]}
    assert listed["Nieuwe dienst"]["new"] is True and listed["Nieuwe dienst"]["fields"] == []
    labels = [f["label"] for f in listed["Andere naam"]["fields"]]
    assert labels == ["Naam", "Openingstijden"]
    name = listed["Andere naam"]["fields"][0]
    assert name["new"] == "Andere naam" and name["old"] != name["new"]


def test_services_not_in_the_file_are_counted_and_stay(demo):
    document = json.loads(formats.export_bytes(demo, "hsds-json"))
    document["services"] = document["services"][:10]
    report = formats.import_file(demo, json.dumps(document).encode(), "aanbod.json")
    assert report.changes["nothing"] is True
    assert report.changes["not_in_file"] == 72
    assert Service.objects.filter(coalition=demo).count() == 82


def test_an_outside_hsds_file_imported_again_writes_nothing_and_notes_kept_fields_once_per_kind():
    from ookbalans.interchange import tables
    from tests.factories import CoalitionFactory

    example = json.loads((tables.HSDS_DIR / "examples" / "json" / "service_full.json").read_text())
    data = json.dumps([example]).encode()
    coalition = CoalitionFactory()
    first = formats.import_file(coalition, data, "service_full.json")
    notes = [str(w) for w in first.problems.warnings if "ookbalans niet precies zo overneemt" in str(w)]
    assert len(notes) == 3  # organisations, locations, services: not one per object
    assert all("gevonden ''" not in note for note in notes)
    with CaptureQueriesContext(connection) as queries:
        again = formats.import_file(coalition, data, "service_full.json")
    assert again.changes["nothing"] is True and writes(queries.captured_queries) == []


def test_a_renamed_organisation_reindexes_its_services_without_writing_them(demo):
    from ookbalans.search.models import SearchDocument

    document = json.loads(formats.export_bytes(demo, "hsds-json"))
    organisation = document["organizations"][0]
    organisation["name"] = "Zorgnetwerk Hanzestad"
    services = {s["id"] for s in document["services"] if s["organization_id"] == organisation["id"]}
    modified = dict(Service.objects.filter(pk__in=services).values_list("id", "modified_at"))
    report = formats.import_file(demo, json.dumps(document).encode(), "aanbod.json")
    assert report.updated == {"organisations": 1} and report.created == {}
    assert dict(Service.objects.filter(pk__in=services).values_list("id", "modified_at")) == modified
    bodies = SearchDocument.objects.filter(service_id__in=services).values_list("body", flat=True)
    assert len(bodies) == len(services) > 0
    assert all("hanzestad" in body for body in bodies)  # indexed text is lower case


def test_removed_opening_hours_are_a_change_not_a_note(demo):
    document = json.loads(formats.export_bytes(demo, "hsds-json"))
    service = next(
        s
        for s in document["services"]
        if any(len(sal.get("schedules", [])) == 1 for sal in s["service_at_locations"])
    )
    next(sal for sal in service["service_at_locations"] if len(sal.get("schedules", [])) == 1)[
        "schedules"
    ] = []
    report = formats.import_file(demo, json.dumps(document).encode(), "aanbod.json")
    assert report.updated == {"services": 1} and report.changes["removed"] == {"schedules": 1}
    assert report.problems.warnings == []


def test_an_outside_file_with_one_change_is_then_unchanged_when_imported_again():
    from ookbalans.interchange import tables
    from tests.factories import CoalitionFactory

    example = json.loads((tables.HSDS_DIR / "examples" / "json" / "service_full.json").read_text())
    coalition = CoalitionFactory()
    formats.import_file(coalition, json.dumps([example]).encode(), "service_full.json")
    example["name"] = "Counselling in de wijk"
    data = json.dumps([example]).encode()
    changed = formats.import_file(coalition, data, "service_full.json")
    assert changed.updated == {"services": 1}
    assert [f["label"] for f in changed.changes["objects"][0]["fields"]] == ["Naam"]
    assert formats.import_file(coalition, data, "service_full.json").changes["nothing"] is True
    exported = json.loads(formats.export_bytes(coalition, "hsds-json"))["services"][0]
    assert exported["service_at_locations"] == example["service_at_locations"]
