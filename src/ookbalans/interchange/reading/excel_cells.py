"""The sheets of an Excel workbook read as rows by column key, and its cells as texts, dates and times."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from ookbalans.interchange.problems import Problems, Where
from ookbalans.interchange.workbook import ALIASES, SHEETS
from ookbalans.spreadsheets import unguarded


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    return str(unguarded(value)).strip()


def read_sheets(source, problems: Problems) -> dict[str, list[tuple[Where, dict]]]:
    """The non-empty rows of every sheet by column key, each with its place; {} if it is no workbook."""
    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        problems.error(
            Where(_("the file")), "", type(error).__name__, _("expected an Excel workbook (.xlsx).")
        )
        return {}
    found = {}
    for sheet_name, columns in SHEETS.items():
        if sheet_name not in workbook.sheetnames:
            if sheet_name in ("Organisaties", "Diensten"):
                problems.error(Where(sheet_name), "", "", _("expected a sheet with this name."))
            found[sheet_name] = []
            continue
        lines = workbook[sheet_name].iter_rows(values_only=True)
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
