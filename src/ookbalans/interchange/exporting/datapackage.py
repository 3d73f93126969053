"""Writing an HSDS document as the tabular datapackage: a .zip with datapackage.json and one CSV per table."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
import zipfile
from functools import cache
from itertools import repeat

from ookbalans.interchange.exporting.hsds_json import split
from ookbalans.interchange.tables import descriptor, field_names, resources
from ookbalans.spreadsheets import FORMULA_STARTS, guarded

# The default of a column an object lacks, for every column (map's second argument to dict.get).
EMPTY = repeat("")
# zlib's level for the zip: 3 packs about 10% larger than the default 6 in less than half the time
# (a coalition's 1 MB of CSV: 7 ms against 18 ms; for the country's 100,000 services some 4 s).
COMPRESSION = 3
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


# Objects of the document (services, organisations …) whose rows are held before they go to the
# tables' temporary files.
OBJECTS_PER_FLUSH = 100
# Tables of objects that several parents name (a location nested in each of its services at a
# location, a term in each attribute): each is written once, with the fields of every mention.
SHARED = {"location", "program", "organization", "taxonomy_term", "taxonomy"}
# In a row of texts joined by commas, what shows a cell the csv module would quote (a comma is seen
# by counting them) or a cell that starts like a formula (one the guard puts an apostrophe before):
# such a row, and one with a value other than a text, is written by the csv module after cell_text.
# (A search for each, not one regular expression: `in` looks for a character many times faster.)
NOT_PLAIN = ('"', "\r", "\n", *(f",{start}" for start in FORMULA_STARTS))
# A column a layout reads nothing for (it holds the object's children): no object has this key.
NOTHING = object()
# Put in at a link column: the parent's id.
PARENT_ID = object()
# The layout of objects with a key of children that holds no children (a kept value): add_row's.
ODD = object()


class Layout:
    """How objects of one table with one set of keys, under one parent table, become CSV rows.

    Learned from the first such object (`Tables.learn`) and used for every other: the row's values
    are the object's values for `columns` (a column that holds children reads nothing), with the
    parent's id (or table) put in at `links` when the object has a parent id; `children` are the
    keys holding child objects, each with the kind of value it must have (a list of children, or
    one) and its table.
    """

    __slots__ = ("children", "columns", "commas", "lines", "links")

    def __init__(self, columns: tuple, links: tuple, children: tuple, lines: list[str]) -> None:
        self.columns, self.links, self.children, self.lines = columns, links, children, lines
        self.commas = len(columns) - 1


class Tables:
    """The datapackage's tables being filled: shared objects in memory, every other row on disk as CSV.

    `add_row` is the definition of a row: a copy of the object without its children, with the id of
    its parent. `put` gives the same rows for the tables other than the shared ones from a `Layout`
    per set of keys (the mapping gives the same keys to nearly every object of a table): no dict per
    row, and a row of plain texts joined by commas without the csv module.
    """

    def __init__(self):
        self.columns = {name: field_names(name) for name in resources()}
        self.known_columns = {name: set(columns) for name, columns in self.columns.items()}
        self.shared: dict[str, dict[str, dict]] = {name: {} for name in SHARED}
        # Per table with rows: its temporary file, the CSV lines not yet in it, and its number of
        # columns when its first row was written.
        self.files: dict = {}
        self.lines: dict[str, list[str]] = {}
        self.written_columns: dict[str, int] = {}
        self.scratch = io.StringIO()
        self.csv_writer = csv.writer(self.scratch, lineterminator="\r\n")
        # The shared objects added so far, by identity (and held, so that an id is not reused): the
        # mapping gives one dict per term and per location of an export, mentioned again and again.
        self.mentioned: dict[int, dict] = {}
        # Layouts by (table, parent table), then by the object's keys.
        self.layouts: dict[tuple[str, str | None], dict[tuple, Layout]] = {}

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
        columns = self.with_columns(table, row)
        self.store(table, row, columns)
        return True

    def with_columns(self, table: str, row) -> list[str]:
        """The table's columns, with the keys of `row` it lacks added at the end (in the row's order)."""
        columns, known = self.columns[table], self.known_columns[table]
        if not known.issuperset(row):
            added = [name for name in row if name not in known]
            columns += added
            known.update(added)
        return columns

    def lines_of(self, table: str, columns: list[str]) -> list[str]:
        """The table's CSV lines waiting for its temporary file (made with the table's first row)."""
        lines = self.lines.get(table)
        if lines is None:
            self.files[table] = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115
            self.written_columns[table] = len(columns)
            lines = self.lines[table] = []
        return lines

    def csv_line(self, values: list) -> str:
        """The CSV line of a row's values, each as cell_text gives it, as the csv module writes it."""
        for index, value in enumerate(values):
            if value.__class__ is not str or value.startswith(FORMULA_STARTS):
                values[index] = "" if value is None else cell_text(value)
        self.csv_writer.writerow(values)
        line = self.scratch.getvalue()
        self.scratch.seek(0)
        self.scratch.truncate()
        return line

    def store(self, table: str, row: dict, columns: list[str]) -> None:
        self.lines_of(table, columns).append(self.csv_line(list(map(row.get, columns))))

    def put(self, table: str, item, parent_table: str | None, parent_id) -> None:
        """What `add_row(self, table, item, parent_table, parent_id)` does, through the item's Layout."""
        if item.__class__ is not dict or table in SHARED:
            add_row(self, table, item, parent_table, parent_id)
            return
        layouts = self.layouts.get((table, parent_table))
        if layouts is None:
            layouts = self.layouts[table, parent_table] = {}
        keys = tuple(item)
        layout = layouts.get(keys)
        if layout is None:
            layout = layouts[keys] = self.learn(table, parent_table, item)
        if layout is ODD:
            add_row(self, table, item, parent_table, parent_id)
            return
        for key, kind, _child_table in layout.children:
            if item[key].__class__ is not kind:  # a subclass: as add_row does it
                add_row(self, table, item, parent_table, parent_id)
                return
        values = list(map(item.get, layout.columns, EMPTY))
        if parent_id:
            for index, value in layout.links:
                values[index] = parent_id if value is PARENT_ID else value
        try:
            line = ",".join(values)
        except TypeError:  # a value other than a text
            layout.lines.append(self.csv_line(values))
        else:
            if (
                line.count(",") == layout.commas
                and not line.startswith(FORMULA_STARTS)
                and not any(map(line.__contains__, NOT_PLAIN))
            ):
                layout.lines.append(line + "\r\n")
            else:
                layout.lines.append(self.csv_line(values))
        if layout.children:
            item_id = item.get("id")
            for key, kind, child_table in layout.children:
                if kind is list:
                    for child in item[key]:
                        self.put(child_table, child, table, item_id)
                else:
                    self.put(child_table, item[key], table, item_id)

    def learn(self, table: str, parent_table: str | None, item: dict) -> Layout:
        """The layout of objects with the keys of `item`; ODD when a key of children holds something else."""
        if any(key in CHILDREN and not isinstance(item[key], CHILDREN[key][1]) for key in item):
            return ODD
        children = tuple((key, CHILDREN[key][1], CHILDREN[key][0]) for key in item if key in CHILDREN)
        holding_children = {key for key, _kind, _table in children}
        own = [key for key in item if key not in holding_children]
        # The columns add_row's setdefault fills from the parent (when the parent has an id).
        from_parent = {}
        if parent_table:
            if table == "attribute":
                from_parent = {"link_id": PARENT_ID, "link_entity": parent_table}
            elif link := parent_link(table, parent_table):
                from_parent = {link: PARENT_ID}
        from_parent = {name: value for name, value in from_parent.items() if name not in own}
        columns = self.with_columns(table, [*own, *from_parent])
        return Layout(
            tuple(NOTHING if name in holding_children else name for name in columns),
            tuple((columns.index(name), value) for name, value in from_parent.items()),
            children,
            self.lines_of(table, columns),
        )

    def flush(self) -> None:
        """The rows so far from memory to the tables' temporary files."""
        for table, lines in self.lines.items():
            if lines:
                self.files[table].write("".join(lines))
                lines.clear()

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
        self.flush()
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
            table = TOP_LEVEL[key]
            for count, item in enumerate(items(), start=1):
                tables.put(table, item, None, None)
                if count % OBJECTS_PER_FLUSH == 0:
                    tables.flush()


class RowsInMemory(Tables):
    """The tables as lists of row dicts with their values as in the document (for tests and small files)."""

    def __init__(self):
        super().__init__()
        self.rows: dict[str, list[dict]] = {name: [] for name in resources()}

    def store(self, table: str, row: dict, columns: list[str]) -> None:
        self.rows[table].append(row)

    def put(self, table: str, item, parent_table: str | None, parent_id) -> None:
        add_row(self, table, item, parent_table, parent_id)


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
            tables.put(child_table, child, table, item.get("id"))


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
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESSION) as archive:
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
