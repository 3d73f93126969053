"""Writing an HSDS document as the tabular datapackage: a .zip with datapackage.json and one CSV per table."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
import zipfile
from functools import cache

from ookbalans.interchange.exporting.hsds_json import split
from ookbalans.interchange.tables import descriptor, field_names, resources
from ookbalans.spreadsheets import FORMULA_STARTS, guarded

# Lists of child objects, by the key under which a parent holds them, and the table they go to.
CHILD_LISTS = {
    "phones": "phone",
    "schedules": "schedule",
    "service_areas": "service_area",
    "service_at_locations": "service_at_location",
    "languages": "language",
    "cost_options": "cost_option",
    "attributes": "attribute",
    "contacts": "contact",
    "addresses": "address",
    "accessibility": "accessibility",
    "funding": "funding",
    "required_documents": "required_document",
    "organization_identifiers": "organization_identifier",
    "programs": "program",
    "locations": "location",
    "metadata": "metadata",
}
CHILD_OBJECTS = {
    "location": "location",
    "program": "program",
    "organization": "organization",
    "taxonomy_term": "taxonomy_term",
    "taxonomy_detail": "taxonomy",
}
TOP_LEVEL = {
    "organizations": "organization",
    "services": "service",
    "locations": "location",
    "contacts": "contact",
}


def cell_text(value) -> str:
    """A CSV cell: JSON for nested values, true/false for booleans, never a formula a spreadsheet runs."""
    if value.__class__ is str:  # most cells: the guard written out
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    if value is None:
        return ""
    if isinstance(value, bool):
        value = "true" if value else "false"
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    return guarded(str(value))


# Tables of objects that several parents name (a location nested in each of its services at a
# location, a term in each attribute): each is written once, with the fields of every mention.
SHARED = {"location", "program", "organization", "taxonomy_term", "taxonomy"}


class Tables:
    """The datapackage's tables being filled: shared objects in memory, every other row on disk as CSV."""

    def __init__(self):
        self.columns = {name: field_names(name) for name in resources()}
        self.known_columns = {name: set(columns) for name, columns in self.columns.items()}
        self.shared: dict[str, dict[str, dict]] = {name: {} for name in SHARED}
        self.files: dict = {}
        self.writers: dict = {}
        self.written_columns: dict[str, int] = {}

    def add(self, table: str, row: dict, object_id) -> bool:
        """Add a row; False when a shared object is already there (its mention only fills empty fields)."""
        if table in SHARED:
            rows = self.shared[table]
            key = str(object_id if object_id is not None else len(rows))
            if key in rows:
                for name, value in row.items():
                    if rows[key].get(name) in (None, ""):
                        rows[key][name] = value
                return False
            rows[key] = row
            return True
        columns, known = self.columns[table], self.known_columns[table]
        if not known.issuperset(row):
            added = [name for name in row if name not in known]
            columns += added
            known.update(added)
        self.store(table, row, columns)
        return True

    def store(self, table: str, row: dict, columns: list[str]) -> None:
        writer = self.writers.get(table)
        if writer is None:
            self.files[table] = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115
            self.written_columns[table] = len(columns)
            writer = self.writers[table] = csv.writer(self.files[table], lineterminator="\r\n")
        get = row.get
        writer.writerow([cell_text(get(column)) for column in columns])

    def has_rows(self, table: str) -> bool:
        return bool(self.shared[table]) if table in SHARED else table in self.files

    def write_csv(self, table: str, out) -> None:
        """The table as CSV text (a header, then its rows) to a text file object."""
        columns = self.columns[table]
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        if table in SHARED:
            for row in self.shared[table].values():
                writer.writerow([cell_text(row.get(column)) for column in columns])
            return
        file = self.files[table]
        file.seek(0)
        if self.written_columns[table] == len(columns):
            shutil.copyfileobj(file, out, 1024 * 1024)
        else:  # columns were added after the first rows: those rows get empty cells for them
            for cells in csv.reader(file):
                writer.writerow(cells + [""] * (len(columns) - len(cells)))

    def close(self) -> None:
        for file in self.files.values():
            file.close()


def flatten_into(tables: Tables, document) -> None:
    """Every object of the document (a dict or a CoalitionDocument) as a row of its table."""
    for key, items in split(document)[1].items():
        if key in TOP_LEVEL:
            for item in items():
                add_row(tables, TOP_LEVEL[key], item, None, None)


class RowsInMemory(Tables):
    """The tables as lists of row dicts with their values as in the document (for tests and small files)."""

    def __init__(self):
        super().__init__()
        self.rows: dict[str, list[dict]] = {name: [] for name in resources()}

    def store(self, table: str, row: dict, columns: list[str]) -> None:
        self.rows[table].append(row)


def flatten(document) -> dict[str, list[dict]]:
    """Tables (per datapackage resource) of rows, each object once, with the ids that link them."""
    tables = RowsInMemory()
    flatten_into(tables, document)
    return {
        name: list(tables.shared[name].values()) if name in SHARED else tables.rows[name]
        for name in resources()
    }


@cache
def schema_fields(table: str) -> frozenset[str]:
    return frozenset(field_names(table))


def add_row(tables: Tables, table: str, item: dict, parent_table: str | None, parent_id) -> None:
    if not isinstance(item, dict):
        return
    row, children = {}, []
    for key, value in item.items():
        if key in CHILD_LISTS and isinstance(value, list):
            children += [(CHILD_LISTS[key], child) for child in value]
        elif key in CHILD_OBJECTS and isinstance(value, dict):
            children.append((CHILD_OBJECTS[key], value))
        else:
            row[key] = value
    if parent_table and parent_id:
        link = f"{parent_table}_id"
        if table == "attribute":
            row.setdefault("link_id", parent_id)
            row.setdefault("link_entity", parent_table)
        elif link in schema_fields(table) and table not in SHARED:
            row.setdefault(link, parent_id)
    if tables.add(table, row, row.get("id")):
        # A shared object mentioned again has the same parts: they are written once.
        for child_table, child in children:
            add_row(tables, child_table, child, table, item.get("id"))


def write_datapackage(document, target) -> None:
    """Write a .zip with datapackage.json and one CSV per table that has rows, to a binary file object.

    `document` is a dict or a CoalitionDocument; rows wait in temporary files, not in memory.
    """
    package = dict(descriptor())
    package["name"] = "ookbalans-hsds"
    package["resources"] = []
    tables = Tables()
    try:
        flatten_into(tables, document)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, resource in resources().items():
                if not tables.has_rows(name):
                    continue
                with archive.open(resource["path"], "w", force_zip64=True) as entry:
                    out = io.TextIOWrapper(entry, encoding="utf-8", newline="")
                    tables.write_csv(name, out)
                    out.flush()
                    out.detach()
                package["resources"].append(resource)
            archive.writestr("datapackage.json", json.dumps(package, indent=2, ensure_ascii=False))
    finally:
        tables.close()
