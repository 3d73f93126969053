"""The workbook export: hours ookbalans does not hold as weekly hours (kept from a file) do not break it."""

import io
import json

import pytest
from openpyxl import load_workbook

from ookbalans.interchange import formats, tables
from tests.factories import CoalitionFactory

pytestmark = pytest.mark.django_db


def test_workbook_of_a_service_with_kept_schedules_lists_only_weekly_hours():
    example = json.loads((tables.HSDS_DIR / "examples" / "json" / "service_full.json").read_text())
    kept = [
        schedule["byday"]
        for place in example["service_at_locations"]
        for schedule in place.get("schedules", [])
    ]
    assert any(day not in ("MO", "TU", "WE", "TH", "FR", "SA", "SU") for day in kept)
    coalition = CoalitionFactory()
    formats.import_file(coalition, json.dumps([example]).encode(), "service_full.json")
    workbook = load_workbook(io.BytesIO(formats.export_bytes(coalition, "xlsx")))
    hours = list(workbook["Openingstijden"].iter_rows(min_row=2, values_only=True))
    assert all(
        row[3] in ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
        for row in hours
    )
    assert [row[0] for row in workbook["Diensten"].iter_rows(min_row=2, values_only=True)] == [example["id"]]
