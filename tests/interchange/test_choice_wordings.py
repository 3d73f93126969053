"""Choices in the catalogue's own Dutch labels (workbook, application_process); older wordings still read."""

import io
import json

import pytest
from django.utils import translation
from django.utils.text import capfirst
from openpyxl import load_workbook

from ookbalans.catalogue.models import CostOption, Schedule, Service
from ookbalans.interchange import formats
from ookbalans.interchange.models import KeptFields
from ookbalans.interchange.workbook import CHOICES, FORMER_WORDINGS
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def dutch(label) -> str:
    with translation.override("nl"):
        return capfirst(str(label))


def cells(workbook, sheet_name: str) -> list[dict]:
    """The rows of a sheet by header (without the asterisk of a required column)."""
    rows = list(workbook[sheet_name].iter_rows(values_only=True))
    headers = [h.rstrip(" *") for h in rows[0]]
    return [dict(zip(headers, row, strict=False)) for row in rows[1:]]


def set_cell(sheet, row: int, header: str, value) -> None:
    headers = [c.value.rstrip(" *") for c in sheet[1]]
    sheet.cell(row=row, column=headers.index(header) + 1, value=value)


def test_drop_down_lists_and_cells_are_the_models_dutch_labels():
    service = ServiceFactory(frequency=Service.Frequency.FORTNIGHTLY, access=Service.Access.SIGNUP)
    CostOption.objects.create(service=service, kind=CostOption.Kind.INSURANCE)
    workbook = load_workbook(io.BytesIO(formats.export_bytes(service.coalition, "xlsx")))
    lists = {
        column[0].value: [c.value for c in column[1:] if c.value] for column in workbook["Lijsten"].columns
    }
    for name, choices in CHOICES.items():
        assert lists[name] == [dutch(label) for _value, label in choices.choices], name
    assert "Elke twee weken" in lists["frequency"] and "Maandag" in lists["days"]
    row = cells(workbook, "Diensten")[0]
    assert row["Frequentie"] == dutch(Service.Frequency.FORTNIGHTLY.label)
    assert row["Toegang"] == dutch(Service.Access.SIGNUP.label)
    assert row["Status"] == dutch(Service.Status.ACTIVE.label)
    assert cells(workbook, "Kosten")[0]["Soort"] == dutch(CostOption.Kind.INSURANCE.label)


def test_older_wordings_differ_from_the_labels_and_are_still_read():
    for name, wordings in FORMER_WORDINGS.items():
        labels = {dutch(label).casefold() for _value, label in CHOICES[name].choices}
        assert not {wording.casefold() for wording in wordings} & labels, name  # only where they differ
    service = ServiceFactory()
    workbook = load_workbook(io.BytesIO(formats.export_bytes(service.coalition, "xlsx")))
    services = workbook["Diensten"]
    set_cell(services, 2, "Status", "Inactief")
    set_cell(services, 2, "Toegang", "Open voor iedereen")
    set_cell(services, 2, "Frequentie", "Om de week")
    costs = workbook["Kosten"]
    for header, value in (("Dienst-ID", str(service.id)), ("Soort", "Vergoed door zorgverzekering")):
        set_cell(costs, 2, header, value)
    out = io.BytesIO()
    workbook.save(out)
    formats.import_file(service.coalition, out.getvalue(), "oud.xlsx")
    service.refresh_from_db()
    assert (service.status, service.access, service.frequency) == ("inactive", "open", "fortnightly")
    assert [option.kind for option in service.cost_options.all()] == ["insurance"]


def test_weekdays_are_read_in_any_case_of_the_label():
    assert dutch(Schedule.Weekday.MONDAY.label) == "Maandag"
    service = ServiceFactory()
    workbook = load_workbook(io.BytesIO(formats.export_bytes(service.coalition, "xlsx")))
    location = workbook["Locaties"]
    for header, value in (("Naam", "Buurthuis"), ("Postcode", "7201 AB"), ("Plaats", "Zutphen")):
        set_cell(location, 2, header, value)
    for header, value in (("Dienst-ID", str(service.id)), ("Locatie", "Buurthuis")):
        set_cell(workbook["Dienst op locatie"], 2, header, value)
    times = workbook["Openingstijden"]
    for header, value in (
        ("Dienst-ID", str(service.id)),
        ("Locatie", "Buurthuis"),
        ("Dag", "maandag"),  # as workbooks before the model's labels wrote it
        ("Van", "09:00"),
        ("Tot", "11:30"),
    ):
        set_cell(times, 2, header, value)
    out = io.BytesIO()
    workbook.save(out)
    formats.import_file(service.coalition, out.getvalue(), "oud.xlsx")
    schedules = Schedule.objects.filter(service_at_location__service=service)
    assert [(s.weekday, s.opens_at.isoformat()) for s in schedules] == [(1, "09:00:00")]


def test_application_process_is_the_access_label_and_older_exports_keep_nothing_extra():
    service = ServiceFactory(access=Service.Access.REFERRAL)
    document = json.loads(formats.export_bytes(service.coalition, "hsds-json"))
    assert document["services"][0]["application_process"] == dutch(Service.Access.REFERRAL.label) + "."
    document["services"][0]["application_process"] = "Je hebt een verwijzing nodig."  # as exported before
    report = formats.import_file(service.coalition, json.dumps(document).encode(), "oud.json")
    kept = KeptFields.objects.filter(object_id=service.id).values_list("fields", flat=True)
    assert not [fields for fields in kept if "application_process" in fields]
    assert not [p for p in report.problems.warnings if "application_process" in p.field]
    document["services"][0]["application_process"] = "Bel eerst de huisarts."  # a text of its own is kept
    report = formats.import_file(service.coalition, json.dumps(document).encode(), "eigen.json")
    kept = KeptFields.objects.get(object_id=service.id).fields
    assert kept["application_process"]["original"] == "Bel eerst de huisarts."
