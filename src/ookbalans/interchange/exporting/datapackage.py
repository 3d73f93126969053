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
# Both, by key: the table and the kind of value (a list of children, or one).
CHILDREN = {key: (table, list) for key, table in CHILD_LISTS.items()} | {
    key: (table, dict) for key, table in CHILD_OBJECTS.items()
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


# Characters of CSV a table holds in memory before they go to its temporary file.
BUFFERED = 512 * 1024
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
        self.buffers: dict[str, io.StringIO] = {}
        self.written_columns: dict[str, int] = {}
        # The shared objects added so far, by identity (and held, so that an id is not reused): the
        # mapping gives one dict per term and per location of an export, mentioned again and again.
        self.mentioned: dict[int, dict] = {}

    def mentioned_before(self, item: dict) -> bool:
        """Whether this very dict was added before (so nothing of it is new), noting it if not."""
        if id(item) in self.mentioned:
            return True
        self.mentioned[id(item)] = item
        return False

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
            self.buffers[table] = io.StringIO()
            self.written_columns[table] = len(columns)
            writer = self.writers[table] = csv.writer(self.buffers[table], lineterminator="\r\n")
        elif self.buffers[table].tell() > BUFFERED:
            self.flush(table)
        # cell_text inlined for the common cells (a text that is no formula; nothing).
        writer.writerow(
            [
                value
                if value.__class__ is str and not value.startswith(FORMULA_STARTS)
                else ""
                if value is None
                else cell_text(value)
                for value in map(row.get, columns)
            ]
        )

    def flush(self, table: str) -> None:
        """The table's rows so far from its buffer to its file (rows go to disk a piece at a time)."""
        buffer = self.buffers[table]
        self.files[table].write(buffer.getvalue())
        buffer.seek(0)
        buffer.truncate()

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
        self.flush(table)
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


def add_row(tables: Tables, table: str, item: dict, parent_table: str | None, parent_id) -> None:
    if not isinstance(item, dict) or (table in SHARED and tables.mentioned_before(item)):
        return
    row, children = dict(item), []
    for key in [key for key in item if key in CHILDREN]:
        child_table, kind = CHILDREN[key]
        value = row[key]
        if isinstance(value, kind):
            del row[key]
            if kind is list:
                children += [(child_table, child) for child in value]
            else:
                children.append((child_table, value))
    if parent_table and parent_id:
        if table == "attribute":
            row.setdefault("link_id", parent_id)
            row.setdefault("link_entity", parent_table)
        elif link := parent_link(table, parent_table):
            row.setdefault(link, parent_id)
    if tables.add(table, row, row.get("id")):
        # A shared object mentioned again has the same parts: they are written once.
        for child_table, child in children:
            add_row(tables, child_table, child, table, item.get("id"))


@cache
def parent_link(table: str, parent_table: str) -> str | None:
    """The column of a row of `table` that names its parent in `parent_table`, if it has one."""
    link = f"{parent_table}_id"
    return link if link in field_names(table) and table not in SHARED else None


@cache
def descriptor_text(names: tuple[str, ...]) -> str:
    """The package's datapackage.json, describing the named tables (the same for every export with them)."""
    package = dict(descriptor())
    package["name"] = "ookbalans-hsds"
    package["resources"] = [resources()[name] for name in names]
    return json.dumps(package, indent=2, ensure_ascii=False)


def write_datapackage(document, target) -> None:
    """Write a .zip with datapackage.json and one CSV per table that has rows, to a binary file object.

    `document` is a dict or a CoalitionDocument; rows wait in temporary files, not in memory.
    """
    tables = Tables()
    try:
        flatten_into(tables, document)
        written = []
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, resource in resources().items():
                if not tables.has_rows(name):
                    continue
                with archive.open(resource["path"], "w", force_zip64=True) as entry:
                    out = io.TextIOWrapper(entry, encoding="utf-8", newline="")
                    tables.write_csv(name, out)
                    out.flush()
                    out.detach()
                written.append(name)
            archive.writestr("datapackage.json", descriptor_text(tuple(written)))
    finally:
        tables.close()
