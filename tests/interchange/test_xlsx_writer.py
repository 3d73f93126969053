"""The export's own .xlsx writer: openpyxl reads back every cell as openpyxl itself would have written it."""

import datetime
import io
import zipfile

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ookbalans.interchange.exporting.xlsx import Styled, Workbook

# Texts openpyxl accepts (it refuses control characters XML cannot hold).
TEXTS = st.text(st.characters(exclude_categories=("Cs",)), max_size=40).filter(
    lambda text: not ILLEGAL_CHARACTERS_RE.search(text)
)
VALUES = st.one_of(
    st.none(),
    TEXTS,
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(datetime.date(1900, 3, 1), datetime.date(2200, 1, 1)),
)


def written(rows, **options) -> openpyxl.Workbook:
    workbook = Workbook()
    sheet = workbook.create_sheet("Blad", **options)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return openpyxl.load_workbook(io.BytesIO(out.getvalue()))


def by_openpyxl(rows) -> openpyxl.Workbook:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Blad")
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return openpyxl.load_workbook(io.BytesIO(out.getvalue()))


def cells(workbook) -> list[list]:
    return [[cell.value for cell in row] for row in workbook["Blad"].iter_rows()]


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.lists(VALUES, max_size=6), min_size=1, max_size=6))
def test_every_cell_reads_back_as_openpyxl_writes_it(rows):
    # Texts that look like a formula or an error code are written by openpyxl as such; the export
    # guards them with an apostrophe first (ookbalans.spreadsheets.guarded), so compare without them.
    rows = [[None if isinstance(v, str) and v.startswith(("=", "#")) else v for v in row] for row in rows]
    assert cells(written(rows)) == cells(by_openpyxl(rows))


def test_texts_keep_what_xml_would_lose_and_are_never_formulas():
    texts = [" spaties ", "a & b < c > d", "regel 1\r\nregel 2", "=SOM(A1:A2)", "@cmd", "x" * 40_000]
    sheet = written([texts])["Blad"]
    values = [cell.value for cell in sheet[1]]
    assert values[:5] == [" spaties ", "a & b < c > d", "regel 1\r\nregel 2", "=SOM(A1:A2)", "@cmd"]
    assert values[5] == "x" * 32767  # as long as a cell may be
    assert all(cell.data_type == "s" for cell in sheet[1])
    # Excel trims a text's spaces unless the XML says to keep them (openpyxl reads them either way).
    workbook, out = Workbook(), io.BytesIO()
    workbook.create_sheet("Blad").append([" spaties "])
    workbook.save(out)
    assert b'<t xml:space="preserve"> spaties </t>' in zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml")
    # Control characters XML cannot hold are left out instead of failing the whole export.
    assert written([["a\x00b\x1fc"]])["Blad"]["A1"].value == "abc"


def test_styles_numbers_and_dates():
    sheet = written(
        [
            [Styled("Titel", "title"), Styled("Kop", "bold"), Styled("Lange tekst", "wrapped")],
            [3, 2.5, datetime.date(2026, 12, 2), True, ""],
        ]
    )["Blad"]
    assert sheet["A1"].font.b and sheet["A1"].font.sz == 14
    assert sheet["B1"].font.b and not sheet["C1"].font.b
    assert sheet["C1"].alignment.wrap_text and sheet["C1"].alignment.vertical == "top"
    assert [sheet["A2"].value, sheet["B2"].value, sheet["D2"].value] == [3, 2.5, True]
    assert sheet["C2"].value == datetime.datetime(2026, 12, 2) and sheet["C2"].number_format == "yyyy-mm-dd"
    assert sheet["E2"].value is None


def test_sheet_layout_and_drop_downs():
    workbook = Workbook()
    first = workbook.create_sheet("Diensten", widths=(38, 30), freeze_header=True)
    first.append(["ID", "Status"])
    first.append(["1", "Actief"], height=40)
    first.merge("A3:B3")
    first.add_list_validation(
        "B2:B1000",
        "'Lijsten'!$A$2:$A$3",
        allow_blank=False,
        title="Kies uit de lijst",
        error="Kies 'Actief' & co.",
    )
    workbook.create_sheet("Lijsten", hidden=True).append(["status", "Actief"])
    out = io.BytesIO()
    workbook.save(out)
    read = openpyxl.load_workbook(io.BytesIO(out.getvalue()))
    sheet = read["Diensten"]
    assert read.sheetnames == ["Diensten", "Lijsten"] and read["Lijsten"].sheet_state == "hidden"
    assert sheet.freeze_panes == "A2" and sheet.column_dimensions["A"].width == 38
    assert sheet.row_dimensions[2].height == 40 and [str(r) for r in sheet.merged_cells.ranges] == ["A3:B3"]
    (validation,) = sheet.data_validations.dataValidation
    assert (validation.type, validation.formula1, str(validation.sqref)) == (
        "list",
        "'Lijsten'!$A$2:$A$3",
        "B2:B1000",
    )
    assert (
        not validation.allow_blank
        and validation.showErrorMessage
        and validation.error == "Kies 'Actief' & co."
    )
    # openpyxl's read-only mode (the importer's) reads it too.
    rows = list(openpyxl.load_workbook(io.BytesIO(out.getvalue()), read_only=True)["Diensten"].values)
    assert rows == [("ID", "Status"), ("1", "Actief")]
