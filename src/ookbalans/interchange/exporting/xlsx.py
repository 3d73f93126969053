"""A small streaming .xlsx writer: what the coordinators' workbook uses, each sheet's rows on disk.

openpyxl's write-only mode makes a cell object and an XML element per cell (about 6 µs a cell, some
55 cells per service); XlsxWriter's constant-memory mode measured slower still. Here a row is one
string: texts are always inline strings (never a formula, whatever they start with), numbers and
dates are numbers, and openpyxl reads every cell back as openpyxl itself wrote it
(tests/interchange/test_xlsx_writer.py).
"""

from __future__ import annotations

import datetime
import io
import re
import tempfile
import zipfile
from xml.sax.saxutils import quoteattr

from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
# The cell formats of styles.xml below, by name.
STYLES = {"title": 1, "wrapped": 2, "bold": 3, "date": 4}
PLAIN = 'numFmtId="0" fillId="0" borderId="0" xfId="0"'
STYLES_XML = (
    f'<styleSheet xmlns="{MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    '<fonts count="3"><font><name val="Calibri"/><family val="2"/><sz val="11"/><scheme val="minor"/></font>'
    '<font><b val="1"/><sz val="14"/></font><font><b val="1"/></font></fonts>'
    '<fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    f'<cellXfs count="5"><xf {PLAIN} fontId="0"/><xf {PLAIN} fontId="1" applyFont="1"/>'
    f'<xf {PLAIN} fontId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
    f'<xf {PLAIN} fontId="2" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)
FROZEN_HEADER = (
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
)
MARGINS = '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
# What a text needs written differently: XML's own characters, carriage returns, and the control
# characters XML 1.0 cannot hold (openpyxl refuses a text with them; here they are left out).
SPECIAL = re.compile(r"[&<>\r\000-\010\013\014\016-\037]")
ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
# zlib's level for the zip: 3 packs about 10% larger than the default 6 in less than half the time
# (a coalition's 1.2 MB of sheets: 5 ms against 10 ms; for the country's 100,000 services some 2 s).
COMPRESSION = 3
LONGEST_TEXT = 32767  # characters of a cell, as Excel allows (openpyxl cuts there too)
COLUMNS = [get_column_letter(number) for number in range(1, 101)]


class Styled:
    """A value with one of the STYLES."""

    __slots__ = ("style", "value")

    def __init__(self, value, style: str) -> None:
        self.value, self.style = value, style


def text_element(value: str) -> str:
    """A text as the content of an inline string: <t>, keeping spaces at either end."""
    value = value[:LONGEST_TEXT]
    spaced = value and (value[0].isspace() or value[-1].isspace())
    if SPECIAL.search(value):
        value = SPECIAL.sub(lambda found: ESCAPES.get(found[0], ""), value)
    return f'<t xml:space="preserve">{value}</t>' if spaced else f"<t>{value}</t>"


def cell(reference: str, value, style: int = 0) -> str:
    """One cell other than an unstyled text (see Sheet.append)."""
    styled = f' s="{style}"' if style else ""
    if isinstance(value, str):
        if not value:
            return f'<c r="{reference}"{styled} t="inlineStr"></c>'
        return f'<c r="{reference}"{styled} t="inlineStr"><is>{text_element(value)}</is></c>'
    if isinstance(value, bool):
        return f'<c r="{reference}"{styled} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, datetime.date):
        return f'<c r="{reference}" s="{style or STYLES["date"]}" t="n"><v>{to_excel(value):.16g}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{reference}"{styled} t="n"><v>{value:.16g}</v></c>'
    if isinstance(value, Styled):
        return cell(reference, value.value, STYLES[value.style])
    raise TypeError(f"A cell cannot hold {value!r}")


class Sheet:
    """A worksheet being written: rows go to a temporary file; the rest is written when the workbook is."""

    def __init__(self, name: str, *, widths=(), freeze_header: bool = False, hidden: bool = False) -> None:
        self.name, self.widths, self.freeze_header, self.hidden = name, list(widths), freeze_header, hidden
        self.rows = 0
        self.merged: list[str] = []
        self.validations: list[str] = []
        self.file = tempfile.TemporaryFile("w+b")  # noqa: SIM115 - closed by the workbook
        self.buffer = io.StringIO()

    def append(self, values, height: float | None = None) -> None:
        """A row of values (text, number, date, Styled, or None for an empty cell)."""
        self.rows += 1
        number = self.rows
        parts = [f'<row r="{number}" ht="{height:g}" customHeight="1">' if height else f'<row r="{number}">']
        # Most cells are texts that need nothing done: written as they are, then looked at together.
        texts, spaced = [], False
        for column, value in zip(COLUMNS, values, strict=False):
            if value.__class__ is str and value:
                parts.append(f'<c r="{column}{number}" t="inlineStr"><is><t>{value}</t></is></c>')
                texts.append(value)
                spaced = spaced or value.strip() is not value
            elif value is not None:
                parts.append(cell(f"{column}{number}", value))
        if texts:
            joined = "".join(texts)
            if spaced or len(joined) > LONGEST_TEXT or SPECIAL.search(joined):
                parts[1:] = [
                    cell(f"{column}{number}", value)
                    for column, value in zip(COLUMNS, values, strict=False)
                    if value is not None
                ]
        parts.append("</row>")
        self.buffer.write("".join(parts))
        if self.buffer.tell() > 1024 * 1024:
            self.flush()

    def flush(self) -> None:
        self.file.write(self.buffer.getvalue().encode())
        self.buffer.seek(0)
        self.buffer.truncate()

    def merge(self, cells: str) -> None:
        self.merged.append(cells)

    def add_list_validation(
        self, cells: str, source: str, *, allow_blank: bool, title: str, error: str
    ) -> None:
        """A drop-down of the values in the range `source` for `cells`, refusing any other value."""
        self.validations.append(
            f'<dataValidation type="list" allowBlank="{int(allow_blank)}" showErrorMessage="1" '
            f"errorTitle={quoteattr(title)} error={quoteattr(error)} sqref={quoteattr(cells)}>"
            f"<formula1>{escaped(source)}</formula1></dataValidation>"
        )

    def head(self) -> str:
        columns = "".join(
            f'<col min="{number}" max="{number}" width="{width:g}" customWidth="1"/>'
            for number, width in enumerate(self.widths, start=1)
        )
        return (
            f'<worksheet xmlns="{MAIN}"><sheetViews><sheetView workbookViewId="0">'
            f"{FROZEN_HEADER if self.freeze_header else ''}</sheetView></sheetViews>"
            f'<sheetFormatPr defaultRowHeight="15"/>{f"<cols>{columns}</cols>" if columns else ""}<sheetData>'
        )

    def tail(self) -> str:
        merged = "".join(f'<mergeCell ref="{cells}"/>' for cells in self.merged)
        validations = "".join(self.validations)
        if merged:
            merged = f'<mergeCells count="{len(self.merged)}">{merged}</mergeCells>'
        if validations:
            validations = f'<dataValidations count="{len(self.validations)}">{validations}</dataValidations>'
        return f"</sheetData>{merged}{validations}{MARGINS}</worksheet>"

    def write_to(self, out) -> None:
        self.flush()
        out.write(self.head().encode())
        self.file.seek(0)
        while piece := self.file.read(1024 * 1024):
            out.write(piece)
        out.write(self.tail().encode())


def escaped(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Workbook:
    """Sheets in the order they were made, saved as one .xlsx (a zip of XML parts)."""

    def __init__(self) -> None:
        self.sheets: list[Sheet] = []

    def create_sheet(self, name: str, **options) -> Sheet:
        sheet = Sheet(name, **options)
        self.sheets.append(sheet)
        return sheet

    def save(self, target) -> None:
        """Write the workbook to a binary file object, and close the sheets' temporary files."""
        numbered = list(enumerate(self.sheets, start=1))
        parts = {
            "[Content_Types].xml": (
                f'<Types xmlns="{PACKAGE}/content-types">'
                '<Default Extension="rels" '
                'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                f'<Override PartName="/xl/workbook.xml" ContentType="{TYPE}.sheet.main+xml"/>'
                f'<Override PartName="/xl/styles.xml" ContentType="{TYPE}.styles+xml"/>'
                + "".join(
                    f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{TYPE}.worksheet+xml"/>'
                    for n, _sheet in numbered
                )
                + "</Types>"
            ),
            "_rels/.rels": (
                f'<Relationships xmlns="{PACKAGE}/relationships">'
                f'<Relationship Id="rId1" Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/>'
                "</Relationships>"
            ),
            "xl/workbook.xml": (
                f'<workbook xmlns="{MAIN}" xmlns:r="{OFFICE}">'
                '<bookViews><workbookView activeTab="0"/></bookViews><sheets>'
                + "".join(
                    f'<sheet name={quoteattr(sheet.name)} sheetId="{n}" '
                    f'state="{"hidden" if sheet.hidden else "visible"}" r:id="rId{n}"/>'
                    for n, sheet in numbered
                )
                + '</sheets><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
            ),
            "xl/_rels/workbook.xml.rels": (
                f'<Relationships xmlns="{PACKAGE}/relationships">'
                + "".join(
                    f'<Relationship Id="rId{n}" Type="{OFFICE}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                    for n, _sheet in numbered
                )
                + f'<Relationship Id="rId0" Type="{OFFICE}/styles" Target="styles.xml"/></Relationships>'
            ),
            "xl/styles.xml": STYLES_XML,
        }
        try:
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESSION) as archive:
                for name, text in parts.items():
                    archive.writestr(name, text)
                for n, sheet in numbered:
                    with archive.open(f"xl/worksheets/sheet{n}.xml", "w", force_zip64=True) as entry:
                        sheet.write_to(entry)
        finally:
            for sheet in self.sheets:
                sheet.file.close()
