"""Cell texts no spreadsheet runs as a formula: one guard for every CSV file and workbook the app writes."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guarded(value):
    """A text with a leading = + - @ gets an apostrophe before it; any other value stays as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unguarded(value):
    """The text as typed: the apostrophe that `guarded` put before a formula-like text is taken off."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def guard_workbook(workbook) -> None:
    """Guard every text cell of an openpyxl workbook in place, so no cell of it is a formula."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.value = guarded(cell.value)
