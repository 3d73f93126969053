"""The sheets of an Excel workbook read as rows by column key, and its cells as texts, dates and times."""

from __future__ import annotations

import datetime
import re
import zipfile
from xml.etree import ElementTree

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from ookbalans.interchange.limits import Limits
from ookbalans.interchange.problems import Problems, Where
from ookbalans.interchange.reading.archive import TooLarge, refusal, too_large_text, unpack_all
from ookbalans.interchange.reading.csv_files import too_many_rows
from ookbalans.interchange.workbook import ALIASES, SHEETS
from ookbalans.spreadsheets import unguarded

# A row of a worksheet's XML, with or without a namespace prefix (not <rowBreaks>).
ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    return str(unguarded(value)).strip()


def most_rows(sheet_name: str, limits: Limits) -> int:
    return min(limits.rows, limits.services) if sheet_name == "Diensten" else limits.rows


def too_long_sheets(source, rows: dict[str, int], problems: Problems, limits: Limits) -> bool:
    """Whether a sheet has more rows than allowed, counted in its XML before openpyxl reads it (reported).

    openpyxl itself scans a whole sheet for its size when the sheet does not declare it.
    """
    found = False
    for part, name in sheet_parts(source).items():
        most = most_rows(name, limits)
        if rows.get(part, 0) > most + 1:
            too_many_rows(Where(name), problems, most)
            found = True
    return found


def sheet_parts(source) -> dict[str, str]:
    """The workbook's worksheet parts (paths in its zip) with the names of their sheets."""
    # Expat (2.4+) refuses entity expansion bombs and ElementTree fetches no external entities; openpyxl
    # parses these same parts the same way right after.
    with zipfile.ZipFile(source) as archive:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))  # noqa: S314
        relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))  # noqa: S314
    source.seek(0)
    targets = {relation.get("Id"): relation.get("Target", "") for relation in relations}
    parts = {}
    for sheet in book.iter(f"{{{MAIN}}}sheet"):
        target = targets.get(sheet.get(f"{{{RELATIONS}}}id"), "")
        parts[target.lstrip("/") if target.startswith("/") else f"xl/{target}"] = sheet.get("name", "")
    return parts


def opened_workbook(source, problems: Problems, limits: Limits):
    """The workbook opened in read-only mode (streamed), once its zip is known to stay within the limits."""
    try:
        why = refusal(source, limits)
        if why is not None:
            problems.error(Where(_("the file")), "", *why)
            return None
        rows = unpack_all(source, limits, ROW)
        if too_long_sheets(source, rows, problems, limits):
            return None
        return load_workbook(source, read_only=True, data_only=True)
    except TooLarge:
        problems.error(Where(_("the file")), "", "", too_large_text(limits))
        return None
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        problems.error(
            Where(_("the file")), "", type(error).__name__, _("expected an Excel workbook (.xlsx).")
        )
        return None


def read_sheets(source, problems: Problems, limits: Limits | None = None) -> dict[str, list]:
    """The non-empty rows of every sheet by column key, each with its place; {} if it is no workbook.

    A sheet with more rows than the limits allow is refused: at once when the sheet declares its size,
    else at the first row past the limit.
    """
    limits = limits or Limits.from_settings()
    workbook = opened_workbook(source, problems, limits)
    if workbook is None:
        return {}
    found = {}
    for sheet_name, columns in SHEETS.items():
        if sheet_name not in workbook.sheetnames:
            if sheet_name in ("Organisaties", "Diensten"):
                problems.error(Where(sheet_name), "", "", _("expected a sheet with this name."))
            found[sheet_name] = []
            continue
        sheet = workbook[sheet_name]
        most = most_rows(sheet_name, limits)
        if (sheet.max_row or 0) > most + 1:
            too_many_rows(Where(sheet_name), problems, most)
            found[sheet_name] = []
            continue
        lines = sheet.iter_rows(values_only=True)
        header = [cell_text(c).rstrip(" *") for c in next(lines, ())]
        by_header = {c.header: c for c in columns}
        positions = {}
        for index, title in enumerate(header):
            if title in by_header:
                positions[by_header[title].key] = index
            elif title:
                problems.warning(
                    Where(sheet_name, 1), title, title, _("this column is unknown and not imported.")
                )
        missing = [c.header for c in columns if c.required and c.key not in positions]
        if missing:
            problems.error(Where(sheet_name, 1), ", ".join(missing), "", _("expected these columns."))
            found[sheet_name] = []
            continue
        headers = {c.key: c.header for c in columns}
        headers |= {alias: headers[key] for alias, key in ALIASES.items() if key in headers}
        rows = []
        for number, line in enumerate(lines, start=2):
            if number - 1 > most:
                too_many_rows(Where(sheet_name), problems, most)
                rows = []
                break
            values = {key: line[index] if index < len(line) else None for key, index in positions.items()}
            if all(cell_text(v) == "" for v in values.values()):
                continue
            rows.append((Where(sheet_name, number, headers), values))
        found[sheet_name] = rows
    workbook.close()
    return found


def excel_date(value, where, problems) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()[:10]
    text = cell_text(value)
    for pattern in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    problems.error(where, "last_checked_on", text, _("expected a date like 31-03-2025."))
    return None


def excel_time(value):
    if isinstance(value, datetime.datetime):
        return value.time().strftime("%H:%M")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    return cell_text(value).replace(".", ":")
