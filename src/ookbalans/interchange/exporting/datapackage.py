"""Writing an HSDS document as the tabular datapackage: a .zip with datapackage.json and one CSV per table."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from ookbalans.interchange.tables import descriptor, field_names, resources
from ookbalans.spreadsheets import guarded

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
    if value is None:
        return ""
    if isinstance(value, bool):
        value = "true" if value else "false"
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    return guarded(str(value))


def flatten(document: dict) -> dict[str, list[dict]]:
    """Tables (per datapackage resource) of rows, each object once, with the ids that link them."""
    tables: dict[str, dict[str, dict]] = {name: {} for name in resources()}
    for key, table in TOP_LEVEL.items():
        for item in document.get(key) or []:
            add_row(tables, table, item, None, None)
    return {name: list(rows.values()) for name, rows in tables.items()}


def add_row(tables, table: str, item: dict, parent_table: str | None, parent_id) -> None:
    if not isinstance(item, dict):
        return
    row = {}
    for key, value in item.items():
        if key in CHILD_LISTS and isinstance(value, list):
            for child in value:
                add_row(tables, CHILD_LISTS[key], child, table, item.get("id"))
        elif key in CHILD_OBJECTS and isinstance(value, dict):
            add_row(tables, CHILD_OBJECTS[key], value, table, item.get("id"))
        else:
            row[key] = value
    if parent_table and parent_id:
        link = f"{parent_table}_id"
        if table == "attribute":
            row.setdefault("link_id", parent_id)
            row.setdefault("link_entity", parent_table)
        elif link in field_names(table) and table not in (
            "location",
            "program",
            "organization",
            "taxonomy_term",
            "taxonomy",
        ):
            row.setdefault(link, parent_id)
    rows = tables[table]
    object_id = str(row.get("id", len(rows)))
    if object_id in rows:
        for key, value in row.items():
            if rows[object_id].get(key) in (None, ""):
                rows[object_id][key] = value
    else:
        rows[object_id] = row


def write_datapackage(document: dict, target) -> None:
    """Write a .zip with datapackage.json and one CSV per table that has rows."""
    tables = flatten(document)
    package = dict(descriptor())
    package["name"] = "ookbalans-hsds"
    package["resources"] = []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in tables.items():
            if not rows:
                continue
            resource = resources()[name]
            columns = field_names(name)
            for row in rows:
                columns += [key for key in row if key not in columns]
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(columns)
            for row in rows:
                writer.writerow([cell_text(row.get(column)) for column in columns])
            archive.writestr(resource["path"], out.getvalue().encode("utf-8"))
            package["resources"].append(resource)
        archive.writestr("datapackage.json", json.dumps(package, indent=2, ensure_ascii=False))
