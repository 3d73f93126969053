"""Cell texts that no spreadsheet runs as a formula, for the CSV files and the Excel workbook alike."""

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
