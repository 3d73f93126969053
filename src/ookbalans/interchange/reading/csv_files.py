"""One CSV file of a datapackage read as rows, streamed: it stops at the row limit and at the byte budget."""

from __future__ import annotations

import csv
import io
import itertools
import sys

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ookbalans.interchange.problems import SOURCE, Problems, Where
from ookbalans.interchange.reading.archive import Budget, counted_text
from ookbalans.spreadsheets import unguarded


def too_many_rows(where: Where, problems: Problems, limit: int) -> None:
    shown = number_format(limit, force_grouping=True)
    problems.error(
        where,
        "",
        _("more than %(limit)s rows") % {"limit": shown},
        _("expected at most %(limit)s rows; split the file, or ask the operator to import it.")
        % {"limit": shown},
    )


def read_csv(
    source, where: str, problems: Problems, max_rows: int | None = None, budget: Budget | None = None
) -> list[dict]:
    """The rows of a CSV file (bytes or a binary stream) by column, each with its place.

    Reading stops at the first row past `max_rows` (reported) and when the budget's bytes run out
    (archive.TooLarge, for the caller to report).
    """
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    text = counted_text(stream, budget or Budget(sys.maxsize))
    number = 1
    try:
        header = text.readline()
        delimiter = ";" if header.count(";") > header.count(",") else ","
        reader = csv.reader(itertools.chain([header], text), delimiter=delimiter, strict=True)
        columns = [c.strip() for c in next(reader, [])]
        if not columns:
            return []
        if len(set(columns)) != len(columns) or "" in columns:
            problems.error(
                Where(where, 1), "", ", ".join(columns)[:200], _("expected unique, named column headers.")
            )
            return []
        rows = []
        for number, cells in enumerate(reader, start=2):
            if max_rows is not None and number - 1 > max_rows:
                too_many_rows(Where(where), problems, max_rows)
                return []
            row = csv_row(columns, cells, Where(where, number), delimiter, problems)
            if row is not None:
                rows.append(row)
        return rows
    except UnicodeDecodeError:
        problems.error(Where(where, number), "", "", _("expected a CSV file in UTF-8."))
    except csv.Error as error:
        problems.error(Where(where), "", str(error), _("expected a well-formed CSV file."))
    return []


def csv_row(columns: list[str], cells: list[str], where: Where, delimiter: str, problems: Problems):
    """One record as a row by column; None for a blank record, and (reported) for a wrong number of cells."""
    if not any(cell.strip() for cell in cells):
        return None
    if len(cells) != len(columns):
        problems.error(
            where,
            "",
            delimiter.join(cells)[:200],
            _("expected %(n)d cells, like the header; found %(found)d.")
            % {"n": len(columns), "found": len(cells)},
        )
        return None
    row = {column: unguarded(cell) for column, cell in zip(columns, cells, strict=True) if cell != ""}
    row[SOURCE] = where
    return row
