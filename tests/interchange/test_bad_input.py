"""Bad input: all problems of a file at once, with place, field, value and what was expected; no change."""

import io
import json
import zipfile

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from ookbalans.catalogue.models import CostOption, Location, Organisation, Service, ServiceAtLocation
from ookbalans.interchange import formats
from ookbalans.interchange.problems import ImportFailed
from tests.factories import CoalitionFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def snapshot():
    return [
        sorted(
            map(
                str, model.objects.values_list("id", "modified_at" if hasattr(model, "modified_at") else "id")
            )
        )
        for model in (Organisation, Location, Service, CostOption, ServiceAtLocation)
    ]


def failure(coalition, data: bytes, name: str) -> ImportFailed:
    with pytest.raises(ImportFailed) as caught:
        formats.import_file(coalition, data, name)
    return caught.value


def test_json_reports_every_problem_at_once_and_changes_nothing(demo):
    document = json.loads(formats.export_bytes(demo, "hsds-json"))
    document["services"][0]["status"] = "misschien"
    document["services"][1]["name"] = ""
    document["services"][2]["organization_id"] = "8b0c6c4e-0000-4000-8000-000000000000"
    document["services"][3]["cost_options"] = [{"id": "not-a-uuid", "amount": "veel"}]
    document["services"][4]["email"] = "geen-adres"  # kept and warned about, not an error
    document["services"][0]["name"] = "Gewijzigd"  # would change, but the file is refused
    before = snapshot()
    with translation.override("nl"):
        problems = failure(demo, json.dumps(document).encode(), "aanbod.json").problems
        texts = [str(p) for p in problems.errors]
    assert len(problems.errors) == 4, texts
    assert any("services[0]" in t and "'status'" in t and "misschien" in t for t in texts), texts
    assert any("services[1]" in t and "'name'" in t for t in texts), texts
    assert any("services[2]" in t and "organization_id" in t for t in texts), texts
    assert any("services[3]" in t and "'id'" in t and "not-a-uuid" in t for t in texts), texts
    assert all("verwacht" in t or "gevonden" in t for t in texts), texts  # Dutch in the app
    assert snapshot() == before


def test_csv_problems_name_the_file_and_row(demo):
    data = formats.export_bytes(demo, "datapackage")
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in source.namelist():
            content = source.read(name)
            if name == "services.csv":
                lines = content.decode().split("\r\n")
                lines[3] = lines[3].replace(",active,", ",weg,")
                content = "\r\n".join(lines).encode()
            archive.writestr(name, content)
    problems = failure(demo, out.getvalue(), "pakket.zip").problems
    assert [(p.where.source, p.where.row, p.field, p.value) for p in problems.errors] == [
        ("services.csv", 4, "status", "weg")
    ]


def test_excel_problems_name_the_sheet_row_and_dutch_column(demo):
    workbook = load_workbook(io.BytesIO(formats.export_bytes(demo, "xlsx")))
    sheet = workbook["Diensten"]
    headers = [c.value for c in sheet[1]]
    sheet.cell(row=3, column=headers.index("Status *") + 1, value="Soms")
    sheet.cell(row=5, column=headers.index("Naam *") + 1).value = None
    sheet.cell(row=6, column=headers.index("Wachttijd in weken") + 1, value="lang")
    workbook["Indelingen"].cell(row=2, column=4, value="Onzin")
    out = io.BytesIO()
    workbook.save(out)
    before = snapshot()
    with translation.override("nl"):
        problems = failure(demo, out.getvalue(), "aanbod.xlsx").problems
        texts = [str(p) for p in problems.errors]
    places = {(p.where.source, p.where.row) for p in problems.errors}
    assert {("Diensten", 3), ("Diensten", 5), ("Diensten", 6), ("Indelingen", 2)} <= places, texts
    assert any("'Status'" in t and "Soms" in t for t in texts), texts
    assert any("'Naam'" in t for t in texts), texts
    assert snapshot() == before


def test_ids_of_another_coalition_are_refused(demo):
    document = json.loads(formats.export_bytes(demo, "hsds-json"))
    other = CoalitionFactory()
    problems = failure(other, json.dumps(document).encode(), "aanbod.json").problems
    assert any("another coalition" in p.expected or "andere coalitie" in p.expected for p in problems.errors)
    assert not Service.objects.filter(coalition=other).exists()


def test_markup_is_stored_as_typed_and_formula_cells_cannot_run(demo):
    service = Service.objects.filter(coalition=demo).order_by("id").first()
    assert service.description.startswith("=HYPERLINK")
    workbook = load_workbook(io.BytesIO(formats.export_bytes(demo, "xlsx")))
    cells = [c for row in workbook["Diensten"].iter_rows() for c in row if isinstance(c.value, str)]
    risky = [c for c in cells if "HYPERLINK" in c.value]
    assert risky and all(c.data_type == "s" and c.value.startswith("'=") for c in risky)
    assert not [c for c in cells if c.data_type == "f"]
    archive = zipfile.ZipFile(io.BytesIO(formats.export_bytes(demo, "datapackage")))
    services_csv = archive.read("services.csv").decode()
    assert "'=HYPERLINK" in services_csv and ",=HYPERLINK" not in services_csv
    phones_csv = archive.read("phones.csv").decode()
    assert all(",+" not in line for line in phones_csv.splitlines())
    # and back: the apostrophe is removed on import
    formats.import_file(demo, archive_bytes(archive), "pakket.zip")
    service.refresh_from_db()
    assert service.description.startswith('=HYPERLINK("https://evil.example","klik") <script>')


def archive_bytes(archive: zipfile.ZipFile) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as copy:
        for name in archive.namelist():
            copy.writestr(name, archive.read(name))
    return out.getvalue()


def test_unknown_fields_are_kept_and_reported():
    coalition = CoalitionFactory()
    service = ServiceFactory(coalition=coalition)
    document = json.loads(formats.export_bytes(coalition, "hsds-json"))
    document["services"][0]["x_gemeente_code"] = {"intern": 12}
    document["services"][0]["minimum_age"] = 16
    Service.objects.all().delete()
    report = formats.import_file(coalition, json.dumps(document).encode(), "a.json")
    [note] = [str(p) for p in report.problems.warnings if "x_gemeente_code" in str(p)]
    assert (
        note.startswith("het bestand: Diensten (1): velden die ookbalans niet precies zo overneemt")
        and "minimum_age" in note
    )
    again = json.loads(formats.export_bytes(coalition, "hsds-json"))["services"][0]
    assert again["id"] == str(service.id)
    assert again["x_gemeente_code"] == {"intern": 12} and again["minimum_age"] == 16


# -- hypothesis: malformed input never crashes and never writes half -----------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=25,
)
HSDS_KEYS = [
    "id",
    "name",
    "status",
    "organization_id",
    "attributes",
    "service_at_locations",
    "cost_options",
    "phones",
    "languages",
    "schedules",
    "location",
    "addresses",
    "taxonomy_term_id",
    "value",
    "amount",
]
hsds_like = st.recursive(
    st.none()
    | st.text(max_size=12)
    | st.integers()
    | st.sampled_from(["active", "9f1c2d3e-4b5a-4c6d-8e7f-a1b2c3d4e5f6"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(HSDS_KEYS), inner, max_size=6)
    ),
    max_leaves=30,
)
documents = st.one_of(
    json_values,
    st.lists(hsds_like, max_size=3),
    st.fixed_dictionaries(
        {"organizations": st.lists(hsds_like, max_size=2), "services": st.lists(hsds_like, max_size=3)}
    ),
)


def ends_cleanly(coalition, data: bytes, name: str) -> None:
    before = snapshot()
    try:
        formats.import_file(coalition, data, name)
    except ImportFailed as failed:
        assert failed.problems.errors and all(str(p) for p in failed.problems.errors)
        assert snapshot() == before


HYPOTHESIS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


@HYPOTHESIS
@given(document=documents)
def test_malformed_json_ends_in_a_clear_error(document):
    coalition = CoalitionFactory()
    ends_cleanly(coalition, json.dumps(document).encode(), "x.json")


@HYPOTHESIS
@given(data=st.binary(max_size=300))
def test_random_bytes_end_in_a_clear_error(data):
    coalition = CoalitionFactory()
    for name in ("x.json", "x.zip", "x.xlsx"):
        ends_cleanly(coalition, data, name)


csv_cells = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=15)


@HYPOTHESIS
@given(
    header=st.lists(
        st.sampled_from(["id", "name", "status", "organization_id", "description", "x"]),
        min_size=1,
        max_size=5,
    ),
    rows=st.lists(st.lists(csv_cells, max_size=6), max_size=4),
    separator=st.sampled_from([",", ";"]),
)
def test_malformed_datapackage_ends_in_a_clear_error(header, rows, separator):
    coalition = CoalitionFactory()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("datapackage.json", "{}")
        lines = [separator.join(header)] + [separator.join(row) for row in rows]
        archive.writestr("services.csv", "\n".join(lines))
        archive.writestr("organizations.csv", "id,name,description\n9f1c2d3e-4b5a-4c6d-8e7f-a1b2c3d4e5f6,,")
    ends_cleanly(coalition, out.getvalue(), "x.zip")


@HYPOTHESIS
@given(
    cells=st.lists(
        st.tuples(
            st.sampled_from(
                ["Organisaties", "Diensten", "Indelingen", "Kosten", "Dienst op locatie", "Openingstijden"]
            ),
            st.integers(1, 6),
            st.integers(1, 8),
            st.one_of(st.none(), csv_cells, st.integers(), st.floats(allow_nan=False)),
        ),
        max_size=12,
    )
)
def test_malformed_workbooks_end_in_a_clear_error(cells):
    coalition = CoalitionFactory()
    from openpyxl import Workbook

    from ookbalans.interchange.workbook import SHEETS

    workbook = Workbook()
    for name, columns in SHEETS.items():
        sheet = workbook.create_sheet(name)
        sheet.append([c.header for c in columns])
    for name, row, column, value in cells:
        if isinstance(value, str):
            value = "".join(ch for ch in value if ch.isprintable())
        workbook[name].cell(row=row + 1, column=column, value=value)
    out = io.BytesIO()
    workbook.save(out)
    ends_cleanly(coalition, out.getvalue(), "x.xlsx")


def test_nul_characters_are_refused_with_their_place():
    coalition = CoalitionFactory()
    document = [
        {"id": "9f1c2d3e-4b5a-4c6d-8e7f-a1b2c3d4e5f6", "name": "Koffie\x00ochtend", "status": "active"}
    ]
    problems = failure(coalition, json.dumps(document).encode(), "x.json").problems
    assert [p.where.source.split(".", 1)[1] for p in problems.errors] == ["services[0].name"]
    assert not Service.objects.exists()


@pytest.mark.parametrize(
    "document",
    [
        {"services": [{"service_at_locations": 0}]},
        {"services": [{"service_at_locations": "x", "attributes": 5}]},
        {"organizations": [{"contacts": 3}], "services": []},
        [{"service_at_locations": 1, "organization": {"contacts": 1}}],
    ],
)
def test_parts_of_the_wrong_shape_end_in_a_clear_error(document):
    # Found by hypothesis: a number where a list of objects belongs crashed the import.
    ends_cleanly(CoalitionFactory(), json.dumps(document).encode(), "x.json")
